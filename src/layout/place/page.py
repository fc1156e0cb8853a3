"""Placing a whole page: the header (报眉), then every story in reading order.

Pure: a validated ``PageLayout`` and a ``FontSet`` in, a ``PlacedPage`` out; no PDF
and no file I/O here, so pages can be placed in parallel processes.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from layout.fonts import FontSet
from layout.model.geometry import CJK_ASCENT, Geometry
from layout.model.types import Header, PageLayout, TextStyle
from layout.place.blocks import compose_text
from layout.place.items import Item, PlacedPage, Problem, ProblemKind, RuleItem, StoryResult, TextItem
from layout.place.rules import join_rules
from layout.place.story import place_story


def place_page(layout: PageLayout, fonts: FontSet | None = None, *, header: bool = True) -> PlacedPage:
    """Place ``layout``'s header and stories on its grid.  ``header=False``: the
    band is kept but left empty (an edition sets its 报眉, ``layout.edition``)."""
    fonts = fonts or layout.fonts.fontset()
    geo = layout.geometry()
    items: list[Item] = []
    problems: list[Problem] = []
    if layout.header is not None and header:
        items.extend(header_items(layout.header, layout, geo, fonts))
    results: list[StoryResult] = []
    for story in layout.stories:
        if story.fit:
            from layout.place.fit import fit_story

            s_items, result, s_problems = fit_story(story, layout, geo, fonts)
        else:
            s_items, result, s_problems = place_story(story, layout, geo, fonts)
        items.extend(s_items)
        results.append(result)
        problems.extend(s_problems)
    items = join_rules(items, geo)
    if layout.items:
        from layout.place.elements import place_items

        page_items, item_problems = place_items(layout, geo, fonts)
        items.extend(page_items)
        problems.extend(item_problems)
    problems.extend(_missing_glyphs(items, fonts))
    title = layout.header.title if layout.header else ""
    return PlacedPage(geo, tuple(items), tuple(results), tuple(problems), title, layout.source)


def _style(layout: PageLayout, name: str, fallback: str) -> TextStyle:
    return layout.styles.get(name) or layout.styles.get(fallback) or layout.styles["body"]


def header_items(header: Header, layout: PageLayout, geo: Geometry, fonts: FontSet, *, mirror: bool = False
                 ) -> list[Item]:
    """Section title left, paper/date/page/editor right, a rule below the band;
    ``mirror`` (an even page of an edition): the sides swapped, the text as written."""
    band = geo.header
    assert band is not None
    items: list[Item] = []
    title_style = _style(layout, "header-title", "headline")
    info_style = _style(layout, "header-info", "body")
    base = band.y0 + (band.height - title_style.size) / 2 + (1 - CJK_ASCENT) * title_style.size
    for line in compose_text(header.title, title_style, band.width, fonts, align="right" if mirror else "left")[:1]:
        items.append(TextItem(line, band.x0, base, "header", None, title_style.color))
    info = [t for t in (header.paper, header.date_text(), header.page_text(), header.editor) if t]
    if info:
        text = "\u3000".join(info)
        line = compose_text(text, info_style, band.width, fonts, align="left" if mirror else "right")[0]
        ib = band.y0 + (band.height - info_style.size) / 2 + (1 - CJK_ASCENT) * info_style.size
        items.append(TextItem(line, band.x0, ib, "header", None, info_style.color))
    if header.rule > 0:
        y = band.y0 + header.rule / 2
        items.append(RuleItem(band.x0, y, band.x1, y, header.rule))
    return items


def _missing_glyphs(items: list[Item], fonts: FontSet) -> list[Problem]:
    """Characters no face covers: reported with code point and story, never dropped
    silently (the renderer leaves them out rather than draw a .notdef box)."""
    if _all_covered(items, fonts):
        return []
    used: dict[tuple[str, str], str | None] = {}
    for it in items:
        if isinstance(it, TextItem):  # the line's columns: no Glyph tuples built
            story = it.story
            for key in zip(it.line.faces, it.line.chars, strict=True):
                if key not in used:
                    used[key] = story
    out: list[Problem] = []
    seen: set[str] = set()
    for (face, ch), story in used.items():
        if ch in seen or ch.isspace() or fonts.resolve(ord(ch), face) is not None:
            continue
        seen.add(ch)
        out.append(Problem(ProblemKind.MISSING_GLYPH, story, f"{story or 'header'}: no font has {ch!r} (U+{ord(ch):04X})"))
    return out


# FontSet -> role -> characters known to need no report in that role (a space, or
# a face along the role's chain has it).  Fonts are immutable, so this only grows.
_COVERED: WeakKeyDictionary[FontSet, dict[str, set[str]]] = WeakKeyDictionary()


def _all_covered(items: list[Item], fonts: FontSet) -> bool:
    """True when ``_missing_glyphs`` has nothing to report -- the usual case --
    found by set operations on whole lines (in C) and a per-FontSet memo, instead
    of a Python step per glyph: that scan was a seventh of placing a page."""
    pending: dict[str, set[str]] = {}
    for it in items:
        if isinstance(it, TextItem):
            faces, chars = it.line.faces, it.line.chars
            if faces and faces.count(faces[0]) == len(faces):  # one face: the usual line
                pending.setdefault(faces[0], set()).update(chars)
            else:
                for face, ch in zip(faces, chars, strict=True):
                    pending.setdefault(face, set()).add(ch)
    known = _COVERED.setdefault(fonts, {})
    for face, chars in pending.items():
        ok = known.setdefault(face, set())
        for ch in chars - ok:
            if not (ch.isspace() or fonts.resolve(ord(ch), face) is not None):
                return False
            ok.add(ch)
    return True
