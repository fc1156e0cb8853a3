"""White under the page's head when a part carried from another page opens the
page, read as the page checker reads it (shared/tools/pdfcheck.py ``fill_report``;
page-layout.md rule 2: no holes).

Why a raster of glyph outlines here, where ``fill`` reads the foot from line ends:
a continued part's 接题 and its （上接第N版） are furniture, which the checker reads
as bare ink filling nothing beside it, so the band they take under the header is
white but for their glyphs, about 2.8 lines deep.  Whether that reads as a 3-line
hole turns on the shapes of the glyphs under it -- the white above a ， whose ink
sits low, beside a gutter; the white over 上's short arm -- which no line-level
model sees (fresh long-113 p2 on broadsheet at 10.5/15.73 pt: 3.0 x 2.9 ems at
x 153-183; rich seed-long-016 p2: 3 x 13 ems beside a 接题 over a part of 3 lines;
both read clean by the engine, so copyfit chose those leadings).  ``metrics``
counts these holes, so copyfit keeps a leading whose band is clean.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from layout.autolayout.fill import DESCENT, HOLE_EMS, HOLE_LINES, PX, _box, _column_at, _runs
from layout.compose.model import Glyph
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.types import PageLayout
from layout.place.items import BoxItem, ImageItem, Item, PlacedPage, RuleItem, TextItem


@dataclass(frozen=True)
class TopHole:
    """Empty space under the page's head (the header's rule), over grid columns
    ``first`` to ``last``, ``lines`` x ``ems`` deep and wide."""

    first: int
    last: int
    lines: float
    ems: float

    def message(self) -> str:
        cols = f"column {self.first}" if self.first == self.last else f"columns {self.first}-{self.last}"
        return f"under the page's head: {self.lines:.1f} lines x {self.ems:.1f} ems left empty ({cols})"


HEAD_BAND_LINES = 6  # the band under the head read as the checker reads it, in body lines
INK_LEVEL = 5  # a glyph's coverage (of 255) the checker's raster reads as ink (grey under 250)


def top_holes(layout: PageLayout, placed: PlacedPage, fonts: FontSet | None) -> tuple[TopHole, ...]:
    """The holes in the band under the page's head (``HEAD_BAND_LINES`` deep) when a
    part carried from another page opens the page, read as the checker reads the
    page: the glyphs rasterised from their outlines at its pixel, ink grown by half
    the line gap and 0.15 em, a body line filling its measure, a display line the
    blank beside it (``_Band.frames``), furniture nothing; then any 3-line x 3-em
    rectangle of white is a hole (the module doc says why).  Only the header's rule
    gives the head; without ``fonts`` (no outlines) nothing is read."""
    geo = placed.geometry
    if fonts is None or not any(s.jump_from is not None and s.rows.first == 1 for s in layout.stories):
        return ()

    width = geo.type_area.x1 - geo.type_area.x0
    rules = [it for it in placed.items if isinstance(it, RuleItem) and abs(it.y0 - it.y1) < 1e-6
             and abs(it.x1 - it.x0) >= 0.85 * width and it.y0 >= geo.grid_top - 0.15 * geo.type_area.height]
    if not rules:
        return ()
    rule = max(rules, key=lambda r: r.y0)
    r = _Band(geo, rule.y0 - rule.width / 2, HEAD_BAND_LINES * geo.leading)
    for it in placed.items:
        r.ink(it, fonts)
    r.grow()
    r.frames([it for it in placed.items if isinstance(it, TextItem) and it.line.glyphs])
    return tuple(TopHole(_column_at(geo, a), _column_at(geo, b), lines, round((b - a) / geo.em, 1))
                 for a, b, lines in r.holes())


class _Band:
    """A band of the page under ``head`` (pt, y up), ``depth`` pt deep, at the
    checker's pixel: ``hard`` the ink as drawn, ``solid`` grown as the checker grows
    it (rows above the head and below the band count as ink: the header, and text
    this does not read)."""

    def __init__(self, geo: Geometry, head: float, depth: float):
        import numpy as np

        self.geo = geo
        self.s = 1 / PX
        self.ry = max(geo.leading - 0.9 * geo.em, 0.1 * geo.em) / 2
        self.rx = 0.15 * geo.em
        self.pad = int(round(2 * geo.leading * self.s))  # rows of margin above and below (the checker's 2 lines)
        self.top = head + self.ry + self.pad / self.s  # y of row 0: the checker's type area starts ry over the rule
        self.x0 = geo.type_area.x0 - self.rx
        rows = int(round((depth + self.ry) * self.s)) + 2 * self.pad
        cols = int(np.ceil((geo.type_area.x1 + self.rx - self.x0) * self.s))
        self.hard = np.zeros((rows, cols), bool)
        self.head_row = self.pad + int(round(self.ry * self.s))  # the first row under the rule's growth
        self.inside = (self.pad, rows - self.pad)

    def px(self, x: float) -> int:
        return int(round((x - self.x0) * self.s))

    def py(self, y: float) -> int:
        return int(round((self.top - y) * self.s))

    def _box(self, x0: float, y0: float, x1: float, y1: float, grid=None) -> None:
        grid = self.hard if grid is None else grid
        H, W = grid.shape
        r0, r1 = max(self.py(y1), 0), min(self.py(y0), H)
        c0, c1 = max(self.px(x0), 0), min(self.px(x1), W)
        if r1 > r0 and c1 > c0:
            grid[r0:r1, c0:c1] = True

    def ink(self, it: Item, fonts: FontSet) -> None:
        if isinstance(it, ImageItem | BoxItem):
            self._box(it.rect.x0, it.rect.y0, it.rect.x1, it.rect.y1)
        elif isinstance(it, RuleItem):
            w = it.width / 2
            self._box(min(it.x0, it.x1) - w, min(it.y0, it.y1) - w, max(it.x0, it.x1) + w, max(it.y0, it.y1) + w)
        elif isinstance(it, TextItem) and it.line.glyphs:
            size = max(g.size for g in it.line.glyphs)
            if self.py(it.baseline + size) >= self.hard.shape[0] or self.py(it.baseline - size) < 0:
                return
            for g in it.line.glyphs:
                if g.ch.isspace():
                    continue
                if it.rotated:
                    self._box(it.x + g.x, it.baseline - DESCENT * g.size, it.x + g.x + _box(g),
                              it.baseline + (1 - DESCENT) * g.size)
                    continue
                self._glyph(g, it.x + g.x, it.baseline, fonts)

    def _glyph(self, g: Glyph, x: float, baseline: float, fonts: FontSet) -> None:
        face = fonts.resolve(ord(g.ch), g.face)
        mask = _glyph_mask(face.path, face.index, g.ch, max(1, round(g.size * self.s))) if face is not None else None
        if mask is None:  # no outline to read: the glyph's box
            self._box(x, baseline - DESCENT * g.size, x + _box(g), baseline + (1 - DESCENT) * g.size)
            return
        m, (dx, dy) = mask
        H, W = self.hard.shape
        r0, c0 = self.py(baseline) + dy, self.px(x) + dx
        a0, b0 = max(r0, 0), max(c0, 0)
        a1, b1 = min(r0 + m.shape[0], H), min(c0 + m.shape[1], W)
        if a1 > a0 and b1 > b0:
            self.hard[a0:a1, b0:b1] |= m[a0 - r0:a1 - r0, b0 - c0:b1 - c0]

    def grow(self) -> None:
        """``solid``: the ink grown by ``ry`` and ``rx``; outside the band's inside rows ink."""
        import numpy as np

        ry, rx = max(1, int(round(self.ry * self.s))), max(1, int(round(self.rx * self.s)))
        p = np.pad(self.hard, ((ry, ry), (rx, rx)))
        self.solid = _window_any(p, 2 * ry + 1, 2 * rx + 1)
        self.solid[:self.head_row] = True
        self.solid[self.inside[1]:] = True
        self.hard[:self.head_row] = True
        self.hard[self.inside[1]:] = True

    def frames(self, lines: list[TextItem]) -> None:
        """The checker's text frames: a body line fills its measure beside its first
        and last glyph boxes; a display line (not furniture) the blank beside it out
        to the next ink, not into a place empty 2 lines above and below it (an empty
        column); top to bottom."""
        import numpy as np

        H, W = self.solid.shape
        ry = self.ry
        for it in lines:
            if it.kind != "body" or it.rotated or it.artifact is not None:
                continue
            g0, g1 = it.line.glyphs[0], it.line.glyphs[-1]
            size = max(g.size for g in it.line.glyphs)
            y0, y1 = it.baseline - DESCENT * size - ry, it.baseline + (1 - DESCENT) * size + ry
            left, right = it.x + g0.x, it.x + g1.x + _box(g1)
            if left > it.x:
                self._box(it.x, y0, left, y1, self.solid)
            if right < it.x + it.line.measure:
                self._box(right, y0, it.x + it.line.measure, y1, self.solid)
        shown = [it for it in lines if it.kind != "body" and not it.rotated and it.artifact is None]
        for it in sorted(shown, key=lambda it: -it.baseline):
            g0, g1 = it.line.glyphs[0], it.line.glyphs[-1]
            size = max(g.size for g in it.line.glyphs)
            top, bottom = it.baseline + (1 - DESCENT) * size, it.baseline - DESCENT * size
            c0, c1 = max(self.py(top), 0), min(self.py(bottom), H)
            b0, b1 = max(self.py(top + ry), 0), min(self.py(bottom - ry), H)
            if c1 <= c0 or b1 <= b0:
                continue
            stop = self.hard[c0:c1].any(axis=0)
            above = ~self.solid[max(b0 - self.pad, 0):b0].any(axis=0) if b0 > 0 else np.zeros(W, bool)
            below = ~self.solid[b1:b1 + self.pad].any(axis=0) if b1 < H else np.zeros(W, bool)
            stop |= above & below
            xa, xb = max(self.px(it.x + g0.x), 0), min(self.px(it.x + g1.x + _box(g1)), W)
            lft, rgt = np.nonzero(stop[:xa])[0], np.nonzero(stop[xb:])[0]
            self.solid[b0:b1, (lft[-1] + 1 if len(lft) else 0):(xb + rgt[0] if len(rgt) else W)] = True

    def holes(self) -> list[tuple[float, float, float]]:
        """(x0, x1 pt, depth in lines) of each run of x the checker's 3 x 3 rectangles
        of white cover (its opening)."""
        import numpy as np

        geo = self.geo
        h = int(round(HOLE_LINES * geo.leading * self.s)) - 1
        w = int(round(HOLE_EMS * geo.em * self.s)) - 2 * max(1, int(round(self.rx * self.s))) - 1
        empty = ~self.solid
        H, W = empty.shape
        if h > H or w > W:
            return []
        fit = ~_window_any(~empty, h, w)  # anchors whose h x w window is all white
        opened = _window_any(np.pad(fit, ((h - 1, h - 1), (w - 1, w - 1))), h, w)
        out = []
        for i, j in _runs(opened.any(axis=0)):
            rows = np.nonzero(opened[:, i:j].any(axis=1))[0]
            out.append((self.x0 + i / self.s, self.x0 + j / self.s,
                        round(float(rows[-1] + 1 - rows[0]) / self.s / geo.leading, 1)))
        return out


