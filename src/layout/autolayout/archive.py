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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from layout.archive.import_page import ImportResult, Placement, import_archive
from layout.archive.model import ArchivedPage, ArchivedStory
from layout.autolayout.content import JUMP_DOWN, JUMP_UP, base_id, is_continuation, stories_from_archive
from layout.autolayout.layout import AutoLayout, auto_layout
from layout.autolayout.template import (
    TEMPLATE_NAMES,
    BodyFit,
    load_template,
    loosened,
    looser_bodies,
    template_path,
)
from layout.model.types import Header, PageLayout, Story


@dataclass(frozen=True)
class Reprint:
    """An imported archive and its automatic layout."""

    imported: ImportResult
    layout: AutoLayout
    template: PageLayout
    template_file: Path
    body: BodyFit | None = None  # a looser body set to fill the page (copyfit), None: the template's


UNDERFULL_FILL = 90.0  # % of a single page's type area below which looser bodies are tried


def reprint(path: str | os.PathLike[str], template: str = "auto", encoding: str | None = None) -> Reprint:
    """Import ``path`` and lay its stories out on ``template``: a name, a layout
    file, or ``auto`` (every built-in template tried, the best result kept:
    ``template_score``).  A single page the text leaves underfilled is tried again
    with a looser body (``loosened``: more leading, 五号): copyfit before white space."""
    imported = import_archive(path, encoding=encoding)
    stories = stories_from_archive(imported.page)
    header = archive_header(imported.yaml_text)
    return best_layout(imported, stories, header, template)


def best_layout(imported: ImportResult, stories, header, template: str) -> Reprint:
    """The best automatic layout over the candidate templates (see ``reprint``)."""
    names = TEMPLATE_NAMES if template == "auto" else (template,)
    best: Reprint | None = None
    for name in names:
        best = _better(best, imported, stories, header, name, load_template(name), None)
    assert best is not None
    if len(best.layout.pages) == 1 and best.layout.metrics.pages[0].fill_pct < UNDERFULL_FILL:
        for name in names:
            for fit in looser_bodies(load_template(name)):
                best = _better(best, imported, stories, header, name, loosened(name, fit), fit)
    return best


def _better(best: Reprint | None, imported: ImportResult, stories, header, name: str, tpl: PageLayout,
            fit: BodyFit | None) -> Reprint:
    auto = auto_layout(stories, tpl, tpl.fonts.fontset(), header=header)
    result = Reprint(imported, auto, tpl, template_path(name), fit)
    if best is None or template_score(auto) < template_score(best.layout):
        return result
    return best


def template_score(auto: AutoLayout) -> tuple[int, int, float]:
    """How good a reprint is, lower is better: holes, overflow and underfilled
    pages before the last first, then the number of pages, then the empty share of the pages (a page format the text
    fills beats one it leaves half empty)."""
    m = auto.metrics
    # an underfilled page before the last is a defect (every page full, issue 13); the last page's foot is
    # counted by the empty share
    defects = m.total("holes") + m.total("overflow_lines") + sum(p.foot_holes for p in m.pages[:-1])
    empty = sum(100.0 - p.fill_pct for p in m.pages)
    return defects, len(m.pages), empty


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
    if story.headline and story.headline_style != "headline":
        keys["headline_style"] = story.headline_style
    if story.rules:
        keys["rule"] = list(story.rules) if len(story.rules) > 1 else story.rules[0]
    keys["balance"] = story.balance
    if story.photos:
        keys["photos"] = [{"columns": str(p.columns), "rows": str(p.rows), "fit": p.fit} for p in story.photos
                          if p.columns is not None]
    return keys


def page_yamls(result: Reprint, archive_file: str | None = None) -> list[tuple[str, str]]:
    """(file name, YAML text) of every page, plus the template they extend.  With
    ``archive_file`` (the archive's path relative to where the pages are written)
    every page names it as ``archive:`` so ``layout render`` checks the text."""
    from layout.archive.emit import emit_page

    archived = {f"story{n}": s for n, s in enumerate(result.imported.page.stories, 1)}
    name = result.template_file.stem
    out = [(f"{name}.yaml", result.template_file.read_text(encoding="utf-8"))]
    source = os.path.basename(result.imported.archive.path)
    for n, stories in enumerate(result.layout.pages):
        page = result.imported.page
        parts = tuple(_archived_part(archived[base_id(s.id)], s) for s in stories)
        one = ArchivedPage(name=page.name, stories=parts, notes=page.notes if n == 0 else (), header=page.header)
        placements = {f"story{i}": story_placement(s) for i, s in enumerate(stories, 1)}
        head: dict[str, Any] = {"extends": name, **(result.body.keys() if result.body else {})}
        if archive_file:
            head["archive"] = {"file": archive_file, "page": n + 1, "pages": len(result.layout.pages)}
        text = emit_page(one, placements, head, source=source)
        out.append((f"page{n + 1}.yaml", text))
    return out


def template_keys(path: Path) -> dict[str, Any]:
    """The template's page-level keys (page, grid, styles …, not its stories), to
    write into a page so it stands on its own wherever it is saved."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: v for k, v in data.items() if k != "stories"}


def _archived_part(story: ArchivedStory, placed: Story) -> ArchivedStory:
    """The archived story as far as ``placed`` holds it (all of it, or one part of
    a continued story)."""
    if placed.paragraphs == story.body() and placed.credit == story.credit and placed.headline:
        return story
    head = bool(placed.headline) and not is_continuation(placed)
    # the jump lines' room and a continuation's 接题 are furniture, not archive text
    # (an edition writes them: layout.edition.reprint); a page file leaves them out
    byline_line = placed.byline_line if placed.byline_line != JUMP_UP else None
    return replace(story, label=story.label if head else None, kicker=story.kicker if head else None,
                   headline=story.headline if head else None, subtitle=story.subtitle if head else None,
                   leads=story.leads if head else (), byline=placed.byline, byline_line=byline_line,
                   paragraphs=placed.paragraphs, subheads=(), credit=placed.credit if placed.credit != JUMP_DOWN else None,
                   captions=story.captions if placed.photos else (), notes=())


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
        best: tuple[str, AutoLayout, BodyFit | None] | None = None
        candidates = [(name, load_template(name), None) for name in names]
        for round_ in range(2):
            for name, tpl, leading in candidates:
                auto = auto_layout(stories, tpl, tpl.fonts.fontset(), header=header)
                if len(auto.pages) == 1 and (best is None or template_score(auto) < template_score(best[1])):
                    best = (name, auto, leading)
            if round_ or best is None or best[1].metrics.pages[0].fill_pct >= UNDERFULL_FILL:
                break
            candidates = [(name, loosened(name, f), f) for name in names for f in looser_bodies(load_template(name))]
        if best is None:
            return Placement({}, {})
        name, auto, fit = best
        keys = template_keys(template_path(name))
        if fit is not None:
            keys.setdefault("grid", {}).setdefault("body", {}).update(fit.keys()["grid"]["body"])
        return Placement({s.id: story_placement(s) for s in auto.pages[0]}, keys)

    return place
