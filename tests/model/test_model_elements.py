"""The sequence form of a story (content:), the element kinds, inline marks and page
items: what loads, and every mistake with its file:line:col."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from model_helpers import at

from layout.cli import main
from layout.errors import EXIT_USAGE
from layout.model.elements import (
    AdSlot,
    BoxNote,
    ElementKind,
    PageImage,
    Paragraph,
    Subhead,
    TextBox,
    story_elements,
)
from layout.model.keys import CONTENT_ITEM, PAGE_ITEM
from layout.model.markup import Emphasis, Mark, MarkupError, escape, parse, unparse
from layout.model.schema import json_schema as layout_schema

HEAD = """\
extends: house
header: {title: 清河新闻}
"""

CONTENT = HEAD + """\
stories:
  - id: a
    columns: 1-3
    rows: 1-40
    content:
      - label: 城事
      - headline: 老街换新颜
      - box:
          title: 核心阅读
          text: 老街改造{hei|三个月}完工。
      - byline: 本报讯
      - paragraph: |
          第一段{dot|重点}文字。

          第二段有{kai|楷体}。
      - subhead: 一、先修路
      - paragraph: 第三段。
      - credit: （记者 甲乙）
      - photo: {placeholder: true, rows: 1-6, caption: 图为老街。, credit: （本报记者 丙丁摄）}
