#!/usr/bin/env python3
"""Time and judge the automatic layout (issue 6, page-layout.md "A search that fits us").

1. Speed: 15 generated stories on the 8-column broadsheet (target: the search
   under 1 s), timed per stage after a warm-up run (fonts loaded, glyph bearings
   read): measure (compose every story at every width), search (tables, pages,
   continuations), place (the real pages).  Each run uses fresh stories, so no
   measurement is cached between runs.
2. Quality: every archive given (default: the seed and tests/autolayout/data) on
   each template, with the metrics page-layout.md asks for.

    python benchmarks/autolayout.py [--runs 5] [--stories 15] [ARCHIVE.txt ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "autolayout"))  # the story generator of the tests

SEED = ROOT.parent / "shared" / "seed" / "kaifaqu-news.txt"
ARCHIVES = [SEED, *sorted((ROOT / "tests" / "autolayout" / "data").glob("*.txt"))]


def speed(runs: int, n: int) -> dict[str, list[float]]:
    from storygen import story_set

    from layout.autolayout import auto_layout, load_template

    template = load_template("broadsheet")
    fonts = template.fonts.fontset()
    auto_layout(story_set(n, 99, max_chars=900), template, fonts, header="测试版")  # warm-up
    stages: dict[str, list[float]] = {"measure": [], "search": [], "place": [], "total": []}
    for run in range(runs):
        result = auto_layout(story_set(n, run + 1, max_chars=900), template, fonts, header="测试版")
        m = result.metrics
        for key, value in (("measure", m.seconds_measure), ("search", m.seconds_search),
                           ("place", m.seconds_place), ("total", m.seconds)):
            stages[key].append(value)
        print(f"  run {run + 1}: {m.summary()}")
    return stages


def quality(archives: list[Path]) -> None:
    from layout.autolayout.archive import reprint
    from layout.autolayout.copyfit import score as template_score

    for path in archives:
        if not path.exists():
            continue
        results = {name: reprint(path, name) for name in ("tabloid", "broadsheet")}
        best = min(results, key=lambda name: template_score(results[name].layout))
        for name, result in results.items():
            mark = "*" if name == best else " "
            print(f"{mark} {path.name:22} {name:10} {result.layout.metrics.summary()}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("archives", nargs="*", type=Path, help="archives to judge (default: seed + test archives)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stories", type=int, default=15)
    a = ap.parse_args()
    print(f"speed: {a.stories} stories on the broadsheet (8 columns), {a.runs} runs")
    for key, values in speed(a.runs, a.stories).items():
        print(f"  {key:8} median {statistics.median(values) * 1000:7.0f} ms, best {min(values) * 1000:7.0f} ms")
    print("quality (* = the template `--template auto` picks):")
    quality(a.archives or ARCHIVES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
