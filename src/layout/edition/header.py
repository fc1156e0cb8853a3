"""The 报眉 of an edition's pages: section (版名), paper, date with weekday, 第N版 and
责任编辑, from the edition (spec page-layout.md, "Editions and 转版").

House style: the page number sits on the outer edge -- right on odd pages, left on
even ones -- so with ``mirror`` (the default) an even page's 报眉 is the odd one's
mirror image: 第N版 and the rest of the line on the left, the section on the right.

Furniture (ISO 32000-1 §14.8.2.2): paper, date, weekday, page number and editor are
not in any page's text, so they are /Artifact /Pagination /Header.  The section name
is copy the first time the edition prints it (an archive carries it) and an
artifact on every later page that repeats it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from layout.edition.model import Edition, EditionPage
from layout.fonts import FontSet
from layout.model.geometry import CJK_ASCENT, Geometry
from layout.model.types import Header, TextStyle
from layout.place.blocks import compose_text
from layout.place.items import Item, RuleItem, TextItem

HEADER_ARTIFACT = "Header"  # /Subtype of the 报眉's artifacts
GAP = "\u3000"  # between the parts of the information line


def header_items(edition: Edition, page: EditionPage, geo: Geometry, fonts: FontSet, *,
                 section_is_copy: bool) -> list[Item]:
    """The 报眉 items of ``page`` (none when its layout has ``header: false``)."""
    layout = page.layout
    band = geo.header
    if layout.header is None or band is None:
        return []
    styles = layout.styles
    title_style = styles.get("header-title") or styles.get("headline") or styles["body"]
    info_style = styles.get("header-info") or styles["body"]
    even = edition.mirror and page.number % 2 == 0
    items: list[Item] = []
    section = page.section
    if section:
        line = compose_text(section, title_style, band.width, fonts, align="right" if even else "left")[0]
        items.append(TextItem(line, band.x0, _baseline(band.y0, band.height, title_style), "header", None,
                              title_style.color, artifact=None if section_is_copy else HEADER_ARTIFACT))
    parts = [edition.paper, edition.date_text(), _editor(page.editor), f"第{page.number}版"]
    info = [p for p in parts if p]
    if even:
        info.reverse()
    if info:
        line = compose_text(GAP.join(info), info_style, band.width, fonts, align="left" if even else "right")[0]
        items.append(TextItem(line, band.x0, _baseline(band.y0, band.height, info_style), "header", None,
                              info_style.color, artifact=HEADER_ARTIFACT))
    if layout.header.rule > 0:
        y = band.y0 + layout.header.rule / 2
        items.append(RuleItem(band.x0, y, band.x1, y, layout.header.rule))
    return items


def _editor(name: str | None) -> str | None:
    if not name:
        return None
    return name if name.startswith("责任编辑") else f"责任编辑 {name}"


def _baseline(y0: float, height: float, style: TextStyle) -> float:
    """The style's em box centred in the band (as ``place.page`` sets a page's 报眉)."""
    return y0 + (height - style.size) / 2 + (1 - CJK_ASCENT) * style.size


# 第N版 as an archive writes it in its page line (第7版, 第07版)
_PAGE_NUMBER = re.compile(r"第(\d{1,3})版")


def header_number(header: Header) -> int | None:
    """The 版 number a page's own header prints: its ``page:``, or the one 第N版
    in the page line an archive's header kept as text (``paper:``); None if none."""
    if header.page is not None:
        return header.page
    found = _PAGE_NUMBER.findall(header.paper or "")
    return int(found[0]) if len(found) == 1 else None


def numbered(header: Header, number: int) -> Header:
    """``header`` as page ``number`` prints it: its ``page:`` set, or the 第N版 in its
    page line text renumbered in the same form (第06版 -> 第07版: zero-padded to
    the width the archive used).  A header without a page number stays as it is."""
    if header.page is not None:
        return replace(header, page=number)
    if header_number(header) is None:
        return header

    def renumber(m: re.Match[str]) -> str:
        return f"第{number:0{len(m.group(1))}d}版"

    return replace(header, paper=_PAGE_NUMBER.sub(renumber, header.paper or ""))
