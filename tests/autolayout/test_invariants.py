"""The automatic layout's invariants over generated story sets: no overlap, no
overflow, no hole, the grid filled, reading order and rank (page-layout.md)."""

from __future__ import annotations

import pytest
from autolayout_helpers import assert_invariants
from storygen import story_set

from layout.autolayout import auto_layout
from layout.autolayout.layout import rank_stories
from layout.model.types import Span, Story

SETS = [  # (stories, seed, longest story): short briefs, a mixed page, long stories
    (9, 4, 400),
    (6, 7, 1200),
    (5, 11, 2200),
]


@pytest.mark.parametrize(("n", "seed", "longest"), SETS)
def test_generated_sets_keep_the_invariants(tabloid, fonts, n, seed, longest):
    stories = story_set(n, seed, max_chars=longest)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert result.pages
    assert_invariants(result, stories)


def test_broadsheet_page(broadsheet, fonts):
    stories = story_set(10, 3, max_chars=900)
    result = auto_layout(stories, broadsheet, fonts, header="测试版")
    assert_invariants(result, stories)
    assert result.layouts[0].geometry().columns == 8


def test_lead_is_top_left_widest_and_largest(tabloid, fonts):
    stories = story_set(7, 5, max_chars=1000)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    first = result.pages[0]
    lead = first[0]
    assert lead.id == stories[0].id
    assert (lead.columns.first, lead.rows.first) == (1, 1)
    widest = max(s.columns.count for s in first)
    assert lead.columns.count == widest
    sizes = [tabloid.styles[s.headline_style].size for page in result.pages for s in page if s.headline]
    assert sizes == sorted(sizes, reverse=True)  # never larger further on


def test_rules_between_stories_not_at_the_page_edge(tabloid, fonts):
    stories = story_set(6, 8, max_chars=700)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    geo = result.layouts[0].geometry()
    for s in result.pages[0]:
        assert ("below" in s.rules) == (s.rows.last < max(t.rows.last for t in result.pages[0]))
        assert ("right" in s.rules) == (s.columns.last < geo.columns)
        assert s.balance


def test_same_input_same_layout(tabloid, fonts):
    stories = story_set(6, 2, max_chars=800)
    a = auto_layout(stories, tabloid, fonts, header="测试版")
    b = auto_layout(stories, tabloid, fonts, header="测试版")
    assert a.pages == b.pages


def test_empty_input(tabloid, fonts):
    result = auto_layout([], tabloid, fonts)
    assert result.pages == () and result.placed == ()
    assert result.metrics.pages == () and result.metrics.continuations == 0


def test_rank_picks_the_step_and_a_narrow_width_steps_down(tabloid, fonts):
    from dataclasses import replace

    from layout.autolayout.shapes import Costs, Gauge, StoryShapes
    from layout.autolayout.template import headline_styles

    story = Story(id="a", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, rank="brief",
                  headline=("扎实做好意识形态工作责任制专项督查工作",), paragraphs=("正文。" * 40,))
    ranked = rank_stories([replace(story, rank=None), story], tabloid)
    steps = headline_styles(tabloid)
    assert ranked[0].headline_style == steps[0] and ranked[1].headline_style == steps[3]
    lead = replace(story, rank="lead", headline_style=steps[0])
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    shapes = StoryShapes(lead, gauge, Costs())
    wide, narrow = shapes.stepped(5, 5), shapes.stepped(1, 1)
    assert wide.headline_style == steps[0]
    assert steps.index(narrow.headline_style) > 0  # one column: a smaller step
    assert all(s.headline_style == narrow.headline_style for s in shapes.shapes(1))


def test_a_page_whose_headlines_break_rank_is_searched_again(tabloid, fonts, monkeypatch):
    """The search prices each story's shapes alone; a shape steps its headline down
    where a width needs it, so the cheapest page may set a story one column wide
    under headline-4 before a story under headline-3 (rule 4: no headline larger
    than an earlier story's).  Such a page is searched again with the earlier
    story's headline held as large as the later ones (``paginate.plan_page``):
    every page keeps rank; without the second search page 2 breaks it."""
    from layout.autolayout import paginate

    stories = story_set(5, 2, max_chars=2000)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert [m.rank_violations for m in result.metrics.pages] == [0, 0]
    sizes = [tabloid.styles[s.headline_style].size for s in result.pages[1] if s.headline]
    assert sizes == sorted(sizes, reverse=True)
    monkeypatch.setattr(paginate, "MAX_RANK_REPLANS", 0)
    blind = auto_layout(stories, tabloid, fonts, header="测试版")
    assert sum(m.rank_violations for m in blind.metrics.pages) > 0


def test_a_story_jumps_only_after_a_good_share_where_the_page_is_full_without_it(tabloid, fonts, monkeypatch):
    """page-layout.md, 转版: a story jumps "only after a good share of it has run (a
    third or more)".  Three stories fill page 1 to its foot; a 202-character part
    of the fourth (700 characters) squeezed in under them was 4 cells cheaper: a
    part under a third of its story costs a second continuation, and the fourth
    story opens page 2 whole."""
    from layout.autolayout import paginate

    stories = story_set(6, 7, max_chars=1200)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert result.metrics.continuations == 0 and [len(p) for p in result.pages] == [3, 3]
    assert all(m.clean for m in result.metrics.pages)
    monkeypatch.setattr(paginate, "MIN_PART_SHARE", 0.0)
    assert auto_layout(stories, tabloid, fonts, header="测试版").metrics.continuations == 1
