"""Filling pages one after another: which stories go on a page, and where a story
that does not fit is carried on (page-layout.md rule 3 and "Exact fill is often
impossible … that is when carrying stories to the next page matters").

Per page, the run search (``search``) gives the cost of every prefix of the
remaining stories at every height.  The choices:
- everything left fits: it is the last page, at the height that costs least
  (the empty rows under its last stories are charged lightly,
  ``Costs.last_page_white``: less than white inside a story, so stories are not
  stretched to fill a page the text cannot fill);
- otherwise the page is filled by a prefix of the stories, or by a prefix and the
  first part of the next story cut at a paragraph break (a sentence end for a
  paragraph longer than a page); the rest opens the next page.  The cheapest
  wins, counting the lines carried over (``Costs.unplaced_line``) and the
  continuation (``Costs.continuation``).
A page never overflows and type never shrinks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from layout.autolayout.content import is_continuation, split_points, split_story
from layout.autolayout.footwhite import FootRows, foot_cost, foot_unit
from layout.autolayout.realise import realise
from layout.autolayout.search import (
    AT_TOP,
    INF,
    RULE_ROWS,
    LeafTable,
    Node,
    RunSearch,
    Unit,
    leaf_table,
    stack_table,
)
from layout.autolayout.shapes import Costs, Gauge, Shape, StoryShapes
from layout.errors import LayoutError
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.types import PageLayout, Story

MIN_PART_LINES = 8  # a continued story runs at least this many lines before it jumps (rule 3) ...
MIN_TAIL_LINES = 12  # ... and carries on with at least this many (or all it has): no stub on the next page
MIN_PART_SHARE = 1 / 3  # ... and a first part shorter than this share of its story costs more (``_short_share``)
MAX_SPLIT_TRIES = 4  # split points tried per story, the fullest that fit first
SPLIT_FROM = 0.7  # a story may be cut when the page is at least this full with it (by the lower bound of cells)
SENTENCE_SPLIT_CHARS = 150  # paragraphs longer than this may also be cut at a sentence end
LEAD_MIN_SHARE = 0.5  # the lead story spans at least half the page's columns
MAX_UNITS = 14  # more stories in reach of a page than this: short ones are stacked (a column of briefs) ...
STACK_DIVISOR = 4  # ... each stack about a quarter of the room still open on the page ...
STACK_DEPTH = 0.3  # ... and at most 0.3 of the page deep in one grid column: bands of stacks fill the page
MAX_RANK_REPLANS = 2  # a page whose headlines break rank is searched again, that many times at most


@dataclass(frozen=True)
class PagePlan:
    """The stories of one page (in reading order), the layout tree, its cost, and
    what is left for the next pages."""

    stories: tuple[Story, ...]
    tree: Node
    cost: float
    height: int
    rest: tuple[Story, ...]


class Measurer:
    """Shapes and leaf tables per story, cached across pages and split variants;
    ``forget`` drops a placed page's stories, so memory stays bounded by the
    stories in reach of the page being planned (issue 13, class 7).  Shapes are
    measured width by width as they are asked for: a brief that only ever stands
    in a stack (``_units``) is measured one grid column wide, not at every width."""

    def __init__(self, template: PageLayout, geo: Geometry, fonts: FontSet, costs: Costs):
        self.geo, self.costs = geo, costs
        self.gauge = Gauge(template, geo, fonts)
        self._shapes: dict[Story, dict[int, list[Shape]]] = {}  # per width, as measured
        self._whole: dict[Story, dict[int, list[Shape]]] = {}  # every width, in order
        self._leaves: dict[tuple[Story, int, int, bool], LeafTable] = {}
        self._volumes: dict[Story, int] = {}
        self._pads: dict[Story, int] = {}
        self._over: dict[Story, set[int]] = {}  # widths at which the story is surely deeper than the page
        self._han = _han_lower_bound(template, fonts)
        self._han_counts: dict[str, int] = {}  # Han characters per paragraph text
        self._story_han: dict[Story, int] = {}
        # story id -> the least headline size its shapes may take on the page being
        # planned (rank, ``plan_page``); empty between pages
        self.floors: dict[str, float] = {}

    def shapes(self, story: Story) -> dict[int, list[Shape]]:
        """Every shape of ``story``, by width."""
        if story not in self._whole:
            self._whole[story] = {w: self.shapes_at(story, w) for w in range(1, self.geo.columns + 1)}
        return self._whole[story]

    def shapes_at(self, story: Story, w: int) -> list[Shape]:
        """The shapes of ``story`` ``w`` grid columns wide."""
        by_width = self._shapes.setdefault(story, {})
        if w not in by_width and self._beyond_page(story, w):
            by_width[w] = []  # every shape is taller than the page: none is searched
            self._over.setdefault(story, set()).add(w)
        if w not in by_width:
            shapes = StoryShapes(story, self.gauge, self.costs).shapes(w)
            pad = self._pads.get(story, 0)
            if pad:
                shapes = [replace(sh, body_rows=sh.body_rows + -(-pad // sh.text_columns)) for sh in shapes]
            by_width[w] = shapes
        return by_width[w]

    def _beyond_page(self, story: Story, w: int) -> bool:
        """Whether at every text-column count of width ``w`` the body surely needs
        more rows than would fill the whole page (``rows > columns x rows / w``),
        counted without composing: a line holds at most its measure of Han
        characters, which never tighten (typography.md §2).  A paragraph many pages
        long is then not composed at every width on every page it reaches (issue 13,
        class 7: it was, and the cost grew with the square of its pages).  Such shapes
        would take no place in a search, and an area beyond the page's is all the
        window needs to know (``volume``)."""
        if self._han is None or story.flow:
            return False
        chars = sum(map(len, story.paragraphs))
        if chars * self._han <= self.gauge.text_width(1, 1) * self.geo.rows:
            return False  # not even one column of the page's depth
        han = self._han * self._han_count(story)
        page = self.geo.columns * self.geo.rows
        return all(han / self.gauge.text_width(w, k) > k * page / w + 1 for k in self.gauge.text_column_options(w))

    def _han_count(self, story: Story) -> int:
        """Han characters in the story's paragraphs, once a story, a paragraph of a
        paragraph's size once in all (the rest of a story of thousands of paragraphs
        is asked again on every page it reaches)."""
        if story not in self._story_han:
            counts, total = self._han_counts, 0
            for text in story.paragraphs:
                n = counts.get(text)
                if n is None:
                    n = len(_HAN.findall(text))
                    if len(text) <= HAN_COUNT_KEPT:
                        counts[text] = n
                total += n
            self._story_han[story] = total
        return self._story_han[story]

    def pad(self, story: Story, lines: int) -> None:
        """Measure ``story`` ``lines`` body lines deeper from now on: placement
        found it that much short (``layout._page``)."""
        pad = self._pads.get(story, 0) + lines
        self.forget((story,))
        self._pads[story] = pad

    def leaf(self, story: Story, geo: Geometry, narrow: bool = False) -> LeafTable:
        """The story's table; ``narrow``: one grid column wide only (a part of a stack)."""
        floor = self.floors.get(story.id)
        key = (story, geo.columns, geo.rows, narrow, floor)
        if key not in self._leaves:
            shapes = {1: self.shapes_at(story, 1)} if narrow else self.shapes(story)
            if floor is not None:
                shapes = {w: [sh for sh in shs if self.headline_size(sh.headline_style) >= floor - 1e-9]
                          for w, shs in shapes.items()}
            self._leaves[key] = leaf_table(shapes, geo.columns, geo.rows, self.costs, bool(story.headline))
        return self._leaves[key]

    def headline_size(self, style: str | None) -> float:
        """The size of headline style ``style`` (0 for none: a story without a headline)."""
        return self.gauge.template.styles[style].size if style else 0.0

    def unit(self, stories: Sequence[Story], geo: Geometry, wide: bool = False) -> Unit:
        """One story's table, or a stack of short stories (``search.stack_table``: a
        column of briefs) one grid column wide (at every width when ``wide``)."""
        if len(stories) == 1:
            return self.leaf(stories[0], geo)
        return stack_table([self.leaf(s, geo, narrow=not wide) for s in stories])

    def volume(self, story: Story, geo: Geometry) -> int:
        """The fewest grid cells the story takes at any width; at most one more
        than the page's when it is surely more than that (``_beyond_page``): the
        window and the stacks only ask whether it is."""
        if story not in self._volumes:
            best = None
            for w, shapes in self.shapes(story).items():
                for sh in shapes:
                    cells = w * sh.min_height
                    best = cells if best is None else min(best, cells)
            if story in self._over:
                beyond = geo.columns * geo.rows + 1
                best = beyond if best is None else min(best, beyond)
            self._volumes[story] = best or 0
        return self._volumes[story]

    def narrow_depth(self, story: Story) -> int | None:
        """The fewest rows the story takes one grid column wide; None when it has
        no one-column shape."""
        heights = [sh.min_height for sh in self.shapes_at(story, 1)]
        return min(heights) if heights else None

    def lines(self, story: Story) -> int:
        """Body lines at one grid column: the measure of text carried over."""
        return self.gauge.body_lines(story, 1, 1)

    def forget(self, stories: Sequence[Story]) -> None:
        """Drop what was measured of stories that are placed (their body-line
        counts stay: parts of a continued story share them)."""
        gone = set(stories)
        for s in gone:
            self._shapes.pop(s, None)
            self._whole.pop(s, None)
            self._pads.pop(s, None)
            self._volumes.pop(s, None)
            self._over.pop(s, None)
            self._story_han.pop(s, None)
        for key in [k for k in self._leaves if k[0] in gone]:
            del self._leaves[key]


