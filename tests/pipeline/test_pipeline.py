"""The one pipeline (layout/pipeline.py): every page is drawn with the font set it
was placed with; commands and the pipeline give the same bytes."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pdfplumber
import pytest

from layout import pipeline
from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "fonts"
PAGE = """
    extends: house
    header:
      title: 开发区新闻
    {fonts}
    stories:
      - id: one
        columns: 1-3
        rows: 1-12
        headline: 多措并举推进人口普查工作
        body: |
          加强组织领导，科学安排部署。成立人口普查专项工作小组，区统计、公安、宣传等部门为领导小组成员单位。
"""


def _write(folder: Path, name: str, fonts: str = "") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(PAGE.replace("{fonts}", fonts)).lstrip(), encoding="utf-8")
    return path


def _body_fonts(pdf: bytes) -> list[set[str]]:
    """Per page: the base font names (subset tag removed) of the body's characters."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            names = {c["fontname"].split("+", 1)[-1] for c in page.chars if c["text"] in "加强组织领导"}
            out.append(names)
    return out


@pytest.fixture(scope="module")
def two_faces(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("faces")
    kai = FONTS / "LXGWWenKai-Regular.ttf"
    return [_write(folder, "p1.yaml"), _write(folder, "p2.yaml", f"fonts:\n      song: {kai}")]


def test_each_page_is_drawn_with_its_own_faces(two_faces):
    """Page 2 maps the body role ``song`` to another font file: its body must be drawn
    (and embedded) with that file, not with page 1's -- it was measured with it."""
    out = pipeline.render_files(two_faces, allow_paths=[FONTS])
    used = _body_fonts(out.pdf)
    assert len(used) == 2
    assert any("NotoSerif" in n for n in used[0]) and not any("WenKai" in n for n in used[0]), used
    assert any("WenKai" in n for n in used[1]) and not any("NotoSerif" in n for n in used[1]), used
    assert out.fonts[0] is not out.fonts[1]


def test_cli_render_is_the_pipeline(two_faces, tmp_path):
    pdf = tmp_path / "two.pdf"
    assert main(["render", *map(str, two_faces), "--allow-path", str(FONTS), "-o", str(pdf), "-q"]) == 0
    assert pdf.read_bytes() == pipeline.render_files(two_faces, allow_paths=[FONTS]).pdf


def test_output_is_data(two_faces):
    out = pipeline.render_files(two_faces[:1])
    assert out.kind == "PDF/X-4" and len(out.pages) == 1 and out.stories == 1
    assert out.pdf.startswith(b"%PDF-")
    assert isinstance(out.problems, tuple)


def test_overflow_comes_back_as_a_record(tmp_path):
    long = _write(tmp_path, "long.yaml").read_text(encoding="utf-8").replace(
        "rows: 1-12", "rows: 1-5").replace("成员单位。", "成员单位。" * 40)
    (tmp_path / "long.yaml").write_text(long, encoding="utf-8")
    out = pipeline.render_files([tmp_path / "long.yaml"])
    kinds = {(p.kind, p.story) for p in out.problems}
    assert ("overflow", "one") in kinds


def test_rendering_a_page_does_not_import_the_archive_reader(tmp_path):
    """The archive reader and the checker are for layouts imported from an archive
    (``archive:``); a user's own page renders without them (their regexes alone were
    ~60 ms of every process), and one process without the worker machinery."""
    import subprocess
    import sys

    src = _write(tmp_path, "page.yaml")
    code = ("import sys; from layout.cli import main\n"
            f"assert main(['render', {str(src)!r}, '-o', {str(tmp_path / 'out.pdf')!r}, '-q', '--jobs', '1']) == 0\n"
            "print(sorted(m for m in sys.modules if m.startswith(('layout.archive', 'layout.check', "
            "'difflib', 'multiprocessing'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
