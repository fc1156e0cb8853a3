"""layout preflight catches each plant-rule violation, built into a PDF on purpose."""

from __future__ import annotations

import io
import json

import pikepdf
import pytest
from preflight_helpers import cmyk_image, page, pdfx_page, prepared_photo, rgb_rectangle

from layout.check.preflight import preflight
from layout.cli import main


def statuses(rep) -> dict[str, str]:
    """Worst status per check name."""
    rank = {"OK": 0, "WARN": 1, "ERROR": 2}
    out: dict[str, str] = {}
    for f in rep.findings:
        if rank[f.status] >= rank.get(out.get(f.check, "OK"), 0):
            out[f.check] = f.status
    return out


def test_clean_pdfx_page_passes():
    rep = preflight(pdfx_page(prepared_photo))
    assert rep.ok, rep.format_text()
    s = statuses(rep)
    assert s["colour"] == s["fonts"] == s["boxes"] == s["image-ink"] == s["resolution"] == "OK"
    assert s["overprint"] == "OK"


def test_rgb_rectangle_is_an_error():
    rep = preflight(pdfx_page(rgb_rectangle))
    assert statuses(rep)["colour"] == "ERROR"
    (f,) = [f for f in rep.findings if f.check == "colour"]
    assert any("p1: rg operator" in d for d in f.details)
    assert not rep.ok


def test_rgb_image_is_an_error():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def draw(c):
        c.drawImage(ImageReader(Image.new("RGB", (300, 300), (0, 200, 0))), 50, 50, 72, 72)

    rep = preflight(pdfx_page(draw))
    (f,) = [f for f in rep.findings if f.check == "colour"]
    assert f.status == "ERROR" and any("image" in d for d in f.details)


def test_unembedded_standard_font_is_an_error():
    def draw(c):
        c.setFont("Helvetica", 9)
        c.setFillColorCMYK(0, 0, 0, 1)
        c.drawString(40, 300, "Advertisement")

    rep = preflight(pdfx_page(draw))
    (f,) = [f for f in rep.findings if f.check == "fonts"]
    assert f.status == "ERROR" and any("Helvetica" in d for d in f.details)


def test_low_resolution_image_is_an_error_and_soft_one_a_warning():
    low = preflight(pdfx_page(lambda c: cmyk_image(c, px=100, placed=144)))  # 50 ppi
    assert statuses(low)["resolution"] == "ERROR"
    soft = preflight(pdfx_page(lambda c: cmyk_image(c, px=250, placed=144)))  # 125 ppi
    assert statuses(soft)["resolution"] == "WARN" and soft.ok
    fine = preflight(pdfx_page(lambda c: cmyk_image(c, px=400, placed=144)))  # 200 ppi
    assert statuses(fine)["resolution"] == "OK"
    stricter = preflight(pdfx_page(lambda c: cmyk_image(c, px=400, placed=144)), min_ppi=250)
    assert statuses(stricter)["resolution"] == "WARN"


def test_missing_trimbox_is_an_error():
    rep = preflight(page(boxes=False))
    (f,) = [f for f in rep.findings if f.check == "boxes"]
    assert f.status == "ERROR" and "p1: TrimBox missing" in f.details


def test_image_over_ink_limit_is_an_error():
    rep = preflight(pdfx_page(lambda c: cmyk_image(c, px=300, placed=100, ink=320)))
    (f,) = [f for f in rep.findings if f.check == "image-ink"]
    assert f.status == "ERROR" and "320 %" in f.details[0]
    looser = preflight(pdfx_page(lambda c: cmyk_image(c, px=300, placed=100, ink=320)), ink_limit=330)
    assert statuses(looser)["image-ink"] == "OK"


def test_notdef_glyph_is_an_error():
    rep = preflight(pdfx_page(text="新闻\u0e01"))  # a Thai letter the CJK font lacks
    (f,) = [f for f in rep.findings if f.check == "notdef"]
    assert f.status == "ERROR" and "1 glyph" in f.details[0]


def test_small_four_colour_text_and_knockout_black_are_warnings():
    def draw(c):
        c.setFont("PreflightTestSerif", 8)
        c.setFillColorCMYK(0.6, 0.5, 0.4, 1)
        c.drawString(40, 200, "四色小字")
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFillOverprint(False)  # the page's text object left overprint on: gs outlives ET
        c.drawString(40, 180, "不叠印")

    s = statuses(preflight(pdfx_page(draw)))
    assert s["text-colour"] == "WARN" and s["overprint"] == "WARN"


def test_rich_black_vector_over_limit_is_a_warning():
    def draw(c):
        c.setFillColorCMYK(1, 1, 1, 1)
        c.rect(10, 10, 100, 100, stroke=0, fill=1)

    assert statuses(preflight(pdfx_page(draw)))["vector-ink"] == "WARN"


def test_not_pdfx_missing_output_intent_and_javascript():
    raw = page()
    pdf = pikepdf.open(io.BytesIO(raw))
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("1")))
    buf = io.BytesIO()
    pdf.save(buf)
    s = statuses(preflight(buf.getvalue()))
    assert s["pdfx"] == s["output-intent"] == s["javascript"] == "ERROR"


def test_x1a_check_of_an_x4_file_fails():
    rep = preflight(pdfx_page(), standard="X-1a")
    assert statuses(rep)["pdfx"] == "ERROR" and statuses(rep)["pdf-version"] == "ERROR"


def test_encrypted_pdf_is_an_error():
    pdf = pikepdf.open(io.BytesIO(pdfx_page()))
    buf = io.BytesIO()
    pdf.save(buf, encryption=pikepdf.Encryption(owner="o", user="", R=4))
    assert statuses(preflight(buf.getvalue()))["encryption"] == "ERROR"
    locked = io.BytesIO()
    pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="u", R=4))
    assert statuses(preflight(locked.getvalue()))["encryption"] == "ERROR"


def test_cli_exit_codes_text_and_json(tmp_path, capsys):
    good, bad, junk = tmp_path / "good.pdf", tmp_path / "bad.pdf", tmp_path / "junk.pdf"
    good.write_bytes(pdfx_page(prepared_photo))
    bad.write_bytes(pdfx_page(rgb_rectangle))
    junk.write_text("hello")
    assert main(["preflight", str(good)]) == 0
    out = capsys.readouterr().out
    assert "0 error(s)" in out and "ready for press" in out
    assert main(["preflight", str(bad)]) == 1
    assert "ERROR  colour" in capsys.readouterr().out
    assert main(["preflight", str(bad), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and any(c["check"] == "colour" and c["status"] == "ERROR" for c in data["checks"])
    assert main(["preflight", str(junk)]) == 2
    assert "not a PDF" in capsys.readouterr().err
    assert main(["preflight", str(tmp_path / "none.pdf")]) == 2


@pytest.mark.parametrize("limit", ["0", "500", "abc"])
def test_cli_rejects_bad_ink_limit(limit, tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4")
    with pytest.raises(SystemExit) as e:
        main(["preflight", str(f), "--ink-limit", limit])
    assert e.value.code == 2
