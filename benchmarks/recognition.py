#!/usr/bin/env python3
"""Recognition against the generators' own answers (issue 13, "read raw archives right").

``tests/archive/rawgen.py`` (raw day-pages) and ``tests/archive/textgen.py``
(the same structure with real-like text: ``generate_raw``) record what each article
is (``GeneratedPage.expected``).  This recognises seeds ``0..N-1`` of both, short and
long pages (4 N pages; N = 180 gives the 720 pages the session notes count), and
counts a page wrong when any story's label, kicker, headline, subtitle, byline line,
subheads or credit differs from the answer -- what
``tests/archive/test_raw_archives.py`` asserts for 40 seeds.  Recognition only (no
layout): a few seconds.

    python benchmarks/recognition.py [N] [--show]     # --show: the differing stories

Run the copy in the tree you measure (it puts that tree's ``src`` first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "archive"))


def _got(page) -> list[tuple]:
    return [(s.label, s.kicker, s.headline, s.subtitle, s.byline_line, [x.text for x in s.subheads], s.credit)
            for s in page.stories]


def _want(gen) -> list[tuple]:
    return [(a.label, a.kicker, a.headline, a.subtitle, a.byline_line, list(a.subheads), a.credit)
            for a in gen.expected]


def main() -> int:
    import rawgen
    import textgen

    from layout.archive.normalize import normalize
    from layout.archive.parse import parse_page

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=180, help="seeds 0..N-1 of each generator and length")
    ap.add_argument("--show", action="store_true", help="print the stories that differ")
    args = ap.parse_args()
    total = 0
    for name, generate in (("raw", rawgen.generate), ("rich", textgen.generate_raw)):
        for long in (False, True):
            wrong = []
            for seed in range(args.n):
                gen = generate(seed, long)
                got, want = _got(parse_page(normalize(gen.text).text)), _want(gen)
                if got == want:
                    continue
                wrong.append(seed)
                if args.show:
                    print(f"-- {name}{' long' if long else ''} {seed}")
                    for g, w in zip(got + [None] * len(want), want + [None] * len(got), strict=True):
                        if g != w:
                            print(f"   want {w}\n   got  {g}")
            total += len(wrong)
            print(f"{name:4} {'long ' if long else 'short'} {args.n - len(wrong):4}/{args.n} right; wrong: {wrong}")
    print(f"wrong: {total} of {4 * args.n} generated pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
