"""Line-start / line-end prohibition (spec typography.md §1): squeeze in first,
push out second, break a rule only as a reported last resort."""

import pytest
from compose_helpers import SIZE, TOL, compose, texts

from layout.compose.classes import NO_END_BASIC, NO_START_BASIC


def test_comma_never_starts_a_line_push_out():
    # 5 Han fill 5 em exactly; the comma may not start line 2 and nothing on
    # line 1 can be squeezed, so 五 is carried down and line 1 spread
    cp = compose("一二三四五，六七八九十", 5)
    assert texts(cp)[:2] == ["一二三四", "五，六七八"]
    first = cp.lines[0]
    assert abs(first.right - 5 * SIZE) < TOL
    assert first.adjust == pytest.approx(SIZE)  # one em spread over the line
    assert not first.forced


def test_squeeze_in_before_push_out():
    # the 、 on line 1 can give up its blank half: the comma then fits at the end
    cp = compose("一、二三四，五六七", 5)
    assert texts(cp)[0] == "一、二三四，"
    ln = cp.lines[0]
    assert abs(ln.right - 5 * SIZE) < TOL
    assert ln.adjust == pytest.approx(-SIZE / 2)
    pause = ln.glyphs[1]
    assert pause.ch == "、" and pause.advance == pytest.approx(SIZE / 2)


def test_opening_bracket_never_ends_a_line():
    cp = compose("一二三四《五六》七八", 5)
    assert texts(cp)[0] == "一二三四"
    assert texts(cp)[1].startswith("《五六》")


@pytest.mark.parametrize("closing", list("”’」』）］｝〕〗】》〉"))
def test_closing_marks_never_start_a_line(closing):
    cp = compose(f"一二三四五{closing}六七八九", 5)
    for ln in cp.lines[1:]:
        assert ln.text[0] != closing


@pytest.mark.parametrize("text", ["今天下雨,明天晴天啊", "今天下雨.明天晴天啊", "今天下雨)明天晴天啊", "占比达到80%以上啊啊"])
def test_ascii_forms_from_archives_never_start_a_line(text):
    for measure in (3, 4, 5, 6, 7):
        cp = compose(text, measure)
        for ln in cp.lines[1:]:
            assert ln.text[0] not in NO_START_BASIC, cp.dump()


def test_solidus_may_end_a_line_at_basic_but_not_at_gb():
    text = "一二三四/五六七八"
    basic = compose(text, 4.4)
    assert texts(basic)[0] == "一二三四/"
    gb = compose(text, 4.4, kinsoku="gb")
    assert texts(gb)[0] == "一二三"
    assert all(not ln.text.endswith("/") for ln in gb.lines)


def test_dash_pair_may_start_a_line_except_at_strict():
    text = "一二三四——五六七八"
    assert texts(compose(text, 4)) == ["一二三四", "——五六", "七八"]
    assert texts(compose(text, 4, kinsoku="strict")) == ["一二三", "四——五", "六七八"]
    # 六 pulled down to 七 (no 孤字) left ——五 spread an em a gap: the look-back
    # (linebreak._refit) sets 四 on the next line instead, as strict does
    assert texts(compose("一二三四——五六七", 4)) == ["一二三", "四——五", "六七"]


def test_ellipsis_may_not_start_a_line_at_strict():
    cp = compose("一二三四……五六七", 4, kinsoku="strict")
    assert all(not ln.text.startswith("…") for ln in cp.lines)


def test_newspaper_lets_question_mark_start_a_narrow_line():
    text = "一二三四？五六"
    assert texts(compose(text, 4))[0] == "一二三"
    assert texts(compose(text, 4, kinsoku="newspaper"))[:2] == ["一二三四", "？五六"]
    # 14 characters or wider: the basic rule again
    wide = "一二三四五六七八九十一二三四？五六"
    assert not any(t.startswith("？") for t in texts(compose(wide, 14, kinsoku="newspaper")))


def test_level_none_breaks_anywhere_but_inside_units():
    cp = compose("一二三四，五六七八", 4, kinsoku="none")
    assert texts(cp)[1].startswith("，")
    assert not cp.lines[0].forced


def test_three_marks_break_the_rule_as_a_reported_last_resort():
    cp = compose("。」』》。」』》。」』", 3)
    assert len(cp.lines) > 1
    assert any(ln.forced for ln in cp.lines[:-1])
    assert any(p.kind == "forced-kinsoku" for p in cp.problems)
    assert "".join(texts(cp)) == "。」』》。」』》。」』"


def test_no_line_breaks_a_rule_in_real_text(fonts):
    text = ("陈晓华强调，要全力冲刺，抓细抓实，以争分夺秒的状态拼出创建攻坚新成果。一要严格对照标准抓创建。"
            "各级各单位要对照《全国文明城市测评体系》标准和修订的操作手册，逐项逐条吃透测评规则。"
            "要学会“十个手指弹钢琴”，统筹安排创建工作……既着眼全局——又突出重点。")
    for measure in range(4, 25):
        for level in ("basic", "gb", "strict"):
            cp = compose(text, measure, kinsoku=level)
            for a, b in zip(cp.lines, cp.lines[1:], strict=False):
                assert b.text[0] not in NO_START_BASIC or b.text.startswith("——"), cp.dump()
                assert a.text[-1] not in NO_END_BASIC, cp.dump()
                assert not a.forced
