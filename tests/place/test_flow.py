"""Body flow: lines fill the text columns top to bottom, left to right, every
baseline on the grid, nothing lost, duplicated or reordered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from place_helpers import BODY

STORY = f"""
- id: flow
  columns: 1-3
  rows: 1-14
  headline: 多措并举推进人口普查工作
  body: |
    {BODY * 4}

    {BODY * 2}
"""


def _where(line: str) -> tuple[int, int]:
    col, row = line.split()[2], line.split()[3]
    return int(col[1:].split("+")[0]), int(row[1:])


def test_columns_fill_top_to_bottom_left_to_right(place):
    p = place(STORY)
    body = p.lines("flow", "text body")
    spots = [_where(ln) for ln in body]
    assert spots == sorted(spots)  # column by column, row by row
    cols = sorted({c for c, _ in spots})
    assert cols == [1, 2, 3]
    for c in cols:  # no gaps inside a column
        rows = [r for cc, r in spots if cc == c]
        assert rows == list(range(rows[0], rows[0] + len(rows)))


def test_text_comes_out_whole_and_in_order(place):
    p = place(STORY)
    text = "".join(ln.split(None, 6)[6] for ln in p.lines("flow", "text body"))
    assert text.replace("\u3000", "") == BODY * 6
    assert "over 0/0" in p.story_line("flow")


def test_overflow_is_counted_not_dropped(place):
    p = place(STORY.replace("rows: 1-14", "rows: 1-8"))
    over = p.page.stories[0]
    assert over.lines_over > 0 and over.chars_over > 0
    shown = "".join(ln.split(None, 6)[6] for ln in p.lines("flow", "text body")).replace("\u3000", "")
    assert len(shown) + over.chars_over == len(BODY * 6)
    assert any(pr.kind == "overflow" and pr.story == "flow" for pr in p.page.problems)


# ------------------------------------------------------------ keeps (place.flow.fill)
def _col(column: int, rows: int):
    from layout.place.flow import Slot

    return [Slot(column, 0.0, r) for r in range(rows)]


def _slots_of(taken):
    return [(s.column, s.row) for s in taken]


def test_a_subhead_never_ends_a_column():
    from layout.place.flow import Keep, fill

    # 8 lines, then a subhead kept with the first two lines of its paragraph, at row 8 of 10
    keeps = [Keep.NONE] * 8 + [Keep.WITH_NEXT, Keep.SOFT, Keep.NONE, Keep.NONE]
    got = _slots_of(fill([_col(0, 10), _col(1, 10)], len(keeps), False, keeps))
    assert got[8] == (1, 0)  # two rows left: the subhead starts the next column, two rows stay white
    assert got[:8] == [(0, r) for r in range(8)]


def test_a_subhead_and_one_line_end_a_column_rather_than_leave_a_hole():
    from layout.place.flow import HOLE_ROWS, Keep, fill

    # a two-line subhead and its paragraph (4 lines) with three rows left in the column
    keeps = [Keep.NONE] * 7 + [Keep.WITH_NEXT, Keep.WITH_NEXT, Keep.SOFT] + [Keep.NONE] * 3
    got = _slots_of(fill([_col(0, 10), _col(1, 10)], len(keeps), False, keeps))
    assert HOLE_ROWS == 10 - 7  # three rows left: keeping two lines would leave a hole
    assert got[7:10] == [(0, 7), (0, 8), (0, 9)]  # subhead (2 lines) and the paragraph's first line
    assert got[10] == (1, 0)
    # a hard keep (a subhead's own lines) is never broken to save the rows
    hard = [Keep.NONE] * 7 + [Keep.WITH_NEXT] * 3 + [Keep.SOFT] + [Keep.NONE] * 2
    got = _slots_of(fill([_col(0, 10), _col(1, 10)], len(hard), False, hard))
    assert got[7] == (1, 0)


def _last_body_line(p, story):
    from layout.place.items import TextItem

    body = [it for it in p.page.items if isinstance(it, TextItem) and it.story == story and it.kind == "body"]
    return body[-1]


def test_a_nearly_full_last_line_before_a_credit_is_justified(place):
    """（作者为…） under a paragraph starts flush left: a last line one character short
    of the measure left ragged above it reads as the paragraph running on (and the
    checker measures it as an unjustified line); it is justified, as before a ■ lead."""
    probe = place("""
    - id: s
      columns: 1-1
      rows: 1-20
      body: 一
    """)
    geo = probe.page.geometry
    n = round(geo.column_width / geo.em)  # characters a line holds
    text = "新" * (2 * n - 3)  # a first line after the two-em indent, then one character short
    story = f"""
    - id: s
      columns: 1-1
      rows: 1-20
      body: {text}
      CREDIT
    """
    with_credit = _last_body_line(place(story.replace("CREDIT", "credit: （作者为开发区管委会工作人员）")), "s")
    plain = _last_body_line(place(story.replace("CREDIT", "")), "s")
    for it in (with_credit, plain):
        assert len(it.line.chars) == n - 1
    right = with_credit.line.xs[-1] + with_credit.line.advances[-1]
    assert abs(right - with_credit.line.measure) < 0.05
    assert plain.line.xs[-1] + plain.line.advances[-1] < plain.line.measure - 0.5 * geo.em


def test_a_balanced_fill_spreads_the_short_lines_rather_than_leave_the_last_column_3_short():
    from layout.place.flow import HOLE_ROWS, Keep, fill

    # long-103's story 1: 42 lines over 7 columns of 7 rows, a one-line subhead with its
    # paragraph's first line kept at lines 35-36; spreading from the end moved the group
    # on until the last column held 4 of 7 lines (3 empty: a hole)
    keeps = [Keep.NONE] * 35 + [Keep.WITH_NEXT, Keep.SOFT] + [Keep.NONE] * 5
    cols = [_col(c, 7) for c in range(7)]
    taken = fill(cols, len(keeps), True, keeps)
    assert len(taken) == len(keeps)
    used = [sum(1 for s in taken if s.column == c) for c in range(7)]
    assert all(7 - u < HOLE_ROWS for u in used), used
    ends = {max(i for i, s in enumerate(taken) if s.column == c) for c in range(7)}
    assert not any(keeps[i] for i in ends if i < len(keeps) - 1)  # no column ends on a kept line
    assert [(s.column, s.row) for s in taken] == sorted((s.column, s.row) for s in taken)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([0, 0, 0, 0, 1, 2]), min_size=1, max_size=60), st.integers(1, 8), st.integers(1, 12))
def test_a_balanced_fill_with_keeps_loses_nothing_and_keeps_order(keeps, k, rows):
    from layout.place.flow import fill

    keeps[-1] = 0
    taken = fill([_col(c, rows) for c in range(k)], len(keeps), True, keeps)
    got = [(s.column, s.row) for s in taken]
    assert len(set(got)) == len(got) and got == sorted(got)  # nothing twice, reading order
    assert len(taken) <= len(keeps)
    if not any(keeps) and k * rows >= len(keeps):
        assert len(taken) == len(keeps)


def test_a_jump_line_stands_at_the_foot_of_its_column():
    """long-115 of the benchmark: a part of 14 lines and its （下转第N版） over 4
    columns of 4 rows; the spread gave up the last column's bottom slot, the jump
    line stood a row above the foot and the blank left of it joined the empty row
    under it (the checker reads an artifact as ink only): a 3-line hole.  With
    ``foot`` the room to spare is given up by an earlier column."""
    from layout.place.flow import HOLE_ROWS, Keep, fill

    keeps = [Keep.NONE] * 5 + [Keep.WITH_NEXT, Keep.SOFT] + [Keep.NONE] * 8  # a subhead in column 2
    cols = [_col(c, 4) for c in range(4)]
    plain = fill(cols, len(keeps), True, keeps)
    assert (plain[-1].column, plain[-1].row) == (3, 2)  # what it was: a row empty under the jump line
    taken = fill(cols, len(keeps), True, keeps, foot=True)
    assert len(taken) == len(keeps)
    assert (taken[-1].column, taken[-1].row) == (3, 3)  # the jump line on the last row
    used = [sum(1 for s in taken if s.column == c) for c in range(4)]
    assert all(4 - u < HOLE_ROWS for u in used), used
    ends = {max(i for i, s in enumerate(taken) if s.column == c) for c in range(4)}
    assert not any(keeps[i] for i in ends if i < len(keeps) - 1)
    # without keeps the same
    bare = fill(cols, 15, True, None, foot=True)
    assert (bare[-1].column, bare[-1].row) == (3, 3) and len(bare) == 15


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([0, 0, 0, 0, 1, 2]), min_size=1, max_size=60), st.integers(1, 8), st.integers(1, 12))
def test_a_fill_with_the_last_line_at_the_foot_loses_nothing(keeps, k, rows):
    """``foot`` only moves lines: as many fit as without it, in reading order, and
    the last line stands on its column's last row whenever the unkept spread
    leaves at most one line of room to spare per column before it."""
    from layout.place.flow import fill

    keeps[-1] = 0
    cols = [_col(c, rows) for c in range(k)]
    taken = fill(cols, len(keeps), True, keeps, foot=True)
    got = [(s.column, s.row) for s in taken]
    assert len(set(got)) == len(got) and got == sorted(got)
    assert len(taken) == len(fill(cols, len(keeps), True, keeps))
    if not any(keeps) and k * rows >= len(keeps) and k > 1:
        assert taken[-1].row == max(s.row for s in taken)


def test_a_balanced_part_ends_with_its_jump_line_on_the_lowest_row(place):
    """A part that jumps (``jump_to``) and is balanced: its （下转第N版） stands on
    the lowest row of the text, the room to spare taken from the columns before."""
    from layout.model.jumps import JumpKind
    from layout.place.items import TextItem

    spared = 0
    for n in range(3, 9):
        p = place(f"""
        - id: a
          columns: 1-3
          rows: 1-40
          balance: true
          jump_to: 2
          headline: 多措并举推进人口普查工作
          body: |
            {BODY * n}
        """)
        items = [it for it in p.page.items if isinstance(it, TextItem) and it.story == "a"]
        jump = [it for it in items if it.kind == JumpKind.DOWN]
        body = [it for it in items if it.kind == "body"]
        assert len(jump) == 1
        lowest = min(it.baseline for it in body)
        half = p.page.geometry.leading / 2
        assert abs(jump[0].baseline - lowest) < half  # on the lowest row of the text
        ends = {}
        for it in body:
            ends[it.x] = min(ends.get(it.x, it.baseline), it.baseline)
        spared += any(y > lowest + half for y in ends.values())  # a column before it ends short
    assert spared >= 2  # the case this is about was there


def test_a_kept_group_is_not_split_where_a_balanced_fill_can_keep_it():
    """rich-seed-long-001 page 2: a continued part of 10 lines and a credit of two
    over 8 columns of 2 rows; the balanced spread left the last columns one slot
    each and the credit's two lines stood in two columns (the checker read the
    second, flush right a column further on, as an overfull line).  A group kept
    together (a credit's lines, a subhead's) stays in one column where the fill
    can give up its spare slots elsewhere."""
    from layout.place.flow import Keep, fill

    keeps = [Keep.NONE] * 10 + [Keep.WITH_NEXT, Keep.NONE]
    taken = fill([_col(c, 2) for c in range(8)], len(keeps), True, keeps)
    assert len(taken) == len(keeps)
    assert taken[10].column == taken[11].column, _slots_of(taken)
    assert _slots_of(taken) == sorted(_slots_of(taken))
