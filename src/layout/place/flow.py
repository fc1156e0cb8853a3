"""Pouring composed body lines into a story's text columns, row by row.

Why slots: every body line sits on a row of the page-wide baseline grid (spec
typography.md §5).  A text column offers the rows of the story's text area that no
picture blocks; lines fill them in reading order, column after column.  Balancing
(``balance: true``) lowers the fill height until the text just fits, so the columns
end level instead of leaving the last one short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


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


def fill(slots: list[list[Slot]], n_lines: int, balance: bool, keeps: list[bool] | None = None) -> list[Slot]:
    """The slots ``n_lines`` lines take, in order; fewer than ``n_lines`` if they do
    not all fit (the caller reports the rest as overflow).  ``keeps[i]``: line i
    stays in the column of the line after it (a subhead never ends a column; the
    slot it would have taken stays empty)."""
    if keeps is not None:
        return _fill_keeping(slots, n_lines, balance, keeps)
    if balance:
        limit = _balanced_limit(slots, n_lines)
        if limit is not None:
            return _take(_spread([[s for s in col if s.row <= limit] for col in slots], n_lines), n_lines)
    return _take(slots, n_lines)


def _spread(slots: list[list[Slot]], n: int) -> list[list[Slot]]:
    """Balanced columns hold ``n`` lines with room to spare: the last columns each
    give up their bottom slot, so each ends at most one line short instead of the
    last column ending many lines early (page-layout.md rule 2: no hole)."""
    cols = [list(col) for col in slots]
    spare = sum(len(c) for c in cols) - n
    while spare > 0:
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


def _fill_keeping(slots: list[list[Slot]], n: int, balance: bool, keeps: list[bool]) -> list[Slot]:
    if balance:
        limit = _balanced_limit(slots, n)
        if limit is not None:
            rows = sorted({s.row for col in slots for s in col})
            for lim in rows[rows.index(limit):]:
                taken = _take_keeping(_spread([[s for s in col if s.row <= lim] for col in slots], n), n, keeps)
                if len(taken) == n:
                    return taken
    return _take_keeping(slots, n, keeps)


def _take_keeping(slots: list[list[Slot]], n: int, keeps: list[bool]) -> list[Slot]:
    out: list[Slot] = []
    i = 0
    for col in slots:
        k = 0
        while k < len(col) and i < n:
            chain = i
            while chain < n - 1 and keeps[chain]:
                chain += 1
            need = chain - i + 1  # the kept lines and the line they are kept with
            if keeps[i] and len(col) - k < need and k > 0:
                break  # the rest of this column stays empty: start the group in the next one
            out.append(col[k])
            k += 1
            i += 1
        if i == n:
            break
    return out
