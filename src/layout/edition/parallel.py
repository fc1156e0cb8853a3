"""Running one function over an edition's pages on all cores, results in page order.

Why fork and a module global: the work items (placed pages, layouts) are large and
already in this process; forked workers inherit them, so only an index goes to a
worker and only the result comes back.  Where fork is not available the items are
sent (pickled).  The results are the same whatever the number of processes: each
item is computed alone and they are collected in order.
"""

from __future__ import annotations

import multiprocessing
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
    """``[fn(x) for x in items]``, on up to ``jobs`` processes."""
    n = jobs_for(len(items), jobs)
    if n <= 1:
        out = []
        for i, x in enumerate(items):
            out.append(fn(x))
            if progress:
                progress(i)
        return out
    from concurrent.futures import ProcessPoolExecutor

    global _ITEMS, _FN
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    _ITEMS, _FN = items, fn
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
            work = pool.map(_by_index, range(len(items))) if fork else pool.map(fn, items)
            out = []
            for i, r in enumerate(work):
                out.append(r)
                if progress:
                    progress(i)
            return out
    finally:
        _ITEMS, _FN = (), None


def _by_index(i: int) -> Any:
    assert _FN is not None
    return _FN(_ITEMS[i])
