"""The proof view: what an editor must see before a page goes to the plant.

Drawn over the finished page (issue 5, "Proofs"): the grid (columns and baseline
lines, light), every story's frame and id, overflow marked on the story with the
amount over, characters no font covers, placeholder photos, and a slug line outside
the page naming the file, the page and its stories -- no clock time, so a proof of
the same input is the same file.  Proof colours are CMYK like the page itself.
"""

from __future__ import annotations

from pathlib import Path

from layout.fonts import FontSet
from layout.model.geometry import Rect
from layout.place.items import ImageItem, PlacedPage, TextItem
from layout.render.marks import PageBoxes

GRID = (0.45, 0.0, 0.0, 0.0)  # light cyan: never mistaken for ink of the page
FRAME = (0.0, 0.8, 0.0, 0.0)  # magenta story frames and ids
ALERT = (0.0, 0.9, 0.9, 0.0)  # red: overflow, missing glyphs
NOTE = (0.0, 0.0, 0.0, 0.6)
LABEL_SIZE = 6.0  # pt, proof annotations
SLUG = 12 * 72 / 25.4  # room outside the trim for the slug line


class ProofOverlay:
    """Draws the proof marks of each page (an ``Overlay`` for ``render_pages``)."""

    def __init__(self, fonts: FontSet, source: str = ""):
        self.fonts = fonts
        self.source = source
        self.count = 0  # pages drawn so far: the slug line's page number

    def __call__(self, c, placed: PlacedPage, boxes: PageBoxes) -> None:
        from layout.render.pdffonts import register_face

        self.count += 1
        font = register_face(self.fonts.face("hei"))
        c.saveState()
        _grid(c, placed)
        _frames(c, placed, font)
        _placeholders(c, placed, font)
        _missing(c, placed, self.fonts)
        c.restoreState()
        self._slug(c, placed, boxes, font)

    def _slug(self, c, placed: PlacedPage, boxes: PageBoxes, font: str) -> None:
        """File, page and story names under the page, outside the trim and bleed."""
        name = Path(placed.source or self.source).name or "page"
        stories = " ".join(s.id for s in placed.stories)
        over = sum(s.lines_over for s in placed.stories)
        text = f"{name}  page {self.count}  stories: {stories}" + (f"  OVERFLOW {over} lines" if over else "")
        c.saveState()
        c.setFillColorCMYK(*NOTE)
        c.setFont(font, LABEL_SIZE + 1)
        y = -(boxes.bleed + (boxes.slug - LABEL_SIZE) / 2)
        c.drawString(0, y, text)
        c.restoreState()


def _grid(c, placed: PlacedPage) -> None:
    geo = placed.geometry
    c.setStrokeColorCMYK(*GRID)
    c.setLineWidth(0.15)
    top, bottom = geo.grid_top, geo.grid_bottom
    for i in range(1, geo.columns + 1):
        c.rect(geo.col_x(i), bottom, geo.column_width, top - bottom, stroke=1, fill=0)
    x0, x1 = geo.type_area.x0, geo.type_area.x1
    for r in range(1, geo.rows + 1):
        y = geo.baseline(r)
        c.line(x0, y, x1, y)


def _frames(c, placed: PlacedPage, font: str) -> None:
    for s in placed.stories:
        f = s.frame
        c.setStrokeColorCMYK(*(ALERT if s.lines_over else FRAME))
        c.setLineWidth(0.6)
        c.rect(f.x0, f.y0, f.width, f.height, stroke=1, fill=0)
        c.setFillColorCMYK(*FRAME)
        c.setFont(font, LABEL_SIZE)
        c.drawString(f.x0 + 1, f.y1 - LABEL_SIZE, s.id)
        if s.lines_over:
            _overflow_marker(c, f, s.lines_over, s.chars_over, font)


def _overflow_marker(c, frame: Rect, lines: int, chars: int, font: str) -> None:
    """A red tag at the story's bottom-right: how much text did not fit."""
    text = f"OVERFLOW +{lines} lines / {chars} chars 超出{lines}行{chars}字"
    w = c.stringWidth(text, font, LABEL_SIZE + 1) + 4
    h = LABEL_SIZE + 4
    c.setFillColorCMYK(*ALERT)
    c.rect(frame.x1 - w, frame.y0, w, h, stroke=0, fill=1)
    c.setFillColorCMYK(0, 0, 0, 0)
    c.setFont(font, LABEL_SIZE + 1)
    c.drawString(frame.x1 - w + 2, frame.y0 + 2.5, text)


def _placeholders(c, placed: PlacedPage, font: str) -> None:
    for it in placed.items:
        if isinstance(it, ImageItem) and it.placeholder:
            r = it.rect
            c.setFillColorCMYK(*ALERT)
            c.setFont(font, LABEL_SIZE + 2)
            c.drawString(r.x0 + 3, r.y0 + 3, "PLACEHOLDER 占位图")


def _missing(c, placed: PlacedPage, fonts: FontSet) -> None:
    """A red box around every glyph no face covers."""
    c.setStrokeColorCMYK(*ALERT)
    c.setLineWidth(0.8)
    for it in placed.items:
        if not isinstance(it, TextItem):
            continue
        for g in it.line.glyphs:
            if not g.ch.isspace() and fonts.resolve(ord(g.ch), g.face) is None:
                c.rect(it.x + g.x, it.baseline - 0.12 * g.size, g.size, g.size, stroke=1, fill=0)
