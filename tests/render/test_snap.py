"""Display lines stand clear of a proof raster's edge pixels (place.snap): the
blank beside a centred headline reads as the line's frame, not as a hole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

HEADLINE = "南岭山区营商环境交出新答卷"  # 卷: its ink runs to 15/1000 em of its advance in the bold 黑体


@dataclass
class _Line:
    chars: str
    faces: list[str]
    sizes: list[float]
    xs: list[float]


def _solid(text: str, face: str, size: float, x0: float) -> _Line:
    return _Line(text, [face] * len(text), [size] * len(text), [x0 + i * size for i in range(len(text))])


def test_a_headline_whose_last_ink_touches_the_edge_pixel_moves_at_most_a_quarter_point():
    from layout.fonts import default_fontset
    from layout.place.snap import _SHIFTS, CLEAR, MAX_SHIFT, _ends, _margin, line_shift

    fonts = default_fontset()
    line = _solid(HEADLINE, "hei-bold", 22.0, 199.992126)
    origin = 51.023622  # long-101: the line's box ended at 537.016 pt, 卷's ink 0.33 pt before it
    x0, ink0, x1, ink1 = (origin + v for v in _ends(line, fonts))
    assert _margin(x0, ink0, x1, ink1) < CLEAR
    d = line_shift(line, fonts, origin)
    assert 0 < abs(d) <= MAX_SHIFT
    best = max(_margin(x0 + e, ink0 + e, x1 + e, ink1 + e) for e in _SHIFTS)
    assert _margin(x0 + d, ink0 + d, x1 + d, ink1 + d) == pytest.approx(best) and best >= CLEAR
    # a body line is never moved; a line already clear neither
    assert line_shift(line, fonts, origin + d) == 0.0


def test_the_raster_stretches_a_page_onto_whole_pixels():
    """pdfium draws a page ``ceil(2 W)`` pixels wide: a tabloid page (788.03 pt) is
    stretched by 0.94 px, and a line's ink at x = 556 pt lands 0.66 px right of
    ``2 x``, where the checker looks for it.  The shift accounts for that."""
    from layout.fonts import default_fontset
    from layout.place.snap import CLEAR, PX_PER_PT, _ends, _margin, line_shift, raster_scale

    assert raster_scale(400.0) == PX_PER_PT and raster_scale(None) == PX_PER_PT
    scale = raster_scale(788.031496)
    assert scale * 788.031496 == pytest.approx(1577) and (scale - 2) * 556 == pytest.approx(0.66, abs=0.01)
    fonts = default_fontset()
    line = _solid("作为今年的重点工作来抓", "hei", 9.0, 0.0)  # fresh raw-113: a subhead's 抓 read as touching its end pixel
    x = 204.51
    x0, ink0, x1, ink1 = (x + v for v in _ends(line, fonts))
    # the outlines leave 0.3 pt to either end pixel at exactly 2 px/pt (where the old model left it) ...
    assert _margin(x0, ink0, x1, ink1, bias=0.0) >= 0.25
    assert _margin(x0, ink0, x1, ink1, scale) < 0  # ... but the stretched raster puts ink into the end pixel
    d = line_shift(line, fonts, x, scale)
    assert _margin(x0 + d, ink0 + d, x1 + d, ink1 + d, scale) >= CLEAR


def test_only_display_lines_read_across_are_snapped():
    from layout.place.snap import snapped

    assert snapped("headline", False) and snapped("caption", False) and snapped("subhead", False)
    assert not snapped("body", False) and not snapped("byline", False) and not snapped("credit", False)
    assert not snapped("headline", True)  # a vertical headline reads down


def _page(tmp_path: Path) -> Path:
    body = "据介绍，南岭山区今年围绕营商环境建成了综合服务中心，预计年内全面完工。" * 3
    stories = []
    for n, (cols, rows) in enumerate([("1-5", "1-12"), ("1-3", "13-24"), ("4-5", "13-24"), ("1-4", "25-36"),
                                      ("5-5", "25-36")]):
        stories.append(f"  - id: s{n}\n    columns: {cols}\n    rows: {rows}\n    headline: {HEADLINE}\n"
                       f"    body: {body}\n")
    page = tmp_path / "page.yaml"
    page.write_text("extends: house\nheader:\n  title: 开发区新闻\n  date: 2020-08-10\nstories:\n" + "".join(stories),
                    encoding="utf-8")
    return page


def test_the_pixels_beyond_a_headline_hold_no_ink_in_the_rendered_pdf(tmp_path):
    import pdfplumber
    import pypdfium2 as pdfium

    from layout.cli import main

    page = _page(tmp_path)
    out = tmp_path / "page.pdf"
    assert main(["render", str(page), "-o", str(out), "-q"]) in (0, 1)
    chars = [c for c in pdfplumber.open(out).pages[0].chars if c["size"] > 15]
    img = pdfium.PdfDocument(str(out))[0].render(scale=2, grayscale=True).to_numpy()
    if img.ndim == 3:
        img = img.min(axis=2)
    lines: dict[float, list[dict]] = {}
    for c in chars:
        lines.setdefault(round(c["top"], 1), []).append(c)
    ends = [(min(cs, key=lambda c: c["x0"]), max(cs, key=lambda c: c["x1"])) for cs in lines.values()]
    # the headlines set on one line: 南 and 卷 leave 1.56 pt of white between them, room
    # for 0.57 pt at each end whatever the phase (a line's two ends move together)
    ends = [(first, last) for (first, last), cs in zip(ends, lines.values(), strict=True) if len(cs) == len(HEADLINE)
            and last["text"] == "卷"]
    assert len(ends) >= 3
    for first, last in ends:
        rows = slice(int(round(first["top"] * 2)), int(round(first["bottom"] * 2)))
        assert img[rows, int(round(last["x1"] * 2))].min() >= 250  # the checker's fill starts here
        assert img[rows, int(round(first["x0"] * 2)) - 1].min() >= 250
