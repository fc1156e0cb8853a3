"""Writing an edition: one PDF of all its pages, and with ``--plates DIR`` one
complete PDF/X per page (a plate, ``20200810-03.pdf``: date and 版 number, so a
plate can be re-sent alone).

Once placed, pages are independent: each is rendered alone (a plate: fonts,
output intent, boxes) in a process pool (``jobs``, default one per core), and the
edition file is those pages joined (``render.pdfjoin``: their objects copied, not
parsed and written again), given the edition's title and, but for PDF/X-1a and
proofs, a structure tree (``edition.tags``).  The same pages
come out whatever the number of processes, so the bytes are identical.

Everything is rendered before anything is written (``layout render`` writes each
file through a temporary file renamed into place): an edition that fails leaves
no PDF and no plate behind.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from collections.abc import Sequence
from typing import Any

from layout.edition.model import Edition
from layout.model.types import FontsConfig
from layout.place.items import PlacedPage, Problem
from layout.records import record


@record
class EditionOutput:
    pdfx: str | None = "X-4"
    marks: bool = False
    proof: bool = False
    output_profile: str | None = None
    jobs: int | None = None  # processes rendering pages; None: one per core
    progress: bool = False  # a progress line on stderr
    tags: bool = True  # a structure tree (not for X-1a or proofs)


@record
class _Job:
    """One page to render: everything a worker process needs, picklable."""

    page: PlacedPage
    fonts: FontsConfig
    title: str
    date: object
    pdfx: str | None
    marks: bool
    proof: bool
    output_profile: str | None
    tags: bool
    source: str


@record
class _Done:
    pdf: bytes
    problems: tuple[Problem, ...]
    marked: tuple[tuple[str | None, ...], ...]


def plate_name(edition: Edition, number: int) -> str:
    return f"{edition.date_stamp()}-{number:02d}.pdf"


def edition_title(edition: Edition) -> str:
    parts = [edition.paper or edition.pages[0].section, edition.date_text()]
    return " ".join(p for p in parts if p) or "edition"


def render_edition(edition: Edition, pages: Sequence[PlacedPage], opts: EditionOutput) -> tuple[bytes, list[_Done]]:
    """The edition's PDF bytes and each page rendered alone (the plates)."""
    tags = opts.tags and not opts.proof and opts.pdfx != "X-1a"
    title = edition_title(edition)
    jobs = [_Job(page, ep.layout.fonts, f"{title} 第{ep.number}版", edition.date, opts.pdfx, opts.marks, opts.proof,
                 opts.output_profile, tags, edition.source) for ep, page in zip(edition.pages, pages, strict=True)]
    done = _run(jobs, opts)
    return join_pages([d.pdf for d in done], [m for d in done for m in d.marked] if tags else None,
                      standard=None if opts.proof else opts.pdfx, title=title, date=edition.date), done


def _run(jobs: list[_Job], opts: EditionOutput) -> list[_Done]:
    from layout.edition.parallel import map_pages

    return map_pages(render_one, jobs, opts.jobs, lambda i: _progress(i, len(jobs), opts))


def _progress(i: int, n: int, opts: EditionOutput) -> None:
    if opts.progress and n > 2:
        end = "\n" if i + 1 == n else ""
        print(f"\rlayout: rendering page {i + 1}/{n}", end=end, file=sys.stderr, flush=True)


def render_one(job: _Job) -> _Done:
    """One page as a complete PDF of its own (a plate): runs in a worker process."""
    from layout.render.output import OutputOptions, render_output

    o = OutputOptions(pdfx=job.pdfx, marks=job.marks, proof=job.proof, date=job.date,  # type: ignore[arg-type]
                      output_profile=job.output_profile, title=job.title, tags=job.tags)
    r = render_output([job.page], job.fonts.fontset(), o, source=job.source)
    return _Done(r.pdf, tuple(r.problems), tuple(tuple(m) for m in r.marked))


def join_pages(parts: Sequence[bytes], marked: Sequence[Sequence[str | None]] | None, *, standard: str | None,
               title: str, date) -> bytes:
    """Pages rendered apart, joined into one file (``render.pdfjoin``: objects
    copied, not parsed and written again) with the document's title (and for
    PDF/X the Info and XMP that go with it), tagged when ``marked`` is given.  The
    first part's catalog stays (its output intent); the file id is a hash of the
    parts and the title."""
    from layout.render import pdfjoin
    from layout.render.pdfjoin import Name, Part, Raw, Ref, Stream, Writer
    from layout.render.pdfx import PDF_VERSION, format_uuid, info_entries, resolve_date, xmp_packet

    digest = hashlib.sha256(b"".join(hashlib.sha256(b).digest() for b in parts) + title.encode()).digest()
    w = Writer()
    catalog, info, tree = w.reserve(), w.reserve(), w.reserve()
    docs = [Part(b) for b in parts]
    page_refs = [w.reserve() for _ in docs]
    for i, (doc, ref) in enumerate(zip(docs, page_refs, strict=True)):
        num = doc.page()
        page = doc.dict(num)
        page["Parent"] = _raw_ref(tree)
        if marked is not None:
            page["StructParents"] = i
        pdfjoin.copy_into(w, doc, ref, page)
    w.set(tree, {"Type": Name("Pages"), "Count": len(page_refs), "Kids": page_refs})
    first = docs[0]
    cat = first.dict(first.trailer["Root"].num)
    for key in ("Pages", "Metadata", "StructTreeRoot", "MarkInfo", "Lang"):
        cat.pop(key, None)
    cat["Pages"] = _raw_ref(tree)
    when = resolve_date(None if date is None else datetime.datetime(date.year, date.month, date.day,
                                                                    tzinfo=datetime.UTC))
    if standard is None:
        entries: dict[str, Any] = first.dict(first.trailer["Info"].num) if "Info" in first.trailer else {}
        entries["Title"] = title
    else:
        entries = {k: Name(v) if k == "Trapped" else v
                   for k, v in info_entries(standard, title, False, when, None, None, "layout", PRODUCER).items()}
    w.set(info, entries)
    if standard == "X-4":
        xmp = xmp_packet(title, False, when, None, None, "layout", PRODUCER, format_uuid(digest[:16]),
                         format_uuid(digest[16:32]))
        meta = w.add(Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, xmp.encode("utf-8")))
        cat["Metadata"] = _raw_ref(meta)
    if marked is not None:
        from layout.edition.tags import add_structure

        for key, value in add_structure(w, page_refs, marked).items():
            cat[key] = _raw_ref(value) if isinstance(value, Ref) else Raw(pdfjoin.serialize(value))
    pdfjoin.copy_into(w, first, catalog, cat)
    return w.write(PDF_VERSION.get(standard or "", "1.6"), catalog, info, digest[:16].hex().encode("ascii"))


PRODUCER = "layout (ReportLab)"


def _raw_ref(ref) -> object:
    """A reference to an object already numbered in the new file (not renumbered again)."""
    from layout.render.pdfjoin import Raw

    return Raw(b"%d 0 R" % ref.num)
