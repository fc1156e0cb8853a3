"""Running one function over an edition's pages on all cores, results in page order.

Why fork and a module global: the work items (pages, layouts) are large and
already in this process; forked workers inherit them, so only an index (and what
the item waits for, ``given``) goes to a worker and only the result comes back.
Where fork is not available the items are sent (pickled).  The results are the
same whatever the number of processes: each item is computed alone from the same
arguments and they are collected in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

_ITEMS: Sequence[Any] = ()
_FN: Callable[..., Any] | None = None


def jobs_for(n_items: int, jobs: int | None) -> int:
    """Processes to use: ``jobs`` (default one per core), never more than items."""
    return max(1, min(n_items, jobs or os.cpu_count() or 1))


def map_pages(fn: Callable[..., Any], items: Sequence[Any], jobs: int | None,
              progress: Callable[[int], None] | None = None, *,
              after: Sequence[Sequence[int]] | None = None,
              given: Callable[[int, list[Any]], Any] | None = None) -> list[Any]:
    """``[fn(x) for x in items]``, on up to ``jobs`` processes, this one included.

    ``after[i]``: the items (all before ``i``) whose results item ``i`` needs; it is
    then computed as ``fn(items[i], given(i, results))`` once they are done (an
    edition's page that continues stories of earlier pages: ``edition.place``).

    This process computes the first item before any worker starts, so the workers
    are forked warm (modules imported, font tables read: ~50 ms a worker would
    spend again), and then keeps computing the last item that is ready while
    ``jobs - 1`` workers take the first ones, until they meet.  ``progress(k)`` is
    called after each item with the number done so far less one."""
    n = jobs_for(len(items), jobs)
    deps = [frozenset(a) for a in after] if after is not None else [frozenset()] * len(items)
    if any(d >= i for i, ds in enumerate(deps) for d in ds):
        raise ValueError("an item can only wait for items before it")
    out: list[Any] = [None] * len(items)
    done: set[int] = set()

    def finished(i: int, value: Any) -> None:
        out[i] = value
        if progress:
            progress(len(done))
        done.add(i)

    def args(i: int) -> tuple:
        return (items[i],) if given is None else (items[i], given(i, out))

    if n <= 1:
        for i in range(len(items)):
            finished(i, fn(*args(i)))
        return out
    import multiprocessing  # not before: one process (--jobs 1, one page) does without (~5 ms of imports)
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    global _ITEMS, _FN
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    finished(0, fn(*args(0)))
    _ITEMS, _FN = items, fn
    todo = list(range(1, len(items)))  # not started, in order
    try:
        with ProcessPoolExecutor(max_workers=n - 1, mp_context=ctx) as pool:
            running: dict[Future, int] = {}

            def ready() -> list[int]:
                return [i for i in todo if deps[i] <= done]

            def top_up() -> None:  # two items queued per worker: none waits for the next
                for i in ready():
                    if len(running) >= 2 * (n - 1):
                        break
                    todo.remove(i)
                    a = args(i)
                    running[pool.submit(_by_index, i, *a[1:]) if fork else pool.submit(fn, *a)] = i

            def collect(futures) -> None:
                for f in futures:
                    finished(running.pop(f), f.result())

            top_up()
            while todo or running:
                mine = ready()
                if mine:  # the last one ready: the workers take from the front
                    i = mine[-1]
                    todo.remove(i)
                    finished(i, fn(*args(i)))
                    collect([f for f in running if f.done()])
                else:
                    collect(wait(running, return_when=FIRST_COMPLETED).done)
                top_up()
            return out
    finally:
        _ITEMS, _FN = (), None


def _by_index(i: int, *given: Any) -> Any:
    assert _FN is not None
    return _FN(_ITEMS[i], *given)
