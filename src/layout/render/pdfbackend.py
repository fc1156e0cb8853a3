"""The PDF backend: paints display pages (render.display) on a ReportLab canvas.

The only module that draws a page (style.md: ReportLab as a thin drawing layer):
every decision -- positions, colours, overprint, crops, marks, the proof overlay --
was made by ``render.drawing``; this module turns records into PDF operators, one
record kind at a time.  Its helpers: ``render.text`` (glyph runs as ``TJ`` arrays
with embedded CID fonts), ``render.images`` (press-ready photo XObjects),
``render.canvas`` (a deterministic canvas), ``render.pdfxwrite`` (PDF/X-4 objects).

Page content is drawn in trim coordinates after ``begin_page`` has set the boxes,
drawn the marks (media coordinates) and moved the origin onto the trim.  Items that
overprint (100 % K text and rules) are drawn inside one graphics state with
overprint on; the state changes only where the overprint setting does, so a page
of black text costs one ``gs``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from layout.model.geometry import Rect
from layout.place.items import Problem, ProblemKind
from layout.records import record
from layout.render.display import (
    Box,
    CropMark,
    DisplayPage,
    Dots,
    Form,
    Item,
    Mark,
    Picture,
    RegistrationTarget,
    Rule,
    TextRun,
)
from layout.render.marks import MARK_LINE_WIDTH, REGISTRATION_SPOT, PageBoxes

PLACEHOLDER_TINT = (0.0, 0.0, 0.0, 0.12)  # light grey: visibly "no picture yet", a flat K tint
PLACEHOLDER_LINE = (0.0, 0.0, 0.0, 0.5)


@record
class PdfOptions:
    """Document-wide settings of the PDF."""

    title: str = ""
    creator: str = "layout"
    producer: str | None = "layout (ReportLab)"
    pdfx: object | None = None  # a render.pdfxwrite.PdfxDocument: write PDF/X-4 in the same pass
    output_profile: str | None = None  # the plant's CMYK profile photos are separated with (None: bundled)
    tags: bool = False  # mark copy as /P <</MCID n>> for a structure tree (layout.edition.tags)
    # False: no font programs (a page only to be joined into an edition: render.cidfonts.DocumentFonts)
    font_programs: bool = True


@dataclass
class Rendered:
    """The PDF bytes and what painting found (image resolution, unreadable pictures)."""

    pdf: bytes
    problems: list[Problem] = field(default_factory=list)
    # With ``PdfOptions.tags``: per page, the story of each marked-content id
    # (MCID 0, 1, ...; None: copy outside stories, e.g. the section in the 报眉).
    marked: list[list[str | None]] = field(default_factory=list)
    # the faces the document draws with, each glyph by CID (render.cidfonts.UsedFont)
    fonts: list = field(default_factory=list)


def write_pdf(pages: Sequence[DisplayPage], options: PdfOptions | None = None) -> Rendered:
    """All ``pages`` into one PDF (a page, an edition, a reprint that ran on)."""
    from layout.render.canvas import new_canvas
    from layout.render.cidfonts import document_fonts

    if not pages:
        raise ValueError("no pages to render")
    opts = options or PdfOptions()
    buf = io.BytesIO()
    c = new_canvas(buf, pages[0].boxes.media_size)
    c.setTitle(opts.title or "layout page")
    c.setCreator(opts.creator)
    if opts.producer is not None:
        c.setProducer(opts.producer)
    out = Rendered(b"")
    fonts = document_fonts(c, opts.font_programs)
    for page in pages:
        marked: list[str | None] | None = [] if opts.tags else None
        out.problems.extend(draw_page(c, page, opts.output_profile, marked))
        if marked is not None:
            out.marked.append(marked)
    finish = None
    if opts.pdfx is not None:
        from layout.render.pdfxwrite import add_pdfx

        finish = add_pdfx(c, opts.pdfx)
    c.save()
    out.pdf = finish(buf.getvalue()) if finish else buf.getvalue()
    out.fonts = fonts.used()
    return out


def draw_page(c, page: DisplayPage, profile: str | None = None, marked: list[str | None] | None = None
              ) -> list[Problem]:
    """One page: boxes and marks, the content, the overlay over it.  ``marked``:
    tag the copy (``draw_content``)."""
    begin_page(c, page.boxes, page.marks)
    problems = draw_content(c, page, profile, marked)
    if page.overlay:
        c.saveState()
        for it in page.overlay:
            problems.extend(draw_item(c, it, page, profile))
        c.restoreState()
    end_page(c)
    return problems


def draw_content(c, page: DisplayPage, profile: str | None = None, marked: list[str | None] | None = None
                 ) -> list[Problem]:
    """The page's items in order (the PDF's text order is the reading order), with
    overprint switched where it changes.  Furniture (``TextRun.artifact``) is an
    /Artifact (ISO 32000-1 §14.8.2.2); with ``marked`` every line of copy is
    marked content with an id (MCID), its story appended to ``marked``."""
    from layout.render.inks import set_overprint
    from layout.render.text import line_operators

    problems: list[Problem] = []
    over = None
    for it in page.content:
        if it.overprint != over:
            if over is not None:
                c.restoreState()
            c.saveState()
            set_overprint(c, it.overprint)
            over = it.overprint
        if isinstance(it, TextRun) and (it.artifact is not None or marked is not None):
            if it.artifact is not None:
                bdc = artifact_bdc(it.artifact)
            else:
                bdc = f"/P <</MCID {len(marked)}>> BDC"  # type: ignore[arg-type]
                marked.append(it.story)  # type: ignore[union-attr]
            # one addition per line (~5,000 a page): the same operators, one line each
            ops = line_operators(c, it.glyphs, it.x, it.baseline, page.fonts, it.color, spaces=it.spaces,
                                 rotated=it.rotated)
            c.addLiteral(f"{bdc}\n{ops}\nEMC" if ops else f"{bdc}\nEMC")
            continue
        problems.extend(draw_item(c, it, page, profile))
    if over is not None:
        c.restoreState()
    return problems


def draw_item(c, it: Item, page: DisplayPage, profile: str | None = None) -> list[Problem]:
    """Paint one record; returns what painting found (photos only)."""
    if isinstance(it, TextRun):
        from layout.render.text import draw_line

        draw_line(c, it.glyphs, it.x, it.baseline, page.fonts, color=it.color, spaces=it.spaces,
                  rotated=it.rotated)
    elif isinstance(it, Rule):
        c.setStrokeColorCMYK(*it.color)
        c.setLineWidth(it.width)
        c.line(it.x0, it.y0, it.x1, it.y1)
    elif isinstance(it, Box):
        draw_box(c, it)
    elif isinstance(it, Picture):
        return draw_picture(c, it, profile)
    elif isinstance(it, Dots):
        draw_dots(c, it)
    elif isinstance(it, Form):
        draw_form(c, it)
    return []


def draw_dots(c, it: Dots) -> None:
    """着重号: filled round dots (vector, no text: the copy is unchanged)."""
    c.setFillColorCMYK(*it.color)
    for x in it.xs:
        c.circle(x, it.y, it.radius, stroke=0, fill=1)


def draw_form(c, it: Form) -> None:
    """A PDF ad's first page as a form XObject (render.pdfforms: copied, not redrawn)
    inside ``/Artifact`` marked content: the ad's words are not the paper's copy, so
    text extraction for checks leaves them out (PDF 1.7 §14.8.2.2)."""
    from layout.render.pdfforms import import_first_page
    from layout.render.rlprivate import draw_form_xobject

    form = import_first_page(c, it.path)
    x0, y0 = form.bbox[0], form.bbox[1]
    matrix = (it.scale, 0.0, 0.0, it.scale, it.x - x0 * it.scale, it.y - y0 * it.scale)
    draw_form_xobject(c, form.name, matrix, artifact=True)


def artifact_bdc(subtype: str) -> str:
    """The operator opening furniture (ISO 32000-1 §14.8.2.2): a /Pagination
    artifact, with its /Subtype (Header, Footer) when it has one.  Readers, search
    and ``layout verify`` leave its text out of the page's content."""
    sub = f" /Subtype /{subtype}" if subtype else ""
    return f"/Artifact <</Type /Pagination{sub}>> BDC"


