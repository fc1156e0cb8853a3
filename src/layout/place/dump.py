"""A printable dump of a placed page, in grid terms.

Why: placement is judged on the grid -- which column a line starts in, which row
its baseline sits on, where a story's frame and its photos lie -- and a failing test
should show that, not a list of floats.  Positions are given as grid column ``c3``
(``c3+12.0`` when inside the column) and baseline row ``r17`` when the baseline is
the row's body baseline, else ``y=…`` in pt.  One line per item, in reading order,
grouped under the story that owns it; the page header comes first.

    page 841.89x1190.55pt  grid 8 columns x 97 rows  leading 14.40 em 9.00
    story wenming  frame c1-c5 r1-r35  lines 120 over 0/0 free 0 columns (30, 30, 30, 30)
      text label      c1+0.0 r2   hei 10.5  开发区
      rule            c1-c5 below r35  0.50pt
"""

from __future__ import annotations

from layout.model.geometry import Geometry, Rect
from layout.place.items import (
    BoxItem,
    DotsItem,
    FormItem,
    ImageItem,
    Item,
    PlacedPage,
    RuleItem,
    StoryResult,
    TextItem,
)

TOL = 0.01  # pt: positions closer than this are the same


def dump(placed: PlacedPage) -> str:
    """The whole page (see module doc)."""
    geo = placed.geometry
    out = [f"page {geo.page_width:.2f}x{geo.page_height:.2f}pt  grid {geo.columns} columns x {geo.rows} rows  "
           f"leading {geo.leading:.2f} em {geo.em:.2f}"]
    results = {s.id: s for s in placed.stories}
    current: str | None = None
    for it in placed.items:
        owner = it.story if isinstance(it, TextItem | RuleItem | BoxItem | ImageItem | DotsItem) else None
        if owner != current or len(out) == 1:
            out.append(_story_line(owner, results.get(owner or ""), geo))
            current = owner
        out.append("  " + item_line(it, geo))
    for p in placed.problems:
        out.append(f"problem {p.kind} {p.story or 'header'}: {p.message}")
    return "\n".join(out) + "\n"


def _story_line(owner: str | None, result: StoryResult | None, geo: Geometry) -> str:
    if owner is None:
        return "header"
    if result is None:
        return f"item {owner}"  # a page item's own text (a 导读 box), not a story
    return (f"story {owner}  frame {area(geo, result.frame)}  lines {result.body_lines} "
            f"over {result.lines_over}/{result.chars_over} free {result.rows_free} columns {result.columns_used}")


def item_line(it: Item, geo: Geometry) -> str:
    """One item as a dump line."""
    if isinstance(it, TextItem):
        line = it.line
        face = line.faces[0] if line.faces else "-"
        size = max(line.sizes) if line.sizes else 0.0
        return f"text {it.kind:9} {column(geo, it.x):9} {baseline(geo, it.baseline):7} {face} {size:g}  {line.chars}"
    if isinstance(it, RuleItem):
        return f"rule {_rule(geo, it)}  {it.width:.2f}pt"
    if isinstance(it, BoxItem):
        fill = " filled" if it.fill is not None else ""
        return f"box  {area(geo, it.rect)}  stroke {it.stroke:.2f}pt{fill}"
    if isinstance(it, ImageItem):
        what = "placeholder" if it.path is None or it.placeholder else it.path.rsplit("/", 1)[-1]
        return f"image {area(geo, it.rect)}  {it.fit} {what}"
    if isinstance(it, DotsItem):
        return f"dots {len(it.xs)} from {column(geo, it.xs[0])}"
    if isinstance(it, FormItem):
        return f"form {area(geo, it.rect)}  {it.path.rsplit('/', 1)[-1]} {it.size[0]:g}x{it.size[1]:g}pt"
    return repr(it)


def column(geo: Geometry, x: float) -> str:
    """``c3`` at the left edge of grid column 3, ``c3+12.0`` inside it, else ``x=…``."""
    for i in range(1, geo.columns + 1):
        x0, x1 = geo.col_x(i), geo.col_x1(i)
        if x0 - TOL <= x <= x1 + TOL:
            dx = x - x0
            return f"c{i}" if abs(dx) < TOL else f"c{i}+{dx:.1f}"
    return f"x={x:.2f}"


def column_end(geo: Geometry, x: float) -> str:
    """``c5`` at the right edge of grid column 5, else as ``column``."""
    for i in range(1, geo.columns + 1):
        if abs(geo.col_x1(i) - x) < TOL:
            return f"c{i}"
    return column(geo, x)


def gutter(geo: Geometry, x: float) -> str:
    """``c5|c6`` in the middle of the gutter between columns 5 and 6, else as ``column``."""
    for i in range(1, geo.columns):
        if abs((geo.col_x1(i) + geo.col_x(i + 1)) / 2 - x) < TOL:
            return f"c{i}|c{i + 1}"
    return column(geo, x)


def baseline(geo: Geometry, y: float) -> str:
    """``r17`` when ``y`` is row 17's body baseline, else ``y=…``."""
    r = geo.row_at(y)
    return f"r{r}" if 1 <= r <= geo.rows and abs(geo.baseline(r) - y) < TOL else f"y={y:.2f}"


def grid_edge(geo: Geometry, y: float) -> int | None:
    """``k`` when ``y`` is the line between rows k and k+1 (0: the grid's top), else None."""
    k = round((geo.grid_top - y) / geo.leading)
    return k if abs(geo.grid_top - k * geo.leading - y) < TOL else None


def row_edge(geo: Geometry, y: float) -> str:
    """A horizontal edge: ``r5b`` on the bottom of row 5's band (``r1t``: the grid's top),
    ``r5m`` through its middle (a rule set in a row of its own), else ``y=…``."""
    k = grid_edge(geo, y)
    if k is None:
        mid = grid_edge(geo, y - geo.leading / 2)
        return f"r{mid}m" if mid is not None else f"y={y:.2f}"
    return "r1t" if k == 0 else f"r{k}b"


def area(geo: Geometry, rect: Rect) -> str:
    """A rectangle as grid columns and rows when its edges are on the grid:
    ``c1-c5 r1-r35``; otherwise edges as ``column``/``row_edge`` give them."""
    cols = f"{column(geo, rect.x0)}-{column_end(geo, rect.x1)}"
    top, bottom = grid_edge(geo, rect.y1), grid_edge(geo, rect.y0)
    if top is not None and bottom is not None:
        return f"{cols} r{top + 1}-r{bottom}"
    return f"{cols} {row_edge(geo, rect.y1)}..{row_edge(geo, rect.y0)}"


def _rule(geo: Geometry, it: RuleItem) -> str:
    if abs(it.y0 - it.y1) < TOL:
        x0, x1 = min(it.x0, it.x1), max(it.x0, it.x1)
        # an end drawn out to a vertical rule stands mid-gutter (place.rules)
        left = gutter(geo, x0) if "|" in gutter(geo, x0) else column(geo, x0)
        right = gutter(geo, x1) if "|" in gutter(geo, x1) else column_end(geo, x1)
        return f"horizontal {left}..{right} at {row_edge(geo, it.y0)}"
    if abs(it.x0 - it.x1) < TOL:
        return f"vertical {gutter(geo, it.x0)} {row_edge(geo, max(it.y0, it.y1))}..{row_edge(geo, min(it.y0, it.y1))}"
    return f"({it.x0:.2f},{it.y0:.2f})-({it.x1:.2f},{it.y1:.2f})"
