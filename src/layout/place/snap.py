"""Display lines placed clear of a proof raster's edge pixels (render.drawing moves them).

Why: a proof or preview rasterised at 144 dpi (2 px per pt, what our page checker
``../shared/tools/pdfcheck.py`` renders; page-layout.md rule 2 judges the blank
beside a centred or flush display line as part of the line's frame, not as a hole)
reads a display line's frame from the pixels at its glyph boxes' ends.  A last
glyph whose ink runs to within a few tenths of a point of its advance (卷, 摄,
抓 in a bold or serif face) anti-aliases into the pixel where the box ends, and the
blank beside the line then reads as empty page: a centred headline's right side, a
caption's, a subhead's.  The line's position is the composer's to the hundredth of
a point, which no press or eye resolves, so each display line is moved by at most
``MAX_SHIFT`` (a quarter point, 0.09 mm) to where its first and last glyphs' ink
stands furthest from the pixels beyond its box ends.
Body lines never move (they are justified to their measure to 0.05 pt).

The raster, as pdfium draws it (measured; ``raster_scale``, ``INK_BIAS``): the page
fills a bitmap of whole pixels, ``ceil(2 W)`` wide, so a page ``W`` pt wide that is no
multiple of half a point is stretched -- by up to a pixel at its right edge
(tabloid 788.03 pt: 1,577 px, the ink of a line ending at x = 556 pt lands 0.66 px
right of ``2 x``) -- while the checker indexes pixels as ``round(2 x)``; and a glyph's
anti-aliased ink stands about half a pixel right of its outline (9-12 pt 黑体,
宋体, 楷体: the pixel left of a line's box stays white even when the outline starts
right at it; the pixel at its right end takes ink while the outline is up to
0.24 pt short of it).  Modelled without either, the shift kept ~0.3 pt at each end of
a 9 pt line in the model and none at the right on the page (fresh raw-113: a
subhead ending in 抓, a hole beside it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from layout.fonts import FontSet
from layout.fonts.ink import ink_box

PX_PER_PT = 2.0  # the raster: 144 dpi
MAX_SHIFT = 0.25  # pt: half a pixel either way reaches every sub-pixel phase
STEP = 0.01  # pt: the shifts tried, nearest first
INK_BIAS = 0.5  # px: anti-aliased ink stands this far right of the outline (pdfium at 2 px/pt, measured)
CLEAR = 0.1  # pt of white wanted between an end glyph's ink (outline + INK_BIAS) and the pixel edge
# (measured with pdfium over 70 glyphs in 黑体 / 宋体 / 楷体 9-16 pt and bold 9-36 pt at 0.01 pt phases:
# no edge pixel took ink with 0 pt or more, the worst took it at -0.014 pt; 0.1 for other glyphs)
# Lines set in a display face or size; a byline or credit is read as body text (its
# face is the body's) and keeps its place.
DISPLAY_KINDS = frozenset({"headline", "kicker", "subtitle", "caption", "subhead", "label", "lead"})
_SHIFTS = tuple(sorted((round(k * STEP, 2) for k in range(-round(MAX_SHIFT / STEP), round(MAX_SHIFT / STEP) + 1)),
                       key=lambda d: (abs(d), d)))


class Glyphs(Protocol):
    """The columns of a set line (``compose.model.Line``, a render label)."""

    chars: Sequence[str]
    faces: Sequence[str]
    sizes: Sequence[float]
    xs: Sequence[float]


def snapped(kind: str, rotated: bool) -> bool:
    """Whether a line of ``kind`` is moved onto the raster (display lines read
    horizontally; render.drawing moves them, autolayout.headgap counts on it)."""
    return kind in DISPLAY_KINDS and not rotated


def raster_scale(media_width: float | None) -> float:
    """Pixels per point across a page of ``media_width`` pt as pdfium rasterises it
    at 2 px/pt: the page is stretched onto ``ceil(2 W)`` whole pixels (the PDF
    writes the MediaBox to 4 decimals: a width of whole half points stays exact)."""
    if not media_width:
        return PX_PER_PT
    return math.ceil(round(media_width * PX_PER_PT, 3)) / media_width


def reachable_margin(line: Glyphs, fonts: FontSet) -> float:
    """The white ``line_shift`` can keep between the end glyphs' outlines and the
    pixels beyond the box ends, wherever the line stands (the shifts cover a whole
    pixel); -1 when the outlines are unknown.  The outline's white at exactly
    2 px/pt, without ``INK_BIAS`` or the page's stretch (the model
    ``autolayout.headgap`` counts a line as filling by, from 0.4 pt): on the
    measured raster such a line clears both ends wherever it stands but in the
    last ~15 % of a page's width, where the stretch takes more than the bias leaves."""
    ends = _ends(line, fonts)
    if ends is None:
        return -1.0
    x0, ink0, x1, ink1 = ends
    return max(_margin(x0 + d, ink0 + d, x1 + d, ink1 + d, bias=0.0) for d in _SHIFTS)


def line_shift(line: Glyphs, fonts: FontSet, x: float, scale: float = PX_PER_PT) -> float:
    """The move of a line whose measure starts at media ``x`` that keeps its end
    glyphs' ink furthest from the raster pixels beyond its box ends (the nearer of
    the two ends counts; the smallest such move); 0 when both ends are ``CLEAR``
    of them already or the outlines are unknown.  ``scale``: the raster's real
    pixels per point across the page (``raster_scale``)."""
    ends = _ends(line, fonts)
    if ends is None:
        return 0.0
    x0, ink0, x1, ink1 = (x + v for v in ends)
    if _margin(x0, ink0, x1, ink1, scale) >= CLEAR:
        return 0.0
    return max(_SHIFTS, key=lambda d: (round(_margin(x0 + d, ink0 + d, x1 + d, ink1 + d, scale), 3), -abs(d), d))


def _margin(box0: float, ink0: float, box1: float, ink1: float, scale: float = PX_PER_PT,
            bias: float = INK_BIAS) -> float:
    """White between the ink and the pixel left of the box's first pixel, and
    between the ink and the box's last pixel (where a raster reading of the
    frame starts), whichever is less; pt.  The checker numbers the pixels
    ``round(2 x)``; the ink lands at ``scale * x`` plus ``bias`` pixels."""
    left = round(box0 * PX_PER_PT)
    right = round(box1 * PX_PER_PT)
    return min(ink0 * scale + bias - left, right - ink1 * scale - bias) / PX_PER_PT


def _ends(line: Glyphs, fonts: FontSet) -> tuple[float, float, float, float] | None:
    """(first box's left, its ink's left, last box's right, its ink's right) in pt
    from the measure's left edge; None when a glyph's outline is unknown."""
    visible = [i for i, ch in enumerate(line.chars) if not ch.isspace()]
    if not visible:
        return None
    i, j = visible[0], visible[-1]
    first = _bearings(line, fonts, i)
    last = _bearings(line, fonts, j)
    if first is None or last is None:
        return None
    x0 = line.xs[i]
    x1 = line.xs[j] + last[2]
    return x0, x0 + first[0], x1, x1 - last[1]


def _bearings(line: Glyphs, fonts: FontSet, i: int) -> tuple[float, float, float] | None:
    """(left bearing, right bearing, advance) of glyph ``i`` in pt."""
    cp = ord(line.chars[i])
    face = fonts.resolve(cp, line.faces[i])
    if face is None:
        return None
    box = ink_box(face, cp)
    if box is None:
        return None
    left, right, advance = (v * line.sizes[i] for v in box)
    return left, advance - right, advance
