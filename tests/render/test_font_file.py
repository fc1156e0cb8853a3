"""A font file is opened once per process and again when it changes
(``render.cidfonts.font_file``): a long-running process (watch, batch) must not
embed an old version's glyphs."""

from __future__ import annotations

from pathlib import Path

from layout.fonts.loader import load_face
from layout.render.cidfonts import font_file

FONTS = Path(__file__).resolve().parents[2] / "fonts"


def test_the_same_file_is_opened_once(tmp_path):
    link = tmp_path / "face.ttf"
    link.symlink_to(FONTS / "NotoSansSC-Regular.ttf")
    face = load_face(link, "sans")
    assert font_file(face) is font_file(face)


def test_a_changed_file_is_opened_again(tmp_path):
    link = tmp_path / "face.ttf"
    link.symlink_to(FONTS / "NotoSansSC-Regular.ttf")
    face = load_face(link, "sans")
    regular = font_file(face)
    link.unlink()
    link.symlink_to(FONTS / "NotoSansSC-Bold.ttf")  # another file under the same name
    bold = font_file(face)
    assert bold is not regular
    assert bold.table("head") != regular.table("head")  # the new file's tables, not the old map's
