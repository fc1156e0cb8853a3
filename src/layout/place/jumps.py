"""Setting jump lines (``layout.model.jumps``): one line, right-aligned in the jump
style, never split, on the baseline grid, an artifact -- the same line whether the
placer sets it from ``Story.jump_to`` / ``jump_from`` or an edition closes a part
cut at the end of its area (``layout.edition.jumps``).  ``resolve`` writes the page
numbers into lines set before they were known (a reprint's automatic layout)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.jumps import JUMP_ARTIFACT, JumpKind, jump_style, jump_text
from layout.model.types import TextStyle
from layout.place.blocks import compose_text
from layout.place.items import Item, TextItem


def jump_line(text: str, style: TextStyle, width: float, fonts: FontSet) -> Line:
    """A jump line right-aligned in ``width``, never split: set smaller when the
    measure is too narrow for it (a 6-character column and a three-digit page)."""
    lines = compose_text(text, style, width, fonts, align="right")
    if len(lines) > 1:
        natural = compose_text(text, style, width * 4, fonts, align="left")[0].right
        lines = compose_text(text, replace(style, size=style.size * width / natural * 0.98), width, fonts,
                             align="right")
    return lines[0]


def kind_line(kind: JumpKind, page: int, styles: Mapping[str, TextStyle], width: float, fonts: FontSet) -> Line:
    """The line of a jump of ``kind`` to or from ``page`` in ``width``."""
    return jump_line(jump_text(page, kind is JumpKind.DOWN), jump_style(styles), width, fonts)


def jump_item(kind: JumpKind, page: int, x: float, row: int, width: float, story: str | None,
              styles: Mapping[str, TextStyle], geo: Geometry, fonts: FontSet) -> TextItem:
    """A jump line as a placed item: on grid row ``row``, right-aligned in the
    measure ``x .. x + width``, an artifact."""
    style = jump_style(styles)
    line = kind_line(kind, page, styles, width, fonts)
    return TextItem(line, x, geo.baseline(row, style.size), kind, story, style.color, artifact=JUMP_ARTIFACT)


def is_jump(item: Item) -> bool:
    return isinstance(item, TextItem) and item.kind in (JumpKind.DOWN, JumpKind.UP)


def resolve(items: tuple[Item, ...] | list[Item], pages: Mapping[tuple[str, JumpKind], int],
            styles: Mapping[str, TextStyle], fonts: FontSet) -> list[Item]:
    """``items`` with every jump line of a story in ``pages`` (keyed by story id and
    kind) set again with its page number, in the same measure and place."""
    out: list[Item] = []
    for it in items:
        if is_jump(it):
            assert isinstance(it, TextItem)
            page = pages.get((it.story or "", JumpKind(it.kind)))
            if page is not None:
                it = replace(it, line=kind_line(JumpKind(it.kind), page, styles, it.line.measure, fonts))
        out.append(it)
    return out
