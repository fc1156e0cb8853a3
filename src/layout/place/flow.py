"""Pouring composed body lines into a story's text columns, row by row.

Why slots: every body line sits on a row of the page-wide baseline grid (spec
typography.md §5).  A text column offers the rows of the story's text area that no
picture blocks; lines fill them in reading order, column after column.  Balancing
(``balance: true``) lowers the fill height until the text just fits, so the columns
end level instead of leaving the last one short.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

# page-layout.md rule 2: no column bottom ends more than 2 lines early
HOLE_ROWS = 3


class Keep(IntEnum):
    """Whether a body line stays in the column of the line after it.  ``SOFT``: the
    first line of a paragraph under a subhead -- kept, so a subhead stands over two
    lines of its text, unless keeping would leave ``HOLE_ROWS`` rows or more empty at
    the column's foot: then the subhead and one line end the column (a subhead never
    ends a column; a hole is the worse defect, page-layout.md rule 2)."""

    NONE = 0
    WITH_NEXT = 1  # a subhead's lines
    SOFT = 2


class Slot(NamedTuple):
    """One grid row of one text column, free for a body line.  A NamedTuple: a page
    makes one per row and column, several times over (a frozen dataclass's
    ``__init__`` made this a tenth of placing the body)."""

    column: int  # 0-based text column
    x: float  # left edge of the column's measure
    row: int  # grid row


def column_slots(columns: Sequence[tuple[float, float]], rows: range,
                 blocked: dict[int, set[int]]) -> list[list[Slot]]:
    """For each text column, the free rows of ``rows`` (top to bottom)."""
    return [_free_slots(c, x0, rows, blocked.get(c, ())) for c, (x0, _x1) in enumerate(columns)]


def _free_slots(column: int, x: float, rows: range, taken: set[int] | tuple[()]) -> list[Slot]:
    return [Slot(column, x, r) for r in rows if r not in taken]


def fill(slots: list[list[Slot]], n_lines: int, balance: bool, keeps: Sequence[int] | None = None,
         foot: bool = False) -> list[Slot]:
    """The slots ``n_lines`` lines take, in order; fewer than ``n_lines`` if they do
    not all fit (the caller reports the rest as overflow).  ``keeps[i]`` (a ``Keep``,
    or a bool for ``WITH_NEXT``): line i stays in the column of the line after it (a
    subhead never ends a column; the slot it would have taken stays empty).
    ``foot`` (balanced columns): the last line stands on its column's last slot,
    the room to spare given up by the columns before it, where the keeps allow --
    a jump line (model.jumps): furniture, marked as an artifact, so the page
    checker reads it as ink only, not as a line whose frame fills the blank beside
    it; rows left empty under it join that blank into a hole at the foot
    (page-layout.md rule 2)."""
    if keeps is not None or (foot and balance):
        return _fill_keeping(slots, n_lines, balance, keeps or [Keep.NONE] * n_lines, foot)
    if balance:
        limit = _balanced_limit(slots, n_lines)
        if limit is not None:
            return _take(_spread([[s for s in col if s.row <= limit] for col in slots], n_lines), n_lines)
    return _take(slots, n_lines)


def _spread(slots: list[list[Slot]], n: int, spare: int | None = None) -> list[list[Slot]]:
    """Balanced columns hold ``n`` lines with room to spare: the last columns each
    give up their bottom slot, so each ends at most one line short instead of the
    last column ending many lines early (page-layout.md rule 2: no hole).
    ``spare``: give up only this many slots (default: all the room to spare)."""
    cols = [list(col) for col in slots]
    if spare is None:
        spare = sum(len(c) for c in cols) - n
    while spare > 0 and any(cols):
        for col in reversed(cols):
            if spare and col:
                col.pop()
                spare -= 1
    return cols


def _take(slots: list[list[Slot]], n: int) -> list[Slot]:
    out: list[Slot] = []
    for col in slots:
        for s in col:
            if len(out) == n:
                return out
            out.append(s)
    return out


def _balanced_limit(slots: list[list[Slot]], n: int) -> int | None:
    """The lowest last row such that all ``n`` lines still fit above it."""
    rows = sorted({s.row for col in slots for s in col})
    if not rows or sum(len(c) for c in slots) < n:
        return None
    lo, hi = 0, len(rows) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if _fits(slots, n, rows[mid]):
            hi = mid
        else:
            lo = mid + 1
    return rows[lo]


def _fits(slots: list[list[Slot]], n: int, limit: int) -> bool:
    return sum(1 for col in slots for s in col if s.row <= limit) >= n


def _fill_keeping(slots: list[list[Slot]], n: int, balance: bool, keeps: Sequence[int],
                  foot: bool = False) -> list[Slot]:
    if balance:
        limit = _balanced_limit(slots, n)
        if limit is not None:
            rows = sorted({s.row for col in slots for s in col})
            for lim in rows[rows.index(limit):]:
                cols = [[s for s in col if s.row <= lim] for col in slots]
                taken = _balanced_keeping(cols, n, keeps, foot)
                if taken is not None:
                    return taken
    return _take_keeping(slots, n, keeps)


def _balanced_keeping(cols: list[list[Slot]], n: int, keeps: Sequence[int], foot: bool) -> list[Slot] | None:
    """The balanced fill of ``cols`` (limited to one depth) with keeps: the evenest
    spread with the last line at its column's foot when ``foot`` asks for it and
    some fill has it, else the evenest spread; None when the lines do not fit."""
    # a group a keep moved to the next column can make the evenest spread
    # overflow: give up fewer slots, down to none, before a deeper limit
    # (else the last column kept one line and the rest of it stayed white)
    first = even = None
    for spare in range(sum(len(c) for c in cols) - n, -1, -1):
        taken = _take_keeping(_spread(cols, n, spare), n, keeps)
        if len(taken) == n:
            if _even(cols, taken) and not _splits_kept(taken, keeps):
                if not foot or _at_foot(cols, taken):
                    return taken
                even = even or taken
            first = first or taken
    if foot:
        at_foot = _even_fill(cols, n, keeps, foot=True)
        if at_foot is not None:
            return at_foot
    if even is not None:
        return even
    spread = _even_fill(cols, n, keeps)
    return spread if spread is not None else first


def _splits_kept(taken: list[Slot], keeps: Sequence[int]) -> bool:
    """Whether a line kept with the next (``Keep.WITH_NEXT``: a subhead's, a
    credit's) ended a column: ``_take_keeping`` splits a group only where a column
    holds too few slots for it, which a balanced fill can avoid by giving up its
    spare slots elsewhere (``_even_fill``)."""
    return any(keeps[i] == Keep.WITH_NEXT and b.column != a.column
               for i, (a, b) in enumerate(zip(taken, taken[1:], strict=False)))


def _at_foot(cols: list[list[Slot]], taken: list[Slot]) -> bool:
    """Whether the last slot taken is the last of its column."""
    last = taken[-1] if taken else None
    return last is not None and cols[last.column][-1] == last


def _even(cols: list[list[Slot]], taken: list[Slot]) -> bool:
    """Whether no column of ``cols`` ends ``HOLE_ROWS`` lines or more above its
    last slot (page-layout.md rule 2), the last column holding text included."""
    used = [0] * len(cols)
    for t in taken:
        used[t.column] += 1
    return all(len(col) - u < HOLE_ROWS for col, u in zip(cols, used, strict=True))


def _even_fill(cols: list[list[Slot]], n: int, keeps: Sequence[int], foot: bool = False) -> list[Slot] | None:
    """The fill where every column ends at most ``HOLE_ROWS - 1`` lines early and
    no column ends on a line kept with the next, the earlier columns as full as
    they can be (the spread gives up slots at the end); None when there is none.
    ``foot``: the column holding the last line is full (see ``fill``).
    Why: spreading the room to spare from the last columns can move a subhead's
    group into the next column until the last column ends many lines short (a hole
    the evener spread avoids: 6,6,6,6,6,6,5,4 instead of 6,6,6,6,6,6,6,3)."""
    k = len(cols)
    dead: set[tuple[int, int]] = set()
    counts: list[int] = []

    def place(j: int, i: int) -> bool:
        if i == n:
            return all(len(c) < HOLE_ROWS for c in cols[j:])
        if j == k or (j, i) in dead:
            return False
        cap = len(cols[j])
        for t in range(min(cap, n - i), max(0, cap - HOLE_ROWS + 1) - 1, -1):
            if t and i + t < n and keeps[i + t - 1]:
                continue  # a kept line never ends a column here
            if foot and i + t == n and t < cap:
                continue  # the last line stands at the column's foot
            counts.append(t)
            if place(j + 1, i + t):
                return True
            counts.pop()
        dead.add((j, i))
        return False

    if not place(0, 0):
        return None
    return [s for col, t in zip(cols, counts, strict=False) for s in col[:t]]


def _take_keeping(slots: list[list[Slot]], n: int, keeps: Sequence[int]) -> list[Slot]:
    out: list[Slot] = []
    i = 0
    for col in slots:
        k = 0
        while k < len(col) and i < n:
            take = 1
            if keeps[i]:
                chain = i
                while chain < n - 1 and keeps[chain]:
                    chain += 1
                take = chain - i + 1  # the kept lines and the line they are kept with
                room = len(col) - k
                if room < take and k > 0:
                    if not (room >= HOLE_ROWS and room == take - 1 and keeps[chain - 1] == Keep.SOFT):
                        break  # the rest of this column stays empty: start the group in the next one
                    take = room  # the subhead and its paragraph's first line end the column
                take = min(take, room)
            out.extend(col[k:k + take])
            k += take
            i += take
        if i == n:
            break
    return out
