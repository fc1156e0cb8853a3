"""Rules and boxes around stories: a rule below sits in the story's last row, one
to the right in the middle of the gutter, the header rule under the header band;
each rule belongs to its story.  Rules that nearly meet are joined (place.rules)."""

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
        "rule horizontal c1..c3|c4 at r12m  0.50pt",  # drawn out to the vertical rule: a corner
        "rule vertical c3|c4 r1t..r12m  0.50pt",  # ends on the rule below, no stub under it
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


NEIGHBOURS = f"""
- id: left
  columns: 1-3
  rows: 1-12
  headline: 多措并举推进人口普查工作
  body: {BODY}
  rule: [below, right]
- id: right
  columns: 4-5
  rows: 1-12
  headline: 两栏
  headline_style: headline-2
  body: {BODY}
  rule: below
- id: under
  columns: 1-2
  rows: 13-30
  headline: 两栏
  headline_style: headline-2
  body: {BODY}
  rule: right
- id: short
  columns: 3-5
  rows: 13-20
  headline: 三栏
  headline_style: headline-2
  body: {BODY}
"""


def test_rules_meet_at_t_junctions(place):
    p = place(NEIGHBOURS)
    # the neighbour's rule below is drawn out to the vertical rule too: one line across the gutter
    assert p.lines("right", "rule") == ["rule horizontal c3|c4..c5 at r12m  0.50pt"]
    # the rule right of the story below starts on the rule above it (no half-line gap) and runs
    # to its foot: no horizontal rule down there to end on
    assert p.lines("under", "rule") == ["rule vertical c2|c3 r12m..r30b  0.50pt"]


def test_rules_far_apart_are_not_joined(place):
    p = place(NEIGHBOURS.replace("rows: 13-30", "rows: 15-30"))
    # two rows of white between the rule below and the next story: nothing to join
    assert p.lines("under", "rule") == ["rule vertical c2|c3 r14b..r30b  0.50pt"]  # r14b: row 15's top


def test_a_label_under_a_vertical_cut_leaves_no_hole(tmp_path):
    """The blank between a department label and its centred headline group under two
    stories side by side: with the rules joined over the gutter the checker's fill
    runs across it (a rule broken at the gutter left the strip above the gutter
    empty, its fill stopped there, and column 1 beside the label read as a hole of
    3-4 lines: long-009 in benchmarks/raw_archives.py)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    import pytest
    from place_helpers import page_yaml

    from layout.cli import main
    from layout.model import load_layout
    from layout.model.types import Span

    checker = Path(__file__).resolve().parents[3] / "shared" / "tools" / "pdfcheck.py"
    if not checker.exists():
        pytest.skip("../shared/tools/pdfcheck.py not beside the checkout")
    body = BODY * 6
    src = tmp_path / "p.yaml"
    src.write_text(page_yaml(f"""
        - id: left
          columns: 1-1
          rows: 1-10
          body: {body}
          rule: [below, right]
        - id: right
          columns: 2-5
          rows: 1-10
          body: {body}
          rule: below
        - id: under
          columns: 1-5
          rows: 11-30
          label: 医学资讯
          kicker: 临川县引进了一批新设备——
          headline: 临川县乡村振兴交出新答卷
          headline_style: headline-3
          balance: true
          body: {body}
        """), encoding="utf-8")
    out = tmp_path / "p.pdf"
    assert main(["render", str(src), "-o", str(out), "-q"]) == 0
    geo = load_layout(src).geometry()
    # the group, the body's first lines under it, and the last two lines over the rule (the checker
    # looks two lines above a display line for an empty strip)
    a = geo.area(Span(1, 5), Span(9, 18))
    bleed = geo.bleed
    area = f"{a.x0 + bleed},{a.y0 + bleed},{a.x1 + bleed},{a.y1 + bleed}"
    r = subprocess.run([sys.executable, str(checker), str(out), "--type-area", area], capture_output=True,
                       text=True, timeout=120)
    assert json.loads(r.stdout)["metrics"]["holes"] == 0, r.stderr[-300:]
