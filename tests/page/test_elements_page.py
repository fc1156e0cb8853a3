"""The content form's elements and page items placed and drawn: subheads kept with
their paragraph, 黑体/楷体 runs and 着重号, boxes, photo credits, a PDF ad placed as a
form (its words an artifact), a text box; read back from real PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from layout.cli import main
from layout.model import load_layout
from layout.place.elements import DOT_DROP_EM
from layout.place.items import BoxItem, DotsItem, FormItem, ImageItem, TextItem
from layout.place.page import place_page
from layout.place.story import BYLINE_GAP

from .conftest import write_layout

PAGE = """
    extends: house
    header: {title: 清河新闻}
    stories:
      - id: a
        columns: 1-2
        rows: 1-30
        text_columns: 1
        content:
          - headline: 老街换新颜
          - box: {title: 核心阅读, text: "改造{hei|三个月}完工，居民{dot|满意}。"}
          - byline: 本报讯
          - paragraph: 第一段有{dot|着重}的字，也有{hei|黑体}和{kai|楷体}的字。
          - subhead: 一、先修路
          - paragraph: 第二段。
          - photo: {placeholder: true, rows: 20-26, caption: 图为老街。, credit: （本报记者 丙丁摄）}
    items:
      - text: {title: 导读, text: 看点一。, columns: 4-5, rows: 1-6}
      - image: {file: logo.png, columns: 5, rows: 10-12}
      - ad: {file: ad.pdf, columns: 4-5, rows: 20-40}
"""


def make_ad(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(200, 100), invariant=1)
    c.setFillColorCMYK(0, 1, 1, 0)
    c.rect(0, 0, 200, 100, fill=1, stroke=0)
    c.setFillColorCMYK(0, 0, 0, 0)
    c.drawString(20, 40, "ADWORDS")
    c.save()
    return path


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (60, 60), (200, 30, 30)).save(tmp_path / "logo.png")
    make_ad(tmp_path / "ad.pdf")
    return write_layout(tmp_path, PAGE)


@pytest.fixture
def placed(page_file):
    layout = load_layout(page_file)
    return layout, place_page(layout)


def _texts(placed_page, kind=None):
    return [it for it in placed_page.items if isinstance(it, TextItem) and (kind is None or it.kind == kind)]


def test_marks_compose_as_runs_of_their_faces(placed):
    _, p = placed
    body = "".join(it.line.chars for it in _texts(p, "body"))
    assert body == f"本报讯{BYLINE_GAP}第一段有着重的字，也有黑体和楷体的字。第二段。"  # the byline gap: an em space
    faces = {}
    for it in _texts(p, "body"):
        for ch, face in zip(it.line.chars, it.line.faces, strict=True):
            faces.setdefault(ch, face)
    assert faces["黑"] == "hei" and faces["楷"] == "kai" and faces["着"] == "song" and faces["第"] == "song"


def test_dots_sit_under_the_marked_characters(placed):
    _, p = placed
    dots = [it for it in p.items if isinstance(it, DotsItem)]
    assert len(dots) == 2  # one run in the body, one in the box
    for d in dots:
        line = next(it for it in p.items if isinstance(it, TextItem) and it.story == d.story
                    and abs(it.baseline - DOT_DROP_EM * 9 - d.y) < 1e-6 and len(d.xs) == 2)
        centres = [line.x + line.line.lefts[i] + line.line.advances[i] / 2 for i, ch in enumerate(line.line.chars)
                   if ch in "着重满意"]
        assert list(d.xs) == pytest.approx(centres)


def test_subhead_is_its_own_style_inside_the_story(placed):
    layout, p = placed
    (sub,) = _texts(p, "subhead")
    assert sub.line.chars == "一、先修路" and set(sub.line.faces) == {"hei"} and sub.story == "a"
    geo = p.geometry
    assert any(abs(geo.baseline(r) - sub.baseline) < 1e-6 for r in range(1, geo.rows + 1))  # on the grid


def test_box_frames_its_title_and_text(placed):
    _, p = placed
    frames = [it for it in p.items if isinstance(it, BoxItem) and it.story == "a"]
    title, text = _texts(p, "box-title")[0], _texts(p, "box")[0]
    assert title.line.chars == "核心阅读" and text.line.chars.startswith("改造三个月完工")
    f = frames[0].rect
    assert f.x0 < title.x and f.y0 < text.baseline < title.baseline < f.y1
    assert min(it.baseline for it in _texts(p, "box")) > max(it.baseline for it in _texts(p, "body"))


def test_photo_credit_follows_the_caption_in_its_face(placed):
    _, p = placed
    (cap,) = _texts(p, "caption")
    assert cap.line.chars == "图为老街。（本报记者 丙丁摄）"
    assert cap.line.faces[cap.line.chars.index("丙")] == "kai"


def test_page_items_are_placed(placed):
    _, p = placed
    assert [it.line.chars for it in p.items if isinstance(it, TextItem) and it.story == "text1"] == ["导读", "看点一。"]
    assert any(isinstance(it, ImageItem) and (it.path or "").endswith("logo.png") for it in p.items)
    (form,) = [it for it in p.items if isinstance(it, FormItem)]
    assert form.size == (200.0, 100.0)
    assert not [pr for pr in p.problems if pr.kind != "underfill"]  # the short test story underfills: advisory


def test_text_box_overflow_is_reported(page_file):
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("看点一。", "看点一。" * 80), encoding="utf-8")
    p = place_page(load_layout(page_file))
    over = [pr for pr in p.problems if pr.kind == "overflow"]
    assert len(over) == 1 and over[0].story == "text1" and "text box 'text1'" in over[0].message


def test_keep_rule_moves_a_subhead_off_the_column_foot(tmp_path):
    """A subhead that would be a column's last line starts the next column instead."""
    para = "这是一段用来填满栏的正文，" * 8 + "完。"
    text = f"""
        extends: house
        header: {{title: 清河新闻}}
        stories:
          - id: s
            columns: 1-2
            rows: 1-8
            content:
              - paragraph: {para}
              - subhead: 小标题在这里
              - paragraph: 后面的段落。
        """
    layout = load_layout(write_layout(tmp_path, text))
    p = place_page(layout)
    lines = _texts(p, "body") + _texts(p, "subhead")
    first_col_x = min(it.x for it in lines)
    (sub,) = _texts(p, "subhead")
    col = [it for it in lines if it.x == sub.x]
    assert sub.baseline != min(it.baseline for it in col)  # never the foot of its column
    nxt = sorted((it for it in col if it.baseline < sub.baseline), key=lambda it: -it.baseline)
    assert nxt and nxt[0].line.chars.startswith("后面")
    assert sub.x > first_col_x  # it moved on to the second column


