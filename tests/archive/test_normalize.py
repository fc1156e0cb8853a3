"""Punctuation normalisation: what changes, and what must not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from layout.archive.normalize import normalize


@pytest.mark.parametrize(("before", "after"), [
    ("8月3日,开发区召开", "8月3日，开发区召开"),
    ("表示:将珍惜", "表示：将珍惜"),
    ("来年;不断提升", "来年；不断提升"),
    ("真的吗?", "真的吗？"),
    ("注意!这些", "注意！这些"),
    ("本报讯 (记者 王金勇 通讯员 刘莎) 8月4日", "本报讯 （记者 王金勇 通讯员 刘莎） 8月4日"),
    ("(尚丰军 施民法 宋香芬)", "（尚丰军 施民法 宋香芬）"),
    ("各乡(镇、办)要", "各乡（镇、办）要"),
    ("G342、S101,主要", "G342、S101，主要"),  # Latin before, Chinese after: a Chinese comma
    ("组织(WHO)发布", "组织（WHO）发布"),  # a pair converts together
    ("谭德塞(Tedros Adhanom)5日", "谭德塞（Tedros Adhanom）5日"),
    ("《红灯记》,豫剧", "《红灯记》，豫剧"),  # CJK punctuation is Chinese context
    ("“八一”,文艺", "“八一”，文艺"),
])
def test_half_width_next_to_chinese_becomes_full_width(before, after):
    assert normalize(before).text == after


@pytest.mark.parametrize("text", [
    "超过3.8亿元",  # decimal
    "上午8:30开会",  # time
    "比例约为1:2。",  # ratio
    "10,236列",  # thousands
    "He said: yes, and (maybe) not!",  # Latin sentence
    "他说:\"We must not let our guard down.\"",  # only the colon after 说 changes (below)
    "访问https://www.who.int/emergencies?a=1,2;b=(3)",  # URL kept whole
    "邮件至media@ecb.europa.eu",
    "www.citymarathon.cn,名额",  # trailing comma is outside the URL (below)
])
def test_numbers_latin_urls_and_emails_stay(text):
    out = normalize(text).text
    for keep in ("3.8", "8:30", "1:2", "10,236", "He said: yes, and (maybe) not!", "We must not let our guard down.",
                 "https://www.who.int/emergencies?a=1,2;b=(3)", "media@ecb.europa.eu", "www.citymarathon.cn"):
        if keep in text:
            assert keep in out


def test_url_followed_by_chinese_punctuation():
    assert normalize("www.citymarathon.cn,名额").text == "www.citymarathon.cn，名额"
    assert normalize("他说:\"We").text == "他说：\"We"
    assert normalize("网站(https://www.who.int/x)发布").text == "网站（https://www.who.int/x）发布"


def test_nothing_else_changes():
    text = "3.8%的“巧媳妇”工程——第1期…… 《意见》「引号」【括号】『书名』 ～ · / \\ @ # & * + = < > 'x' \"y\"."
    n = normalize(text)
    assert n.text == text and n.changes == ()


def test_no_break_spaces():
    n = normalize("\u00a0\u00a0\u00a0\u00a0城市是人民的城市。\u00a0据测算，内存8\u00a0GB，10\u00a0km。")
    # an export's indent and a no-break space next to Chinese become plain spaces
    assert n.text.startswith("    城市") and "。 据测算" in n.text
    # between Latin letters/digits it means "do not break": kept
    assert "8\u00a0GB" in n.text and "10\u00a0km" in n.text
    assert {c.rule for c in n.changes} == {"no-break space outside Latin text"}


def test_changes_record_offsets_lines_and_columns():
    n = normalize("开发区新闻\n\n本报讯 8月3日,开发区(记者)")
    assert [(c.offset, c.line, c.column, c.old, c.new) for c in n.changes] == [
        (15, 3, 9, ",", "，"), (19, 3, 13, "(", "（"), (22, 3, 16, ")", "）")]


def test_a_bracket_never_pairs_across_lines():
    assert normalize("(abc\n中文)").text == "(abc\n中文）"


@given(st.text(alphabet="中文abc12 ,;:()?!.\n@/", max_size=60))
def test_normalisation_is_length_preserving_and_idempotent(text):
    n = normalize(text)
    assert len(n.text) == len(text)
    assert normalize(n.text).text == n.text
    for c in n.changes:
        assert text[c.offset] == c.old and n.text[c.offset] == c.new
    # only the recorded characters differ
    assert sum(a != b for a, b in zip(text, n.text, strict=True)) == len(n.changes)


def test_runs_of_marks_convert_together():
    assert normalize("真的吗?!").text == "真的吗？！"
    assert normalize("好!!").text == "好！！"
