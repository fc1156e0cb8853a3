"""What placement hands to the renderer: positioned lines, rules, boxes, pictures,
and a report per story.  Coordinates in pt, trim-box space (origin bottom-left of
the trimmed page, y up), the same space as ``layout.model.geometry``.  Items are in
reading order (the PDF's text order follows it).
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from layout.compose.model import Line
from layout.model.geometry import Geometry, Rect
from layout.records import record

CMYK = tuple[float, float, float, float]
BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)
WHITE: CMYK = (0.0, 0.0, 0.0, 0.0)


@record
class TextItem:
    """A composed line drawn with the left edge of its measure at ``x``."""

    line: Line
    x: float
    baseline: float
    kind: str  # body, headline, kicker, subtitle, lead, label, byline, caption, credit, header
    story: str | None = None
    color: CMYK = BLACK
    # Set turned 90 degrees clockwise, reading downwards from (x, baseline): Latin and
    # quotes in a vertical headline (place.vertical); the baseline is then vertical.
    rotated: bool = False
    # Furniture the engine generated (jump lines, 接题, 报眉 parts not in the source):
    # the /Artifact /Subtype it is drawn as (ISO 32000-1 §14.8.2.2), "" for a plain
    # /Pagination artifact; None for copy.
    artifact: str | None = None


@record
class RuleItem:
    """A straight rule from (x0, y0) to (x1, y1), ``width`` pt thick."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    color: CMYK = BLACK
    story: str | None = None  # the story whose rule it is (None: the page header's)


@record
class BoxItem:
    """A rectangle: outlined (``stroke`` pt), filled (``fill``) or both."""

    rect: Rect
    stroke: float = 0.5  # 0 = no outline
    fill: CMYK | None = None
    color: CMYK = BLACK
    story: str | None = None


@record
class ImageItem:
    """A picture in its frame; ``path`` None draws an empty placeholder frame."""

    path: str | None
    rect: Rect
    fit: str = "fill"
    placeholder: bool = False
    story: str | None = None
    pixel_size: tuple[int, int] = (0, 0)


@record
class DotsItem:
    """着重号: round dots of ``radius`` centred at ``xs`` on the line ``y`` (below the
    emphasised characters of one text line; clreq §3.3)."""

    xs: tuple[float, ...]
    y: float
    radius: float
    story: str | None = None
    color: CMYK = BLACK


@record
class FormItem:
    """A PDF ad's first page placed whole in ``rect`` (scaled to fit, centred) as a
    form XObject, never redrawn; its text is marked as an artifact (not the paper's
    copy).  ``size``: the ad page's trim size in pt."""

    path: str
    rect: Rect
    size: tuple[float, float]


Item = TextItem | RuleItem | BoxItem | ImageItem | DotsItem | FormItem


@record
class StoryResult:
    """How a story came out: what was set, what did not fit, what space is left.

    ``lines_over``/``chars_over``: body lines and characters that did not fit (the
    text is never dropped silently: callers report these).  ``rows_free``: empty grid
    lines at the bottom of the story's shortest text column (copyfit information)."""

    id: str
    frame: Rect
    body_lines: int
    lines_over: int = 0
    chars_over: int = 0
    text_over: str = ""
    rows_free: int = 0
    columns_used: tuple[int, ...] = ()  # body lines set in each text column
    room: tuple[int, ...] = ()  # body lines each text column can hold (rows left by head and pictures)


class ProblemKind(StrEnum):
    """What a ``Problem`` is about.  A ``StrEnum``: a kind compares equal to its text
    (``p.kind == "overflow"``) and prints as it (messages, JSON)."""

    OVERFLOW = "overflow"  # body text that did not fit its story's area (place.story)
    MISSING_GLYPH = "missing-glyph"  # a character no face has (place.page)
    IMAGE = "image"  # a photo below the resolution a press needs (render.pdfbackend)
    COMPOSE = "compose"  # what the composer reported for a galley paragraph (pipeline.galley)
    UNDERFILL = "underfill"  # a text column ending 2 or more lines early (place.underfill)
    FIT = "fit"  # what copyfit changed, or the amount a story misses by (place.fit)
    VERTICAL = "vertical"  # a vertical headline taller or wider than its story allows (place.vertical)
    JUMP = "jump"  # a story could not be carried to its continuation (layout.edition)
    JUMP_UNUSED = "jump-unused"  # a story ended before its continuation areas, or with rows of one empty
    JUMP_EARLY = "jump-early"  # a part jumps although its own area has room (layout.edition.jumps_warnings)
    HEADER = "header"  # a page's own 报眉 an edition cannot number (layout.edition.header)


# Problem kinds that are reported but never make a page fail (--strict): the page
# is whole -- a column ending early (underfill), what copyfit changed or missed by
# (fit; a story copyfit leaves overflowing also has its overflow problem).
ADVISORY = frozenset({ProblemKind.UNDERFILL, ProblemKind.FIT})


@record
class Problem:
    """Something the user should hear about, by story (``story`` None: the page header)."""

    kind: str  # a ProblemKind
    story: str | None
    message: str


@record
class PlacedPage:
    """One placed page: its grid, the items to draw, a result per story."""

    geometry: Geometry
    items: tuple[Item, ...]
    stories: tuple[StoryResult, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    title: str = ""
    source: str = ""
