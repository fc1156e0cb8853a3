"""Character classes of Chinese composition: all the data the composer's rules read.

Why one module: prohibition lists, bracket and stop classes, the pairs that must not
be split and the break points inside URLs are typographic facts (spec
typography.md §1-§3, from W3C clreq and GB/T 15834-2011), not code.  Everything
here is a constant; the composer derives fast lookup tables from it once.

What is NOT here: which half of a mark's em box holds its ink.  That is read from the
font (spec §2), so a Taiwan-style font with centred marks is never compressed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- classes
# Small ints so per-character tables are compact and comparisons cheap.
HAN = 0  # ideographs, kana, hangul, full-width letters: a 1-em box, nothing to compress
OPEN = 1  # full-width opening brackets and quotes: blank half on the left (§2)
CLOSE = 2  # full-width closing brackets and quotes: blank half on the right (§2)
COMMA = 3  # in-sentence point marks ，、；： (tighten order: "，、； -> ½ em", §2)
STOP = 4  # sentence-end marks 。？！ (tightened last, §2)
MIDDOT = 5  # interpuncts: ½ em (GB/T 15834 §4.16: 间隔号 takes half a character)
DASH = 6  # —— ⸺ …… ⋯⋯: pairs/runs that are never split (§1)
CONNECT = 7  # short connectors ～ – -: may not start a line (§1)
WESTERN = 8  # Latin/Greek/Cyrillic letters and ASCII digits: proportional (§3)
HALFPUNCT = 9  # half-width (ASCII) punctuation and symbols, set as they are (§3)
SPACE = 10  # breakable space: discarded at a line break, stretches as a word space (§2)
NBSPACE = 11  # no-break space: a space that joins its neighbours
OTHER = 12  # any other symbol (■, ℃, ①...): its own advance, no compression
ZERO = 13  # zero-width format characters (ZWSP, ZWJ, soft hyphen, BOM): no room

CLASS_NAMES = (
    "han", "open", "close", "comma", "stop", "middot", "dash", "connect",
    "western", "halfpunct", "space", "nbspace", "other", "zero",
)

# Marks whose blank half may be removed (spec §2); which half is blank comes from the font.
COMPRESSIBLE = frozenset((OPEN, CLOSE, COMMA, STOP))
# Everything that is not "content" for the 孤字 rule (spec §4: one character plus its punctuation).
PUNCTUATION_CLASSES = frozenset((OPEN, CLOSE, COMMA, STOP, MIDDOT, DASH, CONNECT, HALFPUNCT, SPACE, NBSPACE, ZERO))

# spec §2 "two adjacent marks", §1 lists; clreq §3.1 (Chinese punctuation marks)
OPENING_MARKS = "“‘「『（［｛〔〖【《〈〘〚〝﹙﹛"
CLOSING_MARKS = "”’」』）］｝〕〗】》〉〙〛〞〟﹚﹜"
COMMA_MARKS = "，、；：︐︑︓︔"
STOP_MARKS = "。？！．｡‼⁇⁈⁉"
MIDDOT_MARKS = "·・‧•"  # U+00B7, U+30FB, U+2027; U+2022 bullet treated alike
# U+2014 em dash, U+2015 horizontal bar, U+2E3A/B two-/three-em dash, ellipses
DASH_MARKS = "—―⸺⸻…⋯‥"
CONNECTOR_MARKS = "～〜~–‐‑－-"

# ---------------------------------------------------------------- prohibition (§1)
# basic: may not START a line (spec §1, clreq "行首禁则")
_BASIC_NO_START = (
    "、，。．：；！‼？⁇"  # point marks
    "”’」』）］｝〕〗】》〉"  # closing marks
    "～-–—"  # connectors (a lone —; a —— pair is a dash, see DASH_MARKS / strict)
    "·・‧"  # interpuncts
    "/／"  # solidus
    ",.;:!?)]}%"  # ASCII forms that archives contain
)
# The same rule applied to the full-width and compatibility forms of those marks
# (％ is %; 〙〛〞〟﹚﹜ close like 」; 〃々〆ゝゞ are iteration marks that repeat the
# character before; units after a number).  The clreq lists, completed by form.
_BASIC_NO_START_FORMS = "％〙〛〞〟﹚﹜〃々〆ゝゞヽヾ⁈⁉︐︑︓︔｡‰℃℉°′″＂＇"
# basic: may not END a line (spec §1, clreq "行尾禁则")
_BASIC_NO_END = "“‘「『（［｛〔〖【《〈" "([{"
_BASIC_NO_END_FORMS = "〘〚〝﹙﹛"

NO_START_BASIC = frozenset(_BASIC_NO_START + _BASIC_NO_START_FORMS)
NO_END_BASIC = frozenset(_BASIC_NO_END + _BASIC_NO_END_FORMS)
# gb: basic, plus / ／ may not end a line (spec §1)
NO_END_GB = NO_END_BASIC | frozenset("/／")
# newspaper: ？！ may start a line in columns under 14 characters (spec §1, jlreq practice)
NEWSPAPER_START_OK = frozenset("？！?!")
NEWSPAPER_MAX_CHARS = 14
# strict: a dash or ellipsis run may not start a line (spec §1)
STRICT_NO_START_RUNS = frozenset(DASH_MARKS)

KINSOKU_LEVELS = ("none", "basic", "gb", "strict", "newspaper")


@lru_cache(maxsize=16)
def prohibitions(level: str, narrow: bool = False) -> tuple[frozenset[str], frozenset[str], bool]:
    """(no_start, no_end, dash_runs_no_start) for a kinsoku level (spec §1).

    ``narrow`` says the column is under ``NEWSPAPER_MAX_CHARS`` characters, which
    only matters to the newspaper level."""
    if level == "none":
        return frozenset(), frozenset(), False
    if level == "basic":
        return NO_START_BASIC, NO_END_BASIC, False
    if level == "gb":
        return NO_START_BASIC, NO_END_GB, False
    if level == "strict":
        return NO_START_BASIC, NO_END_GB, True
    if level == "newspaper":
        start = NO_START_BASIC - NEWSPAPER_START_OK if narrow else NO_START_BASIC
        return start, NO_END_BASIC, False
    raise ValueError(f"unknown kinsoku level {level!r}; allowed: {', '.join(KINSOKU_LEVELS)}")


# ---------------------------------------------------------------- clusters (§1, §3)
# Letters and digits that form Western words (proportional, never split, §3).
WESTERN_RANGES = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
# Inside a word/number these join letters on both sides: 3.8, 1,000, 10:30, don't, e_mail
WORD_JOINERS = ".,:'’_·"
# Inside a word these join too, and a line may break after them (hyphenation
# points: COVID-|19, and/|or); kinsoku still applies (gb forbids / at line end).
WORD_BREAK_JOINERS = "-/"
# A number keeps its unit sign (spec §1: "a number with its unit sign")
UNIT_SUFFIXES = "%％‰‱℃℉°′″"
CURRENCY_PREFIXES = "$¥￥€£＄"
# URL / e-mail: a line may break after these (natural break points, §1); kinsoku
# still applies, so '.' ends a line rather than starting one.
URL_BREAK_AFTER = "/.-_?&=#@:~+,;"


# CJK Unified Ideographs: every one a letter (Lo) of east-asian width W, so HAN by
# the rules below.  Most characters of Chinese text are in this block; deciding
# them without the Unicode database takes a fifth off each character's first use
# in a process (tests/compose/test_classes.py holds the database to it).
URO_FIRST, URO_LAST = "\u4e00", "\u9fff"


@lru_cache(maxsize=4096)
def classify(ch: str) -> int:
    """The composition class of one character (table-driven for the common marks,
    Unicode properties for the rest)."""
    if ch in _EXPLICIT:
        return _EXPLICIT[ch]
    if URO_FIRST <= ch <= URO_LAST:
        return HAN
    return classify_by_properties(ch)


def classify_by_properties(ch: str) -> int:
    """``classify`` from Unicode properties alone (a character not in the tables)."""
    cp = ord(ch)
    if ch in " \t\n\r\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f":
        return SPACE
    if ch in "\u00a0\u2007\u202f":
        return NBSPACE
    cat = unicodedata.category(ch)
    if cat == "Cf" or cat == "Mn" or cat == "Cc":
        return ZERO
    if _is_western_letter(cp, cat):
        return WESTERN
    if unicodedata.east_asian_width(ch) in ("W", "F") and cat[0] in "LN":
        return HAN
    if cat[0] == "L" or cat == "Nd":
        return WESTERN
    if cp < 0x250 and cat[0] in "PS":
        return HALFPUNCT  # ASCII / Latin-1 punctuation: proportional, set as it is (§3)
    return OTHER


def _is_western_letter(cp: int, cat: str) -> bool:
    if cp < 0x80:
        return cat[0] in "LN"
    return (0xC0 <= cp <= 0x24F or 0x370 <= cp <= 0x3FF or 0x400 <= cp <= 0x4FF) and cat[0] == "L"


def _explicit_table() -> dict[str, int]:
    t: dict[str, int] = {}
    for chars, cls in (
        (OPENING_MARKS, OPEN), (CLOSING_MARKS, CLOSE), (COMMA_MARKS, COMMA), (STOP_MARKS, STOP),
        (MIDDOT_MARKS, MIDDOT), (DASH_MARKS, DASH), (CONNECTOR_MARKS, CONNECT),
    ):
        for c in chars:
            t[c] = cls
    t["\u3000"] = OTHER  # ideographic space: a fixed 1-em blank (inside a paragraph: prepare._separator_spaces)
    # iteration marks are ideograph-like but may not start a line (§1): not HAN,
    # because the composer checks prohibition only for non-HAN characters
    for c in "々〆〃ゝゞヽヾ":
        t[c] = OTHER
    t["-"] = CONNECT
    return t


_EXPLICIT = _explicit_table()
