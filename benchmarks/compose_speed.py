"""Composer speed: set the seed story's paragraphs at 12 em and print characters
per second (target >= 200,000 on one core, pure Python; issue 3).

    python benchmarks/compose_speed.py [TEXT.txt] [--measure 12] [--repeat 20] [--profile]

Fonts are loaded and each character's metrics cached before timing starts: the
number is the steady-state speed of composition itself, what a page render pays
per paragraph.  Time is this process's CPU time (one core), so other work on a
shared machine does not count; the best pass is the figure to compare (as
``timeit`` does), the median is printed beside it.  ``--profile`` runs pyinstrument over the timed loop.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from layout.compose import compose_paragraph
from layout.fonts import default_fontset
from layout.galley import GalleySpec, compose_galley, split_paragraphs

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "kaifaqu-news.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", nargs="?", default=str(SEED))
    ap.add_argument("--measure", type=float, default=12.0, help="measure in em (default 12)")
    ap.add_argument("--size", type=float, default=9.0)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--profile", action="store_true", help="profile with pyinstrument")
    a = ap.parse_args()
    paragraphs = split_paragraphs(Path(a.text).read_text(encoding="utf-8"))
    spec = GalleySpec(measure=a.measure * a.size, size=a.size)
    fonts = default_fontset()
    compose_galley(paragraphs, spec, fonts)  # warm-up: fonts, character tables
    chars = sum(len(p.text) for p in paragraphs)
    prof = None
    if a.profile:
        from pyinstrument import Profiler

        prof = Profiler(interval=0.0005)
        prof.start()
    times = []
    for _ in range(a.repeat):
        t0 = time.process_time()
        composed = compose_galley(paragraphs, spec, fonts)
        times.append(time.process_time() - t0)
    if prof is not None:
        prof.stop()
        print(prof.output_text(unicode=True, color=False))
    lines = sum(len(c.lines) for c in composed)
    times.sort()
    best, median = times[0], times[len(times) // 2]
    print(f"{len(paragraphs)} paragraphs, {chars} characters, {lines} lines at {a.measure:g} em")
    print(f"{chars / best:,.0f} characters/s best pass, {chars / median:,.0f} median "
          f"({best * 1000:.1f} / {median * 1000:.1f} ms CPU per pass, {a.repeat} passes)")
    _ = compose_paragraph  # the function measured, through compose_galley


if __name__ == "__main__":
    main()
