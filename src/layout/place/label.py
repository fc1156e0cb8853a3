"""A department label (区妇联) set upright -- one character under the other, in its
frame -- in the blank left of a headline too wide to have the label beside it on
one line (issue 15: "a lone small label in the corner of the 头条").

Why: a one-line label on its own row above a full-width headline sits alone in the
corner and costs the story a grid row; the same three characters stacked fit the
headline band's height and the narrow blank the centred headline leaves, and read
as the story's tag, as 竖排 labels do on Chinese pages.
"""

from __future__ import annotations

from layout.compose.model import Line
from layout.model.geometry import CJK_ASCENT, Rect
from layout.model.types import TextStyle
from layout.place.items import BoxItem, Item, TextItem

MAX_UPRIGHT = 5  # characters a stacked label may have (a longer one reads as a phrase)
PAD = 0.25  # em of the label size inside the frame


def upright_fits(text: str, style: TextStyle, blank: float, band: float, em: float) -> bool:
    """Does ``text`` stacked (frame included) fit a blank ``blank`` pt wide, with one
    body ``em`` to spare, and the headline band ``band`` pt tall?"""
    if not text or len(text) > MAX_UPRIGHT or any(ch.isspace() for ch in text):
        return False
    width = style.size * (1 + 2 * PAD)
    height = style.size * (len(text) + 2 * PAD)
    return width + em <= blank + 1e-6 and height <= band + 1e-6


def upright_label(text: str, style: TextStyle, faces: list[str], x: float, band_top: float, band: float,
                  story: str) -> list[Item]:
    """The frame and the stacked characters, centred in the band at ``x``."""
    size, pad = style.size, PAD * style.size
    height = size * len(text) + 2 * pad
    top = band_top - (band - height) / 2
    items: list[Item] = []
    reversed_ = style.frame == "reversed"
    if style.frame in ("box", "reversed"):
        items.append(BoxItem(Rect(x, top - height, x + size + 2 * pad, top), 0.0 if reversed_ else 0.6,
                             style.color if reversed_ else None, style.color, story))
    color = (0.0, 0.0, 0.0, 0.0) if reversed_ else style.color
    for i, (ch, face) in enumerate(zip(text, faces, strict=True)):
        line = Line(ch, (face,), (size,), (0.0,), (size,), (0.0,), measure=size, start=i, end=i + 1, final=True,
                    size=size)
        items.append(TextItem(line, x + pad, top - pad - i * size - CJK_ASCENT * size, "label", story, color))
    return items
