"""Small PDFs built on purpose, each with one print fault (or none)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.render import images, inks, marks, pdfbackend, pdfx

SERIF = Path(__file__).resolve().parents[2] / "fonts" / "NotoSerifSC-Regular.ttf"
FONT = "PreflightTestSerif"


def font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(SERIF), asciiReadable=False))
    return FONT


def page(draw=None, *, boxes: bool = True, text: str = "新闻", use_font: str | None = None) -> bytes:
    """One print page with embedded CJK text in overprinting K; ``draw(canvas)``
    adds the fault (in trim coordinates)."""
    name = use_font or font()
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1, initialFontName=font(), initialFontSize=10)
    b = marks.page_boxes(400, 500)
    if boxes:
        pdfbackend.begin_page(c, b)
    else:
        c.setPageSize(b.media_size)
        c.saveState()
    t = c.beginText(40, 450)
    t.setFont(name, 10)
    inks.set_text_black(t)
    t.textLine(text)
    c.drawText(t)
    if draw:
        draw(c)
    pdfbackend.end_page(c)
    c.save()
    return buf.getvalue()


def pdfx_page(draw=None, **kw) -> bytes:
    return pdfx.make_pdfx(page(draw, **kw), title="preflight test")


def rgb_rectangle(c) -> None:
    c.setFillColorRGB(1, 0, 0)
    c.rect(50, 50, 100, 100, stroke=0, fill=1)


def cmyk_image(c, *, px: int, placed: float, ink: float = 200.0) -> None:
    """A flat CMYK image whose every pixel totals ``ink`` percent."""
    per = round(ink / 4 * 255 / 100)
    im = Image.new("CMYK", (px, px), (per, per, per, per))
    c.drawImage(ImageReader(im), 50, 50, placed, placed)


def prepared_photo(c, *, px: int = 400, placed: float = 144) -> None:
    a = np.zeros((px, px, 3), np.uint8)
    a[:, : px // 2] = (10, 10, 10)
    a[:, px // 2:] = (20, 90, 200)
    p = images.prepare_image(Image.fromarray(a, "RGB"), placed_size=(placed, placed))
    images.draw_image(c, p, 50, 50, placed, placed)
