"""Loading valid layouts: units (号, mm, em, 行), the house style and key-by-key
merging, defaults, content rules, and a model that pickles."""

from __future__ import annotations

import datetime
import pickle
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from model_helpers import BASE

from layout.errors import LayoutError
from layout.model import Margins, Span, load_layout
from layout.units import PT_PER_MM

HOUSE = Path(__file__).resolve().parents[2] / "layouts" / "house.yaml"

OWN = """\
page:
  size: [200mm, 300mm]
  margins: {top: 10mm, bottom: 12mm, left: 8mm, right: 9mm}
grid:
  columns: 4
  gutter: 1em
  body: {face: song, size: 五号, leading: 18pt, indent: 1}
styles:
  headline: {face: hei-bold, size: 小初, rows: 4, tracking: 0.05}
  caption: {face: kai, leading: 1行, indent: 9pt}
  credit: {face: song, size: 3.5mm, color: red}
stories:
  - columns: 1-end
    rows: 1-end
    headline: 标题
"""


def test_house_style_loads_with_its_preset_and_grid(page):
    lay = page.load(BASE)
    assert lay.page.preset == "4开"
    assert lay.page.width == pytest.approx(272 * PT_PER_MM) and lay.page.height == pytest.approx(390 * PT_PER_MM)
    assert lay.page.margins == Margins(*(4 * [15 * PT_PER_MM]))
    assert lay.page.bleed == pytest.approx(3 * PT_PER_MM)
    body = lay.grid.body
    assert (body.face, body.size, body.leading, body.indent) == ("song", 9.0, pytest.approx(14.4), 2.0)
    assert lay.grid.gutter == pytest.approx(13.5)  # 1.5em of 小五
    assert lay.styles["body"] is body
    for name in ("headline", "headline-2", "headline-3", "kicker", "subtitle", "lead", "label",
                 "byline", "byline-line", "caption", "credit", "header-title", "header-info"):
        assert name in lay.styles, name
    assert lay.styles["headline"].size == 22.0  # 二号
    assert lay.styles["label"].frame == "box"
    assert lay.styles["lead"].leading == pytest.approx(14.4)  # 1行 = one body line
    assert lay.header.title == "开发区新闻" and lay.header.date == datetime.date(2020, 8, 10)
    assert lay.header.date_text() == "2020年8月10日 星期一" and lay.header.page_text() == "第3版"
    assert lay.inputs[:2] == (str(page.folder / "page.yaml"), str(HOUSE))


def test_units_without_a_house(page):
    lay = page.load(OWN)
    assert (lay.page.width, lay.page.height) == (pytest.approx(200 * PT_PER_MM), pytest.approx(300 * PT_PER_MM))
    assert lay.page.margins.right == pytest.approx(9 * PT_PER_MM)
    body = lay.grid.body
    assert (body.size, body.leading, body.indent) == (10.5, 18.0, 1.0)
    assert lay.grid.gutter == 10.5  # 1em of 五号
    head = lay.styles["headline"]
    assert (head.size, head.rows, head.tracking, head.face) == (36.0, 4, 0.05, "hei-bold")
    assert head.leading == pytest.approx(36 * 18 / 10.5)  # keeps the body's leading ratio
    assert head.indent == 0.0 and head.align == "justify"  # not inherited from the body
    cap = lay.styles["caption"]
    assert cap.size == 10.5 and cap.leading == 18.0 and cap.indent == pytest.approx(9 / 10.5)
    credit = lay.styles["credit"]
    assert credit.size == pytest.approx(3.5 * PT_PER_MM) and credit.color == (0, 1, 1, 0)
    assert lay.header is None
    geo = lay.geometry()
    s = lay.stories[0]
    assert (s.id, s.columns, s.rows, s.text_columns) == ("story1", Span(1, 4), Span(1, geo.rows), 4)


