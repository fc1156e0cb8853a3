"""The composer's data: what goes in (styled runs, a paragraph style) and what comes
out (lines of placed glyphs).  Plain frozen records (``layout.records``: a frozen
dataclass without compiling its methods at import): picklable, printable, and
the only thing later stages (place, render) know about composition.
"""

from __future__ import annotations

from dataclasses import field
from itertools import repeat
from typing import NamedTuple

from layout.records import record

KINSOKU_LEVELS = ("none", "basic", "gb", "strict", "newspaper")
PUNCT_MODES = ("full", "kaiming", "gb")  # 全角 (no compression), 开明, GB default
ALIGNS = ("justify", "left", "center", "right")


@record
class Run:
    """A stretch of text in one face and size (e.g. 本报讯 in hei opening a song paragraph)."""

    text: str
    face: str = "song"  # role, see layout.fonts.ROLES
    size: float = 9.0  # pt
    tracking: float = 0.0  # extra space after each character, em of this run's size


@record
class ParagraphStyle:
    """How one paragraph is set (spec typography.md §1-4).  Lengths in em of the
    paragraph's first run's size unless said otherwise."""

    indent: float = 2.0  # first-line indent (§4)
    kinsoku: str = "basic"  # line-start/end prohibition level (§1)
    punct: str = "gb"  # punctuation compression mode (§2)
    han_latin: float = 0.25  # Han-Latin/digit gap (§3)
    hanging: bool = False  # lead bullet: wrapped lines align with the text after the bullet (§4)
    align: str = "justify"  # justify: every line but the last flush both sides
    avoid_orphan: bool = True  # 孤字 (§4)
    keep_bracket_in_indent: bool = True  # an opening bracket after the first-line indent keeps its blank half
    # Two adjacent marks whose blank halves face each other (，“ ）（) are set in 1.5 em
    # (GB default) or, with 1.0, in 1 em: both blank halves go (§2).
    pair_em: float = 1.5
    # Justify the last line too when it falls short of the measure by at most this
    # many em.  0 = never (§4: last line flush left).  For a paragraph followed by
    # an unindented one (a ■ lead), where a nearly full last line would read as
    # running on into it.
    fill_last: float = 0.0
    # Break only between words (layout.words: jieba's dictionary), never inside a
    # word or a short quotation: headlines and leads are read by sense (issue 15).
    words: bool = False


_new_tuple = tuple.__new__


class Glyph(NamedTuple):
    """One drawn character.  ``x`` is where the glyph's origin is drawn, in pt from
    the left edge of the measure (an opening bracket whose blank half was removed at
    line start has x < 0).  ``advance`` is the room it takes in the line after
    compression, justification included; ``face`` is the role actually used after
    font fallback.  ``left`` is where that room starts (pt from the measure's left):
    it equals ``x`` except for a mark whose left blank was removed (x < left) or a
    glyph centred in a wider box (x > left).  The next glyph's room starts at
    ``left + advance``.

    A NamedTuple, not a dataclass: a page holds tens of thousands of glyphs and the
    composer builds them in bulk (``tuple.__new__``), which a dataclass makes ~5x slower.
    """

    ch: str
    face: str
    size: float
    x: float
    advance: float
    left: float


@record
class Line:
    """One composed line.  ``start``/``end`` index the paragraph's text (end exclusive),
    so a caller can tell which characters a line holds without re-reading glyphs.

    The glyphs are stored as columns (``chars``, ``faces``, ``sizes``, ``xs``,
    ``advances``, ``lefts``: the fields of ``Glyph``, one entry per glyph) and
    ``glyphs`` builds the ``Glyph`` tuples on first use: a page engine composes a
    paragraph many times (trying column widths) for each time it draws it."""

    chars: str  # the characters drawn, in order (spaces at the line's ends excluded)
    faces: tuple[str, ...]
    sizes: tuple[float, ...]
    xs: tuple[float, ...]
    advances: tuple[float, ...]
    lefts: tuple[float, ...]
    measure: float  # pt, the width the line was set to
    start: int
    end: int
    final: bool = False  # the paragraph's last line (flush left, natural spacing)
    indent: float = 0.0  # pt of first-line indent or hanging indent before the first glyph
    size: float = 9.0  # largest type size on the line (for leading)
    compressed: int = 0  # punctuation marks compressed on this line
    forced: bool = False  # a prohibition rule was broken as a last resort (§1)
    adjust: float = 0.0  # pt added (> 0, loosened) or removed (< 0, tightened) to justify

    @classmethod
    def from_glyphs(cls, glyphs: tuple[Glyph, ...], **fields) -> Line:
        """A line from ready glyphs (tests, hand-made lines)."""
        cols = tuple(zip(*glyphs, strict=True)) if glyphs else ((),) * 6
        return cls("".join(cols[0]), *map(tuple, cols[1:]), **fields)

    @property
    def glyphs(self) -> tuple[Glyph, ...]:
        g = self.__dict__.get("_glyphs")
        if g is None:
            g = tuple(map(_new_tuple, repeat(Glyph),
                          zip(self.chars, self.faces, self.sizes, self.xs, self.advances, self.lefts, strict=True)))
            object.__setattr__(self, "_glyphs", g)
        return g

    @property
    def text(self) -> str:
        return self.chars

    @property
    def right(self) -> float:
        """Right edge of the last glyph's occupied room, pt from the measure's left."""
        if not self.chars:
            return 0.0
        return self.lefts[-1] + self.advances[-1]

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_glyphs", None)  # derived: not pickled
        return state


@record
class Problem:
    """Something the composer had to do that a caller should report."""

    kind: str  # 'kinsoku-last-resort' | 'overfull' | 'missing-glyph' | ...
    message: str
    offset: int = 0  # index into the paragraph text


@record
class ComposedParagraph:
    text: str  # the paragraph's characters, all runs concatenated
    lines: tuple[Line, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def dump(self) -> str:
        """A readable picture of the lines, for test failures."""
        return "\n".join(f"{i:3} |{ln.text}|{' final' if ln.final else ''}" for i, ln in enumerate(self.lines))
