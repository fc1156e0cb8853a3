"""An ad slot as an archive keeps it (``Story.ad``): a ruled, tinted box over the
story's area with its label (广告) centred in it.

Why: an archived page keeps an ad's place as a line ``广告`` (spec archives.md: "Ad
slots may appear as a line 广告"); the ad itself is not in the archive.  A page
reprinted from it shows the slot as a make-up page does: a box where the ad stands,
ruled and screened, with its label -- not a story with a one-line paragraph, and no
headline, byline or rules of a story inside it.  The label is the archive's text:
copy, set as such (never an artifact, guide: "Text from the source is never an
artifact"); the box is drawn within the story's rows (the rules between stories
stay outside it, as for any story).  The screen makes the slot read as filled
(a white box three lines deep would read as a hole on the page bar).
"""

from __future__ import annotations

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.model.geometry import Geometry, Rect
from layout.model.types import Story, TextStyle
from layout.place.blocks import block_baselines, compose_text
from layout.place.items import BoxItem, Item, StoryResult, TextItem

AD_RULE = 0.5  # pt, the slot's outline (a hairline, as the rules between stories)
AD_SCREEN = (0.0, 0.0, 0.0, 0.1)  # CMYK: a 10 % black screen inside the slot
# the automatic layout gives a slot this many lines at least (autolayout.shapes): an ad is a
# block on the page, not a one-line strip between two stories
AD_MIN_ROWS = 3
LABEL_STYLE = "label"  # the label is set as a department label is (黑体, centred), without its frame


def place_ad_slot(story: Story, geo: Geometry, styles: dict[str, TextStyle], fonts: FontSet,
                  columns: tuple[tuple[float, float], ...], first: int, last: int
                  ) -> tuple[list[Item], StoryResult]:
    """The slot's box over rows ``first``..``last`` across ``columns`` (the rule
    rows already left out), its label lines centred in it, and the story's result
    (no body lines: nothing to overflow or underfill)."""
    x0, x1 = columns[0][0], columns[-1][1]
    top, bottom = geo.row_top(first), geo.row_bottom(max(first, last))
    style = styles.get(LABEL_STYLE) or styles["body"]
    items: list[Item] = [BoxItem(Rect(x0, bottom, x1, top), AD_RULE, AD_SCREEN, style.color, story.id)]
    pad = style.size  # the label keeps an em off the outline at each side
    lines: list[Line] = []
    for text in story.paragraphs:
        lines.extend(compose_text(text, style, max(x1 - x0 - 2 * pad, style.size), fonts, align="center"))
    if lines:
        leading = style.leading or style.size
        height = style.size + (len(lines) - 1) * leading
        band = max(top - bottom, height)
        bases = block_baselines(len(lines), style, top, band)
        for line, base in zip(lines, bases, strict=True):
            items.append(TextItem(line, x0 + pad, base, "label", story.id, style.color))
    frame = geo.area(story.columns, story.rows)
    return items, StoryResult(id=story.id, frame=frame, body_lines=0)
