"""Shared helpers of the composer tests: compose at a round size (10 pt, so 1 em
= 10 pt) and read lines back as text and positions."""

from __future__ import annotations

from layout.compose import ComposedParagraph, ParagraphStyle, Run, compose_paragraph
from layout.fonts import default_fontset

SIZE = 10.0  # pt: one em
TOL = 0.01  # pt: the contract's exactness


def compose(text: str, measure_em: float, face: str = "song", **style) -> ComposedParagraph:
    """``text`` in one run, ``measure_em`` ems wide, no indent unless asked."""
    style.setdefault("indent", 0.0)
    return compose_paragraph([Run(text, face, SIZE)], measure_em * SIZE, ParagraphStyle(**style), default_fontset())


def texts(cp: ComposedParagraph) -> list[str]:
    return [ln.text for ln in cp.lines]


def glyph(cp: ComposedParagraph, ch: str, nth: int = 0):
    """The nth glyph of character ``ch`` in the paragraph, and its line."""
    seen = 0
    for ln in cp.lines:
        for g in ln.glyphs:
            if g.ch == ch:
                if seen == nth:
                    return g, ln
                seen += 1
    raise AssertionError(f"{ch!r} #{nth} not found in\n{cp.dump()}")


def following(cp: ComposedParagraph, ch: str, nth: int = 0):
    """The glyph after the nth ``ch`` on the same line."""
    g, ln = glyph(cp, ch, nth)
    gl = ln.glyphs
    k = gl.index(g)
    return gl[k + 1]
