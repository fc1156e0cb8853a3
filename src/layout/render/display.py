"""The display list: what a page looks like, as neutral records no backend owns.

Why: placement says *where* things go; drawing (``render.drawing``) turns a placed
page into these records -- the text runs, rules, boxes, pictures, printer's marks
and proof overlays, in the order they are painted -- and a backend paints them.
The PDF backend (``render.pdfbackend``) is the only one today; an SVG or direct PNG
backend reads the same records and never repeats the decisions made here (which
black overprints, which part of a photo shows, what a proof marks).

Coordinates are points in trim-box space (origin at the trimmed page's lower-left,
y up), except ``DisplayPage.marks``, which lie outside the trim and are in media
coordinates (``render.marks.PageBoxes``).  Colours are CMYK 0..1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.model.geometry import Rect
from layout.records import record
from layout.render.marks import PageBoxes

CMYK = tuple[float, float, float, float]
BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)


class Glyphs(NamedTuple):
    """The columns a text run is drawn from: a composed ``Line`` has them, and so
    does a label set without composing (``render.drawing.label_glyphs``)."""

    chars: Sequence[str]
    faces: Sequence[str]  # face roles of the page's FontSet
    sizes: Sequence[float]
    xs: Sequence[float]  # pt from the run's left edge


@record
class TextRun:
    """One line of glyphs with its left edge at ``x`` and baseline at ``baseline``.
    ``spaces``: U+0020 is drawn as a glyph (labels, so their words extract as words).
    ``overprint``: the run prints over what lies below (100 % K text, render.inks).
    ``kind`` and ``story``: what the line is (body, headline, caption ...; "" for
    proof labels) and whose (None: the page header), for structure (tags, groups)."""

    glyphs: Line | Glyphs
    x: float
    baseline: float
    color: CMYK = BLACK
    spaces: bool = False
    overprint: bool = False
    kind: str = ""
    story: str | None = None
    rotated: bool = False  # turned 90 degrees clockwise, reading down (vertical headlines: place.vertical)
    # Furniture (jump lines, 接题, 报眉 parts not in the source): the /Artifact
    # /Subtype it is painted as ("" plain /Pagination); None for copy.
    artifact: str | None = None


@record
class Rule:
    """A straight line from (x0, y0) to (x1, y1), ``width`` pt thick."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    color: CMYK = BLACK
    overprint: bool = False
    story: str | None = None


@record
class Box:
    """A rectangle: outlined (``stroke`` pt wide, in ``color``), filled (``fill``) or both."""

    rect: Rect
    stroke: float = 0.5  # 0 = no outline
    fill: CMYK | None = None
    color: CMYK = BLACK
    overprint: bool = False
    story: str | None = None


@record
class Picture:
    """A photo in its frame.  ``path`` None: no picture yet, a placeholder frame
    (tint, outline, diagonals; no words).  ``crop``: the pixel box that shows
    (``fill``: the frame's proportions, centred) or None (``fit``: the whole picture
    letterboxed in the frame).  ``story``: whose photo (for messages)."""

    path: str | None
    frame: Rect
    fit: str = "fill"
    crop: tuple[int, int, int, int] | None = None
    story: str | None = None
    overprint: bool = False


@record
class Dots:
    """着重号: round dots of ``radius`` centred at ``xs`` on the line ``y`` (clreq §3.3)."""

    xs: tuple[float, ...]
    y: float
    radius: float
    color: CMYK = BLACK
    overprint: bool = False
    story: str | None = None


@record
class Form:
    """A page of another PDF (an ad) placed whole as a form, not redrawn: the first
    page of ``path``, its box's lower-left corner at (x, y), scaled by ``scale``.
    Its words are not the paper's copy: a backend paints it as an artifact."""

    path: str
    x: float
    y: float
    scale: float
    overprint: bool = False


@record
class CropMark:
    """A crop mark segment, media coordinates, in registration colour."""

    x0: float
    y0: float
    x1: float
    y1: float


@record
class RegistrationTarget:
    """A registration target (circle, cross, centre disc) of diameter ``size``, media coordinates."""

    cx: float
    cy: float
    size: float


Item = TextRun | Rule | Box | Picture | Dots | Form
Mark = CropMark | RegistrationTarget


@record
class DisplayPage:
    """One page to paint: its boxes, the faces its runs name, the marks in the slug,
    the page's content in reading order (the PDF's text order) and the proof
    overlay painted over it (empty for a print page)."""

    boxes: PageBoxes
    fonts: FontSet
    content: tuple[Item, ...]
    marks: tuple[Mark, ...] = ()
    overlay: tuple[Item, ...] = ()
