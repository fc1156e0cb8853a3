"""From archive text to logical lines (``Unit``s), undoing hard wraps.

Most archives hold one paragraph per line.  Some exports (OCR of a column, old
terminals) break every paragraph at a fixed width: then a line that fills the
width continues on the next, unless the next starts a new paragraph (indented,
after a blank line, or starting with something only a paragraph start has).  We
detect such an archive by its line lengths: many long lines of one width, which
an archive of whole paragraphs (lengths all different) never has.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from layout.archive.builder import join_lines
from layout.archive.model import Where
from layout.archive.patterns import (
    SUBHEAD_NUMBER,
    Kind,
    caption_complete,
    classify,
    ends_sentence,
    split_opener,
)

# white space around a line (U+3000 indents, no-break spaces, zero-width marks)
STRIP = " \t\u3000\u00a0\u202f\u2007\u200b\u2060\ufeff\x0b\x0c"
# lines shorter than this (in cells: a Han character is 2) say nothing about wrapping
WRAP_MIN_CELLS = 24
# a wrapped archive has at least this many lines of (nearly) one width, and they are
# at least this share of its long lines
WRAP_MIN_LINES = 5
WRAP_SHARE = 0.3
# a wrapped line may fall short of the width by this much (a Latin word or a
# character that did not fit)
WRAP_SLACK = 2
# … and at most this share of its long lines is longer than the width (a header
# line or a URL that could not be broken)
WRAP_OVER_SHARE = 0.1
# kinds that start a paragraph of their own: never a continuation
STARTERS = frozenset({Kind.LEAD, Kind.OPENER, Kind.BYLINE_LINE, Kind.CAPTION, Kind.CREDIT, Kind.EDITOR,
                      Kind.NOTE, Kind.DIGEST, Kind.AD})


@dataclass(frozen=True)
class Unit:
    """One logical archive line: 1-based line number and column of its first
    character, its text without surrounding white space (hard wraps joined), the
    number of blank lines before it, and its kind on its own
    (``patterns.classify``)."""

    no: int
    col: int
    text: str
    gap: int
    kind: Kind
    # blank lines inside it that were taken for a stray break (``_rejoin_broken``)
    rejoined: int = 0

    @property
    def where(self) -> Where:
        return Where(self.no, self.col)


@dataclass(frozen=True)
class _Raw:
    no: int
    col: int
    text: str
    gap: int
    cells: int  # width of the line as written, indent included


def cells(text: str) -> int:
    """Display width: wide (Han, full-width) characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def units_of(text: str) -> tuple[list[Unit], int | None]:
    """The archive's logical lines, and the wrap width found (None: not wrapped)."""
    raws: list[_Raw] = []
    gap = 0
    for no, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip(STRIP)
        if not stripped:
            gap += 1
            continue
        col = len(raw) - len(raw.lstrip(STRIP)) + 1
        raws.append(_Raw(no, col, stripped, gap, cells(raw.rstrip(STRIP))))
        gap = 0
    width = wrap_width(raws)
    groups = _rejoin_closers(_join_wrapped(raws, width) if width else [[r] for r in raws])
    groups = _rejoin_broken(groups, _indenting(groups))
    units = []
    for group in groups:
        first = group[0]
        joined = join_lines([r.text for r in group])
        units.append(Unit(first.no, first.col, joined, first.gap, classify(joined),
                          sum(1 for r in group[1:] if r.gap)))
    return units, width


# a paragraph never ends on these: a blank line after one cuts a sentence (a list
# item may end on ；, so it is not among them)
CUT_MID_SENTENCE = "，、,"
# share of paragraph lines (not display lines) indented for an archive to count as indenting
INDENTING_SHARE = 0.6
# kinds a paragraph cut by a stray blank line may have before the cut: text (an
# opener's paragraph included) -- never a caption (archives cut captions off), a
# lead, a credit or a display line that merely lacks a comma
_BROKEN_BEFORE = frozenset({Kind.TEXT, Kind.OPENER, Kind.DISPLAY})


def _indenting(groups: list[list[_Raw]]) -> bool:
    """Does the archive indent its paragraphs?  Judged on the lines that surely start
    one (text right after a sentence's end), not on fragments a stray break left."""
    texts = [join_lines([r.text for r in g]) for g in groups]
    starts = [g[0] for k, g in enumerate(groups)
              if k and ends_sentence(texts[k - 1]) and classify(texts[k]) in (Kind.TEXT, Kind.OPENER)]
    return bool(starts) and sum(r.col > 1 for r in starts) >= INDENTING_SHARE * len(starts)