_HAN = re.compile("[\u4e00-\u9fff]")  # the unified ideographs: one em each, never tightened
HAN_COUNT_KEPT = 2000  # paragraphs up to this long keep their Han count (a page's worth of them)
HAN_MARGIN = 0.9  # of a Han character's advance counted in ``Measurer._beyond_page``: tracking and fonts vary


def _han_lower_bound(template: PageLayout, fonts: FontSet) -> float | None:
    """The least room a Han character of the body takes in a line, pt (its advance
    and tracking, with ``HAN_MARGIN``); None when the body font's Han are not 1 em."""
    body = template.styles.get("body")
    if body is None:
        return None
    face = fonts.face(body.face)
    if any(abs(face.advance(ord(ch)) - 1.0) > 1e-6 for ch in "一中國字"):
        return None
    return HAN_MARGIN * body.size * min(1.0, 1.0 + body.tracking)


def plan_page(rest: Sequence[Story], geo: Geometry, measurer: Measurer, lead: bool = True) -> PagePlan:
    """The best page from the front of ``rest`` (``_plan_page``) whose headlines keep
    rank (page-layout.md rule 4: no headline larger than an earlier story's).

    Why: the search prices each story's shapes alone, and a shape steps its
    headline down where a width needs it (``StoryShapes.stepped``): nothing in the
    tables stops it setting a story one column wide under a smaller headline than
    a story after it (test_invariants[6-7-1200]: a brief in one column under
    headline-4 left of two stories under headline-2, once a part jumping at the
    page's foot cost more with a column 2 lines short).  Such a page is searched
    again with the earlier story's headline held at least as large as the later
    ones (``Measurer.floors``: its narrower, stepped-down shapes left out), at most
    ``MAX_RANK_REPLANS`` times; a replan that sets fewer stories on the page or
    holds a last resort (a hole) is not taken (``_as_good``)."""
    plan = _plan_page(rest, geo, measurer, lead)
    try:
        for _ in range(MAX_RANK_REPLANS):
            floors = _rank_floors(plan, measurer)
            if not floors:
                break
            measurer.floors.update(floors)
            try:
                again = _plan_page(rest, geo, measurer, lead)
            except LayoutError:
                break
            if not _as_good(again, plan, measurer):
                break
            plan = again
    finally:
        measurer.floors.clear()
    return plan


