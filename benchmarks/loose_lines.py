#!/usr/bin/env python3
"""Loose justified lines of the composer over archive texts at narrow measures.

Every non-blank line of each file is a paragraph (U+3000 and spaces at its ends
stripped), set at 9 pt with the default body style (2-em indent) at each width.
For every justified line but a paragraph's last it reads:

- the widest gap between two drawn neighbours, not across a space (a separator is
  white the typist put there), as pdfcheck reads it: the next glyph's left edge
  minus this glyph's left edge and advance.  Over 1.2 em pdfcheck splits the row and
  reads the pieces as lines of their own (a single Han one as 孤字);
- the widest spread justification added between two neighbours (beyond their
  natural spacing, Han-Latin gap included).

Lines are counted by class: ``cellmid`` (a cell separator inside, ``Prepared.cells``),
``cellend`` (ends at a cell's end), ``first`` (a paragraph's first line), ``other``.

    python benchmarks/loose_lines.py FILES... [--widths 8 9 10 11 12] [--show CLASS --limit 1.2]
    python benchmarks/loose_lines.py --rows 3000 [--seed 1]   # random table rows typed with U+3000

The rich texts: ``python benchmarks/raw_archives.py --text rich --keep DIR`` writes them
(DIR/*.txt).  Session 11 on them at 8-14 em: gap > 1.2 em 28 -> 4.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

SIZE = 9.0
ROW_HAN = "指标去年今年水质达标天数沿河绿化面积项目单位合计增长人口总量"
ROW_UNITS = ("260天", "3.2万平方米", "12.5%", "1,234", "8:30—21:30", "66,775.5亿元")


def line_looseness(p, ln) -> tuple[float, float]:
    """(widest gap between non-space neighbours as pdfcheck reads it, widest spread
    added between them), in em."""
    from layout.compose.classes import SPACE

    gap = spread = 0.0
    prev = None
    for k, ch in enumerate(ln.chars):
        i = ln.start + k
        if p.cls[i] == SPACE or ch.isspace():
            prev = None  # across a space: a separator, not a gap
            continue
        if prev is not None:
            gap = max(gap, (ln.xs[k] - ln.xs[prev] - p.adv[i - 1]) / SIZE)
            spread = max(spread, (ln.advances[prev] - p.room[i - 1] - p.gap[i - 1]) / SIZE)
        prev = k
    return gap, spread


def paragraphs(files: list[str]) -> list[tuple[str, str]]:
    out = []
    for f in files:
        for raw in Path(f).read_text(encoding="utf-8-sig", errors="replace").splitlines():
            text = raw.strip(" \u3000\t\ufeff")
            if text:
                out.append((Path(f).name, text))
    return out


def table_rows(n: int, seed: int) -> list[tuple[str, str]]:
    """Random table rows typed as text (the property test's cells, U+3000 runs of 1-6)."""
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        cells = [rnd.choice(ROW_UNITS) if rnd.random() < 0.3
                 else "".join(rnd.choice(ROW_HAN) for _ in range(rnd.randint(1, 6)))
                 for _ in range(rnd.randint(2, 5))]
        rows.append(("row", "".join(c + "\u3000" * rnd.randint(1, 6) for c in cells[:-1]) + cells[-1]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--widths", nargs="+", type=float, default=[8, 9, 10, 11, 12])
    ap.add_argument("--rows", type=int, default=0, help="also N random table rows")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", default="", help="print the lines of this class over --limit")
    ap.add_argument("--limit", type=float, default=1.2)
    args = ap.parse_args()
    from layout.compose import ParagraphStyle, Run, compose_paragraph
    from layout.compose.prepare import prepare
    from layout.fonts import default_fontset

    fonts = default_fontset()
    style = ParagraphStyle()
    counts: dict[str, Counter] = {}
    for name, text in paragraphs(args.files) + table_rows(args.rows, args.seed):
        for w in args.widths:
            runs = [Run(text, "song", SIZE)]
            cp = compose_paragraph(runs, w * SIZE, style, fonts)
            p = prepare(runs, style, fonts, w * SIZE)
            for k, ln in enumerate(cp.lines[:-1]):
                inner = any(ln.start < c < ln.end for c in p.cells)  # (also on trees before inner_cells)
                cls = ("cellmid" if inner else "cellend" if ln.end in p.cells else "first" if k == 0 else "other")
                gap, spread = line_looseness(p, ln)
                c = counts.setdefault(cls, Counter())
                c["lines"] += 1
                c["gap>1.2"] += gap > 1.2
                c["spread>0.5"] += spread > 0.5
                if cls == args.show and max(gap, spread) > args.limit:
                    print(f"{w:5} {gap:5.2f} {spread:5.2f} |{ln.chars}|  {name}")
    total: Counter = Counter()
    for c in counts.values():
        for key, v in c.items():
            total[key] += v
    print(f"{'all':8} {dict(total)}")
    for cls, c in sorted(counts.items()):
        print(f"{cls:8} {dict(c)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
