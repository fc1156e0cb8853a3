"""Text that does not fit is never dropped silently: reported, marked on the proof,
and an error with --strict."""

from __future__ import annotations

import pdfplumber

from layout.cli import main
from layout.model import load_layout
from layout.place import place_page

from .conftest import write_layout

OVERFULL = """
    extends: house
    header: false
    stories:
      - id: crowded
        columns: 1-2
        rows: 1-6
        headline: 打出组合拳 防止道路扬尘污染
        headline_style: headline-2
        body: |
          组建专业攻坚队伍。成立道路扬尘污染治理领导小组，对辖区内干线公路G342、S101，主要农村公路扬尘污染和路面整治情况进行突击检查、集中巡查，并列出问题清单进行针对性整改。

          开展路容路貌整治。集中力量开展排水设施疏通和路容路貌精细化整治，动用机械和人员对边沟边坡路肩、沿线树木花草进行修整，对护栏进行清洗作业，对道路缺失路树及时补植补栽。
"""


def test_overflow_is_counted(tmp_path):
    placed = place_page(load_layout(write_layout(tmp_path, OVERFULL)))
    (story,) = placed.stories
    assert story.lines_over > 0 and story.chars_over > 0
    assert any(p.kind == "overflow" and p.story == "crowded" for p in placed.problems)


def test_overflow_warns_and_strict_fails(tmp_path, capsys):
    src = write_layout(tmp_path, OVERFULL)
    assert main(["render", str(src), "-o", str(tmp_path / "a.pdf")]) == 0
    err = capsys.readouterr().err
    assert "crowded" in err and "do not fit" in err
    assert main(["render", str(src), "-o", str(tmp_path / "b.pdf"), "--strict"]) == 1


def test_proof_marks_the_overflow(tmp_path):
    src = write_layout(tmp_path, OVERFULL)
    out = tmp_path / "proof.pdf"
    assert main(["render", str(src), "-o", str(out), "--proof", "-q"]) == 0
    placed = place_page(load_layout(src))
    lines = placed.stories[0].lines_over
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert f"OVERFLOW +{lines} lines" in text
    assert "page.yaml" in text  # the slug line names the file


def test_png_previews(tmp_path):
    from PIL import Image

    src = write_layout(tmp_path, OVERFULL)
    out_dir = tmp_path / "png"
    assert main(["render", str(src), "-o", str(tmp_path / "p.pdf"), "--png", str(out_dir), "--dpi", "36", "-q"]) == 0
    (png,) = sorted(out_dir.glob("*.png"))
    with Image.open(png) as im:
        w, h = im.size
    layout = load_layout(src)
    assert abs(w - (layout.page.width + 2 * layout.page.bleed) / 2) <= 2  # 36 dpi = half a pt per px
    assert h > w


def test_bad_layout_leaves_no_pdf(tmp_path, capsys):
    src = write_layout(tmp_path, OVERFULL.replace("columns: 1-2", "colums: 1-2"))
    out = tmp_path / "never.pdf"
    assert main(["render", str(src), "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "colums" in err and "columns" in err and "page.yaml:" in err
