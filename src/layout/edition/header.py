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

from dataclasses import replace

from layout.edition.model import Edition, EditionPage, HeaderSource
from layout.fonts import FontSet
from layout.model.geometry import CJK_ASCENT, Geometry
from layout.model.pagenumber import numbered
from layout.model.types import PageLayout, TextStyle
from layout.place.blocks import compose_text
from layout.place.items import Item, Problem, ProblemKind, RuleItem, TextItem

HEADER_ARTIFACT = "Header"  # /Subtype of the 报眉's artifacts
GAP = "\u3000"  # between the parts of the information line


def header_items(edition: Edition, page: EditionPage, geo: Geometry, fonts: FontSet, *,
                 section_is_copy: bool, first: bool = False) -> list[Item]:
    """The 报眉 items of ``page`` (none when its layout has ``header: false``);
    ``first``: the edition's first page."""
    layout = page.layout
    band = geo.header
    if layout.header is None or band is None:
        return []
    if edition.header is HeaderSource.PAGE:
        return own_header(layout, page.number, geo, fonts, copy=first, mirror=edition.mirror)
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


def own_header(layout: PageLayout, number: int, geo: Geometry, fonts: FontSet, *, copy: bool,
               mirror: bool = True) -> list[Item]:
    """``edition: header: page``: the page's own header (a reprint's: the archive's
    page line, kept as written) numbered 第``number``版 (``numbered``; a page line
    without a number is printed as written: ``unnumbered``), on an even page
    mirrored when the house mirrors (``mirror``: the page line, which holds the
    number, on the outer edge -- the left -- and the section on the right; the text
    as written).  ``copy``: its text is the
    source's (the first page); else it is repeated furniture, an artifact."""
    from layout.place.page import header_items as page_header

    assert layout.header is not None
    items = page_header(numbered(layout.header, number), layout, geo, fonts, mirror=mirror and number % 2 == 0)
    if copy:
        return items
    return [replace(it, artifact=HEADER_ARTIFACT) if isinstance(it, TextItem) else it for it in items]


def _editor(name: str | None) -> str | None:
    if not name:
        return None
    return name if name.startswith("责任编辑") else f"责任编辑 {name}"


def _baseline(y0: float, height: float, style: TextStyle) -> float:
    """The style's em box centred in the band (as ``place.page`` sets a page's 报眉)."""
    return y0 + (height - style.size) / 2 + (1 - CJK_ASCENT) * style.size



def unnumbered(edition: Edition) -> tuple[int, Problem] | None:
    """``header: page`` in an edition of several pages whose own headers print no
    第N版 (a page line without one, a section name alone): they are printed as
    written, unnumbered, and the desk hears it once, at the first such page (its
    number, and the warning)."""
    from layout.model.pagenumber import header_number

    if edition.header is not HeaderSource.PAGE or len(edition.pages) < 2:
        return None
    pages = [p.number for p in edition.pages if p.layout.header is not None and header_number(p.layout.header) is None]
    if not pages:
        return None
    which = f"第{'、'.join(map(str, pages))}版"
    return pages[0], Problem(ProblemKind.HEADER, None, f"{which}: the 报眉 (header: page) prints no page number (第N版) to "
                   "number: printed as written, without one; give the page line its 第N版 (header: page:) or use "
                   "header: edition")
