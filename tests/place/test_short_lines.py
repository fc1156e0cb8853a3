"""Short lines in a story's body (issue 13, class 6): the inline byline's gap
(本报讯（记者 …）　8月4日…) never stays at a line end, leaving the line an em short;
an e-mail address after four Han characters breaks after ``@ .`` and never
letterspaces the Han characters by an em or more."""

from __future__ import annotations

import pytest

from layout.autolayout import load_template
from layout.model.types import Span, Story
from layout.place.story import StoryPlacement, body_lines

NAMES = ("周雨琪", "李申俊", "刘莎", "王 某")
TEXT = "8月4日，开发区妇联2020“巧媳妇”工程职业技能提升培训班在王助镇首期开班。"
MAIL = "投稿邮箱：name@example.com"


@pytest.fixture(scope="module")
def tabloid():
    return load_template("tabloid")


def _lines(template, story: Story, ems: float):
    geo = template.geometry()
    sp = StoryPlacement(story, geo, template.styles, template.fonts.fontset(), [(0.0, ems * geo.em)])
    return [b.line for b in body_lines(sp, ems * geo.em) if b.kind == "body"], ems * geo.em


def _story(byline: str | None, paragraphs: tuple[str, ...]) -> Story:
    return Story(id="s", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, byline=byline, paragraphs=paragraphs)


@pytest.mark.parametrize("name", NAMES)
def test_a_byline_line_reaches_the_measure(tabloid, name):
    story = _story(f"本报讯 （记者 王金勇 通讯员 {name}）", (TEXT,))
    for quarter in range(8 * 4, 16 * 4):
        lines, measure = _lines(tabloid, story, quarter / 4)
        for ln in lines[:-1]:
            ink = [g for g in ln.glyphs if not g.ch.isspace() and g.ch != "\u3000"]
            end = ink[-1].x + ink[-1].advance
            # a closing bracket may end half an em early (its blank half is outside the measure)
            slack = ink[-1].size / 2 if ink[-1].ch in "）」》" else 0.5
            assert end >= measure - slack - 1e-6, (quarter / 4, ln.text, end, measure)


def test_an_email_address_breaks_without_wide_gaps(tabloid):
    for ems in range(9, 16):
        lines, _measure = _lines(tabloid, _story(None, (MAIL,)), ems)
        for ln in lines[:-1]:
            g = ln.glyphs
            gaps = [g[i + 1].x - (g[i].x + g[i].advance) for i in range(len(g) - 1)]
            assert max(gaps, default=0.0) < g[0].size, (ems, ln.text)
        assert "".join(ln.text for ln in lines) == MAIL  # nothing lost at the breaks
