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
        measurer.shapes(s)  # the rest are measured as they come within reach of a page
    t1 = time.perf_counter()
    plans = []
    notes: dict[str, list[str]] = {}
    rest: tuple[Story, ...] = tuple(ranked)
    while rest:
        if len(plans) >= MAX_PAGES:
            raise RuntimeError(f"more than {MAX_PAGES} pages")
        base = first_header if not plans else page_layout(template, (), _repeated(first_header.header, len(plans)))
        plan, rest = _plan_or_simplify(rest, base, measurer, not plans, notes)
        plans.append((base, plan))
        measurer.forget(plan.stories)
    t2 = time.perf_counter()
    pages, layouts, placed, measured = [], [], [], []
    for base, plan in plans:
        page_stories = realise(plan.tree, list(plan.stories))
        holes = frozenset(head_holes(plan.tree, list(plan.stories)))
        lay = replace(base, stories=page_stories)
        p = place_page(lay, fonts)
        # the paper's lead: the first story of page one (rule 4 is about it alone)
        lead = page_stories[0] if not pages and page_stories and not is_continuation(page_stories[0]) else None
        pages.append(page_stories)
        layouts.append(lay)
        placed.append(p)
        m = page_metrics(lay, p, lead, holes)
        said = tuple(f"{s.id}: {note}" for s in page_stories for note in notes.pop(s.id, ()))
        measured.append(replace(m, problems=m.problems + said) if said else m)
    t3 = time.perf_counter()
    cont = continuations(pages)
    metrics = Metrics(tuple(measured), len(cont), t1 - t0, t2 - t1, t3 - t2)
    return AutoLayout(tuple(pages), tuple(layouts), tuple(placed), cont, metrics)


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
