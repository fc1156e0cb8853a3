"""PDF/X-4 written in the rendering pass (render.pdfxwrite): the same document-level
objects as make_pdfx's pikepdf round trip, clean in preflight, qpdf and prepress.py,
deterministic, with ids that are content hashes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from pdfx_render_helpers import print_page

from layout.check.preflight import preflight
from layout.render import pdfx, pdfxwrite

PREPRESS = Path(__file__).resolve().parents[3] / "shared" / "tools" / "prepress.py"
TITLE = "开发区报 2024-05-01 第1版 <&>"
WHEN = datetime(2024, 5, 1, 6, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def native() -> bytes:
    return print_page(pages=2, pdfx=pdfxwrite.PdfxDocument(TITLE, WHEN))


@pytest.fixture(scope="module")
def via_pikepdf() -> bytes:
    return pdfx.make_pdfx(print_page(pages=2), title=TITLE, date=WHEN)


def _doc(data: bytes) -> dict:
    """Everything PDF/X says about the document, ids and producer blanked."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = {k: str(v) for k, v in pdf.docinfo.items() if k != "/Producer"}
        xmp = pdf.Root.Metadata.read_bytes().decode()
        xmp = re.sub(r"uuid:[0-9a-f-]{36}", "uuid:ID", xmp)
        xmp = re.sub(r"<pdf:Producer>.*</pdf:Producer>", "", xmp)
        (oi,) = list(pdf.Root.OutputIntents)
        intent = {k: (v.read_bytes() if k == "/DestOutputProfile" else str(v)) for k, v in oi.items()}
        pages = [(p.obj.Contents.read_bytes(), {k: str(v) for k, v in p.obj.items()
                                                 if k in ("/MediaBox", "/TrimBox", "/BleedBox")})
                 for p in pdf.pages]
        return {"version": pdf.pdf_version, "info": info, "xmp": xmp, "intent": intent, "pages": pages,
                "id": len(pdf.trailer.ID)}


def test_same_document_objects_as_make_pdfx(native, via_pikepdf):
    assert _doc(native) == _doc(via_pikepdf)
    with pikepdf.open(io.BytesIO(native)) as pdf:
        assert str(pdf.docinfo["/Producer"]) == pdfxwrite.PRODUCER
        assert "<pdf:Producer>layout (ReportLab)</pdf:Producer>" in pdf.Root.Metadata.read_bytes().decode()
        assert "/Author" not in pdf.docinfo and "/Subject" not in pdf.docinfo  # no ReportLab defaults


def test_native_passes_preflight_and_qpdf(native, tmp_path):
    rep = preflight(native, name="x4.pdf")
    assert rep.ok, rep.format_text()
    assert rep.standard == "X-4"
    if shutil.which("qpdf"):
        out = tmp_path / "x4.pdf"
        out.write_bytes(native)
        p = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert p.returncode == 0 and "No syntax or stream encoding errors" in p.stdout, p.stdout + p.stderr


@pytest.mark.skipif(not PREPRESS.exists(), reason="shared prepress.py not available")
def test_native_passes_prepress_expect_pdfx(native, tmp_path):
    out = tmp_path / "x4.pdf"
    out.write_bytes(native)
    p = subprocess.run([sys.executable, str(PREPRESS), str(out), "--expect-pdfx"], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr


def test_ids_are_content_hashes(native):
    assert print_page(pages=2, pdfx=pdfxwrite.PdfxDocument(TITLE, WHEN)) == native
    other = print_page(pages=2, text="另一版", pdfx=pdfxwrite.PdfxDocument(TITLE, WHEN))
    ids = []
    for data in (native, other):
        assert b"placeholder" not in data and b"to-fill" not in data
        with pikepdf.open(io.BytesIO(data)) as pdf:
            xmp = pdf.Root.Metadata.read_bytes().decode()
            doc_id = re.search(r"<xmpMM:DocumentID>uuid:([0-9a-f-]{36})<", xmp).group(1)
            inst = re.search(r"<xmpMM:InstanceID>uuid:([0-9a-f-]{36})<", xmp).group(1)
            trailer = bytes(pdf.trailer.ID[0])
            assert len(trailer) == 16 and doc_id != inst and doc_id[14] == "4"
            ids.append((doc_id, inst, trailer))
    assert all(a != b for a, b in zip(*ids, strict=True))


def test_an_old_pdf_version_is_refused():
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(io.BytesIO(), pdfVersion=(1, 4))
    with pytest.raises(ValueError, match="1.6"):
        pdfxwrite.add_pdfx(c, pdfxwrite.PdfxDocument("t"))
    with pytest.raises(ValueError, match="title"):
        pdfxwrite.add_pdfx(Canvas(io.BytesIO(), pdfVersion=(1, 6)), pdfxwrite.PdfxDocument("  "))


def test_output_profile_from_a_damaged_cache_is_never_embedded(tmp_path, monkeypatch):
    """The compressed profile is cached on disk; a damaged entry is compressed afresh."""
    import zlib

    monkeypatch.setenv("LAYOUT_CACHE_DIR", str(tmp_path))
    _, profile = pdfx.output_intent("t")
    pdfxwrite._compressed.cache_clear()
    first = pdfxwrite._compressed(profile)
    (entry,) = (tmp_path / "icc").glob("*.zlib")
    from layout.cache import read_entry

    assert read_entry(entry) == first and zlib.decompress(first) == profile
    entry.write_bytes(first[: len(first) // 2])
    pdfxwrite._compressed.cache_clear()
    assert zlib.decompress(pdfxwrite._compressed(profile)) == profile
    pdfxwrite._compressed.cache_clear()
