#!/usr/bin/env python3
"""Batch reprint throughput (issue 14): pages per minute at 1 and 2 processes, a
Dask LocalCluster with 2 workers against the pool, peak memory per worker, and
what 7,000 pages (a daily's year) cost in core-hours.

The archives are generated (``tests/batch/archivegen.py``: made-up text in the
forms of ``shared/spec/archives.md``, mixed encodings, 1,200-5,200 characters a
page) into a temporary folder and deleted after; nothing is committed.  Every
mode writes into a fresh OUT_DIR (no resume), through ``layout.batch.run_batch``
as the CLI does, with the CLI's default options (template auto, PDF/X-4, each PDF
read back and verified).  The PDFs of all modes are compared byte for byte.

    python benchmarks/batch.py [--archives 24] [--seed 1] [--no-dask]

Targets: 2 processes >= 1.7x one process on 2 cores; Dask within 15 % of the pool.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "batch"))  # the archive generator of the tests

YEAR_PAGES = 7000


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def _run(archives: Path, out: Path, jobs: int = 1, scheduler: str | None = None) -> tuple[dict, float, float]:
    """(report, wall seconds, CPU seconds of this process and its waited children)."""
    from layout.batch import BatchConfig, Options, run_batch

    cfg = BatchConfig(inputs=(str(archives),), out_dir=out, options=Options(), jobs=jobs, scheduler=scheduler,
                      progress=False)
    t0, c0 = time.perf_counter(), _cpu()
    result = run_batch(cfg)
    return result.report, time.perf_counter() - t0, _cpu() - c0


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _line(name: str, rep: dict, wall: float) -> float:
    rate = rep["pages"] * 60 / wall
    print(f"  {name:28} {rep['archives']} archives, {rep['pages']} pages in {wall:6.1f} s = {rate:6.1f} pages/min "
          f"(failed {rep['failed']}, text lost in {rep['lost_text']})")
    return rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archives", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = ap.parse_args()
    from archivegen import write_archives

    work = Path(tempfile.mkdtemp(prefix="layout-batch-bench-"))
    try:
        archives = work / "in"
        write_archives(archives, args.archives, seed=args.seed)
        size = sum(p.stat().st_size for p in archives.iterdir())
        print(f"{args.archives} generated archives ({size / 1024:.0f} KiB) in {archives}; "
              f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
        from layout.batch.work import warm

        warm("auto")  # imports and fonts once, before any timing (the pool forks from this process)
        rep1, wall1, cpu1 = _run(archives, work / "one")
        rss1 = _maxrss_mib()
        rate1 = _line("1 process", rep1, wall1)
        rep2, wall2, _ = _run(archives, work / "pool", jobs=2)
        rss_pool = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rate2 = _line("pool, 2 processes", rep2, wall2)
        same = _pdfs(work / "one") == _pdfs(work / "pool")
        dask_rate = None
        if not args.no_dask:
            dask_rate, dask_rss, same_dask = _dask(archives, work / "dask")
            same = same and same_dask
        per_page = cpu1 / max(1, rep1["pages"])
        print(f"scaling 2 processes / 1: {rate2 / rate1:.2f}x (target >= 1.7)")
        if dask_rate:
            print(f"Dask LocalCluster 2 workers / pool: {dask_rate / rate2:.2f} (target within 15 %: >= 0.85); "
                  f"peak memory per Dask worker {dask_rss:.0f} MiB")
        print(f"peak memory: one process {rss1:.0f} MiB (the coordinator too), largest pool worker "
              f"{rss_pool:.0f} MiB")
        print(f"CPU per page {per_page:.2f} s (1 process, verify included) -> {YEAR_PAGES:,} pages = "
              f"{per_page * YEAR_PAGES / 3600:.2f} core-hours; at the pool's rate on 2 cores "
              f"{YEAR_PAGES / rate2 / 60:.1f} h")
        print(f"same bytes in every mode: {same}; load average now {os.getloadavg()[0]:.2f}")
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _dask(archives: Path, out: Path) -> tuple[float, float, bool]:
    from distributed import Client, LocalCluster

    from layout.batch.work import warm

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        client.run(warm, "auto")  # a cluster's workers outlive a run: they start it warm
        rep, wall, _ = _run(archives, out, scheduler=cluster.scheduler_address)
        rate = _line("Dask LocalCluster, 2 workers", rep, wall)
        rss = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values()) / 1024
    return rate, rss, _pdfs(out) == _pdfs(out.parent / "one")


if __name__ == "__main__":
    sys.exit(main())
