"""Photos for the press: CMYK separation, ink limit, resolution verdicts, CMYK JPEG
drawn the right way round, deterministic bytes."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2
import pytest
from pdfx_render_helpers import photo
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from layout.errors import LayoutError
from layout.render import images


def test_effective_ppi_verdicts():
    assert images.effective_ppi((600, 600), (144, 144)).status == "ok"  # 300 ppi
    r = images.effective_ppi((250, 250), (144, 144))  # 125 ppi
    assert r.status == "warn" and r.ppi == pytest.approx(125)
    r = images.effective_ppi((180, 360), (144, 144))  # 90 ppi on the short side
    assert r.status == "error" and r.ppi == pytest.approx(90)
    assert "90 ppi" in r.message


def test_separation_respects_the_ink_limit():
    p = images.prepare_image(photo(), placed_size=(200, 133), encoding="flate", ink_limit=240)
    a = np.frombuffer(p.data, np.uint8).reshape(p.height, p.width, 4).astype(int)
    assert a.sum(-1).max() * 100 / 255 <= 240.0
    assert p.ink.max_after <= 240.0


def test_limit_total_ink_keeps_k_and_caps_total():
    over = Image.new("CMYK", (4, 4), (255, 255, 255, 255))  # 400 %
    out, stats = images.limit_total_ink(over, 220)
    a = np.asarray(out).astype(int)
    assert stats.max_before == pytest.approx(400) and stats.limited_fraction == 1.0
    assert (a.sum(-1) * 100 / 255 <= 220).all()
    assert (a[..., 3] == 255).all()  # K kept: shadows stay black
    ok = Image.new("CMYK", (2, 2), (50, 50, 50, 50))
    same, s2 = images.limit_total_ink(ok, 240)
    assert same.tobytes() == ok.tobytes() and s2.limited_fraction == 0


def test_grey_photo_prints_on_k_only():
    grey = Image.linear_gradient("L").resize((64, 64))
    p = images.prepare_image(grey, placed_size=(40, 40), encoding="flate")
    assert p.mode == "L" and p.ink is None
    lut = images._grey_to_k_lut(str(images.default_output_profile()))
    assert lut[0] == 0 and lut[255] == 255
    assert all(b >= a for a, b in zip(lut, lut[1:], strict=False))  # monotone
    assert lut[128] > 140  # mid grey is lightened for newsprint dot gain


def test_prepare_is_deterministic():
    a = images.prepare_image(photo(), placed_size=(200, 133))
    b = images.prepare_image(photo(), placed_size=(200, 133))
    assert a.data == b.data and a.digest == b.digest


def test_downsampling_to_max_ppi():
    p = images.prepare_image(photo(1200, 800), placed_size=(72, 48), max_ppi=300)
    assert (p.width, p.height) == (300, 200)
    assert p.resolution.ppi == pytest.approx(1200)  # verdict is on the source


def test_unreadable_image_is_a_user_error(tmp_path):
    bad = tmp_path / "x.jpg"
    bad.write_bytes(b"not an image")
    with pytest.raises(LayoutError, match="cannot read image"):
        images.prepare_image(str(bad))
    with pytest.raises(LayoutError, match="not found"):
        images.prepare_image(str(tmp_path / "missing.png"))


@pytest.mark.parametrize("encoding", ["jpeg", "flate"])
def test_cmyk_image_renders_the_right_way_round(encoding):
    """ReportLab marks 4-channel JPEGs as Adobe-inverted (/Decode [1 0 ...]); the
    image must still show black as dark and blue as blue when rendered."""
    p = images.prepare_image(photo(300, 100), placed_size=(300, 100), encoding=encoding)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(300, 100), invariant=1)
    images.draw_image(c, p, 0, 0, 300, 100)
    c.showPage()
    c.save()
    doc = pypdfium2.PdfDocument(buf.getvalue())
    rgb = np.asarray(doc[0].render(scale=1).to_pil().convert("RGB")).astype(int)
    black, blue, ramp_end = rgb[50, 50], rgb[50, 150], rgb[50, 298]
    assert black.sum() < 200, black
    assert blue[2] > blue[0] + 60, blue
    assert ramp_end.sum() > 600, ramp_end


def _image_streams(pdf: bytes) -> list[tuple[dict, bytes]]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        found = [({k: str(v) for k, v in x.stream_dict.items() if k != "/Length"}, x.read_raw_bytes())
                 for x in doc.pages[0].Resources.XObject.values()]
    return sorted(found, key=lambda s: s[1])


@pytest.mark.parametrize("encoding", ["jpeg", "flate"])
@pytest.mark.parametrize("grey", [False, True])
def test_image_xobject_is_what_reportlab_writes(encoding, grey):
    """draw_image writes the prepared stream directly (no decode, no pixel hash):
    the image dictionary and stream are the ones ReportLab's drawImage writes."""
    from reportlab import rl_config

    src = photo(120, 80).convert("L") if grey else photo(120, 80)
    p = images.prepare_image(src, placed_size=(120, 80), encoding=encoding)
    old, rl_config.useA85 = rl_config.useA85, 0
    try:
        pdfs = []
        for draw in (lambda c: images.draw_image(c, p, 10, 10, 100, 60),
                     lambda c: c.drawImage(p.reader(), 10, 10, 100, 60, mask=None)):
            buf = io.BytesIO()
            c = Canvas(buf, pagesize=(120, 80), invariant=1)
            draw(c)
            c.showPage()
            c.save()
            pdfs.append(buf.getvalue())
    finally:
        rl_config.useA85 = old
    ours, reportlabs = (_image_streams(pdf) for pdf in pdfs)
    assert ours == reportlabs
    assert ours[0][0]["/ColorSpace"] == ("/DeviceGray" if grey else "/DeviceCMYK")


def test_a_photo_drawn_twice_is_stored_once():
    p = images.prepare_image(photo(120, 80), placed_size=(120, 80))
    q = images.prepare_image(photo(80, 120), placed_size=(80, 120))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(300, 300), invariant=1)
    images.draw_image(c, p, 0, 0, 120, 80)
    images.draw_image(c, p, 0, 100, 60, 40)
    images.draw_image(c, q, 150, 0, 80, 120)
    c.showPage()
    c.save()
    streams = _image_streams(buf.getvalue())
    assert len(streams) == 2
    assert {s[1] for s in streams} == {p.data, q.data}