def _as_good(again: PagePlan, plan: PagePlan, measurer: Measurer) -> bool:
    """Whether a replan keeping rank may replace ``plan``: the same stories open
    the page (a part of the same story may end elsewhere) and no last resort (a
    hole) where the first had none.  Why: a page of briefs in stacks (one column,
    stepped-down headlines) breaks rank everywhere; held up, no stack was left and
    the page took one story, 3 % full (test_fill_report, 100 briefs)."""
    last_resort = min(measurer.costs.column_hole, measurer.costs.head_hole)
    if again.cost >= last_resort > plan.cost:
        return False
    return [s.id for s in again.stories] == [s.id for s in plan.stories]


def _rank_floors(plan: PagePlan, measurer: Measurer) -> dict[str, float]:
    """Story id -> the headline size it must keep for ``plan``'s page to keep rank:
    each story (with a headline, not a continuation: a 接题 is no rank) whose
    headline is smaller than a later one's, the largest of those (and at least
    the floor it had)."""
    placed = realise(plan.tree, list(plan.stories))
    sizes = [(s.id, measurer.headline_size(s.headline_style)) for s in placed
             if s.headline and not is_continuation(s)]
    out: dict[str, float] = {}
    for i, (sid, size) in enumerate(sizes):
        later = max((b for _, b in sizes[i + 1:]), default=0.0)
        if later > size + 1e-9:
            out[sid] = max(later, measurer.floors.get(sid, 0.0))
    return out


