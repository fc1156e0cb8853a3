"""Grid geometry: where columns, rows and baselines are on the page.

One place computes it, so validation (is a story inside the grid?) and placement
(where does line 17 of column 3 go?) cannot disagree.  All values in pt, trim-box
coordinates: origin at the bottom-left corner of the trimmed page, y upwards.

The rules (spec typography.md §5):
- a grid column is a whole number of body ems wide: ``cw = floor(((W - (n-1)*g_min)/n)/E)*E``;
  the leftover widens the gutters, ``g = (W - n*cw)/(n-1)``, so the grid fills the type area;
- the page header takes ``header.rows`` body lines at the top of the type area; the
  grid starts below it and has as many whole body lines as fit;
- every body baseline of the page sits on one grid: row ``r`` is the band
  ``[grid_top - r*L, grid_top - (r-1)*L]`` and its baseline puts the body em box in the
  middle of the band (half the line gap above and below).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from layout.records import record

if TYPE_CHECKING:  # annotations only: types.PageLayout.geometry() imports this module
    from layout.model.types import GridSpec, Header, PageLayout, PageSpec, Span

CJK_ASCENT = 0.88  # em box top above the baseline in Noto CJK / Source Han (descent 0.12)
MIN_TEXT_COLUMN_EMS = 6  # narrowest text column (变栏) we set: 6 body characters
_EPS = 1e-6  # float slack when counting whole ems and whole lines


@record
class Rect:
    """An axis-aligned rectangle in pt, trim-box coordinates (``x0, y0`` bottom-left)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def split_width(width: float, n: int, gutter_min: float, em: float) -> tuple[float, float]:
    """``n`` columns of a whole number of ems across ``width`` with gaps of at least
    ``gutter_min``: returns (column width, actual gap).  The column width may come out
    0 or less when they do not fit; callers check."""
    if n <= 1:
        return math.floor(width / em + _EPS) * em, 0.0
    cw = math.floor(((width - (n - 1) * gutter_min) / n) / em + _EPS) * em
    return cw, (width - n * cw) / (n - 1)


@record
class Geometry:
    """The page's grid in pt (see module doc).  Columns and rows are 1-based."""

    page_width: float
    page_height: float
    bleed: float
    type_area: Rect
    em: float  # body size E
    leading: float  # L, the baseline grid step
    columns: int
    column_width: float  # cw, a whole number of ems
    gutter: float  # the actual gap between grid columns
    gutter_min: float
    header: Rect | None  # the header band, None without a header
    grid_top: float
    rows: int

    @property
    def chars_per_column(self) -> int:
        return round(self.column_width / self.em)

    @property
    def grid_bottom(self) -> float:
        return self.grid_top - self.rows * self.leading

    def col_x(self, i: int) -> float:
        """Left edge of grid column ``i``."""
        return self.type_area.x0 + (i - 1) * (self.column_width + self.gutter)

    def col_x1(self, i: int) -> float:
        """Right edge of grid column ``i``."""
        return self.col_x(i) + self.column_width

    def row_top(self, r: int) -> float:
        return self.grid_top - (r - 1) * self.leading

    def row_bottom(self, r: int) -> float:
        return self.grid_top - r * self.leading

    def baseline(self, r: int, size: float | None = None) -> float:
        """Baseline of row ``r`` for type of ``size`` (default: the body size), the em
        box centred in the row's band."""
        e = self.em if size is None else size
        return self.row_top(r) - (self.leading - e) / 2 - CJK_ASCENT * e

    def row_at(self, y: float) -> int:
        """The row whose band holds ``y`` (may be outside 1..rows)."""
        return math.floor((self.grid_top - y) / self.leading + _EPS) + 1

    def area(self, columns: Span, rows: Span) -> Rect:
        """The rectangle of grid columns ``columns`` and rows ``rows`` (gutters between
        the columns included, outer gutters not)."""
        return Rect(self.col_x(columns.first), self.row_bottom(rows.last), self.col_x1(columns.last), self.row_top(rows.first))

    def text_columns(self, columns: Span, n: int) -> tuple[tuple[float, float], ...]:
        """(x0, x1) of ``n`` text columns (变栏) across grid columns ``columns``.  With
        one text column per grid column these are the grid columns; otherwise each is a
        whole number of ems, with gaps of at least the grid's minimum gutter."""
        if n == columns.count:
            return tuple((self.col_x(i), self.col_x1(i)) for i in columns)
        x0 = self.col_x(columns.first)
        width = self.col_x1(columns.last) - x0
        w, g = split_width(width, n, self.gutter_min, self.em)
        return tuple((x0 + k * (w + g), x0 + k * (w + g) + w) for k in range(n))

    def max_text_columns(self, columns: Span) -> int:
        """Most text columns of at least ``MIN_TEXT_COLUMN_EMS`` that fit ``columns``."""
        width = self.col_x1(columns.last) - self.col_x(columns.first)
        n = max(1, columns.count)
        while split_width(width, n + 1, self.gutter_min, self.em)[0] >= MIN_TEXT_COLUMN_EMS * self.em - _EPS:
            n += 1
        return n


def page_geometry(layout: PageLayout) -> Geometry:
    """The grid of ``layout`` (see module doc)."""
    return grid_geometry(layout.page, layout.grid, layout.header)


def grid_geometry(page: PageSpec, grid: GridSpec, header_spec: Header | None) -> Geometry:
    """The grid from its parts (the validator needs it before the stories exist)."""
    m = page.margins
    area = Rect(m.left, m.bottom, page.width - m.right, page.height - m.top)
    em, lead = grid.body.size, grid.body.leading
    cw, gutter = split_width(area.width, grid.columns, grid.gutter, em)
    header = None
    top = area.y1
    if header_spec is not None:
        band = header_spec.rows * lead
        header = Rect(area.x0, area.y1 - band, area.x1, area.y1)
        top -= band
    rows = max(0, math.floor((top - area.y0) / lead + _EPS))
    return Geometry(
        page_width=page.width, page_height=page.height, bleed=page.bleed, type_area=area,
        em=em, leading=lead, columns=grid.columns, column_width=cw, gutter=gutter,
        gutter_min=grid.gutter, header=header, grid_top=top, rows=rows,
    )
