"""Every page of a long archive but the last full to its foot (issue 13, "Every page
full"): the story at a page's end is cut for a continuation even when the room the
stories before really leave is smaller than their smallest areas promise.

The archives are written by ``tests/archive/textgen.py`` (real-like text in the
seed's shape, a daily's real length), at a fixed body so the test is one layout."""

from __future__ import annotations

import sys
from pathlib import Path

from autolayout_helpers import assert_invariants, assert_text_kept

from layout.archive.import_page import import_archive
from layout.autolayout import auto_layout
from layout.autolayout.archive import archive_header
from layout.autolayout.content import is_continuation, stories_from_archive
from layout.autolayout.template import BodyFit, loosened
from layout.model.types import Header, Story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from textgen import generate_seed


def _stories(tmp_path: Path, seed: int) -> tuple[list[Story], Header | None]:
    path = tmp_path / f"seed-long-{seed:03d}.txt"
    path.write_text(generate_seed(seed, long=True), encoding="utf-8")
    imported = import_archive(path)
    return stories_from_archive(imported.page), archive_header(imported.yaml_text)


def test_a_page_is_filled_by_a_cut_shorter_than_the_smallest_areas_promise(tmp_path):
    """Broadsheet at 五号 x 1.49: two stories take 72 of the page's 88 rows, though
    their smallest areas leave room for nearly the whole third story; every cut of it
    that full was too big, and the page closed with 16 rows empty on all 8 columns.
    The longest part that really fits is found, the rest carried to page 2."""
    stories, header = _stories(tmp_path, 0)
    tpl = loosened("broadsheet", BodyFit(10.5, 1.49))
    result = auto_layout(stories, tpl, tpl.fonts.fontset(), header=header)
    first = result.metrics.pages[0]
    assert not first.foot and first.unfilled_rows == 0, first.notes
    assert result.continued, "the story at page 1's end runs on"
    assert is_continuation(result.pages[1][0])
    assert_text_kept(result, stories)
    assert_invariants(result, stories)
