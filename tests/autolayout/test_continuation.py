"""Text that does not fit one page continues on the next (page-layout.md rule 3):
split between stories, or inside a story at a paragraph break (a sentence end for
a paragraph longer than a page); never overflow, never smaller type."""

from __future__ import annotations

from autolayout_helpers import assert_invariants, assert_text_kept
from storygen import corpus, story_set

from layout.autolayout import auto_layout
from layout.autolayout.content import CONT_SUFFIX, SplitPoint, split_points, split_story
from layout.model.jumps import UNKNOWN
from layout.model.types import Span, Story


def _long_story(chars: int, paragraphs: int) -> Story:
    sentences = corpus()
    text, paras, i = "", [], 0
    per = chars // paragraphs
    while len(paras) < paragraphs:
        text += sentences[i % len(sentences)]
        i += 1
        if len(text) >= per:
            paras.append(text)
            text = ""
    return Story(id="long", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, label="专题",
                 headline=("黄河岸边的老手艺",), byline="本报讯", paragraphs=tuple(paras), credit="（林晓）")


def test_story_longer_than_a_page_runs_on(tabloid, fonts):
    story = _long_story(7000, 24)
    result = auto_layout([story], tabloid, fonts, header="文化周刊")
    assert len(result.pages) >= 2
    ids = [s.id for page in result.pages for s in page]
    assert ids[0] == "long" and all(i.startswith("long" + CONT_SUFFIX) for i in ids[1:])
    assert result.metrics.continuations == 1 and result.continued[0].parts == tuple(ids)
    first, *rest = [s for page in result.pages for s in page]
    # room for the jump lines and the 接题 (the edition writes them: layout.edition.reprint)
    assert first.headline and first.credit is None and first.jump_to == UNKNOWN and first.jump_from is None
    assert all(s.headline == ("黄河岸边的老手艺",) and s.jump_from == UNKNOWN and not s.label for s in rest)
    assert [s.jump_to for s in rest] == [UNKNOWN] * (len(rest) - 1) + [None]
    assert rest[-1].credit == "（林晓）"
    assert result.layouts[1].header.title == "文化周刊"  # the 报眉 on every page (repeats are artifacts)
    assert_invariants(result, [story])


def test_a_set_longer_than_a_page_keeps_reading_order(tabloid, fonts):
    stories = story_set(8, 12, max_chars=1500)
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert len(result.pages) >= 2
    assert_invariants(result, stories)


def test_one_huge_paragraph_is_cut_at_sentence_ends(tabloid, fonts):
    sentences = corpus()
    para = "".join(sentences[i % len(sentences)] for i in range(130))  # ~6,000 characters, one paragraph
    story = Story(id="p", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=("一段很长的文字",),
                  paragraphs=(para,))
    result = auto_layout([story], tabloid, fonts)
    assert len(result.pages) >= 2
    assert all(r.lines_over == 0 for placed in result.placed for r in placed.stories)
    assert_text_kept(result, [story])


def test_split_points_and_parts():
    story = _long_story(1200, 4)
    points = split_points(story, long_paragraph=10_000)
    assert [p.paragraph for p in points] == [1, 2, 3]
    first, second = split_story(story, SplitPoint(2))
    assert first.paragraphs + second.paragraphs == story.paragraphs
    assert first.label and not second.label and second.id == "long" + CONT_SUFFIX
    assert first.credit is None and first.jump_to == UNKNOWN and second.credit == story.credit
    assert second.jump_from == UNKNOWN and second.jump_to is None and second.byline_line is None
    third = split_story(second, SplitPoint(1))[1]
    assert third.id == "long" + CONT_SUFFIX + "2"
    inside = [p for p in split_points(story, long_paragraph=100) if p.offset]
    assert inside and all(story.paragraphs[p.paragraph][p.offset - 1] in "。！？；…”’」』）)" for p in inside)
