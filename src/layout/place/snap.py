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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from layout.fonts import FontSet
from layout.fonts.ink import ink_box

PX_PER_PT = 2.0  # the raster: 144 dpi
MAX_SHIFT = 0.25  # pt: half a pixel either way reaches every sub-pixel phase
STEP = 0.01  # pt: the shifts tried, nearest first
CLEAR = 0.5  # pt of white wanted between an end glyph's outline and the pixel edge (hinting and
# anti-aliasing spread a 9-36 pt glyph's ink up to ~0.45 pt beyond its outline: measured with pdfium)
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


def reachable_margin(line: Glyphs, fonts: FontSet) -> float:
    """The white ``line_shift`` can keep between the end glyphs' ink and the
    pixels beyond the box ends, wherever the line stands (the shifts cover a whole
    pixel); -1 when the outlines are unknown."""
    ends = _ends(line, fonts)
    if ends is None:
        return -1.0
    x0, ink0, x1, ink1 = ends
    return max(_margin(x0 + d, ink0 + d, x1 + d, ink1 + d) for d in _SHIFTS)


def line_shift(line: Glyphs, fonts: FontSet, x: float) -> float:
    """The move of a line whose measure starts at media ``x`` that keeps its end
    glyphs' ink furthest from the raster pixels beyond its box ends (the nearer of
    the two ends counts; the smallest such move); 0 when both ends are ``CLEAR``
    of them already or the outlines are unknown."""
    ends = _ends(line, fonts)
    if ends is None:
        return 0.0
    x0, ink0, x1, ink1 = (x + v for v in ends)
    if _margin(x0, ink0, x1, ink1) >= CLEAR:
        return 0.0
    return max(_SHIFTS, key=lambda d: (round(_margin(x0 + d, ink0 + d, x1 + d, ink1 + d), 3), -abs(d), d))


def _margin(box0: float, ink0: float, box1: float, ink1: float) -> float:
    """White between the ink and the pixel left of the box's first pixel, and
    between the ink and the box's last pixel (where a raster reading of the
    frame starts), whichever is less; pt."""
    left = round(box0 * PX_PER_PT) / PX_PER_PT
    right = round(box1 * PX_PER_PT) / PX_PER_PT
    return min(ink0 - left, right - ink1)


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
