"""Writing an edition: one PDF of all its pages, and with ``--plates DIR`` one
complete PDF/X per page (a plate, ``20200810-03.pdf``: date and 版 number, so a
plate can be re-sent alone).

Each page is rendered alone (a plate: fonts, output intent, boxes), in the process
that placed it (``place_and_render``: pages wait only for the pages their
continuations come from, ``edition.place``), on ``jobs`` processes (default one
per core, ``edition.parallel``), and the edition file is those pages joined
(``render.pdfjoin``: their objects copied, not parsed and written again), given
the edition's title and, but for PDF/X-1a and proofs, a structure tree
(``edition.tags``).  Each face is embedded once in the
edition, for all its pages (``_SharedFonts``); without plates the pages are drawn
without font programs of their own.  The same pages come out whatever the number
of processes, with or without plates, so the bytes are identical.

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
    # False: no plate is wanted, so the pages are rendered without font programs
    # and the edition embeds one per face for all of them (``join_pages``)
    plates: bool = True


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
    font_programs: bool = True


@record
class _Done:
    pdf: bytes
    problems: tuple[Problem, ...]
    marked: tuple[tuple[str | None, ...], ...]
    fonts: tuple = ()  # render.cidfonts.UsedFont of each face the page draws with


def plate_name(edition: Edition, number: int) -> str:
    return f"{edition.date_stamp()}-{number:02d}.pdf"


def edition_title(edition: Edition) -> str:
    parts = [edition.paper or edition.pages[0].section, edition.date_text()]
    return " ".join(p for p in parts if p) or "edition"


def render_edition(edition: Edition, pages: Sequence[PlacedPage], opts: EditionOutput) -> tuple[bytes, list[_Done]]:
    """The edition's PDF bytes and each page rendered alone (the plates), from
    pages already placed."""
    jobs = [_job(edition, i, page, opts) for i, page in enumerate(pages)]
    done = _run(jobs, opts)
    return _join(edition, done, opts), done


def place_and_render(edition: Edition, opts: EditionOutput,
                     keep_items: bool = True) -> tuple[tuple[PlacedPage, ...], bytes, list[_Done]]:
    """The edition placed and rendered: (the placed pages, its PDF bytes, each page
    rendered alone).  Each page is placed and rendered in the same process
    (``edition.place.place_one`` then ``render_one``), waiting only for the pages
    its continuations come from: with ``jobs`` processes both stages go wide and
    only bytes, problems and the text carried on come back from a worker.
    ``keep_items`` False: the pages come back without their items (``PlacedPage.
    items`` empty; stories and problems kept), which is all a report needs and
    saves sending every glyph's position between processes."""
    from layout.edition.parallel import map_pages
    from layout.edition.place import arriving, page_sources, page_tasks

    tasks = [_PageWork(t, opts, keep_items) for t in page_tasks(edition)]
    out: list[_PageDone] = map_pages(_place_and_render_one, tasks, opts.jobs,
                                     lambda i: _progress(i, len(tasks), opts), after=page_sources(edition),
                                     given=lambda i, res: arriving(tasks[i].task, [r and r.placed for r in res]))
    done = [o.done for o in out]
    return tuple(o.placed.page for o in out), _join(edition, done, opts), done


@record
class _PageWork:
    task: object  # edition.place.PageTask
    opts: EditionOutput
    keep_items: bool


@record
class _PageDone:
    placed: object  # edition.place.PagePlaced (its page without items unless kept)
    done: _Done


def _place_and_render_one(work: _PageWork, incoming: Sequence = ()) -> _PageDone:
    """One page placed and rendered (a worker's task)."""
    from dataclasses import replace

    from layout.edition.place import place_one

    task = work.task
    placed = place_one(task, incoming)  # type: ignore[arg-type]
    done = render_one(_job(task.edition, task.index, placed.page, work.opts))  # type: ignore[attr-defined]
    if not work.keep_items:
        placed = replace(placed, page=replace(placed.page, items=()))
    return _PageDone(placed, done)


