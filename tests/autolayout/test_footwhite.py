"""Short copy without scraps (issue 13: "what cannot be filled is reported with
where and how much"; page-layout.md rule 2): no text column of a line or two
under a headline spanning several columns -- the text stands beside its group
instead (题在左文在右), and a page the copy cannot fill keeps its foot white,
column by column, never a hole between stories."""

from __future__ import annotations

import numpy as np

from layout.autolayout import load_template
from layout.autolayout.footwhite import WHITE, FootRows, foot_cost, foot_unit
from layout.autolayout.realise import head_holes, realise
from layout.autolayout.search import AT_TOP, BELOW_RULE, Cut, Leaf
from layout.autolayout.shapes import MIN_BODY_ROWS, Costs, Gauge, Shape, StoryShapes, balanced_fill
from layout.model.types import Span, Story

TEXT = "东湖区桂花巷的青石板路干净整洁，墙上的老照片讲述着街巷的历史，去年以来完成了管线入地和立面整治工程。"


def test_scraps_are_columns_a_line_or_two_deep_or_a_single_line():
    assert balanced_fill([0, 0, 0], 5).scraps  # 2/2/1: the text a strip under the headline
    assert balanced_fill([0, 0, 0], 4).scraps  # 2/1/1
    assert balanced_fill([0, 0, 0], 6).scraps  # 2/2/2: a line or two deep
    assert not balanced_fill([0, 0, 0], 7).scraps  # 3/2/2: the balanced fill's last columns a line short
    assert not balanced_fill([0, 0, 0], 9).scraps  # 3/3/3


def test_a_short_story_sets_its_text_beside_the_group_not_in_scraps():
    """Six lines of text across three columns would be 2/2/2 under the group: the
    shape without scraps puts the group over some columns and the text beside it,
    each text column at least ``MIN_BODY_ROWS`` deep, as deep as the group."""
    octavo = load_template("octavo")
    story = Story(id="s", columns=Span(1, 3), rows=Span(1, 10), text_columns=3, headline=("老街巷里的新变化",),
                  headline_style="headline", paragraphs=(TEXT * 2,))
    gauge = Gauge(octavo, octavo.geometry(), octavo.fonts.fontset())
    shapes = StoryShapes(story, gauge, Costs())
    lines = gauge.body_lines(story, 3, 3)
    assert lines < 3 * MIN_BODY_ROWS  # too little for three columns of three lines
    plain = [sh for sh in shapes.shapes(3) if not sh.head_span and sh.text_columns == 3]
    assert all(sh.cost >= Costs().column_hole for sh in plain)  # scraps: the last resort only
    beside = [sh for sh in shapes.shapes(3) if sh.head_span and sh.text_columns == 3]
    assert beside
    for sh in beside:
        free = sh.text_columns - sh.head_span
        assert sh.head_rows == 0 and sh.photos is None
        assert lines <= free * sh.body_rows and -(-lines // free) >= min(MIN_BODY_ROWS, lines)


def test_the_white_unit_reaches_the_foot_and_is_priced_as_a_hole():
    tpl = load_template("octavo")
    holes = FootRows.of(tpl.geometry())
    assert 1 <= holes.maybe <= holes.sure
    costs = Costs(foot_white=True)
    unit = foot_unit(3, 30, costs, holes)
    assert np.isinf(unit.costs[AT_TOP]).all()  # never on the page's first row (beside the lead's headline)
    assert np.isfinite(unit.costs[BELOW_RULE, 1:, 1:]).all()
    # a row or two that cannot read as a hole is cheap; a hole costs more than a forced crop
    assert foot_cost(holes.maybe - 1, 3, costs, holes) < 10
    assert foot_cost(holes.sure, 3, costs, holes) > 2 * costs.foot_hole - 1
    assert costs.foot_hole > 4.0 * 250.0 and 2 * costs.foot_hole < costs.column_hole


def test_realise_leaves_the_white_out_and_draws_no_rule_towards_it():
    story = Story(id="a", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=("标题",), paragraphs=("正文。",))
    shape = Shape(1, 1, 2, 5, 0, 0, 0.0)
    white = Leaf(1, WHITE, 0, 1, 6)
    tree = Cut(True, Leaf(0, shape, 0, 1, 7), white, 1, 14)
    (placed,) = realise(tree, [story])
    assert placed.rows == Span(1, 7) and "below" not in placed.rules
    beside = Cut(False, Leaf(0, shape, 0, 1, 7), Leaf(1, WHITE, 0, 2, 7), 3, 7)
    (placed,) = realise(beside, [story])
    assert placed.columns == Span(1, 1) and "right" not in placed.rules
    assert head_holes(tree, [story]) == set()