def _plan_page(rest: Sequence[Story], geo: Geometry, measurer: Measurer, lead: bool = True,
               wide: bool = False) -> PagePlan:
    """The best page from the front of ``rest`` (see module doc).  ``lead``: the
    first story is the paper's lead, the widest on the page (rule 4); when that
    leaves no way to fill the page, the page is searched without it.

    Linear cost (issue 13, class 7): only the stories that can reach this page
    are searched (``_window``: their smallest areas add up to the page, and one
    more to cut for a continuation), and when they are many, runs of short ones
    are stacked into units (``_units``), so a page is searched over a bounded
    number of units whatever the archive's size.  A stack stands one grid column
    wide (its briefs measured at that width alone); only when no page can be made
    of such stacks are they tried at every width (``wide``), as a last resort."""
    costs = measurer.costs
    C, R = geo.columns, geo.rows
    ranked = lead and not is_continuation(rest[0]) and bool(rest[0].headline)
    window, volumes = _window(rest, geo, measurer)
    units = _units(window, volumes, geo, measurer, ranked)
    search = RunSearch([measurer.unit(u, geo, wide) for u in units], C, R, costs,
                       _lead_widths(C) if ranked else None)
    n = len(units)
    if len(window) == len(rest):
        if costs.foot_white:  # short copy: the foot may stay white column by column (``footwhite``)
            hole = FootRows.of(geo)
            whole = _best_partial(search, n - 1, costs, C, R, costs.last_page_white, hole)
            ragged = search.with_last(foot_unit(C, R, costs, hole), n)
            full = ragged.table(0, n)[AT_TOP, :, C, R]  # the white unit reaches the foot: no band under it
            option = int(np.argmin(full))
            if full[option] < (whole[0] if whole is not None else INF) - 1e-9:
                return PagePlan(tuple(rest), ragged.layout(0, n, option, C, R), float(full[option]), R, ())
        else:
            whole = _best_partial(search, n - 1, costs, C, R, costs.last_page_white)
        if whole is not None:
            cost, option, h = whole
            return PagePlan(tuple(rest), search.layout(0, n - 1, option, C, h), cost, h, ())
    best: tuple[float, _Candidate] | None = None
    for cand in _prefixes(search, units, rest, geo, measurer):
        if best is None or cand[0] < best[0] - 1e-9:
            best = cand
    for cand in _splits(search, units, rest, geo, measurer, best[0] if best else float("inf")):
        if best is None or cand[0] < best[0] - 1e-9:
            best = cand
    if best is not None:
        return best[1].plan(C)
    if not wide and any(len(u) > 1 for u in units):
        return _plan_page(rest, geo, measurer, lead, wide=True)
    if ranked:
        return _plan_page(rest, geo, measurer, lead=False)
    raise LayoutError(f"story {rest[0].id!r} cannot be set on this page template, not even in part",
                      hint="use a template with more or wider columns, or check the story's headline and photos")


