"""The head band of a story: label, kicker (引题), headline (主题), subtitle (副题),
leads (■), then the body (spec page-layout.md rule 7: nothing between a headline and
its text), all inside the story's frame."""

from __future__ import annotations

from place_helpers import BODY

from layout.place.items import TextItem

STORY = f"""
- id: one
  columns: 1-3
  rows: 1-30
  label: 区妇联
  kicker: 引题在上
  headline: 多措并举推进人口普查工作
  subtitle: 副题在下
  leads: [第一条提要, 第二条提要]
  byline: 本报讯
  body: {BODY}
"""


def _y(line: str) -> float:
    """The baseline of a dump line's text (r17 or y=...), as a sortable height."""
    where = line.split()[3]
    return float(where[2:]) if where.startswith("y=") else -float(where[1:])


def test_head_elements_come_down_in_order(place):
    p = place(STORY)
    kinds = [ln.split()[1] for ln in p.lines("one", "text")]
    assert kinds.index("kicker") < kinds.index("headline") < kinds.index("subtitle") < kinds.index("lead") \
        < kinds.index("body")
    items = [it for it in p.page.items if isinstance(it, TextItem) and it.story == "one"]
    base = {k: max(it.baseline for it in items if it.kind == k) for k in ("kicker", "headline", "subtitle")}
    first_lead = max(it.baseline for it in items if it.kind == "lead")
    first_body = max(it.baseline for it in items if it.kind == "body")
    assert base["kicker"] > base["headline"] > base["subtitle"] > first_lead > first_body


def test_head_lies_inside_the_frame_and_body_starts_on_the_grid(place):
    p = place(STORY)
    frame = p.page.stories[0].frame
    for it in p.page.items:
        if isinstance(it, TextItem) and it.story == "one":
            ink = it.x + it.line.xs[-1] + it.line.advances[-1]
            assert frame.x0 - 0.01 <= it.x and ink <= frame.x1 + 0.01, it
            assert frame.y0 <= it.baseline <= frame.y1, it
    body = p.lines("one", "text body")
    assert body and all(ln.split()[3].startswith("r") for ln in body), body  # every body baseline on the grid
    assert body[0].split()[6].startswith("本报讯")  # the byline opener runs into the first paragraph


def test_headline_is_centred_in_its_measure(place):
    p = place(STORY)
    head = next(it for it in p.page.items if isinstance(it, TextItem) and it.kind == "headline")
    line = head.line
    left = line.xs[0]
    right = line.xs[-1] + line.advances[-1]
    assert abs((left + right) / 2 - line.measure / 2) < line.size / 2, (left, right, line.measure)


def test_no_kicker_no_subtitle_leaves_no_empty_band(place):
    """Without kicker and subtitle the body starts right under the headline's rows."""
    full = place(STORY)
    bare = place(STORY.replace("  kicker: 引题在上\n", "").replace("  subtitle: 副题在下\n", ""))
    first = lambda p: int(p.lines("one", "text body")[0].split()[3][1:])  # noqa: E731
    assert first(bare) < first(full)
