"""``layout schema``: valid JSON Schema (draft 2020-12) generated from the tables
the validator uses; layouts the loader accepts pass it, misspelt keys do not."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from model_helpers import BASE

from layout.cli import main

HOUSE = Path(__file__).resolve().parents[2] / "layouts" / "house.yaml"

# every key of the format once (docs/format.md)
FULL = """\
extends: house
page:
  size: [272mm, 390mm]
  margins: {top: 14mm, bottom: 14mm, left: 13mm, right: 13mm}
  bleed: 3mm
grid:
  columns: 5
  gutter: 1.5em
  body: {face: song, size: 小五, leading: 1.6, tracking: 0, align: justify, indent: 2,
         kinsoku: newspaper, punct: gb, color: 1}
fonts:
  mysong: {file: fonts/x.ttf, index: 0}
  fallback: {song: [hei, kai]}
header:
  title: 开发区新闻
  paper: 濮阳日报
  date: 2020-08-10
  page: 3
  editor: 责任编辑 王某
  rule: 1.5pt
  rows: 3
styles:
  headline: {face: hei-bold, size: 二号, rows: 3, leading: 3行, frame: reversed, color: [0, 1, 1, 0]}
  kicker: {}
stories:
  - id: wenming
    columns: 1-5
    rows: 1-end
    text_columns: 6
    label: 开发区
    kicker: 引题
    headline: [全国文明城市创建工作, 再加压再推进]
    headline_style: headline-2
    subtitle: 副题
    headline_columns: 1-4
    leads: [严格对照标准抓创建]
    byline: 本报讯
    byline_line: 本报记者 王金勇
    body: |
      8月3日，开发区召开……
    body_file: stories/wenming.txt
    credit: （尚丰军 施民法 宋香芬）
    photos:
      - {file: photos/park.png, columns: 1-2, rows: 1-12, fit: fill, caption: 右图, placeholder: true}
    box: false
    ad: false
    rule: [below, right]
    balance: true
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    out = tmp_path_factory.mktemp("schema") / "layout.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    return jsonschema.Draft202012Validator(schema)


def as_json(text: str) -> object:
    """YAML as an editor's language server sees it: dates stay text."""
    def plain(v: object) -> object:
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v.isoformat() if isinstance(v, datetime.date) else v
    return plain(yaml.safe_load(text))


def test_schema_is_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == ["extends", "page", "grid", "fonts", "header", "styles", "stories",
                                          "copyfit", "items", "archive"]
    story = schema["properties"]["stories"]["anyOf"][0]["items"]
    assert story["required"] == ["columns", "rows"] and story["additionalProperties"] is False
    assert "description" in story["properties"]["text_columns"]


def test_cli_prints_the_same_schema(schema, capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema


@pytest.mark.parametrize("text", [BASE, FULL, HOUSE.read_text(encoding="utf-8")], ids=["base", "full", "house"])
def test_valid_layouts_pass(validator, text):
    validator.validate(as_json(text))


MISTAKES = {
    "misspelt-key": BASE + "    colums: 1-2\n",
    "wrong-type": BASE + "    box: 0-3\n",
    "bad-span": BASE.replace("columns: 1-3", "columns: a-b"),
    "bad-size": BASE + "styles:\n  headline: {size: 大五}\n",
    "bad-style-name": BASE + "styles:\n  Headline: {size: 五号}\n",
    "negative-length": BASE + "page:\n  bleed: -3mm\n",
}


@pytest.mark.parametrize("bad", MISTAKES.values(), ids=MISTAKES.keys())
def test_mistakes_fail(validator, bad):
    assert not validator.is_valid(as_json(bad))


def test_the_loader_accepts_the_full_example(page):
    page.write("fonts/x.ttf", "")  # a whole face: user faces are validated when the layout loads
    (page.folder / "fonts" / "x.ttf").write_bytes((Path(__file__).resolve().parents[2] / "fonts"
                                                  / "NotoSansSC-Regular.ttf").read_bytes())
    page.write("stories/wenming.txt", "正文。\n")
    page.image("photos/park.png")
    text = FULL.replace("    body: |\n      8月3日，开发区召开……\n", "")
    lay = page.load(text)
    s = lay.stories[0]
    assert s.headline_columns.last == 4 and s.rules == ("below", "right") and s.balance
    assert "mysong" in lay.fonts.faces and lay.fonts.fallback == {"song": ("hei", "kai")}
    assert lay.styles["headline"].frame == "reversed" and "kicker" in lay.styles