def draw_box(c, it: Box) -> None:
    r = it.rect
    if it.fill is not None:
        c.setFillColorCMYK(*it.fill)
    if it.stroke > 0:
        c.setStrokeColorCMYK(*it.color)
        c.setLineWidth(it.stroke)
    c.rect(r.x0, r.y0, r.width, r.height, stroke=1 if it.stroke > 0 else 0, fill=1 if it.fill is not None else 0)


def draw_picture(c, it: Picture, profile: str | None = None) -> list[Problem]:
    """A photo separated to CMYK for the press, cropped on the pixels (no hidden
    image data reaches the plant) or letterboxed.  Returns the resolution verdict
    when it is not ok (warn < 150 ppi, error < 100 ppi)."""
    from layout.render.imagecache import prepared_image
    from layout.render.images import draw_image

    frame = it.frame
    if it.path is None:
        draw_placeholder(c, frame)
        return []
    prepared = prepared_image(it.path, (frame.width, frame.height), it.crop, profile)
    if it.fit == "fill":
        draw_image(c, prepared, frame.x0, frame.y0, frame.width, frame.height)
    else:
        scale = min(frame.width / prepared.width, frame.height / prepared.height)
        dw, dh = prepared.width * scale, prepared.height * scale
        draw_image(c, prepared, frame.x0 + (frame.width - dw) / 2, frame.y0 + (frame.height - dh) / 2, dw, dh)
    res = prepared.resolution
    if res is not None and res.status != "ok":
        return [Problem(ProblemKind.IMAGE, it.story, f"{it.story}: photo {it.path}: {res.message}")]
    return []


