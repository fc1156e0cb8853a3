"""Side bearings and ink extents of glyphs, read from the font files
(``autolayout.headgap``, ``render.snap``).

Why: the page checker lets a display line fill the blank to its right only when
the line's last glyph leaves a little white before the end of its advance; a bold
headline glyph whose ink runs to its advance edge stops it.  The font layer keeps
ink extents of punctuation only, so the outlines' bounds are read here, once per
font file and glyph (``fontTools``, lazily).
"""

from __future__ import annotations

from functools import lru_cache

from layout.fonts.face import Face

_UNKNOWN = -1.0


@lru_cache(maxsize=16)
def _font(path: str, index: int):  # -> (cmap, glyf, hmtx, units per em) or None
    from fontTools.ttLib import TTFont

    try:
        ft = TTFont(path, fontNumber=index, lazy=True)
        if "glyf" not in ft:
            return None
        # glyphs by index under plain names: a CJK font without glyph names (post
        # format 3) otherwise has fontTools make ~30,000 names from the cmap, half of
        # what opening the font costs a one-page reprint (the values read are by index)
        ft.setGlyphOrder([f"g{i}" for i in range(ft["maxp"].numGlyphs)])
        return ft.getBestCmap(), ft["glyf"], ft["hmtx"], ft["head"].unitsPerEm
    except Exception:
        return None


@lru_cache(maxsize=8192)
def _ink(face: Face, cp: int) -> tuple[float, float, float] | None:
    """The glyph's ink (left, right) and advance, in em from its origin; None when
    unknown (a CFF font, a missing glyph, an empty glyph such as a space)."""
    font = _font(face.path, face.index)
    if font is None:
        return None
    cmap, glyf, hmtx, upm = font
    name = cmap.get(cp)
    if name is None:
        return None
    glyph = glyf[name]
    if not hasattr(glyph, "xMax"):
        return None
    return glyph.xMin / upm, glyph.xMax / upm, hmtx[name][0] / upm


def right_bearing(face: Face, cp: int) -> float:
    """White between the ink's right edge and the advance's end, in em; -1 when
    unknown (a CFF font, a missing glyph)."""
    ink = _ink(face, cp)
    return _UNKNOWN if ink is None else ink[2] - ink[1]


def ink_x(face: Face, cp: int) -> tuple[float, float] | None:
    """The glyph's ink from its origin, (left, right) in em; None when unknown."""
    ink = _ink(face, cp)
    return None if ink is None else (ink[0], ink[1])



def ink_box(face: Face, cp: int) -> tuple[float, float, float] | None:
    """The glyph's ink (left, right) and advance in em from its origin; None when
    unknown (``render.snap``)."""
    return _ink(face, cp)
