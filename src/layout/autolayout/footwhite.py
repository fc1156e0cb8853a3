"""White at the foot of a page the copy cannot fill, column by column (issue 13:
"what cannot be filled is reported with where and how much"; page-layout.md
rule 2: no hole *inside* the page).

Why: the run search tiles a page's rectangle exactly (every story fills its
rectangle but for a line or two of slack), with the white of a last page only as
a band across the whole width under the stories.  Copy much too short for a page
then has one way to reach the foot: stories stretched across columns they cannot
fill -- a text column of one or two lines under a headline spanning several (the
checker reads its short line as the column's measure), which a desk never sets.
A desk sets such stories narrow and leaves the foot empty where it runs out.

``foot_unit`` is that white as one more unit after the last story: a rectangle
of any size charged per cell as the last page's white (``Costs.last_page_white``).
Being last in reading order it stands in the lower right of every cut that holds
it -- under the stories above it, right of those beside it -- so it always reaches
the page's foot and never opens a hole between stories; and it never stands on
the page's first row (a white column beside the lead's headline is a hole).  Only
a page the levers lay out again (``Costs.foot_white``) gets it: the foot left
empty is then reported per story (``fill.FootHole``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from layout.autolayout.fill import DESCENT, HOLE_LINES, NEAR_LINES, page_foot
from layout.autolayout.search import BELOW_RULE, INF, PLACES, RULE_ROWS, Leaf, LeafTable
from layout.autolayout.shapes import MAX_COLUMN_WHITE, Costs, Shape
from layout.model.geometry import Geometry

WHITE = Shape(width=0, text_columns=0, head_rows=0, body_rows=0, extra_max=0, air_max=0, cost=0.0)


def hole_rows(geo: Geometry, early: int = MAX_COLUMN_WHITE) -> int:
    """Empty grid rows at the foot that the checker may read as a hole (``fill``:
    the ink ``HOLE_LINES`` lines above the page foot, which lies below the grid by
    the margin rule) when the story above ends ``early`` lines short (its
    columns' slack, up to ``MAX_COLUMN_WHITE``; a credit set flush right leaves
    the blank left of it open): fewer than these are within the page bar."""
    foot = page_foot(geo)
    ry = max(geo.leading - 0.9 * geo.em, 0.1 * geo.em) / 2
    for r in range(1, geo.rows + 1):
        low = geo.baseline(geo.rows - r - early) - DESCENT * geo.em - ry
        if low - foot >= (HOLE_LINES - NEAR_LINES) * geo.leading:
            return r
    return geo.rows


@dataclass(frozen=True)
class FootRows:
    """White rows at the foot that may read as a hole (``maybe``: with the most
    slack above them) and that surely do (``sure``: with a line of it)."""

    maybe: int
    sure: int

    @classmethod
    def of(cls, geo: Geometry) -> FootRows:
        return cls(hole_rows(geo), hole_rows(geo, 1))


def foot_cost(rows: int, cells: int, costs: Costs, hole: FootRows) -> float:
    """White at the foot, ``rows`` deep over ``cells`` grid cells: each cell as the
    last page's white, ``Costs.foot_hole`` once it may read as a hole and again
    once it surely does: a story a row or two deeper, a picture grown (even
    cropped beyond its format's tolerance) is cheaper than a reported underfill;
    a scrap of a text column is not."""
    charge = costs.foot_hole * ((rows >= hole.maybe) + (rows >= hole.sure))
    return costs.last_page_white * cells + charge


def foot_unit(columns: int, rows: int, costs: Costs, hole: FootRows) -> LeafTable:
    """The white unit on a grid of ``columns`` x ``rows``: every width and height,
    priced by ``foot_cost``, never at the top of the page."""
    table = np.full((PLACES, columns + 1, rows + 1), INF)
    for w in range(1, columns + 1):
        for h in range(1, rows + 1):
            # the rule row above it is white too (``realise`` draws no rule towards the foot)
            table[BELOW_RULE, w, h] = foot_cost(h + RULE_ROWS, w * h, costs, hole)
    choice = {(BELOW_RULE, a, b): (WHITE, 0) for a in range(1, columns + 1) for b in range(1, rows + 1)}
    return LeafTable(table, choice, False)


def is_white(leaf: Leaf) -> bool:
    """Whether ``leaf`` is the foot's white (no text columns), not a story."""
    return leaf.shape is WHITE or leaf.shape.text_columns == 0
