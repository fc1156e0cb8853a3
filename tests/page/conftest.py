"""Fixtures for the page engine: the sample page rendered once, and small layouts
written into a temporary folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"
SEED = ROOT.parent / "shared" / "seed" / "kaifaqu-news.txt"


def write_layout(folder: Path, body: str, name: str = "page.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "sample.pdf"
    assert main(["render", str(SAMPLE), "-o", str(out), "-q"]) == 0
    return out


SHORT_PAGE = """
    extends: house
    header:
      title: 开发区新闻
      date: 2020-08-10
      page: 3
    stories:
      - id: one
        columns: 1-3
        rows: 1-20
        label: 区妇联
        headline: 前漳消村举办庆“八一”文艺活动
        byline: 本报讯（记者 王金勇 通讯员 周雨琪）
        body: |
          7月31日晚，濮水办筹备组前漳消村举办了庆“八一”文艺活动，共叙军民鱼水情。

          活动中，演出人员为大家表演了歌曲《咱当兵的人》《歌唱祖国》、豫剧《红灯记》等节目。
        credit: （尚丰军 施民法）
        rule: below
        balance: true
      - id: two
        columns: 4-5
        rows: 1-20
        headline: 多措并举推进人口普查工作
        headline_style: headline-2
        body: |
          加强组织领导，科学安排部署。成立人口普查专项工作小组，区统计、公安、宣传等部门为领导小组成员单位。
        photos:
          - rows: 1-8
            placeholder: true
            caption: 开发区电子商务产业园一角。
"""
