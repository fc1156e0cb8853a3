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



def test_subheads_that_end_a_flow_and_two_subheads_in_a_row_are_set_as_paragraphs():
    """A subhead with nothing after it, or over another subhead, is set as text
    (nothing to keep it with); a subhead with its deck is one subhead of two lines
    (``archived_flow``), kept with its text, or two paragraphs at the end."""
    from layout.autolayout.content import _well_formed
    from layout.model.elements import Paragraph, Subhead

    one, two, para = Subhead(("守护一方碧水蓝天",)), Subhead(("把河道整治作为重点",)), Paragraph("据介绍，河道清淤完成。")
    assert _well_formed((one, two, para)) == (Paragraph(one.text), two, para)
    assert _well_formed((para, two)) == (para, Paragraph(two.text))
    assert _well_formed((two, para)) == (two, para)
    pair = Subhead(("守护一方碧水蓝天", "南岭山区把河道整治作为今年的重点工作来抓"))
    assert _well_formed((pair, para)) == (pair, para)
    assert _well_formed((para, pair)) == (para, *(Paragraph(t) for t in pair.lines))


@settings(max_examples=200, deadline=None)
@given(bodies())
def test_balanced_fill_with_a_jump_line_at_the_foot_gives_the_placers_rows(body):
    """A part that jumps sets its （下转第N版） at its column's foot (``flow.fill``'s
    ``foot``): the shape's rows and its deepest empty column bottom are the
    placer's own."""
    blocked, keeps = body
    keeps[-1] = Keep.NONE  # the jump line: kept with nothing
    got = balanced_fill(blocked, len(keeps), True, tuple(keeps), foot=True)
    if got is None:
        return
    slots = [[Slot(j, 0.0, r) for r in range(b, got.rows)] for j, b in enumerate(blocked)]
    taken = fill(slots, len(keeps), True, keeps, foot=True)
    assert len(taken) == len(keeps)
    assert got.rows == max(blocked) or _placed(blocked, got.rows - 1, keeps) < len(keeps)
    used = [sum(1 for t in taken if t.column == j) for j in range(len(blocked))]
    last = taken[-1].column
    empty = [got.rows - b - u + (j == last) for j, (b, u) in enumerate(zip(blocked, used, strict=True))]
    assert got.white == max(e + (1 if b and u == (j == last) else 0)
                            for j, (e, b, u) in enumerate(zip(empty, blocked, used, strict=True)))
