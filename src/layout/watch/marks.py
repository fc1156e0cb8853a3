"""What the live preview draws over a page: text that does not fit (overflow), a
story's columns ending short (underfill), and grid space that neither a story nor a
page item (ad, picture, text box) covers (holes) --
the three things an editor fixes by changing the layout.

Rectangles are given as fractions of the trim box (the preview PNG is cropped to
it), top-left origin, so the browser positions them with percentages whatever the
image's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from layout.records import record

UNDERFILL_ROWS = 2  # empty grid lines at a story's foot worth marking (a single one is the grid's slack)
HOLE_ROWS = 2  # uncovered grid lines in a column worth marking


@record
class Mark:
    kind: str  # overflow | underfill | hole
    label: str
    left: float  # fractions of the trim box, from the top-left corner
    top: float
    width: float
    height: float
    story: str | None = None
    where: str | None = None  # file:line of the story

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "left": self.left, "top": self.top, "width": self.width,
                "height": self.height, "story": self.story, "where": self.where}


def page_marks(layout: Any, placed: Any) -> list[Mark]:
    """The marks of one placed page (``layout``: its model, for where stories are)."""
    geo = placed.geometry
    where = {s.id: s.where for s in layout.stories}
    box = _Box(geo.page_width, geo.page_height)
    out: list[Mark] = []
    for r in placed.stories:
        at = str(where[r.id]) if r.id in where else None
        if r.lines_over:
            out.append(box.mark("overflow", f"{r.id}: {r.lines_over} lines ({r.chars_over} characters) over",
                                r.frame.x0, r.frame.y0, r.frame.x1, r.frame.y1, r.id, at))
        elif r.rows_free >= UNDERFILL_ROWS:
            y1 = r.frame.y0 + r.rows_free * geo.leading
            out.append(box.mark("underfill", f"{r.id}: {r.rows_free} empty lines", r.frame.x0, r.frame.y0,
                                r.frame.x1, y1, r.id, at))
    taken = [*layout.stories, *getattr(layout, "items", ())]  # stories and page items (ads, pictures, boxes)
    for c0, c1, r0, r1 in holes(geo.columns, geo.rows, ((t.columns, t.rows) for t in taken)):
        out.append(box.mark("hole", f"empty: {r1 - r0 + 1} lines", geo.col_x(c0), geo.row_bottom(r1),
                            geo.col_x1(c1), geo.row_top(r0)))
    return out


class _Box:
    def __init__(self, width: float, height: float):
        self.w, self.h = width, height

    def mark(self, kind: str, label: str, x0: float, y0: float, x1: float, y1: float, story: str | None = None,
             where: str | None = None) -> Mark:
        return Mark(kind, label, x0 / self.w, (self.h - y1) / self.h, (x1 - x0) / self.w, (y1 - y0) / self.h,
                    story, where)


def holes(columns: int, rows: int, spans: Iterable[tuple[Any, Any]]) -> list[tuple[int, int, int, int]]:
    """Grid space no story covers, as (first column, last column, first row, last
    row): runs of at least ``HOLE_ROWS`` uncovered rows per column, side-by-side
    columns with the same run joined."""
    covered = [[False] * (rows + 1) for _ in range(columns + 1)]
    for cols, rws in spans:
        for c in range(max(1, cols.first), min(columns, cols.last) + 1):
            for r in range(max(1, rws.first), min(rows, rws.last) + 1):
                covered[c][r] = True
    runs: list[tuple[int, int, int, int]] = []
    for c in range(1, columns + 1):
        r = 1
        while r <= rows:
            if covered[c][r]:
                r += 1
                continue
            start = r
            while r <= rows and not covered[c][r]:
                r += 1
            if r - start >= HOLE_ROWS:
                _join(runs, c, start, r - 1)
    return runs


def _join(runs: list[tuple[int, int, int, int]], c: int, r0: int, r1: int) -> None:
    for k, (a, b, s0, s1) in enumerate(runs):
        if b == c - 1 and (s0, s1) == (r0, r1):
            runs[k] = (a, c, s0, s1)
            return
    runs.append((c, c, r0, r1))