def test_page_overrides_house_key_by_key(page):
    lay = page.load(BASE + """\
styles:
  headline: {size: 小一}
  kicker: {face: kai}
  mine: {face: hei, size: 10pt}
grid:
  body: {leading: 15pt}
page:
  margins: {left: 20mm}
""")
    head = lay.styles["headline"]
    assert head.size == 24.0 and head.face == "hei-bold" and head.rows == 3 and head.align == "center"
    assert lay.styles["kicker"].face == "kai" and lay.styles["kicker"].size == 12.0
    assert lay.styles["mine"].size == 10.0
    assert lay.grid.body.leading == 15.0 and lay.grid.body.size == 9.0 and lay.grid.columns == 5
    assert lay.page.margins.left == pytest.approx(20 * PT_PER_MM)
    assert lay.page.margins.right == pytest.approx(15 * PT_PER_MM)


def test_page_can_switch_the_house_header_off(page):
    text = BASE.replace("header:\n  title: 开发区新闻\n  date: 2020-08-10\n  page: 3\n", "header: false\n")
    assert page.load(text).header is None


def test_house_chain_and_local_house(page):
    page.write("styles/base.yaml", "extends: house\nstyles:\n  credit: {face: kai}\n")
    page.write("local.yaml", "extends: styles/base\nstyles:\n  caption: {size: 六号}\n")
    lay = page.load(BASE.replace("extends: house", "extends: local"))
    assert lay.styles["credit"].face == "kai" and lay.styles["caption"].size == 7.5
    assert lay.styles["headline"].size == 22.0
    assert len(lay.inputs) == 4


def test_content_rules(page):
    page.write("text/w.txt", "\ufeff第一段第一行\n接着第一段\n\n第二段 with Latin\nwords\n\n\n")
    lay = page.load(BASE.replace("    body: |\n      8月3日，开发区召开全国文明城市创建工作加压推进会。\n", """\
    body_file: text/w.txt
    headline: [全国文明城市, 再加压再推进]
    leads: [严格对照标准抓创建, ■坚决补齐短板强弱项]
    rule: [right, below]
  - id: two
    columns: 4-5
    rows: 1-10
    headline_style: headline-3
    headline: 短讯
    body: "一行一段\\n第二段\\n"
""").replace("    headline: 全国文明城市创建工作再加压再推进\n", ""))
    w, two = lay.stories
    assert w.paragraphs == ("第一段第一行接着第一段", "第二段 with Latin words")
    assert w.headline == ("全国文明城市", "再加压再推进")
    assert w.leads == ("■严格对照标准抓创建", "■坚决补齐短板强弱项")
    assert w.rules == ("below", "right")
    assert two.paragraphs == ("一行一段", "第二段") and two.headline_style == "headline-3"
    assert str(page.folder / "text" / "w.txt") in lay.inputs


def test_photos_are_read(page):
    page.image("photos/park.png", (400, 300))
    lay = page.load(BASE + """\
    text_columns: 4
    photos:
      - file: photos/park.png
        columns: 2-end
        rows: 3-12
        caption: 右图 产业园
        placeholder: true
""")
    (photo,) = lay.stories[0].photos
    assert photo.file == str(page.folder / "photos" / "park.png")
    assert (photo.columns, photo.rows, photo.fit, photo.pixel_size) == (Span(2, 4), Span(3, 12), "fill", (400, 300))
    assert photo.placeholder and photo.caption == "右图 产业园"
    assert photo.where.line == 15  # the '- file:' line


def test_text_that_yaml_would_type_stays_text(page):
    lay = page.load(BASE.replace("headline: 全国文明城市创建工作再加压再推进", "headline: 2020\n    kicker: yes"))
    assert lay.stories[0].headline == ("2020",) and lay.stories[0].kicker == "yes"


def test_model_is_frozen_and_pickles(page):
    lay = page.load(BASE)
    again = pickle.loads(pickle.dumps(lay))
    assert again == lay
    with pytest.raises(FrozenInstanceError):
        lay.stories[0].id = "x"  # type: ignore[misc]


def test_house_alone_is_not_a_page_its_header_lacks_a_title():
    with pytest.raises(LayoutError) as info:
        load_layout(HOUSE)
    assert "'title' is missing" in info.value.message and info.value.where.file.endswith("house.yaml")
