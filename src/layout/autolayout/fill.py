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

from layout.compose.model import Glyph
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.types import PageLayout
from layout.place.items import BoxItem, ImageItem, Item, PlacedPage, RuleItem, TextItem

HOLE_LINES = 3  # pdfcheck: an empty region 3 body lines tall ...
HOLE_EMS = 3  # ... and 3 body ems wide is a hole
DESCENT = 0.12  # of the type size: ink under the baseline (as ``headgap``)
NEAR_LINES = 0.35  # a foot this close to a hole counts as one: the checker's raster and rounding see 3.0 there
PX = 0.5  # pt: the checker's pixel (2 px/pt); the white across is read at this step
NEAR_PX = 1  # a run this many pixels short of a hole's width counts as one (rounding, anti-aliasing)
WIDE_FROM = 0x2E80  # CJK and full-width: a glyph box one em wide (as ``headgap``)
LEFT_INK = frozenset("。，、．：；！？”’）》」』】")  # full-width marks with their ink at the left ...
RIGHT_INK = frozenset("“‘（《「『【")  # ... at the right (when the font's outline is not known)


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


def foot_holes(layout: PageLayout, placed: PlacedPage, fonts: FontSet | None = None) -> tuple[FootHole, ...]:
    """The holes between the lowest ink and the page foot, read across the page in
    steps of the checker's pixel (``PX``): a run of x where the ink stops
    ``HOLE_LINES`` lines or more above the foot, at least ``HOLE_EMS`` wide, is a
    hole.  Across x, not per grid column: a story whose text columns differ from
    the grid's (变栏) or a column its subhead left short ends inside a grid column,
    and a gutter beside a short column is white too.  ``fonts``: read the ink of a
    body line's end glyphs from their outlines (else from a table of marks)."""
    import numpy as np

    geo = placed.geometry
    foot = page_foot(geo)
    ry = max(geo.leading - 0.9 * geo.em, 0.1 * geo.em) / 2  # the checker grows ink by this, vertically
    rx = 0.15 * geo.em  # ... and by this, horizontally
    depth_min = HOLE_LINES * geo.leading
    x0, step = geo.type_area.x0, PX
    n = max(1, round((geo.type_area.x1 - x0) / step))
    low = np.full(n, np.inf)
    for a, b, y in _ink_spans(placed.items, rx, fonts):
        i, j = max(0, int((a - x0) / step)), min(n, int(np.ceil((b - x0) / step)))
        if i < j:
            np.minimum(low[i:j], y, out=low[i:j])
    empty = (low - ry) - foot >= depth_min - NEAR_LINES * geo.leading
    # the checker's least hole width in pixels: 3 ems less its growth of the ink at both sides
    least = max(1, round(HOLE_EMS * geo.em / step) - 2 * round(rx / step) - 1 - NEAR_PX)
    out = []
    for i, j in _runs(empty):
        if j - i < least:
            continue
        a, b = x0 + i * step, x0 + j * step
        # the hole reaches up to the deepest ink over any stretch of it HOLE_EMS wide
        # (the checker's 3-em rectangles: a gutter beside a short column does not lift it)
        windows = np.lib.stride_tricks.sliding_window_view(low[i:j], least).min(axis=1)
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


def _ink_spans(items: tuple[Item, ...], rx: float, fonts: FontSet | None = None):
    """(x0, x1, lowest y) of every item that inks the page, the ink grown by ``rx``
    as the checker grows it.  A line fills its measure, as the checker fills a
    line's frame: a display line the blank beside it (a right-aligned credit, a
    centred headline), a body line its column (``_body_span``).  Not furniture: a
    jump line is marked as an artifact, and the checker reads artifacts as ink only
    (its lines are the copy's), so the blank beside a （下转第N版） stays blank."""
    for it in items:
        if isinstance(it, TextItem):
            g = it.line.glyphs
            if not g:
                continue
            y = it.baseline - DESCENT * max(gl.size for gl in g)
            if it.kind == "body" and not it.rotated and it.artifact is None:
                yield (*_body_span(it, rx, fonts), y)
                continue
            a, b = it.x + g[0].x, it.x + g[-1].x + g[-1].advance
            if not it.rotated and it.artifact is None:
                a, b = min(a, it.x), max(b, it.x + it.line.measure)
            yield a - rx, b + rx, y
        elif isinstance(it, ImageItem | BoxItem):
            yield it.rect.x0 - rx, it.rect.x1 + rx, it.rect.y0
        elif isinstance(it, RuleItem):
            yield min(it.x0, it.x1) - rx, max(it.x0, it.x1) + rx, min(it.y0, it.y1)


def _body_span(it: TextItem, rx: float, fonts: FontSet | None) -> tuple[float, float]:
    """A body line's extent as the checker reads it: the blank between the measure
    and the line's first or last glyph box (an indent, a paragraph's short last
    line) is filled as the frame, not grown; where a glyph box reaches the measure's
    end or past it, the checker sees that glyph's ink, grown by ``rx`` -- a line
    ending in a mark set half an em wide (，。、, its box hanging past the measure)
    leaves the white right of the mark's ink open, and beside a gutter of 2.6 ems
    that white makes 3 (tuned long-020 at tabloid 10.5/18.8 pt: a 3.5-line hole
    between a column ending in ， and an indented line, read clean here before)."""
    line = it.line
    g0, g1 = line.glyphs[0], line.glyphs[-1]
    start, end = it.x, it.x + line.measure
    a = start if it.x + g0.x > start + 0.01 else it.x + _glyph_ink(g0, fonts)[0] - rx
    b = end if it.x + g1.x + _box(g1) < end - 0.01 else it.x + _glyph_ink(g1, fonts)[1] + rx
    return a, b


def _box(g: Glyph) -> float:
    """The glyph's box as the PDF gives it: a CJK or full-width glyph one em wide
    (its compression is a shift, not a narrower glyph), others their advance."""
    return g.size if ord(g.ch) >= WIDE_FROM else g.advance


def _glyph_ink(g: Glyph, fonts: FontSet | None) -> tuple[float, float]:
    """The glyph's ink as an x-interval (pt from the measure's left): from its
    outline when ``fonts`` know its face, else from where marks keep their ink."""
    from layout.fonts.ink import ink_x

    cp = ord(g.ch)
    face = fonts.resolve(cp, g.face) if fonts is not None and not g.ch.isspace() else None
    ink = ink_x(face, cp) if face is not None else None
    if ink is not None:
        return g.x + ink[0] * g.size, g.x + ink[1] * g.size
    width = _box(g)
    if g.ch in LEFT_INK:
        return g.x + 0.05 * width, g.x + 0.45 * width
    if g.ch in RIGHT_INK:
        return g.x + 0.55 * width, g.x + 0.95 * width
    return g.x, g.x + width


def _story_above(layout: PageLayout, first: int, last: int) -> str | None:
    """The story whose area reaches lowest over grid columns ``first..last``."""
    best = None
    for s in layout.stories:
        if s.columns.first <= last and s.columns.last >= first and (best is None or s.rows.last > best.rows.last):
            best = s
    return best.id if best else None
