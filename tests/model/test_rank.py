"""A story's rank picks its headline step (issue 15, page-layout.md rule 4)."""

from __future__ import annotations

import pytest

from layout.errors import LayoutError
from layout.model import load_layout

PAGE = """\
extends: house
header: {{title: 开发区新闻}}
stories:
  - id: a
    columns: 1-3
    rows: 1-20
    {rank}
    headline: 全国文明城市创建工作再加压再推进
    body: 8月3日，开发区召开全国文明城市创建工作加压推进会。
"""


@pytest.mark.parametrize("rank, style", [("lead", "headline"), ("second", "headline-2"),
                                         ("secondary", "headline-3"), ("brief", "headline-4")])
def test_rank_picks_the_house_step(tmp_path, rank: str, style: str):
    p = tmp_path / "page.yaml"
    p.write_text(PAGE.format(rank=f"rank: {rank}"), encoding="utf-8")
    lay = load_layout(p)
    s = lay.stories[0]
    assert (s.rank, s.headline_style) == (rank, style)
    sizes = [lay.styles[n].size for n in ("headline", "headline-2", "headline-3", "headline-4")]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4  # the steps shrink


def test_headline_style_given_wins_over_rank(tmp_path):
    p = tmp_path / "page.yaml"
    p.write_text(PAGE.format(rank="rank: brief\n    headline_style: headline-2"), encoding="utf-8")
    assert load_layout(p).stories[0].headline_style == "headline-2"


def test_unknown_rank_and_missing_step_are_clear_errors(tmp_path):
    p = tmp_path / "page.yaml"
    p.write_text(PAGE.format(rank="rank: top"), encoding="utf-8")
    with pytest.raises(LayoutError) as e:
        load_layout(p)
    assert "lead, second, secondary, brief" in str(e.value)
