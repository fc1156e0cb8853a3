"""Files named in a layout stay inside its folder unless the user allows more
(--allow-path); symlinks are followed before the check; ``extends: house`` also finds
the project's layouts/."""

from __future__ import annotations

import os

import pytest
from model_helpers import BASE, Page, at, line_of

NO_BODY = BASE.replace("    body: |\n      8月3日，开发区召开全国文明城市创建工作加压推进会。\n", "")


@pytest.fixture
def nested(tmp_path):
    """A page in tmp/pages/ and shared files in tmp/shared/."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "story.txt").write_text("外面的正文。\n", encoding="utf-8")
    return Page(tmp_path / "pages")


def test_body_file_outside_the_folder_is_refused(nested):
    text = NO_BODY + "    body_file: ../shared/story.txt\n"
    err = nested.error(text)
    assert "leads outside the layout's folder" in err.message and "--allow-path" in err.hint
    at(err, line_of(text, "body_file"), 16)


def test_absolute_paths_outside_are_refused_too(nested):
    err = nested.error(NO_BODY + f"    body_file: {nested.folder.parent / 'shared' / 'story.txt'}\n")
    assert "leads outside" in err.message


def test_allow_paths_admits_a_folder(nested):
    text = NO_BODY + "    body_file: ../shared/story.txt\n"
    lay = nested.load(text, allow_paths=[str(nested.folder.parent / "shared")])
    assert lay.stories[0].paragraphs == ("外面的正文。",)


def test_symlink_out_of_the_folder_is_refused(nested):
    nested.folder.mkdir(parents=True, exist_ok=True)
    os.symlink(nested.folder.parent / "shared" / "story.txt", nested.folder / "link.txt")
    err = nested.error(NO_BODY + "    body_file: link.txt\n")
    assert "leads outside" in err.message


def test_photo_and_font_paths_are_checked(nested):
    nested.image("../shared/p.png")
    err = nested.error(BASE + "    photos:\n      - {file: ../shared/p.png, rows: 1-3}\n")
    assert "photo '../shared/p.png' leads outside" in err.message
    err = nested.error(BASE + "fonts:\n  song: /usr/share/fonts/x.ttf\n")
    assert "leads outside" in err.message


def test_extends_path_may_not_escape_but_house_comes_from_the_project(nested):
    nested.write("../shared/h.yaml", "extends: house\n")
    err = nested.error(BASE.replace("extends: house", "extends: ../shared/h"))
    assert "leads outside" in err.message
    lay = nested.load(BASE.replace("extends: house", "extends: ../shared/h"),
                      allow_paths=[nested.folder.parent / "shared"])
    assert lay.grid.columns == 5


def test_a_house_beside_the_page_wins_over_the_project_one(page):
    page.write("house.yaml", "extends: ../../no\n")  # would fail if it were read
    page.write("sub/house.yaml", "page: {size: A4, margins: 12mm}\ngrid: {columns: 3, gutter: 1em, "
               "body: {size: 五号, leading: 1.5}}\nstyles: {headline: {size: 二号}}\n")
    lay = page.load("extends: house\nstories: [{columns: 1-3, rows: 1-5, headline: 题}]\n", name="sub/p.yaml")
    assert lay.page.preset == "A4" and lay.grid.columns == 3


def test_layouts_dir_can_be_moved_with_the_environment(page, tmp_path, monkeypatch):
    shared = tmp_path / "elsewhere"
    shared.mkdir()
    (shared / "tabloid.yaml").write_text(
        "page: {size: 4开, margins: 15mm}\ngrid: {columns: 6, gutter: 1em, body: {size: 小五, leading: 1.5}}\n"
        "styles: {headline: {size: 二号}}\n", encoding="utf-8")
    monkeypatch.setenv("LAYOUT_LAYOUTS_DIR", str(shared))
    lay = page.load("extends: tabloid\nstories: [{columns: 1-6, rows: 1-5, headline: 题}]\n", name="p/p.yaml")
    assert lay.grid.columns == 6
