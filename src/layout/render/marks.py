"""Page boxes, crop marks and registration marks for print-ready pages.

Why: a printing plant images the whole MediaBox, trims at the TrimBox and expects
everything that runs off the page to continue to the BleedBox (PDF/X requires TrimBox
and BleedBox on every page; ISO 15930-7 6.2).  Crop and registration marks sit in
the slug, the strip outside the bleed, so that trimming removes them and they never
print over the bleed (issue 5, "crop and registration marks in the slug outside the
bleed").

Geometry (all in points, origin at the lower-left of the MediaBox)::

    media edge | slug | bleed | trim ... trim | bleed | slug | media edge

The page content is drawn in *trim* coordinates after ``canvas.translate(*boxes.
trim_origin)``; ``begin_page`` does that and sets the boxes on the ReportLab canvas.
"""

from __future__ import annotations

from layout.records import record
from layout.units import parse_length

MM = 72 / 25.4

DEFAULT_BLEED = 3 * MM  # the newspaper and Ghent Workgroup norm for bleed
DEFAULT_SLUG = 10 * MM  # room outside the bleed for a 5 mm crop mark and a registration target

MARK_LINE_WIDTH = 0.25  # pt; a hairline that still images on a CTP plate
CROP_MARK_GAP = 1 * MM  # crop marks start this far outside the bleed, never inside it
CROP_MARK_LENGTH = 5 * MM
MIN_CROP_MARK_LENGTH = 2 * MM  # shorter than this a trimmer cannot follow the mark
REGISTRATION_DIAMETER = 6 * MM  # outer circle of the registration target
REGISTRATION_SPOT = "All"  # PDF's special colourant name: the mark prints on every plate


@record
class PageBoxes:
    """The boxes of one print page, in points, origin at the MediaBox's lower-left."""

    trim_width: float
    trim_height: float
    bleed: float = DEFAULT_BLEED
    slug: float = DEFAULT_SLUG

    def __post_init__(self) -> None:
        if self.trim_width <= 0 or self.trim_height <= 0:
            raise ValueError(f"trim size must be positive, got {self.trim_width} x {self.trim_height} pt")
        if self.bleed < 0 or self.slug < 0:
            raise ValueError(f"bleed and slug must not be negative (bleed {self.bleed}, slug {self.slug})")

    @property
    def margin(self) -> float:
        """Distance from the trim edge to the media edge."""
        return self.bleed + self.slug

    @property
    def media_size(self) -> tuple[float, float]:
        return (self.trim_width + 2 * self.margin, self.trim_height + 2 * self.margin)

    @property
    def media_box(self) -> tuple[float, float, float, float]:
        w, h = self.media_size
        return (0.0, 0.0, w, h)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        s = self.slug
        return (s, s, s + self.trim_width + 2 * self.bleed, s + self.trim_height + 2 * self.bleed)

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        m = self.margin
        return (m, m, m + self.trim_width, m + self.trim_height)

    @property
    def trim_origin(self) -> tuple[float, float]:
        """Translation that makes (0, 0) the trim's lower-left corner."""
        return (self.margin, self.margin)


def page_boxes(trim_width: float, trim_height: float, bleed: float | str = DEFAULT_BLEED,
               slug: float | str = DEFAULT_SLUG) -> PageBoxes:
    """Boxes for a trim size in points; bleed and slug in points or as a length
    string ('3mm') from the YAML/CLI boundary."""
    b = parse_length(bleed) if isinstance(bleed, str) else float(bleed)
    s = parse_length(slug) if isinstance(slug, str) else float(slug)
    return PageBoxes(float(trim_width), float(trim_height), b, s)


def registration_colour():  # -> reportlab.lib.colors.CMYKColorSep
    """Registration colour: a Separation named /All (every plate), alternate
    DeviceCMYK 100/100/100/100.  A Separation keeps the marks out of the total-ink
    check (they are not a 400 % fill on one plate set) and is PDF/X-1a and X-4 legal."""
    from reportlab.lib.colors import CMYKColorSep

    return CMYKColorSep(1, 1, 1, 1, spotName=REGISTRATION_SPOT)


