"""What a batch does to the Dask workers it runs on (issue 14): a worker plugin.

Imported only when a batch runs on a cluster (it needs ``distributed``); the workers
import it by name when the plugin reaches them, so they need the same ``layout``.

Why a plugin rather than ``Client.run``: a plugin's ``setup`` runs on every worker
there is when the batch starts and on every worker that joins while it runs (an
adaptive cluster), before that worker is given a task; ``Client.run`` reaches only
the workers of the moment.

``setup`` makes a worker spend its CPU on reprints as a process of the local pool
does (measured on 24 archives, 2 workers; ``benchmarks/README.md``):

- loads the templates and their fonts (``work.warm``) once per worker, in a thread,
  so the worker's event loop (heartbeats) goes on meanwhile;
- raises glibc's malloc thresholds.  A Dask nanny starts its workers with
  ``MALLOC_TRIM_THRESHOLD_=65536`` (``distributed.nanny.pre-spawn-environ``: give
  freed memory back to the system at once), which also fixes the mmap threshold at
  128 KiB: a reprint then maps, faults in and returns its larger buffers over and
  over -- 15x the page faults and ~12 % more CPU per page than in a process with
  glibc's defaults.  ``HELD`` for both restores that speed (peak memory +1 %);
- pauses Dask's statistical profiler, which samples the worker's threads every
  10 ms (``distributed.worker.profile``) on the event loop, taking the GIL from the
  reprint each time: about 1 s of CPU a worker in the run above.

``teardown`` (the batch unregisters the plugin when it ends) puts the thresholds
and the profiler back as they were, so a cluster shared with other work gets its
own settings back.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import sys
from typing import TYPE_CHECKING

from distributed.diagnostics.plugin import WorkerPlugin

from layout.batch.work import warm

if TYPE_CHECKING:
    from distributed import Worker

PLUGIN_NAME = "layout-batch"
PROFILER = ("profile", "profile-cycle")  # the worker's periodic callbacks (Worker.__init__)

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc <malloc.h>
HELD = 32 * 2**20  # glibc's own ceiling for its dynamic mmap threshold on 64-bit systems
GLIBC_MMAP_DEFAULT = 128 * 1024  # the mmap threshold while the trim threshold is set by environment


class BatchWorker(WorkerPlugin):
    """A worker ready for reprints of ``template``: fonts loaded, malloc thresholds
    raised, profiler paused; ``teardown`` undoes the last two."""

    name = PLUGIN_NAME

    def __init__(self, template: str):
        self.template = template
        self.paused: list[str] = []
        self.malloc: tuple[int, int] | None = None  # (trim, mmap) thresholds to put back

    async def setup(self, worker: Worker) -> None:
        callbacks = getattr(worker, "periodic_callbacks", {})
        for key in PROFILER:
            pc = callbacks.get(key)
            if pc is not None and pc.is_running():
                pc.stop()
                self.paused.append(key)
        before = _malloc_from_environment()
        if before is not None and _set_malloc(HELD, HELD):
            self.malloc = before
        await asyncio.to_thread(warm, self.template)

    def teardown(self, worker: Worker) -> None:
        from distributed.core import Status

        if worker.status not in (Status.running, Status.paused):
            return  # closing: its callbacks stop and its memory goes now anyway
        if self.malloc is not None:
            _set_malloc(*self.malloc)
            self.malloc = None
        callbacks = getattr(worker, "periodic_callbacks", {})
        for key in self.paused:
            pc = callbacks.get(key)
            if pc is not None and not pc.is_running():
                pc.start()
        self.paused.clear()


def _malloc_from_environment() -> tuple[int, int] | None:
    """The (trim, mmap) thresholds the environment fixed for this process, or None
    when it fixed none (glibc then adapts them itself: nothing to change) or this
    is not Linux."""
    trim = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    if trim is None or not sys.platform.startswith("linux"):
        return None
    try:
        return int(trim), int(os.environ.get("MALLOC_MMAP_THRESHOLD_", GLIBC_MMAP_DEFAULT))
    except ValueError:
        return None


def _set_malloc(trim: int, mmap: int) -> bool:
    """Set glibc's trim and mmap thresholds (``mallopt``); False where there is no
    such function or it refused."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(M_TRIM_THRESHOLD, trim)) and bool(mallopt(M_MMAP_THRESHOLD, mmap))
