#!/usr/bin/env python3
"""Batch reprint throughput (issue 14): pages per minute at 1 and 2 processes, a
Dask LocalCluster with 2 workers against the pool, peak memory per worker, and
what 7,000 pages (a daily's year) cost in core-hours.

The archives are generated (``tests/batch/archivegen.py``: made-up text in the
forms of ``shared/spec/archives.md``, mixed encodings, 1,200-5,200 characters a
page) into a temporary folder and deleted after; nothing is committed.  Each mode
runs in a fresh Python process (as ``layout reprint`` does: nothing warm from
another mode) into a fresh OUT_DIR, through ``layout.batch.run_batch`` with the
CLI's default options (template auto, PDF/X-4, every PDF read back and verified).
The clock starts at ``run_batch`` (the Dask cluster is started before it) and
includes loading the fonts once per process.  The PDFs of all modes are compared
byte for byte.

    python benchmarks/batch.py [--archives 24] [--seed 1] [--no-dask] [--repeat N]

``--repeat N`` runs the modes in turn N times (one, pool, Dask, one, pool, ...) and
keeps each mode's fastest run: on a machine shared with other jobs, the run the
others disturbed least (every run's PDFs are still compared).

Targets: 2 processes >= 1.7x one process on 2 cores; Dask within 15 % of the pool.
The wall clock depends on what else the machine runs: the CPU seconds per page
are printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "batch"))  # the archive generator of the tests

YEAR_PAGES = 7000


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def measure(mode: str, archives: Path, out: Path) -> dict:
    """One mode in this process: pages, wall and CPU seconds, peak memory (MiB)."""
    from layout.batch import BatchConfig, Options, run_batch

    cluster = client = None
    scheduler = None
    if mode == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        client = Client(cluster)
        scheduler = cluster.scheduler_address
        before = sum(client.run(_cpu, resource.RUSAGE_SELF).values())
    cfg = BatchConfig(inputs=(str(archives),), out_dir=out, options=Options(), jobs=2 if mode == "pool" else 1,
                      scheduler=scheduler, progress=False)
    t0, c0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    rep = run_batch(cfg).report
    task_cpu = sum(r.get("cpu_seconds") or 0 for r in rep["results"])
    wall = time.perf_counter() - t0
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - c0  # pool workers are reaped by now
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if client is not None:
        cpu += sum(client.run(_cpu, resource.RUSAGE_SELF).values()) - before
        worker_mib = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values()) / 1024
        client.close()
        cluster.close()
    return {"pages": rep["pages"], "archives": rep["archives"], "failed": rep["failed"],
            "lost_text": rep["lost_text"], "wall": wall, "cpu": cpu, "task_cpu": task_cpu,
            "coordinator_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mib": worker_mib if mode != "one" else None}


def _in_child(mode: str, archives: Path, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--measure", mode, str(archives), str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(name: str, m: dict) -> float:
    rate = m["pages"] * 60 / m["wall"]
    mem = f", peak {m['worker_mib']:.0f} MiB per worker" if m["worker_mib"] else ""
    print(f"  {name:28} {m['pages']} pages in {m['wall']:6.1f} s = {rate:6.1f} pages/min; "
          f"CPU {m['cpu'] / m['pages']:.2f} s/page (in the tasks {m['task_cpu'] / m['pages']:.2f}); coordinator {m['coordinator_mib']:.0f} MiB{mem} "
          f"(failed {m['failed']}, text lost in {m['lost_text']})")
    return rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archives", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    ap.add_argument("--repeat", type=int, default=1, help="run the modes in turn N times, keep each one's fastest")
    ap.add_argument("--measure", nargs=3, metavar=("MODE", "IN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        mode, archives, out = args.measure
        print(json.dumps(measure(mode, Path(archives), Path(out))))
        return 0
    from archivegen import write_archives

    work = Path(tempfile.mkdtemp(prefix="layout-batch-bench-"))
    try:
        archives = work / "in"
        write_archives(archives, args.archives, seed=args.seed)
        size = sum(p.stat().st_size for p in archives.iterdir())
        print(f"{args.archives} generated archives ({size / 1024:.0f} KiB); load average "
              f"{os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
        modes = [("one", "1 process"), ("pool", "pool, 2 processes")]
        if not args.no_dask:
            modes.append(("dask", "Dask LocalCluster, 2 workers"))
        got: dict[str, dict] = {}
        same = True
        for turn in range(max(1, args.repeat)):
            for mode, _ in modes:
                out = work / f"{mode}-{turn}"
                m = _in_child(mode, archives, out)
                if mode not in got or m["wall"] < got[mode]["wall"]:
                    got[mode] = m
                same = same and _pdfs(out) == _pdfs(work / "one-0")
        if args.repeat > 1:
            print(f"fastest of {args.repeat} runs of each mode, in turn:")
        rates = {mode: _line(name, got[mode]) for mode, name in modes}
        one, pool = got["one"], got["pool"]
        print(f"scaling 2 processes / 1: {rates['pool'] / rates['one']:.2f}x (target >= 1.7); the CPU figures "
              f"allow {2 * (one['cpu'] / one['pages']) / (pool['cpu'] / pool['pages']):.2f}x on 2 idle cores")
        if "dask" in got:
            dask = got["dask"]
            print(f"Dask LocalCluster 2 workers / pool: {rates['dask'] / rates['pool']:.2f} "
                  f"(target within 15 %: >= 0.85); pages per CPU second, Dask / pool: "
                  f"{(pool['cpu'] / pool['pages']) / (dask['cpu'] / dask['pages']):.2f} (what 2 idle cores allow)")
        per_page = one["cpu"] / one["pages"]
        print(f"{YEAR_PAGES:,} pages at {per_page:.2f} CPU s/page (1 process, verify included) = "
              f"{per_page * YEAR_PAGES / 3600:.2f} core-hours; at the pool's rate on this machine "
              f"{YEAR_PAGES / rates['pool'] / 60:.1f} h")
        print(f"same bytes in every mode: {same} ({len(_pdfs(work / 'one-0'))} PDFs); load average now "
              f"{os.getloadavg()[0]:.2f}")
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
