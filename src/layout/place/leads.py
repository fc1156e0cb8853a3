"""■ leads (提要) at a readable measure: across a wide story they are set in
columns of at most ``MAX_LEAD_EMS`` characters, side by side under the headline
(issue 15).  A 60-character line of 楷体 under a five-column headline is hard to
follow; newspapers set the bullets in two to four short columns.

How: the fewest equal columns (the text columns' gap between them) whose measure
is at most ``MAX_LEAD_EMS`` ems of the lead style; one more when that lines the
lead columns up with the story's text columns.  Each bullet keeps its hanging
indent (typography.md §4).  The bullets stay whole, one column after another,
when that is as shallow as flowing the lines (a ■ never starts at a column
bottom and ends at the next top then); otherwise the lines flow through the
columns in order, balanced like body text (up to ``WHOLE_SLACK`` rows deeper).  Each line takes one grid row
(typography.md §5), so the block is as deep as its deepest column.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.model.types import TextStyle

MAX_LEAD_EMS = 25  # characters of the lead size a lead line may hold at most
MIN_LEAD_EMS = 10  # never narrower than this (the bullet and a word or two)
WHOLE_SLACK = 1  # rows whole bullets may add over flowed lines: a bullet split over columns reads worse


class LeadColumn(NamedTuple):
    x: float  # pt from the headline span's left edge
    lines: tuple[Line, ...]


class LeadBlock(NamedTuple):
    """The leads as set: their columns, and the grid rows the block takes."""

    columns: tuple[LeadColumn, ...]

    @property
    def rows(self) -> int:
        return max((len(c.lines) for c in self.columns), default=0)

    @property
    def lines(self) -> list[Line]:
        return [ln for c in self.columns for ln in c.lines]


def lead_columns(width: float, gap: float, size: float, text_columns: int) -> int:
    """How many lead columns a headline span ``width`` pt wide gets."""
    def chars(m: int) -> int:  # whole characters a line of m columns holds
        return math.floor(_measure(width, gap, m) / size + 1e-6)

    m = 1
    while chars(m) > MAX_LEAD_EMS:
        m += 1
    if m > 1 and text_columns % m and text_columns % (m + 1) == 0 and chars(m + 1) >= MIN_LEAD_EMS:
        m += 1  # line the lead columns up with the text columns
    while m > 1 and chars(m) < MIN_LEAD_EMS:
        m -= 1
    return m


def _measure(width: float, gap: float, m: int) -> float:
    return (width - (m - 1) * gap) / m


def set_leads(texts: Sequence[str], style: TextStyle, width: float, gap: float, text_columns: int,
              fonts: FontSet) -> LeadBlock:
    """Compose the bullets and arrange them in columns (module doc)."""
    from layout.model.stories import LEAD_BULLETS
    from layout.place.blocks import compose_text

    m = lead_columns(width, gap, style.size, text_columns)
    measure = _measure(width, gap, m)
    items = [compose_text(t if t.startswith(LEAD_BULLETS) else "■" + t, style, measure, fonts, hanging=True) for t in texts]
    groups = _arrange([len(it) for it in items], m)
    columns = []
    for c, group in enumerate(groups):
        lines = tuple(ln for i, a, b in group for ln in items[i][a:b])
        if lines:
            columns.append(LeadColumn(c * (measure + gap), lines))
    return LeadBlock(tuple(columns))


Piece = tuple[int, int, int]  # (item, first line, end line)


def _arrange(counts: list[int], m: int) -> list[list[Piece]]:
    """Lines of each bullet into ``m`` columns: whole bullets when that is as
    shallow as flowing the lines, else the lines flowed and balanced."""
    total = sum(counts)
    if m <= 1 or total == 0:
        return [[(i, 0, n) for i, n in enumerate(counts)]]
    depth = math.ceil(total / m)
    whole = _whole(counts, m)
    if whole is not None and max(sum(b - a for _i, a, b in col) for col in whole) <= depth + WHOLE_SLACK:
        return whole
    return _flow(counts, m, depth)


def _whole(counts: list[int], m: int) -> list[list[Piece]] | None:
    """Bullets kept whole, in order, in at most ``m`` columns, the deepest column as
    shallow as possible (an ordered partition; a few bullets, so brute force)."""
    n = len(counts)
    if n < 2:
        return None
    best: tuple[int, list[list[Piece]]] | None = None

    def rec(start: int, cols_left: int, acc: list[list[Piece]]) -> None:
        nonlocal best
        if start == n:
            depth = max(sum(b - a for _i, a, b in col) for col in acc)
            if best is None or depth < best[0]:
                best = (depth, [list(c) for c in acc])
            return
        if cols_left == 0:
            return
        for end in range(start + 1, n + 1):
            acc.append([(i, 0, counts[i]) for i in range(start, end)])
            rec(end, cols_left - 1, acc)
            acc.pop()

    if n <= 12:
        rec(0, m, [])
    return best[1] if best else None


def _flow(counts: list[int], m: int, depth: int) -> list[list[Piece]]:
    """Every line in order, ``depth`` lines a column (the last takes the rest)."""
    cols: list[list[Piece]] = [[] for _ in range(m)]
    c, room = 0, depth
    for i, n in enumerate(counts):
        a = 0
        while a < n:
            if room == 0 and c < m - 1:
                c, room = c + 1, depth
            take = n - a if c == m - 1 else min(room, n - a)
            cols[c].append((i, a, a + take))
            a += take
            room -= take
    return cols
