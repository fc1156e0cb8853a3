"""make_pdfx: PDF/X-4 and X-1a output that passes our preflight, qpdf and prepress.py."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from pdfx_render_helpers import print_page

from layout.check.preflight import preflight
from layout.render import pdfx

PREPRESS = Path(__file__).resolve().parents[3] / "shared" / "tools" / "prepress.py"


@pytest.fixture(scope="module")
def raw() -> bytes:
    return print_page(pages=2)


@pytest.fixture(scope="module")
def x4(raw) -> bytes:
    return pdfx.make_pdfx(raw, title="开发区报 2024-05-01 第1版")


def test_x4_identification_and_intent(x4):
    pdf = pikepdf.open(io.BytesIO(x4))
    assert pdf.pdf_version == "1.6"
    info = pdf.docinfo
    assert str(info["/GTS_PDFXVersion"]) == "PDF/X-4"
    assert str(info["/Trapped"]) == "/False"
    assert str(info["/Title"]) == "开发区报 2024-05-01 第1版"
    assert str(info["/CreationDate"]) == "D:20000101000000Z"
    xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    assert "<pdf:Trapped>False</pdf:Trapped>" in xmp
    (oi,) = list(pdf.Root.OutputIntents)
    assert str(oi.S) == "/GTS_PDFX"
    assert str(oi.OutputConditionIdentifier) == "IFRA26"
    prof = oi.DestOutputProfile.read_bytes()
    assert prof[16:20] == b"CMYK" and prof[12:16] == b"prtr"
    assert len(pdf.trailer.ID) == 2
    for page in pdf.pages:
        assert "/TrimBox" in page.obj and "/BleedBox" in page.obj


def test_x4_passes_own_preflight(x4):
    rep = preflight(x4, name="x4.pdf")
    assert rep.ok, rep.format_text()
    assert rep.standard == "X-4"
    assert {f.check for f in rep.findings} >= {"pdfx", "output-intent", "boxes", "fonts", "image-ink"}


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
def test_x4_qpdf_check_clean(x4, tmp_path):
    out = tmp_path / "x4.pdf"
    out.write_bytes(x4)
    p = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "No syntax or stream encoding errors" in p.stdout


@pytest.mark.skipif(not PREPRESS.exists(), reason="shared prepress.py not available")
def test_x4_passes_prepress_expect_pdfx(x4, tmp_path):
    out = tmp_path / "x4.pdf"
    out.write_bytes(x4)
    p = subprocess.run([sys.executable, str(PREPRESS), str(out), "--expect-pdfx"], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "PDF/X-4 structure OK" in p.stdout


def test_output_is_deterministic(raw, x4):
    again = pdfx.make_pdfx(print_page(pages=2), title="开发区报 2024-05-01 第1版")
    assert again == x4
    assert print_page(pages=2) == raw


def test_date_and_trapped_are_taken_from_the_caller(raw):
    when = datetime(2024, 5, 1, 6, 30, tzinfo=UTC)
    out = pdfx.make_pdfx(raw, title="t", date=when, trapped=True)
    pdf = pikepdf.open(io.BytesIO(out))
    assert str(pdf.docinfo["/ModDate"]) == "D:20240501063000Z"
    assert str(pdf.docinfo["/Trapped"]) == "/True"
    assert "<xmp:CreateDate>2024-05-01T06:30:00Z</xmp:CreateDate>" in pdf.Root.Metadata.read_bytes().decode()
    assert out != pdfx.make_pdfx(raw, title="t", trapped=True)


def test_x1a(raw):
    out = pdfx.make_pdfx(raw, standard="X-1a", title="ad")
    assert out.startswith(b"%PDF-1.3")
    pdf = pikepdf.open(io.BytesIO(out))
    assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
    assert str(pdf.docinfo["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
    rep = preflight(out)
    assert rep.standard == "X-1a"
    assert rep.ok, rep.format_text()


def test_x1a_refuses_transparency():
    from reportlab.pdfgen.canvas import Canvas

    from layout.render import marks, pdfbackend

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    pdfbackend.begin_page(c, marks.page_boxes(200, 200))
    c.setFillColorCMYK(0, 1, 0, 0, alpha=0.5)
    c.rect(10, 10, 50, 50, stroke=0, fill=1)
    pdfbackend.end_page(c)
    c.save()
    with pytest.raises(ValueError, match="transparency"):
        pdfx.make_pdfx(buf.getvalue(), standard="X-1a", title="t")
    assert pdfx.make_pdfx(buf.getvalue(), standard="X-4", title="t")  # X-4 allows it


def test_page_without_trimbox_is_refused():
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.rect(10, 10, 50, 50)
    c.showPage()
    c.save()
    with pytest.raises(ValueError, match="TrimBox missing"):
        pdfx.make_pdfx(buf.getvalue(), title="t")


def test_javascript_is_removed(raw):
    pdf = pikepdf.open(io.BytesIO(raw))
    js = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
    pdf.Root.OpenAction = js
    buf = io.BytesIO()
    pdf.save(buf)
    out = pdfx.make_pdfx(buf.getvalue(), title="t")
    assert b"app.alert" not in out
    assert preflight(out).ok


def test_bad_profile_is_a_user_error(raw, tmp_path):
    from layout.errors import LayoutError

    bad = tmp_path / "srgb.icc"
    bad.write_bytes(Path(pikepdf.__file__).with_name("pdfa").joinpath("data", "sRGB.icc").read_bytes()
                    if (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").exists() else b"x" * 200)
    with pytest.raises(LayoutError):
        pdfx.make_pdfx(raw, title="t", output_profile_path=bad)


def test_ascii85_layer_is_removed_from_images(raw, x4):
    pdf = pikepdf.open(io.BytesIO(x4))
    filters = [str(o.get("/Filter")) for o in pdf.objects
               if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert filters and all("ASCII85" not in f for f in filters)
    assert len(x4) < len(raw) + 90_000  # profile added, A85 removed


def test_the_bundled_profile_opens_in_littlecms():
    """output_intent does not open the bundled profile in every process: this test does."""
    from PIL import ImageCms

    from layout.render.images import default_output_profile
    from layout.render.pdfx import check_output_profile

    data = check_output_profile(default_output_profile())  # the checks a plant's profile gets
    assert ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(data)))
