"""Rules that meet: the page's story rules joined at corners and T-junctions.

Each story draws its own rules (``place.story._place_rules``): a rule below it half a
line above its area's foot across its columns, a vertical rule in the middle of the
gutter beside it from its area's foot to its head.  Alone those stop short of each
other: the horizontal rule ends half a gutter before the vertical one, and the
vertical rule runs half a line past the horizontal rule (a stub) or stops half a line
short of the rule of the story above (a gap).  Rules on a newspaper page form one
network (隔线: the lines dividing stories meet, 报纸版面 "栏线/隔线相接"), so after the
stories are placed the ends are snapped to the rule they nearly meet:

- a horizontal end within half a gutter (and a little) of a vertical rule whose height covers it is drawn
  out to that rule;
- a vertical end within half a line (plus a hair) of a horizontal rule crossing its
  x is drawn to that rule, shortened or lengthened.

Pure geometry on ``RuleItem``s; the header's rule and boxes are left alone.
"""

from __future__ import annotations

from dataclasses import replace

from layout.model.geometry import Geometry
from layout.place.items import Item, RuleItem

_HAIR = 0.01  # pt: float noise in grid arithmetic


def join_rules(items: list[Item], geo: Geometry) -> list[Item]:
    """``items`` with the story rules' ends snapped to the rules they nearly meet."""
    rules = [(i, it) for i, it in enumerate(items) if isinstance(it, RuleItem) and it.story is not None]
    if len(rules) < 2:
        return items
    flat = [(i, r) for i, r in rules if abs(r.y0 - r.y1) <= _HAIR]
    tall = [(i, r) for i, r in rules if abs(r.x0 - r.x1) <= _HAIR]
    reach, tol = 0.75 * geo.gutter, geo.leading / 2 + _HAIR  # a vertical rule stands mid-gutter
    out = list(items)
    joined: list[RuleItem] = []
    for i, h in flat:
        h = _stretch_flat(h, [v for _, v in tall], reach, tol)
        out[i] = h
        joined.append(h)
    for i, v in tall:
        out[i] = _stretch_tall(v, joined, tol)
    return out


def _stretch_flat(h: RuleItem, tall: list[RuleItem], reach: float, tol: float) -> RuleItem:
    """A horizontal rule drawn out at either end to a vertical rule within ``reach``."""
    y = h.y0
    x0, x1 = min(h.x0, h.x1), max(h.x0, h.x1)
    left, right = x0, x1
    for v in tall:
        lo, hi = min(v.y0, v.y1), max(v.y0, v.y1)
        if not lo - tol <= y <= hi + tol:
            continue
        if x0 - reach <= v.x0 < x0 - _HAIR:
            left = min(left, v.x0)
        elif x1 + _HAIR < v.x0 <= x1 + reach:
            right = max(right, v.x0)
    if (left, right) == (x0, x1):
        return h
    return replace(h, x0=left, x1=right)


def _stretch_tall(v: RuleItem, flat: list[RuleItem], tol: float) -> RuleItem:
    """A vertical rule whose ends lie within ``tol`` of a horizontal rule crossing its
    x, ended on that rule (the nearest one at each end)."""
    x = v.x0
    lo, hi = min(v.y0, v.y1), max(v.y0, v.y1)
    crossing = [h.y0 for h in flat if min(h.x0, h.x1) - _HAIR <= x <= max(h.x0, h.x1) + _HAIR]
    near_lo = [y for y in crossing if abs(y - lo) <= tol and y < hi]
    near_hi = [y for y in crossing if abs(y - hi) <= tol and y > lo]
    new_lo = min(near_lo, key=lambda y: abs(y - lo)) if near_lo else lo
    new_hi = min(near_hi, key=lambda y: abs(y - hi)) if near_hi else hi
    if (new_lo, new_hi) == (lo, hi):
        return v
    return replace(v, y0=new_lo, y1=new_hi)
