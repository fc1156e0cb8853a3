"""What a batch does to the Dask workers it runs on (issue 14): a worker plugin.

Imported only when a batch runs on a cluster (it needs ``distributed``); the workers
import it by name when the plugin reaches them, so they need the same ``layout``.

Why a plugin rather than ``Client.run``: a plugin's ``setup`` runs on every worker
there is when the batch starts and on every worker that joins while it runs (an
adaptive cluster), before that worker is given a task; ``Client.run`` reaches only
the workers of the moment.

``setup``:

- loads the templates and their fonts (``work.warm``) once per worker, in a thread,
  so the worker's event loop (heartbeats) goes on meanwhile;
- pauses Dask's statistical profiler on the worker while the batch runs.  It samples
  the stacks of the worker's threads every 10 ms (``distributed.worker.profile``)
  on the event loop, which must take the GIL from the reprint each time: measured on
  24 archives, 2 workers, it cost ~10 % of the workers' CPU (reprint stacks are
  deep), and the dashboard's profile of a reprint says nothing the report does not.

``teardown`` (the batch unregisters the plugin when it ends, or the worker closes)
resumes the profiler, so a cluster shared with other work gets it back.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from distributed.diagnostics.plugin import WorkerPlugin

from layout.batch.work import warm

if TYPE_CHECKING:
    from distributed import Worker

PLUGIN_NAME = "layout-batch"
PROFILER = ("profile", "profile-cycle")  # the worker's periodic callbacks (Worker.__init__)


class BatchWorker(WorkerPlugin):
    """A worker ready for reprints of ``template``: fonts loaded, profiler paused."""

    name = PLUGIN_NAME

    def __init__(self, template: str):
        self.template = template
        self.paused: list[str] = []

    async def setup(self, worker: Worker) -> None:
        callbacks = getattr(worker, "periodic_callbacks", {})
        for key in PROFILER:
            pc = callbacks.get(key)
            if pc is not None and pc.is_running():
                pc.stop()
                self.paused.append(key)
        await asyncio.to_thread(warm, self.template)

    def teardown(self, worker: Worker) -> None:
        from distributed.core import Status

        if worker.status not in (Status.running, Status.paused):
            return  # closing: its callbacks stop now anyway
        callbacks = getattr(worker, "periodic_callbacks", {})
        for key in self.paused:
            pc = callbacks.get(key)
            if pc is not None and not pc.is_running():
                pc.start()
        self.paused.clear()
