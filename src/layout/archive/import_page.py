"""Importing an archive in one call: read, normalise, recognise, emit (issue 6).

``import_archive(path)`` is what ``layout import`` runs.  Placement is a separate,
replaceable step: ``place`` receives the recognised page and returns, per story id
(``emit.story_ids``), the placement keys of that story (see ``emit``), or a
``Placement`` with page-level keys too.  With ``place=None`` the YAML carries the
content without placement keys -- the automatic layout plugs in here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from layout.archive.emit import emit_page
from layout.archive.model import ArchivedPage
from layout.archive.normalize import Normalized, normalize
from layout.archive.parse import parse_page
from layout.archive.read import ArchiveText, read_archive
from layout.archive.report import format_report
from layout.archive.validate import check_written


@dataclass(frozen=True)
class Placement:
    """What a placement function may return: per-story keys and page-level keys
    (``extends``, ``page``, ``grid``, ``styles``, extra ``header`` keys)."""

    stories: Mapping[str, Mapping[str, Any]]
    head: Mapping[str, Any] = field(default_factory=dict)
    # the page as the placement sets it, when that differs from the recognised one (a
    # subhead the automatic layout sets as text): the YAML must hold what was measured,
    # or the layout overflows when rendered (issue 13: import never writes a layout
    # that loses text)
    page: ArchivedPage | None = None


PlaceFunction = Callable[[ArchivedPage], "Mapping[str, Mapping[str, Any]] | Placement"]


@dataclass(frozen=True)
class ImportResult:
    """The recognised page, its YAML, and the recognition report (text); also the
    decoded archive and the normalisation record."""

    page: ArchivedPage
    yaml_text: str
    report: str
    archive: ArchiveText
    normalized: Normalized


def recognise(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[ArchivedPage, ArchiveText,
                                                                                   Normalized]:
    """Read, normalise and recognise an archive (no YAML).  LayoutError on bad input."""
    archive = read_archive(path, encoding)
    normalized = normalize(archive.text)
    page = parse_page(normalized.text, archive.path)
    return page, archive, normalized


def import_archive(path: str | os.PathLike[str], encoding: str | None = None,
                   place: PlaceFunction | None = None, *, check_load: bool = False,
                   archive_key: Mapping[str, Any] | None = None) -> ImportResult:
    """Import ``path``: see the module doc.  Raises LayoutError (exit 2) for an
    empty, binary or undecodable archive, for one without stories, and when the
    YAML would lose text or -- with ``check_load``, for placements that name no
    files of their own (the automatic layout's) -- not load (``validate.check_written``).
    ``archive_key`` is written as the layout's ``archive:`` (``layout render`` then
    checks the PDF against the archive); only with a placement."""
    page, archive, normalized = recognise(path, encoding)
    placed = place(page) if place is not None else None
    recognised = page
    if isinstance(placed, Placement):
        stories, head = placed.stories, placed.head
        page = placed.page or page
    else:
        stories, head = placed or {}, {}
    if archive_key and stories:
        head = {**head, "archive": dict(archive_key)}
    yaml_text = emit_page(page, stories, head, source=os.path.basename(archive.path))
    check_written(archive.path, recognised, yaml_text, placed=check_load and bool(stories))
    return ImportResult(page, yaml_text, format_report(page, archive, normalized), archive, normalized)
