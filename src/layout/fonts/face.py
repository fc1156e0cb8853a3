"""One font face as the composer sees it: coverage, advance widths, vertical metrics
and the ink extent of punctuation, all in em.

Why: the composer needs, per character, whether the face has it, how wide it is
and -- for full-width punctuation -- which half of the em box holds its ink (spec
typography.md §2: the ink side is read from the font's glyph bounds, never from a
table in the code).  Reading that from a 10 MB font with fontTools takes ~0.3 s,
so ``loader.py`` caches the result on disk.

Why this shape: a CJK face maps ~22,000 code points, and all but a few hundred of
them (Latin, digits, some symbols) are exactly 1 em wide.  A dict of 22,000 floats
costs ~40 ms to unmarshal per face -- more than a whole page should take -- so a
face holds its coverage as a bitmap over the BMP (8 KiB) plus a set for astral
planes, one default advance, and a small dict of the advances that differ from it.
Loading that is well under a millisecond.  Callers use the methods below, never the
private fields.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import field

from layout.records import record

BMP_SIZE = 0x10000
BMP_BYTES = BMP_SIZE // 8  # one bit per BMP code point

# Characters whose ink extent we record: full-width punctuation and symbols whose
# blank half the composer may compress (spec §2), plus bullets and dashes.
INK_RANGES: tuple[tuple[int, int], ...] = (
    (0x00B7, 0x00B7),  # middle dot
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, interpuncts
    (0x2030, 0x205E),
    (0x2E3A, 0x2E3B),  # two- and three-em dashes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x30FB, 0x30FB),  # katakana middle dot
    (0xFE10, 0xFE19),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms (vertical brackets)
    (0xFF01, 0xFF0F),  # fullwidth ! " # $ % & ' ( ) * + , - . /
    (0xFF1A, 0xFF20),  # fullwidth : ; < = > ? @
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0x25A0, 0x25FF),  # geometric shapes (bullets)
)

# A mark's ink counts as lying in one half of its advance when it crosses the
# middle by at most this fraction of the advance: Noto's 。 ends at 0.32-0.35 em,
# but a few quotes and brackets touch the centre line by a hair.
INK_SIDE_TOLERANCE = 0.02


def wants_ink(cp: int) -> bool:
    """True for the code points whose ink extent a face records."""
    return any(lo <= cp <= hi for lo, hi in INK_RANGES)


@record(eq=False)
class Face:
    """Metrics of one face, in em (1.0 = the type size).

    Public: the named fields and the methods.  Private (layout of the cache, may
    change): ``_bmp`` (coverage bitmap of U+0000-U+FFFF, bit ``cp & 7`` of byte
    ``cp >> 3``), ``_astral`` (covered code points above U+FFFF), ``_widths``
    (advances that differ from ``default_advance``), ``_ink`` (cp -> (left, right)
    x-extent of the ink of punctuation glyphs).
    """

    role: str
    name: str  # unique PDF font name (ASCII) for this face
    path: str
    index: int  # face index in a TrueType collection (0 for a plain TTF)
    family: str
    units_per_em: int
    ascent: float
    descent: float  # negative: below the baseline
    glyph_count: int
    version: str = ""
    default_advance: float = 1.0
    _bmp: bytes = field(default=bytes(BMP_BYTES), repr=False)
    _astral: frozenset[int] = field(default=frozenset(), repr=False)
    _widths: Mapping[int, float] = field(default_factory=dict, repr=False)
    _ink: Mapping[int, tuple[float, float]] = field(default_factory=dict, repr=False)

    # -- coverage and advances ------------------------------------------------

    def covers(self, cp: int) -> bool:
        """Does the face map code point ``cp`` to a glyph?"""
        if 0 <= cp < BMP_SIZE:
            return bool(self._bmp[cp >> 3] & (1 << (cp & 7)))
        return cp in self._astral

    def advance(self, cp: int) -> float:
        """Advance in em; 0.0 for a character the face lacks (callers check ``covers``)."""
        if not self.covers(cp):
            return 0.0
        return self._widths.get(cp, self.default_advance)

    def codepoints(self) -> Iterator[int]:
        """Every covered code point, ascending."""
        bmp = self._bmp
        for byte_index, byte in enumerate(bmp):
            if byte:
                base = byte_index << 3
                for bit in range(8):
                    if byte & (1 << bit):
                        yield base + bit
        yield from sorted(self._astral)

    @property
    def char_count(self) -> int:
        """How many code points the face covers."""
        return int.from_bytes(self._bmp, "little").bit_count() + len(self._astral)

    # -- ink of punctuation (spec §2) -----------------------------------------

    def ink_extent(self, cp: int) -> tuple[float, float] | None:
        """(left, right) x-extent of the glyph's ink in em, for the punctuation and
        symbol blocks in ``INK_RANGES``; None otherwise or for a blank glyph."""
        return self._ink.get(cp)

    def blank_left(self, cp: int) -> float:
        """Blank space (em) between the em box's left edge and the ink."""
        ink = self._ink.get(cp)
        return max(0.0, ink[0]) if ink else 0.0

    def blank_right(self, cp: int) -> float:
        """Blank space (em) between the ink and the advance's right edge."""
        ink = self._ink.get(cp)
        return max(0.0, self.advance(cp) - ink[1]) if ink else 0.0

    def ink_side(self, cp: int) -> str | None:
        """'left' / 'right' when the ink sits in one half of the advance, 'center'
        when it straddles the middle, None when unknown (no ink record)."""
        ink = self._ink.get(cp)
        if ink is None:
            return None
        adv = self.advance(cp) or 1.0
        half = adv / 2
        slack = INK_SIDE_TOLERANCE * adv
        if ink[1] <= half + slack:
            return "left"
        if ink[0] >= half - slack:
            return "right"
        return "center"


@record
class PackedMetrics:
    """A face's coverage and advances in the compact form ``Face`` stores."""

    default_advance: float
    bmp: bytes
    astral: frozenset[int]
    widths: dict[int, float]


def pack_advances(advances: Mapping[int, float]) -> PackedMetrics:
    """Compact ``{cp: advance}``: the most common advance becomes the default and
    only the others are kept (~470 of ~22,000 in the bundled faces)."""
    if not advances:
        return PackedMetrics(1.0, bytes(BMP_BYTES), frozenset(), {})
    default = Counter(advances.values()).most_common(1)[0][0]
    bits = bytearray(BMP_BYTES)
    astral: set[int] = set()
    for cp in advances:
        if cp < BMP_SIZE:
            bits[cp >> 3] |= 1 << (cp & 7)
        else:
            astral.add(cp)
    widths = {cp: adv for cp, adv in advances.items() if adv != default}
    return PackedMetrics(default, bytes(bits), frozenset(astral), widths)
