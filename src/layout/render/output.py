"""From placed pages to the file the user asked for: print-ready PDF/X (the
default), or a proof.

Why PDF/X-4 by default: it is the base of the Ghent Workgroup 2015 specifications
newspaper plants ask for; X-1a (``--pdfx x1a``) is still common at ad desks, and
``--pdfx none`` writes a plain PDF with the same boxes.  Proofs are plain PDFs with
the proof view drawn over the page and a slug for the slug line.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from layout.fonts import FontSet
from layout.place.items import PlacedPage
from layout.records import record
from layout.render.pdfbackend import Rendered

PDFX_CHOICES = {"x4": "X-4", "x1a": "X-1a", "none": None}


@record
class OutputOptions:
    pdfx: str | None = "X-4"  # 'X-4' | 'X-1a' | None
    marks: bool = False
    proof: bool = False
    title: str = ""
    date: datetime.date | None = None  # the issue date (Info/XMP dates), else a fixed date
    output_profile: str | None = None  # the plant's CMYK output profile (ICC); None: the bundled newsprint one
    tags: bool = False  # mark copy for a structure tree (PdfOptions.tags; not with X-1a)
    font_programs: bool = True  # False: a page only to be joined into an edition (PdfOptions.font_programs)


def render_output(pages: Sequence[PlacedPage], fonts: FontSet | Sequence[FontSet], options: OutputOptions,
                  source: str = "") -> Rendered:
    """The finished file's bytes and what drawing reported.  ``fonts``: the font set
    of every page, or one per page (each page is drawn with the faces it was placed
    with)."""
    from layout.render.drawing import PageSetup, display_pages
    from layout.render.pdfbackend import PdfOptions, write_pdf

    if options.output_profile is not None:
        from layout.render.pdfx import check_output_profile

        check_output_profile(options.output_profile)
    per_page = [fonts] * len(pages) if isinstance(fonts, FontSet) else list(fonts)
    title = options.title or (pages[0].title if pages else "") or "layout page"
    if options.proof:
        from layout.render.proof import SLUG, ProofOverlay

        shown = display_pages(pages, per_page, PageSetup(marks=options.marks, slug=SLUG), ProofOverlay(source))
        return write_pdf(shown, PdfOptions(title=title))
    shown = display_pages(pages, per_page, PageSetup(marks=options.marks))
    when = None
    if options.date is not None:
        when = datetime.datetime(options.date.year, options.date.month, options.date.day, tzinfo=datetime.UTC)
    if options.pdfx == "X-4":  # written in the same pass (render.pdfxwrite: no pikepdf round trip)
        from layout.render.pdfxwrite import PdfxDocument

        doc = PdfxDocument(title, when, output_profile=options.output_profile)
        return write_pdf(shown, PdfOptions(title=title, pdfx=doc, output_profile=options.output_profile,
                                           tags=options.tags, font_programs=options.font_programs))
    rendered = write_pdf(shown, PdfOptions(title=title, output_profile=options.output_profile,
                                           tags=options.tags and options.pdfx is None,
                                           font_programs=options.font_programs or options.pdfx is not None))
    if options.pdfx:
        from layout.render.pdfx import make_pdfx

        rendered.pdf = make_pdfx(rendered.pdf, standard=options.pdfx, title=title, date=when,
                                 output_profile_path=options.output_profile)
    return rendered