def _job(edition: Edition, index: int, page: PlacedPage, opts: EditionOutput) -> _Job:
    ep = edition.pages[index]
    return _Job(page, ep.layout.fonts, f"{edition_title(edition)} 第{ep.number}版", edition.date, opts.pdfx, opts.marks,
                opts.proof, opts.output_profile, _tagged(opts), edition.source,
                opts.plates or opts.pdfx == "X-1a")  # X-1a pages go through pikepdf: complete files


def _tagged(opts: EditionOutput) -> bool:
    return opts.tags and not opts.proof and opts.pdfx != "X-1a"


def _join(edition: Edition, done: Sequence[_Done], opts: EditionOutput) -> bytes:
    tags = _tagged(opts)
    faces = {(f.path, f.index): f for ep in edition.pages for f in ep.layout.fonts.fontset().faces()}
    return join_pages([d.pdf for d in done], [m for d in done for m in d.marked] if tags else None,
                      standard=None if opts.proof else opts.pdfx, title=edition_title(edition), date=edition.date,
                      fonts=([d.fonts for d in done], faces))


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
                      output_profile=job.output_profile, title=job.title, tags=job.tags,
                      font_programs=job.font_programs)
    r = render_output([job.page], job.fonts.fontset(), o, source=job.source)
    return _Done(r.pdf, tuple(r.problems), tuple(tuple(m) for m in r.marked), tuple(r.fonts))


def join_pages(parts: Sequence[bytes], marked: Sequence[Sequence[str | None]] | None, *, standard: str | None,
               title: str, date, fonts: tuple[Sequence[Sequence], dict] | None = None) -> bytes:
    """Pages rendered apart, joined into one file (``render.pdfjoin``: objects
    copied, not parsed and written again) with the document's title (and for
    PDF/X the Info and XMP that go with it), tagged when ``marked`` is given.  The
    first part's catalog stays (its output intent); the file's ids are the hash of
    the file itself (``_fill_ids``).

    ``fonts``: (each part's ``UsedFont``s, the faces by (path, index)): every face
    is embedded once for all pages (one program with every glyph any page draws),
    each page keeping its own CIDs through its own CIDToGIDMap; the parts' own
    programs, if any, are left behind."""
    from layout.render import pdfjoin
    from layout.render.pdfjoin import Name, Part, Raw, Ref, Stream, Writer
    from layout.render.pdfx import PDF_VERSION, info_entries, resolve_date, xmp_packet

    w = Writer()
    catalog, info, tree = w.reserve(), w.reserve(), w.reserve()
    docs = [Part(b) for b in parts]
    page_refs = [w.reserve() for _ in docs]
    shared = _SharedFonts(w, *fonts) if fonts is not None else None
    for i, (doc, ref) in enumerate(zip(docs, page_refs, strict=True)):
        num = doc.page()
        page = doc.dict(num)
        page["Parent"] = _raw_ref(tree)
        if shared is not None:
            shared.replace(doc, page, i)
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
        xmp = xmp_packet(title, False, when, None, None, "layout", PRODUCER, _DOC_ID, _INSTANCE_ID)
        meta = w.add(Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, xmp.encode("utf-8")))
        cat["Metadata"] = _raw_ref(meta)
    if marked is not None:
        from layout.edition.tags import add_structure

        for key, value in add_structure(w, page_refs, marked).items():
            cat[key] = _raw_ref(value) if isinstance(value, Ref) else Raw(pdfjoin.serialize(value))
    pdfjoin.copy_into(w, first, catalog, cat)
    return _fill_ids(w.write(PDF_VERSION.get(standard or "", "1.6"), catalog, info, _FILE_ID))


# Placeholders as long as what replaces them (36-character UUIDs, 32 hex digits).
_DOC_ID = "layout-edition-document-id-to-fill!!"
_INSTANCE_ID = "layout-edition-instance-id-to-fill!!"
_FILE_ID = b"layout-edition-file-id-to-fill!!"


