"""The shapes one story can take: for each width in grid columns, the heights in
grid rows it fills exactly, and what each costs (page-layout.md, "A search that
fits us": "Flexible parts … give each story a set of reachable heights").

Why exact: the numbers come from ``layout.place.measure.measure_story`` (the
headline group set for real, the body composed at the real measure) and the body
rows from the same balanced fill ``place_story`` does, so a shape the search picks
is what placement produces.

A story ``w`` grid columns wide in ``k`` text columns (变栏 when k != w) needs
``head_rows`` for its headline group and ``body_rows`` for its balanced body
around its pictures.  Flexible parts on top:
- headline air: the headline band absorbs a few rows (as many as ``place_story``
  gives it at that width: none beside a short headline, see ``head_air``);
- slack: empty lines under the body, as long as no column bottom ends more than 2
  lines early (page-layout.md rule 2; a hole is 3 lines);
- placeholder photos (one per caption): arranged in bands at the top right of the
  text (beside the text, never between headline and text: rule 7), each picture
  3:2 or 4:3 within ±20 %, so their height moves in whole rows.
The rule row under a story belongs to the cut below it (``search``), not here.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

from layout.autolayout.headgap import head_hole
from layout.autolayout.template import headline_styles
from layout.fonts import FontSet
from layout.model.elements import Subhead
from layout.model.geometry import Geometry
from layout.model.types import PageLayout, Span, Story
from layout.place.adslot import AD_MIN_ROWS
from layout.place.blocks import compose_text
from layout.place.flow import Keep
from layout.place.items import TextItem
from layout.place.measure import measure_story
from layout.place.story import HeadLines, StoryPlacement, head_air, head_line_count, place_head

MAX_COLUMN_WHITE = 2  # empty lines a column bottom may end early (3 make a hole: pdfcheck, rule 2) ...
JUMP_WHITE = 1  # ... in a part that jumps (下转) without a cost: 2 "jumped too early" (edition.jumps_warnings)
MIN_DEPTH = 4  # a text column shallower than this reads as a scrap (rule 6)
MAX_DEPTH_PT = 720.0  # ~10 inches: deeper columns tire the eye (rule 6)
MIN_TEXT_EMS = 10  # 变栏 never makes text columns narrower than 10 characters
MAX_TEXT_EMS = 24  # nor wider than 24 (a long line is hard to follow)
MAX_GUTTER_EMS = 2.2  # nor with gaps wider than this: a 3-em empty strip reads as a hole (pdfcheck)
ASPECTS = (3 / 2, 4 / 3, 3 / 4, 2 / 3)  # placeholder pictures: the camera formats, across and upright
ASPECT_TOLERANCE = 0.20  # a picture may be cropped to ±20 % of its format
ASPECT_TOLERANCE_LOG = math.log(1 + ASPECT_TOLERANCE)
CROP_LIMIT = math.log(2.5)  # never a frame more than 2.5 x off its format
FORCED_CROP = 250.0  # beyond the tolerance: a crop cost like a hole's (x Costs.crop)
PHOTO_PAGE_SHARE = 0.35  # a picture block deeper than this share of the page's rows is oversized
PHOTO_MAX_SHARE = 0.6  # ... and never deeper than this (a photo-news item across a page may need more than 0.35)
MIN_BODY_ROWS = 3  # text a line or two deep across columns leaves the blank beside the headline open
MIN_COLUMN_LINES = 2  # and no text column of a single line beside deeper ones (a scrap)
MIN_LINES_UNDER_PHOTO = 2  # text under a picture column: at least two lines, never a scrap
HEADS_KEPT = 8192  # headline groups measured a gauge keeps (~15 a story; a page of briefs holds ~80 stories)
HEAD_LINES_KEPT = 16  # composed headline groups a gauge keeps (one width's text-column counts share one)
MAX_HEAD_LINES = 2  # a headline needing more lines at a width steps down to a smaller style there


@dataclass(frozen=True)
class Costs:
    """Weights of the layout cost, in grid cells (one column x one row of white is
    1).  Why these values: white at a column bottom is the worst visible defect that
    is still allowed, headline air the mildest; shallow columns and wrapped
    headlines are defects an editor fixes first; a tombstone or a 变栏 costs about
    as much as two lines of white."""

    air: float = 0.25  # per row of headline air, per grid column
    slack: float = 1.0  # per empty row under the body, per grid column
    short_line: float = 0.5  # per line a text column ends early
    shallow: float = 5.0  # per row a text column is shallower than MIN_DEPTH
    deep: float = 0.5  # per row a text column is deeper than MAX_DEPTH_PT
    headline_two_lines: float = 0.5
    headline_wrap: float = 3.0  # per headline line beyond two
    headline_stacked: float = 12.0  # and again per line beyond three: 4-6 short lines read as a list, not a headline
    bianlan: float = 0.5  # text columns differ from grid columns
    crop: float = 4.0  # per unit of |ln(aspect / format)|
    tombstone: float = 1.5  # two headlines side by side at the same height
    photo_cell: float = 0.2  # per text-column row of picture: no bigger than the page needs (rule 8)
    photo_oversize: float = 2.0  # ... and per row beyond PHOTO_PAGE_SHARE of the page
    photo_over_text: float = 1000.0  # pictures across the whole story above its text: a last resort (rule 7)
    column_hole: float = 5000.0  # a text column ending 3 lines early or more: the last resort
    head_hole: float = 5000.0  # blank beside a headline group that reads as a hole: only when nothing else fits
    unplaced_line: float = 1.0  # a body line carried to the next page
    bottom_white: float = 2.0  # per empty cell under the last story of a page that continues
    last_page_white: float = 0.5  # ... of the last page: worth headline air and bigger pictures, not slack
    continuation: float = 6.0  # a story carried on to the next page
    beside: float = 2.0  # text beside the headline group (文包题): only where a full-width head leaves a hole
    photo_grow: int = 0  # rows a picture beside its text may run deeper than it: a lever for short copy (levers)
    foot_white: bool = False  # the last page may end early column by column, the foot left white (``footwhite``) ...
    foot_hole: float = 1500.0  # ... and white at the foot that may read as a hole (twice: surely): worse than a forced crop


@dataclass(frozen=True)
class PhotoPlan:
    """Placeholder pictures in bands at the top right of the text: ``per_band``
    pictures side by side, each ``per_photo`` text columns wide; every band is
    ``bands[i]`` rows (picture, caption lines, a blank line)."""

    per_photo: int
    per_band: int
    bands: tuple[int, ...]
    crop: float

    def blocked(self, k: int, count: int) -> list[int]:
        """Rows taken at the top of each of the ``k`` text columns."""
        out = [0] * k
        for b, rows in enumerate(self.bands):
            n = min(self.per_band, count - b * self.per_band)
            for j in range(k - n * self.per_photo, k):
                out[j] += rows
        return out

    def spans(self, k: int, count: int) -> list[tuple[Span, Span]]:
        """(text columns, rows) of each picture, in caption order."""
        out = []
        top = 1
        for b, rows in enumerate(self.bands):
            n = min(self.per_band, count - b * self.per_band)
            first = k - n * self.per_photo + 1
            for p in range(n):
                c0 = first + p * self.per_photo
                out.append((Span(c0, c0 + self.per_photo - 1), Span(top, top + rows - 1)))
            top += rows
        return out


@dataclass(frozen=True)
class Shape:
    """One way to set a story: ``width`` grid columns, ``text_columns``, and the
    rows it needs (``head_rows + body_rows``) plus up to ``extra_max`` flexible rows
    (headline air first, then slack).  ``cost``: the part that does not depend on
    the extra rows."""

    width: int
    text_columns: int
    head_rows: int
    body_rows: int
    extra_max: int
    air_max: int
    cost: float
    photos: PhotoPlan | None = None
    hole_below_rule: bool = False  # the headline group leaves a hole under a rule (``headgap``) ...
    hole_at_top: bool = False  # ... or even on the page's first row
    headline_style: str | None = None  # the headline step set at this width (``StoryShapes.stepped``)
    head_span: int | None = None  # 文包题: the headline group over this many text columns, the rest beside it

    @property
    def min_height(self) -> int:
        return self.head_rows + self.body_rows

    def extra_cost(self, extra: int, costs: Costs) -> float:
        air = min(extra, self.air_max)
        return self.width * (costs.air * air + costs.slack * (extra - air))


@dataclass(frozen=True)
class _Fill:
    rows: int  # body rows of the balanced fill
    white: int  # largest number of empty lines at a column bottom
    short: int  # empty lines at column bottoms, all columns
    least: int  # fewest lines in a text column without a picture or head over it (rows: none such) ...
    deepest: int  # ... and the most

    @property
    def scraps(self) -> bool:
        """Whether the text columns without a picture or head over them are scraps:
        all of them a line or two deep, or one of them a single line (its short
        line is what the checker reads as the column's measure).  The balanced
        fill's last columns a line short of the others (3/3/2) are not."""
        return self.deepest < MIN_BODY_ROWS or self.least < MIN_COLUMN_LINES


def balanced_fill(blocked: list[int], lines: int, credit: bool = False,
                  keeps: tuple[int, ...] | None = None, foot: bool = False) -> _Fill | None:
    """The balanced fill ``flow.fill`` does: the fewest rows such that the text
    columns (each with ``blocked[j]`` rows taken at its top) hold ``lines``, filled
    column after column, the room to spare taken off the last columns one line
    each.  None when a picture column keeps fewer than ``MIN_LINES_UNDER_PHOTO``
    lines of text.  ``credit``: the last line is a credit, set flush right: a
    column holding nothing else reads as empty.  ``keeps``: per line, whether it
    stays in the column of the line after it (a subhead and the first line of its
    paragraph, ``place.elements.flow_lines``); the fill then runs the placer's own
    ``flow.fill`` and takes a row more while a kept group would not fit, so a
    shape is never a line short of what placement needs (issue 13: a story
    planned one line short overflows and loses its last line).  ``foot``: the
    last line is a jump line, set at its column's foot (``flow.fill``)."""
    k = len(blocked)
    top = max(blocked)
    if top:
        # below the deepest picture the capacity grows by k a row; at or above it
        # the text would already fit: the picture would reach the text's bottom
        if k * top - sum(blocked) >= lines:
            return None
        rows = math.ceil((lines + sum(blocked)) / k)
    else:
        rows = max(1, math.ceil(lines / k))
    if (keeps is not None and any(keeps)) or foot:
        rows, rooms = _kept_fill(blocked, lines, rows, keeps or (Keep.NONE,) * lines, foot)
    else:
        rooms = _spread_rooms([max(0, rows - b) for b in blocked], lines)
    last = max((j for j in range(k) if rooms[j]), default=-1)
    # pictures across all the text of a photo-news item (headline, picture, a line
    # or two of text, too little to stand beside a picture): the text stands under
    # the picture, however short
    across = min(blocked) == top and lines < MIN_LINES_UNDER_PHOTO
    white = short = 0
    least = deepest = None
    for j, (b, room) in enumerate(zip(blocked, rooms, strict=True)):
        text = room - (1 if credit and j == last else 0)
        if b and text < MIN_LINES_UNDER_PHOTO and not across:
            return None
        if not b:
            least = room if least is None else min(least, room)
            deepest = room if deepest is None else max(deepest, room)
        # an empty column under a picture: its blank separating line is white too
        empty = rows - b - text + (1 if b and not text else 0)
        white = max(white, empty)
        short += empty
    return _Fill(rows, white, short, rows if least is None else least, rows if deepest is None else deepest)


def _spread_rooms(rooms: list[int], lines: int) -> list[int]:
    """place.flow: the last columns give up their bottom slot, one each, while
    there is room to spare."""
    spare = sum(rooms) - lines
    while spare > 0:
        for j in range(len(rooms) - 1, -1, -1):
            if spare and rooms[j]:
                rooms[j] -= 1
                spare -= 1
    return rooms


_KEPT_FILLS: dict[tuple, tuple[int, tuple[int, ...]]] = {}  # _kept_fill's answers (a pure function of its arguments)
KEPT_FILLS_KEPT = 1 << 15  # answers kept, then forgotten all at once (bounded memory)


def _kept_fill(blocked: list[int], lines: int, rows: int, keeps: tuple[int, ...],
               foot: bool = False) -> tuple[int, list[int]]:
    """(rows, lines per column) of the placer's balanced fill with keeps, from
    ``rows`` down as deep as it needs.  Remembered: the search asks for the same
    columns and lines at every width it tries, copyfit at every leading (a line
    count does not move with the leading), and each answer runs the placer's fill."""
    key = (tuple(blocked), lines, rows, tuple(keeps), foot)
    got = _KEPT_FILLS.get(key)
    if got is None:
        if len(_KEPT_FILLS) >= KEPT_FILLS_KEPT:
            _KEPT_FILLS.clear()
        depth, rooms = _placer_fill(blocked, lines, rows, keeps, foot)
        got = _KEPT_FILLS[key] = (depth, tuple(rooms))
    return got[0], list(got[1])


def _placer_fill(blocked: list[int], lines: int, rows: int, keeps: tuple[int, ...],
                 foot: bool) -> tuple[int, list[int]]:
    from layout.place.flow import Slot, fill

    k = len(blocked)
    for depth in range(rows, rows + lines + 1):
        slots = [[Slot(j, 0.0, r) for r in range(b, depth)] for j, b in enumerate(blocked)]
        taken = fill(slots, lines, True, list(keeps), foot)
        if len(taken) == lines:
            rooms = [0] * k
            for t in taken:
                rooms[t.column] += 1
            return depth, rooms
    return rows + lines, _spread_rooms([max(0, rows + lines - b) for b in blocked], lines)


@dataclass(frozen=True)
class HeadMeasure:
    """A headline group at one width: its ``rows``, the ``air`` rows its headline
    band takes when there is room, its headline's lines, and whether the blank
    beside it makes a hole under a rule (``hole_below_rule``) or even at the top
    of the page (``hole_at_top``)."""

    rows: int
    air: int
    headline_lines: int
    hole_below_rule: bool
    hole_at_top: bool


class Gauge:
    """Measures stories on a template, caching by content: head rows, headline air
    and headline lines per (headline group, width, text columns); body lines per
    (paragraph, measure).  Parts of a story cut for a continuation share the
    cache: body lines add up paragraph by paragraph (``place.story.body_lines``
    composes each paragraph on its own)."""

    def __init__(self, template: PageLayout, geo: Geometry, fonts: FontSet):
        self.template, self.geo, self.fonts = template, geo, fonts
        self._heads: dict[tuple[Story, int, int], HeadMeasure] = {}
        self._head_lines: dict[tuple, HeadLines] = {}  # composed groups, the last few (``_keep_head_lines``)
        self._lines: dict[tuple[str | None, str | None, str | None, float, bool], int] = {}
        self._captions: dict[tuple[str, float], int] = {}
        self._plain: dict[float, dict[str, int]] = {}  # lines of a paragraph without byline, per measure
        self._options: dict[int, list[int]] = {}
        self.plans: dict[tuple, list] = {}  # picture arrangements (StoryShapes._photo_plans)
        self.steps = headline_styles(template)  # headline styles by rank, largest first

    def text_width(self, w: int, k: int) -> float:
        x0, x1 = self.geo.text_columns(Span(1, w), k)[0]
        return x1 - x0

    def text_column_options(self, w: int) -> list[int]:
        """One text column per grid column, and 变栏 with one more or one fewer
        where the measure stays between MIN_TEXT_EMS and MAX_TEXT_EMS and the gaps
        stay narrow (MAX_GUTTER_EMS)."""
        if w not in self._options:
            out = [w]
            for k in (w + 1, w - 1):
                if k < 1 or k > self.geo.max_text_columns(Span(1, w)):
                    continue
                ems = self.text_width(w, k) / self.geo.em
                cols = self.geo.text_columns(Span(1, w), k)
                gap = (cols[1][0] - cols[0][1]) / self.geo.em if k > 1 else 0.0
                if MIN_TEXT_EMS - 1e-6 <= ems <= MAX_TEXT_EMS + 1e-6 and gap <= MAX_GUTTER_EMS + 1e-6:
                    out.append(k)
            self._options[w] = out
        return self._options[w]

    def head(self, story: Story, w: int, k: int) -> HeadMeasure:
        """The story's headline group at this width (see ``HeadMeasure``)."""
        probe = self._probe(story, w, k)
        key = (probe, w, k)
        if key not in self._heads:
            if not (probe.label or probe.kicker or probe.headline or probe.subtitle or probe.byline_line
                    or probe.leads or probe.boxes or probe.jump_from is not None):
                self._heads[key] = HeadMeasure(0, 0, 0, False, False)
            else:
                self._heads[key] = self._head(probe, w, k)
            if len(self._heads) > HEADS_KEPT:  # the oldest quarter: stories long placed (bounded memory)
                for old in list(itertools.islice(self._heads, HEADS_KEPT // 4)):
                    del self._heads[old]
        return self._heads[key]

    def headline_lines(self, story: Story, w: int, k: int) -> int:
        """``head(story, w, k).headline_lines`` from the composed group alone (a step
        ``StoryShapes.stepped`` rejects is never placed nor rasterised), or from line
        counts when it needs more than ``MAX_HEAD_LINES`` (never searched for its
        best cut by sense: ``place.story.head_line_count``)."""
        probe = self._probe(story, w, k)
        if (probe, w, k) in self._heads:
            return self._heads[(probe, w, k)].headline_lines
        columns = self.geo.text_columns(Span(1, w), k)
        key = self._head_key(probe, columns)
        lines = self._head_lines.get(key)
        if lines is None:
            sp = StoryPlacement(probe, self.geo, self.template.styles, self.fonts, columns)
            n = head_line_count(sp, MAX_HEAD_LINES)
            if n is not None:
                return n
            lines = sp.head()
            self._keep_head_lines(key, lines)
        return len(lines.head)

    @staticmethod
    def _probe(story: Story, w: int, k: int) -> Story:
        """The story's headline group alone (what ``head`` measures and caches by)."""
        return replace(story, id="", columns=Span(1, w), rows=Span(1, 1), text_columns=k, paragraphs=(),
                       credit=None, byline=None, photos=(), rules=(), balance=False, flow=())

    def _head(self, probe: Story, w: int, k: int) -> HeadMeasure:
        """Set the headline group as ``measure_story`` does (``place_head``): its
        rows, its air (``head_air``), its lines, the blank beside it (``headgap``)."""
        geo = self.geo
        columns = geo.text_columns(Span(1, w), k)
        sp = StoryPlacement(probe, geo, self.template.styles, self.fonts, columns,
                            head_lines=self._head_lines.get(self._head_key(probe, columns)))
        rows = place_head(sp, 1) - 1
        self._keep_head_lines(self._head_key(probe, columns), sp.head())
        plain = sp.items
        air = head_air(sp)  # the slack rows place_story would give this head's band
        cols, beside = sp.columns, None
        if probe.head_beside and probe.headline_columns is not None:  # text stands beside the head's columns
            cols, beside = cols[:probe.headline_columns.last], cols[probe.headline_columns.last][0]
            air = 0
        top, bottom = geo.row_top(1), geo.row_bottom(rows)
        below_rule = head_hole(plain, geo, self.fonts, cols, top, bottom, geo.leading / 2, beside)
        at_top = below_rule and head_hole(plain, geo, self.fonts, cols, top, bottom, 0.0, beside)
        lines = sum(1 for it in plain if isinstance(it, TextItem) and it.kind == "headline")
        return HeadMeasure(rows, air, lines, below_rule, at_top)

    @staticmethod
    def _head_key(probe: Story, columns: tuple[tuple[float, float], ...]) -> tuple:
        """What ``place.story.compose_head`` depends on: the group's text and styles
        and its extent (the headline span's edges); the gap and the number of text
        columns only for ■ leads.  The text columns of 变栏 span the same width as
        the grid columns, so a group is composed once per width, not per count."""
        span = probe.headline_columns
        cols = columns if span is None else columns[span.first - 1:span.last]
        key: tuple = (replace(probe, text_columns=0), cols[0][0], cols[-1][1])
        if probe.leads:
            key += (columns, span)
        return key

    def _keep_head_lines(self, key: tuple, lines: HeadLines) -> None:
        """Keep the last ``HEAD_LINES_KEPT`` composed groups (the text-column counts
        of one width are measured one after the other)."""
        self._head_lines[key] = lines
        if len(self._head_lines) > HEAD_LINES_KEPT:
            del self._head_lines[next(iter(self._head_lines))]

    def body_lines(self, story: Story, w: int, k: int) -> int:
        """Lines of the body (inline byline with paragraph one) and credit.  A story
        without subheads is summed from a table of paragraph counts per measure:
        a story of thousands of paragraphs is counted again on every page it runs
        on (issue 13, class 7), so the sum is one C-level pass, not a loop.  An ad
        slot (``Story.ad``) is a box ``AD_MIN_ROWS`` lines deep whatever its width."""
        if story.ad:
            return AD_MIN_ROWS * k
        if _has_subheads(story):
            return sum(n for _sub, n in self._element_lines(story, w, k))
        width = round(self.text_width(w, k), 3)
        paras = story.paragraphs
        n = self._count(paras[0], story.byline, None, w, k, width, story.continued) \
            + self._plain_lines(paras[1:], w, k, width) if paras else 0
        if story.credit:
            n += self._count(None, None, story.credit, w, k, width)
        return n + (1 if story.jump_to is not None else 0)  # （下转第N版）: one line (model.jumps)

    def _plain_lines(self, texts: tuple[str, ...], w: int, k: int, width: float) -> int:
        """Lines of paragraphs without byline at ``width`` (``_count``'s numbers)."""
        counts = self._plain.setdefault(width, {})
        try:
            return sum(map(counts.__getitem__, texts))
        except KeyError:
            for text in texts:
                if text not in counts:
                    counts[text] = self._count(text, None, None, w, k, width)
            return sum(map(counts.__getitem__, texts))

    def body_keeps(self, story: Story, w: int, k: int) -> tuple[Keep, ...] | None:
        """Per body line, whether the placer keeps it with the next one
        (``place.elements.flow_lines``: every subhead line, and softly the first line
        of a paragraph of two lines or more under a subhead, and a credit's lines but
        its last: ``place.story.body_lines``); None when no line is kept."""
        credit = self._count(None, None, story.credit, w, k, round(self.text_width(w, k), 3)) if story.credit else 0
        if not _has_subheads(story):
            if credit < 2:
                return None  # only a subhead's lines, the first line under one and a credit's are kept
            keeps = [Keep.NONE] * self.body_lines(story, w, k)
        else:
            keeps = []
            for sub, n in self._element_lines(story, w, k):
                if sub:
                    keeps.extend([Keep.WITH_NEXT] * n)
                else:
                    after_sub = Keep.SOFT if keeps and keeps[-1] and n > 1 else Keep.NONE
                    keeps.extend([after_sub] + [Keep.NONE] * (n - 1) if n else [])
        if credit >= 2:
            end = len(keeps) - (story.jump_to is not None)
            keeps[end - credit:end - 1] = [Keep.WITH_NEXT] * (credit - 1)
        return tuple(keeps) if any(keeps) else None

    def _element_lines(self, story: Story, w: int, k: int) -> list[tuple[bool, int]]:
        """(is a subhead, lines) of every body element in order, the credit last --
        as ``place.story.body_lines`` sets them: the byline runs into the first
        paragraph that is not a subhead, a subhead's lines are composed one by one."""
        width = round(self.text_width(w, k), 3)
        out: list[tuple[bool, int]] = []
        first = True
        for i, text in enumerate(story.paragraphs):
            el = story.flow[i] if story.flow else None  # flow is index-aligned with paragraphs
            if isinstance(el, Subhead):
                out.append((True, sum(self.subhead_lines(t, width) for t in el.lines)))
                continue
            out.append((False, self._count(text, story.byline if first else None, None, w, k, width,
                                           i == 0 and story.continued)))
            first = False
        if story.credit:
            out.append((False, self._count(None, None, story.credit, w, k, width)))
        if story.jump_to is not None:
            out.append((False, 1))  # （下转第N版）: one line, never split (model.jumps)
        return out

    def _count(self, text: str | None, byline: str | None, credit: str | None, w: int, k: int, width: float,
               continued: bool = False) -> int:
        """Lines of one paragraph (with the byline run into it, or a credit) at
        ``width``; ``continued``: the paragraph goes on from another page and is set
        without its first-line indent, as the placer sets it (``place.story``)."""
        key = (text, byline, credit, width, continued)
        if key not in self._lines:
            probe = Story(id="", columns=Span(1, w), rows=Span(1, 1), text_columns=k, byline=byline,
                          paragraphs=(text,) if text is not None else (), credit=credit, continued=continued)
            self._lines[key] = measure_story(probe, self.template, self.geo, self.fonts, columns=w,
                                             text_columns=k).body_lines
        return self._lines[key]

    def subhead_lines(self, text: str, width: float) -> int:
        key = ("subhead", text, width)
        if key not in self._lines:
            style = self.template.styles.get("subhead") or self.template.styles["body"]
            self._lines[key] = len(compose_text(text, style, width, self.fonts))  # type: ignore[index]
        return self._lines[key]  # type: ignore[index]

    def caption_lines(self, text: str, width: float) -> int:
        key = (text, round(width, 3))
        if key not in self._captions:
            style = self.template.styles.get("caption") or self.template.styles["body"]
            self._captions[key] = len(compose_text(text, style, width, self.fonts))
        return self._captions[key]


class StoryShapes:
    """Lists the shapes of one story per width (measured through a ``Gauge``)."""

    def __init__(self, story: Story, gauge: Gauge, costs: Costs):
        self.story, self.gauge, self.costs = story, gauge, costs
        self.geo = gauge.geo

    # -------------------------------------------------------------- shapes
    def shapes(self, w: int) -> list[Shape]:
        """Every shape of the story ``w`` grid columns wide."""
        out: list[Shape] = []
        for k in self.gauge.text_column_options(w):
            story = self.stepped(w, k)
            hm = self.gauge.head(story, w, k)
            head, air_max = hm.rows, hm.air
            lines = self.gauge.body_lines(self.story, w, k)
            keeps = self.gauge.body_keeps(self.story, w, k)
            base = self._head_cost(hm.headline_lines) + (self.costs.bianlan if k != w else 0.0)
            shapes = [self._shape(w, k, head, lines, blocked, plan, base, air_max, keeps)
                      for plan, blocked in self._photo_plans(w, k, lines)]
            shapes += self._flush(w, k, head, lines, base, air_max, keeps)
            shapes = [sh for sh in shapes if sh is not None]
            out.extend(replace(sh, hole_below_rule=hm.hole_below_rule, hole_at_top=hm.hole_at_top,
                               headline_style=story.headline_style if story.headline else None)
                       for sh in shapes)
            # too little text for k columns under the group: the text beside it instead
            scraps = lines > 0 and all(sh.cost >= self.costs.column_hole for sh in shapes)
            if (hm.hole_below_rule or scraps) and self._may_stand_beside(k):
                out.extend(self._beside(w, k, story, lines, keeps, self.costs.bianlan if k != w else 0.0))
        return out

    def _may_stand_beside(self, k: int) -> bool:
        """文包题 is tried for a horizontal story with a headline and body text in two
        text columns or more; its label, leads and boxes stay in the group (over the
        group's columns, ``place_head``), its pictures stand beside the group
        (``place.story.photo_origin``).  Not for a lead (头条, the top step) with ■
        leads: they run in columns across the page's widest story (rule 4)."""
        s = self.story
        lead = bool(self.gauge.steps) and s.headline_style == self.gauge.steps[0]
        return bool(k > 1 and s.headline and (s.paragraphs or s.credit) and s.direction == "horizontal"
                    and not (lead and s.leads))

    def _beside(self, w: int, k: int, story: Story, lines: int, keeps: tuple[int, ...] | None,
                bianlan: float) -> list[Shape]:
        """Shapes with the headline group over the first ``m`` text columns and the
        others starting at the story's top beside it (``place.story.beside_head``):
        the head is a block at the top of its columns, as a picture is
        (``balanced_fill``); kept where the head fits in two lines and leaves no
        hole at that width (page-layout.md rule 2).  Pictures stand at the top of
        columns right of the group (``_beside_plans``) or in one band at the right
        as deep as the story (``_beside_flush``)."""
        out: list[Shape] = []
        for m in range(1, k):
            hm = self._beside_head(story, w, k, m)
            if hm is None:
                continue
            base = self._head_cost(hm.headline_lines) + bianlan + self.costs.beside
            head = [hm.rows] * m + [0] * (k - m)
            for plan, photos in self._photo_plans(w, k, lines):
                if plan is not None and k - plan.per_band * plan.per_photo < m:
                    continue  # a picture over the group's columns would stand between the group and its text
                shape = self._beside_shape(w, k, m, [a + b for a, b in zip(head, photos, strict=True)], photos,
                                           plan, lines, keeps, base)
                if shape is not None:
                    out.append(replace(shape, headline_style=story.headline_style, hole_below_rule=hm.hole_below_rule,
                                       hole_at_top=hm.hole_at_top))
        out.extend(self._beside_flush(w, k, story, lines, keeps, bianlan))
        return out

    def _beside_head(self, story: Story, w: int, k: int, m: int) -> HeadMeasure | None:
        """The group over ``m`` of ``k`` text columns with text beside it; None when
        it needs more than ``MAX_HEAD_LINES`` headline lines or leaves a hole under a
        rule.  (Kept when the hole is under a rule only, for the page's first row,
        a generated long archive no longer needed its continued story and the
        edition test lost its premise: left for the next session.)"""
        beside = replace(story, headline_columns=Span(1, m), head_beside=True)
        if self.gauge.headline_lines(beside, w, k) > MAX_HEAD_LINES:
            return None  # told before the group is placed and rasterised
        hm = self.gauge.head(beside, w, k)
        if not hm.rows or hm.headline_lines > MAX_HEAD_LINES or hm.hole_below_rule:
            return None
        return hm

    def _beside_shape(self, w: int, k: int, m: int, blocked: list[int], photos: list[int], plan: PhotoPlan | None,
                      lines: int, keeps: tuple[int, ...] | None, base: float) -> Shape | None:
        """One 文包题 shape: the body balanced around the group's rows and the
        pictures' (``blocked``: rows taken at the top of each text column)."""
        if plan is None and lines <= k * max(blocked) - sum(blocked):
            return self._beside_only(w, k, m, blocked, lines, keeps, base) if k == w else None
        fill = balanced_fill(blocked, lines, bool(self.story.credit or self.story.jump_to is not None), keeps,
                             foot=self.story.jump_to is not None)
        if fill is None or fill.white > MAX_COLUMN_WHITE or (fill.scraps and k - m > 1):
            return None
        cost = base + self._white_cost(fill.short, fill.white) + self._depth_cost(fill.rows, blocked)
        if plan is not None:
            cost += self.costs.crop * plan.crop + self._photo_size_cost(plan, photos)
        return Shape(w, k, 0, fill.rows, self._white_room(fill.white), 0, cost, plan, head_span=m)

    def _beside_only(self, w: int, k: int, m: int, blocked: list[int], lines: int, keeps: tuple[int, ...] | None,
                     base: float) -> Shape | None:
        """A short story's text all beside its headline group (题在左, 文在右): the
        story as deep as the group, the text balanced over the columns right of
        it, each at least ``MIN_BODY_ROWS`` lines and ending at most
        ``MAX_COLUMN_WHITE`` lines above the story's foot.  Rows added under the
        group stay empty (``flow.fill`` balances by row: the text's rows end
        beside the group), so the flexible rows are slack."""
        head = max(blocked)
        free = k - m
        fill = balanced_fill([0] * free, lines, bool(self.story.credit or self.story.jump_to is not None), keeps,
                             foot=self.story.jump_to is not None)
        if fill is None or fill.rows > head:
            return None
        white = head - fill.rows + fill.white
        if white > MAX_COLUMN_WHITE or (fill.scraps and free > 1):
            return None
        short = fill.short + (head - fill.rows) * free
        cost = base + self.costs.short_line * short + self._depth_cost(head, [0])
        return Shape(w, k, 0, head, 0, 0, cost, None, head_span=m)

    def _beside_flush(self, w: int, k: int, story: Story, lines: int, keeps: tuple[int, ...] | None,
                      bianlan: float) -> list[Shape]:
        """文包题 with the pictures in one band at the right, from the story's top to
        its foot (``_flush``): the group over the first ``m`` of the text columns
        left of them, the body under it and beside it."""
        photos = self.story.photos
        n = len(photos)
        if not photos or not lines:
            return []
        cols = self.geo.text_columns(Span(1, w), k)
        out = []
        for q in range(1, (k - 1) // n + 1):
            text = k - q * n
            width = cols[q - 1][1] - cols[0][0]
            caps = [self.gauge.caption_lines(_caption(p), width) if _caption(p) else 0 for p in photos]
            for m in range(1, text + 1):
                hm = self._beside_head(story, w, k, m)
                if hm is None:
                    continue
                blocked = [hm.rows] * m + [0] * (text - m)
                fill = balanced_fill(blocked, lines, bool(self.story.credit or self.story.jump_to is not None), keeps,
                             foot=self.story.jump_to is not None)
                if fill is None or fill.white > MAX_COLUMN_WHITE:
                    continue
                crop = self._crop(width, [fill.rows - cap for cap in caps])
                if crop is None:
                    continue
                plan = PhotoPlan(q, n, (fill.rows,), crop)
                cost = (self._head_cost(hm.headline_lines) + bianlan + self.costs.beside
                        + self._white_cost(fill.short, fill.white) + self._depth_cost(fill.rows, blocked)
                        + self.costs.crop * crop + self._photo_size_cost(plan, [fill.rows] * (q * n)))
                out.append(Shape(w, k, 0, fill.rows, 0, 0, cost, plan, hole_below_rule=hm.hole_below_rule,
                                 hole_at_top=hm.hole_at_top, headline_style=story.headline_style, head_span=m))
        return out

    def stepped(self, w: int, k: int) -> Story:
        """The story with the headline step its rank gives, or a smaller one when that
        step needs more than ``MAX_HEAD_LINES`` lines at this width (issue 15: the
        step by rank and width; sizes only go down, page-layout.md rule 4)."""
        story = self.story
        steps = self.gauge.steps
        if not story.headline or story.headline_style not in steps:
            return story
        for name in steps[steps.index(story.headline_style):]:
            story = replace(self.story, headline_style=name)
            if self.gauge.headline_lines(story, w, k) <= MAX_HEAD_LINES:
                break
        return story

    def _shape(self, w: int, k: int, head: int, lines: int, blocked: list[int], plan: PhotoPlan | None,
               base: float, air_max: int, keeps: tuple[int, ...] | None = None) -> Shape | None:
        c = self.costs
        if lines == 0:
            if plan is None:
                return Shape(w, k, head, 0, air_max, air_max, base) if head else None
            # pictures only: the last band needs no blank line under it
            rows = sum(plan.bands) - 1
            return Shape(w, k, head, rows, air_max, air_max,
                         base + c.crop * plan.crop + self._photo_size_cost(plan, [rows] * k), plan)
        fill = balanced_fill(blocked, lines, bool(self.story.credit or self.story.jump_to is not None), keeps,
                             foot=self.story.jump_to is not None)
        if fill is None:
            return None
        cost = base + self._white_cost(fill.short, fill.white) + self._depth_cost(fill.rows, blocked)
        if plan is not None:
            cost += c.crop * plan.crop + self._photo_size_cost(plan, blocked)
            if min(blocked):  # pictures across all the text: between the headline and its text (rule 7)
                cost += c.photo_over_text
        if fill.white > MAX_COLUMN_WHITE or (fill.scraps and k > 1):
            # a column ends 3 lines early or more, or the text columns are scraps
            # under a headline group's blank: a hole, kept only as the last resort
            return Shape(w, k, head, fill.rows, air_max, air_max, cost + c.column_hole, plan)
        extra = air_max + self._white_room(fill.white)
        return Shape(w, k, head, fill.rows, extra, air_max, cost, plan)

    def _flush(self, w: int, k: int, head: int, lines: int, base: float, air_max: int,
               keeps: tuple[int, ...] | None = None) -> list[Shape]:
        """Pictures in one band at the right, as deep as the text beside them (a
        short story with a photo): the picture height follows the text.  On a page
        the copy cannot fill (``Costs.photo_grow``, ``levers``) the pictures may run
        up to that many rows deeper than the text, its columns ending that much
        early (at most ``MAX_COLUMN_WHITE``): the picture takes the room (rule 8)."""
        photos = self.story.photos
        m = len(photos)
        if not photos or not lines:
            return []
        cols = self.geo.text_columns(Span(1, w), k)
        out = []
        for q in range(1, (k - 1) // m + 1):
            fill = balanced_fill([0] * (k - q * m), lines, bool(self.story.credit or self.story.jump_to is not None),
                                 keeps, foot=self.story.jump_to is not None)
            if fill is None or fill.white > MAX_COLUMN_WHITE or (fill.scraps and k - q * m > 1):
                continue  # a column ends 3 lines early, or beside the pictures a text column is a scrap
            width = cols[q - 1][1] - cols[0][0]
            caps = [self.gauge.caption_lines(_caption(p), width) if _caption(p) else 0 for p in photos]
            for grow in range(min(self.costs.photo_grow, MAX_COLUMN_WHITE - fill.white) + 1):
                rows = fill.rows + grow
                crop = self._crop(width, [rows - cap for cap in caps])
                if crop is None:
                    continue
                plan = PhotoPlan(q, m, (rows,), crop)
                short = fill.short + grow * (k - q * m)
                cost = (base + self._white_cost(short, fill.white + grow) + self._depth_cost(fill.rows, [0])
                        + self.costs.crop * crop + self._photo_size_cost(plan, [rows] * (q * m)))
                out.append(Shape(w, k, head, rows, air_max, air_max, cost, plan))
        return out

    def _white_cost(self, short: int, white: int) -> float:
        """The lines the text columns end early (``short`` in all, ``white`` the
        most in one).  A part that jumps (下转) with a column ``JUMP_WHITE`` + 1 lines
        short costs a continuation more: the reader turns the page for text that
        would have fitted (the edition's "jumped too early"); another cut usually
        fills the part."""
        cost = self.costs.short_line * short
        if self.story.jump_to is not None and white > JUMP_WHITE:
            cost += self.costs.continuation
        return cost

    def _white_room(self, white: int) -> int:
        """Rows the shape may stretch by, its columns ending that much earlier: up to
        ``MAX_COLUMN_WHITE`` lines short, ``JUMP_WHITE`` in a part that jumps."""
        most = MAX_COLUMN_WHITE if self.story.jump_to is None else JUMP_WHITE
        return max(0, most - white)

    def _crop(self, width: float, rows: list[int]) -> float | None:
        """Mean |ln(aspect / format)| of pictures ``width`` pt wide and ``rows``
        rows deep (formats 3:2, 4:3, upright or across).  Beyond the tolerance and
        up to ``CROP_LIMIT`` a picture costs ``FORCED_CROP`` more (a last resort for
        a page nothing else fills); None beyond that."""
        lead, em = self.geo.leading, self.geo.em
        total = 0.0
        for r in rows:
            height = r * lead - (lead - em)  # r rows less the half-gaps above and below (place.story)
            if height <= 0:
                return None
            dev = min(abs(math.log(width / height / f)) for f in ASPECTS)
            if dev > CROP_LIMIT:
                return None
            total += dev + (FORCED_CROP if dev > ASPECT_TOLERANCE_LOG else 0.0)
        return total / len(rows)
    def _photo_size_cost(self, plan: PhotoPlan, blocked: list[int]) -> float:
        """Pictures cost by their area (text-column rows), steeply beyond
        ``PHOTO_PAGE_SHARE`` of the page's height: one dominant picture, not a
        page-sized one for a short story (rule 8)."""
        soft = PHOTO_PAGE_SHARE * self.geo.rows
        return sum(self.costs.photo_cell * b + self.costs.photo_oversize * max(0.0, b - soft) for b in blocked)

    def _depth_cost(self, rows: int, blocked: list[int]) -> float:
        c = self.costs
        deepest = rows - min(blocked)  # a column without pictures
        max_rows = int(MAX_DEPTH_PT / self.geo.leading)
        return c.shallow * max(0, MIN_DEPTH - deepest) + c.deep * max(0, deepest - max_rows)

    def _head_cost(self, n: int) -> float:
        if n <= 1:
            return 0.0
        stacked = max(0, n - 3)  # a fourth line and more: a headline stacked down a narrow column
        return (self.costs.headline_two_lines + self.costs.headline_wrap * (n - 2)
                + self.costs.headline_stacked * stacked)

    def _photo_plans(self, w: int, k: int, lines: int):
        """(plan, rows blocked per text column) for every arrangement of the
        story's pictures; (None, no rows) for a story without pictures.  The plans
        depend on the pictures alone: cached in the gauge, shared by the parts of
        a continued story."""
        photos = self.story.photos
        if not photos:
            return [(None, [0] * k)]
        key = (tuple(_caption(p) for p in photos), w, k, bool(lines))
        plans = self.gauge.plans.get(key)
        if plans is None:
            m = len(photos)
            cols = self.geo.text_columns(Span(1, w), k)
            plans = []
            for q in range(1, k + 1):
                width = cols[q - 1][1] - cols[0][0]
                for b in range(1, min(m, k // q) + 1):
                    if not lines and (q * b != k or m % b):
                        continue  # pictures alone must fill the story's width
                    plans.extend((plan, plan.blocked(k, m)) for plan in self._plans(q, b, width))
            self.gauge.plans[key] = plans
        return plans

    def _plans(self, q: int, b: int, width: float):
        """Plans with ``b`` pictures of ``q`` columns (``width`` pt) per band, for
        every picture height in whole rows that keeps the aspect in tolerance."""
        photos = self.story.photos
        caps = [self.gauge.caption_lines(_caption(p), width) if _caption(p) else 0 for p in photos]
        bands = [max(caps[i:i + b]) for i in range(0, len(photos), b)]
        lead, em = self.geo.leading, self.geo.em
        lo = min(ASPECTS) / (1 + ASPECT_TOLERANCE)
        hi = max(ASPECTS) * (1 + ASPECT_TOLERANCE)
        # picture height for t rows: t * L less the half-gaps above and below (place.story)
        t_min = max(1, math.ceil((width / hi + (lead - em)) / lead - 1e-9))
        t_max = math.floor((width / lo + (lead - em)) / lead + 1e-9)
        t_max = min(t_max, math.ceil(PHOTO_MAX_SHARE * self.geo.rows))  # deeper than the share: oversized (rule 8)
        for t in range(t_min, t_max + 1):
            # a picture with a shorter caption than its band's longest is taller
            crop = self._crop(width, [t + bands[i // b] - caps[i] for i in range(len(photos))])
            if crop is not None:
                yield PhotoPlan(q, b, tuple(t + cap + 1 for cap in bands), crop)


def _has_subheads(story: Story) -> bool:
    return any(isinstance(el, Subhead) for el in story.flow)


def _caption(photo) -> str:
    """The caption as set: its text and the photo credit after it (one paragraph)."""
    return (photo.caption or "") + (photo.credit or "")
