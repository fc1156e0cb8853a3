"""Every page full, and what is not full reported (issue 13, classes 4, 5 and 7):
the empty foot of a page is measured down to the trim less the smallest side
margin (as the page checker does) and said per story; many short items are laid
out in reach-limited windows with every page but the last full."""

from __future__ import annotations

from autolayout_helpers import assert_text_kept
from storygen import story_set

from layout.autolayout import auto_layout
from layout.autolayout.fill import page_foot
from layout.model.types import Span, Story

HEADS = ("城郊荷花竞相开放", "社区义诊进万家", "夜市烟火气回来了", "科技小院助农增收", "老旧小区改造惠及居民")


def _briefs(n: int) -> list[Story]:
    """``n`` one-line items, each its own story (headline + one 本报讯 sentence)."""
    return [Story(id=f"b{i + 1}", columns=Span(1, 1), rows=Span(1, 1), text_columns=1,
                  headline=(f"{HEADS[i % len(HEADS)]}{i + 1}",), byline="本报讯",
                  paragraphs=(f"{i % 28 + 1}日，开发区第{i + 1}场社区活动举行，居民踊跃参加。",)) for i in range(n)]


def test_a_short_page_reports_its_empty_foot(tabloid, fonts):
    stories = story_set(2, 5, min_chars=150, max_chars=400, photo_share=0.0)
    result = auto_layout(stories, tabloid, fonts)
    (page,) = result.metrics.pages
    assert page.fill_pct < 80 and page.foot_holes == 1
    hole = page.foot[0]
    geo = result.placed[0].geometry
    assert hole.story in {s.id for s in stories}
    assert hole.bottom == page_foot(geo) and hole.lines >= 3
    assert (hole.first, hole.last) == (1, geo.columns)  # the stories span the page: the foot is empty across
    assert hole.lines * geo.leading <= geo.page_height
    assert any(f"{hole.story}: {hole.lines:.1f} lines x" in n for n in page.notes)  # advisory, as underfill


def test_a_full_page_has_no_foot_hole(broadsheet, fonts):
    result = auto_layout(story_set(12, 7), broadsheet, fonts)
    for page in result.metrics.pages[:-1]:
        assert page.foot_holes == 0, page.problems


def test_many_short_items_fill_every_page_but_the_last(broadsheet, fonts):
    stories = _briefs(100)
    result = auto_layout(stories, broadsheet, fonts)
    assert len(result.pages) >= 2
    for page in result.metrics.pages[:-1]:
        assert page.fill_pct >= 95.0 and page.foot_holes == 0, page.problems
        assert page.overflow_lines == 0 and page.overlaps == 0
    assert_text_kept(result, stories)


BODY = "街道今年围绕老旧小区改造开展了安全隐患排查，惠及居民两万余人，受到群众广泛好评。" * 12

PAGE = f"""
extends: house
header: {{title: 测试版}}
page: {{size: 4开, margins: {{top: 15mm, bottom: 15mm, left: 15mm, right: 15mm}}}}
grid: {{columns: 5, gutter: 1em, body: {{face: song, size: 小五, leading: 1.6, indent: 2}}}}
stories:
  - id: bian
    columns: 1-3
    rows: 1-ROWS
    text_columns: 2
    balance: false
    headline: 变栏的稿子
    body: {BODY * 4}  # a column and a half
  - id: full
    columns: 4-5
    rows: 1-ROWS
    headline: 满栏
    body: {BODY * 8}  # more than it holds: full to its foot
"""


def test_a_foot_hole_under_text_columns_off_the_grid_is_found(tmp_path):
    """变栏: two text columns over three grid columns.  The second text column ends
    early; it covers half of grid column 2 and all of 3, so no grid column is empty to
    its foot, yet the white under it is a hole as wide as the text column."""
    from layout.autolayout.fill import foot_holes
    from layout.model.loader import load_layout_text
    from layout.place import place_page

    probe = load_layout_text(PAGE.replace("ROWS", "10"), tmp_path)
    rows = probe.geometry().rows
    layout = load_layout_text(PAGE.replace("ROWS", str(rows)), tmp_path)
    placed = place_page(layout)
    (bian,) = [r for r in placed.stories if r.id == "bian"]
    assert bian.lines_over == 0
    holes = foot_holes(layout, placed)
    assert [h.story for h in holes] == ["bian"]
    (hole,) = holes
    geo = placed.geometry
    text_column = (3 * geo.column_width + 2 * geo.gutter - geo.gutter) / 2  # a text column's width
    assert hole.ems * geo.em >= text_column - geo.em  # the whole text column, not one grid column
    assert hole.first == 2 and hole.last == 3
    assert hole.lines >= 3
