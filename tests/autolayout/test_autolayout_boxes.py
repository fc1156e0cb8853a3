"""Stories with boxes (编者按 / 核心阅读, issue 11) in the automatic layout: the
shapes measure a story with boxes exactly as ``place_page`` sets it (a story
planned one line short overflows and loses text, issue 13), a story that fits no
shape is simplified without breaking its flow, and a laid-out page sets every box
once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from autolayout_helpers import assert_invariants
from storygen import corpus, story_set

from layout.autolayout import auto_layout
from layout.autolayout.content import base_id, plainer, split_points, split_story
from layout.autolayout.realise import _story as realise_leaf
from layout.autolayout.search import Leaf
from layout.autolayout.shapes import Costs, Gauge, StoryShapes
from layout.model.elements import BoxNote, Paragraph, Subhead
from layout.model.types import Photo, Span, Story
from layout.place.items import BoxItem, TextItem
from layout.place.page import place_page

SENTENCES = corpus()


def _text(start: int, sentences: int) -> str:
    return "".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(sentences))


def _boxed(name: str, boxes: tuple[BoxNote, ...], *, paragraphs: int = 4, subheads: bool = False,
           leads: bool = False, photos: int = 0) -> Story:
    paras = tuple(_text(7 * i + 3, 1 + i % 3) for i in range(paragraphs))
    flow: tuple = ()
    if subheads:  # a subhead before paragraphs 2 and 4 (index-aligned flow, as the importer builds it)
        paras = (paras[0], "织密基层服务网络", *paras[1:3], "一、把实事办到群众心坎上", *paras[3:])
        flow = tuple(Subhead((p,)) if p in ("织密基层服务网络", "一、把实事办到群众心坎上") else Paragraph(p)
                     for p in paras)
    return Story(id=name, columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=("老旧小区改造惠及千户居民",),
                 subtitle="——城东新区推进民生实事工作纪实", leads=(_text(40, 1)[:30],) if leads else (),
                 byline="本报讯 （记者 张明 通讯员 李华）", paragraphs=paras, flow=flow, boxes=boxes,
                 photos=tuple(Photo(file=None, rows=Span(1, 1), caption="图为新修的道路。", placeholder=True)
                              for _ in range(photos)))


DIGEST = BoxNote("核心阅读", (Paragraph(_text(11, 1)),))
NOTE = BoxNote(None, (Paragraph("编者按：" + _text(20, 2) + "——编 者"),))
LONG = BoxNote("核心阅读", tuple(Paragraph(_text(30 + i, 2)) for i in range(3)))
STORIES = [
    _boxed("digest", (DIGEST,)),
    _boxed("note", (NOTE,), subheads=True),
    _boxed("two", (DIGEST, NOTE), paragraphs=2, leads=True),
    _boxed("long", (LONG,), paragraphs=6, subheads=True),
]


def _placed(tpl, fonts, story: Story, shape, height: int):
    leaf = Leaf(0, shape, height - shape.min_height, shape.width, height)
    placed = realise_leaf(leaf, story, 1, 1, False, False)
    page = place_page(replace(tpl, stories=(placed,), header=None), fonts)
    return page, page.stories[0]


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.id)
@pytest.mark.parametrize("template", ["tabloid", "broadsheet"])
def test_shapes_of_a_story_with_boxes_are_what_placement_sets(request, template, story, fonts):
    """At every width and text-column count, the shortest shape sets all of the
    story (0 lines over) and one row less does not: the head rows the shapes count
    for the headline group and its boxes are the rows placement takes."""
    tpl = request.getfixturevalue(template)
    geo = tpl.geometry()
    shapes = StoryShapes(story, Gauge(tpl, geo, fonts), Costs())
    checked = 0
    for w in range(1, geo.columns + 1):
        by_k: dict[int, object] = {}
        for sh in shapes.shapes(w):
            if sh.photos is None and (sh.text_columns not in by_k or sh.min_height < by_k[sh.text_columns].min_height):
                by_k[sh.text_columns] = sh
        for sh in by_k.values():
            if sh.min_height > geo.rows:
                continue
            page, result = _placed(tpl, fonts, story, sh, sh.min_height)
            assert result.lines_over == 0, (w, sh)
            assert len([it for it in page.items if isinstance(it, BoxItem) and it.story == story.id]) == \
                len(story.boxes)
            if sh.body_rows > 0:
                assert _placed(tpl, fonts, story, sh, sh.min_height - 1)[1].lines_over > 0, (w, sh)
            checked += 1
    assert checked >= geo.columns


def test_boxes_stand_between_the_headline_group_and_the_text(tabloid, fonts):
    """Placed at a shape: each box frames its title and text, under the subtitle and
    above every body line (format: a box after the headline group, before the body)."""
    story = STORIES[2]
    sh = min(StoryShapes(story, Gauge(tabloid, tabloid.geometry(), fonts), Costs()).shapes(4),
             key=lambda s: s.min_height)
    page, _ = _placed(tabloid, fonts, story, sh, sh.min_height)
    texts = [it for it in page.items if isinstance(it, TextItem) and it.story == story.id]
    frames = [it.rect for it in page.items if isinstance(it, BoxItem) and it.story == story.id]
    subtitle = min(it.baseline for it in texts if it.kind == "subtitle")
    body = max(it.baseline for it in texts if it.kind == "body")
    boxed = [it for it in texts if it.kind in ("box", "box-title")]
    assert "".join(it.line.chars for it in boxed) == "核心阅读" + DIGEST.paragraphs[0].text + NOTE.paragraphs[0].text
    for it in boxed:
        assert any(f.x0 < it.x and f.y0 < it.baseline < f.y1 for f in frames)
    assert all(body < f.y0 and f.y1 < subtitle for f in frames)


def test_a_story_fitting_no_shape_is_simplified_with_its_flow_aligned(tabloid, fonts):
    """``plainer`` on a story with subheads, photos and a box: photo frames out
    (captions last), then headline group and boxes as the first paragraphs; the
    flow stays index-aligned with the paragraphs, so the shapes measure it and
    placement sets every character (it used to crash with an IndexError)."""
    story = _boxed("odd", (DIGEST,), subheads=True, photos=1)
    first, _ = plainer(story)
    assert not first.photos and first.paragraphs[-1] == "图为新修的道路。" and len(first.flow) == len(first.paragraphs)
    second, what = plainer(first)
    assert what == "headline group and boxes set as text" and not second.boxes and not second.headline
    assert second.paragraphs[:4] == ("老旧小区改造惠及千户居民", "——城东新区推进民生实事工作纪实", "核心阅读",
                                     DIGEST.paragraphs[0].text)
    assert len(second.flow) == len(second.paragraphs)
    assert plainer(second) is None
    for s in (first, second):
        sh = min(StoryShapes(s, Gauge(tabloid, tabloid.geometry(), fonts), Costs()).shapes(3),
                 key=lambda x: x.min_height)
        page, result = _placed(tabloid, fonts, s, sh, sh.min_height)
        assert result.lines_over == 0
        set_text = "".join(it.line.chars for it in page.items if isinstance(it, TextItem) and it.story == s.id)
        assert "".join(s.paragraphs).replace(" ", "") in set_text.replace(" ", "")


def test_a_continued_story_sets_its_boxes_once(tabloid, fonts):
    """Split for a continuation, the first part keeps the boxes (with the headline
    group), the later part has none."""
    story = STORIES[3]
    first, second = split_story(story, split_points(story, 200)[2])
    assert first.boxes == story.boxes and second.boxes == ()


def test_pages_of_stories_with_boxes_keep_the_invariants(tabloid, fonts):
    """A page set of generated stories, some with boxes: no overflow, no overlap,
    every paragraph once, and every box drawn once with its story."""
    stories = story_set(7, 3, max_chars=900)
    boxes = {1: (DIGEST,), 3: (NOTE,), 5: (DIGEST, NOTE)}
    stories = [replace(s, boxes=boxes.get(i, ())) for i, s in enumerate(stories)]
    result = auto_layout(stories, tabloid, fonts, header="测试版")
    assert_invariants(result, stories)
    drawn: dict[str, str] = {}
    for placed in result.placed:
        for it in placed.items:
            if isinstance(it, TextItem) and it.kind in ("box", "box-title"):
                drawn[base_id(it.story)] = drawn.get(base_id(it.story), "") + it.line.chars
    want = {stories[i].id: "".join(t for box in b for t in (box.title or "", *(p.text for p in box.paragraphs)))
            for i, b in boxes.items()}
    assert drawn == want
