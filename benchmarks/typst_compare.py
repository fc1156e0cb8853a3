#!/usr/bin/env python3
"""Typst on this machine, for the whole-process target of issue 4 ("no slower than
Typst setting the same text on the same machine").

Sets the seed text (../shared/seed/kaifaqu-news.txt) with Typst through its Python
binding (PyPI ``typst``, the Typst compiler in Rust; ``pip install -e '.[bench]'``):
one 对开 page, 8 justified columns, 9 pt Noto Serif CJK SC from ``fonts/`` -- less
than the sample does (no headline groups, one face, no photos, no PDF/X), so the
comparison flatters Typst.  Prints the compile in-process (best and median of
``--runs``, after one warm-up) and whole processes (``python -c 'import typst;
typst.compile(...)'``), wall and CPU (user + system of the child).

    python benchmarks/typst_compare.py [--runs 9]

The issue's 0.12 s was Typst's own command-line binary, which starts no Python;
a Python process here costs 50-70 ms before it imports anything (benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "kaifaqu-news.txt"
FONTS = ROOT / "fonts"
PAGE = """#set page(width: 560mm, height: 780mm, margin: 20mm, columns: 8)
#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh")
#set par(justify: true, leading: 5.4pt, first-line-indent: 2em)
"""
_ESCAPE = str.maketrans({c: "\\" + c for c in "#*_@$<>[]`\\~"})


def typst_source(seed: Path) -> str:
    """The seed's paragraphs as a Typst document (markup characters escaped)."""
    paras = [p.strip().translate(_ESCAPE) for p in seed.read_text(encoding="utf-8-sig").splitlines() if p.strip()]
    return PAGE + "\n\n".join(paras) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    try:
        import typst
    except ImportError:
        print("the typst package is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="layout-typst-"))
    src, out = tmp / "seed.typ", tmp / "seed.pdf"
    src.write_text(typst_source(SEED), encoding="utf-8")

    def compile_once() -> None:
        typst.compile(str(src), output=str(out), font_paths=[str(FONTS)])

    compile_once()
    walls, cpus = [], []
    for _ in range(a.runs):
        w, c = time.perf_counter(), time.process_time()
        compile_once()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    code = f"import typst; typst.compile({str(src)!r}, output={str(out)!r}, font_paths=[{str(FONTS)!r}])"
    pwalls, pcpus = [], []
    for _ in range(a.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=os.environ)
        pwalls.append(time.perf_counter() - w)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        pcpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"typst {getattr(typst, '__version__', '?')}, {out.stat().st_size / 1024:.0f} KiB PDF")
    for name, ws, cs in (("in-process compile", walls, cpus), ("whole process", pwalls, pcpus)):
        print(f"{name:20}: wall median {statistics.median(ws) * 1000:6.1f} ms, best {min(ws) * 1000:6.1f} ms | "
              f"cpu median {statistics.median(cs) * 1000:6.1f} ms, best {min(cs) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
