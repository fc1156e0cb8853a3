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
        self.count += 1
        labels = _Labels(c, self.fonts)
        c.saveState()
        _grid(c, placed)
        _frames(c, placed, labels)
        _placeholders(c, placed, labels)
        _missing(c, placed, self.fonts)
        c.restoreState()
        self._slug(c, placed, boxes, labels)

    def _slug(self, c, placed: PlacedPage, boxes: PageBoxes, labels: _Labels) -> None:
        """File, page and story names under the page, outside the trim and bleed."""
        name = Path(placed.source or self.source).name or "page"
        stories = " ".join(s.id for s in placed.stories)
        over = sum(s.lines_over for s in placed.stories)
        text = f"{name}  page {self.count}  stories: {stories}" + (f"  OVERFLOW {over} lines" if over else "")
        c.saveState()
        y = -(boxes.bleed + (boxes.slug - LABEL_SIZE) / 2)
        labels.draw(text, 0, y, LABEL_SIZE + 1, NOTE)
        c.restoreState()


class _Labels:
    """Proof labels in the sans face (hei), drawn through the page's own text path."""

    def __init__(self, c, fonts: FontSet):
        self.c, self.fonts = c, fonts

    def width(self, text: str, size: float) -> float:
        from layout.render.text import label_glyphs

        return label_glyphs(text, self.fonts, "hei", size)[1]

    def draw(self, text: str, x: float, y: float, size: float, color) -> None:
        from layout.render.text import draw_text

        draw_text(self.c, text, x, y, self.fonts, "hei", size, color)


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


def _frames(c, placed: PlacedPage, labels: _Labels) -> None:
    for s in placed.stories:
        f = s.frame
        c.setStrokeColorCMYK(*(ALERT if s.lines_over else FRAME))
        c.setLineWidth(0.6)
        c.rect(f.x0, f.y0, f.width, f.height, stroke=1, fill=0)
        labels.draw(s.id, f.x0 + 1, f.y1 - LABEL_SIZE, LABEL_SIZE, FRAME)
        if s.lines_over:
            _overflow_marker(c, f, s.lines_over, s.chars_over, labels)


def _overflow_marker(c, frame: Rect, lines: int, chars: int, labels: _Labels) -> None:
    """A red tag at the story's bottom-right: how much text did not fit."""
    text = f"OVERFLOW +{lines} lines / {chars} chars 超出{lines}行{chars}字"
    w = labels.width(text, LABEL_SIZE + 1) + 4
    h = LABEL_SIZE + 4
    c.setFillColorCMYK(*ALERT)
    c.rect(frame.x1 - w, frame.y0, w, h, stroke=0, fill=1)
    labels.draw(text, frame.x1 - w + 2, frame.y0 + 2.5, LABEL_SIZE + 1, (0, 0, 0, 0))


def _placeholders(c, placed: PlacedPage, labels: _Labels) -> None:
    for it in placed.items:
        if isinstance(it, ImageItem) and it.placeholder:
            r = it.rect
            labels.draw("PLACEHOLDER 占位图", r.x0 + 3, r.y0 + 3, LABEL_SIZE + 2, ALERT)


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
