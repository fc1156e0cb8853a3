"""One-line questions inside a body, and a caption's cut tail over a headline
(``data/forms-questions.txt``, our own wording; also reprinted verify-identical and
judged on the page bar by ``test_short_archives``, read the same without blank lines
or indents by ``test_raw_forms``).

A question on a line of its own (为什么？) is the text asking or a subhead of a
series (钱从哪里来？ / 事由谁来定？ / 活儿谁来盯？, or 怎么办？ with its deck line):
the story's other subheads decide, and ``layout import --report`` gives the evidence,
unsure when a lone question is all there is.  A caption cut mid-sentence whose last
word stands on the next line (…装卸工人正在 / 卸货) keeps it: that line is never the
next story's kicker or label."""

from __future__ import annotations

import pytest
from archive_helpers import DATA

from layout.archive.import_page import recognise
from layout.archive.parse import parse_page
from layout.cli import main

FIXTURE = DATA / "forms-questions.txt"


@pytest.fixture(scope="module")
def page():
    page, _, _ = recognise(FIXTURE)
    return page


def _story(page, headline):
    return next(s for s in page.stories if s.headline == headline)


def _note(story, text):
    ref = next(ref for ref, t in story.elements() if t == text)
    return next(n for n in story.notes if n.element == ref), ref


def test_the_stories(page):
    assert [s.headline for s in page.stories] == [
        "旧厂房变身创意园", "社区微更新怎么干", "雨季防汛不松劲", "水库安全体检", "夜市摊主的新烦恼", "港口一日",
        "江畔绿道全线贯通"]
    assert all(s.kicker is None and s.label is None for s in page.stories)


def test_a_question_among_statement_subheads_is_text(page):
    story = _story(page, "旧厂房变身创意园")
    assert [s.text for s in story.subheads] == ["保留老建筑", "引来新业态"]
    note, ref = _note(story, "为什么？")
    assert ref.startswith("paragraphs.") and note.unsure and "statements" in note.reason


def test_questions_in_a_series_are_subheads(page):
    story = _story(page, "社区微更新怎么干")
    assert [s.text for s in story.subheads] == ["钱从哪里来？", "事由谁来定？", "活儿谁来盯？"]
    note, _ = _note(story, "事由谁来定？")
    assert not note.unsure and "series" in note.reason


def test_a_question_with_its_deck_line_is_a_subhead_pair(page):
    story = _story(page, "雨季防汛不松劲")
    assert [(s.text, s.kind.value) for s in story.subheads] == [
        ("怎么办？", "subhead"), ("县里把山洪易发区的预警设施更新作为今年的重点来抓", "deck"),
        ("守好最后一公里", "subhead"), ("县里把巡堤查险的责任落实到人", "deck")]
    note, _ = _note(story, "怎么办？")
    assert "pair" in note.reason


def test_an_unnumbered_question_between_numbered_subheads_is_text(page):
    story = _story(page, "水库安全体检")  # never the headline of a story of its own
    assert [s.text for s in story.subheads] == ["一、查隐患", "二、补短板"]
    note, ref = _note(story, "这是为什么？")
    assert ref.startswith("paragraphs.") and not note.unsure and "一、查隐患" in note.reason


def test_a_lone_question_is_text_and_unsure(page):
    story = _story(page, "夜市摊主的新烦恼")
    assert not story.subheads and story.paragraphs[1] == "为什么？"
    note, _ = _note(story, "为什么？")
    assert note.unsure and "no other subhead" in note.reason


def test_a_cut_caption_keeps_its_tail_over_the_next_headline(page):
    photo, path = page.stories[5:]
    (caption,) = photo.captions
    assert caption.text == "图为清晨的云溪港码头，装卸工人正在卸货" and caption.lines[-1] == "卸货"
    assert (path.kicker, path.label, path.headline) == (None, None, "江畔绿道全线贯通")
    note = next(n for n in photo.notes if n.element == "captions.0")
    assert note.unsure and "its tail (卸货)" in note.reason


@pytest.mark.parametrize("tail", ["区妇联", "医学资讯", "文化周刊", "外交部发言人——"])
def test_a_label_or_kicker_under_a_complete_or_labelled_caption_keeps_its_role(tail):
    """A line that names a department or a section, or is shaped as a kicker, heads
    the next story even under a caption the archive cut off; under a complete caption
    every such line does."""
    text = ("港口一日\n\n图为清晨的云溪港码头，装卸工人正在\n\n{tail}\n\n江畔绿道全线贯通\n\n"
            "本报讯 （记者 叶知秋）江畔绿道日前全线贯通。\n")
    cut = parse_page(text.format(tail=tail))
    head = cut.stories[1]
    kept = tail in (head.label, head.kicker)
    if tail == "医学资讯":  # a short label without an organisation's ending reads as the tail: unsure
        assert not kept and cut.stories[0].captions[0].text.endswith("医学资讯")
    else:
        assert kept
    whole = parse_page(text.replace("正在", "正在卸货。").format(tail=tail))
    assert tail in (whole.stories[1].label, whole.stories[1].kicker)


def test_the_report_gives_the_evidence(tmp_path, capsys):
    assert main(["import", str(FIXTURE), "--no-place", "-o", str(tmp_path / "q.yaml"), "--report"]) == 0
    report = capsys.readouterr().out
    lines = [ln for ln in report.splitlines() if "为什么？" in ln]
    assert len(lines) == 3 and all("one-line question" in ln for ln in lines)
    assert sum(ln.startswith("?") for ln in lines) == 2  # the lone one and the one beside statements


def test_a_question_between_subheads_with_decks_is_text():
    """守护… / its deck / 为什么？ / 把实事… / its deck: the line under the question has a
    deck of its own, so it is no deck of the question (no pair): the question is text
    and the subheads keep their pairs."""
    text = ("城西社区换新颜\n\n本报讯 （记者 方圆）城西社区今年完成了三项民生工程。\n\n守护一方碧水蓝天\n\n"
            "城西社区把河道整治作为今年的头号工程来抓\n\n为什么？\n\n把实事办到群众心坎上\n\n"
            "城西社区把加装电梯作为今年的重点工作来抓\n\n居民说，河水清了，电梯通了，日子更舒心了。\n")
    (story,) = parse_page(text).stories
    assert [(s.text, s.kind.value) for s in story.subheads] == [
        ("守护一方碧水蓝天", "subhead"), ("城西社区把河道整治作为今年的头号工程来抓", "deck"),
        ("把实事办到群众心坎上", "subhead"), ("城西社区把加装电梯作为今年的重点工作来抓", "deck")]
    assert "为什么？" in story.paragraphs


def test_a_question_closing_a_story_over_the_next_headline_is_text():
    """五、… / 为什么？ / the next story's headline: the numbered line is followed by the
    question (text), so it is a subhead; the question closes the story."""
    text = ("水库安全体检\n\n本报讯 （记者 严冬）全县小型水库逐一体检。\n\n一、查隐患\n\n逐一检查坝体和溢洪道。\n\n"
            "二、补短板\n\n为什么？\n\n江畔绿道全线贯通\n\n本报讯 （记者 叶知秋）江畔绿道日前全线贯通。\n")
    first, second = parse_page(text).stories
    assert [s.text for s in first.subheads] == ["一、查隐患", "二、补短板"]
    assert first.paragraphs[-1] == "为什么？" and second.headline == "江畔绿道全线贯通" and second.kicker is None
