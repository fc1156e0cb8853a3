"""The blank beside a headline group: a short headline over a short byline line
under a rule reads as a hole; a headline that fills its width does not."""

from __future__ import annotations

import numpy as np

from layout.autolayout.headgap import _has_empty_rect
from layout.autolayout.shapes import Gauge
from layout.model.types import Span, Story


def _story(headline: str, byline_line: str | None = None) -> Story:
    return Story(id="s", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=(headline,),
                 headline_style="headline-2", byline_line=byline_line, paragraphs=("正文。" * 40,))


def test_short_headline_over_a_short_byline_line_is_a_hole(tabloid, fonts, monkeypatch):
    # the checker's fill taken to stop at the headline's last glyph (航), as it does for a
    # line not moved onto the raster (place.snap): the blank beside the group is a hole
    monkeypatch.setattr("layout.autolayout.headgap.SNAPPED_CLEAR", float("inf"))
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    head = gauge.head(_story("梦想从这里起航", "本报记者 王金勇"), 5, 5)
    assert head.hole_below_rule
    assert head.rows >= 3 and head.headline_lines == 1


def test_a_headline_band_alone_leaves_no_hole(tabloid, fonts):
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    head = gauge.head(_story("全国文明城市创建工作再加压再推进"), 3, 3)
    assert not head.hole_below_rule and not head.hole_at_top
    assert head.headline_lines == 1


def test_head_measures_are_cached_and_shared_by_parts(tabloid, fonts):
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    story = _story("梦想从这里起航")
    a = gauge.head(story, 3, 3)
    b = gauge.head(Story(**{**story.__dict__, "paragraphs": ("别的正文。",)}), 3, 3)
    assert a is b  # the headline group alone decides
    assert gauge.body_lines(story, 1, 1) > gauge.body_lines(story, 3, 3) // 2


def test_empty_rectangle_search_matches_brute_force():
    """``_has_empty_rect`` (erosion) against looking at every window."""
    rng = np.random.default_rng(3)
    for _ in range(300):
        rows, cols = (int(x) for x in rng.integers(1, 14, size=2))
        empty = rng.random((rows, cols)) < rng.uniform(0.6, 1.0)
        h, w = (int(x) for x in rng.integers(1, 9, size=2))
        want = any(empty[y:y + h, x:x + w].all() for y in range(rows - h + 1) for x in range(cols - w + 1))
        assert _has_empty_rect(empty, h, w) == want