@dataclass(frozen=True)
class _Candidate:
    """A page the search found (units 0..``last`` of ``search`` at ``height``): its
    layout is read back from the tables only for the candidate that wins."""

    search: RunSearch
    last: int
    option: int
    height: int
    cost: float
    stories: tuple[Story, ...]
    rest: tuple[Story, ...]

    def plan(self, columns: int) -> PagePlan:
        tree = self.search.layout(0, self.last, self.option, columns, self.height)
        return PagePlan(self.stories, tree, self.cost, self.height, self.rest)


def _window(rest: Sequence[Story], geo: Geometry, measurer: Measurer) -> tuple[list[Story], list[int]]:
    """The stories from the front of ``rest`` whose smallest areas fit the page,
    and the one after them (it may be cut to fill the page); and those areas.
    First by each story's area one grid column wide (its volume when it has no
    one-column shape): when that window holds more than ``MAX_UNITS`` stories the
    page is one of briefs in stacks, and it is taken as it is, the stacked briefs
    measured one column wide only (issue 13, class 7).  Otherwise (the narrow
    areas are never smaller, so the window is no longer than the exact one) by
    the volumes: the fewest cells at any width."""
    page = geo.columns * geo.rows
    narrow: list[int] = []
    for story in rest:
        depth = measurer.narrow_depth(story)
        narrow.append(depth if depth is not None else measurer.volume(story, geo))
        if sum(narrow) > page:
            break
    if len(narrow) > MAX_UNITS:
        return list(rest[:len(narrow)]), narrow
    out, volumes, cells = [], [], 0
    for story in rest:
        out.append(story)
        volumes.append(measurer.volume(story, geo))
        cells += volumes[-1]
        if cells > page:
            break
    return out, volumes


def _units(window: Sequence[Story], volumes: Sequence[int], geo: Geometry, measurer: Measurer,
           ranked: bool) -> list[tuple[Story, ...]]:
    """Each story its own unit, unless there are more than ``MAX_UNITS``: then
    consecutive short stories without pictures (the lead excepted) are stacked,
    a column of briefs one grid column wide.  Each stack takes about
    1/``STACK_DIVISOR`` of the room still open on the page (the window's
    ``volumes`` when they add up to less than a page), so the units shrink
    towards the page's end, where the last cells are filled: a bounded number of
    units, and fine steps where they matter.  A stack is no deeper than
    ``STACK_DEPTH`` of the page, so it can stand as a narrow column of briefs; a
    story without a one-column shape stands alone."""
    if len(window) <= MAX_UNITS:
        return [(s,) for s in window]
    room = min(geo.columns * geo.rows, sum(volumes))
    out: list[tuple[Story, ...]] = []
    group: list[Story] = []
    cells = filled = 0
    rows = -RULE_ROWS  # the stack's depth in one grid column
    for i, (story, v) in enumerate(zip(window, volumes, strict=True)):
        target = (room - filled) / STACK_DIVISOR
        depth = None if (ranked and i == 0) or story.photos or v >= target else measurer.narrow_depth(story)
        if depth is None:
            if group:
                out.append(tuple(group))
                group, cells, rows = [], 0, -RULE_ROWS
            out.append((story,))
            filled += v
            continue
        if group and rows + RULE_ROWS + depth > geo.rows * STACK_DEPTH:
            out.append(tuple(group))
            group, cells, rows = [], 0, -RULE_ROWS
        group.append(story)
        cells += v
        rows += RULE_ROWS + depth
        filled += v
        if cells >= target:
            out.append(tuple(group))
            group, cells, rows = [], 0, -RULE_ROWS
    if group:
        out.append(tuple(group))
    return out


