"""Running one function over an edition's pages on all cores, results in page order.

Why fork: the work items (pages, layouts) are large and already in this process;
forked workers inherit them (and the function), so nothing but an item's result
travels between processes.  Where fork is not available the items are sent
(pickled) to a process pool.  The results are the same whatever the number of
processes: each item is computed alone from the same arguments and they are
collected in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

_POLL = 0.5  # s: how often a wait for a worker's result checks that the workers still live
_DONE = (-1, None, None)  # a worker's last message: nothing left to take


def jobs_for(n_items: int, jobs: int | None) -> int:
    """Processes to use: ``jobs`` (default one per core), never more than items."""
    return max(1, min(n_items, jobs or os.cpu_count() or 1))


def map_pages(fn: Callable[..., Any], items: Sequence[Any], jobs: int | None,
              progress: Callable[[int], None] | None = None, *,
              after: Sequence[Sequence[int]] | None = None,
              given: Callable[[int, list[Any]], Any] | None = None) -> list[Any]:
    """``[fn(x) for x in items]``, on up to ``jobs`` processes, this one included.

    ``after[i]``: the items (all before ``i``) whose results item ``i`` needs; it is
    then computed, in this process, as ``fn(items[i], given(i, results))`` once
    they are done (an edition's page that continues stories of earlier pages:
    ``edition.place``).

    This process computes the first item before any worker starts, so the workers
    are forked warm (modules imported, font tables read: ~50 ms a worker would
    spend again); then all take the next item from one shared counter (``_forked``).
    ``progress(k)`` is called after each item with the number done so far less one."""
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

    finished(0, fn(*args(0)))
    work = _Work(fn, items, deps, args, finished, done)
    if _can_fork():
        _forked(work, n - 1, multiprocessing.get_context("fork"))
    else:
        _pooled(work, n - 1, multiprocessing.get_context("spawn"))
    return out


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")


class _Work:
    """What the schedulers share: the function, the items, what each waits for,
    each item's arguments (``args(i)``: with ``given``'s, from the results so far)
    and ``finished`` (``map_pages``)."""

    def __init__(self, fn, items, deps, args, finished, done):
        self.fn, self.items, self.deps = fn, items, deps
        self.args, self.finished, self.done = args, finished, done

    def compute(self, i: int) -> Any:
        return self.fn(*self.args(i))

    def ready(self, i: int) -> bool:
        return self.deps[i] <= self.done


def _forked(w: _Work, workers: int, ctx) -> None:
    """Items 1.. on this process and ``workers`` forked ones.  Each process takes
    the next item that waits for nothing from one shared counter, so no process
    waits while another still holds a queue of items, and all finish within about
    an item of each other.  An item that waits for others is computed here, once
    they are done (``given`` needs their results).  Forked workers inherit the
    function and the items: only results travel (a queue whose feeder thread sends
    them while the worker goes on)."""
    free = [i for i in range(1, len(w.items)) if not w.deps[i]]
    waiting = [i for i in range(1, len(w.items)) if w.deps[i]]
    counter = ctx.RawValue("i", 0)  # the next index into ``free``
    lock = ctx.Lock()
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(w.compute, free, counter, lock, results), daemon=True)
             for _ in range(min(workers, len(free)))]  # none when every page left waits for another
    for proc in procs:
        proc.start()
    running = len(procs)
    ok = False
    try:
        while True:
            got = _result(results, procs, block=False)
            while got is not None:  # what the workers finished meanwhile
                running -= _collect(got, w)
                got = _result(results, procs, block=False)
            ready = [i for i in waiting if w.ready(i)]
            if ready:
                waiting.remove(ready[0])
                w.finished(ready[0], w.compute(ready[0]))
                continue
            k = _take(counter, lock)
            if k < len(free):
                w.finished(free[k], w.compute(free[k]))
                continue
            if not waiting and not running:
                ok = True
                return
            running -= _collect(_result(results, procs, block=True), w)
    finally:
        if not ok:  # an error here or in a worker: the others stop now (their results are not wanted)
            for proc in procs:
                if proc.is_alive():
                    proc.terminate()
        for proc in procs:
            proc.join()  # done (their last message read) or terminated


def _take(counter, lock) -> int:
    with lock:
        k = counter.value
        counter.value = k + 1
    return k


def _worker(compute, free, counter, lock, results) -> None:
    """A forked worker: items that wait for nothing, from the shared counter until
    none is left (``compute`` inherited: an item's ``given`` reads no result), each
    result put on ``results`` as (index, value, None); an error is sent, not raised."""
    try:
        while (k := _take(counter, lock)) < len(free):
            i = free[k]
            results.put((i, compute(i), None))
    except BaseException as e:  # sent to the caller, who raises it
        results.put((-1, None, _sendable(e)))
    results.put(_DONE)
    results.close()
    results.join_thread()


def _sendable(e: BaseException) -> BaseException:
    """``e`` if it can be pickled, else a RuntimeError with its text."""
    import pickle

    try:
        pickle.dumps(e)
        return e
    except Exception:  # unpicklable: its text goes instead
        return RuntimeError(f"{type(e).__name__}: {e}")


def _result(results, procs, block: bool):
    """The next message from a worker; None when ``block`` is False and there is
    none yet.  A worker that died without a word (killed) is an error, not a hang."""
    import queue

    while True:
        try:
            return results.get(block, _POLL) if block else results.get_nowait()
        except queue.Empty:
            if not block:
                return None
            if any(p.exitcode not in (None, 0) for p in procs) or (
                    all(p.exitcode is not None for p in procs) and results.empty()):
                raise RuntimeError("a worker process rendering pages died") from None


def _collect(message, w: _Work) -> int:
    """Record a worker's message; 1 when it says the worker is done."""
    i, value, error = message
    if error is not None:
        raise error
    if i < 0:  # _DONE
        return 1
    w.finished(i, value)
    return 0


def _pooled(w: _Work, workers: int, ctx) -> None:
    """Without fork: items sent to a pool of spawned processes, two queued per
    worker, this process computing from the end of the list and every item that
    waits for others."""
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    todo = list(range(1, len(w.items)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        running: dict[Future, int] = {}

        def top_up() -> None:
            for i in [i for i in todo if not w.deps[i]]:
                if len(running) >= 2 * workers:
                    break
                todo.remove(i)
                running[pool.submit(w.fn, *w.args(i))] = i

        def collect(futures) -> None:
            for f in futures:
                w.finished(running.pop(f), f.result())

        top_up()
        while todo or running:
            mine = [i for i in todo if w.ready(i)]
            if mine:
                dependent = [i for i in mine if w.deps[i]]
                i = dependent[0] if dependent else mine[-1]
                todo.remove(i)
                w.finished(i, w.compute(i))
                collect([f for f in running if f.done()])
            else:
                collect(wait(running, return_when=FIRST_COMPLETED).done)
            top_up()
