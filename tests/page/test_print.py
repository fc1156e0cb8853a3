"""The sample as the plant gets it: PDF/X-4 that passes our own preflight."""

from __future__ import annotations

from layout.check.preflight import preflight


def test_sample_is_print_ready(sample_pdf):
    report = preflight(str(sample_pdf))
    assert report.ok, report.format_text()


def test_sample_has_page_boxes(sample_pdf):
    import pikepdf

    with pikepdf.open(sample_pdf) as pdf:
        page = pdf.pages[0]
        trim = [float(v) for v in page.obj["/TrimBox"]]
        bleed = [float(v) for v in page.obj["/BleedBox"]]
    assert bleed[0] < trim[0] and bleed[2] > trim[2]
    assert abs((trim[2] - trim[0]) - 390 * 72 / 25.4) < 0.01  # 对开 is 390 mm wide
