"""Step 3 of composing: set one line -- tighten or loosen it to the measure by the
priority orders of spec typography.md §2, then place its glyphs.

Every line but a paragraph's last is flush on both edges (§4 均排); the last is
flush left at natural spacing.  Tightening takes the §2 steps in order, each fully
before the next, the last one only as far as needed; loosening widens word spaces
and Han-Latin gaps to ½ em, then spreads what is left evenly over the junctions
(between characters, never inside a word, a number, —— or ……).

A line of plain Han (the common case) has a fast path: its glyphs sit at
``indent + k × step`` with no per-character decisions, so a measure of whole ems
puts it exactly on the character grid (§5).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from math import copysign
from operator import add, or_
from typing import NamedTuple

from layout.compose.linebreak import EPS
from layout.compose.prepare import (
    K_CENTRE,
    K_GAP,
    K_LEFT,
    K_ROOM,
    Prepared,
    tightening_space,
)

URL_SPREAD_MAX_EM = 1.0  # letterspacing an address beyond this per gap opens holes: leave the line short
URL_JOIN_EM = 0.5  # a line spread more than this per junction spreads inside its address too


class SetLine(NamedTuple):
    """A set line: glyph origins, rooms and room edges (pt, in character order),
    how many marks lost blank space, and the adjustment made (pt; > 0 loosened,
    < 0 tightened); ``short`` is what could not be absorbed (> 0: a line that could
    not be justified; < 0: overfull).  Tuples, as ``Line`` keeps them; ``xs`` is
    ``lefts`` itself when no glyph sits off its room's left edge."""

    xs: tuple[float, ...]
    advances: tuple[float, ...]
    lefts: tuple[float, ...]
    compressed: int
    adjust: float
    short: float


def set_line(p: Prepared, s: int, e: int, avail: float, x0: float, scut: bool, justify: bool,
             align: str = "left", cells: bool = False) -> SetLine:
    """Place characters s..e-1 in ``avail`` pt starting at ``x0``.  ``justify``:
    make the line exactly ``avail`` wide (otherwise natural spacing, aligned by
    ``align``, tightened only if it would not fit); ``cells``: what the loosen
    order's first two steps leave goes to the cell separators inside the line,
    not between its characters (``linebreak.to_cells``)."""
    if p.is_plain(s, e):
        return _set_plain(p, s, e, avail, x0, justify, align)
    rooms = p.room[s:e]
    gaps = p.gap[s:e]
    offs = p.off[s:e]
    if scut and p.startcut[s]:
        c = p.startcut[s]
        rooms[0] -= c
        offs[0] -= c
    rooms[-1] -= p.endcut[e - 1]
    gaps[-1] = 0.0
    d = avail - (sum(rooms) + sum(gaps))
    short = 0.0
    adjust = 0.0
    end_mark = p.endshrink[e - 1]
    if d < -EPS and end_mark:
        # first step of §2 (full-width mode): the line-end mark goes to ½ em, all
        # or nothing -- a mark cut part way would leave the right edge ragged
        rooms[-1] -= end_mark
        d += end_mark
        adjust = -end_mark
        if d > EPS:
            short = _loosen(p, s, e, d, gaps, rooms, cells) if justify else 0.0
            adjust += d - short
            d = 0.0
    if d < -EPS:
        short = -_tighten(p, s, e, scut, -d, rooms, gaps, offs)
        adjust += d - short
    elif d > EPS and justify:
        short = _loosen(p, s, e, d, gaps, rooms, cells)
        adjust = d - short
    elif d > EPS and align in ("center", "right"):
        x0 += d if align == "right" else d / 2
    adv = tuple(map(add, rooms, gaps))
    lefts = tuple(accumulate(adv[:-1], initial=x0))
    xs = lefts if _lefts_are_xs(x0, offs) else tuple(map(add, lefts, offs))
    return SetLine(xs, adv, lefts, _count_cut(p, s, e, rooms), adjust, short)


def _lefts_are_xs(x0: float, offs: list[float]) -> bool:
    """Is left + off the left itself for every glyph (most lines: no glyph sits off
    its room's edge)?  Yes when every off is zero and every left is a float other
    than -0.0, which holds when the first, ``x0``, is one: each next left adds a
    room to a float, and only -0.0 + -0.0 gives -0.0."""
    return not any(offs) and type(x0) is float and copysign(1.0, x0) > 0


def _count_cut(p: Prepared, s: int, e: int, rooms: list[float]) -> int:
    """Marks on the line that lost blank space (Line.compressed)."""
    marks, advs = p.marks, p.adv
    lo = bisect_left(marks, s)
    count = 0
    for i in marks[lo:bisect_left(marks, e, lo)]:  # a line holds a mark or two: a plain loop
        if rooms[i - s] < advs[i] - EPS:
            count += 1
    return count


