"""Copyfit: fit a story's text to its area within the house tolerances (issue 15;
page-layout.md "How page-automation systems do it": the story is copy-fitted
within a tolerance of a few lines, and if it misses by more, that is reported).

The levers, least visible first (``PageLayout.copyfit`` sets how far each goes):
- headline air: up to ``air`` empty grid lines added to the headline band, or one
  line taken out of the band's own air while the type stays clear of its edges;
- body tracking (字距): from ``-tighten`` to ``+loosen`` em, in steps of
  ``TRACKING_STEP``; the body stays on the baseline grid whatever the tracking,
  since only the characters per line change, never the leading;
- photo size: the story's largest photo taller or shorter by whole grid lines,
  up to ``photo`` percent of its height (the pictures below it move with it);
- headline step: ``steps`` steps smaller (to gain room) or larger (to fill it).

Fitted means: nothing overflows, and no text column ends ``UNDERFILL_LINES`` or
more lines early.  Configurations are tried from the smallest change up (photo
before headline step, tracking the least that does it) and the first that fits
is taken, so the result is deterministic.  What changed is reported (a ``fit``
note); a story that cannot be fitted is reported with the lines and characters
over or short, placed at the closest configuration found.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import NamedTuple

from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.types import PageLayout, Photo, Span, Story
from layout.place.items import Item, Problem, ProblemKind, StoryResult
from layout.place.story import place_story
from layout.place.underfill import UNDERFILL_LINES

BAND_CLEAR = 0.1  # of the headline size: the least air kept above and below it in its band
TRACKING_STEP = 0.0025  # em of the body size: 0.03 pt a character at 小五, ~0.3 pt a line
_HEADLINE_STEP = re.compile(r"^headline(?:-(\d+))?$")


class Config(NamedTuple):
    """One way to set the story: tracking (em), photo height change (rows), headline
    step change, grid rows taken out of the headline band's own air."""

    tracking: float = 0.0
    photo: int = 0
    step: int = 0
    band: int = 0


class Outcome(NamedTuple):
    """A configuration placed: lines over (> 0) or short (< 0; the worst column's
    empty lines beyond the allowance), with everything ``place_story`` returned."""

    config: Config
    items: list[Item]
    result: StoryResult
    problems: list[Problem]

    @property
    def over(self) -> int:
        return self.result.lines_over

    @property
    def empty(self) -> int:
        """Empty lines at the bottom of the worst text column."""
        if not self.result.body_lines or self.over:
            return 0
        return max((r - u for r, u in zip(self.result.room, self.result.columns_used, strict=True)), default=0)

    @property
    def fits(self) -> bool:
        return self.over == 0 and self.empty < UNDERFILL_LINES


class Fitted(NamedTuple):
    items: list[Item]
    result: StoryResult
    problems: list[Problem]


def headline_steps(layout: PageLayout) -> list[str]:
    """The page's headline styles, largest step first (headline, headline-2, …)."""
    found = []
    for name in layout.styles:
        m = _HEADLINE_STEP.match(name)
        if m:
            found.append((int(m.group(1) or 1), name))
    return [name for _n, name in sorted(found)]


