"""The wrap width of an archive (``archive.lines.wrap_width``): the width most lines
were broken at.  It is found in n log n (issue 13, class 7: the pairwise count took
100 s on 10,000 lines); these tests hold it to the plain definition."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from layout.archive import lines
from layout.archive.lines import _Raw, units_of, wrap_width


def _reference(widths: list[int]) -> int | None:
    """The definition, counted pair by pair."""
    long = [w for w in widths if w >= lines.WRAP_MIN_CELLS]
    if len(long) < lines.WRAP_MIN_LINES:
        return None

    def near(w: int) -> int:
        return sum(1 for x in long if w - lines.WRAP_SLACK <= x <= w)

    width = max(long, key=lambda w: (near(w), w))
    full = near(width)
    if full < lines.WRAP_MIN_LINES or full < lines.WRAP_SHARE * len(long) or Counter(long)[width] < 2:
        return None
    if sum(1 for x in long if x > width) > lines.WRAP_OVER_SHARE * len(long):
        return None
    return width


def _raws(widths: list[int]) -> list[_Raw]:
    return [_Raw(i + 1, 1, "字" * (w // 2), 0, w) for i, w in enumerate(widths)]


@given(st.lists(st.integers(min_value=0, max_value=80), max_size=60))
def test_wrap_width_is_the_plain_definition(widths: list[int]) -> None:
    assert wrap_width(_raws(widths)) == _reference(widths)


@given(st.integers(min_value=30, max_value=60), st.lists(st.integers(min_value=0, max_value=3), min_size=6, max_size=40))
def test_a_wrapped_archive_is_found(width: int, shorts: list[int]) -> None:
    # most lines at the width, a few a cell or two short of it (a closing mark moved)
    widths = [width, width] + [width - s if s < 3 else width for s in shorts]
    assert wrap_width(_raws(widths)) == width


def test_ten_thousand_wrapped_lines_join_to_their_paragraphs() -> None:
    line = "这是为测试写的一行文字，排满了归档文本的行宽度和"  # 24 Han = 48 cells
    # a paragraph: an indented first line (two ideographic spaces, two characters fewer), a full line, a short last
    paragraph = ["　　" + line[2:], line, "最后一行。"]
    text = "\n".join(paragraph * 3_334) + "\n"
    units, width = units_of(text)
    assert width == 48
    assert len(units) == 3_334
    assert all(u.text == line[2:] + line + "最后一行。" for u in units)


def test_a_line_opening_with_a_closing_mark_continues_the_line_before(tmp_path):
    """A stray line separator (U+0085 NEL) between a sentence's stop and its closing
    quote cut the paragraph in two, and the second printed ” at the start of a line
    (a 行首禁则 break on the page).  The line is joined back, nothing is lost."""
    from layout.archive.import_page import import_archive

    para = "截至12月底，全市已有180个项目交出新答卷。“大家的积极性明显提高了。\x85”临川县居民罗宁说。"
    text = f"开发区新闻\n\n营商环境持续优化\n\n本报讯 {para}\n\n据介绍，街道今年新建口袋公园六处。\n"
    path = tmp_path / "nel.txt"
    path.write_text(text, encoding="utf-8")
    (story,) = import_archive(path).page.stories
    body = "".join(story.paragraphs)
    assert "提高了。”临川县居民罗宁说。" in body
    assert not any(p.startswith("”") for p in story.paragraphs)
    units, _ = units_of("第一行写到这里。\n”第二行接着写。\n\n”空行之后不算。\n")
    assert [u.text for u in units] == ["第一行写到这里。”第二行接着写。", "”空行之后不算。"]
