"""Faces embedded as composite fonts (render.cidfonts, render.truetype): every bundled
face draws Chinese, punctuation and Latin that read back as the same text; the
embedded subset is a valid TrueType whose glyphs, advances and components are the
original font's; a second file with the same PostScript name and a face of a
collection are embedded as themselves."""

from __future__ import annotations

import io
import shutil

import pdfplumber
import pikepdf
import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from layout.fonts import ROLES, FontSet, default_fontset, fonts_dir, load_face
from layout.fonts.fontset import FaceSpec
from layout.render.canvas import new_canvas
from layout.render.text import draw_text

SAMPLE = "濮阳开发区：“新型工业化”（2020年）《报告》，完成率80%、增长3.8个百分点。ABCxyz——⋯⋯·"
FONTS = default_fontset()


def draw_pdf(lines: list[tuple[str, str]], fonts: FontSet = FONTS, size: float = 12) -> bytes:
    """A one-page PDF with one label line per (role, text)."""
    buf = io.BytesIO()
    c = new_canvas(buf, (600, 100 + 30 * len(lines)))
    for i, (role, text) in enumerate(lines):
        draw_text(c, text, 20, 40 + 30 * i, fonts, role, size)
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


def embedded_programs(pdf: bytes) -> dict[str, TTFont]:
    """BaseFont -> the embedded TrueType program (parsed by fontTools), with its CIDToGIDMap."""
    out = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for _, f in doc.pages[0].Resources.Font.items():
            assert f.Subtype == "/Type0" and f.Encoding == "/Identity-H"
            desc = f.DescendantFonts[0]
            tt = TTFont(io.BytesIO(desc.FontDescriptor.FontFile2.read_bytes()))
            tt.cid_to_gid = desc.CIDToGIDMap.read_bytes()
            out[str(f.BaseFont)] = tt
    return out


@pytest.mark.parametrize("role", ROLES)
def test_each_bundled_face_draws_text_that_reads_back(role):
    face = FONTS.face(role)
    ((fontname, text),) = read_lines(draw_pdf([(role, SAMPLE)]))
    assert text == SAMPLE
    assert fontname == face.name


def test_the_subset_has_the_original_glyphs_and_advances():
    """Glyph outlines (composites decomposed) and advances of every character drawn
    are the original font's; the subset holds no more glyphs than needed."""
    text = "楷体¨´∕（复合字形）"  # ¨ ´ ∕ are composite glyphs in WenKai
    pdf = draw_pdf([("kai", text)])
    (sub,) = embedded_programs(pdf).values()
    orig = TTFont(fonts_dir() / "LXGWWenKai-Regular.ttf", lazy=True)
    cmap = orig.getBestCmap()
    sub_order, orig_gs, sub_gs = sub.getGlyphOrder(), orig.getGlyphSet(), sub.getGlyphSet()
    assert len(sub_order) <= len(set(text)) + 1 + 8  # + .notdef + a few components
    c2g = sub.cid_to_gid
    for cid, ch in enumerate(dict.fromkeys(text), start=1):  # CIDs in order of first use
        gid = c2g[2 * cid] << 8 | c2g[2 * cid + 1]
        a, b = DecomposingRecordingPen(orig_gs), DecomposingRecordingPen(sub_gs)
        orig_gs[cmap[ord(ch)]].draw(a)
        sub_gs[sub_order[gid]].draw(b)
        assert a.value == b.value and a.value, ch
        assert sub["hmtx"][sub_order[gid]][0] == orig["hmtx"][cmap[ord(ch)]][0]


def test_same_postscript_name_from_another_file_stays_that_file(tmp_path):
    """Two files with one PostScript name are two fonts in the PDF, each drawing from its own file."""
    copy = tmp_path / "NotoSerifSC-Regular.ttf"
    shutil.copyfile(fonts_dir() / "NotoSerifSC-Regular.ttf", copy)
    fonts = FONTS.with_faces([FaceSpec("copy", str(copy))])
    lines = read_lines(draw_pdf([("song", "宋体原件"), ("copy", "宋体副本")], fonts))
    assert [t for _, t in lines] == ["宋体原件", "宋体副本"]
    with pikepdf.open(io.BytesIO(draw_pdf([("song", "宋体原件"), ("copy", "宋体副本")], fonts))) as doc:
        assert len(doc.pages[0].Resources.Font) == 2


