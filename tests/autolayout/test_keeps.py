"""Subheads keep with their text, and the automatic layout measures that exactly.

The placer never ends a column with a subhead nor leaves it over a single line
(``place.flow.fill``'s keep rule), which can cost a row over the plain count of
lines.  A shape measured without it was a line short: the story overflowed and its
last line was lost (issue 13, raw archives with subheads).  ``balanced_fill`` must
give the rows the placer's own fill needs -- no fewer, and no more than it needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.archive.import_page import import_archive
from layout.autolayout import auto_layout
from layout.autolayout.content import stories_from_archive
from layout.autolayout.shapes import balanced_fill
from layout.model.elements import ElementKind
from layout.place.flow import Keep, Slot, fill

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from rawgen import write


def _placed(blocked: list[int], rows: int, keeps: list[Keep]) -> int:
    slots = [[Slot(j, 0.0, r) for r in range(b, rows)] for j, b in enumerate(blocked)]
    return len(fill(slots, len(keeps), True, keeps))


@st.composite
def bodies(draw):
    """Text columns, pictures' rows at their tops, and body lines in runs:
    paragraphs, subheads of one or two lines kept with their paragraph's first line."""
    k = draw(st.integers(1, 5))
    blocked = [0] * k
    if k > 1 and draw(st.booleans()):
        q = draw(st.integers(1, k - 1))
        depth = draw(st.integers(2, 12))
        blocked[k - q:] = [depth] * q
    keeps: list[Keep] = []
    for _ in range(draw(st.integers(1, 12))):
        if keeps and draw(st.booleans()):
            keeps += [Keep.WITH_NEXT] * draw(st.integers(1, 3))
            n = draw(st.integers(1, 8))
            keeps += [Keep.SOFT if n > 1 else Keep.NONE] + [Keep.NONE] * (n - 1)
        else:
            keeps += [Keep.NONE] * draw(st.integers(1, 8))
    return blocked, keeps


@settings(max_examples=300, deadline=None)
@given(bodies())
def test_balanced_fill_gives_the_rows_the_placer_needs(body):
    blocked, keeps = body
    got = balanced_fill(blocked, len(keeps), keeps=tuple(keeps))
    if got is None:  # a picture column would keep too few lines: not a shape
        return
    assert _placed(blocked, got.rows, keeps) == len(keeps)
    assert got.rows == max(blocked) or _placed(blocked, got.rows - 1, keeps) < len(keeps)


def test_long_archives_with_subheads_never_overflow(tmp_path, tabloid, fonts):
    """Archives of a daily's real length, with subheads and subhead + deck pairs:
    every story gets the rows its text takes (no line over, so nothing lost)."""
    subheads = 0
    for path in write(4, tmp_path, long=True):
        page = import_archive(path).page
        stories = stories_from_archive(page)
        subheads += sum(1 for s in stories for el in s.flow if el.kind is ElementKind.SUBHEAD)
        result = auto_layout(stories, tabloid, fonts, header="测试版")
        assert result.metrics.total("overflow_lines") == 0, path.name
        assert all(r.lines_over == 0 for p in result.placed for r in p.stories), path.name
    assert subheads >= 5  # the case this is about is there


def test_a_page_that_overflows_is_planned_again(tmp_path, tabloid, fonts, monkeypatch):
    """The safety net: with the keeps left out of the measure (shapes a line short,
    as before the fix), placement finds the overflow and the page is planned again
    with the story measured deeper -- still nothing over."""
    from layout.autolayout.shapes import Gauge

    monkeypatch.setattr(Gauge, "body_keeps", lambda *_a: None)
    for path in write(2, tmp_path, long=True):
        stories = stories_from_archive(import_archive(path).page)
        result = auto_layout(stories, tabloid, fonts, header="测试版")
        assert result.metrics.total("overflow_lines") == 0, path.name


PAIR = """开发区新闻

街道办好民生实事

本报讯（记者 王明）今年以来，街道围绕居民关心的问题推出了一批便民举措，受到群众广泛好评。

守护一方碧水蓝天

街道把河道整治作为今年的重点工作来抓

据介绍，街道今年完成了三条河道的清淤和护岸工程，沿岸居民的生活环境明显改善，散步的人也多了起来。

截至10月底，街道已经建成口袋公园六处，新增绿地一万余平方米，为下一步工作打下了基础。

办好暖心实事

收尾的小标题
"""


def test_subheads_in_a_row_stay_subheads_and_a_trailing_one_is_text(tmp_path, tabloid, fonts):
    """A deck line over its subhead is two subheads in a row: both are set as subheads
    (the reprint and its page YAML agree); short lines that end a story are text."""
    path = tmp_path / "pair.txt"
    path.write_text(PAIR, encoding="utf-8")
    page = import_archive(path).page
    (story,) = stories_from_archive(page)
    kinds = [(el.kind, el.text[:4]) for el in story.flow]
    assert (ElementKind.SUBHEAD, "守护一方") in kinds and (ElementKind.SUBHEAD, "街道把河") in kinds
    assert kinds.index((ElementKind.SUBHEAD, "守护一方")) + 1 == kinds.index((ElementKind.SUBHEAD, "街道把河"))
    assert kinds[-2:] == [(ElementKind.PARAGRAPH, "办好暖心"), (ElementKind.PARAGRAPH, "收尾的小")]
    result = auto_layout([story], tabloid, fonts, header="测试版")
    subheads = "".join("".join(it.line.chars) for p in result.placed for it in p.items
                       if getattr(it, "kind", None) == "subhead")
    assert subheads == "守护一方碧水蓝天街道把河道整治作为今年的重点工作来抓"


def test_subheads_that_end_a_flow_are_set_as_paragraphs():
    from layout.autolayout.content import _well_formed
    from layout.model.elements import Paragraph, Subhead

    deck, sub, para = Subhead(("守护一方碧水蓝天",)), Subhead(("把河道整治作为重点",)), Paragraph("据介绍，河道清淤完成。")
    assert _well_formed((deck, sub, para)) == (deck, sub, para)
    assert _well_formed((para, deck, sub)) == (para, Paragraph(deck.text), Paragraph(sub.text))
