"""``auto_layout``: stories in reading order onto pages of a template, the way a
layout editor would (issue 6, page-layout.md).

The steps: rank the stories (headline styles by rank, rule 4); measure every
story's shapes (``shapes``); fill pages one after another with the guillotine
search (``paginate``, ``search``); turn each page's layout into stories with
areas, rules and photo frames (``realise``); place every page for real
(``place_page``) and measure it (``metrics``), so the numbers reported are those of
the page that gets printed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from layout.autolayout.content import Continued, continuations, is_continuation, plainer
from layout.autolayout.metrics import Metrics, PageMetrics, page_metrics
from layout.autolayout.paginate import Measurer, PagePlan, plan_page
from layout.autolayout.realise import head_holes, realise
from layout.autolayout.shapes import Costs
from layout.autolayout.template import headline_styles, page_layout
from layout.errors import LayoutError
from layout.fonts import FontSet
from layout.model.types import Header, PageLayout, Story
from layout.place import PlacedPage, place_page

MEASURE_AHEAD = 40  # stories measured before the search (timed apart); later ones as pages reach them
MAX_PAGES = 5000  # a safety net: an archive needing more pages than this is a mistake, not a page


@dataclass(frozen=True)
class AutoLayout:
    """The pages (each a tuple of placed stories in reading order), each page as a
    ``PageLayout`` and as placed, the stories carried on (``continued``), and the
    metrics."""

    pages: tuple[tuple[Story, ...], ...]
    layouts: tuple[PageLayout, ...]
    placed: tuple[PlacedPage, ...]
    continued: tuple[Continued, ...]
    metrics: Metrics


RANK_LEVELS = {"lead": 0, "second": 1, "secondary": 2, "brief": 3}  # model.keys.RANK_STYLES in order


def rank_stories(stories: Sequence[Story], template: PageLayout) -> list[Story]:
    """Headline steps by rank (rule 4): a story's own ``rank`` picks its step; without
    one, the lead story (the first) gets the first headline style, the first half of
    the others the second, the rest the third (sizes never grow along the reading
    order).  The shapes step a headline down where a width needs it
    (``StoryShapes.stepped``)."""
    styles = headline_styles(template)
    second = 1 + math.ceil((len(stories) - 1) / 2)
    out = []
    for i, s in enumerate(stories):
        level = 0 if i == 0 else (1 if i < second else 2)
        if s.rank is not None:
            level = RANK_LEVELS[s.rank]
        out.append(replace(s, headline_style=styles[min(level, len(styles) - 1)]))
    return out


def auto_layout(stories: Sequence[Story], template: PageLayout, fonts: FontSet | None = None, *,
                header: Header | str | None = None, costs: Costs | None = None) -> AutoLayout:
    """Lay ``stories`` (reading order; areas are ignored) out on pages of
    ``template``.  Page one gets ``header`` (a ``Header`` or just its title;
    default: the template's own header, if any); continuation pages repeat it with
    the next page numbers (an edition's 报眉 on every page: ``layout.edition.reprint``
    marks the repeats as artifacts, so nothing counts as printed twice)."""
    fonts = fonts or template.fonts.fontset()
    costs = costs or Costs()
    first_header = page_layout(template, (), header) if header is not None else template
    t0 = time.perf_counter()
    ranked = rank_stories(stories, template)
    measurer = Measurer(template, first_header.geometry(), fonts, costs)
    for s in ranked[:MEASURE_AHEAD]:
        measurer.narrow_depth(s)  # one column wide; the rest (and other widths) as pages reach them
    t1 = time.perf_counter()
    notes: dict[str, list[str]] = {}
    rest: tuple[Story, ...] = tuple(ranked)
    pages, layouts, placed, measured = [], [], [], []
    t_place = 0.0
    while rest:
        if len(pages) >= MAX_PAGES:
            raise RuntimeError(f"more than {MAX_PAGES} pages")
        base = first_header if not pages else page_layout(template, (), _repeated(first_header.header, len(pages)))
        page, rest, took = _page(rest, base, measurer, not pages, notes, fonts)
        t_place += took
        measurer.forget(page.plan.stories)
        # the paper's lead: the first story of page one (rule 4 is about it alone)
        lead = page.stories[0] if not pages and page.stories and not is_continuation(page.stories[0]) else None
        pages.append(page.stories)
        layouts.append(page.layout)
        placed.append(page.placed)
        m = page_metrics(page.layout, page.placed, lead, page.holes, fonts)
        said = tuple(f"{s.id}: {note}" for s in page.stories for note in notes.pop(s.id, ()))
        measured.append(replace(m, problems=m.problems + said) if said else m)
    t3 = time.perf_counter()
    t2 = t3 - t_place
    cont = continuations(pages)
    metrics = Metrics(tuple(measured), len(cont), t1 - t0, t2 - t1, t3 - t2)
    return AutoLayout(tuple(pages), tuple(layouts), tuple(placed), cont, metrics)


@dataclass(frozen=True)
class _Page:
    """One page planned and placed: the plan, its stories with areas, the layout,
    the placed page, and the stories whose headline group leaves a hole."""

    plan: PagePlan
    stories: tuple[Story, ...]
    layout: PageLayout
    placed: PlacedPage
    holes: frozenset[str]


MAX_REPLANS = 3  # a page whose placement overflows is planned again with the overflow measured in


def _page(rest: tuple[Story, ...], base: PageLayout, measurer: Measurer, lead: bool, notes: dict[str, list[str]],
          fonts: FontSet) -> tuple[_Page, tuple[Story, ...], float]:
    """The next page planned, realised and placed: (page, stories left, seconds
    spent placing).  The shapes are measured to agree with placement line for
    line (``shapes.balanced_fill``); should the placed page still overflow, the
    overflowing stories are measured that much deeper and the page planned again
    (at most ``MAX_REPLANS`` times), so the automatic layout never sets a story
    shorter than its text (issue 13: every character of the archive printed)."""
    took = 0.0
    for attempt in range(MAX_REPLANS + 1):
        said: dict[str, list[str]] = {}  # this attempt's notes: a page planned again says them once
        plan, left = _plan_or_simplify(rest, base, measurer, lead, said)
        t = time.perf_counter()
        stories = realise(plan.tree, list(plan.stories))
        lay = replace(base, stories=stories)
        p = place_page(lay, fonts)
        took += time.perf_counter() - t
        over = {r.id: r.lines_over for r in p.stories if r.lines_over}
        if not over or attempt == MAX_REPLANS:
            for sid, lines in said.items():
                notes.setdefault(sid, []).extend(lines)
            return _Page(plan, stories, lay, p, frozenset(head_holes(plan.tree, list(plan.stories)))), left, took
        for s in plan.stories:
            if s.id in over:
                measurer.pad(s, over[s.id])
    raise AssertionError("unreachable")


def _plan_or_simplify(rest: tuple[Story, ...], base: PageLayout, measurer: Measurer, lead: bool,
                      notes: dict[str, list[str]]) -> tuple[PagePlan, tuple[Story, ...]]:
    """The next page's plan; when the story opening it fits no shape of the page
    (not even in part), that story is set in a plainer form (``plainer``) and the
    page searched again, the change noted for the report (issue 13, class 8: one
    odd item never stops the other stories).  ``LayoutError`` only when even the
    plainest form fits nowhere."""
    while True:
        try:
            plan = plan_page(rest, base.geometry(), measurer, lead=lead)
            return plan, plan.rest
        except LayoutError:
            simpler = plainer(rest[0])
            if simpler is None:
                raise
            story, note = simpler
            notes.setdefault(story.id, []).append(f"fits no shape of this page; {note}")
            measurer.shapes(story)
            rest = (story, *rest[1:])


def _repeated(header: Header | None, k: int) -> Header | None:
    """Page one's header on the ``k``-th page after it (page number counted on)."""
    if header is None:
        return None
    return replace(header, page=header.page + k if header.page is not None else None)


__all__ = ["AutoLayout", "Costs", "Metrics", "PageMetrics", "auto_layout", "rank_stories"]
