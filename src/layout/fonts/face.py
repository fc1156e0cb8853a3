"""One font face as the composer sees it: advance widths, vertical metrics and the
ink extent of punctuation, all in em.

Why: the composer needs, per character, how wide it is and -- for full-width
punctuation -- which half of the em box holds its ink (spec typography.md §2: the
ink side is read from the font's glyph bounds, never from a table in the code).
Reading that from a 10 MB font with fontTools takes ~0.2 s, so the result is a
plain, picklable record cached on disk (``cache.py``) and in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Characters whose ink extent we record: full-width punctuation and symbols whose
# blank half the composer may compress (spec §2), plus bullets and dashes.
INK_RANGES: tuple[tuple[int, int], ...] = (
    (0x00B7, 0x00B7),  # middle dot
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, interpuncts
    (0x2030, 0x205E),
    (0x2E3A, 0x2E3B),  # two- and three-em dashes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x30FB, 0x30FB),  # katakana middle dot
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE4F),
    (0xFF01, 0xFF0F),  # fullwidth ! " # $ % & ' ( ) * + , - . /
    (0xFF1A, 0xFF20),  # fullwidth : ; < = > ? @
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0x25A0, 0x25FF),  # geometric shapes (bullets)
)


def wants_ink(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in INK_RANGES)


@dataclass(frozen=True, eq=False)
class Face:
    """Metrics of one face, in em (1.0 = the type size).

    ``advances`` maps every code point the face covers to its horizontal advance.
    ``ink`` maps punctuation code points to the (left, right) x-extent of the glyph's
    ink; a mark whose ink ends before 0.5 em has its blank half on the right.
    """

    role: str
    name: str  # unique PDF font name (ASCII) for this face
    path: str
    index: int
    family: str
    units_per_em: int
    ascent: float
    descent: float  # negative: below the baseline
    advances: dict[int, float] = field(repr=False)
    ink: dict[int, tuple[float, float]] = field(repr=False)
    glyph_count: int = 0
    has_glyf: bool = True  # TrueType outlines (ReportLab can embed) vs CFF

    def covers(self, cp: int) -> bool:
        return cp in self.advances

    def advance(self, cp: int) -> float:
        """Advance in em; 0.0 for a character the face lacks (callers check ``covers``)."""
        return self.advances.get(cp, 0.0)

    def ink_extent(self, cp: int) -> tuple[float, float] | None:
        return self.ink.get(cp)

    def blank_left(self, cp: int) -> float:
        """Blank space (em) between the em box's left edge and the ink."""
        ink = self.ink.get(cp)
        return max(0.0, ink[0]) if ink else 0.0

    def blank_right(self, cp: int) -> float:
        """Blank space (em) between the ink and the advance's right edge."""
        ink = self.ink.get(cp)
        return max(0.0, self.advances.get(cp, 0.0) - ink[1]) if ink else 0.0

    def ink_side(self, cp: int) -> str | None:
        """'left' / 'right' when the ink sits in one half of the em box, 'center'
        when it straddles the middle, None when unknown (no ink record)."""
        ink = self.ink.get(cp)
        if ink is None:
            return None
        adv = self.advances.get(cp, 1.0)
        half = adv / 2
        if ink[1] <= half + 0.02 * adv:
            return "left"
        if ink[0] >= half - 0.02 * adv:
            return "right"
        return "center"
