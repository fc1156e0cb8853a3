"""PDF/X-4 written by ReportLab itself, in the one pass that writes the page.

Why: ``pdfx.make_pdfx`` (pikepdf, i.e. qpdf) parses and rewrites the whole file to
add a handful of document-level objects -- ~30 ms per page, plus ~50 ms to import
pikepdf, a large part of a page's budget (benchmarks/README.md).  ReportLab already
writes what PDF/X asks of the pages (TrimBox and BleedBox, DeviceCMYK, binary
streams, embedded subsets); what ISO 15930-7 asks of the document is added to its
document before it is written, with the same content ``make_pdfx`` gives it:

- the OutputIntent /GTS_PDFX with the CMYK profile (6.2.4; ``pdfx.output_intent``);
- the Info dictionary (``pdfx.info_entries``: Title, dates, Trapped,
  GTS_PDFXVersion) and the XMP packet that must agree with it (``pdfx.xmp_packet``);
- the trailer /ID.

Deterministic, and the ids are content hashes as with ``make_pdfx``: the file is
written with fixed-length placeholders for the XMP document/instance ids and the
trailer /ID, hashed, and the placeholders overwritten with the hash (same length,
so no offset in the cross-reference table moves).

Only PDF/X-4: X-1a:2001 must also prove that the written file has no transparency
and be labelled PDF 1.3, which ``make_pdfx`` does on the finished file.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
)

from layout.records import record
from layout.render import pdfx
from layout.render.rlprivate import catalog_keeps, document, pdf_version, set_trailer_id

PRODUCER = "layout (ReportLab)"
# Placeholders, as long as what replaces them: 36-character UUIDs, 32 hex digits.
_DOC_ID = "layout-pdfx-document-id-placeholder!"
_INSTANCE_ID = "layout-pdfx-instance-id-placeholder!"
_TRAILER_ID = b"layout-pdfx-trailer-id-to-fill!!"


@record
class PdfxDocument:
    """What the document-level PDF/X objects say (the arguments of ``make_pdfx``)."""

    title: str
    date: datetime | str | None = None
    trapped: bool = False
    author: str | None = None
    subject: str | None = None
    creator: str = "layout"
    output_profile: str | None = None  # a CMYK output (prtr) profile; None: the bundled newsprint one


def add_pdfx(canvas, doc: PdfxDocument) -> Callable[[bytes], bytes]:
    """Add the PDF/X-4 document objects to ``canvas`` (call before ``canvas.save()``)
    and return the function that turns the saved bytes into the finished file (ids
    filled in).  ValueError as ``make_pdfx``: empty title, PDF older than 1.6."""
    intent, profile = pdfx.output_intent(doc.title, doc.output_profile)
    when = pdfx.resolve_date(doc.date)
    rl = document(canvas)
    if pdf_version(canvas) < (1, 6):
        raise ValueError(f"PDF/X-4 needs PDF 1.6, the canvas writes {pdf_version(canvas)}")
    profile_stream = PDFStream(PDFDictionary({"N": 4, "Filter": PDFName("FlateDecode")}),
                               _compressed(profile))
    oi = PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(intent.condition_identifier),
        "OutputCondition": PDFString(intent.condition),
        "RegistryName": PDFString(intent.registry_name),
        "Info": PDFString(intent.info or intent.condition),
        "DestOutputProfile": rl.Reference(profile_stream),
    })
    xmp = pdfx.xmp_packet(doc.title, doc.trapped, when, doc.author, doc.subject, doc.creator, PRODUCER,
                          _DOC_ID, _INSTANCE_ID)
    meta = _PlainStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp.encode("utf-8"))
    cat = rl.Catalog
    catalog_keeps(cat, "OutputIntents")
    cat.OutputIntents = PDFArray([rl.Reference(oi)])
    cat.Metadata = meta  # written as a reference: Metadata is one of the catalog's __Refs__
    rl.info = _Info(pdfx.info_entries("X-4", doc.title, doc.trapped, when, doc.author, doc.subject,
                                      doc.creator, PRODUCER))
    set_trailer_id(canvas, _TRAILER_ID, _TRAILER_ID)
    return fill_ids


def fill_ids(data: bytes) -> bytes:
    """Replace the id placeholders by the hash of the file written with them (the
    file, megabytes of photos, is copied once, around the patched spots)."""
    spots: list[tuple[int, int]] = []  # (offset, which id)
    for which, (ph, n) in enumerate(((_DOC_ID.encode(), 1), (_INSTANCE_ID.encode(), 1), (_TRAILER_ID, 2))):
        at = data.find(ph)
        while at != -1:
            spots.append((at, which))
            at = data.find(ph, at + len(ph))
        if sum(1 for _, w in spots if w == which) != n:
            raise RuntimeError(f"PDF/X id placeholder {ph!r} not found exactly {n} times")
    digest = hashlib.sha256(data).digest()
    values = (pdfx.format_uuid(digest[:16]).encode(), pdfx.format_uuid(digest[16:32]).encode(),
              digest[:16].hex().encode())
    view = memoryview(data)
    parts: list = []
    last = 0
    for at, which in sorted(spots):
        parts += [view[last:at], values[which]]
        last = at + len(values[which])
    parts.append(view[last:])
    return b"".join(parts)


@lru_cache(maxsize=4)
def _compressed(profile: bytes) -> bytes:
    """The profile Flate-compressed once per process, and kept compressed in the
    disk cache beside the fonts' (it is the same on every file; compressing the
    bundled 97 KB profile costs ~3 ms, a twentieth of a page)."""
    from layout.cache import cache_dir, read_entry, write_entry

    cfile = cache_dir() / "icc" / f"{hashlib.sha256(profile).hexdigest()[:32]}.zlib"
    data = read_entry(cfile)
    try:
        if data is not None and zlib.decompress(data) == profile:  # a wrong entry is never embedded
            return data
    except zlib.error:
        pass
    data = zlib.compress(profile)
    write_entry(cfile, data)
    return data


class _PlainStream(PDFStream):
    """A stream written unfiltered whatever the document's default filters
    (render.canvas compresses pages that way): XMP stays readable by tools that
    scan files for packets without parsing PDF."""

    def format(self, document) -> bytes:
        saved = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return super().format(document)
        finally:
            document.defaultStreamFilters = saved


class _Info(PDFObject):
    """The Info dictionary with exactly the PDF/X entries (ReportLab's own writes
    Author 'anonymous', Subject 'unspecified' and its own dates)."""

    def __init__(self, entries: dict[str, str]):
        self.entries = entries

    def digest(self, md5) -> None:  # ReportLab adds the Info to its id signature
        md5.update(repr(sorted(self.entries.items())).encode())

    def format(self, document) -> bytes:
        d = {k: PDFName(v) if k == "Trapped" else PDFString(v) for k, v in self.entries.items()}
        return PDFDictionary(d).format(document)
