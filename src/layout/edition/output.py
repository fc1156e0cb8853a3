"""Writing an edition: one PDF of all its pages, and with ``--plates DIR`` one
complete PDF/X per page (a plate, ``20200810-03.pdf``: date and 版 number, so a
plate can be re-sent alone).

Once placed, pages are independent: each is rendered alone (a plate: fonts,
output intent, boxes) in a process pool (``jobs``, default one per core), and the
edition file is those pages joined (pikepdf), given the edition's title and, but
for PDF/X-1a and proofs, a structure tree (``edition.tags``).  The same pages
come out whatever the number of processes, so the bytes are identical.

Everything is rendered before anything is written (``layout render`` writes each
file through a temporary file renamed into place): an edition that fails leaves
no PDF and no plate behind.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import sys
from collections.abc import Sequence

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


_QPDF_STATIC_ID = b"31415926535897932384626433832795><31415926535897932384626433832795"


def join_pages(parts: Sequence[bytes], marked: Sequence[Sequence[str | None]] | None, *, standard: str | None,
               title: str, date) -> bytes:
    """Pages rendered apart, joined into one file with the document's title (and
    for PDF/X the Info and XMP that go with it), tagged when ``marked`` is given."""
    import pikepdf

    from layout.render.pdfx import PDF_VERSION, set_document

    docs = [pikepdf.open(io.BytesIO(b)) for b in parts]
    try:
        pdf = docs[0]
        for other in docs[1:]:
            pdf.pages.extend(other.pages)
        digest = hashlib.sha256(b"".join(hashlib.sha256(b).digest() for b in parts) + title.encode()).digest()
        when = None if date is None else datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)
        set_document(pdf, standard=standard, title=title, date=when, digest=digest)
        if marked is not None:
            from layout.edition.tags import add_structure

            add_structure(pdf, marked)
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]  # else qpdf keeps the first page's original id
        out = io.BytesIO()
        # qpdf's deterministic /ID hashes the written file again (~5 ms a page): the
        # id is the hash of the parts instead, put where qpdf's static id stands.
        pdf.save(out, force_version=PDF_VERSION.get(standard or "", "1.6"), static_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=True,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none, linearize=False, qdf=False,
                 fix_metadata_version=False)
        data = out.getvalue()
        at = data.rfind(_QPDF_STATIC_ID)
        if at < 0:
            raise RuntimeError("qpdf's static /ID not found in the joined file")
        ident = digest[:16].hex().encode()
        return data[:at] + ident + b"><" + ident + data[at + len(_QPDF_STATIC_ID):]
    finally:
        for d in docs:
            d.close()
