"""Jump lines (转版): the one element kind for （下转第N版） and （上接第M版）, whoever
writes them -- an edition's jumps (``layout.edition``) or the automatic layout of a
long reprint (``layout.autolayout.content``) -- spec page-layout.md, "Editions and
转版".

A story carries them as ``Story.jump_to`` (the page it continues on: the jump line
closes its body, right-aligned in the last column) and ``Story.jump_from`` (the
page it came from: the line opens the part right-aligned on the last row of the
接题, or on its own grid row under it when the 接题 leaves no room).
``0`` is a page not known yet: the automatic layout keeps the line's room while it
paginates and the numbers are written once the edition is laid out
(``layout.place.jumps.resolve``).  The placer sets them in the jump style as items
of kind ``JumpKind.DOWN`` / ``JumpKind.UP``, drawn as /Artifact /Pagination
(ISO 32000-1 §14.8.2.2): furniture, never copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from layout.model.types import TextStyle

JUMP_STYLE = "jump"  # （下转第N版） / （上接第M版）
JUMP_HEAD_STYLE = "jump-head"  # 接题
JUMP_SIZE = 7.5  # 六号 (typography: jump lines are set small, 小五/六号 黑体)
JUMP_ARTIFACT = ""  # /Artifact <</Type /Pagination>>: no subtype (not a header or footer)
UNKNOWN = 0  # a page number written once the edition is laid out


class JumpKind(StrEnum):
    """The kind of a placed jump line (``TextItem.kind``).  A ``StrEnum``: it is the
    item's kind text too."""

    DOWN = "jump-down"  # （下转第N版）: closes a part that continues on page N
    UP = "jump-up"  # （上接第M版）: opens a part carried from page M


def jump_text(page: int, down: bool) -> str:
    return f"（{'下转' if down else '上接'}第{page}版）"


def jump_styles(styles: Mapping[str, TextStyle]) -> dict[str, TextStyle]:
    """``styles`` plus the jump styles, defaulted from the house when a layout does
    not define them: jump lines small hei, right-aligned; the 接题 in the third
    headline rank (a smaller headline style)."""
    out = dict(styles)
    body = out["body"]
    if JUMP_STYLE not in out:
        out[JUMP_STYLE] = replace(body, name=JUMP_STYLE, face="hei", size=min(JUMP_SIZE, body.size),
                                  align="right", indent=0.0)
    if JUMP_HEAD_STYLE not in out:
        base = out.get("headline-3") or out.get("headline-2") or out.get("headline") or body
        out[JUMP_HEAD_STYLE] = replace(base, name=JUMP_HEAD_STYLE)
    return out


def jump_style(styles: Mapping[str, TextStyle]) -> TextStyle:
    """The style jump lines are set in (the layout's ``jump`` style or the default)."""
    return styles[JUMP_STYLE] if JUMP_STYLE in styles else jump_styles(styles)[JUMP_STYLE]
