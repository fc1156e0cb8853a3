"""Build small print pages with ReportLab for the PDF/X tests (real fonts, real images)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.render import images, inks, marks, pdfbackend

ROOT = Path(__file__).resolve().parents[2]
SERIF = ROOT / "fonts" / "NotoSerifSC-Regular.ttf"
FONT = "PdfxTestSerif"


def font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(SERIF), asciiReadable=False))
    return FONT


def photo(w: int = 600, h: int = 400) -> Image.Image:
    """An RGB test photo: black, saturated blue, a grey ramp."""
    a = np.zeros((h, w, 3), np.uint8)
    a[:, w // 3: 2 * w // 3] = (0, 110, 230)
    a[:, 2 * w // 3:] = np.linspace(0, 255, w - 2 * w // 3, dtype=np.uint8)[None, :, None]
    return Image.fromarray(a, "RGB")


def print_page(pages: int = 1, *, with_image: bool = True, text: str = "开发区新闻 第一版",
               pdfx=None) -> bytes:
    """A print page: boxes, marks, a rich-black band into the bleed, a tint, an
    overprinting K headline in an embedded CJK font, and a CMYK photo.  ``pdfx``
    (a render.pdfxwrite.PdfxDocument) writes it as PDF/X-4 in the same pass."""
    buf = io.BytesIO()
    name = font()
    c = Canvas(buf, invariant=1, pageCompression=1, initialFontName=name, initialFontSize=10,
               **({"pdfVersion": (1, 6)} if pdfx is not None else {}))
    boxes = marks.page_boxes(marks.mm(180), marks.mm(250))
    img = images.prepare_image(photo(), placed_size=(marks.mm(80), marks.mm(53))) if with_image else None
    for n in range(pages):
        pdfbackend.begin_page(c, boxes)
        c.setFillColorCMYK(*inks.RICH_BLACK)
        c.rect(-boxes.bleed, marks.mm(230), boxes.trim_width + 2 * boxes.bleed, marks.mm(20) + boxes.bleed,
               stroke=0, fill=1)
        c.setFillColorCMYK(0.2, 0, 0, 0)
        c.rect(marks.mm(10), marks.mm(150), marks.mm(160), marks.mm(40), stroke=0, fill=1)
        t = c.beginText(marks.mm(15), marks.mm(170))
        t.setFont(name, 18)
        inks.set_text_black(t)
        t.textLine(f"{text} {n + 1}")
        c.drawText(t)
        if img is not None:
            images.draw_image(c, img, marks.mm(10), marks.mm(20), marks.mm(80), marks.mm(53))
        pdfbackend.end_page(c)
    finish = None
    if pdfx is not None:
        from layout.render.pdfxwrite import add_pdfx

        finish = add_pdfx(c, pdfx)
    c.save()
    return finish(buf.getvalue()) if finish else buf.getvalue()
