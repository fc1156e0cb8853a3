"""Short copy: the levers a desk pulls when the copy runs short of a page (issue 13,
"Every page full ... fit by story shapes, headline sizes, photo sizes, and
copyfit; what cannot be filled is reported with where and how much").

Why after copyfit: the body's leading and size are the first lever (``copyfit``:
up to 五号 at leading 2.0); when the page still ends above its foot, an editor
takes, in this order:
1. the pictures: a picture beside its text runs deeper than the text, down to the
   story's foot (``Costs.photo_grow``; page-layout.md rule 8: one dominant photo);
2. the headline group (kicker, headlines, subtitle) one 号 size larger, every
   headline band a row deeper (sizes keep their order by rank: the lead's stays
   the largest, none grows down the page, rule 4);
3. the headline bands another row deeper;
4. the headline group two sizes larger;
5. three sizes larger, a third row in every band (measured on the hand-written
   fixtures of tests/archive/data: forms-briefs then fills its page clean, guoji
   and keji-weekly end 2 lines nearer the foot; a fourth row opens holes beside
   the headlines);
6. then the same again with the white spread: the stories take their slack
   (columns ending up to 2 lines early, rule 2) rather than leave the foot empty.
   Last, because short columns beside a gutter are where white joins into a hole
   the page checker sees (a column of two lines, its indent read as its measure).
More room than that opens holes above and beside a headline (``headgap`` prices
them: such a shape is a last resort).
Never invented copy or furniture: a page no lever fills keeps its underfill in
the report, per story, with where and how much (``fill.FootHole``).  Every
lever's layout may leave the foot white column by column (``footwhite``) rather
than stretch a story across columns it cannot fill (a text column of a line or
two under a wide headline: ``shapes.MIN_BODY_ROWS``); a hole inside the page
scores worse than white at its foot (``_key``).  Each lever is
one more automatic layout of the same stories, scored as copyfit scores them (the
page checker's judgement: no hole first); the first in the order above that fills
the page is taken, else the best of them when it beats the page without levers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from layout.autolayout.layout import AutoLayout, auto_layout
from layout.autolayout.shapes import MAX_COLUMN_WHITE, Costs
from layout.autolayout.template import BodyFit, load_template, loosened, raised_heads
from layout.model.types import Header, PageLayout, Story


@dataclass(frozen=True)
class Lever:
    """One step of the order: pictures grown (always), the headline group ``steps``
    号 sizes larger with ``room`` rows more in each headline band, and with
    ``spread`` the white spread over the stories (their slack) before the foot."""

    steps: int
    room: int
    spread: bool = False

    def describe(self, photos: bool = True) -> str:
        parts = ["pictures down to their story's foot"] if photos else []
        if self.steps:
            parts.append(f"headline group {self.steps} size{'s' if self.steps > 1 else ''} larger")
        if self.room:
            parts.append(f"{self.room} row{'s' if self.room > 1 else ''} more in every headline band")
        if self.spread:
            parts.append("white spread over the stories")
        return ", ".join(parts) or "none"

    def costs(self) -> Costs:
        """The search's weights: pictures may grow; with ``spread`` the empty foot
        costs as much as on a page that continues, so the stories take their slack."""
        plain = Costs()
        return Costs(photo_grow=MAX_COLUMN_WHITE, foot_white=True,
                     last_page_white=plain.bottom_white if self.spread else plain.last_page_white)


_HEADS = ((0, 0), (1, 1), (1, 2), (2, 2), (3, 3))
ORDER = tuple(Lever(steps, room, spread) for spread in (False, True) for steps, room in _HEADS)
MAX_PAGES = 1  # levers fill a short page, not the last page of a long archive (copyfit's job)


@dataclass(frozen=True)
class Levered:
    """A layout with levers pulled: the template, the body fit carrying the raised
    headline styles, the layout and which lever made it."""

    template: PageLayout
    fit: BodyFit | None
    layout: AutoLayout
    lever: Lever


def needs_levers(auto: AutoLayout) -> bool:
    """A layout of at most ``MAX_PAGES`` pages whose page ends above its foot
    (``fill.foot_holes``), with no line over: the copy is short of the page."""
    pages = auto.metrics.pages
    return (0 < len(pages) <= MAX_PAGES and any(p.foot for p in pages)
            and not auto.metrics.total("overflow_lines"))


def pull(stories: Sequence[Story], header: Header | None, name: str, fit: BodyFit | None, base: AutoLayout,
         score: Callable[[AutoLayout], tuple], accept: Callable[[AutoLayout], bool] | None = None
         ) -> Levered | None:
    """The layout the levers give for template ``name`` with body ``fit`` (the one
    copyfit chose, ``base`` its layout), or None when no lever beats ``base`` by
    ``score`` (lower is better) or ``accept`` refuses them all."""
    template = load_template(name) if fit is None else loosened(name, fit)
    body = template.grid.body
    leading = fit.leading if fit is not None else body.leading / body.size
    size = fit.size if fit is not None else None
    best: tuple[tuple, int, Levered] | None = None
    photos = any(s.photos for s in stories)
    for i, lever in enumerate(ORDER):
        styles = raised_heads(template, lever.steps, lever.room)
        if (lever.steps or lever.room) and not styles:
            continue
        if not (styles or photos or lever.spread):
            continue  # nothing to grow: the layout copyfit chose
        lever_fit = BodyFit(size, leading, styles) if styles or fit is not None else None
        tpl = template if lever_fit is None or lever_fit == fit else loosened(name, lever_fit)
        auto = auto_layout(stories, tpl, tpl.fonts.fontset(), header=header, costs=lever.costs())
        if accept is not None and not accept(auto):
            continue
        got = Levered(tpl, lever_fit, _said(auto, lever), lever)
        key = _key(auto, score)
        if best is None or key < best[0]:
            best = (key, i, got)
        if not any(key[:3]) and len(auto.pages) <= len(base.pages):
            break  # the first lever in the order that fills the page
    if best is None or not best[0] < _key(base, score):
        return None
    return best[2]


def _key(auto: AutoLayout, score: Callable[[AutoLayout], tuple]) -> tuple:
    """``score`` with a hole inside a page (between stories, beside a headline, a
    scrap of a text column, under the head) worse than white at the foot: on a page the copy
    cannot fill, the foot's underfill is reported; a hole inside is a fault."""
    s = score(auto)
    return (s[0], auto.metrics.total("holes") + auto.metrics.total("band_holes") > 0, *s[1:])


def _said(auto: AutoLayout, lever: Lever) -> AutoLayout:
    """The layout with the lever recorded in its metrics (``Metrics.extra``: the
    report says it, ``short_copy``)."""
    extra = {**auto.metrics.extra, "lever": float(ORDER.index(lever))}
    return replace(auto, metrics=replace(auto.metrics, extra=extra))


def short_copy(auto: AutoLayout) -> str | None:
    """What the levers did to ``auto``, for the report; None when none was pulled."""
    index = auto.metrics.extra.get("lever")
    if index is None:
        return None
    photos = any(s.photos for page in auto.pages for s in page)
    return "short copy: " + ORDER[int(index)].describe(photos)
