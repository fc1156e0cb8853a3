"""Registering faces with ReportLab: every bundled face draws Chinese, punctuation and
Latin into a PDF that reads back with the same text; the snapshot cache rebuilds
the same font object and the same PDF bytes as a fresh parse."""

from __future__ import annotations

import io
import shutil

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from layout.fonts import ROLES, fonts_dir, load_face
from layout.render.pdffonts import load_ttfont, register_face

SAMPLE = "濮阳开发区：“新型工业化”（2020年）《报告》，完成率80%、增长3.8个百分点。ABCxyz"


def draw_pdf(lines: list[tuple[str, str]], size: float = 12) -> bytes:
    """A one-page PDF with one line of ``text`` per (font name, text), deterministic."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(600, 100 + 30 * len(lines)), invariant=1)
    for i, (font_name, text) in enumerate(lines):
        c.setFont(font_name, size)
        c.drawString(20, 40 + 30 * i, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def read_lines(pdf: bytes) -> list[tuple[str, str]]:
    """(font name without subset tag, text) of each line, bottom line first."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = doc.pages[0].chars
    rows: dict[float, list] = {}
    for ch in chars:
        rows.setdefault(round(ch["y0"]), []).append(ch)
    out = []
    for y in sorted(rows):
        row = sorted(rows[y], key=lambda ch: ch["x0"])
        out.append((row[0]["fontname"].split("+", 1)[-1], "".join(ch["text"] for ch in row)))
    return out


@pytest.mark.parametrize("role", ROLES)
def test_each_bundled_face_draws_text_that_reads_back(fonts, role):
    face = fonts.face(role)
    name = register_face(face)
    assert register_face(face) == name  # idempotent
    font = pdfmetrics.getFont(name)
    assert font.face.filename == face.path
    pdf = draw_pdf([(name, SAMPLE)])
    ((fontname, text),) = read_lines(pdf)
    assert text == SAMPLE
    assert fontname.startswith(face.name[:20])


def test_width_reportlab_measures_equals_the_face_advance(fonts):
    face = fonts.face("hei")
    name = register_face(face)
    for ch in "中，a1W":
        assert pdfmetrics.stringWidth(ch, name, 10) == pytest.approx(10 * face.advance(ord(ch)))


def test_snapshot_rebuilds_the_parsed_font(font_copy, cache):
    path = str(font_copy)
    parsed = load_ttfont("SnapA", path, use_cache=False)
    load_ttfont("SnapA", path)  # parses and writes the snapshot
    assert len(list(cache.glob("*.rlfont"))) == 1
    restored = load_ttfont("SnapA", path)
    assert type(restored.face).__name__ == "RestoredTTFontFace"
    p, r = parsed.face, restored.face
    assert r.charToGlyph == p.charToGlyph and r.charWidths == p.charWidths
    assert list(r.hmetrics) == p.hmetrics and list(r.glyphPos) == p.glyphPos
    assert r.glyphToChar == p.glyphToChar
    skip = {"charToGlyph", "charWidths", "hmetrics", "glyphPos", "glyphToChar", "_pdfScale", "_ttf_data"}
    assert {k: v for k, v in vars(r).items() if k not in skip} == {
        k: v for k, v in vars(p).items() if k not in skip
    }
    assert bytes(r._ttf_data[:]) == p._ttf_data
    assert [r._pdfScale(v) for v in (0, 500, 1000)] == [p._pdfScale(v) for v in (0, 500, 1000)]
    assert vars(restored).keys() == vars(parsed).keys()
    for k, v in vars(parsed).items():
        if k == "encoding":
            assert vars(restored.encoding) == vars(v)
        elif k not in ("face", "state"):
            assert getattr(restored, k) == v, k


@pytest.mark.parametrize(
    "fname, text",
    [
        ("NotoSerifSC-Regular.ttf", "第二行：排版、印刷。"),
        ("LXGWWenKai-Regular.ttf", "楷体¨´∕（复合字形）"),  # ¨ ´ ∕ are composite glyphs in WenKai
    ],
)
def test_snapshot_and_parse_write_identical_pdfs(tmp_path, cache, fname, text):
    path = tmp_path / fname
    shutil.copyfile(fonts_dir() / fname, path)
    load_ttfont("SnapB", str(path))  # write the snapshot
    pdfs = []
    for use_cache in (False, True):
        font = load_ttfont("SnapB", str(path), use_cache=use_cache)
        # replace the registration under the same name (ReportLab keeps the first)
        pdfmetrics._fonts.pop("SnapB", None)
        pdfmetrics._dynFaceNames.pop(font.face.name, None)
        pdfmetrics.registerFont(font)
        pdfs.append(draw_pdf([("SnapB", SAMPLE), ("SnapB", text)]))
    assert type(font.face).__name__ == "RestoredTTFontFace"
    assert pdfs[0] == pdfs[1]
    assert [t for _, t in read_lines(pdfs[1])] == [SAMPLE, text]


def test_damaged_snapshot_falls_back_to_parsing(font_copy, cache):
    load_ttfont("SnapC", str(font_copy))
    (snap,) = cache.glob("*.rlfont")
    snap.write_bytes(snap.read_bytes()[:1000])
    font = load_ttfont("SnapC", str(font_copy))
    assert type(font.face).__name__ == "TTFontFace"
    assert ord("中") in font.face.charToGlyph


def test_same_postscript_name_from_another_file_stays_that_file(fonts, small_ttc, font_copy):
    """ReportLab would hand back the first font registered under a PostScript name;
    a second file with that name must still draw from its own file."""
    bundled = register_face(fonts.face("song"))
    copy = register_face(load_face(font_copy, "song"))
    assert copy != bundled
    assert pdfmetrics.getFont(copy).face.filename == str(font_copy)
    lines = read_lines(draw_pdf([(bundled, "宋体原件"), (copy, "宋体副本")]))
    assert [t for _, t in lines] == ["宋体原件", "宋体副本"]
    assert lines[0][0] != lines[1][0]  # two fonts in the PDF, not one


def test_face_of_a_collection_registers_and_draws(small_ttc):
    kai = load_face(small_ttc, "user-kai", 1)
    assert kai.family == "LXGW WenKai"
    assert kai.covers(ord("楷")) and not kai.covers(ord("黑"))
    hei = load_face(small_ttc, "user-hei", 0)
    assert hei.covers(ord("黑")) and not hei.covers(ord("楷"))
    lines = read_lines(draw_pdf([(register_face(kai), "楷书中文xyz"), (register_face(hei), "中文黑体abc")]))
    assert [t for _, t in lines] == ["楷书中文xyz", "中文黑体abc"]


def test_restored_snapshot_measures_like_a_parsed_font(cache):
    """A font restored from its snapshot measures every character as a freshly parsed
    one -- through ReportLab's C accelerator too, which reads the width table with the
    C dict API (a lazily filled table once made every width 1 em there)."""
    from layout.fonts import default_fontset
    from layout.render.pdffonts import load_ttfont

    path = default_fontset().face("hei").path
    parsed = load_ttfont("Parsed", path, 0, use_cache=False)
    load_ttfont("Writes", path, 0, use_cache=True)  # writes the snapshot
    restored = load_ttfont("Restored", path, 0, use_cache=True)
    for ch in "中，a1W·—":
        assert restored.stringWidth(ch, 10) == parsed.stringWidth(ch, 10)