def _rejoin_broken(groups: list[list[_Raw]], indents: bool) -> list[list[_Raw]]:
    """A paragraph cut in two by a stray blank line or line break (spec archives.md:
    exports break paragraphs) is joined again when the cut is certain: the part before stops
    mid-sentence on a comma (，、), or -- where the archive indents its paragraphs --
    it is indented, reads as text (not a display line without a clause), and the
    part after starts flush left; the part after is plain text (no byline, caption,
    credit or display line) and does not start with a paragraph's own marks."""
    out: list[list[_Raw]] = []
    for group in groups:
        first = group[0]
        if out and (first.gap > 0 or out[-1][-1].text[-1:] in CUT_MID_SENTENCE) and _broken(out[-1], group, indents):
            out[-1] = out[-1] + group
        else:
            out.append(group)
    return out


def _broken(prev: list[_Raw], nxt: list[_Raw], indents: bool) -> bool:
    before = join_lines([r.text for r in prev])
    after = join_lines([r.text for r in nxt])
    kind = classify(before)
    if kind not in _BROKEN_BEFORE or classify(after) is not Kind.TEXT or ends_sentence(before):
        return False
    if kind is Kind.OPENER and not (split_opener(before) or ("", ""))[1].strip(STRIP):
        return False  # a dateline on a line of its own (新华社北京3月5日电): the paragraph follows
    if SUBHEAD_NUMBER.match(after):
        return False  # 2.… / （二）… after 1.…；: the next item of a list
    if before[-1] in CUT_MID_SENTENCE:
        return True
    if not indents or prev[0].col == 1 or nxt[0].col > 1:
        return False
    last = before[-1]
    textual = kind is not Kind.DISPLAY or bool(re.search(r"[，；,;、]", before))
    return textual and (last.isalnum() or "\u4e00" <= last <= "\u9fff")


def wrap_width(raws: list[_Raw]) -> int | None:
    """The width an archive's paragraphs were broken at, or None."""
    long = [r.cells for r in raws if r.cells >= WRAP_MIN_CELLS]
    if len(long) < WRAP_MIN_LINES:
        return None
    ordered = sorted(long)

    def near(w: int) -> int:  # lines within WRAP_SLACK cells under w, w included
        return bisect.bisect_right(ordered, w) - bisect.bisect_left(ordered, w - WRAP_SLACK)

    # n log n: the pairwise count took 100 s on 10,000 lines (issue 13, class 7)
    width = max(set(long), key=lambda w: (near(w), w))
    full = near(width)
    if full < WRAP_MIN_LINES or full < WRAP_SHARE * len(long) or Counter(long)[width] < 2:
        return None
    # wrapping leaves no line longer than the width; an archive of whole paragraphs
    # whose display lines happen to be alike in length has many
    if sum(1 for x in long if x > width) > WRAP_OVER_SHARE * len(long):
        return None
    return width


def _join_wrapped(raws: list[_Raw], width: int) -> list[list[_Raw]]:
    """Group lines that continue the one before: the one before fills the width,
    nothing separates them, and the next does not start a paragraph.  When the
    archive indents paragraphs, an indented line starts one; when it does not, a
    line after a full line ending a sentence is taken as a new paragraph."""
    # lines after a short line start paragraphs: if most of them are indented, the
    # archive marks paragraphs by indenting
    starts = [r for prev, r in zip(raws, raws[1:], strict=False) if prev.cells < width - WRAP_SLACK]
    indents = bool(starts) and sum(r.col > 1 for r in starts) >= 0.5 * len(starts)
    groups: list[list[_Raw]] = []
    for r in raws:
        if groups and _continues(groups[-1], r, width, indents):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


# marks no line may start with (typography.md §1, 行首禁则): a line of the archive that
# starts with one was cut from the line before it
LINE_START_FORBIDDEN = frozenset("”’」』）》〉】〕〗］｝，。、；：？！")


def _rejoin_closers(groups: list[list[_Raw]]) -> list[list[_Raw]]:
    """A line that opens with a closing mark (``”临川县居民罗宁说。``) right under
    another continues it: the archive was cut mid-sentence there (a stray line
    separator such as U+0085 NEL, a wrap that broke a quotation), and as a
    paragraph of its own it would print a closing quote at the start of a line."""
    out: list[list[_Raw]] = []
    for group in groups:
        first = group[0]
        if out and first.gap == 0 and first.text[:1] in LINE_START_FORBIDDEN:
            out[-1] = out[-1] + group
        else:
            out.append(group)
    return out


def _continues(group: list[_Raw], r: _Raw, width: int, indents: bool) -> bool:
    prev = group[-1]
    if r.gap > 0 or prev.cells < width - WRAP_SLACK or classify(r.text) in STARTERS:
        return False
    if classify(group[0].text) is Kind.CAPTION and caption_complete(join_lines([x.text for x in group])):
        return False  # a caption that happens to fill the width, complete
    if indents:
        return r.col == 1
    return not ends_sentence(prev.text)
