"""Rules and boxes around stories: a rule below sits in the story's last row, one
to the right in the middle of the gutter, the header rule under the header band;
each rule belongs to its story."""

from __future__ import annotations

from place_helpers import BODY

from layout.place.items import BoxItem, RuleItem

STORY = f"""
- id: ruled
  columns: 1-3
  rows: 1-12
  headline: 多措并举推进人口普查工作
  body: {BODY}
  rule: [below, right]
- id: boxed
  columns: 4-5
  rows: 1-12
  headline: 两栏
  headline_style: headline-2
  body: {BODY}
  box: true
"""


def test_rules_in_grid_terms(place):
    p = place(STORY)
    assert p.lines("ruled", "rule") == [
        "rule horizontal c1..c3 at r12m  0.50pt",
        "rule vertical c3|c4 r1t..r12b  0.50pt",
    ]
    rules = [it for it in p.page.items if isinstance(it, RuleItem)]
    assert {r.story for r in rules} == {None, "ruled"}  # None: the header's rule


def test_box_around_a_story(place):
    p = place(STORY)
    boxes = [it for it in p.page.items if isinstance(it, BoxItem) and it.story == "boxed"]
    assert len(boxes) == 1 and boxes[0].fill is None
    frame = next(s.frame for s in p.page.stories if s.id == "boxed")
    assert boxes[0].rect.x0 < frame.x0 and boxes[0].rect.x1 > frame.x1  # outside the text, in the gutters
    assert p.lines("boxed", "box")


def test_header_band_and_its_rule(place):
    with_header = place(STORY)
    header = with_header.text.split("\nstory ")[0]
    assert "text header" in header and "开发区新闻" in header and "rule horizontal c1..c5" in header
    without = place(STORY, header=False)
    assert "text header" not in without.text
