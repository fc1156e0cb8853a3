"""Drawing a placed page into a PDF with ReportLab.

The canvas only draws what placement decided (style.md: ReportLab as a thin drawing
layer): lines at their positions, rules, boxes, pictures.  Content is drawn in
trim-box coordinates; ``origin`` shifts it onto the media box when there is bleed or
a slug.  Text is 100 % K (typography for newspapers: never a four-colour black).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from layout.fonts import FontSet
from layout.model.geometry import Rect
from layout.place.items import BoxItem, ImageItem, PlacedPage, RuleItem, TextItem


@dataclass(frozen=True)
class Media:
    """The sheet around the trimmed page: bleed (content may run into it) and slug
    (room for marks and the proof's slug line), both in pt."""

    bleed: float = 0.0
    slug: float = 0.0

    @property
    def offset(self) -> float:
        return self.bleed + self.slug


def new_canvas(buffer: io.BytesIO, placed: PlacedPage, media: Media, title: str = ""):
    """A deterministic ReportLab canvas sized for ``placed`` plus bleed and slug."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(buffer, pagesize=_media_size(placed, media), invariant=1, pageCompression=1, pdfVersion=(1, 6))
    c.setTitle(title or placed.title or "layout page")
    c.setCreator("layout")
    c.setProducer("layout (ReportLab)")
    return c


def _media_size(placed: PlacedPage, media: Media) -> tuple[float, float]:
    geo = placed.geometry
    return geo.page_width + 2 * media.offset, geo.page_height + 2 * media.offset


def draw_page(c, placed: PlacedPage, fonts: FontSet, media: Media) -> None:
    """Draw one page's items (in trim coordinates, shifted by the bleed and slug)."""
    c.setPageSize(_media_size(placed, media))
    c.saveState()
    c.translate(media.offset, media.offset)
    draw_items(c, placed, fonts)
    c.restoreState()


def render_canvas(placed: PlacedPage, fonts: FontSet, media: Media, buffer: io.BytesIO, *, title: str = ""):
    """A ReportLab canvas with the page drawn (not yet saved), so callers can add
    proof overlays or marks before ``showPage``/``save``."""
    c = new_canvas(buffer, placed, media, title)
    draw_page(c, placed, fonts, media)
    return c


def draw_items(c, placed: PlacedPage, fonts: FontSet) -> None:
    """Every item in reading order (so the PDF's text order is the reading order)."""
    from layout.render.text import draw_line

    for it in placed.items:
        if isinstance(it, TextItem):
            draw_line(c, it.line, it.x, it.baseline, fonts, color=it.color)
        elif isinstance(it, RuleItem):
            c.setStrokeColorCMYK(*it.color)
            c.setLineWidth(it.width)
            c.line(it.x0, it.y0, it.x1, it.y1)
        elif isinstance(it, BoxItem):
            _draw_box(c, it)
        elif isinstance(it, ImageItem):
            draw_image(c, it)


def _draw_box(c, it: BoxItem) -> None:
    r = it.rect
    if it.fill is not None:
        c.setFillColorCMYK(*it.fill)
    if it.stroke > 0:
        c.setStrokeColorCMYK(*it.color)
        c.setLineWidth(it.stroke)
    c.rect(r.x0, r.y0, r.width, r.height, stroke=1 if it.stroke > 0 else 0, fill=1 if it.fill is not None else 0)


def draw_image(c, it: ImageItem) -> None:
    """A picture filling (cropped to the frame's proportions, centred) or fitting
    (letterboxed) its frame.  Cropping happens on the pixels, so no hidden image
    data reaches the plant."""
    from layout.render.images import draw_image as draw_prepared
    from layout.render.images import load_image, prepare_image

    frame = it.rect
    if it.path is None:
        draw_placeholder(c, frame)
        return
    im = load_image(it.path)
    crop = fill_crop(im.size, frame.width, frame.height) if it.fit == "fill" else None
    prepared = prepare_image(im, placed_size=(frame.width, frame.height), crop=crop)
    if it.fit == "fill":
        draw_prepared(c, prepared, frame.x0, frame.y0, frame.width, frame.height)
        return
    scale = min(frame.width / prepared.width, frame.height / prepared.height)
    dw, dh = prepared.width * scale, prepared.height * scale
    draw_prepared(c, prepared, frame.x0 + (frame.width - dw) / 2, frame.y0 + (frame.height - dh) / 2, dw, dh)


PLACEHOLDER_TINT = (0.0, 0.0, 0.0, 0.12)  # light grey: visibly "no picture yet", prints as a flat K tint


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


def render_pdf(placed: PlacedPage, fonts: FontSet, media: Media | None = None) -> bytes:
    """The page as PDF bytes (plain; print-ready output wraps this, see render.output)."""
    buf = io.BytesIO()
    c = render_canvas(placed, fonts, media or Media(bleed=placed.geometry.bleed), buf)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_document(pages: list[PlacedPage], fonts: FontSet, media: Media | None = None, title: str = "") -> bytes:
    """Several placed pages as one PDF, in order (an edition, or a reprint that ran
    onto a second page)."""
    if not pages:
        raise ValueError("no pages to render")
    buf = io.BytesIO()
    m = media or Media(bleed=pages[0].geometry.bleed)
    c = new_canvas(buf, pages[0], m, title)
    for placed in pages:
        draw_page(c, placed, fonts, m)
        c.showPage()
    c.save()
    return buf.getvalue()


def trim_rect(placed: PlacedPage, media: Media) -> Rect:
    g = placed.geometry
    o = media.offset
    return Rect(o, o, o + g.page_width, o + g.page_height)
