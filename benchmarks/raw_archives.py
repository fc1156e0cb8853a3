#!/usr/bin/env python3
"""Reprint raw archives and judge the result (issue 13, "Done when").

Writes N raw day-pages of short articles and M of a daily's real length with
``tests/archive/rawgen.py`` (the forms of
``../shared/spec/archives.md``, our own text) plus the hand-written raw files in
``tests/archive/data/raw-*.txt``, reprints each with ``layout reprint`` (a process
each, as a user runs it) and measures:

- characters lost (the reprint's own check, then ``layout verify`` again from the
  files): must be 0 on every archive, and never a loss with exit 0;
- verify-identical archives (nothing lost, added or moved);
- pages clean on the page bar of ``../shared/tools/pdfcheck.py``: 0 kinsoku,
  justification <= 0.05 pt, 0 off-grid, 0 orphans, 0 holes, nothing missing,
  extra or overfull;
- wall time per archive.

    python benchmarks/raw_archives.py [N] [--long M] [--keep DIR] [--jobs J] [--start K] [--text rich]
    python benchmarks/raw_archives.py --files A.txt B.txt --keep DIR   # judge only these archives

``--text rich``: the archives come from ``tests/archive/textgen.py`` instead (raw
day-pages and pages in the seed's shape whose text has what real dailies carry:
《》, ……, ——, nested quotes, numbers with units, Latin, URLs; N and M of each shape),
without the hand-written files.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "archive"))
PDFCHECK = next((p / "shared" / "tools" / "pdfcheck.py" for p in ROOT.parents
                 if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
JUSTIFY_MAX = 0.05  # pt


def page_bar(pdf: Path, source: Path) -> tuple[int, int, list[str]]:
    """(pages, clean pages, what failed) by pdfcheck, page by page."""
    if PDFCHECK is None:
        return 0, 0, ["pdfcheck.py not found"]
    pages, clean, failed = 0, 0, []
    n = _page_count(pdf)
    for k in range(1, n + 1):
        out = pdf.with_suffix(f".p{k}.json")
        subprocess.run([sys.executable, str(PDFCHECK), str(pdf), "--pages", str(k), "--json", str(out)],
                       capture_output=True, check=False)
        try:
            r = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            failed.append(f"p{k}: pdfcheck failed")
            continue
        m = r["metrics"]
        bad = [f"{name}={value}" for name, value in (
            ("kinsoku", r["kinsoku"]["total"]), ("just", m["just_dev_max"] if m["just_dev_max"] > JUSTIFY_MAX else 0),
            ("grid_off", m["grid_off"]), ("orphans", m["orphan_char_lines"]), ("holes", m.get("holes", 0)),
            ("overfull", m["overfull"])) if value]
        pages += 1
        clean += not bad
        if bad:
            failed.append(f"p{k}: {' '.join(bad)}")
    return pages, clean, failed


def _page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def one(path: Path, out_dir: Path) -> dict:
    from layout.check.verify import verify

    pdf = out_dir / (path.stem + ".pdf")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "layout", "reprint", str(path), "-o", str(pdf), "-q"],
                         capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - t0
    row = {"archive": path.name, "exit": run.returncode, "seconds": round(wall, 2),
           "errors": [ln for ln in run.stderr.splitlines() if "error" in ln][:5]}
    if not pdf.exists():
        return row | {"lost": None}
    rep = verify(pdf, path)
    pages, clean, failed = page_bar(pdf, path)
    return row | {"lost": rep.count("lost"), "added": rep.count("added"), "moved": rep.count("moved"),
                  "identical": rep.identical, "pages": pages, "clean": clean, "failed": failed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=24, help="generated archives of short articles (default 24)")
    ap.add_argument("--long", type=int, default=24, metavar="M",
                    help="generated archives of a daily's real length (default 24)")
    ap.add_argument("--keep", metavar="DIR", help="write archives and PDFs here (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=1, help="archives reprinted at once (default 1)")
    ap.add_argument("--json", action="store_true", help="print every archive's row as JSON")
    ap.add_argument("--start", type=int, default=0, metavar="K",
                    help="first generator seed (default 0): a fresh set, not the one the engine was tuned on")
    ap.add_argument("--text", choices=("plain", "rich"), default="plain",
                    help="rich: real-like text from textgen.py, raw and seed-shaped pages (default plain: rawgen)")
    ap.add_argument("--files", nargs="+", type=Path, metavar="TXT",
                    help="reprint and judge these archive files instead (e.g. a kept set's failures)")
    a = ap.parse_args()
    from rawgen import write
    from textgen import write as write_rich

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.keep) if a.keep else Path(tmp)
        if a.files:
            archives = list(a.files)
        elif a.text == "rich":
            archives = write_rich(a.n, folder, a.start) + write_rich(a.long, folder, a.start, long=True)
        else:
            archives = (write(a.n, folder, a.start) + write(a.long, folder, a.start, long=True)
                        + sorted((ROOT / "tests" / "archive" / "data").glob("raw-*.txt")))
        t0 = time.perf_counter()
        with ThreadPoolExecutor(a.jobs) as pool:
            rows = list(pool.map(lambda p: one(p, folder), archives))
        total = time.perf_counter() - t0
    for r in rows:
        if a.json:
            print(json.dumps(r, ensure_ascii=False))
        elif r.get("lost") is None or r["lost"] or not r.get("identical") or r.get("failed") or r["exit"]:
            print(f"{r['archive']}: exit {r['exit']}, lost {r.get('lost')}, added {r.get('added')}, "
                  f"moved {r.get('moved')}, {r.get('clean')}/{r.get('pages')} pages clean "
                  f"{' '.join(r.get('failed') or [])} {' | '.join(r['errors'])[:300]}")
    done = [r for r in rows if r.get("lost") is not None]
    silent = sum(1 for r in done if r["lost"] and r["exit"] == 0)
    what = "given" if a.files else f"{a.n} + {a.long} long generated"
    print(f"{len(rows)} archives ({what}), {sum(r['pages'] for r in done)} pages, "
          f"{total:.0f} s ({total / max(1, len(rows)):.1f} s per archive, load {os.getloadavg()[0]:.1f})")
    print(f"chars lost: {sum(r['lost'] for r in done)} (archives with a loss: {sum(1 for r in done if r['lost'])}; "
          f"loss with exit 0: {silent}); no PDF: {len(rows) - len(done)}")
    print(f"verify-identical: {sum(1 for r in done if r['identical'])}/{len(rows)}")
    print(f"page bar clean: {sum(r['clean'] for r in done)}/{sum(r['pages'] for r in done)} pages, "
          f"archives all clean: {sum(1 for r in done if r['clean'] == r['pages'])}/{len(rows)}")
    return 1 if silent or any(r["lost"] for r in done) or len(done) < len(rows) else 0


if __name__ == "__main__":
    sys.exit(main())
