"""Blank space beside a story's headline group: would it read as a hole?

Why: display lines are short and centred or flush; stacked, their blank sides can
join into an empty region 3 lines tall and 3 ems wide (a hole, page-layout.md rule
2), above all under the rule that separates a story from the one above it (half a
row of white more).  A short headline over a short byline line does it.  The
search cannot see this in row counts, so the headline group is placed for real
(``place_story``) and its ink rasterised, the way the page checker looks at a page:
ink grown by half the normal line gap vertically and 0.15 em horizontally, then
any empty rectangle of 3 lines x 3 ems is a hole.  Conservative: the blank beside
a display line counts as empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from math import ceil

import numpy as np

from layout.compose.model import Glyph
from layout.fonts import FontSet
from layout.fonts.ink import ink_x, right_bearing
from layout.model.geometry import Geometry
from layout.place.items import BoxItem, Item, RuleItem, TextItem
from layout.place.snap import reachable_margin, snapped

HOLE_LINES = 3  # an empty region this many lines tall ...
HOLE_EMS = 3  # ... and this many ems wide is a hole
PX_PER_PT = 2.0  # raster resolution: the checker's (a gap of a point between two inks stops its fill)
LEFT_INK_ENDS = frozenset("。，、．：；！？”’）》」』】")  # full-width marks with their ink on the left
RIGHT_INK = frozenset("“‘（《「『【")  # ... on the right
WIDE_FROM = 0x2E80  # CJK and full-width: a glyph one em wide; below it proportional (Latin, digits)
STOP_BEARING = 0.5  # pt: ink this close to a line end stops the checker fill (a pixel at 2 px/pt: rounding, anti-aliasing)
SNAPPED_CLEAR = 0.4  # pt: a display line moved onto the raster (place.snap) with this much white at both ends fills
OUTSIDE_EMS = 0.8  # blank beside a story the checker sees as part of a gap: half a gutter, a rule's side
BODY_LINES_BELOW = 2  # the checker looks 2 lines below a display line for an empty column
BODY_INDENT_EMS = 2  # the body's first line is indented (typography.md §4)
GLYPH_SIDE = 0.05  # em of blank at each side of a Han glyph's ink (side bearings)


def _fills_right(glyph: Glyph, fonts: FontSet) -> bool:
    """Whether the checker extends a line ending in ``glyph`` to its right: not
    when the glyph's ink reaches the end of its advance (within ``STOP_BEARING``)."""
    if glyph.ch in LEFT_INK_ENDS:
        return True
    face = fonts.resolve(ord(glyph.ch), glyph.face)
    if face is None:
        return False
    return right_bearing(face, ord(glyph.ch)) * glyph.size > STOP_BEARING


def _ink_runs(glyphs, grow: float, fonts: FontSet | None = None) -> list[tuple[float, float]]:
    """The ink of a line as x-intervals (pt from the measure's left), glyphs whose
    ink gaps the checker's growth closes merged into one (fewer rectangles to draw).
    A Han glyph's ink is read from its outline when ``fonts`` know its face (the
    blank beside a line is measured to the ink, as the checker sees it)."""
    runs: list[list[float]] = []
    for g in glyphs:
        if g.ch.isspace():
            continue
        a, b = _glyph_ink(g, fonts)
        if runs and a - runs[-1][1] <= 2 * grow:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    return [(a, b) for a, b in runs]


def _glyph_ink(g: Glyph, fonts: FontSet | None) -> tuple[float, float]:
    """A glyph's ink as an x-interval (pt, the line's coordinates)."""
    e0, e1, outline = _ink_em(g.ch, g.face, fonts)
    if outline:
        return g.x + e0 * g.size, g.x + e1 * g.size
    width = g.size if ord(g.ch) >= WIDE_FROM else min(g.advance, g.size)
    return g.x + e0 * width, g.x + e1 * width