def test_pdf_has_the_ad_as_a_form_marked_artifact(page_file, tmp_path):
    out = tmp_path / "out.pdf"
    assert main(["render", str(page_file), "-o", str(out), "-q"]) == 0
    with pikepdf.open(out) as pdf:
        page = pdf.pages[0]
        forms = {k: v for k, v in page.resources.XObject.items() if v.get("/Subtype") == "/Form"}
        assert len(forms) == 1
        (name, form), = forms.items()
        assert b"ADWORDS" in form.read_bytes()  # the ad's own content stream, not redrawn
        content = b"".join(c.read_bytes() for c in page.obj.Contents) if isinstance(
            page.obj.Contents, pikepdf.Array) else page.obj.Contents.read_bytes()
        assert re.search(rb"/Artifact BMC\s[^E]*" + re.escape(name.encode()) + rb" Do\s+EMC", content)
        # 着重号 are vector dots, not text
        assert content.count(b" c\n") > 0


def test_same_input_same_bytes(page_file, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["render", str(page_file), "-o", str(a), "-q"]) == 0
    assert main(["render", str(page_file), "-o", str(b), "-q"]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_pdfcheck_leaves_the_ad_text_out(page_file, tmp_path):
    """The shared checker reads the page without the ad's words (an artifact)."""
    import json
    import subprocess
    import sys

    out = tmp_path / "out.pdf"
    assert main(["render", str(page_file), "-o", str(out), "-q"]) == 0
    src = tmp_path / "src.txt"
    src.write_text("清河新闻 导读 看点一。 老街换新颜 核心阅读 改造三个月完工，居民满意。 本报讯 第一段有着重的字，"
                   "也有黑体和楷体的字。 一、先修路 第二段。 图为老街。（本报记者 丙丁摄）", encoding="utf-8")
    checker = Path(__file__).resolve().parents[3] / "shared" / "tools" / "pdfcheck.py"
    if not checker.exists():
        pytest.skip("../shared/tools/pdfcheck.py not beside the checkout")
    r = subprocess.run([sys.executable, str(checker), str(out), "--source", str(src), "--no-fill"],
                       capture_output=True, text=True, timeout=120)
    report = json.loads(r.stdout)
    fid = report["fidelity"]
    assert fid["missing"] == 0 and fid["extra"] == 0, r.stderr[-400:]


def test_second_sample_passes_the_page_bar(tmp_path):
    """samples/qinghe-news.yaml against its own text: nothing lost or added, no
    kinsoku break, justified, on the grid, no orphan, no hole (the project's bar)."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    checker = root.parent / "shared" / "tools" / "pdfcheck.py"
    if not checker.exists():
        pytest.skip("../shared/tools/pdfcheck.py not beside the checkout")
    out = tmp_path / "qinghe.pdf"
    assert main(["render", str(root / "samples" / "qinghe-news.yaml"), "-o", str(out), "-q"]) == 0
    r = subprocess.run([sys.executable, str(checker), str(out), "--source", str(root / "samples" / "qinghe-news.txt")],
                       capture_output=True, text=True, timeout=300)
    rep = json.loads(r.stdout)
    m, fid = rep["metrics"], rep["fidelity"]
    got = (fid["missing"], fid["extra"], rep["kinsoku"]["total"], m["just_dev_max"] <= 0.05, m["grid_off"],
           m["orphan_char_lines"], m["holes"])
    assert got == (0, 0, 0, True, 0, 0, 0), r.stderr[-300:]
    assert main(["preflight", str(out)]) == 0  # the placed ad keeps the page ready for press


def test_verify_reads_the_page_without_the_ad_and_proof_frames_items(page_file, tmp_path):
    from layout.check.verify import pdf_chars

    out = tmp_path / "out.pdf"
    assert main(["render", str(page_file), "-o", str(out), "-q"]) == 0
    text = "".join(c.ch for c in pdf_chars(out))
    assert "老街换新颜" in text and "ADWORDS" not in text
    proof = tmp_path / "proof.pdf"
    assert main(["render", str(page_file), "--proof", "-o", str(proof), "-q"]) == 0
    import pdfplumber

    with pdfplumber.open(proof) as pdf:
        words = pdf.pages[0].extract_text()
    assert "AD 广告" in words and "IMAGE 图" in words
