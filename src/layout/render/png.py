"""PNG previews of a PDF's pages (pypdfium2: a wheel from PyPI, no system tools),
so pages can be checked in a browser or a chat without a PDF viewer.  Bytes only:
the command that asked for them writes the files."""

from __future__ import annotations

import io
from collections.abc import Iterator

DEFAULT_DPI = 100


def png_pages(pdf: bytes, dpi: int = DEFAULT_DPI) -> Iterator[bytes]:
    """Every page of ``pdf`` as PNG bytes, in page order."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=dpi / 72, draw_annots=False).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=False)
            yield buf.getvalue()
    finally:
        doc.close()
