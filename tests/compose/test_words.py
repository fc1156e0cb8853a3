"""Word segmentation for breaks by sense (layout.words, issue 15): the word list
built from jieba's dictionary, the route through it, and the composer keeping
words whole when a style breaks by words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layout import words
from layout.compose import compose_paragraph
from layout.compose.model import ParagraphStyle, Run


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("LAYOUT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "words-cache"))
    words.clear_cache()
    yield
    words.clear_cache()


def test_jieba_dictionary_is_found_without_importing_jieba():
    import sys

    path = words.jieba_dict_path()
    assert path is not None and path.name == "dict.txt"
    assert "jieba" not in sys.modules or sys.modules["jieba"] is not None  # found by spec, not import
    d = words.dictionary()
    assert d is not None
    assert words.probe(d, "文明城市".encode()) [0] > 0
    assert words.probe(d, "文明城".encode()) == (0, True)  # a prefix of entries, not an entry
    assert words.probe(d, "城文明".encode())[0] == 0


def test_word_list_is_sorted_plain_text(tmp_path: Path):
    src = tmp_path / "dict.txt"
    src.write_text("乙 5 n\n甲乙 3 n\n甲 7 n\nAB 2 eng\n", encoding="utf-8")
    data = words.build_word_list(src)
    head, *lines = data.decode().splitlines()
    assert head == "LAYOUTWORDS1 17"
    keys = [ln.split("\t")[0].encode() for ln in lines]
    assert keys == sorted(keys) and len(keys) == 4
    d = words.Dictionary(data, len(head) + 1, 0.0)
    assert words.probe(d, "甲乙".encode()) == (3, True)
    assert words.probe(d, "乙甲".encode()) == (0, False)


@pytest.mark.parametrize("text, whole", [
    ("全国文明城市创建工作再加压再推进", ["文明城市", "创建", "推进"]),
    ("扎实做好意识形态工作责任制专项督查工作", ["意识形态", "责任制", "督查"]),
    ("2020“巧媳妇”工程职业技能提升培训班首期开班", ["2020", "“巧媳妇”", "培训班", "开班"]),
    ("多措并举推进人口普查工作", ["人口普查", "推进"]),
])
def test_no_break_inside_the_words(text: str, whole: list[str]):
    inside = set(words.inside_words(text))
    for w in whole:
        i = text.index(w)
        assert inside >= set(range(i + 1, i + len(w))), (w, words.words(text))
    assert "".join(words.words(text)) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="的城市文明创建工作推进会议2020AB“”《》，。 、巧媳妇", max_size=30))
def test_segmentation_loses_nothing(text: str):
    assert "".join(words.words(text)) == text
    costs = words.break_costs(text)
    assert len(costs) == len(text) + 1


def test_without_jieba_every_han_character_is_a_word(monkeypatch):
    monkeypatch.setattr(words, "jieba_dict_path", lambda: None)
    words.clear_cache()
    assert words.words("文明城市AB12") == ("文", "明", "城", "市", "AB12")
    assert words.inside_words("文明城市") == []


def test_a_lead_broken_by_words_keeps_its_words_whole(fonts):
    text = "■濮阳电子商务产业园相继培育孵化出医药医疗器械产业园、智慧物流产业园等多个专业化产业园区"
    style = ParagraphStyle(indent=0, hanging=True, words=True)
    inside = set(words.inside_words(text))
    for chars in (11, 13, 17, 23):
        lines = compose_paragraph([Run(text, "kai", 10.5)], chars * 10.5, style, fonts).lines
        assert "".join(ln.text for ln in lines) == text
        assert not inside & {ln.start for ln in lines[1:]}, [ln.text for ln in lines]
        assert all(not ln.forced for ln in lines)
    plain = compose_paragraph([Run(text, "kai", 10.5)], 13 * 10.5, ParagraphStyle(indent=0, hanging=True), fonts)
    assert inside & {ln.start for ln in plain.lines[1:]}  # the character grid did split a word there


def test_a_damaged_word_cache_is_rebuilt_not_misread():
    path = words.jieba_dict_path()
    assert path is not None
    cfile = words._cache_file(path)
    assert words.dictionary() is not None and cfile.is_file()
    good = words.words("全国文明城市创建工作")
    for junk in (b"", b"LAYOUTWORDS1 x\n", cfile.read_bytes()[:-1000]):
        cfile.write_bytes(junk)
        words.clear_cache()
        assert words.words("全国文明城市创建工作") == good


LEAD_LINES = (
    "■“这一步，”杨宇顿了顿，“必须在年底前完成。”据《清河日报》报道，南岭山区推出了一批便民举措。",
    "■2020年12月4日，市生态环境局印发《关于进一步做好科技创新工作的通知》，明确到2035年主要指标达到全省先进水平。",
    "■市民可登录http://qingzhou.edu.cn/zwgk/tzgg/202001/t20200109_884512.shtml查询，也可拨打服务热线咨询。",
    "■“我们的目标，”高海顿了顿，“必须在年底前完成。”",
)


@pytest.mark.parametrize("text", LEAD_LINES)
def test_a_lead_broken_by_words_breaks_no_rule_for_a_long_quotation_title_or_address(text, fonts):
    """A quotation, 《》 title or address longer than the line is broken inside
    (by sense, then at its separators) before a kinsoku rule is broken (§1): no
    line ends with “ or 《 or starts with ” ，; every line but the last is full; no 孤字 (§4)."""
    style = ParagraphStyle(indent=0, hanging=True, words=True)
    for chars in (9, 10, 11, 12, 13):
        cp = compose_paragraph([Run(text, "kai", 9.0)], chars * 9.0, style, fonts)
        lines = [ln.text for ln in cp.lines]
        assert "".join(lines) == text
        assert not any(p.kind in ("forced-kinsoku", "forced-split", "underfull", "orphan") for p in cp.problems), \
            (chars, lines, cp.problems)
        assert not any(t[-1] in "“《（" or t[0] in "”，。》）" for t in lines), (chars, lines)
        for ln in cp.lines[:-1]:
            assert abs(ln.right - chars * 9.0) < 0.05, (chars, lines)


@pytest.mark.parametrize("text", LEAD_LINES[::3])
def test_a_lead_broken_by_words_yields_to_a_line_that_would_stand_apart(text, fonts):
    """Holding “必须在年底前完成。” together left ``■“这件事，”高志晖顿了顿，`` spread over a
    24-em lead (over 0.8 em per gap; pdfcheck read 顿|了|顿|， as separate lines and
    a ， starting one).  Breaking by sense yields once a line would be spread
    beyond ½ em per gap (linebreak.LOOSE_EM): the quotation is broken instead."""
    style = ParagraphStyle(indent=0, hanging=True, words=True)
    for chars in range(14, 27):
        cp = compose_paragraph([Run(text, "kai", 10.5)], chars * 9.0, style, fonts)
        assert "".join(ln.text for ln in cp.lines) == text
        for ln in cp.lines[:-1]:
            blank = max(ln.lefts[k + 1] - ln.lefts[k] - ln.advances[k] for k in range(len(ln.lefts) - 1))
            steps = [ln.lefts[k + 1] - ln.lefts[k] for k in range(len(ln.lefts) - 1)]
            assert max(steps) < 1.55 * 10.5, (chars, [x.text for x in cp.lines], blank)
