#!/usr/bin/env python3
"""Time the sample page: whole-process (start Python, import, set, write the PDF)
and in-process (fonts and photos already cached, place + render + PDF/X).

Targets (issue 4): whole-process no slower than Typst setting the same text on this
machine (~0.12 s), and <= 60 ms per page in-process once fonts are loaded.

    python benchmarks/render_sample.py [--runs 7] [--pdfx x4|none]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"


def whole_process(runs: int, pdfx: str) -> list[float]:
    out = Path(tempfile.mkdtemp()) / "sample.pdf"
    cmd = [sys.executable, "-m", "layout", "render", str(SAMPLE), "-o", str(out), "-q", "--pdfx", pdfx]
    subprocess.run(cmd, check=True)  # warm the font and photo caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True)
        times.append(time.perf_counter() - t)
    return times


def in_process(runs: int, pdfx: str) -> dict[str, list[float]]:
    from layout.model import load_layout
    from layout.place import place_page
    from layout.render.output import PDFX_CHOICES, OutputOptions, render_output

    layout = load_layout(SAMPLE)
    fonts = layout.fonts.fontset()
    opts = OutputOptions(pdfx=PDFX_CHOICES[pdfx])
    render_output([place_page(layout, fonts)], fonts, opts)  # warm: fonts registered, photos cached
    stages: dict[str, list[float]] = {"load": [], "place": [], "render": [], "total": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        layout = load_layout(SAMPLE)
        t1 = time.perf_counter()
        placed = place_page(layout, fonts)
        t2 = time.perf_counter()
        render_output([placed], fonts, opts)
        t3 = time.perf_counter()
        for k, v in (("load", t1 - t0), ("place", t2 - t1), ("render", t3 - t2), ("total", t3 - t0)):
            stages[k].append(v)
    return stages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pdfx", choices=("x4", "x1a", "none"), default="x4")
    a = ap.parse_args()
    wp = whole_process(a.runs, a.pdfx)
    print(f"whole process ({a.pdfx}): median {statistics.median(wp) * 1000:.0f} ms, best {min(wp) * 1000:.0f} ms")
    ip = in_process(a.runs, a.pdfx)
    for k, v in ip.items():
        print(f"in-process {k:6}: median {statistics.median(v) * 1000:6.1f} ms, best {min(v) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
