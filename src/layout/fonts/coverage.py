"""Which characters of a text no face covers, and where they occur.

Why: a character missing from every face must never be drawn as a blank or a
tofu box (issue 2, "Coverage and fallback"); it is reported with the character,
its code point and every place it occurs, so an editor can find it in the source
(``layout fonts --check`` and the composer both use this).  Characters found only
in a fallback face are counted too: an editor may want to know that a name is set
in hei inside a song paragraph.
"""

from __future__ import annotations

import unicodedata
from dataclasses import field
from typing import TYPE_CHECKING

from layout.records import record

if TYPE_CHECKING:  # annotations only: fontset imports is_exempt from here
    from layout.fonts.fontset import FontSet

# Categories never drawn as glyphs: controls (tab, CR, LF ...), line and paragraph
# separators.  Everything else -- spaces included -- must come from some face.
EXEMPT_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})

# How many places of one character a one-line report lists before "...".
DEFAULT_PLACES_SHOWN = 5


def is_exempt(ch: str) -> bool:
    """True for characters that are layout controls rather than glyphs."""
    return unicodedata.category(ch) in EXEMPT_CATEGORIES


def code_point(cp: int) -> str:
    """``U+4E2D`` style, at least four hex digits."""
    return f"U+{cp:04X}"


@record
class Occurrence:
    """One place in a text: 1-based line and column (in characters, not bytes) and
    the 0-based offset into the string."""

    line: int
    column: int
    offset: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@record
class MissingChar:
    """A character no face covers, with every place it occurs."""

    char: str
    occurrences: tuple[Occurrence, ...]

    @property
    def codepoint(self) -> int:
        return ord(self.char)

    @property
    def code(self) -> str:
        return code_point(ord(self.char))

    @property
    def name(self) -> str:
        """The Unicode name, or a description for unnamed code points."""
        name = unicodedata.name(self.char, "")
        if name:
            return name
        cat = unicodedata.category(self.char)
        return {"Co": "private use", "Cn": "unassigned", "Cs": "surrogate"}.get(cat, cat)

    def describe(self, limit: int = DEFAULT_PLACES_SHOWN) -> str:
        """``𠀀 U+20000 (CJK UNIFIED IDEOGRAPH-20000) x3 at 1:5, 2:7, 4:1``."""
        shown = ", ".join(str(o) for o in self.occurrences[:limit])
        more = len(self.occurrences) - limit
        if more > 0:
            shown += f", ... ({more} more)"
        glyph = self.char if self.char.isprintable() else " "
        return f"{glyph} {self.code} ({self.name}) x{len(self.occurrences)} at {shown}"


@record
class CoverageReport:
    """What a text needs from a font set: ``missing`` (no face has it, in order of
    first occurrence), ``fallback`` (role -> characters taken from a face other than
    the primary one, in order of first occurrence), ``distinct`` characters checked."""

    primary: str
    distinct: int
    missing: tuple[MissingChar, ...]
    fallback: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing


def check_text(text: str, fonts: FontSet, role: str = "song") -> CoverageReport:
    """Check every character of ``text`` against ``fonts``, starting at ``role``.

    One pass over the text; each distinct character is resolved once."""
    resolved: dict[str, str | None] = {}  # char -> role of the face that has it
    places: dict[str, list[Occurrence]] = {}
    line, col = 1, 0
    for offset, ch in enumerate(text):
        if ch == "\n":
            line, col = line + 1, 0
            continue
        col += 1
        if ch not in resolved:
            if is_exempt(ch):
                resolved[ch] = role
                continue
            face = fonts.resolve(ord(ch), role)
            resolved[ch] = face.role if face is not None else None
        if resolved[ch] is None:
            places.setdefault(ch, []).append(Occurrence(line, col, offset))
    fallback: dict[str, str] = {}
    for ch, r in resolved.items():
        if r is not None and r != role:
            fallback[r] = fallback.get(r, "") + ch
    missing = tuple(MissingChar(ch, tuple(occ)) for ch, occ in places.items())
    distinct = sum(1 for ch in resolved if not is_exempt(ch))
    return CoverageReport(role, distinct, missing, fallback)


def missing_chars(text: str, fonts: FontSet, role: str = "song") -> list[MissingChar]:
    """The characters of ``text`` no face of ``fonts`` covers, each with its places."""
    return list(check_text(text, fonts, role).missing)
