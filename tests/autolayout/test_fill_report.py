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
