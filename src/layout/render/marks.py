"""Page boxes, crop marks and registration marks for print-ready pages.

Why: a printing plant images the whole MediaBox, trims at the TrimBox and expects
everything that runs off the page to continue to the BleedBox (PDF/X requires TrimBox
and BleedBox on every page; ISO 15930-7 6.2).  Crop and registration marks sit in
the slug, the strip outside the bleed, so that trimming removes them and they never
print over the bleed (issue 5, "crop and registration marks in the slug outside the
bleed").

Geometry (all in points, origin at the lower-left of the MediaBox)::

    media edge | slug | bleed | trim ... trim | bleed | slug | media edge

The page content is drawn in *trim* coordinates (``PageBoxes.trim_origin``); the marks
are records of ``render.display`` made by ``render.drawing.page_marks`` and painted by
the backend (``render.pdfbackend.begin_page``).  This module is geometry only.
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


def registration_size(boxes: PageBoxes) -> float:
    """Target diameter: the default, shrunk to fit the slug with a gap to the bleed."""
    return min(REGISTRATION_DIAMETER, boxes.slug - 2 * CROP_MARK_GAP)


def marks_extent(boxes: PageBoxes) -> float:
    """Smallest distance from the trim edge at which any mark is drawn (for tests and
    preflight: it must exceed the bleed)."""
    start = boxes.bleed + CROP_MARK_GAP
    reg = boxes.bleed + boxes.slug / 2 - registration_size(boxes) / 2
    return min(start, reg) if registration_size(boxes) >= MIN_CROP_MARK_LENGTH else start


def mm(value: float) -> float:
    """Millimetres to points (for callers that hold sizes in mm)."""
    return value * MM


__all__ = [
    "DEFAULT_BLEED", "DEFAULT_SLUG", "MM", "PageBoxes", "crop_mark_segments", "marks_extent", "mm", "page_boxes",
    "registration_centres", "registration_size",
]
