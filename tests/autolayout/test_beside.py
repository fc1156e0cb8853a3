"""Text beside the headline group (文包题): where a short headline group centred over a
wide story would leave a hole beside it (page-layout.md rule 2), the automatic layout
may set the group over the first text columns and start the others at the story's
top.  The shapes must measure it as ``place_story`` sets it (a story planned a line
short loses text, issue 13)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storygen import corpus

from layout.autolayout import auto_layout
from layout.autolayout.realise import _story as realise_leaf
from layout.autolayout.search import Leaf
from layout.autolayout.shapes import Costs, Gauge, StoryShapes
from layout.model.types import Span, Story
from layout.place.items import TextItem
from layout.place.page import place_page

SENTENCES = corpus()


def _story(name: str, paragraphs: int, start: int = 0, label: str | None = None) -> Story:
    paras = tuple("".join(SENTENCES[(start + 5 * i + j) % len(SENTENCES)] for j in range(2 + i % 3))
                  for i in range(paragraphs))
    return Story(id=name, columns=Span(1, 1), rows=Span(1, 1), text_columns=1, label=label,
                 kicker="城东新区推出了一批便民举措——",
                 headline=("文明创建交出新答卷",), subtitle="——临川县推进民生实事工作纪实",
                 byline="本报讯 （记者 张明）", paragraphs=paras)


def _placed(tpl, fonts, story: Story, shape, height: int):
    leaf = Leaf(0, shape, height - shape.min_height, shape.width, height)
    placed = realise_leaf(leaf, story, 1, 1, False, False)
    page = place_page(replace(tpl, stories=(placed,), header=None), fonts)
    return placed, page


@pytest.mark.parametrize("label", [None, "医学资讯"])
@pytest.mark.parametrize("template", ["tabloid", "broadsheet"])
def test_beside_shapes_are_what_placement_sets(request, template, label, fonts):
    """Every 文包题 shape sets all of the story at its height (0 lines over) and one row
    less does not; the columns beside the group start on the story's first row, the
    ones under it below it, and nothing is left blank beside the headline."""
    tpl = request.getfixturevalue(template)
    geo = tpl.geometry()
    story = _story("s", 8, label=label)
    shapes = StoryShapes(story, Gauge(tpl, geo, fonts), Costs())
    checked = 0
    for w in range(2, geo.columns + 1):
        for sh in shapes.shapes(w):
            if not sh.head_span or sh.min_height > geo.rows:
                continue
            placed, page = _placed(tpl, fonts, story, sh, sh.min_height)
            assert page.stories[0].lines_over == 0, (w, sh)
            assert placed.head_beside and placed.headline_columns == Span(1, sh.head_span)
            assert _placed(tpl, fonts, story, sh, sh.min_height - 1)[1].stories[0].lines_over > 0, (w, sh)
            body = [it for it in page.items if isinstance(it, TextItem) and it.kind == "body"]
            heads = [it for it in page.items if isinstance(it, TextItem) and it.kind in ("kicker", "headline")]
            cols = geo.text_columns(placed.columns, placed.text_columns)
            beside_x = cols[sh.head_span][0]
            top_beside = max(it.baseline for it in body if it.x >= beside_x - 0.5)
            top_under = max(it.baseline for it in body if it.x < beside_x - 0.5)
            assert top_beside > max(it.baseline for it in heads) - geo.leading  # level with the group's top
            assert top_under < min(it.baseline for it in heads)  # under the group
            checked += 1
    assert checked >= 1  # the case this is about: a wide area where the full-width group leaves a hole


def test_a_page_with_groups_beside_their_text(tabloid, fonts):
    """Stories whose short headline groups would leave holes over wide areas: the page
    sets some of them beside their text, none of those with a hole beside it, and no
    line over."""
    stories = [_story(f"s{i}", 6 + 2 * i, start=11 * i) for i in range(4)]
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert result.metrics.total("overflow_lines") == 0 and result.metrics.total("overlaps") == 0
    beside = [s for page in result.pages for s in page if s.head_beside]
    assert beside
    for page, m in zip(result.pages, result.metrics.pages, strict=True):
        for s in page:
            if s.head_beside:
                assert not any(p.startswith(f"{s.id}: blank beside") for p in m.problems), m.problems