def begin_page(canvas, boxes: PageBoxes, *, marks: bool = True) -> None:
    """Start a print page on ``canvas``: page size = MediaBox, TrimBox and BleedBox
    set, marks drawn in the slug, then the coordinate system moved to the trim's
    lower-left corner.  The caller draws the page in trim coordinates, between this
    call and ``end_page``; ``canvas.showPage()`` happens in ``end_page``."""
    canvas.setPageSize(boxes.media_size)
    canvas.setTrimBox(boxes.trim_box)
    canvas.setBleedBox(boxes.bleed_box)
    if marks:
        draw_marks(canvas, boxes)
    canvas.saveState()
    canvas.translate(*boxes.trim_origin)


def end_page(canvas) -> None:
    """Close a page begun with ``begin_page``."""
    canvas.restoreState()
    canvas.showPage()


def crop_mark_segments(boxes: PageBoxes) -> list[tuple[float, float, float, float]]:
    """Eight line segments (x0, y0, x1, y1) in media coordinates: two per corner,
    on the extension of the trim edges, starting ``CROP_MARK_GAP`` outside the bleed."""
    length = min(CROP_MARK_LENGTH, boxes.slug - CROP_MARK_GAP)
    if length < MIN_CROP_MARK_LENGTH:
        raise ValueError(f"slug of {boxes.slug / MM:.1f} mm leaves no room for crop marks "
                         f"(need {(CROP_MARK_GAP + MIN_CROP_MARK_LENGTH) / MM:.1f} mm)")
    x0, y0, x1, y1 = boxes.trim_box
    start = boxes.bleed + CROP_MARK_GAP
    segs = []
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            # horizontal mark on the line of the horizontal trim edge, outside the page
            segs.append((x + sx * start, y, x + sx * (start + length), y))
            # vertical mark on the line of the vertical trim edge
            segs.append((x, y + sy * start, x, y + sy * (start + length)))
    return segs


def registration_centres(boxes: PageBoxes) -> list[tuple[float, float]]:
    """Centres of the four registration targets: middle of each side, in the slug."""
    x0, y0, x1, y1 = boxes.trim_box
    d = boxes.bleed + boxes.slug / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [(cx, y0 - d), (cx, y1 + d), (x0 - d, cy), (x1 + d, cy)]


def _registration_size(boxes: PageBoxes) -> float:
    """Target diameter: the default, shrunk to fit the slug with a gap to the bleed."""
    return min(REGISTRATION_DIAMETER, boxes.slug - 2 * CROP_MARK_GAP)


def draw_marks(canvas, boxes: PageBoxes) -> None:
    """Draw crop and registration marks in registration colour, in media
    coordinates (call before translating to the trim)."""
    colour = registration_colour()
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(MARK_LINE_WIDTH)
    canvas.setLineCap(0)
    for x0, y0, x1, y1 in crop_mark_segments(boxes):
        canvas.line(x0, y0, x1, y1)
    size = _registration_size(boxes)
    if size >= MIN_CROP_MARK_LENGTH:
        for cx, cy in registration_centres(boxes):
            _registration_target(canvas, cx, cy, size)
    canvas.restoreState()


def _registration_target(canvas, cx: float, cy: float, size: float) -> None:
    """A circle with a cross through it and a small solid disc at the centre:
    misregistration of any plate shows as a coloured fringe on the lines and disc."""
    r = size / 2
    canvas.circle(cx, cy, r * 0.7, stroke=1, fill=0)
    canvas.line(cx - r, cy, cx + r, cy)
    canvas.line(cx, cy - r, cx, cy + r)
    canvas.circle(cx, cy, r * 0.3, stroke=0, fill=1)


def marks_extent(boxes: PageBoxes) -> float:
    """Smallest distance from the trim edge at which any mark is drawn (for tests and
    preflight: it must exceed the bleed)."""
    start = boxes.bleed + CROP_MARK_GAP
    reg = boxes.bleed + boxes.slug / 2 - _registration_size(boxes) / 2
    return min(start, reg) if _registration_size(boxes) >= MIN_CROP_MARK_LENGTH else start


def mm(value: float) -> float:
    """Millimetres to points (for callers that hold sizes in mm)."""
    return value * MM


__all__ = [
    "DEFAULT_BLEED", "DEFAULT_SLUG", "MM", "PageBoxes", "begin_page", "crop_mark_segments", "draw_marks",
    "end_page", "marks_extent", "mm", "page_boxes", "registration_centres", "registration_colour",
]
