"""Running one function over an edition's pages on all cores, results in page order.

Why fork and a module global: the work items (placed pages, layouts) are large and
already in this process; forked workers inherit them, so only an index goes to a
worker and only the result comes back.  Where fork is not available the items are
sent (pickled).  The results are the same whatever the number of processes: each
item is computed alone and they are collected in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

_ITEMS: Sequence[Any] = ()
_FN: Callable[[Any], Any] | None = None


def jobs_for(n_items: int, jobs: int | None) -> int:
    """Processes to use: ``jobs`` (default one per core), never more than items."""
    return max(1, min(n_items, jobs or os.cpu_count() or 1))


def map_pages(fn: Callable[[Any], Any], items: Sequence[Any], jobs: int | None,
              progress: Callable[[int], None] | None = None) -> list[Any]:
    """``[fn(x) for x in items]``, on up to ``jobs`` processes, this one included.

    This process computes the first item before any worker starts, so the workers
    are forked warm (modules imported, font tables read: ~50 ms a worker would
    spend again), and then keeps computing items from the end of the list while
    ``jobs - 1`` workers take them from the front, until they meet.  ``progress(k)``
    is called after each item with the number done so far less one."""
    n = jobs_for(len(items), jobs)
    out: list[Any] = [None] * len(items)
    done = 0

    def finished(i: int, value: Any) -> None:
        nonlocal done
        out[i] = value
        if progress:
            progress(done)
        done += 1

    if n <= 1:
        for i, x in enumerate(items):
            finished(i, fn(x))
        return out
    import multiprocessing  # not before: one process (--jobs 1, one page) does without (~5 ms of imports)
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    global _ITEMS, _FN
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    finished(0, fn(items[0]))
    _ITEMS, _FN = items, fn
    lo, hi = 1, len(items) - 1  # the next item for the workers, and for this process
    try:
        with ProcessPoolExecutor(max_workers=n - 1, mp_context=ctx) as pool:
            running: dict[Future, int] = {}

            def top_up() -> None:  # two items queued per worker: none waits for the next
                nonlocal lo
                while lo <= hi and len(running) < 2 * (n - 1):
                    running[pool.submit(_by_index, lo) if fork else pool.submit(fn, items[lo])] = lo
                    lo += 1

            def collect(futures) -> None:
                for f in futures:
                    finished(running.pop(f), f.result())

            top_up()
            while lo <= hi:
                x, hi = items[hi], hi - 1
                finished(hi + 1, fn(x))
                collect([f for f in running if f.done()])
                top_up()
            while running:
                collect(wait(running, return_when=FIRST_COMPLETED).done)
            return out
    finally:
        _ITEMS, _FN = (), None


def _by_index(i: int) -> Any:
    assert _FN is not None
    return _FN(_ITEMS[i])