"""


def test_every_kind_has_one_key_in_the_table():
    assert [k.value for k in ElementKind] == list(CONTENT_ITEM.names)


def test_content_form_loads_in_order(page):
    story = page.load(CONTENT).stories[0]
    assert story.label == "城事" and story.headline == ("老街换新颜",) and story.byline == "本报讯"
    assert story.credit == "（记者 甲乙）"
    assert story.photos[0].caption == "图为老街。" and story.photos[0].credit == "（本报记者 丙丁摄）"
    assert story.flow == (
        Paragraph("第一段重点文字。", (Emphasis(3, 5, Mark.DOT),)),
        Paragraph("第二段有楷体。", (Emphasis(4, 6, Mark.KAI),)),
        Subhead(("一、先修路",)),
        Paragraph("第三段。"),
    )
    assert story.paragraphs == ("第一段重点文字。", "第二段有楷体。", "一、先修路", "第三段。")  # index-aligned
    (box,) = story.boxes
    assert isinstance(box, BoxNote) and box.title == "核心阅读"
    assert box.paragraphs == (Paragraph("老街改造三个月完工。", (Emphasis(4, 7, Mark.HEI),)),)


def test_short_form_is_unchanged_without_marks(page):
    story = page.load(HEAD + "stories:\n  - {columns: 1-3, rows: 1-20, headline: 标题, body: 正文。}\n").stories[0]
    assert story.paragraphs == ("正文。",) and story.flow == () and story.boxes == ()


def test_marks_in_the_short_body(page):
    story = page.load(HEAD + "stories:\n  - {columns: 1-3, rows: 1-20, headline: 标题, body: '正{hei|文}。'}\n").stories[0]
    assert story.paragraphs == ("正文。",) and story.flow[0].marks == (Emphasis(1, 2, Mark.HEI),)


@pytest.mark.parametrize(("element", "line"), [("headline: 再一个", 7), ("body: 正文", 7)])
def test_mixing_short_keys_and_content_is_an_error(page, element, line):
    text = CONTENT.replace("    content:\n", f"    {element}\n    content:\n")
    err = page.error(text)
    assert "both content: and the short key" in err.message
    at(err, line)


def test_unknown_kind_names_the_allowed_ones(page):
    err = page.error(CONTENT.replace("      - subhead: 一、先修路", "      - subheading: 一、先修路"))
    assert "unknown key 'subheading'" in err.message and "subhead" in err.message
    at(err, 18)


def test_two_kinds_in_one_item_is_an_error(page):
    err = page.error(CONTENT.replace("      - credit: （记者 甲乙）", "      - {credit: （记者 甲乙）, subhead: 又一个}"))
    assert "exactly one key" in err.message
    at(err, 20)


@pytest.mark.parametrize(("swap", "line", "words"), [
    (("      - label: 城事\n      - headline: 老街换新颜\n", "      - headline: 老街换新颜\n      - label: 城事\n"), 9,
     "label comes after headline"),
    (("      - credit: （记者 甲乙）\n", ""), None, None),
])
def test_elements_out_of_order(page, swap, line, words):
    text = CONTENT.replace(*swap)
    if words is None:  # credit moved before the body
        text = text.replace("      - byline: 本报讯\n", "      - credit: （记者 甲乙）\n      - byline: 本报讯\n")
        err = page.error(text)
        assert "byline comes after credit" in err.message
        at(err, 14, 17)
        return
    err = page.error(text)
    assert words in err.message and "order" in (err.hint or "")
    at(err, line)


def test_byline_after_a_paragraph_and_a_trailing_subhead_are_errors(page):
    err = page.error(CONTENT.replace("      - byline: 本报讯\n", "").replace("      - subhead: 一、先修路\n",
                                                                         "      - byline: 本报讯\n"))
    assert "byline" in err.message
    err = page.error(CONTENT.replace("      - paragraph: 第三段。\n", ""))
    assert "last subhead has no paragraph" in err.message
    at(err, 18)


def test_a_subhead_has_at_most_two_lines(page):
    err = page.error(CONTENT.replace("- subhead: 一、先修路", "- subhead: [一, 二, 三]"))
    assert "at most 2" in err.message


@pytest.mark.parametrize(("body", "line", "col", "words"), [
    ("第一段{dot|重点文字。", 15, 14, "not closed"),
    ("第一段{bold|重点}文字。", 15, 14, "unknown mark"),
    ("第一段重点}文字。", 15, 16, "closes no mark"),
])
def test_markup_mistakes_point_at_the_mark(page, body, line, col, words):
    err = page.error(CONTENT.replace("第一段{dot|重点}文字。", body))
    assert words in err.message
    at(err, line, col)


def test_markup_mistake_in_a_one_line_scalar_and_in_a_body_file(page):
    err = page.error(CONTENT.replace("- paragraph: 第三段。", "- paragraph: '第三{hei|段。'"))
    at(err, 19, 23)
    page.write("body.txt", "第一段。\n\n第二段{kai|没有关。\n")
    err = page.error(HEAD + "stories:\n  - {columns: 1-3, rows: 1-20, headline: 标题, body_file: body.txt}\n")
    assert "not closed" in err.message and err.where.file.endswith("body.txt")
    assert (err.where.line, err.where.column) == (3, 4)


def test_markup_error_through_the_cli_exits_2_without_a_pdf(page, capsys):
    src = page.write("bad.yaml", CONTENT.replace("{dot|重点}", "{dot|重点"))
    out = page.folder / "out.pdf"
    assert main(["render", str(src), "-o", str(out)]) == EXIT_USAGE
    assert not out.exists()
    assert "bad.yaml:15:14" in capsys.readouterr().err


# ----------------------------------------------------------------- markup
def test_parse_and_unparse():
    text, marks = parse("甲{hei|乙丙}丁{{x}}{dot|重点}{kai|楷}")
    assert text == "甲乙丙丁{x}重点楷"
    assert marks == (Emphasis(1, 3, Mark.HEI), Emphasis(7, 9, Mark.DOT), Emphasis(9, 10, Mark.KAI))
    assert parse(unparse(text, marks)) == (text, marks)


@pytest.mark.parametrize(("text", "offset"), [("{hei|a", 0), ("a{x|b}", 1), ("a}", 1), ("{hei|}", 5),
                                              ("{hei|{dot|x}}", 5), ("{hei", 0)])
def test_bad_markup_says_where(text, offset):
    with pytest.raises(MarkupError) as info:
        parse(text)
    assert info.value.offset == offset


@given(st.text())
def test_escaped_text_round_trips_unchanged(text):
    assert parse(escape(text)) == (text, ())


@given(st.lists(st.tuples(st.text(min_size=0, max_size=8), st.text(min_size=1, max_size=5),
                          st.sampled_from(list(Mark))), max_size=5), st.text(max_size=5))
def test_marked_text_round_trips(parts, tail):
    """Marked-up text reads back as written; the one thing the syntax cannot say is a
    literal '}' right after a mark (a run of '}' in a mark closes it with its last one)."""
    text, marks = "", []
    for plain, marked, mark in parts:
        assume(not (marks and marks[-1].end == len(text) and plain.startswith("}")))
        text += plain
        marks.append(Emphasis(len(text), len(text) + len(marked), mark))
        text += marked
    assume(not (marks and marks[-1].end == len(text) and tail.startswith("}")))
    text += tail
    assert parse(unparse(text, tuple(marks))) == (text, tuple(marks))


# ----------------------------------------------------------------- page items
def _pdf(path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(200, 100), invariant=1)
    c.drawString(20, 40, "AD")
    c.save()
    return path


ITEMS = HEAD + """\
stories:
  - {columns: 1-3, rows: 1-20, headline: 标题, body: 正文。}