def draw_placeholder(c, frame: Rect) -> None:
    """An empty photo frame as layout programs draw it: a tint, an outline and the
    two diagonals.  No words: a placeholder must not add text to the page."""
    c.saveState()
    c.setFillColorCMYK(*PLACEHOLDER_TINT)
    c.setStrokeColorCMYK(*PLACEHOLDER_LINE)
    c.setLineWidth(0.5)
    c.rect(frame.x0, frame.y0, frame.width, frame.height, stroke=1, fill=1)
    c.line(frame.x0, frame.y0, frame.x1, frame.y1)
    c.line(frame.x0, frame.y1, frame.x1, frame.y0)
    c.restoreState()


def begin_page(canvas, boxes: PageBoxes, marks: Sequence[Mark] | None = None) -> None:
    """Start a print page on ``canvas``: page size = MediaBox, TrimBox and BleedBox
    set, ``marks`` drawn in the slug (None: the standard crop and registration marks
    of ``boxes``, render.drawing.page_marks), then the coordinate system moved to the
    trim's lower-left corner.  The caller draws the page in trim coordinates, between this
    call and ``end_page``; ``canvas.showPage()`` happens in ``end_page``."""
    canvas.setPageSize(boxes.media_size)
    canvas.setTrimBox(boxes.trim_box)
    canvas.setBleedBox(boxes.bleed_box)
    if marks is None:
        from layout.render.drawing import page_marks

        marks = page_marks(boxes)
    if marks:
        draw_marks(canvas, marks)
    canvas.saveState()
    canvas.translate(*boxes.trim_origin)


def end_page(canvas) -> None:
    """Close a page begun with ``begin_page``."""
    canvas.restoreState()
    canvas.showPage()


def registration_colour():  # -> reportlab.lib.colors.CMYKColorSep
    """Registration colour: a Separation named /All (every plate), alternate
    DeviceCMYK 100/100/100/100.  A Separation keeps the marks out of the total-ink
    check (they are not a 400 % fill on one plate set) and is PDF/X-1a and X-4 legal."""
    from reportlab.lib.colors import CMYKColorSep

    return CMYKColorSep(1, 1, 1, 1, spotName=REGISTRATION_SPOT)


def draw_marks(canvas, marks: Sequence[Mark]) -> None:
    """Crop and registration marks in registration colour, in media coordinates
    (before the origin moves to the trim)."""
    colour = registration_colour()
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(MARK_LINE_WIDTH)
    canvas.setLineCap(0)
    for m in marks:
        if isinstance(m, CropMark):
            canvas.line(m.x0, m.y0, m.x1, m.y1)
        elif isinstance(m, RegistrationTarget):
            _registration_target(canvas, m.cx, m.cy, m.size)
    canvas.restoreState()


def _registration_target(canvas, cx: float, cy: float, size: float) -> None:
    """A circle with a cross through it and a small solid disc at the centre:
    misregistration of any plate shows as a coloured fringe on the lines and disc."""
    r = size / 2
    canvas.circle(cx, cy, r * 0.7, stroke=1, fill=0)
    canvas.line(cx - r, cy, cx + r, cy)
    canvas.line(cx, cy - r, cx, cy + r)
    canvas.circle(cx, cy, r * 0.3, stroke=0, fill=1)
