"""Page boxes and printer's marks: geometry, colour, and that marks stay out of the bleed."""

from __future__ import annotations

import io

import pdfplumber
import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from layout.render import marks, pdfbackend
from layout.render.marks import MM


def test_boxes_nest_with_bleed_and_slug():
    b = marks.page_boxes(300.0, 400.0, bleed="3mm", slug="10mm")
    assert b.media_size == pytest.approx((300 + 26 * MM, 400 + 26 * MM))
    assert b.trim_box == pytest.approx((13 * MM, 13 * MM, 13 * MM + 300, 13 * MM + 400))
    assert b.bleed_box == pytest.approx((10 * MM, 10 * MM, 16 * MM + 300, 16 * MM + 400))
    assert b.trim_origin == pytest.approx((13 * MM, 13 * MM))


def test_negative_or_empty_sizes_are_refused():
    with pytest.raises(ValueError):
        marks.page_boxes(0, 100)
    with pytest.raises(ValueError):
        marks.page_boxes(100, 100, bleed=-1)


def test_crop_marks_lie_outside_the_bleed():
    b = marks.page_boxes(200, 300)
    x0, y0, x1, y1 = b.bleed_box
    for sx, sy, ex, ey in marks.crop_mark_segments(b):
        for x, y in ((sx, sy), (ex, ey)):
            outside = x < x0 - 0.5 or x > x1 + 0.5 or y < y0 - 0.5 or y > y1 + 0.5
            assert outside, (x, y)
            assert 0 <= x <= b.media_size[0] and 0 <= y <= b.media_size[1]
    assert marks.marks_extent(b) > b.bleed


def test_too_small_slug_is_refused():
    with pytest.raises(ValueError, match="no room for crop marks"):
        marks.crop_mark_segments(marks.page_boxes(200, 300, slug=2 * MM))


def _page() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    b = marks.page_boxes(200 * MM, 280 * MM)
    pdfbackend.begin_page(c, b)
    c.setFillColorCMYK(0, 0, 0, 1)
    c.rect(0, 0, 10, 10, stroke=0, fill=1)  # at the trim's lower-left corner
    pdfbackend.end_page(c)
    c.save()
    return buf.getvalue()


def test_page_has_boxes_and_content_in_trim_coordinates():
    data = _page()
    pdf = pikepdf.open(io.BytesIO(data))
    page = pdf.pages[0]
    b = marks.page_boxes(200 * MM, 280 * MM)
    assert [float(v) for v in page.obj.TrimBox] == pytest.approx(list(b.trim_box))
    assert [float(v) for v in page.obj.BleedBox] == pytest.approx(list(b.bleed_box))
    assert [float(v) for v in page.mediabox] == pytest.approx(list(b.media_box))
    with pdfplumber.open(io.BytesIO(data)) as doc:
        rects = [r for r in doc.pages[0].rects if r["width"] == pytest.approx(10)]
        assert rects and rects[0]["x0"] == pytest.approx(b.trim_box[0])
        h = b.media_size[1]
        assert h - rects[0]["bottom"] == pytest.approx(b.trim_box[1])
        # every stroked mark line is outside the bleed box
        bx0, by0, bx1, by1 = b.bleed_box
        lines = doc.pages[0].lines
        assert len(lines) >= 8
        for ln in lines:
            ys = (h - ln["top"], h - ln["bottom"])
            inside = ln["x1"] > bx0 + 0.5 and ln["x0"] < bx1 - 0.5 and max(ys) > by0 + 0.5 and min(ys) < by1 - 0.5
            assert not inside, ln


def test_marks_use_the_all_separation():
    pdf = pikepdf.open(io.BytesIO(_page()))
    spaces = pdf.pages[0].Resources.ColorSpace
    seps = [cs for cs in spaces.values() if str(cs[0]) == "/Separation"]
    assert seps and str(seps[0][1]) == "/All" and str(seps[0][2]) == "/DeviceCMYK"