items:
  - image: {file: logo.png, columns: 4, rows: 1-3}
  - ad: {file: ad.pdf, columns: 4-5, rows: 30-40}
  - text: {title: 导读, text: 看点。, columns: 4-5, rows: 5-10}
"""


def test_page_items_load(page):
    page.image("logo.png")
    _pdf(page.folder / "ad.pdf")
    items = page.load(ITEMS).items
    assert [type(i) for i in items] == [PageImage, AdSlot, TextBox]
    assert items[1].pdf and items[1].size == (200.0, 100.0)
    assert items[2].paragraphs == (Paragraph("看点。"),) and items[2].title == "导读"


@pytest.mark.parametrize(("setup", "words"), [
    ("missing", "not found"),
    ("text", "neither a PDF nor a picture"),
    ("broken-pdf", "not a readable PDF"),
])
def test_bad_ad_files(page, setup, words, capsys):
    page.image("logo.png")
    if setup == "text":
        page.write("ad.pdf", "这不是广告文件\n")
    elif setup == "broken-pdf":
        (page.folder / "ad.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF\n")
    err = page.error(ITEMS)
    assert words in err.message
    at(err, 7)
    src = page.write("page.yaml", ITEMS)
    out = page.folder / "out.pdf"
    assert main(["render", str(src), "-o", str(out)]) == EXIT_USAGE and not out.exists()


def test_items_may_not_overlap_stories_or_each_other(page):
    page.image("logo.png")
    _pdf(page.folder / "ad.pdf")
    err = page.error(ITEMS.replace("columns: 4, rows: 1-3", "columns: 3-4, rows: 1-3"))
    assert "overlaps story" in err.message
    at(err, 6)
    err = page.error(ITEMS.replace("rows: 5-10", "rows: 2-10"))
    assert "overlaps the image item" in err.message


def test_schema_covers_the_new_forms():
    schema = layout_schema()
    assert set(schema["properties"]["items"]["anyOf"][0]["items"]["properties"]) == {"image", "ad", "text"}
    assert CONTENT_ITEM.schema()["maxProperties"] == 1 and PAGE_ITEM.schema()["minProperties"] == 1


def test_schema_accepts_the_content_form_and_rejects_two_kinds(page):
    import jsonschema
    import yaml

    schema = layout_schema()
    jsonschema.validate(yaml.safe_load(CONTENT), schema)
    bad = yaml.safe_load(CONTENT.replace("      - credit: （记者 甲乙）", "      - {credit: x, subhead: y}"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_both_forms_give_the_same_story(page):
    short = HEAD + """\
stories:
  - id: a
    columns: 1-3
    rows: 1-40
    label: 城事
    kicker: 引题
    headline: [老街, 换新颜]
    leads: [■提要一, 提要二]
    byline_line: 本报记者 甲乙
    byline: 本报讯
    body: |
      第一段{dot|重点}。

      第二段。
    credit: （记者 甲乙）
    photos:
      - {placeholder: true, rows: 1-6, caption: 图为老街。, credit: （本报记者 丙丁摄）}
"""
    long = HEAD + """\
stories:
  - id: a
    columns: 1-3
    rows: 1-40
    content:
      - label: 城事
      - photo: {placeholder: true, rows: 1-6, caption: 图为老街。, credit: （本报记者 丙丁摄）}
      - kicker: 引题
      - headline: [老街, 换新颜]
      - leads: [■提要一, 提要二]
      - byline_line: 本报记者 甲乙
      - byline: 本报讯
      - paragraph: 第一段{dot|重点}。
      - paragraph: 第二段。
      - credit: （记者 甲乙）
"""
    a = page.load(short, "short.yaml").stories[0]
    b = page.load(long, "long.yaml").stories[0]
    assert a == b
    kinds = [getattr(e, "kind", None) for e in story_elements(a)]
    assert kinds == [ElementKind.LABEL, ElementKind.KICKER, ElementKind.HEADLINE, ElementKind.LEADS,
                     ElementKind.BYLINE_LINE, ElementKind.BYLINE, ElementKind.PARAGRAPH, ElementKind.PARAGRAPH,
                     ElementKind.CREDIT, None]


def test_an_ad_nested_too_deeply_is_refused_on_load(page):
    import pikepdf

    page.image("logo.png")
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 100))
    deep = pikepdf.Dictionary()
    for _ in range(100):
        deep = pikepdf.Dictionary(Next=deep)
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Extra=deep)
    pdf.save(page.folder / "ad.pdf")
    err = page.error(ITEMS)
    assert "nest more than" in err.message
    at(err, 7)
