"""PNG previews of a PDF's pages cropped to the trim box (what the reader sees; bleed
and marks aside), so marks given as fractions of the trim land where they belong."""

from __future__ import annotations

import io

from layout.records import record

PREVIEW_DPI = 60  # a broadsheet page at 60 dpi is ~920 x 1270 px: readable headlines, quick to draw


@record
class PagePicture:
    png: bytes
    width: int  # px
    height: int


def page_pictures(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[PagePicture]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            cl, cb, cr, ct = page.get_cropbox()
            tl, tb, tr, tt = page.get_trimbox()
            crop = (max(0.0, tl - cl), max(0.0, tb - cb), max(0.0, cr - tr), max(0.0, ct - tt))
            image = page.render(scale=dpi / 72, crop=crop, may_draw_forms=False).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", compress_level=1)  # speed over size: it goes over loopback
            out.append(PagePicture(buf.getvalue(), image.width, image.height))
            page.close()
    finally:
        doc.close()
    return out
