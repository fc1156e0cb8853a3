"""``load_edition``: an edition file into a validated ``Edition``, or a
``LayoutError`` with file, line and column (the same reader and tables as a page).

What only the whole edition can check is checked here, before anything is placed:
every page file exists and is a valid page; no two pages share a 版 number; a jump
names a story that exists, continues only on later pages of this edition (so a
chain of continuations can never come back on itself), into areas inside the
target page's grid that no story and no other continuation takes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from layout.edition.keys import EDITION
from layout.edition.model import Edition, EditionPage, HeaderSource, Jump, JumpArea
from layout.errors import LayoutError, Location
from layout.model.loader import layout_from_node
from layout.model.paths import PathPolicy, display_path
from layout.model.stories import StoryBuilder
from layout.model.table import Fields
from layout.model.types import PageLayout, Span
from layout.model.yamlsafe import MAP, load_yaml

LABEL = "edition"


def is_edition_file(path: str | os.PathLike[str]) -> bool:
    """True when the YAML file at ``path`` is an edition (its top level has
    ``edition:``), without reading it as YAML: ``layout render`` takes both."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a FIFO or device to look: it may block (layout.files reports it)
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(64 * 1024)
    except (OSError, ValueError):
        return False
    return any(line.startswith("edition:") for line in head.splitlines())


def load_edition(path: str | os.PathLike[str], allow_paths: Sequence[str | os.PathLike[str]] = ()) -> Edition:
    """Read and validate the edition at ``path`` and every page it names."""
    file = Path(path)
    root = load_yaml(file, str(path))
    if root.kind != MAP:
        raise LayoutError("an edition is a mapping with edition:, pages: and jumps:", root.where)
    f = EDITION.read(root, LABEL)
    info = f.get("edition")
    policy = PathPolicy.for_page(file, allow_paths)
    pages = _pages(f, file, policy, allow_paths)
    jumps = tuple(_jump(jf, pages) for jf in f.get("jumps", ()))
    _check_jumps(jumps, f)
    return Edition(source=str(file.resolve()), paper=info.get("paper"), date=info.get("date"), pages=pages,
                   jumps=jumps, mirror=info.get("mirror", True), header=HeaderSource(info.get("header", "edition")))


# ----------------------------------------------------------------- pages
def _pages(f: Fields, file: Path, policy: PathPolicy, allow: Sequence[str | os.PathLike[str]]) -> tuple[EditionPage, ...]:
    entries: tuple[Fields, ...] = f.get("pages")
    if not entries:
        raise LayoutError("an edition needs at least one page", f.where("pages"), "pages: [{file: page1.yaml}]")
    pages: list[EditionPage] = []
    seen: dict[int, Location] = {}
    number = 0
    for pf in entries:
        number = pf.get("number", number + 1)
        where = pf.where("number")
        if number in seen:
            raise LayoutError(f"two pages are 第{number}版 (the first at line {seen[number].line})", where,
                              "every page needs its own number; leave number: out to follow the order")
        seen[number] = where
        layout = _page_layout(pf, file, policy, allow)
        section = pf.get("section") or (layout.header.title if layout.header else "")
        pages.append(EditionPage(layout, number, section, pf.get("editor"), pf.node.where))
    return tuple(pages)


def _page_layout(pf: Fields, file: Path, policy: PathPolicy, allow: Sequence[str | os.PathLike[str]]) -> PageLayout:
    if ("file" in pf) == ("layout" in pf):
        raise LayoutError("a page gives either file: (a page layout file) or layout: (the page inline)",
                          pf.node.where, "e.g. - {file: page1.yaml, section: 要闻, editor: 王某}")
    section = pf.get("section")
    if "layout" in pf:
        return layout_from_node(pf.get("layout"), file, allow, header_title=section)
    written, node = pf.get("file"), pf.nodes["file"]
    path = policy.existing_file(written, node, "page file")
    return layout_from_node(load_yaml(path, display_path(path)), path, allow, header_title=section)


# ----------------------------------------------------------------- jumps
def _jump(jf: Fields, pages: tuple[EditionPage, ...]) -> Jump:
    sid = jf.get("story")
    start = _start_page(jf, sid, pages)
    order = [p.number for p in pages]
    areas: list[JumpArea] = []
    visited = [start.number]
    for af in jf.get("to"):
        areas.append(_area(af, sid, pages, order, visited))
        visited.append(areas[-1].page)
        if (areas[-1].story is None) != (areas[0].story is None):
            raise LayoutError(f"story {sid!r}: a jump either links stories (story:) or flows into areas "
                              "(columns:, rows:), not both", af.node.where,
                              "give every continuation of this jump the same form")
    return Jump(sid, start.number, tuple(areas), jf.node.where)


def _start_page(jf: Fields, sid: str, pages: tuple[EditionPage, ...]) -> EditionPage:
    having = [p for p in pages if any(s.id == sid for s in p.layout.stories)]
    if "from" in jf:
        number = jf.get("from")
        page = next((p for p in pages if p.number == number), None)
        if page is None:
            raise LayoutError(f"jump from 第{number}版, but the edition has no such page "
                              f"(pages: {_numbers(pages)})", jf.where("from"))
        if page not in having:
            raise LayoutError(f"no story {sid!r} on 第{number}版; its stories: "
                              f"{', '.join(s.id for s in page.layout.stories) or 'none'}", jf.where("story"))
        return page
    if not having:
        raise LayoutError(f"no page of the edition has a story {sid!r}", jf.where("story"),
                          "the id of a story on the page it starts on")
    if len(having) > 1:
        raise LayoutError(f"story {sid!r} is on pages {_numbers(having)}; say which with from:",
                          jf.where("story"))
    return having[0]