def test_face_of_a_collection_embeds_and_draws(small_ttc):
    kai = load_face(small_ttc, "user-kai", 1)
    assert kai.covers(ord("楷")) and not kai.covers(ord("黑"))
    fonts = FONTS.with_faces([FaceSpec("user-kai", str(small_ttc), 1), FaceSpec("user-hei", str(small_ttc), 0)])
    lines = read_lines(draw_pdf([("user-kai", "楷书中文xyz"), ("user-hei", "中文黑体abc")], fonts))
    assert [t for _, t in lines] == ["楷书中文xyz", "中文黑体abc"]


def test_characters_sharing_a_glyph_extract_as_themselves():
    """U+2014 and U+2015 may share one glyph; each has its own CID and ToUnicode entry."""
    text = "甲—乙―丙"
    ((_, back),) = read_lines(draw_pdf([("song", text)]))
    assert back == text


def test_same_input_same_bytes():
    assert draw_pdf([("song", SAMPLE), ("hei-bold", "标题")]) == draw_pdf([("song", SAMPLE), ("hei-bold", "标题")])


@pytest.mark.parametrize("fname", ["NotoSerifSC-Regular.ttf", "LXGWWenKai-Regular.ttf"])
def test_our_cmap_and_advances_agree_with_fonttools(fname):
    """render.truetype's glyph ids and advances are fontTools' for every mapped
    character (format 4, with its idRangeOffset glyph arrays) and 0 elsewhere."""
    from layout.render.truetype import FontFile

    path = fonts_dir() / fname
    tt = TTFont(path, lazy=True)
    order = {name: gid for gid, name in enumerate(tt.getGlyphOrder())}
    best = tt.getBestCmap()
    ours = FontFile(str(path))
    for cp, name in best.items():
        assert ours.glyph_id(cp) == order[name], hex(cp)
        assert ours.advance(order[name]) == tt["hmtx"][name][0]
    for cp in (0x0, 0x1F, 0xE000, 0xFFFF, 0x1F600, 0x10FFFF):
        if cp not in best:
            assert ours.glyph_id(cp) == 0


def test_format_12_cmap_reaches_characters_beyond_the_bmp(tmp_path):
    """A font whose cmap has a (3,10) format 12 subtable: astral characters are
    looked up through it, embedded and extracted as themselves."""
    from fontTools import subset
    from fontTools.ttLib.tables._c_m_a_p import cmap_format_12

    from layout.render.truetype import FontFile

    font = TTFont(fonts_dir() / "NotoSansSC-Regular.ttf")
    sub = subset.Subsetter(subset.Options())
    sub.populate(text="中文")
    sub.subset(font)
    cmap = dict(font.getBestCmap())
    cmap[0x20000] = cmap[ord("中")]  # 𠀀 drawn with 中's outline: enough to test the lookup
    table = cmap_format_12(12)
    table.platformID, table.platEncID, table.language, table.cmap = 3, 10, 0, cmap
    font["cmap"].tables.append(table)
    path = tmp_path / "astral.ttf"
    font.save(path)
    order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    ours = FontFile(str(path))
    assert ours.glyph_id(0x20000) == ours.glyph_id(ord("中")) == order[cmap[ord("中")]] != 0
    assert ours.glyph_id(ord("文")) == order[cmap[ord("文")]]
    assert ours.glyph_id(0x20001) == 0
    fonts = FONTS.with_faces([FaceSpec("astral", str(path))])
    ((_, text),) = read_lines(draw_pdf([("astral", "中\U00020000文")], fonts))
    assert text == "中\U00020000文"


def test_a_written_document_is_not_kept_alive():
    """The embedded fonts live on their document: a batch of thousands of pages must
    not keep every finished document (its pages and photos) in memory."""
    import gc
    import weakref

    c = new_canvas(io.BytesIO(), (200, 200))
    draw_text(c, "文档", 20, 100, FONTS, "song", 12)
    c.showPage()
    c.save()
    doc = weakref.ref(c._doc)
    del c
    gc.collect()
    assert doc() is None
