"""A character no face has is reported with its code point and never drawn as a
.notdef box (issue 2: never silently drawn as a blank or tofu)."""

from __future__ import annotations

from layout.cli import main

from .conftest import write_layout

RARE = """
    extends: house
    header: false
    stories:
      - id: rare
        columns: 1-2
        rows: 1-10
        headline: 罕见字测试
        body: 人名𠀀中有一个字库里没有的字。
"""


def test_missing_character_is_reported_not_drawn(tmp_path, capsys):
    import pymupdf

    src = write_layout(tmp_path, RARE)
    out = tmp_path / "rare.pdf"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert "U+20000" in capsys.readouterr().err
    assert main(["render", str(src), "-o", str(out), "--strict"]) == 1
    doc = pymupdf.open(out)
    gids = [ch[1] for span in doc[0].get_texttrace() for ch in span["chars"]]
    assert gids and 0 not in gids  # no .notdef glyph anywhere
    assert "𠀀" not in doc[0].get_text() and "人名" in doc[0].get_text()
