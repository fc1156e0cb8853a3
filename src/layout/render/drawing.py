"""Drawing: a placed page -> a display list (``render.display``), no canvas here.

What is decided here, once for every backend:
- the page boxes (trim, bleed, slug) and the printer's marks in the slug;
- which ink overprints: 100 % K text and rules print over what lies below them
  (render.inks: no white halo on a misregistered coldset press), white text on a
  reversed label, boxes and photos knock out;
- which part of a photo shows: ``fill`` crops the pixels to the frame's proportions
  (centred), ``fit`` letterboxes the whole picture;
- the proof overlay (``render.proof``) when a proof is asked for.
The PDF backend (``render.pdfbackend``) paints the records and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from layout.fonts import FontSet
from layout.place.items import BoxItem, ImageItem, PlacedPage, RuleItem, TextItem
from layout.place.snap import PX_PER_PT, line_shift, raster_scale, snapped
from layout.records import record
from layout.render.display import (
    BLACK,
    Box,
    CropMark,
    DisplayPage,
    Glyphs,
    Item,
    Mark,
    Picture,
    RegistrationTarget,
    Rule,
    TextRun,
)
from layout.render.marks import (
    DEFAULT_SLUG,
    MIN_CROP_MARK_LENGTH,
    PageBoxes,
    crop_mark_segments,
    registration_centres,
    registration_size,
)


@record
class PageSetup:
    """How pages are set up for output.  ``marks``: crop and registration marks in a
    slug outside the bleed.  ``bleed``: None takes each page's own bleed."""

    marks: bool = False
    bleed: float | None = None
    slug: float = 0.0


# (placed page, its fonts, its boxes, its number from 1) -> the proof overlay's records
Overlay = Callable[[PlacedPage, FontSet, PageBoxes, int], tuple[Item, ...]]


def page_boxes_for(placed: PlacedPage, setup: PageSetup) -> PageBoxes:
    """The page's boxes: trim from its geometry, bleed from it or ``setup``, a slug
    when marks need one."""
    geo = placed.geometry
    bleed = geo.bleed if setup.bleed is None else setup.bleed
    slug = max(setup.slug, DEFAULT_SLUG if setup.marks else 0.0)
    return PageBoxes(geo.page_width, geo.page_height, bleed, slug)


def display_pages(pages: Sequence[PlacedPage], fonts: Sequence[FontSet], setup: PageSetup | None = None,
                  overlay: Overlay | None = None) -> list[DisplayPage]:
    """Every placed page as a display page; ``fonts[i]`` is the font set page ``i``
    was placed (measured) with, and the one its runs are drawn with."""
    if len(fonts) != len(pages):
        raise ValueError(f"{len(pages)} pages but {len(fonts)} font sets")
    setup = setup or PageSetup()
    out = []
    for n, (placed, page_fonts) in enumerate(zip(pages, fonts, strict=True), 1):
        boxes = page_boxes_for(placed, setup)
        over = overlay(placed, page_fonts, boxes, n) if overlay is not None else ()
        items = snap_runs(content_items(placed), page_fonts, boxes.margin, raster_scale(boxes.media_size[0]))
        out.append(DisplayPage(boxes, page_fonts, items, page_marks(boxes) if setup.marks else (), over))
    return out


def snap_runs(runs: Sequence[Item], fonts: FontSet, origin: float, scale: float = PX_PER_PT) -> tuple[Item, ...]:
    """``runs`` with every display line moved off the raster's edge pixels
    (``place.snap``); ``origin``: where a run's x = 0 lies on the media, pt;
    ``scale``: the raster's pixels per point across the page (``snap.raster_scale``)."""
    out = []
    for run in runs:
        if isinstance(run, TextRun) and snapped(run.kind, run.rotated):
            shift = line_shift(run.glyphs, fonts, origin + run.x, scale)
            if shift:
                run = replace(run, x=run.x + shift)
        out.append(run)
    return tuple(out)


def content_items(placed: PlacedPage) -> tuple[Item, ...]:
    """The page's items as display records, in reading order."""
    out: list[Item] = []
    for it in placed.items:
        if isinstance(it, TextItem):
            out.append(TextRun(it.line, it.x, it.baseline, it.color, overprint=tuple(it.color) == BLACK,
                               kind=it.kind, story=it.story, rotated=it.rotated,
                               artifact=it.artifact))
        elif isinstance(it, RuleItem):
            out.append(Rule(it.x0, it.y0, it.x1, it.y1, it.width, it.color, overprint=tuple(it.color) == BLACK,
                            story=it.story))
        elif isinstance(it, BoxItem):
            out.append(Box(it.rect, it.stroke, it.fill, it.color, story=it.story))
        elif isinstance(it, ImageItem):
            out.append(picture(it))
        else:  # the content form's and the page items' records (render.elements)
            from layout.render.elements import element_record

            out.append(element_record(it))
    return tuple(out)


def picture(it: ImageItem) -> Picture:
    """A photo frame: the crop that shows (``fill``) or none (``fit``, letterboxed)."""
    if it.path is None:
        return Picture(None, it.rect, it.fit, None, it.story)
    frame = it.rect
    crop = None
    if it.fit == "fill":
        px = it.pixel_size if all(it.pixel_size) else _pixel_size(it.path)
        crop = fill_crop(px, frame.width, frame.height)
    return Picture(it.path, frame, it.fit, crop, it.story)


def _pixel_size(path: str) -> tuple[int, int]:
    from layout.render.images import pixel_size

    return pixel_size(path)  # the header only: a huge photo is not decoded for its size


def fill_crop(px: tuple[int, int], width: float, height: float) -> tuple[int, int, int, int]:
    """The centred pixel box of an image of ``px`` with the frame's aspect ratio."""
    iw, ih = px
    want = width / height
    if iw / ih > want:  # too wide: cut the sides
        w = max(1, round(ih * want))
        x0 = (iw - w) // 2
        return (x0, 0, x0 + w, ih)
    h = max(1, round(iw / want))
    y0 = (ih - h) // 2
    return (0, y0, iw, y0 + h)


def page_marks(boxes: PageBoxes) -> tuple[Mark, ...]:
    """Crop marks (two per corner) and, where the slug has room, four registration
    targets, in media coordinates (render.marks: all outside the bleed)."""
    marks: list[Mark] = [CropMark(*seg) for seg in crop_mark_segments(boxes)]
    size = registration_size(boxes)
    if size >= MIN_CROP_MARK_LENGTH:
        marks.extend(RegistrationTarget(cx, cy, size) for cx, cy in registration_centres(boxes))
    return tuple(marks)


def label_glyphs(text: str, fonts: FontSet, role: str, size: float) -> tuple[Glyphs, float]:
    """``text`` set solid on one line without composing (proof labels, slug lines):
    each character in the first face of ``role``'s chain that has it, advancing by
    its width.  Returns the glyphs and the line's width in pt."""
    faces, xs = [], []
    x = 0.0
    for ch in text:
        face = fonts.resolve(ord(ch), role)
        faces.append(face.role if face is not None else role)
        xs.append(x)
        x += (face.advance(ord(ch)) if face is not None else 1.0) * size
    return Glyphs(text, faces, [size] * len(text), xs), x


def label(text: str, x: float, baseline: float, fonts: FontSet, role: str, size: float,
          color: Sequence[float] | None = None) -> TextRun:
    """A label (``label_glyphs``) as a text run whose spaces draw (its words extract as words)."""
    glyphs, _ = label_glyphs(text, fonts, role, size)
    return TextRun(glyphs, x, baseline, tuple(color) if color is not None else BLACK, spaces=True)
