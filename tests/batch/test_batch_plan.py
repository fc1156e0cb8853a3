"""Which archives a batch takes and where each PDF goes (``layout.batch.plan``)."""

from __future__ import annotations

import pytest

from layout.batch.plan import find_archives
from layout.errors import LayoutError


def test_folders_are_searched_and_keep_their_shape(tmp_path):
    src = tmp_path / "in"
    for rel in ("2020/0110-05.txt", "2021/0110-05.TXT", "a.txt", ".hidden.txt", ".git/x.txt", "notes.md",
                "out/old.txt"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("x")
    found = find_archives([str(src)], src / "out")  # the output folder inside the input is skipped
    assert [s.output for s in found] == ["a.pdf", "2020/0110-05.pdf", "2021/0110-05.pdf"]
    assert found[0].name == str(src / "a.txt")


def test_named_files_land_at_the_top_whatever_their_extension(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "page.archive").write_text("x")
    (tmp_path / "p.txt").write_text("x")
    found = find_archives([str(tmp_path / "d" / "page.archive"), str(tmp_path / "p.txt")], tmp_path / "out")
    assert [s.output for s in found] == ["page.pdf", "p.pdf"]


def test_two_archives_for_one_pdf_are_refused_before_any_work(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "Page.txt").write_text("x")
    (tmp_path / "b" / "Page.txt").rename(tmp_path / "b" / "PAGE.txt")  # differs only in case
    with pytest.raises(LayoutError, match="would both be written to"):
        find_archives([str(tmp_path / "a" / "Page.txt"), str(tmp_path / "b" / "PAGE.txt")], tmp_path / "out")
