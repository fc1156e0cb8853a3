"""A reprint checks itself (issue 13): after rendering, the PDF's text is compared
with the archive in process -- the code path of ``layout verify`` -- and every
character lost or added is reported with its place in the archive
(``FILE:line:col``) or in the PDF (page, x, y).

Where the engine chose the layout (``layout reprint``, ``layout render`` of an
imported layout) a loss is never a success: ``failed`` is true on any lost or
added character, whatever ``--strict`` says (guide: "Never lose copy silently").
Whole elements the layout moved (captions with their photos, a continued story)
are not differences; other moves are warnings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layout.check.verify import Difference, VerifyReport, verify_recognised

SHOW = 40  # characters of a lost or added run shown in a message


@dataclass(frozen=True)
class SelfCheck:
    """The comparison, the messages to print (errors first) and the verdict."""

    report: VerifyReport
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    @property
    def lost(self) -> int:
        return self.report.count("lost")

    @property
    def added(self) -> int:
        return self.report.count("added")

    def summary(self) -> str:
        rep = self.report
        if rep.identical:
            return f"checked: all {rep.source_chars} characters of the archive are in the PDF"
        return (f"checked against the archive: {self.lost} characters lost, {self.added} added, "
                f"{rep.count('moved')} moved")


def check_pdf(pdf: bytes, page: Any, normalized_text: str, source: str, encoding: str = "",
              pdf_name: str = "<pdf>", *, proof: bool = False) -> SelfCheck:
    """Compare ``pdf`` (bytes) with the recognised archive ``page`` (an
    ``ArchivedPage``) whose normalised text is ``normalized_text``.  A ``proof``
    prints its own marks (story ids, the slug line): only losses count there."""
    rep = verify_recognised(pdf, page, normalized_text, source, encoding, pdf_name)
    counted = ("lost",) if proof else ("lost", "added")
    errors = [_message(d) for d in rep.differences if d.kind in counted]
    warnings = [_message(d) for d in rep.differences if d.kind not in ("lost", "added")]
    if proof:
        rep = VerifyReport(rep.pdf, rep.source, rep.encoding, rep.source_chars, rep.pdf_chars,
                           tuple(d for d in rep.differences if d.kind != "added"), rep.reordered, rep.allowed,
                           (*rep.notes, "a proof: text the proof adds (story ids, slug line) is not counted"))
    return SelfCheck(rep, tuple(errors), tuple(warnings))


def check_import(pdf: bytes, imported: Any, pdf_name: str = "<pdf>", *, proof: bool = False) -> SelfCheck:
    """``check_pdf`` for an ``archive.import_page.ImportResult``."""
    return check_pdf(pdf, imported.page, imported.normalized.text, imported.archive.path,
                     imported.archive.encoding, pdf_name, proof=proof)


def _shown(text: str) -> str:
    return repr(text) if len(text) <= SHOW else f"{text[:SHOW // 2]!r}…{text[-SHOW // 2:]!r} ({len(text)} characters)"


def _message(d: Difference) -> str:
    if d.kind == "lost":
        return f"{d.source}: lost {_shown(d.text)} ({d.element}), not in the PDF: {d.context}"
    where = f"PDF page {d.page} at ({d.x:.1f}, {d.y:.1f})" if d.page is not None else "the PDF's end"
    if d.kind == "added":
        return f"{where}: added {_shown(d.text)}, not in the archive: {d.context}"
    context = d.pdf_context if len(d.pdf_context) <= 3 * SHOW else f"{d.pdf_context[:SHOW]}…{d.pdf_context[-SHOW:]}"
    return f"{d.source}: moved {_shown(d.text)} ({d.element}) to {where}: {context}"


@dataclass(frozen=True)
class LayoutCheck:
    """What ``layout render`` checked against the archive its layouts name:
    ``check`` (None when it could not check) and ``note`` saying why not."""

    check: SelfCheck | None
    note: str | None = None


def check_layouts(pdf: bytes, layouts: Sequence[Any], allow_paths: Sequence[str | os.PathLike[str]] = (),
                  pdf_name: str = "<pdf>", *, proof: bool = False) -> LayoutCheck | None:
    """Check a PDF rendered from ``layouts`` (``PageLayout``s) against the archive
    they were imported from (their ``archive:``), or None when none names one.  The
    check needs every page of the reprint and an archive the path rules let us read
    (the layout's folder or ``--allow-path``, as for any file a layout names)."""
    refs = [getattr(layout, "archive", None) for layout in layouts]
    if not any(refs):  # before importing the archive reader: ~60 ms of regexes every render would pay
        return None
    from layout.archive.import_page import recognise
    from layout.errors import LayoutError

    files = {r.file for r in refs if r is not None}
    if None in refs or len(files) > 1:
        return LayoutCheck(None, "not checked against an archive: the layouts name different archives, "
                                 "or only some name one")
    ref = refs[0]
    archive = Path(ref.file).resolve()
    if sorted(r.page for r in refs) != list(range(1, ref.pages + 1)):
        given = ", ".join(str(r.page) for r in refs)
        return LayoutCheck(None, f"not checked against {ref.file}: pages {given} of its {ref.pages} given "
                                 "(render all of them together to check)")
    roots = [Path(layouts[0].source).absolute().parent.resolve(), *(Path(p).resolve() for p in allow_paths)]
    if not any(archive.is_relative_to(r) for r in roots):
        return LayoutCheck(None, f"not checked against {ref.file}: it lies outside the layout's folder "
                                 "(allow its folder with --allow-path DIR to check)")
    try:
        page, text, normalized = recognise(archive)
    except LayoutError as e:
        return LayoutCheck(None, f"not checked against {ref.file}: {e.message}")
    return LayoutCheck(check_pdf(pdf, page, normalized.text, ref.file, text.encoding, pdf_name, proof=proof))
