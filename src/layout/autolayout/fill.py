"""Underfill at a page's foot, measured as the page checker measures it (issue 13,
class 5: "fill is measured against the ink, so a page whose text stops halfway
says holes=0"; shared/tools/pdfcheck.py ``fill_report``).

Why here: the grid's metrics (``metrics``) see the stories' areas; a page whose
stories stop at row 40 of 70 has no hole *between* them, yet the checker's type
area reaches down to the trim edge less the smallest side margin, so the empty
foot is a hole there.  This module reads the placed page's ink per grid column:
where the ink stops more than 3 lines above that foot over a run of columns at
least 3 ems wide, the story standing above the run leaves a hole, reported with
where (columns, pt) and how much (lines x ems) -- page-layout.md rule 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from layout.model.geometry import Geometry
from layout.model.types import PageLayout
from layout.place.items import BoxItem, ImageItem, Item, PlacedPage, RuleItem, TextItem

HOLE_LINES = 3  # pdfcheck: an empty region 3 body lines tall ...
HOLE_EMS = 3  # ... and 3 body ems wide is a hole
DESCENT = 0.12  # of the type size: ink under the baseline (as ``headgap``)
NEAR_LINES = 0.35  # a foot this close to a hole counts as one: the checker's raster and rounding see 3.0 there


@dataclass(frozen=True)
class FootHole:
    """Empty space under ``story`` (None: no story above it) from grid column
    ``first`` to ``last``, ``top`` to ``bottom`` pt (y up), ``lines`` x ``ems`` deep
    and wide in body lines and ems."""

    story: str | None
    first: int
    last: int
    top: float
    bottom: float
    lines: float
    ems: float

    def message(self) -> str:
        who = self.story or "the page"
        cols = f"column {self.first}" if self.first == self.last else f"columns {self.first}-{self.last}"
        return (f"{who}: {self.lines:.1f} lines x {self.ems:.1f} ems left empty below it ({cols}, "
                f"{self.top - self.bottom:.0f} pt down to the page foot)")


def page_foot(geo: Geometry) -> float:
    """The y (pt, y up) where the checker's type area ends: the trim edge less the
    smallest margin (left, right, top) -- pdfcheck's ``type_area`` rule."""
    ta = geo.type_area
    return min(ta.x0, geo.page_width - ta.x1, geo.page_height - ta.y1)


def foot_holes(layout: PageLayout, placed: PlacedPage) -> tuple[FootHole, ...]:
    """The holes between the lowest ink of each grid column and the page foot."""
    geo = placed.geometry
    foot = page_foot(geo)
    ry = max(geo.leading - 0.9 * geo.em, 0.1 * geo.em) / 2  # the checker grows ink by this, vertically
    depth_min = HOLE_LINES * geo.leading
    bottoms = [_ink_bottom(placed.items, geo.col_x(i), geo.col_x1(i)) for i in range(1, geo.columns + 1)]
    empty = [b is None or (b - ry) - foot >= depth_min - NEAR_LINES * geo.leading for b in bottoms]
    out = []
    i = 0
    while i < geo.columns:
        if not empty[i]:
            i += 1
            continue
        j = i
        while j + 1 < geo.columns and empty[j + 1]:
            j += 1
        x0 = geo.col_x(i + 1) - (geo.gutter / 2 if i else 0.0)
        x1 = geo.col_x1(j + 1) + (geo.gutter / 2 if j + 1 < geo.columns else 0.0)
        width = x1 - x0
        if width >= HOLE_EMS * geo.em - 0.3 * geo.em:
            top = max((b for b in bottoms[i:j + 1] if b is not None), default=geo.grid_top) - ry
            out.append(FootHole(_story_above(layout, i + 1, j + 1), i + 1, j + 1, top, foot,
                                round((top - foot) / geo.leading, 1), round(width / geo.em, 1)))
        i = j + 1
    return tuple(out)


def _ink_bottom(items: tuple[Item, ...], x0: float, x1: float) -> float | None:
    """The lowest ink (pt, y up) over ``x0..x1``."""
    low = None
    for it in items:
        if isinstance(it, TextItem):
            g = it.line.glyphs
            if not g:
                continue
            a, b = it.x + g[0].x, it.x + g[-1].x + g[-1].advance
            y = it.baseline - DESCENT * max(gl.size for gl in g)
        elif isinstance(it, ImageItem | BoxItem):
            a, b, y = it.rect.x0, it.rect.x1, it.rect.y0
        elif isinstance(it, RuleItem):
            a, b, y = min(it.x0, it.x1), max(it.x0, it.x1), min(it.y0, it.y1)
        else:
            continue
        if a < x1 and b > x0 and (low is None or y < low):
            low = y
    return low


def _story_above(layout: PageLayout, first: int, last: int) -> str | None:
    """The story whose area reaches lowest over grid columns ``first..last``."""
    best = None
    for s in layout.stories:
        if s.columns.first <= last and s.columns.last >= first and (best is None or s.rows.last > best.rows.last):
            best = s
    return best.id if best else None
