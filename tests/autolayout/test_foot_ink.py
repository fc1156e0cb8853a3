"""The white at a page's foot read as the page checker reads a body line's ends
(``autolayout.fill``): the blank of an indent is the line's frame (filled, not
grown), and a line ending in a mark set half an em wide (，。、: its box hangs past
the measure) leaves the white right of the mark's ink open.  Beside a gutter
2.6 ems wide (tabloid, body 五号) both together make the 3 ems of a hole: the engine
must see it where the checker does (tuned long-020 at 10.5/18.8 pt: clean to the
engine, a 3.5-line hole to pdfcheck, and copyfit chose it)."""

from __future__ import annotations

from pathlib import Path

from autolayout_helpers import checker_fills, long_archive_laid_out

from layout.autolayout.fill import _body_span
from layout.place.items import TextItem


def _tabloid_long_020(tmp_path: Path):
    return long_archive_laid_out(20, "tabloid", (10.5, 1.788), tmp_path)


def test_a_gutter_beside_a_hanging_comma_and_an_indent_is_a_foot_hole_to_both(tmp_path):
    """One page whose columns end a line apart at the foot; between a column ending
    in ， and one whose last line is indented the white is 3 ems wide: the engine
    reports the hole the checker finds (it read the page clean)."""
    result, _fonts = _tabloid_long_020(tmp_path)
    (page,) = result.metrics.pages
    fill = checker_fills(result, tmp_path)[0]
    assert fill["holes"] == 1 and page.holes == 0
    (hole,) = page.foot
    found = fill["largest"]
    assert hole.lines >= 3 and abs(hole.lines - found["lines"]) < 0.5, (hole, found)
    x0 = result.placed[0].geometry.type_area.x0
    assert x0 <= found["bbox"][0] + 2 and hole.first <= hole.last  # the checker's hole inside the engine's columns
    assert not page.clean


def test_a_body_lines_ends_as_the_checker_reads_them(tmp_path):
    """An indented line starts at its measure, ungrown; a line ending in ， ends at
    the comma's ink grown by 0.15 em, short of the measure (its box half an em past
    it, its ink a quarter em into the box); a full line ending in a Han character a
    little past the measure (its ink grown)."""
    result, fonts = _tabloid_long_020(tmp_path)
    geo = result.placed[0].geometry
    rx = 0.15 * geo.em
    body = [it for it in result.placed[0].items if isinstance(it, TextItem) and it.kind == "body"]
    indented = next(it for it in body if it.line.glyphs[0].x > geo.em)
    comma = next(it for it in body if it.line.glyphs[-1].ch == "，"
                 and it.line.glyphs[-1].x + geo.em > it.line.measure)
    han = next(it for it in body if "\u4e00" <= it.line.glyphs[-1].ch <= "\u9fff"
               and abs(it.line.glyphs[-1].x + geo.em - it.line.measure) < 0.01 and it.line.glyphs[0].x < 0.01)
    assert _body_span(indented, rx, fonts)[0] == indented.x
    end = comma.x + comma.line.measure
    assert end - 0.3 * geo.em < _body_span(comma, rx, fonts)[1] < end - 0.05 * geo.em  # was the measure + rx
    a, b = _body_span(han, rx, fonts)
    assert han.x - rx < a < han.x and han.x + han.line.measure < b < han.x + han.line.measure + rx
