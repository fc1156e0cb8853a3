"""The Python API (docs/api.md): same bytes as the commands, problems as records,
sources as paths, YAML text or mappings, ``import layout`` cheap."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

import layout
from layout.cli import main
from layout.place import ProblemKind

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"
ARCHIVE = ROOT / "tests" / "archive" / "data" / "city-briefs.txt"  # UTF-16: the encoding is detected
PAGE = textwrap.dedent("""
    extends: house
    header:
      title: 开发区新闻
      date: 2020-08-10
    stories:
      - id: one
        columns: 1-3
        rows: 1-{rows}
        headline: 多措并举推进人口普查工作
        body: |
          加强组织领导，科学安排部署。成立人口普查专项工作小组，区统计、公安、宣传等部门为领导小组成员单位。{more}
""").lstrip()


def _page(rows: int = 12, more: str = "") -> str:
    return PAGE.replace("{rows}", str(rows)).replace("{more}", more)


def test_render_path_is_the_cli_bytes(tmp_path):
    """issue 16's done-when: layout.render(path) == the bytes of `layout render path`."""
    out = tmp_path / "cli.pdf"
    assert main(["render", str(SAMPLE), "-o", str(out), "-q"]) == 0
    assert layout.render(SAMPLE) == out.read_bytes()


def test_text_mapping_and_path_give_the_same_page(tmp_path):
    path = tmp_path / "page.yaml"
    path.write_text(_page(), encoding="utf-8")
    from_path = layout.render(str(path))
    assert layout.render(_page(), base_dir=tmp_path) == from_path
    assert layout.render(yaml.safe_load(_page()), base_dir=tmp_path) == from_path


def test_options_reach_the_pdf(tmp_path):
    plain = layout.render(_page(), base_dir=tmp_path, pdfx="none")
    x4 = layout.render(_page(), base_dir=tmp_path)
    assert b"GTS_PDFX" in x4 and b"GTS_PDFX" not in plain
    with pytest.raises(layout.LayoutError, match="print standard"):
        layout.render(_page(), pdfx="x9")


def test_problems_are_records_never_printed(tmp_path, capsys):
    src = _page(rows=4, more="统筹安排财力、物力、人力、精力，确保工作资源向一线汇聚。" * 30)
    out = layout.build(src, base_dir=tmp_path)
    over = [p for p in out.problems if p.kind == "overflow"]
    assert over and over[0].story == "one" and "one" in over[0].message
    assert over[0].kind is ProblemKind.OVERFLOW  # a typed kind (equal to its text)
    assert out.pdf.startswith(b"%PDF-") and out.kind == "PDF/X-4" and len(out.pages) == 1
    with pytest.raises(layout.ProblemsFound) as err:
        layout.render(src, base_dir=tmp_path, strict=True)
    assert err.value.problems == out.problems and err.value.pdf == out.pdf
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_bad_input_raises_with_the_place(tmp_path):
    with pytest.raises(layout.LayoutError) as err:
        layout.render(_page().replace("columns: 1-3", "colums: 1-3"), base_dir=tmp_path)
    assert err.value.where is not None and err.value.where.file == "<string>" and err.value.where.line == 7
    with pytest.raises(layout.LayoutError, match="not found"):
        layout.render(str(tmp_path / "missing.yaml"))


def test_reprint_and_verify(tmp_path):
    out = tmp_path / "cli.pdf"
    assert main(["reprint", str(ARCHIVE), "-o", str(out), "-q"]) == 0
    pdf = layout.reprint(ARCHIVE)
    assert pdf == out.read_bytes()
    assert layout.reprint(ARCHIVE.read_bytes()) == pdf  # raw bytes: same import, same page
    report = layout.verify(pdf, ARCHIVE)
    assert report.identical, report.differences[:3]
    assert layout.verify(pdf, ARCHIVE.read_bytes()).identical
    lost = layout.verify(pdf, ARCHIVE.read_bytes().decode("utf-16") + "\n本报讯 这一段不在页面上。\n")
    assert not lost.identical and any(d.kind == "lost" for d in lost.differences)


def test_import_layout_is_cheap():
    """`import layout` loads no stage, no YAML reader, no ReportLab."""
    code = "import sys, layout; print(sorted(m for m in sys.modules if m.startswith(('layout', 'yaml', 'reportlab'))))"
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert got.strip() == "['layout']"
