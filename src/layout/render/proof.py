"""The proof view: what an editor must see before a page goes to the plant.

Drawn over the finished page (issue 5, "Proofs"): the grid (columns and baseline
lines, light), every story's frame and id, overflow marked on the story with the
amount over, characters no font covers, placeholder photos, and a slug line outside
the page naming the file, the page and its stories -- no clock time, so a proof of
the same input is the same file.  Proof colours are CMYK like the page itself.
The overlay is display records (render.display), painted by the backend over the page.
"""

from __future__ import annotations

from pathlib import Path

from layout.fonts import FontSet
from layout.model.geometry import Rect
from layout.place.items import ImageItem, PlacedPage, TextItem
from layout.render.display import Box, Item, Rule, TextRun
from layout.render.drawing import label, label_glyphs
from layout.render.marks import PageBoxes

GRID = (0.45, 0.0, 0.0, 0.0)  # light cyan: never mistaken for ink of the page
FRAME = (0.0, 0.8, 0.0, 0.0)  # magenta story frames and ids
ALERT = (0.0, 0.9, 0.9, 0.0)  # red: overflow, missing glyphs
NOTE = (0.0, 0.0, 0.0, 0.6)
LABEL_SIZE = 6.0  # pt, proof annotations
SLUG = 12 * 72 / 25.4  # room outside the trim for the slug line
GRID_WIDTH = 0.15  # pt: column frames and baseline lines
FRAME_WIDTH = 0.6  # pt: story frames
MISSING_WIDTH = 0.8  # pt: boxes around characters no face has


class ProofOverlay:
    """Makes the proof overlay of each page (an ``Overlay`` for
    ``render.drawing.display_pages``): the records painted over the page."""

    def __init__(self, source: str = ""):
        self.source = source

    def __call__(self, placed: PlacedPage, fonts: FontSet, boxes: PageBoxes, number: int) -> tuple[Item, ...]:
        out: list[Item] = []
        _grid(out, placed)
        _frames(out, placed, fonts)
        _item_frames(out, placed, fonts)
        _placeholders(out, placed, fonts)
        _missing(out, placed, fonts)
        out.append(self._slug(placed, fonts, boxes, number))
        return tuple(out)

    def _slug(self, placed: PlacedPage, fonts: FontSet, boxes: PageBoxes, number: int) -> TextRun:
        """File, page and story names under the page, outside the trim and bleed."""
        name = Path(placed.source or self.source).name or "page"
        stories = " ".join(s.id for s in placed.stories)
        over = sum(s.lines_over for s in placed.stories)
        text = f"{name}  page {number}  stories: {stories}" + (f"  OVERFLOW {over} lines" if over else "")
        y = -(boxes.bleed + (boxes.slug - LABEL_SIZE) / 2)
        return label(text, 0, y, fonts, "hei", LABEL_SIZE + 1, NOTE)


def _grid(out: list[Item], placed: PlacedPage) -> None:
    geo = placed.geometry
    top, bottom = geo.grid_top, geo.grid_bottom
    for i in range(1, geo.columns + 1):
        out.append(Box(Rect(geo.col_x(i), bottom, geo.col_x(i) + geo.column_width, top), GRID_WIDTH, None, GRID))
    x0, x1 = geo.type_area.x0, geo.type_area.x1
    for r in range(1, geo.rows + 1):
        y = geo.baseline(r)
        out.append(Rule(x0, y, x1, y, GRID_WIDTH, GRID))


def _frames(out: list[Item], placed: PlacedPage, fonts: FontSet) -> None:
    for s in placed.stories:
        f = s.frame
        out.append(Box(f, FRAME_WIDTH, None, ALERT if s.lines_over else FRAME))
        out.append(label(s.id, f.x0 + 1, f.y1 - LABEL_SIZE, fonts, "hei", LABEL_SIZE, FRAME))
        if s.lines_over:
            _overflow_marker(out, f, s.lines_over, s.chars_over, fonts)


def _item_frames(out: list[Item], placed: PlacedPage, fonts: FontSet) -> None:
    """Page items outside stories (a PDF ad, a picture) framed and named."""
    from layout.place.items import FormItem

    for it in placed.items:
        if isinstance(it, FormItem) or (isinstance(it, ImageItem) and it.story is None and not it.placeholder):
            r = it.rect
            out.append(Box(r, FRAME_WIDTH, None, FRAME))
            name = "AD 广告" if isinstance(it, FormItem) else "IMAGE 图"
            out.append(label(name, r.x0 + 1, r.y1 - LABEL_SIZE, fonts, "hei", LABEL_SIZE, FRAME))


def _overflow_marker(out: list[Item], frame: Rect, lines: int, chars: int, fonts: FontSet) -> None:
    """A red tag at the story's bottom-right: how much text did not fit."""
    text = f"OVERFLOW +{lines} lines / {chars} chars 超出{lines}行{chars}字"
    w = label_glyphs(text, fonts, "hei", LABEL_SIZE + 1)[1] + 4
    h = LABEL_SIZE + 4
    out.append(Box(Rect(frame.x1 - w, frame.y0, frame.x1, frame.y0 + h), 0, ALERT))
    out.append(label(text, frame.x1 - w + 2, frame.y0 + 2.5, fonts, "hei", LABEL_SIZE + 1, (0, 0, 0, 0)))


def _placeholders(out: list[Item], placed: PlacedPage, fonts: FontSet) -> None:
    for it in placed.items:
        if isinstance(it, ImageItem) and it.placeholder:
            r = it.rect
            out.append(label("PLACEHOLDER 占位图", r.x0 + 3, r.y0 + 3, fonts, "hei", LABEL_SIZE + 2, ALERT))


def _missing(out: list[Item], placed: PlacedPage, fonts: FontSet) -> None:
    """A red box around every glyph no face covers."""
    for it in placed.items:
        if not isinstance(it, TextItem):
            continue
        for g in it.line.glyphs:
            if not g.ch.isspace() and fonts.resolve(ord(g.ch), g.face) is None:
                x, y = it.x + g.x, it.baseline - 0.12 * g.size
                out.append(Box(Rect(x, y, x + g.size, y + g.size), MISSING_WIDTH, None, ALERT))
