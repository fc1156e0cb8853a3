"""What an automatic page is worth, measured on the placed page (page-layout.md,
"Metrics to report for an automatic page"), and the invariants every page must
keep: no overlap, no overflow, no column bottom more than 2 lines early, the grid
filled.

Measured on ``PlacedPage`` items (where the lines, pictures and rules really
are), not on the search's model, so a mismatch between the two shows up here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from layout.autolayout.content import is_continuation
from layout.autolayout.fill import FootHole, foot_holes
from layout.autolayout.headband import TopHole, top_holes
from layout.autolayout.shapes import MAX_COLUMN_WHITE, MAX_DEPTH_PT, MIN_BODY_ROWS, MIN_DEPTH
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.jumps import JumpKind
from layout.model.types import PageLayout, Story
from layout.place.items import ImageItem, PlacedPage, TextItem

HOLE_LINES = MAX_COLUMN_WHITE + 1  # an empty column bottom this deep is a hole (pdfcheck: 3 lines)
_BODY_KINDS = ("body", "credit", "caption", JumpKind.DOWN)  # a jump line closes its part (model.jumps)


@dataclass(frozen=True)
class PageMetrics:
    """One page.  ``fill_pct``: grid cells inside story areas / all grid cells.
    ``holes``: text columns ending ``HOLE_LINES`` or more lines early, plus grid
    cells no story covers above the last story (``hole_cells``: their area in
    lines x text columns).  ``unfilled_rows``: empty rows under the last stories (a
    last page that the text does not fill)."""

    stories: int
    fill_pct: float
    holes: int
    hole_cells: int
    unfilled_rows: int
    overflow_lines: int
    overlaps: int
    tombstones: int
    order_violations: int
    rank_violations: int
    depth_violations: int
    white_lines: int  # empty lines at column bottoms (each <= 2)
    crop: float  # mean |ln(aspect / 3:2 or 4:3)| of the photo frames
    problems: tuple[str, ...] = ()
    foot: tuple[FootHole, ...] = ()  # empty space under the stories down to the page foot (``fill``)
    band: tuple[TopHole, ...] = ()  # holes under the page's head beside a continued part's 接题 (``headband``)

    @property
    def foot_holes(self) -> int:
        return len(self.foot)

    @property
    def band_holes(self) -> int:
        return len(self.band)

    @property
    def notes(self) -> tuple[str, ...]:
        """Advisory notes (said, never failed, as the render's underfill): the empty
        foot, per story, and the white under the page's head."""
        return tuple(h.message() for h in self.foot) + tuple(h.message() for h in self.band)

    @property
    def clean(self) -> bool:
        """No hole (between stories, at the foot: the page checker measures down to
        the page's foot, issue 13 class 5; under the head), no overflow, overlap or
        order fault."""
        return not (self.holes or self.foot or self.band or self.overflow_lines or self.overlaps
                    or self.order_violations)


@dataclass(frozen=True)
class Metrics:
    """All pages, with totals and the run time (seconds: measuring the stories,
    searching, placing for real)."""

    pages: tuple[PageMetrics, ...]
    continuations: int
    seconds_measure: float = 0.0
    seconds_search: float = 0.0
    seconds_place: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    def total(self, name: str) -> int:
        return sum(getattr(p, name) for p in self.pages)

    @property
    def seconds(self) -> float:
        return self.seconds_measure + self.seconds_search + self.seconds_place

    def summary(self) -> str:
        fills = "/".join(f"{p.fill_pct:.1f}" for p in self.pages)
        return (f"pages={len(self.pages)} fill={fills}% holes={self.total('holes')} "
                f"foot_holes={self.total('foot_holes')} band_holes={self.total('band_holes')} "
                f"overflow={self.total('overflow_lines')} continuations={self.continuations} "
                f"tombstones={self.total('tombstones')} order={self.total('order_violations')} "
                f"rank={self.total('rank_violations')} depth={self.total('depth_violations')} "
                f"white_lines={self.total('white_lines')} unfilled_rows={self.total('unfilled_rows')} "
                f"time={self.seconds:.2f}s (measure {self.seconds_measure:.2f}, search {self.seconds_search:.2f}, "
                f"place {self.seconds_place:.2f})")


def page_metrics(layout: PageLayout, placed: PlacedPage, lead: Story | None,
                 head_holes: frozenset[str] = frozenset(), fonts: FontSet | None = None) -> PageMetrics:
    """Measure one placed page; ``lead``: the page's lead story (None on a page that
    opens with a continuation); ``head_holes``: stories whose headline group leaves
    a hole beside it (``headgap``, known from the search); ``fonts``: the glyphs'
    ink read from their outlines (``fill.foot_holes``, ``headband.top_holes``)."""
    geo = placed.geometry
    stories = layout.stories
    covered = sum(s.columns.count * s.rows.count for s in stories)
    bottom = max((s.rows.last for s in stories), default=0)
    gaps = _gaps(stories, geo.columns)
    white, holes, problems = _column_bottoms(layout, placed)
    holes += len(head_holes)
    problems += [f"{sid}: blank beside the headline group reads as a hole" for sid in sorted(head_holes)]
    overflow = sum(r.lines_over for r in placed.stories)
    problems += [f"{r.id}: {r.lines_over} lines do not fit" for r in placed.stories if r.lines_over]
    overlaps = _overlaps(stories)
    foot = foot_holes(layout, placed, fonts)
    return PageMetrics(
        stories=len(stories),
        fill_pct=round(100.0 * covered / max(1, geo.columns * geo.rows), 2),
        holes=holes + (1 if gaps > 0 else 0), hole_cells=max(0, gaps), unfilled_rows=geo.rows - bottom,
        overflow_lines=overflow, overlaps=overlaps, tombstones=tombstones(stories),
        order_violations=order_violations(stories), rank_violations=rank_violations(stories, layout, lead),
        depth_violations=_depth_violations(stories, placed, geo), white_lines=white,
        crop=_crop(placed), problems=tuple(problems), foot=foot, band=top_holes(layout, placed, fonts))


def _gaps(stories: Sequence[Story], columns: int) -> int:
    """Grid cells no story covers above the lowest story of their column: white
    under a column's last story reaches the page's foot (``footwhite``: short copy
    ends column by column), the foot's underfill (``fill.FootHole``), not a gap."""
    n = 0
    for c in range(1, columns + 1):
        here = [s for s in stories if s.columns.first <= c <= s.columns.last]
        n += max((s.rows.last for s in here), default=0) - sum(s.rows.count for s in here)
    return n


def _column_bottoms(layout: PageLayout, placed: PlacedPage) -> tuple[int, int, list[str]]:
    """Empty lines at the bottom of every text column of every story, read from the
    placed items: (all of them, columns with a hole, messages)."""
    geo = placed.geometry
    white = holes = 0
    problems: list[str] = []
    for s in layout.stories:
        last = s.rows.last - (1 if "below" in s.rules else 0)
        for c, (x0, x1) in enumerate(geo.text_columns(s.columns, s.text_columns)):
            used = _last_row(placed, s.id, x0, x1, geo)
            if used is None:
                continue  # a column the headline group fills (a short story): nothing below
            empty = last - used
            white += empty
            if empty >= HOLE_LINES:
                holes += 1
                problems.append(f"{s.id}: text column {c + 1} ends {empty} lines early")
        result = next((r for r in placed.stories if r.id == s.id), None)
        used = [u for u in result.columns_used if u] if result else []
        if s.text_columns > 1 and s.headline and 0 < max(used, default=0) < MIN_BODY_ROWS:
            holes += 1  # a body a line or two deep leaves the blank beside the headline open (shapes)
            problems.append(f"{s.id}: text only {max(used)} lines deep under its headline")
        elif len(used) > 1 and min(used) == 1 and not s.photos and not s.head_beside:
            holes += 1  # a text column of one line beside others: the checker reads its line as the measure
            problems.append(f"{s.id}: a text column only 1 line deep")
    return white, holes, problems


def _last_row(placed: PlacedPage, story: str, x0: float, x1: float, geo: Geometry) -> int | None:
    """The lowest row with ink in the text column ``x0..x1``: body lines starting in
    it, pictures over it, captions under those pictures (a caption fills its
    picture's width)."""
    images = [it for it in placed.items if isinstance(it, ImageItem) and it.story == story]
    last = None
    for it in placed.items:
        if isinstance(it, TextItem) and it.story == story and it.kind in _BODY_KINDS:
            inside = x0 - 0.5 <= it.x < x1 - 0.5
            if it.kind == "caption":
                right = max((im.rect.x1 for im in images if abs(im.rect.x0 - it.x) < 0.5), default=it.x)
                inside = inside or it.x < x1 - 0.5 < right + 0.5
            if inside:
                r = geo.row_at(it.baseline)
                last = r if last is None else max(last, r)
    for im in images:
        if im.rect.x0 < x1 and im.rect.x1 > x0:
            r = geo.row_at(im.rect.y0 + 0.01)
            last = r if last is None else max(last, r)
    return last


def _overlaps(stories: Sequence[Story]) -> int:
    n = 0
    for i, a in enumerate(stories):
        for b in stories[i + 1:]:
            if a.columns.overlap(b.columns) and a.rows.overlap(b.rows):
                n += 1
    return n


def tombstones(stories: Sequence[Story]) -> int:
    """Pairs of headlines side by side at the same height: stories next to each
    other (neighbouring grid columns) that start on the same row, both with a
    headline (rule 5)."""
    n = 0
    for a in stories:
        for b in stories:
            if (a.headline and b.headline and a.columns.last + 1 == b.columns.first
                    and a.rows.first == b.rows.first):
                n += 1
    return n


def order_violations(stories: Sequence[Story]) -> int:
    """Pairs read in the wrong order: a later story above an earlier one in the
    same columns, or left of it on the same rows (rule 4, 栏序)."""
    n = 0
    for i, a in enumerate(stories):
        for b in stories[i + 1:]:
            if a.columns.overlap(b.columns) and b.rows.last < a.rows.first or a.rows.overlap(b.rows) and b.columns.last < a.columns.first:
                n += 1
    return n


def rank_violations(stories: Sequence[Story], layout: PageLayout, lead: Story | None) -> int:
    """The lead not at the top left or not the widest; a headline larger than an
    earlier story's, i.e. one above it or left of it (rule 4)."""
    size = {s.id: layout.styles[s.headline_style].size for s in stories if s.headline}
    n = 0
    if lead is not None:
        if lead.columns.first != 1 or lead.rows.first != 1:
            n += 1
        widest = lead.columns.count
        n += sum(1 for s in stories if s is not lead and (s.columns.count > widest or (
            s.columns.count == widest and widest < layout.grid.columns)))
    ranked = [s for s in stories if s.headline and not is_continuation(s)]  # a 接题 is no rank
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            if size[b.id] > size[a.id] + 1e-9:
                n += 1
    return n


def _depth_violations(stories: Sequence[Story], placed: PlacedPage, geo: Geometry) -> int:
    """Stories whose deepest text column is shallower than ``MIN_DEPTH`` lines
    (when they have that many lines per column to give) or deeper than ~10 inches."""
    deep = int(MAX_DEPTH_PT / geo.leading)
    n = 0
    by_id = {r.id: r for r in placed.stories}
    for s in stories:
        r = by_id.get(s.id)
        if r is None or not r.columns_used:
            continue
        depth = max(r.columns_used)
        if (depth < MIN_DEPTH <= r.body_lines / len(r.columns_used)) or depth > deep:
            n += 1
    return n


def _crop(placed: PlacedPage) -> float:
    import math

    from layout.autolayout.shapes import ASPECTS

    devs = [min(abs(math.log((it.rect.width / it.rect.height) / a)) for a in ASPECTS)
            for it in placed.items if isinstance(it, ImageItem) and it.rect.height > 0]
    return round(sum(devs) / len(devs), 4) if devs else 0.0