def _fill_ids(data: bytes) -> bytes:
    """The XMP document and instance ids and the trailer /ID: the hash of the file
    written with placeholders of the same length (no offset moves), so the same
    pages give the same ids whatever the parts carried that was not copied."""
    from layout.render.pdfx import format_uuid

    digest = hashlib.sha256(data).digest()
    for placeholder, value in ((_DOC_ID.encode(), format_uuid(digest[:16]).encode()),
                               (_INSTANCE_ID.encode(), format_uuid(digest[16:32]).encode()),
                               (_FILE_ID, digest[:16].hex().encode())):
        data = data.replace(placeholder, value)
    return data


PRODUCER = "layout (ReportLab)"


class _SharedFonts:
    """Each face embedded once in a joined edition (``join_pages``)."""

    def __init__(self, writer, used: Sequence[Sequence], faces: dict):
        from layout.render.cidfonts import shared_program

        self.w = writer
        self.used = [{u.resource: u for u in page} for page in used]
        gids: dict[tuple[str, int], set[int]] = {}
        for page in used:
            for u in page:
                gids.setdefault((u.path, u.index), set()).update(u.gids)
        self.programs = {key: shared_program(faces[key], g) for key, g in gids.items()}
        self.descriptors: dict[tuple[str, int], Any] = {}

    def _descriptor(self, key: tuple[str, int]) -> Any:
        import zlib

        from layout.render.cidfonts import FONT_COMPRESSION
        from layout.render.pdfjoin import Name, Stream

        got = self.descriptors.get(key)
        if got is None:
            p = self.programs[key]
            program = self.w.add(Stream({"Length1": len(p.program), "Filter": Name("FlateDecode")},
                                        zlib.compress(p.program, FONT_COMPRESSION)))
            got = self.descriptors[key] = self.w.add({"Type": Name("FontDescriptor"), "FontName": Name(p.base),
                                                      **p.descriptor, "FontFile2": program})
        return got

    def replace(self, doc, page: dict, index: int) -> None:
        """Point ``page``'s fonts (parsed from ``doc``) at the shared programs."""
        import zlib

        from layout.render import pdfjoin
        from layout.render.cidfonts import cid_to_gid_map
        from layout.render.pdfjoin import Name, Ref, Stream

        res = page.get("Resources")
        if isinstance(res, Ref):
            res = page["Resources"] = doc.dict(res.num)
        fonts = res.get("Font") if isinstance(res, dict) else None
        if isinstance(fonts, Ref):
            fonts = doc.dict(fonts.num)
        if not fonts:
            return
        out: dict = {}
        for name, ref in fonts.items():
            u = self.used[index].get(name)
            if u is None or not isinstance(ref, Ref):
                out[name] = ref  # not one of ours: copied as it is
                continue
            p = self.programs[(u.path, u.index)]
            type0 = doc.dict(ref.num)
            cid_map = self.w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress(cid_to_gid_map(u.gids, p.new_id))))
            cid_text, _ = doc.body(type0["DescendantFonts"][0].num)  # its /W is long: changed as text
            cid_text = pdfjoin.set_entries(cid_text, {
                "BaseFont": pdfjoin.serialize(Name(p.base)),
                "FontDescriptor": b"%d 0 R" % self._descriptor((u.path, u.index)).num,
                "CIDToGIDMap": b"%d 0 R" % cid_map.num})
            cid_ref = self.w.reserve()
            self.w.set_raw(cid_ref, cid_text)  # no reference of the part is left in it
            type0.update(BaseFont=Name(p.base), DescendantFonts=[_raw_ref(cid_ref)])
            type0_ref = self.w.reserve()
            pdfjoin.copy_into(self.w, doc, type0_ref, type0)  # its ToUnicode comes along
            out[name] = _raw_ref(type0_ref)
        res["Font"] = out


def _raw_ref(ref) -> object:
    """A reference to an object already numbered in the new file (not renumbered again)."""
    from layout.render.pdfjoin import Raw

    return Raw(b"%d 0 R" % ref.num)
