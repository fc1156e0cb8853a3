"""Step 1 of composing: turn styled runs into flat per-character tables.

For every character: the face that draws it, its natural room in the line (after
the mid-line punctuation compression of spec typography.md §2), the space after it
(Han-Latin gap §3, tracking), how much it may shrink and at which priority, what
it loses at a line end or start, and whether a line may break before it (§1).

Why flat lists and prefix sums: the line breaker then measures any candidate line
in O(1) (``width``/``min_width``) and never walks characters in Python, and the
tables for a run of plain Han are built by list operations in C.  Only the
"special" characters (marks, Latin, spaces: ~15 % of news text) get a Python loop.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import add
from weakref import WeakKeyDictionary

from layout.compose.classes import (
    CLOSE,
    COMMA,
    COMPRESSIBLE,
    CONNECT,
    HALFPUNCT,
    HAN,
    MIDDOT,
    NBSPACE,
    NEWSPAPER_MAX_CHARS,
    OTHER,
    PUNCTUATION_CLASSES,
    SPACE,
    STRICT_NO_START_RUNS,
    WESTERN,
    ZERO,
    classify,
    prohibitions,
)
from layout.compose.model import ParagraphStyle, Problem, Run
from layout.compose.segment import DASHES, URL, find_clusters
from layout.fonts import FontSet

# Break values of a boundary (between two characters), best first.
NEVER = 0  # inside a run of spaces: the break is taken before the run
CLUSTER = 1  # inside a word, number, URL or dash run: only to save an over-long word
KINSOKU = 2  # prohibited by the line-start/line-end rules: last resort only (§1)
# A legal break that breaking by sense (``ParagraphStyle.words``) holds back: inside a
# word or a short quotation.  Taken before any rule is broken (it breaks none).
SENSE = 3
LEGAL = 4

# Character flags derived from the font (spec §2: the ink side comes from the font).
F_CUT_LEFT = 1  # full-width mark, ink in the right half: the left half may go
F_CUT_RIGHT = 2  # full-width mark, ink in the left half: the right half may go
F_MISSING = 4  # no face covers it
F_HALF_BOX = 8  # ink fits in a ½ em box (interpuncts, §2)

FULL_WIDTH_MIN = 0.9  # em: a mark narrower than this is proportional, never compressed
HALF = 0.5  # em: the blank half removed by compression (§2)
HALF_BOX_INK_MAX = 0.46  # em: widest ink an interpunct may have to sit in a ½ em box
SPACE_MIN = 0.25  # em: Latin word space tightened to ¼ em (§2 tighten order)
SPACE_MAX = 0.5  # em: ... loosened to ½ em (§2 loosen order)
HAN_LATIN_MIN = 0.125  # em: Han-Latin gap tightened to ⅛ em (§2)
HAN_LATIN_MAX = 0.5  # em: ... loosened to ½ em (§2)

# Tighten priorities (spec §2 "Order to TIGHTEN a line", first to last).  P_LETTER
# is beyond the spec's order: a last resort the breaker takes only to avoid a line
# spread wider than ``linebreak.LOOSE_EM`` (see ``LETTER_SQUEEZE_EM``).
P_LINE_END, P_SPACE, P_MIDDOT, P_BRACKET, P_COMMA, P_HAN_LATIN, P_STOP, P_LETTER = range(1, 9)
# em: what each gap between two letters or digits of a Latin word, number or address
# may lose, last of all (3 % of an em, under a tenth of a Latin letter's width: set
# solid, as a compositor tightens a word to save a line from being letterspaced).
# §3 forbids STRETCHING inside a word; this only ever tightens, and only when
# the alternative is a line whose Han characters stand apart (他们推出 spread to
# 1.3 em per gap because ``iPhone、`` missed by 0.6 pt).
LETTER_SQUEEZE_EM = 0.03
# Classes whose gaps inside a word, number, code or address the letter squeeze
# tightens: letters and digits, and the half-width joiners between them (the dot
# of ``000725.SZ`` and ``3.8``, the comma of ``94,156.4``, the hyphen of
# ``400-820-1234``).  A compositor sets the whole word solid, its points
# included; letters alone left ``南岭科技（000725.|SZ）`` 0.12 pt short of the first
# line of a 10-em column at 9 pt, and 南岭科技 was spread to 1.3 em a gap (read as
# four 孤字).  Not the full-width or centred marks a word may hold (``’ · ℃ ％``).
_SOLID_CLASSES = frozenset((WESTERN, HALFPUNCT, CONNECT))
# Loosen levels (§2 "Order to LOOSEN a line"); level 3 is the even spread.
L_SPACE, L_HAN_LATIN = 1, 2

# Kinds of adjustment: what a shrink/stretch entry changes.
K_RIGHT, K_LEFT, K_CENTRE, K_GAP, K_ROOM = range(5)

CharInfo = tuple[str, float, int, int]  # (face role, advance em, class, flags)

_LONG_DASH = re.compile("[\u2e3a\u2e3b]")  # ⸺ ⸻: a dash by itself (strict, §1)
# A paragraph's closing attribution after the end of its last sentence: ``…标准。（林　溪）``,
# ``（本报记者 许清扬）``, ``（完）`` -- a short bracket with no sentence inside it
# (``linebreak.ragged``: a credit that starts a line is set flush right).
CREDIT = re.compile("(?<=[。！？!?…”’」』）)])[ \u3000]*(?P<credit>（[^（）［］【】，。；：！？,;:!?]{1,20}）)$")
# class byte -> 1 for content characters (the 孤字 rule counts them, §4)
_CONTENT = bytes(0 if c in PUNCTUATION_CLASSES else 1 for c in range(256))
# class byte -> 1 for Han (a 1-em box: the start of ``Prepared.plain``)
_HAN_ONLY = bytes(1 if c == HAN else 0 for c in range(256))


class _CharTable(dict):
    """ch -> CharInfo for one role of one FontSet, filled on first use.  ``missing``
    collects the characters no face covers, so a paragraph finds its own by a set
    intersection instead of a scan."""

    def __init__(self, fonts: FontSet, role: str):
        super().__init__()
        self.fonts = fonts
        self.role = role
        self.missing: set[str] = set()

    def __missing__(self, ch: str) -> CharInfo:
        info = _char_info(self.fonts, self.role, ch)
        self[ch] = info
        if info[3] & F_MISSING:
            self.missing.add(ch)
        return info


class _SizedTable(dict):
    """ch -> CharInfo with the advance in pt at one type size: the role's table
    scaled once per character and size, not once per character of every paragraph."""

    def __init__(self, em: _CharTable, size: float):
        super().__init__()
        self.em = em
        self.size = size
        self.missing = em.missing

    def __missing__(self, ch: str) -> CharInfo:
        face, adv, cls, flags = self.em[ch]
        info = self[ch] = (face, adv * self.size, cls, flags)
        return info


_TABLES: WeakKeyDictionary[FontSet, dict[str, _CharTable]] = WeakKeyDictionary()
_SIZED: WeakKeyDictionary[FontSet, dict[tuple[str, float], _SizedTable]] = WeakKeyDictionary()


def char_table(fonts: FontSet, role: str) -> _CharTable:
    """The cached character table of ``role`` in ``fonts`` (fonts are immutable)."""
    per = _TABLES.get(fonts)
    if per is None:
        per = _TABLES[fonts] = {}
    table = per.get(role)
    if table is None:
        fonts.face(role)  # an unknown role fails here, with the font layer's message
        table = per[role] = _CharTable(fonts, role)
    return table


def sized_table(fonts: FontSet, role: str, size: float) -> _SizedTable:
    """The cached character table of ``role`` in ``fonts`` with advances in pt at ``size``."""
    per = _SIZED.get(fonts)
    if per is None:
        per = _SIZED[fonts] = {}
    table = per.get((role, size))
    if table is None:
        table = per[role, size] = _SizedTable(char_table(fonts, role), size)
    return table


def _char_info(fonts: FontSet, role: str, ch: str) -> CharInfo:
    cls = classify(ch)
    cp = ord(ch)
    face = fonts.resolve(cp, role)
    if face is None:
        if cls == ZERO:
            return role, 0.0, cls, 0
        if cls in (SPACE, NBSPACE):
            return role, SPACE_MIN, cls, 0
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        return role, 1.0 if wide else HALF, cls, F_MISSING
    adv = face.advance(cp)
    if cls == HAN and abs(adv - 1.0) > 1e-9:
        cls = OTHER  # a Han-class glyph that is not a 1-em box gets no fast path
    flags = 0
    if cls in COMPRESSIBLE and adv >= FULL_WIDTH_MIN:
        side = face.ink_side(cp)
        if side == "right":
            flags |= F_CUT_LEFT
        elif side == "left":
            flags |= F_CUT_RIGHT
    elif cls == MIDDOT or ch == "\u2013":
        ink = adv - face.blank_left(cp) - face.blank_right(cp)
        if face.ink_side(cp) is not None and ink <= HALF_BOX_INK_MAX:
            flags |= F_HALF_BOX
    return face.role, adv, cls, flags


@dataclass(eq=False)
class Prepared:
    """Per-character tables of one paragraph (internal to the composer).

    Lengths in pt.  ``room[i]`` is the natural room of character i mid-line,
    ``gap[i]`` the space after it, ``off[i]`` where its origin sits relative to
    its room's left edge.  ``brk[k]`` rates the boundary before character k.
    ``P``/``Q`` are prefix sums of room+gap and of shrinkability.  ``content``,
    ``junc`` and ``plain`` are 0/1 bytes (a content, non-punctuation character; a
    junction, where justification may add space; a character that needs no care):
    a line counts them with ``bytes.count`` (C speed over a line's few dozen
    bytes), which is cheaper than building a prefix sum over the paragraph."""

    text: str
    n: int
    faces: tuple[str, ...]  # tuples: a line's slice is the Line's column as it is
    sizes: tuple[float, ...]
    adv: list[float]
    room: list[float]
    gap: list[float]
    off: list[float]
    cls: bytearray
    endcut: list[float]
    startcut: list[float]
    endshrink: list[float]  # prio-1 shrink of a line-end mark (full mode only)
    shsum: list[float]  # total shrink of character i (all its entries)
    shrink: list[tuple[int, int, float, int]]  # (i, priority, amount, kind), sorted by i
    X: list[float]  # prefix sums of the letter squeeze (P_LETTER entries, not in Q / shsum)
    stretch: list[tuple[int, int, float, int]]  # (i, level, amount, kind), sorted by i
    marks: list[int]  # positions of compressible marks, sorted
    brk: bytearray
    junc: bytearray  # junc[k]: boundary k (before character k) is a junction
    url_inside: bytearray  # 1: boundary inside a URL or e-mail address
    P: list[float]
    Q: list[float]
    content: bytes
    plain: bytearray
    maxend: float  # largest gap+endcut of any character (bounds the breaker's search)
    one_size: bool  # every character in one type size: a line's size is its first character's
    maxendshrink: float  # largest line-end shrink (full mode)
    problems: list[Problem]
    no_start: frozenset[str] = frozenset()  # the kinsoku lists in force (§1)
    no_end: frozenset[str] = frozenset()
    # boundaries before a run of U+3000 separators an em wide or more (a cell's end:
    # ``_State._wide_gap``); a line ending there may be set ragged (``linebreak.ragged``)
    cells: frozenset[int] = frozenset()
    credit: int = -1  # where the paragraph's closing credit starts (``CREDIT``), -1: none

    def width(self, s: int, e: int, scut: bool) -> float:
        """Natural width of a line holding characters s..e-1 (e > s)."""
        w = self.P[e] - self.P[s] - self.gap[e - 1] - self.endcut[e - 1]
        return w - self.startcut[s] if scut else w

    def spread_points(self, s: int, e: int) -> int:
        """Places inside line s..e-1 where loosening may add space (§2 loosen order:
        junctions; for a line that is all URL, between its characters)."""
        count = self.junctions(s, e)
        if count or e - s < 2:
            return count
        return e - s - 1 if self.url_inside.count(1, s + 1, e) == e - s - 1 else 0

    def inner_cells(self, s: int, e: int) -> list[int]:
        """The cell separators (``cells``) strictly inside line s..e-1, in order."""
        cells = self.cells
        if not cells:
            return []
        return sorted(c for c in cells if s < c < e)

    def junctions(self, s: int, e: int) -> int:
        """Junctions strictly inside line s..e-1."""
        return self.junc.count(1, s + 1, e)

    def content_count(self, s: int, e: int) -> int:
        """Content (non-punctuation) characters among s..e-1 (the 孤字 rule, §4)."""
        return self.content.count(1, s, e)

    def is_plain(self, s: int, e: int) -> bool:
        """Are characters s..e-1 all uniform 1-em Han (``setline``'s fast path)?"""
        return self.plain.find(0, s, e) < 0

    def min_width(self, s: int, e: int, scut: bool) -> float:
        """Width after every tightening step of §2 (never an over-estimate of the room
        saved: the breaker relies on a line fitting whenever this says so).  ``scut``
        False: the first character keeps its blank left half (§2, indented first
        line), tightening included."""
        last = e - 1
        sh = self.Q[e] - self.Q[s] - self.shsum[last] + self.endshrink[last]
        if s != last and (not scut or self.startcut[s]):
            sh -= self.shsum[s]  # a line-start bracket: its blank is gone, or kept by style
        return self.width(s, e, scut) - max(sh, 0.0)

    def letter_squeeze(self, s: int, e: int) -> float:
        """What the last-resort letter squeeze (``P_LETTER``) takes off line s..e-1
        beyond ``min_width``: the gaps after its characters but the last."""
        return self.X[e - 1] - self.X[s] if e - 1 > s else 0.0


def prepare(runs: Sequence[Run], style: ParagraphStyle, fonts: FontSet, measure: float) -> Prepared:
    """Build the tables for one paragraph (see ``Prepared``)."""
    text = "".join(r.text for r in runs)
    n = len(text)
    faces: list[str] = []
    sizes: list[float] = []
    adv: list[float] = []
    cls = bytearray()
    flags: list[int] = []
    gap: list[float] = []
    uneven: list[tuple[int, int]] = []  # (start, end) of runs tracked or not in the first run's size
    missing: set[str] = set()
    base = runs[0].size if runs else 0.0
    pos = 0
    for r in runs:
        if not r.text:
            continue
        size, m = r.size, len(r.text)
        table = sized_table(fonts, r.face, float(size))
        rf, ra, rc, rfl = zip(*map(table.__getitem__, r.text), strict=True)
        faces += rf
        cls += bytes(rc)
        flags += rfl
        sizes += [size] * m
        adv += ra
        gap += [r.tracking * size] * m
        if r.tracking or size != base:
            uneven.append((pos, pos + m))
        missing |= table.missing
        pos += m
    room = adv[:]
    off = [0.0] * n
    endcut = [0.0] * n
    startcut = [0.0] * n
    endshrink = [0.0] * n
    shsum = [0.0] * n
    brk = bytearray([LEGAL]) * (n + 1)
    junc = bytearray([1]) * (n + 1)
    brk[0] = brk[n] = LEGAL
    junc[0] = junc[n] = 0
    problems: list[Problem] = []
    shrink: list[tuple[int, int, float, int]] = []
    stretch: list[tuple[int, int, float, int]] = []
    if "\u3000" in text:
        _separator_spaces(text, cls)
    specials = list(compress(range(n), cls))  # the non-Han characters (HAN is 0), found in C
    narrow = sizes and measure / sizes[0] < NEWSPAPER_MAX_CHARS
    no_start, no_end, dash_no_start = prohibitions(style.kinsoku, bool(narrow))
    st = _State(text, n, style, cls, flags, sizes, adv, room, off, gap, endcut, startcut,
                endshrink, shrink, stretch, brk, junc, problems, bytearray(n + 1), [])
    st.compress_marks(specials)
    st.spacing(specials)
    st.kinsoku(specials, no_start, no_end)
    st.clusters(dash_no_start, no_start, no_end)
    if style.words:
        st.words()
    credit = st.credit() if text.endswith("）") else -1
    if missing:
        st.missing(missing)
    for i, _p, a, _k in shrink:
        shsum[i] += a
    xsh = [0.0] * n
    for i, _p, a, _k in st.letters:
        xsh[i] = a
    shrink += st.letters  # applied by setline, last; min_width leaves them out (Q)
    shrink.sort(key=lambda t: t[0])
    stretch.sort(key=lambda t: t[0])
    marks = [i for i in specials if cls[i] in COMPRESSIBLE]
    plain = bytearray(cls.translate(_HAN_ONLY))
    for a, b in uneven:
        plain[a:b] = bytes(b - a)
    for i, _lv, _a, k in stretch:
        if k == K_GAP:
            plain[i] = 0
    # the largest gap + endcut: endcut is 0 but at marks (specials), so patch a copy
    # of gap there instead of adding two lists element by element
    ends = gap[:]
    for i in specials:
        if endcut[i]:
            ends[i] += endcut[i]
    maxend = max(ends, default=0.0)
    maxendshrink = max(map(endshrink.__getitem__, specials), default=0.0)  # 0 but at marks
    return Prepared(
        text=text, n=n, faces=tuple(faces), sizes=tuple(sizes), adv=adv, room=room, gap=gap, off=off, cls=cls,
        endcut=endcut, startcut=startcut, endshrink=endshrink, shsum=shsum, shrink=shrink,
        stretch=stretch, marks=marks, brk=brk, junc=junc, url_inside=st.url_inside,
        P=list(accumulate(map(add, room, gap), initial=0.0)),
        Q=list(accumulate(shsum, initial=0.0)), X=list(accumulate(xsh, initial=0.0)),
        content=cls.translate(_CONTENT), plain=plain,
        maxend=max(maxend, 0.0), maxendshrink=maxendshrink, one_size=all(r.size == base for r in runs),
        problems=problems, no_start=no_start, no_end=no_end, cells=frozenset(st.cells), credit=credit,
    )


IDEOGRAPHIC_SPACE = "\u3000"


def tightening_space(text: str, cls: bytearray, i: int) -> bool:
    """Is character ``i`` a space a tight line may narrow (a word space, an em space,
    NBSP -- not U+3000, which keeps its em)?  An opening mark after one keeps its left
    blank: the space is the gap there, and a space narrowed to ¼ em with the mark's
    half em cut too drew the mark's origin left of the space's (text order != drawing
    order).  The line breaker and ``setline`` must agree on it, or a line the breaker
    took for fitting comes out wider than the measure."""
    return cls[i] in (SPACE, NBSPACE) and text[i] != IDEOGRAPHIC_SPACE


def _separator_spaces(text: str, cls: bytearray) -> None:
    """U+3000 between a paragraph's first and last character is a separator
    (archives.md: ``时间：…　　地点：…``): a breakable space of one em, discarded
    at a line break like any space -- kept, it ended a line an em short of the
    measure or opened the next one with an indent that reads as a new paragraph
    (§4).  Leading and trailing U+3000 (a hand-made indent) stay fixed blanks."""
    lo, hi = 0, len(text)
    while lo < hi and (text[lo] == IDEOGRAPHIC_SPACE or cls[lo] == SPACE):
        lo += 1
    while hi > lo and (text[hi - 1] == IDEOGRAPHIC_SPACE or cls[hi - 1] == SPACE):
        hi -= 1
    i = text.find(IDEOGRAPHIC_SPACE, lo, hi)
    while i >= 0:
        cls[i] = SPACE
        i = text.find(IDEOGRAPHIC_SPACE, i + 1, hi)


@dataclass(eq=False)
class _State:
    """The tables being built, with one method per rule family."""

    text: str
    n: int
    style: ParagraphStyle
    cls: bytearray
    flags: list[int]
    sizes: list[float]
    adv: list[float]
    room: list[float]
    off: list[float]
    gap: list[float]
    endcut: list[float]
    startcut: list[float]
    endshrink: list[float]
    shrink: list[tuple[int, int, float, int]]
    stretch: list[tuple[int, int, float, int]]
    brk: bytearray
    junc: bytearray
    problems: list[Problem]
    url_inside: bytearray  # boundaries inside a URL/e-mail: the last place to spread a line
    letters: list[tuple[int, int, float, int]]  # P_LETTER shrink entries (kept apart from ``shrink``)
    cells: set[int] = field(default_factory=set)  # see ``Prepared.cells``

    def compress_marks(self, specials: list[int]) -> None:
        """Punctuation widths, spec §2: kaiming halves in-sentence marks; adjacent
        marks squeeze the blank halves between them (2 em -> 1.5 em); what a mark
        loses at a line end or start; and its place in the tighten order."""
        mode = self.style.punct
        natural = mode != "full"
        cls, flags, sizes, room, off = self.cls, self.flags, self.sizes, self.room, self.off
        n = self.n
        rdone = set()
        ldone = set()
        one_em = self.style.pair_em <= 1.0
        for i in specials:
            c = cls[i]
            if flags[i] & F_HALF_BOX:
                self._middot(i, natural)
                continue
            if c not in COMPRESSIBLE:
                continue
            h = HALF * sizes[i]
            fl = flags[i]
            if natural and c == COMMA and mode == "kaiming" and fl & F_CUT_RIGHT:
                room[i] -= h
                rdone.add(i)
            if natural and i + 1 < n and cls[i + 1] in COMPRESSIBLE:
                both = one_em and fl & F_CUT_RIGHT and i not in rdone and flags[i + 1] & F_CUT_LEFT
                if fl & F_CUT_RIGHT and i not in rdone:
                    room[i] -= h
                    rdone.add(i)
                if (both or not fl & F_CUT_RIGHT) and flags[i + 1] & F_CUT_LEFT:
                    h1 = HALF * sizes[i + 1]
                    room[i + 1] -= h1
                    off[i + 1] -= h1
                    ldone.add(i + 1)
            if fl & F_CUT_RIGHT and i not in rdone:
                if natural:
                    self.endcut[i] = h
                else:
                    self.endshrink[i] = h
                prio = P_BRACKET if c == CLOSE else P_COMMA if c == COMMA else P_STOP
                # mid-line, only before a glyph at least as wide as the cut: the
                # mark's em box must not reach past its neighbour's room (at a line
                # end it would stick out of the measure)
                if i + 1 >= n or room[i + 1] >= h - 1e-9:
                    self.shrink.append((i, prio, h, K_RIGHT))
            if fl & F_CUT_LEFT and i not in ldone:
                if natural:
                    self.startcut[i] = h
                # mid-line, only after a glyph wider than the cut: otherwise the
                # bracket's origin would move before its neighbour's and text
                # extraction (which orders glyphs by x) would swap them
                if i == 0 or (room[i - 1] > h + 1e-9 and not tightening_space(self.text, cls, i - 1)):
                    self.shrink.append((i, P_BRACKET, h, K_LEFT))

    def _middot(self, i: int, natural: bool) -> None:
        """Interpuncts sit centred in a ½ em box (GB/T 15834: 间隔号 takes half a
        character); in the full-width mode in a 1 em box that may tighten to ½ em."""
        size, a = self.sizes[i], self.adv[i]
        box = HALF * size if natural else max(a, size)
        self.room[i] = box
        self.off[i] = (box - a) / 2
        # at a line end the glyph's own box ends at the measure, not a padded one
        self.endcut[i] = box - (self.off[i] + a)
        if box > HALF * size:
            self.shrink.append((i, P_MIDDOT, box - HALF * size, K_CENTRE))

    def spacing(self, specials: list[int]) -> None:
        """¼ em between Han and Western letters/digits (§3), word spaces (§2)."""
        cls, sizes, room = self.cls, self.sizes, self.room
        n = self.n
        hl = self.style.han_latin
        for i in specials:
            c = cls[i]
            if c == WESTERN:
                if hl and i > 0 and cls[i - 1] == HAN:
                    self._han_latin(i - 1, hl * sizes[i - 1])
                if hl and i + 1 < n and cls[i + 1] == HAN:
                    self._han_latin(i, hl * sizes[i])
            elif c == SPACE and self.text[i] != IDEOGRAPHIC_SPACE:  # a separator keeps its em
                size = sizes[i]
                if room[i] > SPACE_MIN * size:
                    self.shrink.append((i, P_SPACE, room[i] - SPACE_MIN * size, K_ROOM))
                if room[i] < SPACE_MAX * size:
                    self.stretch.append((i, L_SPACE, SPACE_MAX * size - room[i], K_ROOM))

    def _han_latin(self, i: int, q: float) -> None:
        size = self.sizes[i]
        self.gap[i] += q
        if q > HAN_LATIN_MIN * size:
            self.shrink.append((i, P_HAN_LATIN, q - HAN_LATIN_MIN * size, K_GAP))
        if q < HAN_LATIN_MAX * size:
            self.stretch.append((i, L_HAN_LATIN, HAN_LATIN_MAX * size - q, K_GAP))

    def kinsoku(self, specials: list[int], no_start: frozenset[str], no_end: frozenset[str]) -> None:
        """Line-start / line-end prohibition (§1); spaces are looked through, and a
        run of spaces is one break (before it) that discards the spaces."""
        text, brk, cls, n = self.text, self.brk, self.cls, self.n
        for i in specials:
            ch = text[i]
            if ch in no_start and i > 0 and brk[i] > KINSOKU:
                brk[i] = KINSOKU
            if ch in no_end and brk[i + 1] > KINSOKU and i + 1 < n:
                brk[i + 1] = KINSOKU
            c = cls[i]
            if c == ZERO:
                self.junc[i] = 0
            elif c == NBSPACE:
                brk[i] = min(brk[i], CLUSTER)
                if i + 1 < n:  # the paragraph's end stays a break (a NBSP last: 。+NBSP)
                    brk[i + 1] = min(brk[i + 1], CLUSTER)
            elif c == SPACE and (i == 0 or cls[i - 1] != SPACE):
                self._space_run(i, no_start, no_end)

    def _space_run(self, p: int, no_start: frozenset[str], no_end: frozenset[str]) -> None:
        text, brk, cls, n = self.text, self.brk, self.cls, self.n
        q = p
        while q < n and cls[q] == SPACE:
            q += 1
        junc = self.junc
        for k in range(p + 1, min(q + 1, n)):
            brk[k] = NEVER
            # the run is one gap when a line is spread (§2: spread "between
            # characters"): a junction before it only, or an em space (the byline's
            # 本报讯（记者…）　据…) took two shares and opened 1.2 em and more
            junc[k] = 0
        if p == 0 or q >= n:
            return
        ok = text[q] not in no_start and text[p - 1] not in no_end
        brk[p] = LEGAL if ok else KINSOKU
        if sum(self.room[p:q]) >= self.sizes[p] - 1e-9:
            self._wide_gap(p, q)
            if IDEOGRAPHIC_SPACE in text[p:q]:
                self.cells.add(p)

    def _wide_gap(self, p: int, q: int) -> None:
        """A run of spaces an em wide or more (an em space, U+3000 separators) is
        already a gap a reader sees: it takes no share of a loose line's spread (a
        share on top of an em opened 1.2 em and more: the line read as two), and a
        single Han character is not left alone beside it at a line's end or start
        (``地点`` broken as ``…　　地|点：…``: a 孤字 within the line).  Those breaks
        are held back like breaks inside a word (``SENSE``)."""
        brk, cls = self.brk, self.cls
        self.junc[p] = 0
        if q + 1 < self.n and cls[q] == HAN and brk[q + 1] == LEGAL:
            brk[q + 1] = SENSE
        if p > 1 and cls[p - 1] == HAN and brk[p - 1] == LEGAL:
            brk[p - 1] = SENSE

    def clusters(self, dash_no_start: bool, no_start: frozenset[str], no_end: frozenset[str]) -> None:
        """Words, numbers, URLs and dash runs are never split (§1, §3) except at
        their soft points, which obey kinsoku like any other break."""
        text, brk, junc = self.text, self.brk, self.junc
        cls, sizes, letters = self.cls, self.sizes, self.letters
        for cl in find_clusters(text):
            for k in range(cl.start + 1, cl.end):
                brk[k] = CLUSTER
                junc[k] = 0
                if cl.kind != DASHES and cls[k - 1] in _SOLID_CLASSES and cls[k] in _SOLID_CLASSES:
                    letters.append((k - 1, P_LETTER, LETTER_SQUEEZE_EM * sizes[k - 1], K_GAP))
            url = cl.kind == URL
            if url:
                self.url_inside[cl.start + 1:cl.end] = b"\x01" * (cl.end - cl.start - 1)
            for k in cl.soft:
                # inside a URL a separator ends a line by nature (§1 "natural break
                # points"); the gb rule against a line-final / is for Chinese text
                ok = text[k] not in no_start and (url or text[k - 1] not in no_end)
                brk[k] = LEGAL if ok else KINSOKU
                # (no junction: a gap opened at www.|stats. would read as a space)
            if cl.kind == DASHES:
                # a dash/ellipsis pair is a dash, not the lone connector '—' of the
                # basic list; strict forbids it at a line start (§1)
                b = self._break_before(cl.start)
                if b > 0 and brk[b] == KINSOKU and text[b - 1] not in no_end:
                    brk[b] = LEGAL
                if b > 0 and dash_no_start and text[cl.start] in STRICT_NO_START_RUNS and brk[b] > KINSOKU:
                    brk[b] = KINSOKU
        if dash_no_start:
            for m in _LONG_DASH.finditer(text):
                b = self._break_before(m.start())
                if b > 0 and brk[b] > KINSOKU:
                    brk[b] = KINSOKU

    def words(self) -> None:
        """Inside a word a legal break is held back (``SENSE``): taken only when
        no other allowed break fits the line, before any rule is broken
        (``ParagraphStyle.words``).  The junctions stay: a Han word spreads like
        any Han text."""
        from layout.words import inside_words

        brk, url = self.brk, self.url_inside
        for k in inside_words(self.text, compounds=True):
            if brk[k] == LEGAL and not url[k]:  # an address breaks at its separators (§1)
                brk[k] = SENSE

    def credit(self) -> int:
        """Where the paragraph's closing credit starts (``CREDIT``), or -1.  Breaks
        inside it are held back like a word's (``SENSE``): a name list is not
        broken while the credit fits a line of its own."""
        m = CREDIT.search(self.text)
        if m is None:
            return -1
        c = m.start("credit")
        brk = self.brk
        for k in range(c + 1, self.n):
            if brk[k] == LEGAL:
                brk[k] = SENSE
        return c

    def _break_before(self, k: int) -> int:
        """The boundary where a line would break before character k: before the
        run of spaces that precedes it, if any (0: no break possible)."""
        cls = self.cls
        while k > 0 and cls[k - 1] == SPACE:
            k -= 1
        return k

    def missing(self, chars: set[str]) -> None:
        """Characters no face covers stay in the line (never dropped); the caller
        reports them, once per character, at its first place."""
        for ch in sorted(chars, key=self.text.find):
            i = self.text.find(ch)
            if i >= 0:
                self.problems.append(Problem("missing-glyph", f"no face has U+{ord(ch):04X} {ch!r}", i))
