"""Drawing placed pages into a PDF with ReportLab.

The canvas only draws what placement decided (style.md: ReportLab as a thin drawing
layer): lines at their positions, rules, boxes, pictures.  Content is drawn in
trim-box coordinates; ``render.marks.begin_page`` sets the page boxes and moves the
origin onto the trim.  Black text and rules are 100 % K and overprint (render.inks);
white text on a reversed label must knock out, so overprint is switched per item.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from layout.fonts import FontSet
from layout.model.geometry import Rect
from layout.place.items import BoxItem, ImageItem, PlacedPage, Problem, RuleItem, TextItem
from layout.records import record
from layout.render.marks import PageBoxes

BLACK = (0.0, 0.0, 0.0, 1.0)
PLACEHOLDER_TINT = (0.0, 0.0, 0.0, 0.12)  # light grey: visibly "no picture yet", a flat K tint


@record
class RenderOptions:
    """How pages are written.  ``marks``: crop and registration marks in a slug
    outside the bleed.  ``bleed``: None takes each page's own bleed."""

    marks: bool = False
    bleed: float | None = None
    slug: float = 0.0
    title: str = ""
    pdfx: object | None = None  # a render.pdfxwrite.PdfxDocument: write PDF/X-4 in the same pass
    output_profile: str | None = None  # the plant's CMYK profile photos are separated with (None: bundled)


@dataclass
class Rendered:
    """The PDF bytes and what drawing found (image resolution, unreadable pictures)."""

    pdf: bytes
    problems: list[Problem] = field(default_factory=list)


Overlay = Callable[[object, PlacedPage, PageBoxes], None]


def page_boxes_for(placed: PlacedPage, options: RenderOptions) -> PageBoxes:
    from layout.render.marks import DEFAULT_SLUG

    geo = placed.geometry
    bleed = geo.bleed if options.bleed is None else options.bleed
    slug = max(options.slug, DEFAULT_SLUG if options.marks else 0.0)
    return PageBoxes(geo.page_width, geo.page_height, bleed, slug)


def render_pages(pages: Sequence[PlacedPage], fonts: FontSet, options: RenderOptions | None = None,
                 overlay: Overlay | None = None) -> Rendered:
    """All ``pages`` into one PDF (an edition, or a reprint that ran onto a second
    page).  ``overlay`` draws over each page after its content (the proof view)."""
    from layout.render.canvas import new_canvas
    from layout.render.marks import begin_page, end_page

    if not pages:
        raise ValueError("no pages to render")
    opts = options or RenderOptions()
    buf = io.BytesIO()
    first = page_boxes_for(pages[0], opts)
    c = new_canvas(buf, first.media_size)
    c.setTitle(opts.title or pages[0].title or "layout page")
    c.setCreator("layout")
    c.setProducer("layout (ReportLab)")
    out = Rendered(b"")
    for placed in pages:
        boxes = page_boxes_for(placed, opts)
        begin_page(c, boxes, marks=opts.marks)
        out.problems.extend(draw_items(c, placed, fonts, opts.output_profile))
        if overlay is not None:
            overlay(c, placed, boxes)
        end_page(c)
    finish = None
    if opts.pdfx is not None:
        from layout.render.pdfxwrite import add_pdfx

        finish = add_pdfx(c, opts.pdfx)
    c.save()
    out.pdf = finish(buf.getvalue()) if finish else buf.getvalue()
    return out


def draw_items(c, placed: PlacedPage, fonts: FontSet, profile: str | None = None) -> list[Problem]:
    """Every item in reading order (the PDF's text order is the reading order)."""
    from layout.render.inks import set_overprint
    from layout.render.text import draw_line

    problems: list[Problem] = []
    over = None
    for it in placed.items:
        black = isinstance(it, TextItem | RuleItem) and tuple(it.color) == BLACK
        if black != over:
            if over is not None:
                c.restoreState()
            c.saveState()
            set_overprint(c, black)
            over = black
        if isinstance(it, TextItem):
            draw_line(c, it.line, it.x, it.baseline, fonts, color=it.color)
        elif isinstance(it, RuleItem):
            c.setStrokeColorCMYK(*it.color)
            c.setLineWidth(it.width)
            c.line(it.x0, it.y0, it.x1, it.y1)
        elif isinstance(it, BoxItem):
            _draw_box(c, it)
        elif isinstance(it, ImageItem):
            problems.extend(draw_image(c, it, profile))
    if over is not None:
        c.restoreState()
    return problems


def _draw_box(c, it: BoxItem) -> None:
    r = it.rect
    if it.fill is not None:
        c.setFillColorCMYK(*it.fill)
    if it.stroke > 0:
        c.setStrokeColorCMYK(*it.color)
        c.setLineWidth(it.stroke)
    c.rect(r.x0, r.y0, r.width, r.height, stroke=1 if it.stroke > 0 else 0, fill=1 if it.fill is not None else 0)


def draw_image(c, it: ImageItem, profile: str | None = None) -> list[Problem]:
    """A picture filling (cropped to the frame's proportions, centred) or fitting
    (letterboxed) its frame, separated to CMYK for the press.  Cropping happens on
    the pixels, so no hidden image data reaches the plant.  Returns the resolution
    verdict when it is not ok (warn < 150 ppi, error < 100 ppi)."""
    from layout.render.imagecache import prepared_image
    from layout.render.images import draw_image as draw_prepared

    frame = it.rect
    if it.path is None:
        draw_placeholder(c, frame)
        return []
    px = it.pixel_size if all(it.pixel_size) else _pixel_size(it.path)
    crop = fill_crop(px, frame.width, frame.height) if it.fit == "fill" else None
    prepared = prepared_image(it.path, (frame.width, frame.height), crop, profile)
    if it.fit == "fill":
        draw_prepared(c, prepared, frame.x0, frame.y0, frame.width, frame.height)
    else:
        scale = min(frame.width / prepared.width, frame.height / prepared.height)
        dw, dh = prepared.width * scale, prepared.height * scale
        draw_prepared(c, prepared, frame.x0 + (frame.width - dw) / 2, frame.y0 + (frame.height - dh) / 2, dw, dh)
    res = prepared.resolution
    if res is not None and res.status != "ok":
        return [Problem("image", it.story, f"{it.story}: photo {it.path}: {res.message}")]
    return []


def _pixel_size(path: str) -> tuple[int, int]:
    from layout.render.images import load_image

    return load_image(path).size


def draw_placeholder(c, frame: Rect) -> None:
    """An empty photo frame as layout programs draw it: a tint, an outline and the
    two diagonals.  No words: a placeholder must not add text to the page."""
    c.saveState()
    c.setFillColorCMYK(*PLACEHOLDER_TINT)
    c.setStrokeColorCMYK(0, 0, 0, 0.5)
    c.setLineWidth(0.5)
    c.rect(frame.x0, frame.y0, frame.width, frame.height, stroke=1, fill=1)
    c.line(frame.x0, frame.y0, frame.x1, frame.y1)
    c.line(frame.x0, frame.y1, frame.x1, frame.y0)
    c.restoreState()


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
