"""Broken pieces inside a story (issue 13, "when unsure keep the text and say so"):
a caption broken apart by the archive (its second half, or a caption whose
picture marker was lost, on a line of its own; a caption cut off with a bracket
left open) is never a photo story's headline, a new story's headline or a
subhead; an author line between paragraphs (本报记者 某某, 文/某某, 撰文 某某,
作者为…) neither starts a new story without a headline nor becomes a subhead.
``data/broken-pieces.txt`` holds each form (our own wording); it is also held to the
page bar by ``test_short_archives``."""

from __future__ import annotations

import pytest
from archive_helpers import DATA

from layout.archive.import_page import recognise
from layout.archive.normalize import normalize
from layout.archive.parse import parse_page
from layout.archive.patterns import Kind, caption_piece, classify, credit_confidence


@pytest.fixture(scope="module")
def pieces():
    page, _, _ = recognise(DATA / "broken-pieces.txt")
    return page


def _role(story, text: str) -> str:
    """The element reference of the element holding ``text`` (its start)."""
    return next(ref.split(".")[0] for ref, t in story.elements() if t == text)


def test_the_stories_are_the_archive_s_stories(pieces):
    assert [s.headline for s in pieces.stories] == [
        "滨江公园改造完工重新开放", "老街夜市试营业", "渔港晨光", "社区食堂开到家门口", "一碗热汤暖人心", "油菜花开",
        "春耕备耕正当时"]


def test_a_caption_without_its_marker_between_paragraphs_is_a_caption(pieces):
    park = pieces.stories[0]
    assert [c.text for c in park.captions] == ["市民在新开放的步道上散步（本报记者 林立摄）"]
    assert not park.subheads and park.paragraphs[-1].startswith("公园每天6:00")


def test_a_caption_s_second_half_on_its_own_line_stays_a_caption(pieces):
    market = pieces.stories[1]
    assert [c.marker for c in market.captions] == ["上图", None, "下图"]
    assert market.captions[1].text == "排起了长队（本报记者 白桦摄）"
    note = next(n for n in market.notes if n.element == "captions.1")
    assert note.unsure and "photo credit" in note.reason  # said, with its evidence


def test_after_complete_captions_a_photo_story_still_starts(pieces):
    photo = pieces.stories[2]
    assert photo.headline == "渔港晨光" and not photo.paragraphs
    assert photo.captions[0].marker == "图为"


def test_a_caption_cut_off_with_a_bracket_open_is_no_photo_headline(pieces):
    canteen = pieces.stories[3]
    assert canteen.headline == "社区食堂开到家门口"
    assert [c.text for c in canteen.captions] == ["志愿者为行动不便的老人送餐上门 （本报记者 赵", "右图：老人们在社区食堂用餐。"]
    note = next(n for n in canteen.notes if n.element == "captions.0")
    assert "bracket" in note.reason and note.unsure


def test_a_caption_s_piece_over_the_next_headline_is_no_kicker(pieces):
    """Under a photo story's caption cut off, its second half (…（本报记者 罗青摄）) right
    above the next headline group is a caption of the photo story, not that story's 引题."""
    flowers, spring = pieces.stories[5:]
    assert [c.text for c in flowers.captions] == ["图为云溪县东山村的油菜花田，游客们在花海中", "拍照留念（本报记者 罗青摄）"]
    assert (spring.kicker, spring.headline, spring.byline) == (None, "春耕备耕正当时", "本报讯 （记者 叶知秋）")


def test_author_lines_inside_the_body_stay_text_where_they_stand(pieces):
    soup = pieces.stories[4]
    assert soup.byline_line == "撰文 钱多多" and not soup.subheads
    assert _role(soup, "文/钱多多") == "paragraphs" and _role(soup, "本报记者 黄 河") == "paragraphs"
    # in the archive's order: 文/钱多多 after the second paragraph, 本报记者 黄 河 after the fourth
    assert soup.paragraphs.index("文/钱多多") == 2 and soup.paragraphs.index("本报记者 黄 河") == 4
    assert soup.credit == "作者为滨川市作家协会会员"


