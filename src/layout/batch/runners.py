"""Where tasks run: in this process, a local process pool, or a Dask cluster.

Each runner takes an iterator of ``Task`` (made lazily, so only the archives in
flight are in memory: a year is 7,000 pages) and yields an ``Outcome`` per task
as it finishes.  At most ``IN_FLIGHT`` tasks per worker are handed out at a time.

Fonts load once per worker: the pool forks after the coordinator has loaded them
(``work.warm``; the children share those pages), or, where fork is not available,
each worker loads them in its initializer; Dask workers load them when the run
starts or they join it (a worker plugin, ``daskworker``) and keep them for every
task after.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING

from layout.batch.work import Outcome, Task, run_task, warm
from layout.errors import LayoutError

if TYPE_CHECKING:
    from distributed import Client

IN_FLIGHT = 2  # tasks queued per worker: one running, one ready


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_serial(tasks: Iterable[Task], template: str) -> Iterator[Outcome]:
    warm(template)
    for task in tasks:
        yield run_task(task)


def run_pool(tasks: Iterable[Task], jobs: int, template: str) -> Iterator[Outcome]:
    """A local pool of ``jobs`` processes (see ``PoolRun`` for a worker that dies)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        warm(template)  # loaded before the fork: every worker starts with the fonts
        ctx = multiprocessing.get_context("fork")
    else:  # pragma: no cover - macOS/Windows
        ctx = multiprocessing.get_context("spawn")

    def make() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm, initargs=(template,))

    yield from PoolRun(make, jobs * IN_FLIGHT).run(iter(tasks))


DIED = "a worker process died while reprinting this archive (killed, or out of memory)"


class PoolRun:
    """Tasks through a process pool that survives a worker's death.

    When a worker dies (the OOM killer, a crash in a C library), every task then in
    the pool fails with ``BrokenProcessPool`` and the pool is unusable.  The tasks
    that were in flight become suspects: a new pool runs each of them alone, so the
    one that kills its worker again is found and fails with ``DIED``, and the others
    (and the rest of the batch) complete.
    """

    def __init__(self, make: Callable[[], ProcessPoolExecutor], limit: int):
        self.make = make
        self.limit = limit
        self.suspects: deque[Task] = deque()

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        pool = self.make()
        pending: dict[Future, Task] = {}
        held: deque[Task] = deque()  # taken from ``tasks``, not yet in a pool
        try:
            while True:
                alone = bool(self.suspects)
                broken = False
                while not broken and len(pending) < (1 if alone else self.limit):
                    task = self.suspects.popleft() if alone else (held.popleft() if held else next(tasks, None))
                    if task is None:
                        break
                    try:
                        pending[pool.submit(run_task, task)] = task
                    except BrokenProcessPool:  # it broke since we last looked
                        (self.suspects if alone else held).appendleft(task)
                        broken = True
                if not pending and not broken:
                    return
                if not broken:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        outcome = self._outcome(f, pending.pop(f), alone)
                        if outcome is None:
                            broken = True
                        else:
                            yield outcome
                if broken:
                    pool.shutdown(wait=True, cancel_futures=True)
                    for f, task in pending.items():
                        outcome = self._outcome(f, task, alone)
                        if outcome is not None:
                            yield outcome
                    pending.clear()
                    pool = self.make()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _outcome(self, f: Future, task: Task, alone: bool) -> Outcome | None:
        """The task's outcome; None when it became a suspect (its pool broke)."""
        from concurrent.futures.process import BrokenProcessPool

        e = f.exception() if not f.cancelled() else BrokenProcessPool("cancelled")
        if e is None:
            return f.result()
        if isinstance(e, BrokenProcessPool):
            if alone:
                return Outcome(task.name, task.output, error=DIED)
            self.suspects.append(task)
            return None
        return Outcome(task.name, task.output, error=f"internal error: {type(e).__name__}: {e}")


def run_dask(tasks: Iterable[Task], scheduler: str, template: str) -> Iterator[Outcome]:
    """Tasks on the Dask cluster at ``scheduler`` (``tcp://HOST:PORT``)."""
    try:
        from distributed import Client
    except ImportError:
        raise LayoutError("--scheduler needs Dask's distributed scheduler, which is not installed",
                          hint="pip install 'layout[dask]'") from None
    try:
        _reachable(scheduler)
        client = Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise LayoutError(f"cannot reach the Dask scheduler at {scheduler}: {e}",
                          hint="--scheduler tcp://HOST:PORT of a running dask scheduler") from None
    with client:
        plugin = _prepare_workers(client, template)
        try:
            yield from _submit(client, tasks)
        finally:
            with contextlib.suppress(Exception):  # a scheduler gone by now: nothing to resume
                client.unregister_worker_plugin(plugin)


def _prepare_workers(client: Client, template: str) -> str:
    """Fonts loaded and the profiler paused on every worker, now and joining
    (``daskworker.BatchWorker``); the plugin's name, to unregister it at the end."""
    from layout.batch.daskworker import PLUGIN_NAME, BatchWorker

    try:
        client.register_plugin(BatchWorker(template), name=PLUGIN_NAME)
    except Exception as e:  # a worker without layout (or another version) cannot load the plugin
        raise LayoutError(f"the Dask workers cannot prepare for reprints: {type(e).__name__}: {e}",
                          hint="install the same layout on every worker: pip install 'layout[dask]'") from None
    return PLUGIN_NAME


def _submit(client: Client, tasks: Iterable[Task]) -> Iterator[Outcome]:
    """At most ``IN_FLIGHT`` tasks per worker on the cluster; outcomes as they finish."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = workers * IN_FLIGHT + 2
    ac = as_completed(loop=client.loop, with_results=False)
    futures: dict[str, Task] = {}

    def collect(f) -> Outcome:
        task = futures.pop(f.key)
        if f.status == "finished":
            return f.result()
        try:
            e = f.exception()
        except BaseException as cancelled:  # a cancelled future raises instead
            e = cancelled
        return Outcome(task.name, task.output, error=f"the Dask task failed: {type(e).__name__}: {e}")

    for task in tasks:
        f = client.submit(run_task, task, pure=False, key=f"reprint-{task.output}-{os.urandom(4).hex()}")
        futures[f.key] = task
        ac.add(f)
        if ac.count() >= limit:
            yield collect(next(ac))
    for f in ac:
        yield collect(f)


def _reachable(scheduler: str) -> None:
    """Fail at once (OSError) when nothing listens at a ``tcp://HOST:PORT``
    address, rather than after the client's connect timeout."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(scheduler)
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return
    with socket.create_connection((parts.hostname, parts.port), timeout=10):
        pass
