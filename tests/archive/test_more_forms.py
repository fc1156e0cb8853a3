"""Recognition of the short fixtures for forms of ../shared/spec/archives.md that the
others do not hold (our own wording): ``forms-repeat.txt`` (an article from page 1
repeated whole on the inside page, with its jump lines and its headline again as
the continued part's head; a jump head over （上接第1版） after another story; a
`广告` slot) and ``forms-chars.txt`` (UTF-16 BE with BOM; a two-part headline apart
by U+3000; half-width , ; : ( ) between Han; NBSP inside Latin product names and
after a 。; a URL written ``http：//``; Roman numerals) and ``forms-bullets.txt`` (●
leads, ● bulleted subheads and ``一、`` numbered subheads each with a deck line, a
headline in two parts apart by two spaces, NBSP between a dateline's parts).  Each is also reprinted
verify-identical and judged on the page bar by ``test_short_archives`` and read
the same without blank lines or indents by ``test_raw_forms``."""

from __future__ import annotations

import pytest
import yaml
from archive_helpers import DATA

from layout.archive.import_page import recognise
from layout.archive.model import SubheadKind
from layout.archive.parse import parse_page
from layout.cli import main


@pytest.fixture(scope="module")
def repeat():
    page, _, _ = recognise(DATA / "forms-repeat.txt")
    return page


@pytest.fixture(scope="module")
def chars():
    return recognise(DATA / "forms-chars.txt")


def test_an_article_repeated_whole_is_one_story_with_its_jump_head_in_place(repeat):
    whole = repeat.stories[0]
    assert (whole.kicker, whole.headline, whole.subtitle) == (
        "全市上下奋力推进城市更新——", "老旧小区改造惠及十二万户居民", "——滨川市推进城市更新工作纪实")
    # the headline again after （下转第5版）: the continued part's head, where it stands
    (jump,) = whole.subheads
    assert jump.text == whole.headline and whole.paragraphs[jump.before - 1].endswith("（下转第5版）")
    assert whole.paragraphs[jump.before] == "（上接第1版）"
    note = next(n for n in whole.notes if n.element == "subheads.0")
    assert not note.unsure and "接题" in note.reason
    assert whole.credit == "（完）" and len(whole.paragraphs) == 6


def test_a_jump_head_over_its_jump_line_starts_the_continued_story(repeat):
    """A display line over （上接第1版） after another story is the continued story's
    head, not a subhead of the story before (the story before has no credit)."""
    ad, port, continued = repeat.stories[1:]
    assert ad.paragraphs == ("广告",) and ad.headline is None
    assert port.headline == "滨川港集装箱吞吐量创新高" and not port.subheads and len(port.paragraphs) == 2
    assert continued.headline == "家门口的“十五分钟生活圈”"
    assert continued.paragraphs[0] == "（上接第1版）" and len(continued.paragraphs) == 3


def test_layout_import_writes_the_roles(tmp_path):
    out = tmp_path / "p.yaml"
    assert main(["import", str(DATA / "forms-repeat.txt"), "--no-place", "-q", "-o", str(out)]) == 0
    stories = yaml.safe_load(out.read_text(encoding="utf-8"))["stories"]
    flow = stories[0]["content"]
    assert [k for el in flow for k in el][:4] == ["kicker", "headline", "subtitle", "byline"]
    assert {"subhead": "老旧小区改造惠及十二万户居民"} in flow
    assert stories[1]["body"] == "广告" and "headline" not in stories[1]
    assert stories[3]["headline"] == "家门口的“十五分钟生活圈”"
    assert stories[3]["body"].startswith("（上接第1版）\n\n在城北")


def test_utf16_be_with_bom_and_its_characters(chars):
    page, archive, normalized = chars
    assert (archive.encoding, archive.bom) == ("utf-16-be", True)
    assert [h.text for h in page.header] == ["滨川晚报", "2026-06-03", "A05版", "数码"]
    phone, watch = page.stories
    assert phone.headline == "国产手机新品扎堆上市\u3000线下门店人气回升"  # two parts apart by U+3000: one headline
    assert phone.byline == "本报讯（记者 孙一帆）"  # half-width brackets touching Han: full-width
    first = phone.paragraphs[0]
    assert first.startswith("6月2日，云帆X3\u00a0Pro在滨川正式开售。")  # NBSP inside a product name kept
    assert "；有门店负责人表示：首批" in first and "第Ⅱ代自研芯片" in first
    assert "。 据了解" in first  # a stray NBSP after 。: an ordinary space
    assert "官网http：//www.example.com/x3）" in phone.paragraphs[1]  # the URL whole, its bracket full-width
    assert "Nova\u00a0Book\u00a014" in phone.paragraphs[2]
    assert (watch.byline_line, watch.credit) == ("本报记者 郑 好", "（郑 好）")
    assert "Smart\u00a0Watch\u00a0S2" in watch.paragraphs[0] and "Ⅳ级" in watch.paragraphs[0]
    assert {(c.old, c.new) for c in normalized.changes} == {
        ("(", "（"), (")", "）"), (",", "，"), (":", "："), (";", "；"), ("\u00a0", " ")}


