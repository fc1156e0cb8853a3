"""Balanced columns (balance: true): the text columns end level, at most one line
apart (spec page-layout.md rule 2); unbalanced, the first columns fill first."""

from __future__ import annotations

from place_helpers import BODY

STORY = f"""
- id: bal
  columns: 1-4
  rows: 1-40
  headline: 多措并举推进人口普查工作
  body: {BODY * 3}
  balance: {{balance}}
"""


def test_balanced_columns_end_level(place):
    p = place(STORY.replace("{balance}", "true"))
    used = p.page.stories[0].columns_used
    assert len(used) == 4 and max(used) - min(used) <= 1, used
    last_rows = {}
    for ln in p.lines("bal", "text body"):
        col, row = ln.split()[2], int(ln.split()[3][1:])
        last_rows[col] = row
    assert max(last_rows.values()) - min(last_rows.values()) <= 1, last_rows


def test_unbalanced_columns_fill_in_order(place):
    p = place(STORY.replace("{balance}", "false"))
    used = p.page.stories[0].columns_used
    assert sum(used) == p.page.stories[0].body_lines
    assert list(used) == sorted(used, reverse=True) and used[0] - used[-1] > 1, used  # first columns first
