"""Grid geometry (spec typography.md §5): whole-em columns filling the type area,
the header band, rows of whole body lines, baselines with the em box centred, and
text columns (变栏) of whole ems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from model_helpers import BASE

from layout.model import GridSpec, Margins, PageSpec, Span, TextStyle
from layout.model.geometry import CJK_ASCENT, grid_geometry, split_width
from layout.units import PT_PER_MM


def test_house_grid(page):
    geo = page.load(BASE).geometry()
    ta = geo.type_area
    assert ta.x0 == pytest.approx(15 * PT_PER_MM) and ta.x1 == pytest.approx((272 - 15) * PT_PER_MM)
    assert geo.column_width == 126.0 and geo.chars_per_column == 14
    assert geo.gutter >= geo.gutter_min == 13.5
    assert geo.col_x(1) == ta.x0 and geo.col_x1(5) == pytest.approx(ta.x1)  # the grid fills the width
    assert geo.header.y1 == ta.y1 and geo.header.height == pytest.approx(3 * 14.4)
    assert geo.grid_top == pytest.approx(ta.y1 - 3 * 14.4)
    assert geo.rows == 67 and geo.grid_bottom >= ta.y0 > geo.grid_bottom - 14.4


def test_rows_and_baselines(page):
    geo = page.load(BASE).geometry()
    L, E = geo.leading, geo.em
    assert geo.row_top(1) == geo.grid_top and geo.row_bottom(1) == pytest.approx(geo.grid_top - L)
    # the em box (ascent 0.88 above the baseline, 0.12 below) sits in the middle of the band
    base = geo.baseline(1)
    top_gap = geo.row_top(1) - (base + CJK_ASCENT * E)
    bottom_gap = (base - (1 - CJK_ASCENT) * E) - geo.row_bottom(1)
    assert top_gap == pytest.approx(bottom_gap) == pytest.approx((L - E) / 2)
    assert geo.baseline(10) - geo.baseline(11) == pytest.approx(L)
    assert geo.row_at(geo.baseline(7)) == 7
    a = geo.area(Span(2, 3), Span(5, 9))
    assert (a.x0, a.x1) == (geo.col_x(2), geo.col_x1(3))
    assert a.y1 == geo.row_top(5) and a.height == pytest.approx(5 * L)


def test_text_columns(page):
    geo = page.load(BASE).geometry()
    same = geo.text_columns(Span(1, 3), 3)
    assert same == tuple((geo.col_x(i), geo.col_x1(i)) for i in (1, 2, 3))
    cols = geo.text_columns(Span(1, 2), 3)
    assert cols[0][0] == geo.col_x(1) and cols[-1][1] == pytest.approx(geo.col_x1(2))
    for x0, x1 in cols:
        assert (x1 - x0) / geo.em == pytest.approx(round((x1 - x0) / geo.em))
    gaps = [b[0] - a[1] for a, b in zip(cols, cols[1:], strict=False)]
    assert min(gaps) >= geo.gutter_min - 1e-9
    assert geo.max_text_columns(Span(1, 1)) == 2 and geo.max_text_columns(Span(1, 5)) >= 9


@settings(max_examples=60, deadline=None)
@given(
    width=st.floats(min_value=200, max_value=1200),
    n=st.integers(min_value=1, max_value=8),
    size=st.sampled_from([7.5, 9.0, 10.5]),
    gutter=st.floats(min_value=0.5, max_value=2.5),
)
def test_columns_are_whole_ems_and_fill_the_width(width, n, size, gutter):
    cw, g = split_width(width, n, gutter * size, size)
    if cw <= 0:
        return
    assert cw / size == pytest.approx(round(cw / size))
    if n > 1:
        assert g >= gutter * size - 1e-9
        assert n * cw + (n - 1) * g == pytest.approx(width)
        assert g < gutter * size + n * size / (n - 1) + 1e-9  # not a whole em per column left over


def test_no_header_gives_the_whole_type_area():
    body = TextStyle("body", size=10.0, leading=15.0)
    page = PageSpec(500.0, 700.0, Margins(50.0, 50.0, 40.0, 40.0))
    geo = grid_geometry(page, GridSpec(3, 10.0, body), None)
    assert geo.header is None and geo.grid_top == 650.0 and geo.rows == 40
    assert geo.column_width == 130.0 and geo.gutter == 15.0