@pytest.mark.parametrize("text", ["撰文 赵晓东", "执笔：孙一帆", "作者 李 华", "文/何 静", "本报记者 张 某",
                                  "——本报记者 林立", "口述：周大年　整理：何静", "文/钱多多 图/赵晓东"])
def test_author_lines_are_byline_lines(text):
    assert classify(text) is Kind.BYLINE_LINE


@pytest.mark.parametrize("text", ["记者手记", "记者观察", "——记滨川市优秀教师周大年"])
def test_a_reporter_s_column_or_a_subtitle_is_no_byline(text):
    """记者手记 heads a column (data/pages/long-tebie: the label over its piece's
    headline; it was read as a byline line named 手记)."""
    assert classify(text) is Kind.DISPLAY


@pytest.mark.parametrize("text", ["作者为滨川大学退休教师", "作者系市文联会员", "作者单位：滨川市图书馆"])
def test_an_author_s_note_without_brackets_is_a_credit(text):
    assert classify(text) is Kind.CREDIT and credit_confidence(text) == 0.7


@pytest.mark.parametrize("text", ["作者为了写这本书，走访了十几个村子。", "作者是一位退休教师，今年七十岁。",
                                  "作者为此走访了多个村庄。"])
def test_a_sentence_about_the_author_is_text(text):
    assert classify(text) is Kind.TEXT


@pytest.mark.parametrize(("text", "piece"), [
    ("排起了长队（本报记者 白桦摄）", True), ("航拍下的新城 新华社记者 周游 摄", True), ("游客在湖边赏花 （本报记者", True),
    ("晨练的市民（新华社发）", True), ("湖边风光（资料图片）", True),
    ("渔港晨光", False), ("本报记者 何静摄", False), ("老人爱上摄影", False), ("夜市“烟火气”回来了", False), ("让“小切口”撬动“大民生”", False)])
def test_caption_pieces_by_their_ends(text, piece):
    assert (caption_piece(text) is not None) is piece


def test_a_bracket_left_open_away_from_captions_is_text_not_a_subhead():
    page = parse_page("新区规划公示\n\n本报讯 规划方案即日起公示。\n\n方案涉及道路、学校和公园（详见\n\n"
                      "市民可通过多种渠道提出意见。\n")
    (story,) = page.stories
    assert not story.subheads and not story.captions
    assert story.paragraphs == ("规划方案即日起公示。", "方案涉及道路、学校和公园（详见", "市民可通过多种渠道提出意见。")


def test_a_byline_line_after_more_blank_lines_than_between_paragraphs_still_opens_a_story():
    """The old reading stays where the archive marks a break: a byline line after two
    blank lines (one between paragraphs) opens a story, said as without headline."""
    page = parse_page("新区规划公示\n\n本报讯 规划方案即日起公示。\n\n市民可提出意见。\n\n\n本报记者 林立\n\n"
                      "老街改造下月开工。\n")
    assert len(page.stories) == 2 and page.stories[1].byline_line == "本报记者 林立"


def test_the_pieces_read_the_same_where_paragraphs_are_indented(pieces):
    """Archives that indent paragraphs set captions and display lines flush left: a
    flush-left piece is then no evidence of a new story (it was a headline there)."""
    lines = (DATA / "broken-pieces.txt").read_text(encoding="utf-8").split("\n")
    indented = "\n".join("\u3000\u3000" + ln if ln and classify(ln) in (Kind.TEXT, Kind.OPENER) else ln
                         for ln in lines)
    page = parse_page(normalize(indented).text)

    def shape(p):
        return [(s.headline, s.byline_line, s.paragraphs, [c.text for c in s.captions], [x.text for x in s.subheads],
                 s.credit) for s in p.stories]

    assert shape(page) == shape(pieces)
