"""■ leads at a readable measure: in columns across a wide story (place.leads,
issue 15)."""

from __future__ import annotations

import pytest

from layout.model import load_layout
from layout.place import place_page
from layout.place.items import TextItem
from layout.place.leads import MAX_LEAD_EMS, _arrange, lead_columns

from .conftest import write_layout

LEADS = [
    "■严格对照标准抓创建，逐项逐条吃透测评规则、摸清评分标准",
    "■坚决补齐短板强弱项，突出抓好主次干道、背街小巷、城中村和经营性场所的环境整治",
    "■注重丰富载体求实效，引导广大市民涵养文明素质",
    "■积极营造氛围掀热潮，让文明城市创建走进千家万户",
]

PAGE = """
    extends: house
    header: {{title: 开发区新闻}}
    stories:
      - id: wide
        columns: {columns}
        rows: 1-40
        headline: 全国文明城市创建工作再加压再推进
        leads: [{leads}]
        byline: 本报讯
        body: |
          {body}
"""


def _page(tmp_path, columns: str, leads: list[str]):
    text = PAGE.format(columns=columns, leads=", ".join(f'"{t}"' for t in leads),
                       body="8月3日，开发区召开全国文明城市创建工作加压推进会。" * 12)
    placed = place_page(load_layout(write_layout(tmp_path, text)))
    return [it for it in placed.items if isinstance(it, TextItem) and it.kind == "lead"], placed


def test_lead_columns_by_measure():
    assert lead_columns(20 * 10.5, 9, 10.5, 2) == 1  # 20 characters: one column
    assert lead_columns(63 * 10.5, 9, 10.5, 5) == 3  # 63: three of about 20
    assert lead_columns(63 * 10.5, 9, 10.5, 4) == 4  # ... four when that lines up with 4 text columns


def test_whole_bullets_when_as_shallow_else_flowed():
    assert _arrange([3, 4, 2, 2], 4) == [[(0, 0, 3)], [(1, 0, 4)], [(2, 0, 2)], [(3, 0, 2)]]
    flowed = _arrange([9, 7], 3)  # two long bullets in three columns: the lines flow
    assert [sum(b - a for _i, a, b in col) for col in flowed] == [6, 6, 4]
    assert [p for col in flowed for p in col] == [(0, 0, 6), (0, 6, 9), (1, 0, 3), (1, 3, 7)]


@pytest.mark.parametrize("columns, want_cols", [("1-5", 3), ("1-2", 1)])
def test_leads_in_columns_keep_text_order_and_measure(tmp_path, columns: str, want_cols: int):
    lines, placed = _page(tmp_path, columns, LEADS)
    assert "".join(it.line.text for it in lines) == "".join(LEADS)  # reading order: column by column
    size = lines[0].line.sizes[0]
    assert all(it.line.measure < (MAX_LEAD_EMS + 1) * size for it in lines)
    assert len({round(it.x) for it in lines if it.line.text.startswith("■")}) == want_cols
    assert not [p for p in placed.problems if p.kind != "underfill"]
    body_top = max(it.baseline for it in placed.items if isinstance(it, TextItem) and it.kind == "body")
    assert min(it.baseline for it in lines) > body_top  # the leads stay above the body
