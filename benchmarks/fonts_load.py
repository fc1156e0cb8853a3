#!/usr/bin/env python3
"""How long the font layer takes: loading faces (cold = fontTools, warm = disk cache,
memory), opening their files for embedding (render.truetype), embedding a subset,
and a whole process that draws one line with three faces.

Why: a page render's whole-process budget is ~0.12 s; the font layer must take a
small part of it.  Run from the repo root:

    python benchmarks/fonts_load.py [--repeat 5]

Uses a private cache folder, so it neither depends on nor disturbs ~/.cache/layout.
Numbers are wall-clock seconds, the best of --repeat runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

PROCESS_SNIPPET = """
import io, time
t0 = time.perf_counter()
from layout.fonts import default_fontset
from layout.render.canvas import new_canvas
from layout.render.text import draw_text
fonts = default_fontset()
buf = io.BytesIO()
c = new_canvas(buf, (595, 842))
for i, role in enumerate(("song", "hei-bold", "kai")):
    draw_text(c, "濮阳经济技术开发区，新闻。ABC", 50, 700 - 20 * i, fonts, role, 12)
c.showPage(); c.save()
print(time.perf_counter() - t0)
"""


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best, median) wall time of ``fn`` over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return min(runs), statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="layout-bench-")
    os.environ["LAYOUT_CACHE_DIR"] = tmp

    from layout.fonts import ROLES, default_fontset
    from layout.fonts.loader import clear_memory_cache, load_face

    specs = default_fontset().specs

    def load_all() -> None:
        for role in ROLES:
            load_face(specs[role].path, role, specs[role].index)

    def cold() -> None:
        for role in ROLES:
            load_face(specs[role].path, role, specs[role].index, use_cache=False)

    def warm_disk() -> None:
        clear_memory_cache()
        load_all()

    print(f"faces: {len(ROLES)} ({', '.join(ROLES)}); best / median of {a.repeat} runs, seconds")
    rows = [
        ("face load, cold (fontTools, all faces)", timed(cold, max(1, a.repeat // 2))),
    ]
    load_all()  # writes the disk cache
    rows.append(("face load, warm from disk cache (all faces)", timed(warm_disk, a.repeat)))
    rows.append(("face load, in memory (all faces)", timed(load_all, a.repeat)))

    from layout.render.truetype import FontFile, glyph_closure, subset_font

    text = "濮阳经济技术开发区全国文明城市创建工作加压推进会，新闻。ABC123"

    def open_all() -> None:
        for role in ROLES:
            f = FontFile(specs[role].path, specs[role].index)
            f.glyph_id(ord("中"))
            f.close()

    def subset_all() -> None:
        for role in ROLES:
            f = FontFile(specs[role].path, specs[role].index)
            subset_font(f, glyph_closure(f, {f.glyph_id(ord(ch)) for ch in text}))
            f.close()

    rows.append(("font file opened for embedding (all faces)", timed(open_all, a.repeat)))
    rows.append(("open + subset of 35 characters (all faces)", timed(subset_all, a.repeat)))

    env = {**os.environ, "LAYOUT_CACHE_DIR": tmp}
    proc = []
    for _ in range(a.repeat):
        out = subprocess.run([sys.executable, "-c", PROCESS_SNIPPET], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        proc.append(float(out.stdout))
    rows.append(("process: imports + 3 faces + 1 PDF", (min(proc), statistics.median(proc))))

    width = max(len(r[0]) for r in rows)
    for label, (best, median) in rows:
        per = f"({best / len(ROLES) * 1000:6.1f} ms/face)" if "all faces" in label else ""
        print(f"{label.ljust(width)}  {best:8.4f}  {median:8.4f}  {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
