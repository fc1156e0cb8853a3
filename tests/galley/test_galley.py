"""``layout galley``: the PDF read back -- every glyph where the composer put it,
on one baseline grid, fonts embedded, text extractable, bytes deterministic --
and the input it refuses."""

import shutil
import subprocess
import sys

import pytest
from galley_helpers import PDFCHECK, SEED, galley, page_chars

from layout.galley import GalleySpec, compose_galley, split_paragraphs

STORY = """开发区新闻

■严格对照标准抓创建，逐项逐条吃透测评规则、摸清评分标准
■坚决补齐短板强弱项，突出抓好主次干道

本报讯 8月3日，开发区召开全国文明城市创建工作加压推进会，传达全市全国文明城市创建工作加压推进会精神。

陈晓华强调，要全力冲刺，抓细抓实。各级各单位要对照《全国文明城市测评体系》标准和修订的操作手册，逐项逐条吃透测评规则。要学会“十个手指弹钢琴”，统筹安排创建工作。截至目前，入驻企业产值累计超过80亿元，实缴税收超过3.8亿元。
"""


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_glyphs_land_where_the_composer_put_them(story, tmp_path, fonts):
    out = tmp_path / "g.pdf"
    rc, err = galley(str(story), "-o", str(out), "--measure", "10em", "--columns", "2")
    assert rc == 0, err
    spec = GalleySpec(measure=90.0, columns=2, gutter=18.0)
    composed = compose_galley(split_paragraphs(STORY), spec, fonts)
    count = sum(len(cp.lines) for cp in composed)
    assert count < 2 * spec.lines_per_column()  # one page, so its two columns are balanced
    depth = -(-count // 2)
    expected = []
    slot = 0
    top = spec.page_height - spec.margin - fonts.face("song").ascent * spec.size
    for cp in composed:
        for ln in cp.lines:
            col, row = divmod(slot, depth)
            x0 = spec.margin + col * (spec.measure + spec.gutter)
            for g in ln.glyphs:
                if not g.ch.isspace():
                    expected.append((g.ch, x0 + g.x, top - row * spec.pitch))
            slot += 1
    chars = page_chars(out)[0]
    assert len(chars) == len(expected)
    for c, (ch, x, base) in zip(chars, expected, strict=True):
        assert c["text"] == ch
        assert c["x0"] == pytest.approx(x, abs=0.01)
        assert c["matrix"][5] == pytest.approx(base, abs=0.01)
        assert c["non_stroking_color"] in ((0, 0, 0, 1), [0, 0, 0, 1])


def test_text_is_extractable_and_complete(story, tmp_path):
    out = tmp_path / "g.pdf"
    assert galley(str(story), "-o", str(out), "--measure", "12em")[0] == 0
    text = "".join(c["text"] for page in page_chars(out) for c in page)
    assert text == "".join(STORY.split())


def test_fonts_are_embedded_and_no_helvetica(story, tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    out = tmp_path / "g.pdf"
    assert galley(str(story), "-o", str(out))[0] == 0
    with pikepdf.open(out) as pdf:
        fonts = {}
        for page in pdf.pages:
            for _, f in page.Resources.Font.items():
                desc = f.DescendantFonts[0] if "/DescendantFonts" in f else f  # composite fonts
                fonts[str(f.BaseFont)] = "/FontDescriptor" in desc and "/FontFile2" in desc.FontDescriptor
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_output_is_deterministic(story, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert galley(str(story), "-o", str(a), "--columns", "3")[0] == 0
    assert galley(str(story), "-o", str(b), "--columns", "3")[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_one_paragraph_per_line_and_indentation_stripped():
    text = "　　第一段文字。\n  第二段文字。\n■提要一\n"
    pars = split_paragraphs(text)
    assert [p.text for p in pars] == ["第一段文字。", "第二段文字。", "■提要一"]
    assert [p.lead for p in pars] == [False, False, True]


def test_blank_line_paragraphs_join_their_lines():
    pars = split_paragraphs("第一段\n接着写。\n\nA long\nEnglish line\n\n■提要\n■提要二\n")
    assert [p.text for p in pars] == ["第一段接着写。", "A long English line", "■提要", "■提要二"]


def test_lines_sit_on_one_baseline_grid_across_columns(tmp_path):
    out = tmp_path / "g.pdf"
    assert galley(str(SEED), "-o", str(out), "--measure", "8em", "--columns", "3")[0] == 0
    pitch = 9 * 1.5
    for page in page_chars(out):
        bases = {round(c["matrix"][5], 3) for c in page}
        top = max(bases)
        for b in bases:
            k = (top - b) / pitch
            assert abs(k - round(k)) < 1e-3


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n \n")
    out = tmp_path / "g.pdf"
    rc, err = galley(str(empty), "-o", str(out))
    assert rc == 2 and "no text" in err
    assert not out.exists()


def test_non_utf8_file_is_refused_with_its_byte_offset(tmp_path):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("开发区".encode() + "新闻".encode("gbk"))
    out = tmp_path / "g.pdf"
    rc, err = galley(str(bad), "-o", str(out))
    assert rc == 2
    assert "not UTF-8" in err and "byte offset 9" in err and "gbk.txt:1:10" in err
    assert not out.exists()


def test_measure_narrower_than_a_character_is_refused(story, tmp_path):
    out = tmp_path / "g.pdf"
    rc, err = galley(str(story), "-o", str(out), "--measure", "0.5em")
    assert rc == 2 and "narrower than one character" in err
    rc, err = galley(str(story), "-o", str(out), "--measure", "5pt", "--size", "小五")
    assert rc == 2
    assert not out.exists()


def test_bad_units_and_options_are_messages(story, tmp_path):
    out = tmp_path / "g.pdf"
    assert galley(str(story), "-o", str(out), "--measure", "twelve")[0] == 2
    assert galley(str(story), "-o", str(out), "--columns", "0")[0] == 2
    assert galley(str(story), "-o", str(out), "--leading", "0.5")[0] == 2
    assert galley(str(tmp_path / "missing.txt"), "-o", str(out))[0] == 2


def test_a_200000_character_paragraph(tmp_path):
    seed = SEED.read_text(encoding="utf-8").replace("\n", "")
    text = (seed * (200_000 // len(seed) + 1))[:200_000]
    src = tmp_path / "big.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "big.pdf"
    rc, err = galley(str(src), "-o", str(out), "--measure", "12em", "--columns", "4")
    assert rc == 0, err
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(out))
    last = doc[len(doc) - 1].get_textpage().get_text_range()
    assert "".join(last.split()).endswith("".join(text[-30:].split()))
    assert len(doc) > 50


@pytest.mark.skipif(not PDFCHECK.exists(), reason="pdfcheck.py not available")
@pytest.mark.parametrize("options", [["--measure", "12em"], ["--measure", "8em", "--kinsoku", "gb", "--punct", "kaiming"]])
def test_seed_galley_is_clean_by_pdfcheck(tmp_path, options):
    out = tmp_path / "g.pdf"
    assert galley(str(SEED), "-o", str(out), *options)[0] == 0
    if not shutil.which("pdffonts"):
        pytest.skip("poppler-utils not installed")
    res = subprocess.run([sys.executable, str(PDFCHECK), str(out), "--source", str(SEED), "--expect-clean",
                          "--no-fill", "--json", str(tmp_path / "r.json")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    import json

    r = json.loads((tmp_path / "r.json").read_text())
    m = r["metrics"]
    assert r["fidelity"]["missing"] == r["fidelity"]["extra"] == 0
    assert r["kinsoku"]["total"] == 0 and m["overfull"] == 0
    assert m["just_dev_max"] <= 0.05 and m["orphan_char_lines"] == 0 and m["grid_off"] == 0
    assert r["fonts"]["all_embedded"] and r["fonts"].get("notdef") in (0, None)  # pdfcheck needs PyMuPDF for it
    from layout.check.preflight import preflight

    (notdef,) = [f for f in preflight(out).findings if f.check == "notdef"]  # our own count, always
    assert notdef.status == "OK" and "not checkable" not in notdef.message
