"""How much room a story needs at a given width: the copyfit numbers.

Why here: a layout editor (or the automatic layout of archived pages) asks "how
deep is this story at 3 columns?".  The answer must be exactly what ``place_story``
will do, so it is computed by the same code that places the story: the headline
group is set for real and the body composed at the real column measure.
"""

from __future__ import annotations

import math
from dataclasses import replace

from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.types import PageLayout, Span, Story
from layout.place.story import StoryPlacement, body_line_count, head_air, place_head
from layout.records import record


@record
class StoryMeasure:
    """A story set ``columns`` grid columns wide in ``text_columns`` text columns.

    ``head_rows``: grid rows of the label, kicker, headline, subtitle, byline line and
    leads (with the blank line after leads).  ``body_lines``: lines of body text and
    credit at the text column measure.  ``rule_rows``: rows reserved for rules."""

    columns: int
    text_columns: int
    head_rows: int
    body_lines: int
    text_width: float
    rule_rows: int = 0
    max_air: int = 0  # slack rows the headline band absorbs (place_story): heights rows()..rows()+max_air fit

    def body_rows(self, blocked_cells: int = 0) -> int:
        """Rows the body needs when ``blocked_cells`` (text column x row cells) are
        taken by pictures: the columns end level, the last one up to k-1 lines short."""
        k = self.text_columns
        return math.ceil((self.body_lines + blocked_cells) / k)

    def rows(self, blocked_cells: int = 0) -> int:
        return self.head_rows + self.body_rows(blocked_cells) + self.rule_rows

    def shortfall(self, body_rows: int, blocked_cells: int = 0) -> int:
        """Empty lines left at the bottom of the text columns for a body ``body_rows``
        deep: 0 is a perfect fit; more than 2 in one column leaves a hole."""
        return self.text_columns * body_rows - blocked_cells - self.body_lines


def measure_story(story: Story, layout: PageLayout, geo: Geometry, fonts: FontSet, *, columns: int | None = None,
                  text_columns: int | None = None) -> StoryMeasure:
    """The room ``story`` needs at ``columns`` grid columns (default: its own) set in
    ``text_columns`` text columns (default: one per grid column)."""
    cols = columns or story.columns.count
    k = text_columns or cols
    probe = replace(story, columns=Span(1, cols), text_columns=k, photos=())
    sp = StoryPlacement(probe, geo, layout.styles, fonts, geo.text_columns(probe.columns, k))
    head = place_head(sp, 1) - 1
    x0, x1 = sp.columns[0]
    lines = body_line_count(sp, x1 - x0) if (story.paragraphs or story.credit or story.jump_to is not None) else 0
    rules = sum(1 for side in ("above", "below") if side in story.rules)
    return StoryMeasure(cols, k, head, lines, x1 - x0, rules, head_air(sp))
