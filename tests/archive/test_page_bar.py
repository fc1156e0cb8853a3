"""Issue 13, "Done when": our own test archives, in the forms real archives take
(``rawgen``: raw day pages and a daily's real length, ../shared/spec/archives.md),
reprint verify-identical AND clean on the page bar of ../shared/tools/pdfcheck.py
(0 kinsoku, justification <= 0.05 pt, 0 off-grid, 0 orphans, 0 holes down to the
page's foot, nothing overfull), page by page -- the same judgement as
``benchmarks/raw_archives.py``, on a few archives of its fresh set (seeds 100-)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rawgen import write

from layout.check.verify import verify
from layout.cli import main

CHECKER = next((p / "shared" / "tools" / "pdfcheck.py" for p in Path(__file__).resolve().parents[2:]
                if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
JUSTIFY_MAX = 0.05  # pt: the bar


def _faults(pdf: Path, page: int, tmp: Path) -> list[str]:
    out = tmp / f"p{page}.json"
    subprocess.run([sys.executable, str(CHECKER), str(pdf), "--pages", str(page), "--json", str(out)],
                   capture_output=True, check=False, timeout=300)
    r = json.loads(out.read_text(encoding="utf-8"))
    m = r["metrics"]
    return [f"{name}={value}" for name, value in (
        ("kinsoku", r["kinsoku"]["total"]), ("just", m["just_dev_max"] if m["just_dev_max"] > JUSTIFY_MAX else 0),
        ("grid_off", m["grid_off"]), ("orphans", m["orphan_char_lines"]), ("holes", m.get("holes", 0)),
        ("overfull", m["overfull"])) if value]


@pytest.mark.skipif(CHECKER is None, reason="../shared/tools/pdfcheck.py not found above the checkout")
@pytest.mark.parametrize(("start", "long"), [(100, False), (101, False), (102, False), (100, True)])
def test_generated_archive_reprints_clean_on_the_page_bar(tmp_path, start, long):
    (src,) = write(1, tmp_path, start, long=long)
    pdf = tmp_path / "r.pdf"
    assert main(["reprint", str(src), "-o", str(pdf), "-q"]) == 0
    assert verify(pdf, src).identical
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(str(pdf)))
    faults = {k: f for k in range(1, pages + 1) if (f := _faults(pdf, k, tmp_path))}
    assert not faults, f"{src.name}: {faults}"