class Fitter:
    """Tries configurations of one story on one page."""

    def __init__(self, story: Story, layout: PageLayout, geo: Geometry, fonts: FontSet):
        self.story, self.layout, self.geo, self.fonts = story, layout, geo, fonts
        self.tol = layout.copyfit
        self.steps = headline_steps(layout)
        self.memo: dict[Config, Outcome] = {}

    def place(self, c: Config) -> Outcome:
        if c not in self.memo:
            story, layout = self.story, self.layout
            if c.tracking:
                body = layout.styles["body"]
                layout = replace(layout, styles={**layout.styles, "body": replace(body, tracking=body.tracking
                                                                                   + c.tracking)})
            if c.photo:
                story = replace(story, photos=_resize_photos(story.photos, c.photo))
            if c.step:
                story = replace(story, headline_style=self.steps[self.steps.index(story.headline_style) + c.step])
            if c.band:
                head = layout.styles[story.headline_style]
                layout = replace(layout, styles={**layout.styles,
                                                 story.headline_style: replace(head, rows=head.rows - c.band)})
            items, result, problems = place_story(story, layout, self.geo, self.fonts, air_limit=self.tol.air)
            self.memo[c] = Outcome(c, items, result, problems)
        return self.memo[c]

    def shapes(self, direction: int) -> list[Config]:
        """Photo and headline changes that move the room in ``direction`` (+1: more
        room for text, -1: less), smallest first: none, photo lines, then a step."""
        out = [Config()]
        photo = _largest_photo(self.story.photos)
        most = math.floor(photo.rows.count * self.tol.photo / 100) if photo is not None else 0
        band = 1 if direction > 0 and self._band_can_shrink() else 0
        out += [Config(band=band)] if band else []
        out += [Config(photo=-direction * d, band=b) for b in sorted({0, band}) for d in range(1, most + 1)]
        if self.story.headline and self.story.headline_style in self.steps:
            i = self.steps.index(self.story.headline_style)
            for s in range(1, self.tol.steps + 1):
                j = i + s * direction  # a later step is smaller: more room
                if 0 <= j < len(self.steps):
                    out.append(Config(step=j - i))
                    out += [Config(photo=-direction * d, step=j - i) for d in range(1, most + 1)]
        return out

    def _band_can_shrink(self) -> bool:
        """Can the headline band give up a grid row of its own air (its type still
        clear of the band's edges by a tenth of its size each side)?"""
        s = self.story
        style = self.layout.styles.get(s.headline_style)
        if not s.headline or style is None or not style.rows or s.direction == "vertical":
            return False
        return (style.rows - 1) * self.geo.leading >= style.size * (1 + 2 * BAND_CLEAR) - 1e-6

    def tracking(self, base: Config) -> Outcome:
        """``base`` with the least tracking change that fits it: tighter while text
        is over, looser while columns end early; else the closest tried."""
        out = self.place(base)
        if out.fits:
            return out
        direction = 1 if out.over else -1  # +1: tighten to gain room
        limit = self.tol.tighten if direction > 0 else self.tol.loosen

        def at(k: int) -> Outcome:
            return self.place(Config(round(-direction * k * TRACKING_STEP, 6), base.photo, base.step, base.band))

        def done(o: Outcome) -> bool:  # false, then true, as k grows: lines come in whole steps
            return o.over == 0 if direction > 0 else (o.over > 0 or o.empty < UNDERFILL_LINES)

        lo, hi = 1, int(limit / TRACKING_STEP + 1e-9)
        if hi < 1 or not done(at(hi)):
            return min((out, at(hi)) if hi >= 1 else (out,), key=lambda o: (o.over, o.empty))
        while lo < hi:  # the least tracking change that gets there (bisection)
            mid = (lo + hi) // 2
            if done(at(mid)):
                hi = mid
            else:
                lo = mid + 1
        return min((at(lo), out), key=lambda o: (not o.fits, o.over, o.empty))

    def fit(self) -> tuple[Outcome, bool]:
        first = self.place(Config())
        if first.fits or not first.result.body_lines:
            return first, True
        direction = 1 if first.over else -1
        best = first
        for shape in self.shapes(direction):
            out = self.tracking(shape)
            if out.fits:
                return out, True
            if _closer(out, best):
                best = out
        return best, False


def _closer(a: Outcome, b: Outcome) -> bool:
    """Is ``a`` nearer a fit than ``b``: less over, then fewer empty lines."""
    return (a.over, a.empty) < (b.over, b.empty)


def _largest_photo(photos: tuple[Photo, ...]) -> Photo | None:
    return max(photos, key=lambda p: p.rows.count, default=None)


def _resize_photos(photos: tuple[Photo, ...], delta: int) -> tuple[Photo, ...]:
    """The largest photo ``delta`` rows taller (shorter if negative); pictures below
    it move with its bottom edge."""
    big = _largest_photo(photos)
    assert big is not None
    out = []
    for p in photos:
        if p is big:
            p = replace(p, rows=Span(p.rows.first, p.rows.last + delta))
        elif p.rows.first > big.rows.last:
            p = replace(p, rows=Span(p.rows.first + delta, p.rows.last + delta))
        out.append(p)
    return tuple(out)


def fit_story(story: Story, layout: PageLayout, geo: Geometry, fonts: FontSet) -> Fitted:
    """Place ``story`` fitted to its area (module doc), with a ``fit`` report."""
    out, ok = Fitter(story, layout, geo, fonts).fit()
    problems = list(out.problems)
    change = describe(out.config, story, headline_steps(layout), out.result)
    if ok and change:
        problems.append(Problem(ProblemKind.FIT, story.id, f"story {story.id!r}: copyfit: {change}"))
    elif not ok:
        problems.append(Problem(ProblemKind.FIT, story.id, f"story {story.id!r}: copyfit: cannot fit within the house "
                                f"tolerances (copyfit: in the layout): {shortfall(out, geo)}"
                                + (f"; closest: {change}" if change else "")))
    return Fitted(out.items, out.result, problems)


def describe(c: Config, story: Story, steps: list[str], result: StoryResult) -> str:
    """What a configuration changed, in words (empty: nothing)."""
    parts = []
    if c.tracking:
        parts.append(f"tracking {c.tracking:+.4g} em")
    if c.photo:
        parts.append(f"photo {c.photo:+d} line{'s' if abs(c.photo) > 1 else ''}")
    if c.step:
        i = steps.index(story.headline_style)
        parts.append(f"headline {story.headline_style} -> {steps[i + c.step]}")
    if c.band:
        parts.append(f"headline band -{c.band} line")
    return ", ".join(parts)


def shortfall(out: Outcome, geo: Geometry) -> str:
    """The amount a story misses by: lines and characters over, or lines short."""
    r = out.result
    if r.lines_over:
        return f"{r.lines_over} lines ({r.chars_over} characters) over"
    per_line = _chars_per_line(r, geo)
    short = sum(max(0, room - used) for room, used in zip(r.room, r.columns_used, strict=True))
    return f"{short} lines (about {short * per_line} characters) short, the worst column {out.empty} lines"


def _chars_per_line(r: StoryResult, geo: Geometry) -> int:
    k = max(len(r.room), 1)
    gaps = (k - 1) * geo.gutter
    return max(1, math.floor((r.frame.width - gaps) / k / geo.em))
