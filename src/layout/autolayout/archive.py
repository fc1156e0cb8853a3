"""Reprinting an archive: import (``layout.archive``), lay out automatically, and
write each page back as layout YAML (issue 6).

Why the YAML goes through the importer's emitter: the page an operator corrects is
the ordinary format with the recognition notes in it; the automatic layout only
adds the placement keys (areas, text columns, headline styles, rules, photo
frames).  A story carried onto another page is emitted as two stories, one per
page: the first with the headline group and photos, the second with the rest of
the body and the credit.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from layout.archive.import_page import ImportResult, Placement, import_archive
from layout.archive.model import ArchivedPage, ArchivedStory
from layout.autolayout.content import (
    archived_body,
    base_id,
    is_continuation,
    stories_from_archive,
    subhead_lines,
)
from layout.autolayout.copyfit import fitted
from layout.autolayout.layout import AutoLayout
from layout.autolayout.template import TEMPLATE_NAMES, BodyFit, template_path
from layout.model.types import Header, PageLayout, Story


@dataclass(frozen=True)
class Reprint:
    """An imported archive and its automatic layout."""

    imported: ImportResult
    layout: AutoLayout
    template: PageLayout
    template_file: Path
    body: BodyFit | None = None  # a looser body set to fill the page (copyfit), None: the template's


def reprint(path: str | os.PathLike[str], template: str = "auto", encoding: str | None = None) -> Reprint:
    """Import ``path`` and lay its stories out on ``template``: a name, a layout
    file, or ``auto`` (every built-in template tried, the best result kept), with
    the body copyfitted so the text fills its pages (``copyfit``)."""
    imported = import_archive(path, encoding=encoding)
    stories = stories_from_archive(imported.page)
    header = archive_header(imported.yaml_text)
    return best_layout(imported, stories, header, template)


def best_layout(imported: ImportResult, stories, header, template: str) -> Reprint:
    """The best automatic layout over the candidate templates and copyfit bodies."""
    names = TEMPLATE_NAMES if template == "auto" else (template,)
    best = fitted(stories, header, names)
    assert best is not None
    return Reprint(imported, best.layout, best.template, template_path(best.name), best.fit)


def archive_header(yaml_text: str) -> Header | None:
    """The page header the importer recognised (page name, paper, date, page
    number, editor), read from its YAML so that both print the same header."""
    import yaml

    data = yaml.safe_load(yaml_text) or {}
    h = data.get("header") if isinstance(data, dict) else None
    if not isinstance(h, dict) or not any(h.get(k) for k in ("title", "paper", "date", "page", "editor")):
        return None
    date = h.get("date")
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    return Header(title=str(h.get("title") or ""), paper=_text(h.get("paper")), date=date,
                  page=int(h["page"]) if h.get("page") is not None else None, editor=_text(h.get("editor")))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def story_placement(story: Story) -> dict[str, Any]:
    """The placement keys of a placed story, as the YAML emitter takes them."""
    keys: dict[str, Any] = {"columns": str(story.columns), "rows": str(story.rows)}
    if story.text_columns != story.columns.count:
        keys["text_columns"] = story.text_columns
    if story.head_beside and story.headline_columns is not None:  # 文包题
        keys["headline_columns"] = str(story.headline_columns)
        keys["head_beside"] = True
    if story.headline and story.headline_style != "headline":
        keys["headline_style"] = story.headline_style
    if story.rules:
        keys["rule"] = list(story.rules) if len(story.rules) > 1 else story.rules[0]
    keys["balance"] = story.balance
    if story.photos:
        keys["photos"] = [{"columns": str(p.columns), "rows": str(p.rows), "fit": p.fit} for p in story.photos
                          if p.columns is not None]
    return keys


EDITION_FILE = "edition.yaml"


def page_number_keys(auto: AutoLayout, index: int) -> dict[str, Any]:
    """The header keys that number page ``index`` (0-based) of the reprint as the
    edition does (第06版 -> 第07版, ``model.pagenumber.numbered``): a page file
    rendered alone prints its own 第N版."""
    from layout.model.pagenumber import header_number, numbered

    header = auto.layouts[index].header
    if header is None or header_number(header) is None:
        return {}
    own = numbered(header, first_page_number(auto) + index)
    return {"page": own.page} if header.page is not None else {"paper": own.paper}


def first_page_number(auto: AutoLayout) -> int:
    """The 版 number of the reprint's first page: the archive's (第06版), else 1."""
    from layout.model.pagenumber import header_number

    header = auto.layouts[0].header if auto.layouts else None
    return (header_number(header) if header is not None else None) or 1


def jump_keys(auto: AutoLayout) -> dict[str, dict[str, Any]]:
    """The jump keys of every part of a continued story, by its id in ``auto``:
    ``jump_to``/``jump_from`` (the 版 numbers as the edition numbers the pages) and
    ``continued`` (it goes on mid-paragraph).  A page file then prints its 接题 and
    jump lines rendered alone as in the edition (docs/format.md, "Editions")."""
    base = first_page_number(auto)
    number = {s.id: base + n for n, page in enumerate(auto.pages) for s in page}
    placed = {s.id: s for page in auto.pages for s in page}
    out: dict[str, dict[str, Any]] = {}
    for c in auto.continued:
        for before, after in zip(c.parts, c.parts[1:], strict=False):
            out.setdefault(before, {})["jump_to"] = number[after]
            keys = out.setdefault(after, {})
            keys["jump_from"] = number[before]
            if placed[after].continued:
                keys["continued"] = True
    return out


def page_yamls(result: Reprint, archive_file: str | None = None, *, edition: bool = False,
               page_name: Callable[[int], str] = lambda n: f"page{n}.yaml", edition_name: str = EDITION_FILE
               ) -> list[tuple[str, str]]:
    """(file name, YAML text) of the template the pages extend, then every page
    (``page_name(n)``, n from 1), and with ``edition`` last the edition joining them
    (``edition_yaml``, named ``edition_name``).  With ``archive_file`` (the archive's
    path relative to where the pages are written) every page names it as
    ``archive:`` so ``layout render`` checks the text."""
    from layout.archive.emit import emit_page

    archived = {f"story{n}": s for n, s in enumerate(result.imported.page.stories, 1)}
    jumps = jump_keys(result.layout)
    name = result.template_file.stem
    out = [(f"{name}.yaml", result.template_file.read_text(encoding="utf-8"))]
    source = os.path.basename(result.imported.archive.path)
    for n, stories in enumerate(result.layout.pages):
        page = result.imported.page
        parts = tuple(_archived_part(archived[base_id(s.id)], s) for s in stories)
        one = ArchivedPage(name=page.name, stories=parts, notes=page.notes if n == 0 else (), header=page.header)
        placements = {f"story{i}": {**story_placement(s), **jumps.get(s.id, {})} for i, s in enumerate(stories, 1)}
        head: dict[str, Any] = {"extends": name, **(result.body.keys() if result.body else {})}
        if n:
            head["header"] = page_number_keys(result.layout, n)
        if archive_file:
            head["archive"] = {"file": archive_file, "page": n + 1, "pages": len(result.layout.pages)}
        text = emit_page(one, placements, head, source=source)
        out.append((page_name(n + 1), text))
    if edition:
        out.append((edition_name, edition_yaml(result, [name for name, _ in out[1:]], edition_name)))
    return out


def edition_yaml(result: Reprint, files: list[str], name: str = EDITION_FILE) -> str:
    """The edition joining the page files (``layout render edition.yaml`` gives the
    reprint's pages): each page's 报眉 its own header numbered on from the archive's
    第N版 (``header: page``), and every story carried to a later page as a linked
    jump (docs/format.md "Editions"): the part on each page is a story of that
    page file, the edition numbers its jump lines; the 接题 is the part's headline."""
    from layout.archive.emit import scalar

    auto = result.layout
    header = auto.layouts[0].header if auto.layouts else None
    base = first_page_number(auto)
    where = {s.id: (n, f"story{i}", s) for n, page in enumerate(auto.pages) for i, s in enumerate(page, 1)}
    date = _header_date(header)
    lines = [f"# The reprint of {os.path.basename(result.imported.archive.path)} as an edition of {len(files)} "
             f"page(s): layout render {name}",
             "# gives the reprint's pages, with the 报眉 of every page, the jump lines (转版) and the 接题.",
             "edition:", "  header: page  # each page's own header: (the archive's), numbered 第N版 from page 1's"]
    if date is not None:
        lines.append(f"  date: '{date.isoformat()}'  # names the plates (--plates DIR)")
    lines.append("pages:")
    for n, name in enumerate(files):
        lines.append(f"  - file: {scalar(name)}" + (f"\n    number: {base}" if n == 0 and base != 1 else ""))
    if auto.continued:
        lines.append("jumps:")
    for c in auto.continued:
        page, sid, _ = where[c.parts[0]]
        lines += [f"  - story: {sid}", f"    from: {base + page}", "    to:"]
        for part in c.parts[1:]:  # its 接题 and indent are the page file's (jump_from:, continued:)
            page, sid, _ = where[part]
            lines.append(f"      - page: {base + page}")
            lines.append(f"        story: {sid}")
    return "\n".join(lines) + "\n"


def _header_date(header: Header | None) -> datetime.date | None:
    """The issue date of a reprint's header (it names the plates): its ``date:``, or
    the one date in the page line kept as text (2020年10月6日)."""
    import re

    if header is None or header.date is not None:
        return None if header is None else header.date
    found = re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", header.paper or "")
    if len(found) != 1:
        return None
    try:
        return datetime.date(*(int(x) for x in found[0]))
    except ValueError:
        return None


def template_keys(path: Path) -> dict[str, Any]:
    """The template's page-level keys (page, grid, styles …, not its stories), to
    write into a page so it stands on its own wherever it is saved."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: v for k, v in data.items() if k != "stories"}


def _archived_part(story: ArchivedStory, placed: Story) -> ArchivedStory:
    """The archived story as far as ``placed`` holds it (all of it, or one part of
    a continued story)."""
    if (_whole(story, placed) and placed.credit == story.credit and placed.headline
            and subhead_lines(placed.flow) == len(story.subheads)):  # a subhead set as text stays text
        return story
    head = bool(placed.headline) and not is_continuation(placed)
    # a continuation's 接题 is furniture, not archive text: the page file writes it as
    # its headline under jump_from: (jump_keys), which makes it one (an artifact)
    jump_head = "".join(placed.headline) if is_continuation(placed) and placed.headline else None
    paragraphs, subheads = archived_body(story, placed)
    return replace(story, label=story.label if head else None, kicker=story.kicker if head else None,
                   headline=story.headline if head else jump_head, subtitle=story.subtitle if head else None,
                   leads=story.leads if head else (), byline=placed.byline, byline_line=placed.byline_line,
                   paragraphs=paragraphs, subheads=subheads, boxes=story.boxes if head else (),
                   credit=placed.credit,
                   captions=story.captions if placed.photos else (), notes=())


def _whole(story: ArchivedStory, placed: Story) -> bool:
    """Whether ``placed`` holds the whole body of ``story`` (a subhead with its deck
    is one element of the placed flow: ``content.archived_flow``)."""
    if not placed.flow:
        return placed.paragraphs == story.body()
    return tuple(t for el in placed.flow for t in getattr(el, "lines", (el.text,))) == story.body()


def _as_recognised(placed: tuple[Story, ...], stories: tuple[Story, ...]) -> bool:
    """Whether a page sets every story as recognised: a story set in a plainer
    form (``content.plainer``: photo frames or the headline group and boxes as
    text) would not match the YAML the importer writes for it."""
    def content(s: Story) -> tuple:
        return (s.id, s.headline, s.boxes, len(s.photos), s.paragraphs)

    return [content(s) for s in placed] == [content(s) for s in stories]


def import_placement(template: str = "auto"):  # -> layout.archive.import_page.PlaceFunction
    """A ``place`` function for ``import_archive`` (``layout import --place``): the
    automatic layout's areas when the archive fits one page of ``template`` (a
    name, a file, or ``auto``: the best of the built-in templates); content only
    when it needs more pages -- ``layout reprint --yaml-dir`` writes every page."""

    def place(page: ArchivedPage) -> Placement:
        from layout.archive.emit import emit_page

        stories = stories_from_archive(page)
        header = archive_header(emit_page(page))  # the header the YAML will have: it takes grid rows
        names = TEMPLATE_NAMES if template == "auto" else (template,)
        best = fitted(stories, header, names, one_page=True,
                      accept=lambda auto: _as_recognised(auto.pages[0], stories))
        if best is None:
            return Placement({}, {})
        name, auto, fit = best.name, best.layout, best.fit
        keys = template_keys(template_path(name))
        if fit is not None:
            keys.setdefault("grid", {}).setdefault("body", {}).update(fit.keys()["grid"]["body"])
            for style, values in fit.keys().get("styles", {}).items():  # headlines raised for short copy (levers)
                keys.setdefault("styles", {}).setdefault(style, {}).update(values)
        return Placement({s.id: story_placement(s) for s in auto.pages[0]}, keys, _as_placed(page, auto.pages[0]))

    return place


def _as_placed(page: ArchivedPage, placed: tuple[Story, ...]) -> ArchivedPage:
    """The recognised page with each story as the automatic layout set and measured
    it (a subhead it sets as text, ``content._well_formed``, is written as text):
    the YAML then renders what was measured, not a line more."""
    by_id = {base_id(s.id): s for s in placed}
    parts = []
    for n, story in enumerate(page.stories, 1):
        one = by_id.get(f"story{n}")
        if one is not None and subhead_lines(one.flow) != len(story.subheads):
            paragraphs, subheads = archived_body(story, one)
            story = replace(story, paragraphs=paragraphs, subheads=subheads, notes=())
        parts.append(story)
    return replace(page, stories=tuple(parts))
