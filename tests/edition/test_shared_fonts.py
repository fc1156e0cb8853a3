"""An edition embeds each face once for all its pages (edition.output.join_pages):
the same file with or without plates, every page's text and glyphs as its plate's."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
from edition_helpers import SAMPLE

from layout.pipeline import render_edition_file


def _programs(doc: pikepdf.Pdf) -> dict[str, int]:
    """Font program streams by base font name, over the whole file."""
    out: dict[str, int] = {}
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor" and "/FontFile2" in obj:
            out[str(obj.FontName)] = out.get(str(obj.FontName), 0) + 1
    return out


def _texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_one_program_per_face_same_text_as_the_plates():
    with_plates = render_edition_file(SAMPLE, jobs=1)
    without = render_edition_file(SAMPLE, jobs=1, plates=False)
    assert without.plates == () and len(with_plates.plates) == 2
    assert without.output.pdf == with_plates.output.pdf  # the pages' own programs are never copied
    with pikepdf.open(io.BytesIO(without.output.pdf)) as doc:
        programs = _programs(doc)
        assert programs and all(n == 1 for n in programs.values())  # each face once
        names = {str(f.BaseFont) for page in doc.pages for f in page.Resources.Font.values()}
        assert names == set(programs)  # every page's fonts point at the shared programs
    assert _texts(without.output.pdf) == [t for _, plate in with_plates.plates for t in _texts(plate)]
    for _, plate in with_plates.plates:
        with pikepdf.open(io.BytesIO(plate)) as doc:  # a plate keeps its own subsets
            assert all(n == 1 for n in _programs(doc).values())
