"""Every page of a long archive but the last full to its foot (issue 13, "Every page
full"): the story at a page's end is cut for a continuation even when the room the
stories before really leave is smaller than their smallest areas promise; the
continuation's 接题 band leaves no blank the page checker reads as a hole (the
接题 and its 上接 line are artifacts: bare ink to the checker, filling nothing).

The archives are written by ``tests/archive/textgen.py`` (real-like text in the
seed's shape, a daily's real length), at a fixed body so the test is one layout."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from autolayout_helpers import assert_invariants, assert_text_kept

from layout.archive.import_page import import_archive
from layout.autolayout import auto_layout
from layout.autolayout.archive import archive_header
from layout.autolayout.content import is_continuation, stories_from_archive
from layout.autolayout.copyfit import volume
from layout.autolayout.fill import FootHole
from layout.autolayout.shapes import Gauge
from layout.autolayout.template import BodyFit, loosened
from layout.model.jumps import JumpKind
from layout.model.types import Header, Span, Story
from layout.place.items import TextItem
from layout.place.story import place_story

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


def _continuation(headline: str, w: int = 8) -> Story:
    """A part carried from page 1: its 接题 and text, ``w`` columns wide."""
    return Story(id="s-2", columns=Span(1, w), rows=Span(1, 30), text_columns=w, headline=(headline,),
                 headline_style="headline-3", jump_from=1, paragraphs=("正文的一段文字。" * 60,))


def test_the_up_jump_stands_beside_a_short_jump_head(broadsheet, fonts):
    """A 接题 with room at its right: （上接第1版） right-aligned on the band's last
    row, beside it, not on a row of its own under it (a band of 3 rows of bare ink
    under the page header's rule read as a hole wherever the first body line's ink
    dipped: a dash, lower-case Latin, next to a gutter)."""
    geo = broadsheet.geometry()
    story = _continuation("城东新区文明创建稳步推进")
    items, _result, _problems = place_story(story, broadsheet, geo, fonts)
    head = [it for it in items if isinstance(it, TextItem) and it.kind == "headline"]
    up = [it for it in items if isinstance(it, TextItem) and it.kind == JumpKind.UP]
    body = [it for it in items if isinstance(it, TextItem) and it.kind == "body"]
    assert len(head) == 1 and len(up) == 1 and head[0].artifact is not None and up[0].artifact is not None
    rows = Gauge(broadsheet, geo, fonts).head(story, 8, 8).rows
    band = head[0].baseline - max(b.baseline for b in body)
    assert rows == 2 and up[0].baseline > max(b.baseline for b in body) and band < 3 * geo.leading
    assert up[0].x + up[0].line.xs[0] > head[0].x + head[0].line.right + head[0].line.size


def test_a_long_jump_head_keeps_the_up_jump_under_it(broadsheet, fonts):
    """No room beside the 接题: the jump line keeps its own row under it."""
    geo = broadsheet.geometry()
    story = _continuation("城东新区文明创建工作稳步推进群众满意度持续提升", 2)
    items, _result, _problems = place_story(story, broadsheet, geo, fonts)
    head = [it for it in items if isinstance(it, TextItem) and it.kind == "headline"]
    up = [it for it in items if isinstance(it, TextItem) and it.kind == JumpKind.UP]
    assert up and up[0].baseline < min(h.baseline for h in head) - geo.leading / 2


def test_a_jump_head_fills_no_blank_beside_it(broadsheet, fonts):
    """The checker reads an artifact as bare ink: a 2-line 接题 two columns wide,
    its lines short of the measure, leaves a hole beside it down to the 上接 line
    (rich-raw-long-009 page 2), where the same lines as a headline fill their
    blank.  The model (``headgap``) says so, and the search prices it."""
    gauge = Gauge(broadsheet, broadsheet.geometry(), fonts)
    story = _continuation("清河村冬季供暖见到成效（评论员观察）", 2)
    jump_head = gauge.head(story, 2, 2)
    assert jump_head.headline_lines == 2 and jump_head.hole_at_top
    assert not gauge.head(replace(story, jump_from=None), 2, 2).hole_at_top


def test_a_page_before_the_last_with_an_empty_foot_is_no_full_page(tmp_path):
    """Copyfit's volume counts a page before the last short when its foot is empty
    (it counted whole: a layout with page 1 82 % full and page 2 full read 2.000
    pages, and the leading search stopped there as if it had filled both)."""
    stories, header = _stories(tmp_path, 0)
    tpl = loosened("broadsheet", BodyFit(10.5, 1.49))
    result = auto_layout(stories, tpl, tpl.fonts.fontset(), header=header)
    pages = result.metrics.pages
    assert len(pages) == 2 and not pages[0].foot
    rows = result.layouts[0].geometry().rows
    empty = FootHole("story2", 1, 8, 200.0, 60.0, 16.0, 95.0)
    short = replace(result, metrics=replace(result.metrics, pages=(
        replace(pages[0], fill_pct=90.0, foot=(empty,)), *pages[1:])))
    assert abs(volume(result) - volume(short) - 16 / rows) < 1e-9
