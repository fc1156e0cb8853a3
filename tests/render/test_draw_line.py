"""render.text.draw_line: every glyph read back (pdfplumber) at the x the composer
gave it, in one text object per line, in 100 % K."""

import io
import re

import pdfplumber
import pytest

from layout.compose import ParagraphStyle, Run, compose_paragraph
from layout.fonts import default_fontset
from layout.render.canvas import new_canvas
from layout.render.text import draw_line

FONTS = default_fontset()
X0, TOP = 40.0, 700.0


def render(lines, pitch=15.0, color=None) -> bytes:
    buf = io.BytesIO()
    c = new_canvas(buf, (400, 800))
    for k, ln in enumerate(lines):
        draw_line(c, ln, X0, TOP - k * pitch, FONTS, color=color)
    c.showPage()
    c.save()
    return buf.getvalue()


def read_chars(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [ch for ch in doc.pages[0].chars if not ch["text"].isspace()]


def check_positions(lines, pdf, pitch=15.0):
    chars = read_chars(pdf)
    expected = [(g.ch, X0 + g.x, TOP - k * pitch, g.size)
                for k, ln in enumerate(lines) for g in ln.glyphs if not g.ch.isspace()]
    assert [c["text"] for c in chars] == [e[0] for e in expected]
    for c, (_ch, x, base, size) in zip(chars, expected, strict=True):
        assert c["x0"] == pytest.approx(x, abs=0.01)
        assert c["matrix"][5] == pytest.approx(base, abs=0.01)
        assert c["size"] == pytest.approx(size, abs=0.01)


def test_compressed_and_justified_lines_read_back_exactly():
    text = "陈晓华强调，“要全力冲刺”。抓细抓实（以争分夺秒的状态）《拼出》创建攻坚新成果，G342国道3.8亿元、80%的企业……"
    cp = compose_paragraph([Run(text, "song", 9.0)], 90.0, ParagraphStyle(indent=2), FONTS)
    assert any(g.x < g.left for ln in cp.lines for g in ln.glyphs)  # a cut bracket is in the sample
    check_positions(cp.lines, render(cp.lines))


def test_faces_and_sizes_switch_inside_a_line():
    runs = [Run("本报讯", "hei", 9.0), Run(" 大标题", "song-bold", 14.0), Run("楷体文字，正文。", "kai", 10.5)]
    cp = compose_paragraph(runs, 200.0, ParagraphStyle(indent=0), FONTS)
    pdf = render(cp.lines)
    check_positions(cp.lines, pdf)
    fonts = {c["fontname"].split("+", 1)[1] for c in read_chars(pdf)}
    assert len(fonts) == 3


def _content(pdf: bytes) -> str:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return doc.pages[0].Contents.read_bytes().decode("latin-1")


def test_one_text_object_per_line_and_black_by_default():
    pytest.importorskip("pikepdf")
    text = "一二三四五六七八九十" * 6
    cp = compose_paragraph([Run(text, "song", 9.0)], 90.0, ParagraphStyle(indent=0), FONTS)
    stream = _content(render(cp.lines))
    assert stream.count("BT") == len(cp.lines)
    assert "0 0 0 1 k" in stream
    # plain Han on the grid: the font's own advances place it, no numbers in TJ
    arrays = re.findall(r"\[([^\]]*)\] TJ", stream)
    assert len(arrays) >= len(cp.lines)
    assert all(re.fullmatch(r"<[0-9a-f]+>", a) for a in arrays[:3]), arrays[:3]


def test_colour_is_cmyk():
    pytest.importorskip("pikepdf")
    cp = compose_paragraph([Run("红色标题", "hei", 14.0)], 100.0, ParagraphStyle(indent=0), FONTS)
    assert "0 1 1 0 k" in _content(render(cp.lines, color=(0, 1, 1, 0)))


def test_drawing_is_deterministic():
    cp = compose_paragraph([Run("一二三，四五六。", "song", 9.0)], 50.0, ParagraphStyle(indent=0), FONTS)
    assert render(cp.lines) == render(cp.lines)


def test_documents_drawn_side_by_side_do_not_share_codes():
    """Character codes are given out per document: drawing two PDFs line by line in turn,
    one with other characters first, gives each the bytes it has when drawn alone."""
    a = compose_paragraph([Run("陈晓华强调，要全力冲刺。", "song", 9.0)], 60.0, ParagraphStyle(indent=0), FONTS).lines
    b = compose_paragraph([Run("创建攻坚新成果，全力冲刺！", "song", 9.0)], 60.0, ParagraphStyle(indent=0), FONTS).lines
    bufs = [io.BytesIO(), io.BytesIO()]
    cs = [new_canvas(buf, (400, 800))
          for buf in bufs]
    for k in range(max(len(a), len(b))):
        for c, lines in ((cs[1], b), (cs[0], a)):
            if k < len(lines):
                draw_line(c, lines[k], X0, TOP - k * 15.0, FONTS)
    for c in cs:
        c.showPage()
        c.save()
    assert bufs[0].getvalue() == render(a)
    assert bufs[1].getvalue() == render(b)
    check_positions(b, bufs[1].getvalue())
