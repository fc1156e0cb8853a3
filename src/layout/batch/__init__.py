"""Batch reprint: a folder of archives on all cores or on a Dask cluster,
resumable, with a report (issue 14).

``layout reprint DIR_OR_FILES… -o OUT_DIR`` → ``run_batch``.  Modules:
``plan`` (which archives, which PDF each writes), ``work`` (one task: plain data
in, plain data out), ``runners`` (this process, a process pool, Dask),
``manifest`` (SQLite in OUT_DIR: resume), ``report`` (report.json and the
summary), ``progress`` (the line on a terminal), ``run`` (the whole run).
"""

from __future__ import annotations

from layout.batch.run import BatchConfig, BatchResult, run_batch
from layout.batch.work import Options

__all__ = ["BatchConfig", "BatchResult", "Options", "run_batch"]
