"""``layout reprint DIR_OR_FILES… -o OUT_DIR``: the batch form of ``layout reprint``
(issue 14; the work is ``layout.batch``).

A batch is: a folder, several archives, or ``-o`` naming a folder (an existing
one, or a path ending in ``/``).  One archive with ``-o OUT.pdf`` is the one-page
command as before.  Exit 0: every archive reprinted with all its text; 1: an
archive failed or lost text (with ``--strict``: any problem); 2: wrong arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from layout.errors import EXIT_OK, EXIT_PROBLEMS, LayoutError


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes") from None
    if not 1 <= n <= 1024:
        raise argparse.ArgumentTypeError(f"{n} processes: give 1 to 1024")
    return n


def add_batch_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("batch (a folder or several archives, -o OUT_DIR)")
    g.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="processes on this machine (default: one per core)")
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run on this Dask cluster instead (pip install 'layout[dask]')")
    g.add_argument("--no-progress", action="store_true", help="no progress line, even on a terminal")


def is_batch(args: argparse.Namespace) -> bool:
    out = args.output
    return (len(args.archive) > 1 or Path(args.archive[0]).is_dir()
            or bool(out and (out.endswith(("/", os.sep)) or Path(out).is_dir())))


def run_batch_command(args: argparse.Namespace) -> int:
    from layout.batch import BatchConfig, Options, run_batch
    from layout.batch.runners import default_jobs

    if not args.output:
        raise LayoutError("a batch of archives needs the output folder: -o OUT_DIR")
    if args.yaml_dir:
        raise LayoutError("--yaml-dir takes one archive; a batch writes only PDFs into OUT_DIR")
    if args.jobs and args.scheduler:
        raise LayoutError("--jobs and --scheduler exclude each other: the cluster decides its workers")
    if args.scheduler and "://" not in args.scheduler:
        raise LayoutError(f"--scheduler {args.scheduler!r}: give the scheduler's address, tcp://HOST:PORT")
    cfg = BatchConfig(inputs=tuple(args.archive), out_dir=Path(args.output),
                      options=Options(template=args.template, encoding=args.encoding, pdfx=args.pdfx,
                                      proof=args.proof),
                      jobs=args.jobs or default_jobs(), scheduler=args.scheduler,
                      progress=False if (args.quiet or args.no_progress) else None, verbose=args.report)
    result = run_batch(cfg)
    report = getattr(args, "reporter", None)  # cli.common.Reporter: the JSON result is its
    if report is not None:
        report.outputs.append({"path": str(result.report_path), "kind": "report"})
    if report is not None and report.as_json:
        report.set(**result.report)  # the report's fields in the one JSON object --json prints
    elif not args.quiet:
        sys.stdout.write(result.summary)
    else:
        for r in result.report["results"]:
            if r["status"] == "failed":
                print(f"layout: error: {r['error']}", file=sys.stderr)
            elif (r.get("fidelity") or {}).get("lost"):
                print(f"layout: error: {r['source']}: {r['fidelity']['lost']} characters lost", file=sys.stderr)
    if result.failed_or_lost or (args.strict and result.problems):
        return EXIT_PROBLEMS
    return EXIT_OK