def _window_any(a, h: int, w: int):
    """``out[y, x]``: any of ``a[y:y + h, x:x + w]`` (an integral image)."""
    import numpy as np

    ii = np.zeros((a.shape[0] + 1, a.shape[1] + 1), np.int32)
    np.cumsum(np.cumsum(a, 0, dtype=np.int32), 1, out=ii[1:, 1:])
    return (ii[h:, w:] - ii[:-h, w:] - ii[h:, :-w] + ii[:-h, :-w]) > 0


@lru_cache(maxsize=4096)
def _glyph_mask(path: str, index: int, ch: str, px_size: int):
    """A glyph's ink at ``px_size`` whole pixels an em (FreeType through Pillow,
    anti-aliased, as the checker's renderer draws it; a half-point size is whole at
    its 2 px/pt, and Pillow 10.0 takes no other): (mask, (dx, dy) of its top-left
    from the origin on the baseline), or None when the font cannot be read."""
    import numpy as np

    font = _pil_font(path, index, px_size)
    if font is None:
        return None
    try:
        im, (dx, dy) = font.getmask2(ch, mode="L", anchor="ls")
    except Exception:
        return None
    w, h = im.size
    m = np.asarray(im, dtype=np.uint8).reshape(h, w) > INK_LEVEL if w and h else np.zeros((0, 0), bool)
    return m, (dx, dy)


@lru_cache(maxsize=64)
def _pil_font(path: str, index: int, px_size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(path, size=px_size, index=index, layout_engine=ImageFont.Layout.BASIC)
    except Exception:
        return None
