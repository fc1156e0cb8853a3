"""Reprint as an edition: an archive too long for one page is laid out by
``layout.autolayout`` onto pages that each carry the 报眉 and, where a story runs
on, room for its jump lines and 接题 (``autolayout.content``).  Once the pages are
laid out the page numbers are known, and this writes the furniture (spec
page-layout.md, "Editions and 转版"):

- （下转第N版） in the jump style, right-aligned on the first part's last line;
- （上接第M版） under the continuation's 接题, both artifacts;
- the 报眉 repeated on every page after the first as artifacts (page one's is the
  archive's own text, so it stays copy).
"""

from __future__ import annotations

from dataclasses import replace

from layout.autolayout.content import JUMP_DOWN, JUMP_UP
from layout.autolayout.layout import AutoLayout
from layout.edition.header import HEADER_ARTIFACT
from layout.edition.jumps import JUMP_ARTIFACT, JUMP_STYLE, jump_line, jump_styles, jump_text
from layout.fonts import FontSet
from layout.model.types import PageLayout
from layout.place.items import Item, PlacedPage, TextItem


def furnish(auto: AutoLayout, fonts: FontSet) -> tuple[PlacedPage, ...]:
    """``auto``'s placed pages with the jump lines written and the furniture
    marked as artifacts (see module doc)."""
    where = {s.id: n for n, page in enumerate(auto.pages) for s in page}
    first = auto.layouts[0].header
    base = first.page if first is not None and first.page is not None else 1
    number = {s: base + n for s, n in where.items()}
    neighbours: dict[str, tuple[str | None, str | None]] = {}
    for c in auto.continued:
        for i, part in enumerate(c.parts):
            neighbours[part] = (c.parts[i - 1] if i else None, c.parts[i + 1] if i + 1 < len(c.parts) else None)
    out = []
    for n, (layout, placed) in enumerate(zip(auto.layouts, auto.placed, strict=True)):
        items = [_furnished(it, n, layout, fonts, neighbours, number) for it in placed.items]
        out.append(replace(placed, items=tuple(items)))
    return tuple(out)


def _furnished(it: Item, page: int, layout: PageLayout, fonts: FontSet,
               neighbours: dict[str, tuple[str | None, str | None]], number: dict[str, int]) -> Item:
    if not isinstance(it, TextItem):
        return it
    if it.kind == "header":
        return replace(it, artifact=HEADER_ARTIFACT) if page > 0 else it
    if it.story not in neighbours:
        return it
    before, after = neighbours[it.story]
    if it.kind == "credit" and after is not None and it.line.text == JUMP_DOWN:
        return _jump(it, jump_text(number[after], True), layout, fonts)
    if it.kind == "byline" and before is not None and it.line.text == JUMP_UP:
        return _jump(it, jump_text(number[before], False), layout, fonts)
    if it.kind == "headline" and before is not None:
        return replace(it, artifact=JUMP_ARTIFACT)  # the 接题 repeats the headline
    return it


def _jump(it: TextItem, text: str, layout: PageLayout, fonts: FontSet) -> TextItem:
    """The placeholder line ``it`` replaced by the jump line, in the jump style,
    right-aligned in the same measure, on the same grid row."""
    style = jump_styles(layout)[JUMP_STYLE]
    geo = layout.geometry()
    line = jump_line(text, style, it.line.measure, fonts)
    row = geo.row_at(it.baseline)
    return replace(it, line=line, baseline=geo.baseline(row, style.size), kind="jump", color=style.color,
                   artifact=JUMP_ARTIFACT)