@lru_cache(maxsize=8192)
def _ink_em(ch: str, role: str, fonts: FontSet | None) -> tuple[float, float, bool]:
    """A character's ink (left, right) in em, and whether that is its outline's (in
    em of its size) or ``_ink``'s estimate (in em of its advance): once per
    character and face, not per glyph of every headline measured."""
    cp = ord(ch)
    if fonts is not None and cp >= WIDE_FROM and ch not in LEFT_INK_ENDS and ch not in RIGHT_INK:
        face = fonts.resolve(cp, role)
        ink = ink_x(face, cp) if face is not None else None
        if ink is not None:
            return ink[0], ink[1], True
    gx0, gx1 = _ink(ch)
    return gx0, gx1, False


def _ink(ch: str) -> tuple[float, float]:
    """Horizontal ink extent of a character, in em of its advance."""
    if ch in LEFT_INK_ENDS:
        return GLYPH_SIDE, 0.45
    if ch in RIGHT_INK:
        return 0.55, 1 - GLYPH_SIDE
    return GLYPH_SIDE, 1 - GLYPH_SIDE


def head_hole(items: list[Item], geo: Geometry, fonts: FontSet, columns: Sequence[tuple[float, float]],
              top: float, bottom: float, rule_gap: float, beside: float | None = None) -> bool:
    """Whether the ink of ``items`` (a headline group placed between ``top`` and
    ``bottom``, pt, y up, over text ``columns``) leaves a hole.  ``rule_gap``: white
    above ``top`` before the rule that closes it.  Below ``bottom`` the body starts:
    two lines in every text column (the gaps between them stay empty, the first
    line indented).  Beside the story lies the gutter or the page margin
    (``OUTSIDE_EMS`` of it counted as empty); ``beside``: the left edge of the text
    standing right of the group from the story's top (文包题): the whole gutter up to
    it is blank the group's lines must fill (raw-119: a headline 3 ems short of the
    text beside, a label box over it and a shorter subtitle under it, is a hole)."""
    em, lead = geo.em, geo.leading
    x0, x1 = columns[0][0], columns[-1][1]
    pad = OUTSIDE_EMS * em
    right = x1 + pad if beside is None else beside + pad
    r = _Raster(geo, x0 - pad, right, top + rule_gap, bottom - 2 * lead)
    r.mark(x0, top + rule_gap, right if beside is not None else x1, top + rule_gap)  # the rule (or the header's)
    if beside is not None:  # the text beside: a line on every row from the first
        r.mark(beside, bottom - 2 * lead, right, top - (lead - em) / 2)
    for n in range(BODY_LINES_BELOW):
        line_top = bottom - n * lead - (lead - em) / 2
        for c, (cx0, cx1) in enumerate(columns):
            indent = BODY_INDENT_EMS * em if c == 0 and n == 0 else 0.0
            r.mark(cx0 + indent, line_top - em, cx1, line_top)
    lines = []
    for it in items:
        if isinstance(it, TextItem) and it.line.glyphs:
            g0, g1 = it.line.glyphs[0], it.line.glyphs[-1]
            size = max(g.size for g in it.line.glyphs)
            y0, y1 = it.baseline - 0.12 * size, it.baseline + 0.88 * size
            for ax0, ax1 in _ink_runs(it.line.glyphs, r.rx, fonts):
                r.mark(it.x + ax0, y0, it.x + ax1, y1)
            if it.artifact is not None:
                continue  # furniture (a 接题, a jump line): the checker reads it as bare ink, filling nothing
            box = (it.x + g0.x, y0, it.x + g1.x + g1.size, y1)
            lines.append((box, _fills_right(g1, fonts) or (snapped(it.kind, it.rotated) and
                                                         reachable_margin(it.line, fonts) >= SNAPPED_CLEAR)))
        elif isinstance(it, BoxItem):
            r.mark(it.rect.x0, it.rect.y0, it.rect.x1, it.rect.y1)
        elif isinstance(it, RuleItem):
            r.mark(min(it.x0, it.x1), min(it.y0, it.y1), max(it.x0, it.x1), max(it.y0, it.y1))
    for box, right in sorted(lines, key=lambda b: -b[0][3]):
        r.fill_sides(box, right)
    h = int(round((HOLE_LINES * lead - 0.5) * PX_PER_PT))
    w = int(round((HOLE_EMS * em - 2 * r.rx - 0.5) * PX_PER_PT))
    return _has_empty_rect(~r.solid, h, w)