def _set_plain(p: Prepared, s: int, e: int, avail: float, x0: float, justify: bool, align: str) -> SetLine:
    """Uniform 1-em Han: position k is x0 + k*step, exact on the character grid."""
    m = e - s
    size = p.sizes[s]
    d = avail - m * size
    step = size
    adjust = 0.0
    short = 0.0
    if d > EPS and justify:
        if m > 1:
            step = size + d / (m - 1)
            adjust = d
        else:
            short = d
    elif d > EPS and align in ("center", "right"):
        x0 += d if align == "right" else d / 2
    elif d < -EPS:
        short = d
    xs = tuple([x0 + k * step for k in range(m)])
    return SetLine(xs, (step,) * (m - 1) + (size,), xs, 0, adjust, short)


def _entries(table: list[tuple[int, int, float, int]], s: int, e: int) -> list[tuple[int, int, float, int]]:
    """The entries of characters s..e-1 (the table is sorted by character)."""
    if not table:  # most Chinese paragraphs have no word spaces or Han-Latin gaps
        return table
    return table[bisect_left(table, (s,)):bisect_left(table, (e,))]


def _tighten(p: Prepared, s: int, e: int, scut: bool, need: float,
             rooms: list[float], gaps: list[float], offs: list[float]) -> float:
    """Remove ``need`` pt by the §2 tighten order; return what could not be removed."""
    last = e - 1
    keep = not scut or p.startcut[s] > 0  # the start bracket's left blank: gone, or kept by style
    items = [t for t in _entries(p.shrink, s, e) if t[0] != last and not (keep and t[0] == s and t[3] == K_LEFT)
             and not (t[3] == K_LEFT and t[0] > s and tightening_space(p.text, p.cls, t[0] - 1))]
    items.sort(key=lambda t: t[1])
    k = 0
    while k < len(items) and need > EPS:
        prio = items[k][1]
        group = []
        while k < len(items) and items[k][1] == prio:
            group.append(items[k])
            k += 1
        total = sum(t[2] for t in group)
        f = 1.0 if total <= need else need / total
        for i, _prio, a, kind in group:
            j = i - s
            a *= f
            if kind == K_GAP:
                gaps[j] -= a
            else:
                rooms[j] -= a
                if kind == K_LEFT:
                    offs[j] -= a
                elif kind == K_CENTRE:
                    offs[j] -= a / 2
        need -= total * f
    return max(need, 0.0)


def _loosen(p: Prepared, s: int, e: int, extra: float, gaps: list[float], rooms: list[float],
            cells: bool = False) -> float:
    """Add ``extra`` pt by the §2 loosen order; return what could not be placed
    (a line with nothing to spread between, e.g. one long word).  ``cells``: the
    rest after the word spaces and Han-Latin gaps goes to the separators."""
    last = e - 1
    items = [t for t in _entries(p.stretch, s, e) if not (t[3] == K_GAP and t[0] == last)] if p.stretch else ()
    for level in (1, 2) if items else ():
        group = [t for t in items if t[1] == level]
        if not group or extra <= EPS:
            continue
        total = sum(t[2] for t in group)
        f = 1.0 if total <= extra else extra / total
        for i, _lv, a, kind in group:
            if kind == K_ROOM:
                rooms[i - s] += a * f
            else:
                gaps[i - s] += a * f
        extra -= total * f
    if extra <= EPS:
        return 0.0
    if cells:
        _widen_separators(p, s, e, extra, gaps)
        return 0.0
    count = p.junctions(s, e)
    if not count:
        return _spread_url(p, s, e, extra, gaps)
    d = extra / count
    if d > URL_JOIN_EM * p.sizes[s] and (urls := p.url_inside.count(1, s + 1, e)):
        # an address shares a loose line's spread: all of it left on the one or two
        # junctions at the address's edges opens a hole (`… .cn   。`) that reads
        # as a break (§2: spread evenly; the address is the last place, not no place)
        d = extra / (count + urls)
        gaps[:-1] = map(add, gaps[:-1], map(d.__mul__, map(or_, p.junc[s + 1:e], p.url_inside[s + 1:e])))
        return 0.0
    if count == e - s - 1:
        gaps[:-1] = map(d.__add__, gaps[:-1])
    else:
        gaps[:-1] = map(add, gaps[:-1], map(d.__mul__, p.junc[s + 1:e]))
    return 0.0


def _spread_url(p: Prepared, s: int, e: int, extra: float, gaps: list[float]) -> float:
    """A line with no junction at all (all of it part of a URL or e-mail address):
    spread evenly between the address's characters rather than leave the line
    ragged.  Never inside a word or number (§3): those lines stay short."""
    count = p.spread_points(s, e)
    if not count:
        return extra
    d = min(extra / count, URL_SPREAD_MAX_EM * p.sizes[s])
    gaps[:-1] = map(d.__add__, gaps[:-1])
    return extra - d * count


def _widen_separators(p: Prepared, s: int, e: int, extra: float, gaps: list[float]) -> None:
    """Share ``extra`` pt equally between the cell separators inside line s..e-1
    (``linebreak.to_cells``): each run of U+3000 grows after its last space, as
    the white between two cells of a table does, and the cells keep their
    natural spacing."""
    cls = p.cls
    ends = []
    for c in p.inner_cells(s, e):
        q = c
        while q + 1 < e and cls[q + 1] == cls[c]:
            q += 1
        ends.append(q)
    d = extra / len(ends)
    for q in ends:
        gaps[q - s] += d
