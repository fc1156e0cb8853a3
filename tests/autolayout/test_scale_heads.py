"""Headline steps told from line counts (issue 13, class 7): a step that needs more
lines than a page allows at a width is rejected without the sense search for its
best cut (``place.blocks.balanced_count``), and the count it gives is always the
count of the lines ``compose_balanced`` sets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.autolayout import shapes as shapes_mod
from layout.autolayout.shapes import MAX_HEAD_LINES, Gauge, StoryShapes
from layout.model.types import Span, Story
from layout.place import sense
from layout.place.blocks import balanced_count, compose_balanced

WORDS = ["开发区", "社区", "居民", "义诊", "进万家", "科技", "小院", "助农", "增收", "老旧小区", "改造", "惠及", "城郊",
         "荷花", "竞相开放", "夜市", "烟火气", "回来了", "全民健身", "运动会", "开幕", "2020年", "5G", "iPhone"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(["，", "：", "、", "“", "”", "《", "》", "——", " ", "\u3000"]))
DISPLAY = ("headline", "headline-2", "headline-3", "headline-4", "kicker", "subtitle")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(PIECES, min_size=1, max_size=12).map("".join), min_size=1, max_size=2),
       st.sampled_from(DISPLAY), st.integers(min_value=3, max_value=24), st.integers(min_value=0, max_value=2))
def test_a_count_told_is_the_count_set(tabloid, fonts, texts, name, ems, above):
    """Whatever the text (spaces at its ends, Latin, marks), the style and the
    measure: a count told is more than ``above`` and is the balanced lines' count."""
    style = tabloid.styles[name]
    width = ems * style.size + 0.3
    n = balanced_count(texts, style, width, fonts, above)
    if n is not None:
        assert n > above
        assert n == len(compose_balanced(texts, style, width, fonts)[0])


def test_a_step_that_needs_three_lines_is_rejected_without_a_sense_search(tabloid, fonts, monkeypatch):
    """A brief's headline one column wide: the lead's step needs 3 lines, so the
    stepped story drops to a smaller step, the same one composing every step
    finds, and no cut into 3 lines is searched by sense."""
    geo = tabloid.geometry()
    story = Story(id="b1", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=("老旧小区改造惠及居民三百户",),
                  headline_style="headline", byline="本报讯", paragraphs=("开发区第一场社区活动举行。",))
    searched: list[int] = []
    one = sense._sense_one

    def counted(text, style, width, fonts):
        lines = one(text, style, width, fonts)
        searched.append(len(sense._compose(text.strip(sense.SPACES), style, width, fonts)))
        return lines

    monkeypatch.setattr(sense, "_sense_one", counted)
    sense._sense_lines.cache_clear()
    told = StoryShapes(story, Gauge(tabloid, geo, fonts), shapes_mod.Costs()).stepped(1, 1)
    assert told.headline_style != "headline"  # the premise: the top step does not fit one column
    assert all(n <= MAX_HEAD_LINES for n in searched)
    monkeypatch.setattr(shapes_mod, "head_line_count", lambda sp, above: None)
    sense._sense_lines.cache_clear()
    searched.clear()
    composed = StoryShapes(story, Gauge(tabloid, geo, fonts), shapes_mod.Costs()).stepped(1, 1)
    assert composed == told
    assert any(n > MAX_HEAD_LINES for n in searched)  # composing searched the 3-line cut


@pytest.mark.parametrize("ems", [5, 7, 9])
def test_a_text_style_breaking_by_characters_is_composed(tabloid, fonts, ems):
    """No sense search to spare: a style breaking by characters is composed."""
    style = tabloid.styles["body"]
    assert style.breaks != "words"
    assert balanced_count(["开发区持续优化营商环境企业办事更加便利"], style, ems * style.size, fonts, 0) is None