def _area(af: Fields, sid: str, pages: tuple[EditionPage, ...], order: list[int], visited: list[int]) -> JumpArea:
    number = af.get("page")
    where = af.where("page")
    if number not in order:
        raise LayoutError(f"story {sid!r} continues on 第{number}版, but the edition has no such page "
                          f"(pages: {_numbers(pages)})", where)
    if number in visited:
        raise LayoutError(f"story {sid!r} would continue on 第{number}版, where it has already run: "
                          "a cycle of continuations", where, "a story continues on later pages only")
    if order.index(number) < order.index(visited[-1]):
        raise LayoutError(f"story {sid!r} would continue on 第{number}版, before 第{visited[-1]}版 in the "
                          "edition", where, "a story continues on a later page (转版 runs forward)")
    page = pages[order.index(number)]
    if "story" in af or "mid_paragraph" in af:
        return _link(af, sid, page)
    for key in ("columns", "rows"):
        if key not in af:
            raise LayoutError(f"continuation of {sid!r} on 第{number}版: no {key}:", af.node.where,
                              "a continuation is an area of that page (columns:, rows:) or one of its stories "
                              "(story:)")
    layout = page.layout
    geo = layout.geometry()
    builder = StoryBuilder(geo, layout.styles, PathPolicy(Path(layout.source).parent))
    name = f"continuation of {sid!r} on 第{number}版"
    columns = builder.grid_span(af, "columns", geo.columns, name)
    rows = builder.grid_span(af, "rows", geo.rows, name)
    text_columns = builder.text_columns(af, columns, name)
    rule = af.get("rule", "none")
    sides = {rule} if isinstance(rule, str) else set(rule)
    rules = tuple(s for s in ("above", "below", "left", "right") if s in sides)
    for story in layout.stories:
        _check_free(columns, rows, story.columns, story.rows, f"story {story.id!r} (line {story.where.line})",
                    name, af.node.where)
    return JumpArea(number, columns, rows, text_columns, af.get("head"), af.get("balance", True), rules,
                    af.node.where)


def _link(af: Fields, sid: str, page: EditionPage) -> JumpArea:
    """A continuation that is a story of ``page`` (``story:``): it keeps its own area
    and text; the edition adds the 接题 and the jump lines."""
    name = f"continuation of {sid!r} on 第{page.number}版"
    if "story" not in af:
        raise LayoutError(f"{name}: mid_paragraph: goes with story:", af.where("mid_paragraph"),
                          "story: names the story of that page the text continues in")
    for key in ("columns", "rows", "text_columns", "balance", "rule"):
        if key in af:
            raise LayoutError(f"{name}: {key}: and story: do not go together: the story has its own area",
                              af.where(key), "leave the area to the story, or give an area without story:")
    target = af.get("story")
    story = next((s for s in page.layout.stories if s.id == target), None)
    if story is None:
        raise LayoutError(f"{name}: 第{page.number}版 has no story {target!r}; its stories: "
                          f"{', '.join(s.id for s in page.layout.stories) or 'none'}", af.where("story"))
    return JumpArea(page.number, story.columns, story.rows, story.text_columns, af.get("head"), story.balance,
                    story.rules, af.node.where, target, af.get("mid_paragraph", False))


def _check_free(cols: Span, rows: Span, other_cols: Span, other_rows: Span, other: str, name: str,
                where: Location) -> None:
    c, r = cols.overlap(other_cols), rows.overlap(other_rows)
    if c and r:
        raise LayoutError(f"{name}: the area is taken by {other} in grid columns {c}, rows {r}", where,
                          "a continuation needs grid cells no story of that page uses")


def _check_jumps(jumps: tuple[Jump, ...], f: Fields) -> None:
    """One jump per story; no two continuations share grid cells."""
    starts: dict[tuple[int, str], Location] = {}
    for j in jumps:
        key = (j.page, j.story)
        if key in starts:
            raise LayoutError(f"story {j.story!r} of 第{j.page}版 jumps twice (first at line {starts[key].line})",
                              j.where, "give one jump with a list of areas under to:")
        starts[key] = j.where
    placed: list[tuple[JumpArea, str]] = []
    for j in jumps:
        for a in j.areas:
            for b, other in placed:
                if b.page == a.page and a.story is not None and a.story == b.story:
                    raise LayoutError(f"story {a.story!r} of 第{a.page}版 already continues {other!r} "
                                      f"(line {b.where.line}): the area is taken", a.where,
                                      "a story continues one story only")
                if b.page == a.page and (a.story is None or b.story is None):
                    _check_free(a.columns, a.rows, b.columns, b.rows,
                                f"the continuation of {other!r} (line {b.where.line})",
                                f"continuation of {j.story!r} on 第{a.page}版", a.where)
            placed.append((a, j.story))


def _numbers(pages: Sequence[EditionPage]) -> str:
    return ", ".join(str(p.number) for p in pages)
