#!/usr/bin/env python3
"""Time the sample page: whole-process (start Python, import, set, write the PDF)
and in-process (fonts and photos already cached, load + place + render + PDF/X).

Targets (issue 4): whole-process no slower than Typst setting the same text on this
machine (~0.12 s), and <= 60 ms per page in-process once fonts are loaded.

    python benchmarks/render_sample.py [--runs 7] [--pdfx x4|x1a|none]

The machine is shared (2 cores, other jobs running), so besides wall-clock time
every figure is also given as CPU time (user + system of the process: time spent
waiting for a core is not in it), and medians and bests of --runs runs are printed.
For context, the whole-process section also times a bare interpreter start
(``python -c pass``) and the imports a render needs, in fresh processes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"
IMPORTS = ("import layout.cli.render, layout.model.loader, layout.place, layout.render.output, layout.render.drawing, layout.render.pdfbackend, "
           "layout.render.text, layout.render.pdfxwrite, layout.render.imagecache, reportlab.pdfgen.canvas")


def _run(cmd: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def processes(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    subprocess.run(cmd, check=True)  # warm: font, photo and image-size caches, bytecode
    walls, cpus = zip(*(_run(cmd) for _ in range(runs)), strict=True)
    return list(walls), list(cpus)


def in_process(runs: int, pdfx: str) -> dict[str, tuple[list[float], list[float]]]:
    from layout.model import load_layout
    from layout.place import place_page
    from layout.render.output import PDFX_CHOICES, OutputOptions, render_output

    layout = load_layout(SAMPLE)
    fonts = layout.fonts.fontset()
    opts = OutputOptions(pdfx=PDFX_CHOICES[pdfx])
    render_output([place_page(layout, fonts)], fonts, opts)  # warm: fonts registered, photos cached
    stages: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("load", "place", "render", "total")}
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        layout = load_layout(SAMPLE)
        w1, c1 = time.perf_counter(), time.process_time()
        placed = place_page(layout, fonts)
        w2, c2 = time.perf_counter(), time.process_time()
        render_output([placed], fonts, opts)
        w3, c3 = time.perf_counter(), time.process_time()
        for k, w, c in (("load", w1 - w0, c1 - c0), ("place", w2 - w1, c2 - c1), ("render", w3 - w2, c3 - c2),
                        ("total", w3 - w0, c3 - c0)):
            stages[k][0].append(w)
            stages[k][1].append(c)
    return stages


def _fmt(name: str, walls: list[float], cpus: list[float]) -> str:
    ms = 1000
    return (f"{name:24}: wall median {statistics.median(walls) * ms:6.1f} ms, best {min(walls) * ms:6.1f} ms | "
            f"cpu median {statistics.median(cpus) * ms:6.1f} ms, best {min(cpus) * ms:6.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pdfx", choices=("x4", "x1a", "none"), default="x4")
    a = ap.parse_args()
    out = Path(tempfile.mkdtemp()) / "sample.pdf"
    render = [sys.executable, "-m", "layout", "render", str(SAMPLE), "-o", str(out), "-q", "--pdfx", a.pdfx]
    bytecode = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "cached"
    print(f"bytecode: {bytecode}; {os.cpu_count()} cores")
    # In-process first: on this VM a burst of short processes slows what runs right
    # after it by up to ~40 % (measured: 50 -> 76 ms best in-process).
    for k, (walls, cpus) in in_process(a.runs, a.pdfx).items():
        print(_fmt(f"in-process {k}", walls, cpus))
    print(_fmt(f"whole process ({a.pdfx})", *processes(render, a.runs)))
    print(_fmt("  python -c pass", *processes([sys.executable, "-c", "pass"], a.runs)))
    print(_fmt("  imports only", *processes([sys.executable, "-c", IMPORTS], a.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
