"""Issue 13, "Your own test archives, in the forms above, pass the same in CI", for
the short hand-written recognition fixtures (``data/*.txt``, 150-2,700
characters): each reprints verify-identical and clean on the page bar of
../shared/tools/pdfcheck.py (``pagebar``), but for one fault a short page may
keep -- white at the page's foot that the copy cannot fill (too little copy for
an octavo page), which the reprint report names per story with how much copy is
missing.  A hole anywhere else (between stories, beside a headline, a column of a
line or two) fails, as does a foot hole the report does not name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pagebar import CHECKER, JUSTIFY_MAX, faults

from layout.check.verify import verify
from layout.cli import main

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(DATA.glob("*.txt"))
# "story2: 10.5 lines x 46.3 ems left empty below it (columns 1-3, 220 pt down to the page foot;
# room for about 410 characters of body text)" (autolayout.fill.FootHole.message)
FOOT = re.compile(r": (?P<lines>[\d.]+) lines x (?P<ems>[\d.]+) ems left empty below it \(columns? [\d-]+, "
                  r"\d+ pt down to the page foot; room for about (?P<chars>[\d,]+) characters")
AT_FOOT_PT = 2.0  # a hole whose lower edge is this near the type area's foot is the foot's
SAME_LINES = 1.5  # the report's depth reaches the checker's within this (raster, descent, margin); it may be
# deeper: the report gives the deepest part of a ragged foot, the checker its largest rectangle


def _holes(pdf: Path, tmp: Path) -> tuple[list[str], list[dict], list[float]]:
    """Page 1's faults other than holes, its holes (``hole_list``: bbox in pt, y up)
    and the type area (pt).  ``pagebar.faults`` writes the checker's JSON."""
    got = faults(pdf, 1, tmp)
    r = json.loads((tmp / f"{pdf.stem}.p1.json").read_text(encoding="utf-8"))
    page = r["pages"][0]
    other = [f for f in got if not f.startswith("holes=")]
    if _indent_measure(page):
        other = [f for f in other if not f.startswith("just=")]
    holes = [h for h in page["fill"].get("hole_list", []) if not _indent_gap(page, h)]
    return other, holes, page["fill"]["type_area"]


def _indent_gap(page: dict, hole: dict) -> bool:
    """Whether ``hole`` is no wider than a gutter and the indent of a column whose
    measure the checker read from indented lines (the same limit as
    ``_indent_measure``: it fills a body line's frame from that measure, so the
    first 2 em of the column stay open beside the gutter; forms-body's column of
    short paragraphs under a picture)."""
    em = page["body_size"]
    x0, x1 = hole["bbox"][0], hole["bbox"][2]
    return hole["ems"] <= 5.0 and any(
        c["measure_left"] - c["x0"] >= 0.8 * em and x0 < c["measure_left"] and x1 <= c["measure_left"] + 0.5
        for c in page["columns"])


def _indent_measure(page: dict) -> bool:
    """Whether every column the checker finds ragged had its measure read from
    indented lines (``measure_left`` an indent right of the column's edge: a block
    of short paragraphs, each line starting 2 em in; forms-body's list items).  Its
    "ragged" line is then a paragraph's last line, the next one indented as it is:
    a limit of the checker (issue 13, what is left: "a column's measure taken from
    1-3 indented lines"), not a line set short."""
    em = page["body_size"]
    ragged = [c for c in page["columns"] if (c["just_dev_max"] or 0) > JUSTIFY_MAX]
    return bool(ragged) and all(c["measure_left"] - c["x0"] >= 0.8 * em for c in ragged)


def test_every_fixture_is_here():
    assert len(FIXTURES) >= 21


@pytest.mark.skipif(CHECKER is None, reason="../shared/tools/pdfcheck.py not found above the checkout")
@pytest.mark.parametrize("src", FIXTURES, ids=lambda p: Path(p).stem)
def test_fixture_is_clean_but_for_a_reported_foot(tmp_path, capsys, src):
    pdf = tmp_path / f"{src.stem}.pdf"
    assert main(["reprint", str(src), "-o", str(pdf), "--pdfx", "none"]) == 0  # underfill is said, not failed
    said = [m for m in capsys.readouterr().err.splitlines() if "left empty below it" in m]
    assert verify(pdf, src).identical
    other, holes, area = _holes(pdf, tmp_path)
    assert not other, f"{src.name}: {other}"
    reported = [FOOT.search(m) for m in said]
    assert all(reported), said  # where and how much, in the report's form
    for hole in holes:
        at_foot = hole["bbox"][1] - area[1] <= AT_FOOT_PT
        assert at_foot, f"{src.name}: a hole inside the page, not at its foot: {hole}"
        named = [m for m in reported if m and float(m["lines"]) >= hole["lines"] - SAME_LINES
                 and int(m["chars"].replace(",", "")) > 0]
        assert named, f"{src.name}: a foot hole {hole['lines']} lines deep the report does not name: {said}"


def test_an_underfilled_reprint_fails_only_with_strict(tmp_path, capsys):
    """Underfill is reported per story with where and how much (exit 0: the page is
    whole, nothing lost); ``--strict`` fails a page with a hole (exit 1)."""
    src = DATA / "raw-day-c.txt"  # 104 characters of copy: no lever fills an octavo page
    pdf = tmp_path / "c.pdf"
    assert main(["reprint", str(src), "-o", str(pdf), "--pdfx", "none"]) == 0
    err = capsys.readouterr().err
    (m,) = [FOOT.search(line) for line in err.splitlines() if "left empty below it" in line]
    assert m and float(m["lines"]) > 20 and int(m["chars"].replace(",", "")) >= 500
    assert main(["reprint", str(src), "-o", str(tmp_path / "s.pdf"), "--pdfx", "none", "--strict"]) == 1
