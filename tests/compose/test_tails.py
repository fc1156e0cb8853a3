"""A long paragraph's tails are counted from the paragraph counted before
(``compose.tails``, issue 13 class 7): the count must be the count of the tail
composed on its own, always -- fast where the arithmetic allows it, from its
start where it does not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.compose import ParagraphStyle, Run, compose_paragraph, count_lines, tails
from layout.compose import compose as compose_mod
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
                   words=st.booleans(), keep_bracket_in_indent=st.booleans())
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
    start), the style and the measure, a tail's count is its own composition's,
    set with the paragraph's indent or without one (a part continued from another
    page, ``place.story``)."""
    if latin:
        text = text[:200] + LATIN[len(text) % len(LATIN)] + text[200:]
    tails._kept.clear()
    assert _count(text, measure, style) == _set(text, measure, style)
    for cut in cuts:
        tail = text[int(cut * len(text)):]
        for tail_style in (style, replace(style, indent=0.0)):
            assert _count(tail, measure, tail_style) == _set(tail, measure, tail_style)


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


def test_a_continued_tail_is_counted_from_the_indented_paragraph(monkeypatch):
    """A part carried on from another page sets its first paragraph without the
    indent: its count comes from the paragraph counted once with its indent (one
    preparation for both forms), and is the count of the tail composed on its own
    unindented -- a line fewer than indented where the indent pushes a line over."""
    text = ("开发区持续优化营商环境，企业办事更加便利。" * 200)[:4000]
    style, measure = ParagraphStyle(indent=2.0), 25 * SIZE
    flush = replace(style, indent=0.0)
    cuts = range(150, 3000, 150)
    composed = {a: (_set(text[a:], measure, flush), _set(text[a:], measure, style)) for a in cuts}
    prepared: list[int] = []
    prepare = compose_mod.prepare

    def counted_prepare(runs, *args):
        prepared.append(sum(len(r.text) for r in runs))
        return prepare(runs, *args)

    monkeypatch.setattr(compose_mod, "prepare", counted_prepare)
    _count(text, measure, style)
    before = tails.TAILS_COUNTED[0]
    assert [_count(text[a:], measure, flush) for a in cuts] == [flat for flat, _ in composed.values()]
    assert tails.TAILS_COUNTED[0] - before == len(cuts)
    assert [n for n in prepared if n > 1000] == [4000]
    # the two forms do count differently: the indent is no part of the kept lines
    assert any(flat != indented for flat, indented in composed.values())