def _lead_widths(columns: int) -> list[int]:
    lo = max(1, -(-columns * LEAD_MIN_SHARE // 1))
    return list(range(int(lo), columns + 1))


def _best_partial(search: RunSearch, j: int, costs: Costs, C: int, R: int,
                  white: float | None = None, hole: FootRows | None = None) -> tuple[float, int, int] | None:
    """Units 0..j at their cheapest height, empty cells under them charged
    ``white`` each (default ``Costs.bottom_white``), and ``Costs.foot_hole`` where
    they are ``hole`` rows deep or more (a short page's reported underfill,
    ``footwhite``)."""
    per_cell = costs.bottom_white if white is None else white
    empty = R - np.arange(R + 1)
    table = search.table(0, j)[AT_TOP, :, C, :] + per_cell * C * empty
    if hole is not None:
        table = table + np.array([foot_cost(int(e), 0, costs, hole) for e in empty])
    option, h = np.unravel_index(int(np.argmin(table)), table.shape)
    c = float(table[option, h])
    return None if c == float("inf") else (c, int(option), int(h))


def _prefixes(search: RunSearch, units: Sequence[tuple[Story, ...]], rest: Sequence[Story], geo: Geometry,
              measurer: Measurer):
    """(score, plan) of every prefix of the units that fits the page.  The lines
    carried over count the window's stories only: the stories beyond it are
    carried by every candidate alike."""
    costs = measurer.costs
    C, R = geo.columns, geo.rows
    carried = [sum(measurer.lines(s) for s in u) for u in units]
    placed = 0
    for j in range(len(units)):
        placed += len(units[j])
        if placed >= len(rest):
            break
        if sum(search.volumes[:j + 1]) > C * R:
            break
        got = _best_partial(search, j, costs, C, R)
        if got is None:
            continue
        cost, option, h = got
        score = cost + costs.unplaced_line * sum(carried[j + 1:])
        yield score, _Candidate(search, j, option, h, cost, tuple(rest[:placed]), tuple(rest[placed:]))


def _splits(search: RunSearch, units: Sequence[tuple[Story, ...]], rest: Sequence[Story], geo: Geometry,
            measurer: Measurer, bound: float):
    """(score, plan) of filling the page with a prefix and the first part of the
    story that straddles the page's end (rule 3: after a reasonable run of text).
    A try whose carried-over text alone scores ``bound`` or more is not searched.
    Only a unit of one story is cut (a stack holds short stories)."""
    costs = measurer.costs
    C, R = geo.columns, geo.rows
    page = C * R
    carried = [sum(measurer.lines(s) for s in u) for u in units]
    before = 0
    placed = 0
    for s, unit in enumerate(units):
        if before >= page:
            break
        after = before + search.volumes[s]
        if len(unit) == 1 and after >= SPLIT_FROM * page:
            story, later = unit[0], sum(carried[s + 1:])

            def floor(second: Story, later: int = later) -> float:
                return costs.continuation + costs.unplaced_line * (measurer.lines(second) + later)

            def cut(first: Story, second: Story, s: int = s, placed: int = placed,
                    whole: Story = story) -> tuple[float, _Candidate] | None:
                variant = search.with_last(measurer.leaf(first, geo), s)
                got = _best_partial(variant, s, costs, C, R)
                if got is None:
                    return None
                cost, option, h = got
                return cost + floor(second) + _short_share(first, whole, measurer), _Candidate(variant, s, option, h, cost, (*rest[:placed], first),
                                                        (second, *rest[placed + 1:]))

            fitted = stopped = False
            shortest = None  # the index of the shortest part tried
            for at, first, second in _split_tries(story, page - before, measurer, geo):
                if floor(second) >= bound:
                    stopped = True
                    break  # the later tries carry more
                shortest = at
                got = cut(first, second)
                if got is not None:
                    fitted = True
                    bound = min(bound, got[0])
                    yield got
            if not (fitted or stopped) and shortest is not None:
                got = _shorter_cut(story, shortest, measurer, cut, floor, bound)
                if got is not None:
                    bound = min(bound, got[0])
                    yield got
        before = after
        placed += len(unit)


def _short_share(first: Story, story: Story, measurer: Measurer) -> float:
    """What a first part shorter than ``MIN_PART_SHARE`` of its story costs beyond
    the continuation: another continuation's worth.  page-layout.md, 转版: a story
    jumps "only after a good share of it has run (a third or more)"; a price, not a
    bar, so a page only such a cut fills still takes it (rich-seed-long-009 page 1:
    394 of 1,375 characters, else 6.6 lines empty at the foot), while a page full
    without the cut keeps the story whole (test_invariants[6-7-1200]: a 4-row stub
    of a 700-character story at the foot, 4 cells cheaper than the page without it).
    A part of a story already carried (a continuation) runs on page after page: no
    share applies."""
    if is_continuation(story) or measurer.lines(first) >= MIN_PART_SHARE * measurer.lines(story):
        return 0.0
    return measurer.costs.continuation


def _split_tries(story: Story, room: int, measurer: Measurer,
                 geo: Geometry) -> Iterator[tuple[int, Story, Story]]:
    """Parts of ``story`` cut at its split points whose first part fits ``room``
    grid cells, the fullest first, at most ``MAX_SPLIT_TRIES``; each part runs at
    least ``MIN_PART_LINES`` and the rest ``MIN_TAIL_LINES`` (rule 3).  Sentence
    ends count inside paragraphs longer than ``SENTENCE_SPLIT_CHARS``.  The
    fullest part that can fit is found by bisection (a part grows with its split
    point), so a paragraph of thousands of characters costs a few compositions.
    The search gallops from the story's start (points 1, 2, 4, 8 ...) before it
    bisects, and a continuation's lines are counted only for a part that fits: the
    parts composed stay about the page's size, not the rest of the story's, so a
    paragraph many pages long is carried page after page in linear time (issue 13,
    class 7).  The tries come one by one: those after the one ``_splits`` stops at
    are never measured (a try's rest is composed to count the lines it carries)."""
    points = split_points(story, long_paragraph=SENTENCE_SPLIT_CHARS)
    total = measurer.lines(story)
    lo, hi = 0, len(points)  # points[:lo] have a first part of at most `room` lines
    step = 1
    while lo < hi:
        mid = min(lo + step, hi) - 1
        if measurer.lines(split_story(story, points[mid])[0]) <= room:
            lo, step = mid + 1, 2 * step
        else:
            hi = mid
            break
    while lo < hi:
        mid = (lo + hi) // 2
        if measurer.lines(split_story(story, points[mid])[0]) <= room:
            lo = mid + 1
        else:
            hi = mid
    tries = 0
    for i in reversed(range(lo)):
        first, second = split_story(story, points[i])
        if measurer.lines(first) < MIN_PART_LINES:
            break  # earlier points only make it shorter
        if measurer.volume(first, geo) > room or not np.isfinite(measurer.leaf(first, geo).costs).any():
            continue
        if measurer.lines(second) >= min(MIN_TAIL_LINES, total):
            yield i, first, second
            tries += 1
        if tries >= MAX_SPLIT_TRIES:
            break


def _shorter_cut(story: Story, below: int, measurer: Measurer,
                 cut: Callable[[Story, Story], tuple[float, _Candidate] | None],
                 floor: Callable[[Story], float], bound: float) -> tuple[float, _Candidate] | None:
    """The longest first part cut before split point ``below`` that the page
    really has room for, by bisection over the split points (a shorter part never
    needs more room); None when none fits or each would carry ``bound`` or more.

    Why: ``_split_tries`` measures the room left by the smallest areas of the
    stories before, which their real shapes may exceed by a band of rows; when
    every one of its fullest parts is then too big, the page was closed with its
    foot empty and the story opened the next page whole (issue 13, "every page
    but the last full": rich-seed-long-000 page 1, 16 of 88 rows empty on all 8
    columns, the next story's cuts 177-188 lines of 199)."""
    points = split_points(story, long_paragraph=SENTENCE_SPLIT_CHARS)
    lo, hi = 0, below  # the part cut at points[hi] (and after) does not fit
    best = None
    while lo < hi:
        mid = (lo + hi) // 2
        first, second = split_story(story, points[mid])
        if measurer.lines(first) < MIN_PART_LINES or floor(second) >= bound:
            lo = mid + 1  # too short a run before the jump, or carrying too much: longer
            continue
        got = cut(first, second)
        if got is None:
            hi = mid
        else:
            best, lo = got, mid + 1
    return best