class _Raster:
    """Ink of a strip of the page at ``PX_PER_PT``: ``hard`` as drawn, ``solid``
    grown by ``ry`` (half the line gap) and ``rx`` (0.15 em), as the checker sees it."""

    def __init__(self, geo: Geometry, x0: float, x1: float, y_top: float, y_bottom: float):
        em, lead = geo.em, geo.leading
        self.ry = max(lead - 0.9 * em, 0.1 * em) / 2
        self.rx = 0.15 * em
        self.above = int(round(2 * lead * PX_PER_PT))
        self.x0, self.y_top = x0, y_top
        shape = (ceil((y_top - y_bottom) * PX_PER_PT) + 1, ceil((x1 - x0) * PX_PER_PT) + 1)
        self.hard = np.zeros(shape, bool)
        self.solid = np.zeros(shape, bool)

    def _cols(self, ax0: float, ax1: float, grow: float) -> tuple[int, int]:
        s = PX_PER_PT
        return max(0, int((ax0 - grow - self.x0) * s)), min(self.hard.shape[1], ceil((ax1 + grow - self.x0) * s))

    def _rows(self, ay0: float, ay1: float, grow: float) -> tuple[int, int]:
        s = PX_PER_PT
        return max(0, int((self.y_top - ay1 - grow) * s)), min(self.hard.shape[0], ceil((self.y_top - ay0 + grow) * s))

    def mark(self, ax0: float, ay0: float, ax1: float, ay1: float) -> None:
        c0, c1 = self._cols(ax0, ax1, 0.0)
        r0, r1 = self._rows(ay0, ay1, 0.0)
        self.hard[r0:max(r1, r0 + 1), c0:max(c1, c0 + 1)] = True
        c0, c1 = self._cols(ax0, ax1, self.rx)
        r0, r1 = self._rows(ay0, ay1, self.ry)
        self.solid[r0:r1, c0:c1] = True

    def fill_sides(self, box: tuple[float, float, float, float], right: bool) -> None:
        """A display line fills the blank beside it out to the next ink, unless
        that blank is empty for 2 lines above and below too (an empty column).  The
        checker stops at ink touching the line's right end: the right side counts
        as filled only when ``right`` (``_fills_right``)."""
        ax0, ay0, ax1, ay1 = box
        c0, c1 = self._rows(ay0, ay1, 0.0)
        b0, b1 = self._rows(ay0, ay1, self.ry)
        xa, _ = self._cols(ax0, ax0, 0.0)
        xb, _ = self._cols(ax1, ax1, 0.0)
        stop = self.hard[c0:max(c1, c0 + 1)].any(axis=0)
        above = ~self.solid[max(0, b0 - self.above):b0].any(axis=0) if b0 > 0 else np.zeros(stop.shape, bool)
        below = ~self.solid[b1:b1 + self.above].any(axis=0)
        stop |= above & below
        left = np.nonzero(stop[:xa])[0]
        lo = left[-1] + 1 if len(left) else 0
        hi = xa
        if right:
            start = min(xb + 1, stop.shape[0])  # past the line's own last pixel of ink
            rgt = np.nonzero(stop[start:])[0]
            hi = start + rgt[0] if len(rgt) else stop.shape[0]
        self.solid[b0:b1, lo:hi] = True


def _has_empty_rect(empty: np.ndarray, h: int, w: int) -> bool:
    """Whether an ``h`` x ``w`` rectangle fits entirely inside ``empty``: the empty
    pixels eroded by ``h`` rows, then by ``w`` columns (each a few shifted ANDs,
    not the integral image: this runs for every story at every width)."""
    H, W = empty.shape
    if h > H or w > W:
        return False
    tall = _erode(empty, h, 0)  # tall[y, x]: empty[y:y + h, x] all empty
    return bool(tall.any() and _erode(tall, w, 1).any())


def _erode(a: np.ndarray, n: int, axis: int) -> np.ndarray:
    """``out[i] = a[i] & a[i + 1] & ... & a[i + n - 1]`` along ``axis``, the span
    doubled at each step."""
    span = 1
    while span < n:
        s = min(span, n - span)
        a = a[:-s] & a[s:] if axis == 0 else a[:, :-s] & a[:, s:]
        span += s
    return a
