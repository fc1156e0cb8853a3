"""A batch on a Dask cluster the test starts and stops (LocalCluster, two worker
processes: their hash seeds differ from ours, so this also proves the bytes do not
depend on one), and a batch killed with ``kill -9`` (issue 14)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from batch_helpers import COUNT, FAST, pdfs

from layout.cli import main

if TYPE_CHECKING:
    from distributed import Worker


def _prepared(dask_worker: Worker) -> tuple[bool, bool]:  # runs on each worker (Client.run)
    """Whether the worker's statistical profiler is paused, and whether a batch's plugin
    holds glibc's malloc thresholds raised on it."""
    from layout.batch.daskworker import PLUGIN_NAME

    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return not dask_worker.periodic_callbacks["profile"].is_running(), getattr(plugin, "malloc", None) is not None


def test_dask_cluster_writes_the_bytes_the_pool_writes(archives, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    from layout.batch.daskworker import PLUGIN_NAME, BatchWorker

    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        client.register_plugin(BatchWorker("auto"), name=PLUGIN_NAME)  # what a batch does first
        # a nanny starts its workers with MALLOC_TRIM_THRESHOLD_ set: the plugin raises it (on Linux)
        assert set(client.run(_prepared).values()) == {(True, sys.platform.startswith("linux"))}
        client.unregister_worker_plugin(PLUGIN_NAME)
        assert set(client.run(_prepared).values()) == {(False, False)}
        two = sorted(archives.glob("*.txt"))[:2]  # one for each worker: enough to compare processes
        code = main(["reprint", *map(str, two), "-o", str(out), "--scheduler", cluster.scheduler_address, *FAST])
        assert set(client.run(_prepared).values()) == {(False, False)}  # the batch left the workers as it found them
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert rep["workers"].startswith("Dask") and rep["done"] == rep["archives"] == 2
    assert code == (1 if rep["lost_text"] else 0)
    want = {name: data for name, data in pdfs(reference).items() if name in {p.with_suffix(".pdf").name for p in two}}
    assert len(want) == 2 and pdfs(out) == want


def test_unreachable_scheduler_is_a_usage_error(archives, tmp_path, capsys):
    pytest.importorskip("distributed")
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["reprint", str(archives), "-o", str(tmp_path / "out"), "--scheduler",
                 f"tcp://127.0.0.1:{port}", *FAST]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_workers_without_layout_stop_the_run_with_a_message(archives, tmp_path, capsys, monkeypatch):
    distributed = pytest.importorskip("distributed")
    from distributed.diagnostics.plugin import WorkerPlugin

    from layout.batch import daskworker

    class Missing(WorkerPlugin):  # what a worker without layout meets when the plugin reaches it
        def __init__(self, template: str):
            self.template = template

        def setup(self, worker: Worker) -> None:
            raise ModuleNotFoundError("No module named 'layout'")

    monkeypatch.setattr(daskworker, "BatchWorker", Missing)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster:
        code = main(["reprint", str(archives), "-o", str(out), "--scheduler", cluster.scheduler_address, *FAST])
    err = capsys.readouterr().err
    assert code == 2 and "the Dask workers cannot prepare for reprints" in err and "No module named" in err
    assert not list(out.rglob("*.pdf"))


def _done(manifest: Path) -> int:
    try:
        with sqlite3.connect(manifest, timeout=0.1) as db:
            return db.execute("SELECT count(*) FROM archives WHERE status = 'done'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_leaves_no_half_written_pdf_and_resumes(fresh, reference, tmp_path):
    folder, jobs = fresh, "2"
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    cmd = [sys.executable, "-m", "layout", "reprint", str(folder), "-o", str(out), "-j", jobs, *FAST]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _done(out / "manifest.sqlite") < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the coordinator and its workers, as kill -9 of a job does
    proc.wait()
    for pdf in out.glob("*.pdf"):  # only whole PDFs under their names
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert not list((out / "report.json").parent.glob("report.json.*"))
    code = subprocess.run(cmd, env=env, stderr=subprocess.DEVNULL).returncode
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert rep["kept"] >= 1 and rep["kept"] + rep["done"] + rep["failed"] == COUNT
    assert code == (1 if rep["failed"] or rep["lost_text"] else 0)
    assert not [p for p in out.iterdir() if ".batch-tmp-" in p.name]  # the killed run's temporary files swept
    assert pdfs(out) == pdfs(reference)  # what one uninterrupted process wrote