def test_bulleted_and_numbered_subheads_keep_their_deck_lines():
    """A deck line under a ● subhead is its deck, not a new story's headline (the
    story numbers its subheads, so an unnumbered display line was taken for the next
    story); the same under 一、 subheads."""
    page, _, normalized = recognise(DATA / "forms-bullets.txt")
    tea, park = page.stories
    assert tea.headline == "乡村振兴  产业先行" and len(tea.leads) == 2 and tea.leads[0].startswith("●")
    assert tea.byline == "本报云溪5月8日电 （记者 罗青 通讯员 叶知秋）"  # the NBSP between its parts: a space
    assert [(x.text[:6], x.kind) for x in tea.subheads] == [
        ("● 一片叶子", SubheadKind.SUBHEAD), ("茶叶从“论斤", SubheadKind.DECK),
        ("● 一颗果子", SubheadKind.SUBHEAD), ("冷链仓储、电", SubheadKind.DECK)]
    assert [(x.text[:4], x.kind) for x in park.subheads] == [
        ("一、项目", SubheadKind.SUBHEAD), ("坚持招大", SubheadKind.DECK),
        ("二、服务", SubheadKind.SUBHEAD), ("“一个项", SubheadKind.DECK)]
    assert park.byline_line == "本报记者 罗 青" and park.credit == "（罗　青　叶知秋）"
    deck = next(n for n in tea.notes if n.element == "subheads.1")
    assert not deck.unsure and "deck" in deck.reason


@pytest.mark.parametrize("slot", ["广告", "广　告", "广 告", "（广告）", "【广告】"])
def test_an_ad_slot_spaced_or_bracketed_is_an_item_of_its_own(slot):
    """广　告 spaced as two-character words are was the next story's kicker."""
    page = parse_page(f"暑期托管班开班\n\n本报讯 托管班开班。\n\n{slot}\n\n防溺水安全提示\n\n本报讯 家长要加强看护。\n")
    assert [(s.headline, s.kicker, s.paragraphs) for s in page.stories] == [
        ("暑期托管班开班", None, ("托管班开班。",)), (None, None, (slot,)),
        ("防溺水安全提示", None, ("家长要加强看护。",))]


def test_a_deck_line_over_a_photo_is_still_its_subhead_s_deck():
    """Right under a ● subhead, a longer display line is its deck even when a caption
    follows it (was read as a photo story's headline, 图片新闻, or a new story's)."""
    page = parse_page("乡村振兴  产业先行\n\n本报讯 （记者 罗青）初夏时节，茶园里一派繁忙。\n\n● 一片叶子富了一方百姓\n\n"
                      "茶叶从“论斤卖”到“论杯卖”，深加工让茶农的收入翻了一番\n\n上图：茶农在加工厂里分拣茶叶。\n\n"
                      "在东山村，新建的茶叶加工厂里机器轰鸣。\n")
    (story,) = page.stories
    assert [(x.text[:6], x.kind) for x in story.subheads] == [("● 一片叶子", SubheadKind.SUBHEAD),
                                                              ("茶叶从“论斤", SubheadKind.DECK)]
    assert [c.marker for c in story.captions] == ["上图"] and len(story.paragraphs) == 2


def test_a_shortened_jump_head_between_its_jump_lines_stays_in_its_story():
    """The continued part's head need not repeat the headline: between …（下转第5版）
    and （上接第1版） it is the same story's 接题, a subhead where it stands."""
    page = parse_page("城市更新惠民生\n\n本报讯 （记者 林立）老旧小区改造全面铺开。\n\n居民周大爷说，路修好了。（下转第5版）\n\n"
                      "改造惠及十二万户\n\n（上接第1版）\n\n改造资金多方筹集。\n")
    (story,) = page.stories
    assert [x.text for x in story.subheads] == ["改造惠及十二万户"]
    assert story.paragraphs[1:] == ("居民周大爷说，路修好了。（下转第5版）", "（上接第1版）", "改造资金多方筹集。")


def test_bulleted_lines_in_a_row_inside_a_body_are_a_list_not_subheads():
    """●加强日常监管 / ●推进信息公开 / ●压实各方责任 one under the other after a paragraph: list
    items (text), not a stack of three subheads; a lone ● line between paragraphs stays a
    subhead."""
    page = parse_page("城区推进垃圾分类\n\n本报讯 （记者 林立）城区全面推进生活垃圾分类。\n\n主要措施包括：\n\n"
                      "●加强日常监管\n●推进信息公开\n●压实各方责任\n\n这些措施已在试点社区推行。\n\n● 下一步\n\n"
                      "城区将把垃圾分类纳入文明社区评比。\n")
    (story,) = page.stories
    assert story.paragraphs[2:5] == ("●加强日常监管", "●推进信息公开", "●压实各方责任")
    assert [x.text for x in story.subheads] == ["● 下一步"]
