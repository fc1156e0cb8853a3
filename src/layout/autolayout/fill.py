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
    chars: int = 0  # body characters the empty space would hold: how much copy the page lacks

    def message(self) -> str:
        who = self.story or "the page"
        cols = f"column {self.first}" if self.first == self.last else f"columns {self.first}-{self.last}"
        room = f"; room for about {self.chars:,} characters of body text" if self.chars else ""
        return (f"{who}: {self.lines:.1f} lines x {self.ems:.1f} ems left empty below it ({cols}, "
                f"{self.top - self.bottom:.0f} pt down to the page foot{room})")


def page_foot(geo: Geometry) -> float:
    """The y (pt, y up) where the checker's type area ends: the trim edge less the
    smallest margin (left, right, top) -- pdfcheck's ``type_area`` rule."""
    ta = geo.type_area
    return min(ta.x0, geo.page_width - ta.x1, geo.page_height - ta.y1)


def foot_holes(layout: PageLayout, placed: PlacedPage) -> tuple[FootHole, ...]:
    """The holes between the lowest ink and the page foot, read across the page in
    steps of a quarter em (as the checker reads pixels): a run of x where the ink
    stops ``HOLE_LINES`` lines or more above the foot, at least ``HOLE_EMS`` wide,
    is a hole.  Across x, not per grid column: a story whose text columns differ
    from the grid's (变栏) or a column its subhead left short ends inside a grid
    column, and a gutter beside a short column is white too."""
    import numpy as np

    geo = placed.geometry
    foot = page_foot(geo)
    ry = max(geo.leading - 0.9 * geo.em, 0.1 * geo.em) / 2  # the checker grows ink by this, vertically
    rx = 0.15 * geo.em  # ... and by this, horizontally
    depth_min = HOLE_LINES * geo.leading
    x0, step = geo.type_area.x0, geo.em / 4
    n = max(1, round((geo.type_area.x1 - x0) / step))
    low = np.full(n, np.inf)
    for a, b, y in _ink_spans(placed.items):
        i, j = max(0, int((a - rx - x0) / step)), min(n, int(np.ceil((b + rx - x0) / step)))
        if i < j:
            np.minimum(low[i:j], y, out=low[i:j])
    empty = (low - ry) - foot >= depth_min - NEAR_LINES * geo.leading
    out = []
    for i, j in _runs(empty):
        a, b = x0 + i * step, x0 + j * step
        if b - a < HOLE_EMS * geo.em - 2 * rx:
            continue
        # the hole reaches up to the deepest ink over any stretch of it HOLE_EMS wide
        # (the checker's 3-em rectangles: a gutter beside a short column does not lift it)
        width = max(1, min(j - i, round((HOLE_EMS * geo.em - 2 * rx) / step)))
        windows = np.lib.stride_tricks.sliding_window_view(low[i:j], width).min(axis=1)
        tops = windows[np.isfinite(windows)]
        top = min(float(tops.max()) if tops.size else geo.grid_top, geo.grid_top) - ry
        first, last = _column_at(geo, a + step / 2), _column_at(geo, b - step / 2)
        out.append(FootHole(_story_above(layout, first, last), first, last, top, foot,
                            round((top - foot) / geo.leading, 1), round((b - a) / geo.em, 1),
                            _room(geo, a, b, top - foot)))
    return tuple(out)


def _room(geo: Geometry, a: float, b: float, depth: float) -> int:
    """Body characters an empty space from ``a`` to ``b`` (pt across) and ``depth``
    pt deep would hold: whole lines of the grid columns' measure inside it, rounded
    to tens (an estimate for the desk: how much copy the page is short)."""
    per_line = 0
    for c in range(geo.columns):
        x0 = geo.type_area.x0 + c * (geo.column_width + geo.gutter)
        inside = min(b, x0 + geo.column_width) - max(a, x0)
        per_line += max(0, int(inside / geo.em + 1e-6))
    return int(round(per_line * int(depth / geo.leading + 1e-6), -1))


def _column_at(geo: Geometry, x: float) -> int:
    """The grid column at ``x`` (a gutter counts with the column left of it)."""
    i = int((x - geo.type_area.x0) // (geo.column_width + geo.gutter)) + 1
    return min(max(i, 1), geo.columns)


def _runs(mask) -> list[tuple[int, int]]:
    """The [start, end) index runs where ``mask`` is true."""
    out, start = [], None
    for k, v in enumerate(mask.tolist()):
        if v and start is None:
            start = k
        elif not v and start is not None:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(mask)))
    return out


def _ink_spans(items: tuple[Item, ...]):
    """(x0, x1, lowest y) of every item that inks the page; a line fills its
    measure, as the checker fills a line's frame: a body line its column (a
    paragraph's short last line leaves no hole beside it), a display line the blank
    beside it (a right-aligned credit, a centred headline).  Not furniture: a jump
    line is marked as an artifact, and the checker reads artifacts as ink only
    (its lines are the copy's), so the blank beside a （下转第N版） stays blank."""
    for it in items:
        if isinstance(it, TextItem):
            g = it.line.glyphs
            if not g:
                continue
            a, b = it.x + g[0].x, it.x + g[-1].x + g[-1].advance
            if not it.rotated and it.artifact is None:
                a, b = min(a, it.x), max(b, it.x + it.line.measure)
            yield a, b, it.baseline - DESCENT * max(gl.size for gl in g)
        elif isinstance(it, ImageItem | BoxItem):
            yield it.rect.x0, it.rect.x1, it.rect.y0
        elif isinstance(it, RuleItem):
            yield min(it.x0, it.x1), max(it.x0, it.x1), min(it.y0, it.y1)


def _story_above(layout: PageLayout, first: int, last: int) -> str | None:
    """The story whose area reaches lowest over grid columns ``first..last``."""
    best = None
    for s in layout.stories:
        if s.columns.first <= last and s.columns.last >= first and (best is None or s.rows.last > best.rows.last):
            best = s
    return best.id if best else None
