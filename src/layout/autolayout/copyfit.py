"""Copyfit for the automatic layout: the body's leading (and size) chosen so that
the text fills its pages down to the foot (issue 13, "Every page full: fit by
story shapes, headline sizes, photo sizes, and copyfit").

Why the leading: a body line holds the same characters whatever the leading, so
the text keeps its lines while the rows a page offers change with the leading.
The volume of a layout in pages (the pages before the last, plus the last page's
share filled) gives the leading at which the same text fills a whole number of
pages: the text that fills 1.3 pages at leading L fills one at 1.3 L or two at
L / 1.3 · 2 -- within ``FIT_LEADING``, and in the template's size or 五号
(``FIT_SIZES``; type never shrinks).  A leading is set by whole lines: the type area
holds a whole number of them, nothing of a line left under the grid's last row
(``whole_lines``).  Headline rows and the search's choices move
with the leading, so a round or two corrects the estimate.  Every layout tried is
scored the way the page checker judges the page (``score``: a hole anywhere,
the last page's foot included, before the number of pages); the best is kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from layout.autolayout.layout import AutoLayout, auto_layout
from layout.autolayout.levers import needs_levers, pull
from layout.autolayout.template import FIT_LEADING, BodyFit, body_sizes, load_template, loosened
from layout.model.types import Header, PageLayout, Story

ROUNDS = 4  # layouts tried per target page count (the first from the estimate, then corrections) ...
BRACKET_ROUNDS = 8  # ... and at most this many while one leading tried fits the pages and another runs over
LEADING_DIGITS = 3  # a leading factor is set to this many decimals
RESOLUTION = 0.01  # leading factor: a bracket narrower than this is not split again (a third of a row on 50 rows)
ESTIMATE_MARGIN = 0.15  # the volume at another body size is an estimate: tried when this near the range
MAX_FIT_RUNS = 8  # copyfit layouts tried beyond each template's own (a bound on the time, not on the result's kind)
MAX_FIT_PAGES = 4  # longer archives keep the template's body: their last page alone is short
FULL_PCT = 97.0  # a last page this full has no hole at its foot to fill
# a clean layout is traded for one on fewer pages only by levers raising the headlines at
# most this many sizes: two sizes up open blanks beside headline groups the hole model
# does not see (fresh set raw-113: the strip under a vertical label beside a two-line
# subtitle, a hole to pdfcheck; the levers' own note: beyond 2 rows / 2 sizes)
TRADE_STEPS = 1


@dataclass(frozen=True)
class Candidate:
    """One way to set the archive: template ``name`` with its body as ``fit`` says
    (None: the template's own) and the automatic layout it gives."""

    name: str
    template: PageLayout
    fit: BodyFit | None
    layout: AutoLayout


HOLE_PCT = 5.0  # a hole between stories or beside a headline weighs as this share of a page left empty


def score(auto: AutoLayout) -> tuple[bool, bool, int, float]:
    """How good a layout is, lower is better: no line over (a line over is text
    lost), then no hole anywhere (between stories, beside headline groups, at every
    page's foot, the last page's too: the checker measures down to the foot; under
    the page's head beside a continued part's 接题), then
    the fewest pages, then the least white: the empty share of the pages, each hole
    inside a page weighing ``HOLE_PCT``."""
    m = auto.metrics
    holes = m.total("holes") + m.total("band_holes")
    defects = holes + m.total("foot_holes")
    empty = sum(100.0 - p.fill_pct for p in m.pages) + HOLE_PCT * holes
    return m.total("overflow_lines") > 0, defects > 0, len(m.pages), empty


def volume(auto: AutoLayout) -> float:
    """The text's extent in pages: each page's share of the type area -- a whole
    page, or the last one's story areas' share, or less when the ink stops above
    the foot (an area's slack rows hold no text: the deepest blank at the foot, in
    rows, is what the leading has to make up).  A page before the last whose foot
    is empty counts short too: the text did not fill it (issue 13, "every page but
    the last full": rich-seed-long-000 read 2.000 with page 1 82 % full, and the
    search stopped there as if both pages were full)."""
    pages = auto.metrics.pages
    if not pages:
        return 0.0
    out = 0.0
    for k, (page, lay) in enumerate(zip(pages, auto.layouts, strict=True)):
        share = page.fill_pct / 100.0 if k == len(pages) - 1 else 1.0
        rows = lay.geometry().rows
        if page.foot and rows:
            share = min(page.fill_pct / 100.0, 1.0 - max(h.lines for h in page.foot) / rows)
        out += share
    return out


@dataclass(frozen=True, order=True)
class _Plan:
    """A whole number of pages to fill with template ``name`` in body ``size``
    (None: the template's), from the text's estimated ``volume`` there."""

    pages: int
    change: float  # how far the leading moves from the template's (|ln|): the smallest change first ...
    rank: int  # ... then the template's place in the names, the template's own size first
    name: str = field(compare=False)
    size: float | None = field(compare=False)
    volume: float = field(compare=False)
    factor: float = field(compare=False)
    depth: float = field(compare=False, default=0.0)  # the type area's depth, pt (``whole_lines``)
    body: float = field(compare=False, default=0.0)  # the body size the plan sets, pt


def fitted(stories: Sequence[Story], header: Header | None, names: Sequence[str], *,
           one_page: bool = False, accept: Callable[[AutoLayout], bool] | None = None) -> Candidate | None:
    """The best layout of ``stories`` over the templates ``names`` and the bodies
    copyfit may use (see the module doc).  ``one_page``: only layouts on a single
    page count (None when there is none); ``accept``: only layouts it accepts.

    Cost: each template is laid out once at its own body; the copyfit plans are
    then tried by the number of pages they aim at, fewest first, and the search
    stops once a layout without a hole is found on no more pages than the plans
    left aim at (the score could not prefer any of them), or after
    ``MAX_FIT_RUNS`` layouts (counted, never timed: the same input gives the same
    pages on any machine)."""
    runs: dict[tuple[str, BodyFit | None], Candidate] = {}

    def run(name: str, fit: BodyFit | None) -> Candidate:
        if (name, fit) not in runs:
            tpl = load_template(name) if fit is None else loosened(name, fit)
            runs[(name, fit)] = Candidate(name, tpl, fit, auto_layout(stories, tpl, tpl.fonts.fontset(), header=header))
        return runs[(name, fit)]

    plans: list[_Plan] = []
    for i, name in enumerate(names):
        base = run(name, None)
        if len(base.layout.pages) > MAX_FIT_PAGES:
            continue
        body = base.template.grid.body
        factor = body.leading / body.size
        depth = base.template.geometry().type_area.height
        v = volume(base.layout)
        for j, size in enumerate(body_sizes(base.template)):
            # a larger body takes more room by the square of the sizes (lines, and characters per line)
            est = v if size is None else v * (size / body.size) ** 2
            plans += [_Plan(t, round(abs(math.log(t / est)), 6), 2 * i + j, name, size, est, factor,
                            depth, size or body.size)
                      for t in _targets(est, factor, one_page, ESTIMATE_MARGIN)]
    budget = len(runs) + MAX_FIT_RUNS
    for plan in sorted(plans):
        best = _best(runs.values(), names, one_page, accept)
        if best is not None and not any(score(best.layout)[:2]) and len(best.layout.pages) <= plan.pages:
            break
        if len(runs) >= budget:
            break
        _fit_pages(plan, run)
    best = _best(runs.values(), names, one_page, accept)
    if best is not None and needs_levers(best.layout):  # copy short of the page at the loosest body
        got = pull(stories, header, best.name, best.fit, best.layout, score, accept)
        if got is not None:
            best = Candidate(best.name, got.template, got.fit, got.layout)
    elif best is not None and (fewer := _fewer_pages(runs.values(), best, names, one_page, accept)) is not None:
        # a page only short at its foot, where the best took more pages: the levers may fill it
        got = pull(stories, header, fewer.name, fewer.fit, fewer.layout, score, accept)
        if got is not None and got.lever.steps <= TRADE_STEPS and score(got.layout) < score(best.layout):
            best = Candidate(fewer.name, got.template, got.fit, got.layout)
    return best


def _fewer_pages(candidates: Iterable[Candidate], best: Candidate, names: Sequence[str], one_page: bool,
                 accept: Callable[[AutoLayout], bool] | None) -> Candidate | None:
    """The best layout on fewer pages than ``best`` whose only fault is a foot left
    short (``needs_levers``; no hole between stories): "no holes first, then the
    fewest pages" -- the levers, tried on ``best`` alone, never saw it."""
    n = len(best.layout.pages)
    shorter = [c for c in candidates if len(c.layout.pages) < n and needs_levers(c.layout)
               and not c.layout.metrics.total("holes") and not c.layout.metrics.total("band_holes")]
    return _best(shorter, names, one_page, accept)


def _best(candidates, names: Sequence[str], one_page: bool,
          accept: Callable[[AutoLayout], bool] | None = None) -> Candidate | None:
    ok = [c for c in candidates
          if (not one_page or len(c.layout.pages) == 1) and (accept is None or accept(c.layout))]
    return min(ok, key=lambda c: (score(c.layout), _order(c, names))) if ok else None


def _fit_pages(plan: _Plan, run: Callable[[str, BodyFit | None], Candidate]) -> None:
    """Leadings that make the text fill ``plan.pages`` pages (``leading_search``),
    each tried as a real layout of the plan's template and body size."""
    target = plan.pages

    def trial(f: float) -> Trial:
        c = run(plan.name, BodyFit(plan.size, f))
        pages = c.layout.metrics.pages
        full = len(pages) == target and pages[-1].fill_pct >= FULL_PCT and not any(score(c.layout)[:2])
        return Trial(len(pages), volume(c.layout), full)

    leading_search(target, plan.factor * target / plan.volume, trial, snap=whole_lines(plan.depth, plan.body))


def whole_lines(depth: float, size: float,
                bounds: tuple[float, float] = FIT_LEADING) -> Callable[[float], tuple[float, ...]]:
    """The leading factors a copyfit may set for ``f``: the loosest one (to
    ``LEADING_DIGITS``) at which a type area ``depth`` pt deep holds as many whole
    lines of a ``size`` pt body as at ``f``, then the loosest with a line more;
    those within ``bounds`` (``leading_search`` takes the first inside its bracket).

    Why: the grid runs from the type area's head, so at any other leading the
    remainder of a line is left under its last row -- white the checker measures
    as part of the page's foot (``fill.page_foot``).  A column the search lets
    end two lines early (``shapes.MAX_COLUMN_WHITE``) then reads as a 3-line hole
    at the page's foot (rich set: seed-long-023 p1 at 1.707, 0.87 line under the
    grid; raw-long-012 at 1.53, 0.96 line).  A desk copyfits by whole lines to the
    column's depth (typography.md §5: lines per column); on the same lines the
    layout is the same, its leading a hair looser."""
    scale = 10 ** LEADING_DIGITS

    def loosest(lines: int) -> float:
        return math.floor(depth / (lines * size) * scale + 1e-6) / scale

    def snap(f: float) -> tuple[float, ...]:
        lines = math.floor(depth / (f * size) + 1e-9) if depth > 0 and size > 0 else 0
        if lines < 1:
            return (f,)
        return tuple(g for g in (loosest(lines), loosest(lines + 1)) if bounds[0] - 1e-9 <= g <= bounds[1] + 1e-9)

    return snap


@dataclass(frozen=True)
class Trial:
    """What a layout at one leading came out as: its ``pages``, its ``volume``
    (``volume``) and whether it is the fit sought (``full``: the pages aimed at,
    the last one full, no hole)."""

    pages: int
    volume: float
    full: bool


def leading_search(target: int, estimate: float, trial: Callable[[float], Trial],
                   bounds: tuple[float, float] = FIT_LEADING,
                   snap: Callable[[float], tuple[float, ...]] | None = None) -> list[float]:
    """The leading factors tried, in order, to make text fill ``target`` pages:
    first ``estimate``, then each next one from the volumes the layouts came out
    at, until a ``trial`` is ``full``, ``ROUNDS`` layouts have been tried (up to
    ``BRACKET_ROUNDS`` while a bracket of real layouts is open), or that bracket
    is narrower than ``RESOLUTION``.

    Why a bracket: the volume of a real layout is not proportional to its leading
    -- it jumps where a story moves to another page or the search picks other
    shapes, so the estimates from the last layouts can overshoot again and again
    (long-110 of the benchmark: 1.631 one page with a 2.9-line foot, 1.738 two
    pages, full pages from 1.70 to 1.73 never tried).  Every layout on the pages
    aimed at or fewer raises the bracket's floor, every layout on more lowers its
    ceiling.  Once both ends are real layouts, an estimate is taken only inside
    the bracket's middle half, else its middle (bisection: the bracket at least
    halves every second round), and the search goes on past ``ROUNDS``: a page
    that fits on one side and runs over on the other has a leading between that
    fills it, or the bracket closes on the jump.  Without such a bracket (text
    short of the pages everywhere tried) the search keeps to ``ROUNDS``: its
    steps towards the range's top find a full page where the search's choices
    change (the volume is not monotone), but more of them only spend the layouts
    other plans need.  A layout on the pages aimed at and full to the foot ends
    the search, holes inside it or not (no leading fills it better; a nearby one
    repeats the hole).  Counted, never timed: the same input tries the same
    leadings on any machine."""
    lo, hi = bounds  # below lo too little text for the pages, above hi too much
    real_lo = real_hi = False  # whether lo / hi are layouts tried (else the range's bounds)
    seen: list[tuple[float, float]] = []  # (leading factor, volume) of the layouts tried
    asked: list[float] = []  # the leadings estimated (each tried as ``snap`` offers it)
    f = estimate
    while len(seen) < (BRACKET_ROUNDS if real_lo and real_hi else ROUNDS):
        # a layout over several pages overstates the text (a continuation repeats a head,
        # a page ends a few rows early): an estimate just out of range is tried at its bound
        f = round(min(max(f, lo), hi), LEADING_DIGITS)
        if f in asked:
            break  # the same estimate again (an estimate out of range, at its bound once more)
        asked.append(f)
        if snap is not None:
            offers = snap(f)
            inside = [g for g in offers if (not real_lo or g > lo) and (not real_hi or g < hi)
                      and all(g != h for h, _v in seen)]
            if offers and not inside:
                break  # no whole-line leading left inside the bracket
            f = inside[0] if inside else f
        if any(f == g for g, _v in seen):
            break
        t = trial(f)
        nxt = _estimate(f, t.volume, target, seen)
        seen.append((f, t.volume))
        if t.full or (t.pages == target and t.volume >= target - (1 - FULL_PCT / 100)):
            break
        if t.pages > target:  # too loose: the text ran onto another page
            hi, real_hi = f, True
        else:
            lo, real_lo = f, True
        if real_lo and real_hi:
            if hi - lo < RESOLUTION:
                break
            quarter = (hi - lo) / 4
            f = nxt if lo + quarter <= nxt <= hi - quarter else (lo + hi) / 2
        else:
            f = nxt if lo < nxt < hi else (lo + hi) / 2
    return [g for g, _v in seen]


def _estimate(f: float, v: float, target: int, seen: list[tuple[float, float]]) -> float:
    """The leading at which text of volume ``v`` at ``f`` fills ``target`` pages:
    in proportion, or on the line through the last two layouts when the volume
    grew with the leading (the search's choices move with the leading, so the
    volume grows more slowly than the leading: the line predicts better)."""
    if seen and v > seen[-1][1] + 1e-6 and f > seen[-1][0]:
        f0, v0 = seen[-1]
        return f + (target - v) * (f - f0) / (v - v0)
    return f * target / v if v > 0 else f


def _targets(v: float, factor: float, one_page: bool, margin: float = 0.0) -> list[int]:
    """The whole numbers of pages text of volume ``v`` (at leading ``factor``)
    can fill with a leading in ``FIT_LEADING`` (widened by ``margin``)."""
    if v <= 0:
        return []
    targets = [1] if one_page else sorted({max(1, math.floor(v)), max(1, math.ceil(v))})
    # text short of one page is tried at the loosest body even when the estimate says it
    # cannot fill it: the estimate scales everything, but headlines and boxes do not grow
    return [t for t in targets if FIT_LEADING[0] - margin <= factor * t / v <= FIT_LEADING[1] + margin
            or (t == 1 and v < 1)]


def _order(c: Candidate, names: Sequence[str]) -> tuple[int, int, float, float]:
    """Ties go to the template named first, then to the body closest to the template's."""
    if c.fit is None:
        return list(names).index(c.name), 0, 0.0, 0.0
    return list(names).index(c.name), 1, c.fit.size or 0.0, c.fit.leading
