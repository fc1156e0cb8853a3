"""Body flow: lines fill the text columns top to bottom, left to right, every
baseline on the grid, nothing lost, duplicated or reordered."""

from __future__ import annotations

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
