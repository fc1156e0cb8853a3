"""The validated page model: what the rest of the pipeline knows about a layout.

Plain frozen dataclasses (picklable, printable); every length is in points, every
path absolute, every named style resolved.  The YAML spellings (mm, 号, ``1-4``,
``extends``) are gone by the time a value lands here -- docs/format.md is the one
description of those spellings, ``layout.model.load_layout`` the one reader.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import field
from typing import TYPE_CHECKING, NamedTuple

from layout.errors import Location
from layout.records import record

# The composer and the font layer are imported where a method needs them: importing
# the page model must not import them (``layout.compose``'s package imports the whole
# composer, and ``layout.fonts`` the font loader), so reading or checking a layout,
# the schema and the CLI's other commands do not pay for them.
if TYPE_CHECKING:
    from layout.compose.model import ParagraphStyle
    from layout.fonts.fontset import FaceSpec, FontSet
    from layout.model.elements import BoxNote, FlowElement, PageItem
    from layout.model.geometry import Geometry

CMYK = tuple[float, float, float, float]
BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)  # pure K: body text must not be a four-colour black

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@record(order=True)
class Span:
    """Grid columns or rows ``first..last``, 1-based and inclusive (``columns: 1-4``)."""

    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.first, self.last + 1))

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.first <= i <= self.last

    def overlap(self, other: Span) -> Span | None:
        lo, hi = max(self.first, other.first), min(self.last, other.last)
        return Span(lo, hi) if lo <= hi else None

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@record
class TextStyle:
    """How one kind of text is set.  ``size`` and ``leading`` in pt; ``tracking``
    and ``indent`` in em of ``size``.  ``rows``: the grid lines one line of a display
    element (headline, label) takes, None for text set on its own leading.
    ``frame``: None, "box" (outlined) or "reversed" (white on a solid panel)."""

    name: str
    face: str = "song"
    size: float = 9.0
    leading: float = 14.4
    tracking: float = 0.0
    align: str = "justify"
    indent: float = 0.0
    kinsoku: str = "basic"
    punct: str = "gb"
    rows: int | None = None
    frame: str | None = None
    color: CMYK = BLACK
    breaks: str = "characters"  # "words": lines break between words only (layout.words)

    def paragraph_style(self, *, hanging: bool = False) -> ParagraphStyle:
        """The composer's paragraph settings for this style (spec typography.md §1-4)."""
        from layout.compose.model import ParagraphStyle

        return ParagraphStyle(
            indent=self.indent, kinsoku=self.kinsoku, punct=self.punct, align=self.align, hanging=hanging,
            words=self.breaks == "words",
        )


class Margins(NamedTuple):
    """Page margins in pt, from the trimmed page edge to the type area."""

    top: float
    bottom: float
    left: float
    right: float


@record
class PageSpec:
    """The trimmed page (pt) and its bleed.  ``preset`` names the size if one was used."""

    width: float
    height: float
    margins: Margins
    bleed: float = 0.0
    preset: str | None = None


@record
class GridSpec:
    """Grid columns and the body style that fixes the one page-wide baseline grid.
    ``gutter`` is the minimum column gap (pt); the real gap is in ``Geometry``."""

    columns: int
    gutter: float
    body: TextStyle


@record
class Header:
    """The page header (报眉) above the grid: ``rows`` body lines deep, a rule below."""

    title: str
    paper: str | None = None
    date: datetime.date | None = None
    page: int | None = None
    editor: str | None = None
    rule: float = 1.0
    rows: int = 3

    def date_text(self) -> str | None:
        """``2020年8月10日 星期一`` (the weekday computed, never typed by hand)."""
        if self.date is None:
            return None
        d = self.date
        return f"{d.year}年{d.month}月{d.day}日 {WEEKDAYS[d.weekday()]}"

    def page_text(self) -> str | None:
        """``第3版``."""
        return None if self.page is None else f"第{self.page}版"


@record
class Photo:
    """A picture inside a story.  ``columns``: text columns of the story (None = all);
    ``rows``: lines of the story's text area, 1 = the first line below the headline
    group.  ``fit``: "fill" (crop to the frame) or "fit" (letterbox).  ``file`` is
    None for an empty placeholder frame (an archive reprint has captions, no pictures).
    ``pixel_size``: the image's (width, height) in pixels, read when validating."""

    file: str | None  # None: a placeholder frame with no picture yet
    rows: Span
    columns: Span | None = None
    fit: str = "fill"
    caption: str | None = None
    placeholder: bool = False
    credit: str | None = None  # photo credit after the caption (（本报记者 某某摄）)
    pixel_size: tuple[int, int] = (0, 0)
    where: Location = field(default=Location("?"), compare=False)


