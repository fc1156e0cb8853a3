"""Normalising archive punctuation in Chinese context (issue 6).

Archives, OCR in particular, often carry half-width ``, ; : ( ) ? !`` inside Chinese
sentences ("8月3日,开发区召开…").  A Chinese page sets them full-width (GB/T 15834),
so we convert exactly these seven characters, and only where they touch Chinese:

- ``, ; : ? !`` become ``，；：？！`` when the character right before or right after
  is Chinese (a Han character, CJK punctuation, a full-width form or kana).
  Immediate neighbours only: "City, 即" keeps its comma, "S101,主要" gets ``，``.
- ``( )`` are converted as a matched pair (same line): both when either bracket
  touches Chinese, so "组织(WHO)" becomes "组织（WHO）" and never "组织（WHO)".
  An unmatched bracket follows the single-character rule.
- Decimals (3.8), times (8:30), ratios (1:2), thousands (1,000) and Latin text stay
  as they are: their punctuation touches no Chinese.  URLs and e-mail addresses
  are protected whole, even where they touch Chinese.
- Stray control characters (VT, form feed, U+001C-U+001F, other C0/C1 controls,
  U+FFFE/U+FFFF) and invisible format characters no check ignores (direction marks,
  bidi embeddings) become a space and are reported as warnings with line:column
  (issue 13: never a YAML traceback, never YAML that does not render).
- No-break spaces (U+00A0, U+202F narrow, U+2007 figure): kept between two non-Chinese
  characters (10 km, where they mean "do not break here"); everywhere else (next to
  Chinese, at a line's start or end, where exports use them for indents) they become
  an ordinary space, which the recogniser treats as the white space it is.

Nothing else changes, and every change is one character for one character, so
offsets in the normalised text are offsets in the archive.  ``normalize`` returns
the record of every change for the report and for ``layout verify``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from layout.archive.read import unprintable

# stray control characters (form feed, VT, U+001C-U+001F, U+FFFE …) become a space:
# no page can print them and YAML cannot hold them
CONTROL_RULE = "control character, replaced by a space"
_CONTROL_NAMES = {"\x0b": "vertical tab", "\x0c": "form feed", "\x1c": "file separator",
                  "\x1d": "group separator", "\x1e": "record separator", "\x1f": "unit separator",
                  "\ufffe": "noncharacter", "\uffff": "noncharacter", "\x7f": "delete",
                  "\u200e": "left-to-right mark", "\u200f": "right-to-left mark"}
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")

# URL: scheme or www., then URL characters; trailing sentence punctuation and
# unbalanced closing brackets are trimmed off afterwards (``_trim_url``)
_URL = re.compile(r"(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_URL_TRAILING = ".,;:!?'"


@dataclass(frozen=True)
class Change:
    """One normalisation: the character at ``offset`` (0-based, in the archive's
    decoded text; 1-based ``line``/``column``) went from ``old`` to ``new`` by
    ``rule``."""

    offset: int
    line: int
    column: int
    old: str
    new: str
    rule: str


@dataclass(frozen=True)
class Normalized:
    """The normalised text (same length as the input) and what changed."""

    text: str
    changes: tuple[Change, ...]

    @property
    def controls(self) -> tuple[Change, ...]:
        """The control characters replaced (a warning each: text the page cannot print)."""
        return tuple(c for c in self.changes if c.rule == CONTROL_RULE)

    def warnings(self, name: str) -> list[str]:
        """One line per control character replaced: ``FILE:line:col: …``."""
        return [f"{name}:{c.line}:{c.column}: control character U+{ord(c.old):04X} "
                f"({_CONTROL_NAMES.get(c.old, 'not printable')}) replaced by a space" for c in self.controls]


def is_cjk(ch: str) -> bool:
    """Chinese context: Han (all blocks), CJK symbols and punctuation (incl. U+3000),
    kana, CJK compatibility forms, full-width forms."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF
            or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x30FF or 0xFE30 <= o <= 0xFE4F
            or 0xFF01 <= o <= 0xFF60 or 0x31C0 <= o <= 0x31EF or 0x2E80 <= o <= 0x2FDF)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of URLs and e-mail addresses: no character inside changes."""
    spans = []
    for m in _URL.finditer(text):
        end = _trim_url(text, m.start(), m.end())
        spans.append((m.start(), end))
    spans.extend((m.start(), m.end()) for m in _EMAIL.finditer(text))
    spans.sort()
    return spans


def _trim_url(text: str, start: int, end: int) -> int:
    """A URL does not end in sentence punctuation or in a bracket it did not open."""
    while end > start:
        ch = text[end - 1]
        unopened = ch in ")]" and text.count("([" [ch == "]"], start, end) < text.count(ch, start, end)
        if ch not in _URL_TRAILING and not unopened:
            break
        end -= 1
    return end


def normalize(text: str) -> Normalized:
    """Normalise ``text`` (see the module doc).  The result has the same length.

    Runs of half-width marks convert together ("吗?!" -> "吗？！"): a mark next to one
    that became full-width is in Chinese context too, so we repeat until nothing
    changes (each round converts at least one character; real text needs two)."""
    guard = bytearray(len(text))
    for a, b in protected_spans(text):
        guard[a:b] = b"\x01" * (b - a)
    current = text
    rules: dict[int, str] = {}
    while True:
        found = _one_round(current, guard)
        if not found:
            break
        rules.update(found)
        chars = list(current)
        for i in found:
            chars[i] = FULL_WIDTH.get(text[i], " ")
        current = "".join(chars)
    return Normalized(current, _records(text, current, rules))


def _one_round(text: str, guard: bytearray) -> dict[int, str]:
    """Positions that must change given their current neighbours -> the rule."""
    rules: dict[int, str] = {}
    pairs = _bracket_pairs(text, guard)
    for i, ch in enumerate(text):
        if guard[i]:
            continue
        if ch in "()":
            partner = pairs.get(i)
            if _touches_cjk(text, i) or (partner is not None and _touches_cjk(text, partner)):
                rules[i] = "bracket pair in Chinese" if partner is not None else "bracket next to Chinese"
        elif ch in FULL_WIDTH:
            if _touches_cjk(text, i):
                rules[i] = "punctuation next to Chinese"
        elif ch in NO_BREAK_SPACES and not _nbsp_between_latin(text, i):
            rules[i] = "no-break space outside Latin text"
        elif ch in "\x0b\x0c" or unprintable(ch) or _stray_format(ch):
            rules[i] = CONTROL_RULE
    return rules


# invisible format characters the checks ignore as white space (zero-width space and
# joiners, word joiner, BOM, soft hyphen): kept as they are
IGNORED_FORMAT = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _stray_format(ch: str) -> bool:
    """A format character no page prints and no check ignores: direction marks
    (U+200E/U+200F), bidi embeddings and isolates (U+202A-U+202E, U+2066-U+2069),
    the Arabic letter mark, interlinear annotation marks.  Left in, each was "lost"
    from the PDF; replaced by a space with a warning like a control character."""
    return ch not in IGNORED_FORMAT and unicodedata.category(ch) == "Cf"


def _records(old: str, new: str, rules: dict[int, str]) -> tuple[Change, ...]:
    changes = []
    line, line_start, pos = 1, 0, 0
    for i in sorted(rules):
        nl = old.find("\n", pos, i)
        while nl != -1:
            line, line_start = line + 1, nl + 1
            nl = old.find("\n", nl + 1, i)
        pos = i
        changes.append(Change(i, line, i - line_start + 1, old[i], new[i], rules[i]))
    return tuple(changes)


def _touches_cjk(text: str, i: int) -> bool:
    return (i > 0 and is_cjk(text[i - 1])) or (i + 1 < len(text) and is_cjk(text[i + 1]))


def _bracket_pairs(text: str, guard: bytearray) -> dict[int, int]:
    """Matched half-width ( ) on one line, outside protected spans: index -> partner."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif guard[i]:
            continue
        elif ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


def _nbsp_between_latin(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return (not before.isspace() and not after.isspace()
            and not is_cjk(before) and not is_cjk(after))
