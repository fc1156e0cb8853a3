"""Reprint as an edition: an archive too long for one page is laid out by
``layout.autolayout`` onto pages that each carry the 报眉 and, where a story runs
on, its jump lines (``Story.jump_to`` / ``jump_from``, page numbers not known yet)
and 接题 (``autolayout.content``).  Once the pages are laid out the page numbers
are known, and this writes the furniture (spec page-layout.md, "Editions and 转版"):

- the page numbers into （下转第N版） and （上接第M版） (``place.jumps.resolve``);
- the 接题 over a continuation marked as an artifact (the jump lines are by kind);
- the 报眉 repeated on every page after the first, numbered on (第06版, 第07版 …:
  ``model.pagenumber.numbered``), as artifacts: page one's is the archive's own text, copy.
"""

from __future__ import annotations

from dataclasses import replace

from layout.autolayout.layout import AutoLayout
from layout.edition.header import own_header
from layout.fonts import FontSet
from layout.model.jumps import JUMP_ARTIFACT, JumpKind, jump_styles
from layout.model.types import PageLayout
from layout.place.items import Item, PlacedPage, TextItem
from layout.place.jumps import resolve


def first_number(auto: AutoLayout) -> int:
    """The 版 number of the reprint's first page: the archive's (第06版), else 1."""
    from layout.model.pagenumber import header_number

    header = auto.layouts[0].header
    return (header_number(header) if header is not None else None) or 1


def furnish(auto: AutoLayout, fonts: FontSet) -> tuple[PlacedPage, ...]:
    """``auto``'s placed pages with the jump lines' page numbers written and the
    furniture marked as artifacts (see module doc)."""
    base = first_number(auto)
    number = {s.id: base + n for n, page in enumerate(auto.pages) for s in page}
    pages: dict[tuple[str, JumpKind], int] = {}
    heads: set[str] = set()
    for c in auto.continued:
        for before, after in zip(c.parts, c.parts[1:], strict=False):
            pages[(before, JumpKind.DOWN)] = number[after]
            pages[(after, JumpKind.UP)] = number[before]
            heads.add(after)
    out = []
    for n, (layout, placed) in enumerate(zip(auto.layouts, auto.placed, strict=True)):
        items = resolve(placed.items, pages, jump_styles(layout.styles), fonts)
        items = [_marked(it, heads) for it in items]
        if n > 0 and layout.header is not None:
            items = _header(items, layout, base + n, fonts)
        out.append(replace(placed, items=tuple(items)))
    return tuple(out)


def _marked(it: Item, heads: set[str]) -> Item:
    if isinstance(it, TextItem) and it.kind == "headline" and it.story in heads:
        return replace(it, artifact=JUMP_ARTIFACT)  # the 接题 repeats the headline
    return it


def _header(items: list[Item], layout: PageLayout, number: int, fonts: FontSet) -> list[Item]:
    """A later page's 报眉: the first page's, numbered ``number``, all artifacts --
    as an edition with ``header: page`` sets it (``edition.header.own_header``)."""
    own = [it for it in items if not (isinstance(it, TextItem) and it.kind == "header")]
    drawn = own_header(layout, number, layout.geometry(), fonts, copy=False)
    return [*(it for it in drawn if isinstance(it, TextItem)), *own]