@record
class Story:
    """One story on the grid (columns/rows: grid Spans) and its elements in reading
    order.  ``text_columns``: body columns inside the area (变栏).
    ``headline_columns``: text columns the headline group spans (None = all).
    ``byline``: opener set inline at the start of paragraph one (本报讯);
    ``byline_line``: a byline on its own line.  ``rules``: sides of the area that get a
    rule, a subset of ("above", "below", "left", "right") in that order.
    ``flow``: the body as typed elements in order (paragraphs with inline marks,
    subheads; ``layout.model.elements``), empty when the body is plain paragraphs;
    when set, ``paragraphs`` holds the plain text of each flow element, index for
    index (a subhead's lines joined), so code that counts or cuts paragraphs
    (autolayout) can cut the flow at the same index.
    ``boxes``: 编者按 / 核心阅读 notes set after the headline group.
    ``ad``: an ad slot (广告位) as an archive keeps it: the area is a ruled, tinted
    box and the body its label, set centred in it (``place.adslot``)."""

    id: str
    columns: Span
    rows: Span
    text_columns: int
    label: str | None = None
    kicker: str | None = None
    headline: tuple[str, ...] = ()
    headline_style: str = "headline"
    rank: str | None = None  # lead | second | secondary | brief (model.keys.RANK_STYLES), None: not given
    subtitle: str | None = None
    headline_columns: Span | None = None
    head_beside: bool = False  # text columns beyond headline_columns start at the top (文包题, place.story)
    leads: tuple[str, ...] = ()
    byline: str | None = None
    byline_line: str | None = None
    paragraphs: tuple[str, ...] = ()
    credit: str | None = None
    photos: tuple[Photo, ...] = ()
    box: bool = False
    rules: tuple[str, ...] = ()
    balance: bool = False
    fit: bool = False  # copyfit within the house tolerances (place.fit)
    direction: str = "horizontal"  # "vertical": the headline set top to bottom beside the body (place.vertical)
    where: Location = field(default=Location("?"), compare=False)
    flow: tuple[FlowElement, ...] = ()
    boxes: tuple[BoxNote, ...] = ()
    # The first paragraph continues one begun on another page (转版, layout.edition):
    # it is set without its first-line indent.
    continued: bool = False
    # Jump lines (转版, layout.model.jumps): the page this part continues on (（下转第N版）
    # closes its body) and the page it is carried from (（上接第M版） beside or under its 接题);
    # 0: a page not known yet (written once the edition is laid out), None: no line.
    jump_to: int | None = None
    jump_from: int | None = None
    ad: bool = False


@record
class FontsConfig:
    """Faces the layout adds or replaces (by role) and fallback chains it overrides;
    empty means the bundled faces (``layout.fonts.default_fontset``)."""

    faces: dict[str, FaceSpec] = field(default_factory=dict)
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def fontset(self) -> FontSet:
        from layout.fonts.fontset import default_fontset

        base = default_fontset()
        if not self.faces and not self.fallback:
            return base
        return base.with_faces(self.faces.values(), self.fallback)

    @property
    def roles(self) -> tuple[str, ...]:
        from layout.fonts.fontset import default_fontset

        return tuple(dict.fromkeys((*default_fontset().roles, *self.faces)))


@record
class CopyFit:
    """The house tolerances of copyfit (``fit: true``, ``render --fit``): body
    tracking from ``-tighten`` to ``+loosen`` em, up to ``air`` grid lines of
    headline air, a photo's height within ``photo`` percent (whole rows), the
    headline ``steps`` up or down."""

    tighten: float = 0.02
    loosen: float = 0.02
    air: int = 2
    photo: int = 15
    steps: int = 1


@record
class ArchiveRef:
    """The archive an imported layout came from (``archive:``): ``file`` absolute,
    ``page`` of ``pages`` of its reprint."""

    file: str
    page: int = 1
    pages: int = 1


@record
class PageLayout:
    """A validated page.  ``styles`` holds every named style resolved (house and page
    merged, missing keys filled from the body style), including ``body`` (= grid.body).
    ``inputs``: every file the layout read (page, house files, text, photos, fonts),
    absolute, for archiving and cache keys."""

    source: str
    page: PageSpec
    grid: GridSpec
    header: Header | None
    styles: dict[str, TextStyle]
    fonts: FontsConfig
    stories: tuple[Story, ...]
    inputs: tuple[str, ...] = ()
    copyfit: CopyFit = CopyFit()
    items: tuple[PageItem, ...] = ()  # page items outside stories (layout.model.elements)
    archive: ArchiveRef | None = None  # imported from an archive: render checks its text against it

    def geometry(self) -> Geometry:
        from layout.model.geometry import page_geometry

        return page_geometry(self)

    def story(self, story_id: str) -> Story:
        for s in self.stories:
            if s.id == story_id:
                return s
        raise KeyError(story_id)
