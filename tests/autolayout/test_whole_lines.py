"""Copyfit by whole lines (issue 13, "Every page full"; typography.md §5: lines per
column): a copyfit leading fills the type area with a whole number of lines, so no
remainder of a line is left under the grid's last row.

Why it matters: the page checker measures holes down to the trim edge less the
smallest margin (``fill.page_foot``).  At a leading leaving 0.87 line under the
grid, a story at the foot whose columns end two lines early (allowed anywhere
else, ``shapes.MAX_COLUMN_WHITE``) is a 3-line hole there: the rich set's
seed-long-023 page 1 (broadsheet, 五号 at 1.707) had three of them beside its jump
line, and the engine's own search thought the page full."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from layout.autolayout.copyfit import Trial, leading_search
from layout.autolayout.fill import page_foot
from layout.autolayout.footwhite import hole_rows
from layout.autolayout.shapes import MAX_COLUMN_WHITE
from layout.autolayout.template import FIT_LEADING, TEMPLATE_NAMES, body_sizes, load_template
from layout.model.geometry import grid_geometry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from pagebar import CHECKER, faults
from textgen import generate_seed


def _geometry(name: str, size: float, factor: float):
    tpl = load_template(name)
    body = replace(tpl.grid.body, size=size, leading=factor * size)
    return grid_geometry(tpl.page, replace(tpl.grid, body=body), tpl.header)


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_copyfit_leading_leaves_no_remainder_under_the_grid(name):
    """Across the copyfit range, at the template's body and at 五号: the leadings
    offered are in range, a whole number of lines fills the type area to within a
    tenth of a line, and a column at the foot ending ``MAX_COLUMN_WHITE``
    lines early is no hole to the checker's measure (``footwhite.hole_rows``)."""
    from layout.autolayout.copyfit import whole_lines

    tpl = load_template(name)
    depth = tpl.geometry().type_area.height
    for size in body_sizes(tpl):
        size = size or tpl.grid.body.size
        snap = whole_lines(depth, size)
        for k in range(0, 111):
            f = round(FIT_LEADING[0] + k * 0.005, 3)
            offered = snap(f)
            assert offered, (name, size, f)
            # the first offer keeps the lines the leading gives, unless that is looser than the range
            assert offered[0] >= f - 1e-9 or len(offered) == 1, (name, size, f, offered)
            for g in offered:
                assert FIT_LEADING[0] - 1e-9 <= g <= FIT_LEADING[1] + 1e-9
                geo = _geometry(name, size, g)
                left = geo.grid_bottom - page_foot(geo)
                assert 0 <= left < 0.1 * geo.leading, (name, size, f, g, left / geo.leading)
                assert hole_rows(geo, 0) > MAX_COLUMN_WHITE, (name, size, g)


def test_the_leading_search_steps_by_whole_lines_inside_its_bracket():
    """A layout one page too long at the first whole-line leading, whose volume
    barely moves (the second page holds a line or two): the search does not
    stop on the same leading again but steps a line at a time inside its
    bracket until the page fits, trying whole-line leadings only."""
    from layout.autolayout.copyfit import whole_lines

    depth, size = 1431.496, 9.0
    snap = whole_lines(depth, size)
    fits = 1.545  # a page's worth of text at this leading and tighter

    def trial(f: float) -> Trial:
        return Trial(1, 1.0, True) if f <= fits else Trial(2, 1.002, False)

    tried = leading_search(1, 1.577, trial, snap=snap)
    assert trial(tried[-1]).full, tried
    whole = {g for f in tried for g in snap(f)}
    assert set(tried) <= whole
    assert tried == sorted(tried, reverse=True) and len(set(tried)) == len(tried)


@pytest.mark.skipif(CHECKER is None, reason="../shared/tools/pdfcheck.py not found above the checkout")
def test_a_long_page_copyfitted_on_broadsheet_has_no_hole_at_its_foot(tmp_path, capsys):
    """The seed-shape long archive of the rich benchmark set (textgen 23, long),
    reprinted on broadsheet: page 1's last story jumps to page 2 with its columns
    up to 2 lines short of its area's foot.  At a whole-line leading that is no
    hole; the engine says none and the checker, reading the PDF back, agrees."""
    from layout.cli import main

    src = tmp_path / "seed-long-023.txt"
    src.write_text(generate_seed(23, long=True), encoding="utf-8")
    pdf = tmp_path / "seed-long-023.pdf"
    assert main(["reprint", str(src), "--template", "broadsheet", "-o", str(pdf)]) == 0
    said = capsys.readouterr()
    assert "foot_holes=0" in said.out + said.err and "left empty below" not in said.err, said.err
    assert faults(pdf, 1, tmp_path) == []
