"""A long paragraph's tails are counted from the paragraph counted before
(``compose.tails``, issue 13 class 7): the count must be the count of the tail
composed on its own, always -- fast where the arithmetic allows it, from its
start where it does not."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.compose import ParagraphStyle, Run, compose_paragraph, count_lines, tails
from layout.fonts import default_fontset

SIZE = 9.0
FONTS = default_fontset()
HAN = "开发区持续优化营商环境企业办事更加便利各项工作按计划推进单位按时报送进度社区活动举行居民踊跃参加"
MARKS = ["，", "。", "、", "；", "：", "？", "！", "“", "”", "《", "》", "（", "）", "——", "……", "·", "\u3000"]
LATIN = ["2020", "3.8", "iPhone", "80%", "www.pyrd.gov.cn"]  # widths that are no binary fractions

han_token = st.one_of(st.text(alphabet=HAN, min_size=1, max_size=12), st.sampled_from(MARKS))
styles = st.builds(ParagraphStyle, indent=st.sampled_from([0.0, 2.0]),
                   kinsoku=st.sampled_from(["basic", "gb", "strict", "newspaper"]),
                   punct=st.sampled_from(["full", "kaiming", "gb"]), avoid_orphan=st.booleans(),
                   words=st.booleans())
measures = st.integers(min_value=6, max_value=30).map(lambda em: em * SIZE + 0.37)


@pytest.fixture(autouse=True)
def _short_long(monkeypatch):
    """Paragraphs from 600 characters count as long here (fast examples)."""
    monkeypatch.setattr(tails, "LONG", 600)
    tails._kept.clear()
    yield
    tails._kept.clear()


def _count(text: str, measure: float, style: ParagraphStyle) -> int:
    return count_lines([Run(text, "song", SIZE)], measure, style, FONTS)


def _set(text: str, measure: float, style: ParagraphStyle) -> int:
    return len(compose_paragraph([Run(text, "song", SIZE)], measure, style, FONTS).lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(han_token, min_size=150, max_size=300).map("".join), measures, styles,
       st.lists(st.floats(min_value=0.0, max_value=0.9), min_size=1, max_size=4), st.booleans())
def test_a_tail_counts_as_composed_on_its_own(text, measure, style, cuts, latin):
    """Whatever the text (Han and marks: fast; with Latin and digits: from the
    start), the style and the measure, a tail's count is its own composition's."""
    if latin:
        text = text[:200] + LATIN[len(text) % len(LATIN)] + text[200:]
    tails._kept.clear()
    assert _count(text, measure, style) == _set(text, measure, style)
    for cut in cuts:
        tail = text[int(cut * len(text)):]
        assert _count(tail, measure, style) == _set(tail, measure, style)


def test_tails_of_han_text_are_counted_from_the_paragraph():
    """Han text with full-width marks: every tail is counted from the kept
    paragraph, none composed again from its start, and each line start of the
    paragraph is broken once in all (tails of tails meet their predecessors)."""
    text = ("开发区持续优化营商环境，企业办事更加便利。" * 200)[:4000]
    style, measure = ParagraphStyle(indent=2.0), 25 * SIZE
    before = tails.TAILS_COUNTED[0]
    _count(text, measure, style)
    lines = 0
    for a in range(150, 3000, 150):
        n = _set(text[a:], measure, style)
        assert _count(text[a:], measure, style) == n
        lines += n
    assert tails.TAILS_COUNTED[0] - before == len(range(150, 3000, 150))
    (kept,) = tails._kept.values()
    assert len(kept.after) < lines / 2  # starts broken: the tails' lines meet, each broken once
