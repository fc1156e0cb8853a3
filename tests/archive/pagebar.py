"""The page bar of issue 13, as ``../shared/tools/pdfcheck.py`` judges a page: 0 kinsoku,
justification <= 0.05 pt, 0 off-grid, 0 orphans, 0 holes down to the page's foot,
nothing overfull -- the judgement of ``benchmarks/raw_archives.py``, shared by the
tests that hold our own archives to it (``test_page_bar``, ``test_own_archives``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# the checker beside the checkout (../shared/tools), also from a worktree
CHECKER = next((p / "shared" / "tools" / "pdfcheck.py" for p in Path(__file__).resolve().parents[2:]
                if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
JUSTIFY_MAX = 0.05  # pt: the bar


def faults(pdf: Path, page: int, tmp: Path) -> list[str]:
    """What keeps page ``page`` (1-based) of ``pdf`` off the bar, as ``name=value``; [] when clean.
    Each page is checked alone: pdfcheck fits ONE baseline grid per run."""
    out = tmp / f"{pdf.stem}.p{page}.json"
    subprocess.run([sys.executable, str(CHECKER), str(pdf), "--pages", str(page), "--json", str(out)],
                   capture_output=True, check=False, timeout=300)
    r = json.loads(out.read_text(encoding="utf-8"))
    m = r["metrics"]
    return [f"{name}={value}" for name, value in (
        ("kinsoku", r["kinsoku"]["total"]), ("just", m["just_dev_max"] if m["just_dev_max"] > JUSTIFY_MAX else 0),
        ("grid_off", m["grid_off"]), ("orphans", m["orphan_char_lines"]), ("holes", m.get("holes", 0)),
        ("overfull", m["overfull"])) if value]


def page_faults(pdf: Path, tmp: Path) -> dict[int, list[str]]:
    """Every page of ``pdf`` that is not clean, with its faults."""
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(str(pdf)))
    return {k: f for k in range(1, pages + 1) if (f := faults(pdf, k, tmp))}
