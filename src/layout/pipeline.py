"""One pipeline for every command and the Python API: load -> place -> render -> check.

Why one: ``layout render``, ``galley``, ``reprint`` and ``layout.render()`` used to
wire the stages each in its own way, and they drifted (a page that overrides its
faces was placed with its own font set but drawn with the first page's).  Here
every page keeps the font set it was placed with through drawing, and every entry
returns the same record, ``Output``: the PDF bytes, the placed pages, their fonts
and the problems found, as data.  Nothing here prints or writes files: commands
report and write, the API returns.

Stages (each a package, plain data between them): ``model.load_layout`` (YAML ->
``PageLayout``), ``place.place_page`` (-> ``PlacedPage``), ``render.output`` (->
PDF bytes through the display list and the PDF backend), ``check`` (problems
gathered per page and story; ``strict`` callers turn them into exit 1).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from layout.records import record

if TYPE_CHECKING:
    from layout.autolayout.archive import Reprint
    from layout.check.selfcheck import LayoutCheck, SelfCheck
    from layout.fonts import FontSet
    from layout.galley import GalleySpec, Paragraph
    from layout.model.types import PageLayout
    from layout.place.items import PlacedPage, Problem
    from layout.render.output import OutputOptions

@record
class Output:
    """What a run produced: the file's bytes, the pages as placed (with the font set
    each was placed and drawn with) and every problem found, in page order."""

    pdf: bytes
    pages: tuple[PlacedPage, ...] = ()
    fonts: tuple[FontSet, ...] = field(default=(), compare=False, repr=False)
    problems: tuple[Problem, ...] = ()
    kind: str = "PDF"  # "PDF/X-4", "PDF/X-1a", "PDF", "proof", "galley"
    # layouts imported from an archive (``archive:``): the PDF compared with it
    # (``check.selfcheck.LayoutCheck``), None when no layout names one
    archive_check: LayoutCheck | None = field(default=None, compare=False, repr=False)

    @property
    def stories(self) -> int:
        return sum(len(p.stories) for p in self.pages)


@record
class ReprintOutput:
    """A reprint's output and how the automatic layout came out (for reports)."""

    output: Output
    reprint: Reprint
    problems: tuple[str, ...] = field(default=())  # layout metrics' notes (holes, order), beside output.problems
    # the PDF compared with the archive in process (issue 13): any character lost or
    # added is a failure, whatever ``strict`` says
    verified: SelfCheck | None = None


# -- load ---------------------------------------------------------------------------------------------


def load(paths: Sequence[str | os.PathLike[str]], allow_paths: Sequence[str | os.PathLike[str]] = ()
         ) -> list[PageLayout]:
    """Every layout file, validated (``LayoutError`` with file:line:col otherwise)."""
    from layout.model import load_layout

    return [load_layout(p, allow_paths=allow_paths) for p in paths]


def load_source(source: str | os.PathLike[str] | Mapping[str, Any], base_dir: str | os.PathLike[str] | None = None,
                allow_paths: Sequence[str | os.PathLike[str]] = ()) -> PageLayout:
    """A layout given as a path, as YAML text or as a mapping (what YAML would
    read).  Files the text or mapping names are relative to ``base_dir`` (default:
    the working folder).  A string is a path when it has no line break and names
    an existing file or ends in .yaml/.yml; otherwise it is YAML text."""
    from layout.model.loader import load_layout, load_layout_text

    if isinstance(source, Mapping):
        import yaml

        text = yaml.safe_dump(dict(source), allow_unicode=True, sort_keys=False)
        return load_layout_text(text, base_dir or ".", "<dict>", allow_paths)
    if isinstance(source, os.PathLike) or _looks_like_path(source):
        return load_layout(source, allow_paths=allow_paths)
    return load_layout_text(str(source), base_dir or ".", "<string>", allow_paths)


def _looks_like_path(text: str) -> bool:
    if "\n" in text or not text.strip():
        return False
    return text.endswith((".yaml", ".yml")) or Path(text).is_file()


# -- place --------------------------------------------------------------------------------------------


def place(layouts: Sequence[PageLayout]) -> tuple[list[PlacedPage], list[FontSet]]:
    """Every page placed with its own font set (a page may override faces); the
    font sets are returned so each page is drawn with the faces it was measured with."""
    from layout.place import place_page

    fonts = [layout.fonts.fontset() for layout in layouts]
    return [place_page(layout, f) for layout, f in zip(layouts, fonts, strict=True)], fonts


# -- render + check -----------------------------------------------------------------------------------


def render_placed(pages: Sequence[PlacedPage], fonts: Sequence[FontSet], options: OutputOptions,
                  source: str = "") -> Output:
    """Placed pages into the PDF ``options`` ask for, with the problems placement
    and drawing found (``check``)."""
    from layout.render.output import render_output

    rendered = render_output(pages, fonts, options, source=source)
    return Output(rendered.pdf, tuple(pages), tuple(fonts), check(pages, rendered.problems), output_kind(options))


def check(pages: Sequence[PlacedPage], drawn: Sequence[Problem] = ()) -> tuple[Problem, ...]:
    """Every problem, page by page (placement's: overflow, missing glyphs ...), then
    drawing's (photo resolution).  Never printed here."""
    return (*(p for page in pages for p in page.problems), *drawn)


def output_kind(options: OutputOptions) -> str:
    if options.proof:
        return "proof"
    return f"PDF/{options.pdfx}" if options.pdfx else "PDF"


def render_layouts(layouts: Sequence[PageLayout], options: OutputOptions | None = None, source: str = "") -> Output:
    """Validated layouts -> ``Output`` (the date of the first page's header is the
    document's date unless ``options`` give one)."""
    from dataclasses import replace

    from layout.render.output import OutputOptions

    if not layouts:
        raise ValueError("no layouts to render")
    opts = options or OutputOptions()
    header = layouts[0].header
    if opts.date is None and header is not None and header.date is not None:
        opts = replace(opts, date=header.date)
    pages, fonts = place(layouts)
    return render_placed(pages, fonts, opts, source or layouts[0].source)


def render_files(paths: Sequence[str | os.PathLike[str]], options: OutputOptions | None = None,
                 allow_paths: Sequence[str | os.PathLike[str]] = ()) -> Output:
    """``layout render PAGE.yaml …``: the files, in page order, into one PDF.
    Layouts imported from an archive are compared with it (``Output.archive_check``)."""
    layouts = load(paths, allow_paths)
    out = render_layouts(layouts, options, source=str(paths[0]) if paths else "")
    return check_archive(out, layouts, allow_paths, bool(options and options.proof))


def check_archive(out: Output, layouts: Sequence[PageLayout], allow_paths: Sequence[str | os.PathLike[str]] = (),
                  proof: bool = False) -> Output:
    """``out`` with ``archive_check`` set when its layouts were imported from an
    archive (``archive:``): the PDF compared with it in process (issue 13)."""
    if not any(getattr(layout, "archive", None) for layout in layouts):
        return out  # nothing to compare with: the checker (difflib, the archive reader) is not imported
    from dataclasses import replace

    from layout.check.selfcheck import check_layouts

    checked = check_layouts(out.pdf, layouts, allow_paths, "<pdf>", proof=proof)
    return replace(out, archive_check=checked) if checked is not None else out


# -- reprint ------------------------------------------------------------------------------------------


def reprint(archive: str | os.PathLike[str], options: OutputOptions | None = None, template: str = "auto",
            encoding: str | None = None, source: str | None = None) -> ReprintOutput:
    """``layout reprint``: import an archived page, lay it out automatically on a
    template, render it.  The pages are an edition (``edition.reprint``: the one
    ``--yaml-dir`` writes), placed and rendered as ``layout render edition.yaml``
    does them: 报眉 on every page, jump lines and 接题, a tagged PDF.  ``source``: the
    archive's name for the proof's slug, when ``archive`` is a copy (a batch
    worker's), so the bytes are those of the original."""
    from dataclasses import replace

    from layout.autolayout.archive import reprint as auto_reprint
    from layout.edition.reprint import page_note, reprint_edition
    from layout.render.output import OutputOptions

    result = auto_reprint(archive, template, encoding)
    opts = options or OutputOptions()
    edition = reprint_edition(result)
    edition = replace(edition, source=str(archive) if source is None else source)
    with cycles_not_collected():
        out = _render_edition(edition, opts, jobs=1, progress=False, plates=False, items=False).output
    notes = tuple(page_note(result.layout, n, m) for n, page in enumerate(result.layout.metrics.pages)
                  for m in page.problems)
    return ReprintOutput(out, result, notes, verify_reprint(out.pdf, result, opts.proof))


def verify_reprint(pdf: bytes, result: Reprint, proof: bool = False) -> SelfCheck:
    """A reprint checks itself (issue 13): its PDF against the archive, in process
    (``layout verify``'s code path)."""
    from layout.check.selfcheck import check_import

    return check_import(pdf, result.imported, "<pdf>", proof=proof)


# -- edition ------------------------------------------------------------------------------------------


@record
class EditionResult:
    """An edition's output (one PDF of its pages) and its plates: (file name, bytes)
    of every page as a PDF of its own, named by date and page (20200810-03.pdf)."""

    output: Output
    plates: tuple[tuple[str, bytes], ...] = ()
    layouts: tuple = ()  # the pages' layouts (PageLayout), for the archive check
    # the pages as diagnostics read them: where each story placed on them was written,
    # continuations included (edition.jumps_warnings.DiagnosticLayout)
    diagnosed: tuple = ()


def render_edition_file(path: str | os.PathLike[str], options: OutputOptions | None = None,
                        allow_paths: Sequence[str | os.PathLike[str]] = (), jobs: int | None = None,
                        progress: bool = False, plates: bool = True, items: bool = True) -> EditionResult:
    """``layout render EDITION.yaml``: the edition loaded and checked whole, its pages
    placed (jumps resolved) and rendered on ``jobs`` processes (default one per core).
    ``plates`` False: no plate is returned (the pages are then rendered without
    their own font programs: the edition embeds each face once).  ``items`` False:
    the placed pages come back without their items (stories and problems only, all
    a report needs), and then each page is placed in the process that renders it,
    so placing goes wide too and nothing large comes back (``layout render``); True:
    the pages are placed in this process, only rendering goes wide."""
    from layout.edition.loader import load_edition
    from layout.render.output import OutputOptions

    opts = options or OutputOptions()
    if opts.output_profile is not None:
        from layout.render.pdfx import check_output_profile

        check_output_profile(opts.output_profile)
    with cycles_not_collected():
        return _render_edition(load_edition(path, allow_paths), opts, jobs, progress, plates, items)


@contextmanager
def cycles_not_collected():
    """Python's cyclic garbage collector paused for one bounded piece of work (an
    edition), then resumed.  Why: placing and drawing allocate millions of small
    objects (glyph runs, lines) that live until the PDF is written, and the
    collector keeps walking them to find next to no garbage: ~85 ms CPU of ~880 on
    the 16-page benchmark edition, for ~400 objects in cycles (+2 MB at the peak).
    Reference counting still frees everything else as usual.

    Resumed, the collector would first walk every object the work allocated (all
    in its youngest generation: ~20 ms CPU after the benchmark edition, ~6,000
    found).  So they go to the oldest generation unwalked (``gc.freeze`` then
    ``gc.unfreeze``: two list splices, and the youngest count reset), where the
    next full collection finds the cycles among them as it would have.  Not when
    the process keeps frozen objects of its own (``gc.freeze`` at start-up, for
    copy-on-write after fork): those stay frozen."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _render_edition(edition, opts: OutputOptions, jobs: int | None, progress: bool, plates: bool,
                    items: bool) -> EditionResult:
    from layout.edition.output import EditionOutput, place_and_render, plate_name, render_edition
    from layout.edition.place import place_edition

    eo = EditionOutput(pdfx=opts.pdfx, marks=opts.marks, proof=opts.proof, output_profile=opts.output_profile,
                       jobs=jobs, progress=progress, plates=plates)
    if items:  # placed here, rendered wide: a placed page (every glyph's position) is large to send back
        pages = place_edition(edition, jobs=1)
        pdf, done = render_edition(edition, pages, eo)
    else:  # each page placed and rendered in one process, both stages wide: only bytes come back
        pages, pdf, done = place_and_render(edition, eo, keep_items=False)
    fonts = tuple(p.layout.fonts.fontset() for p in edition.pages)
    out = Output(pdf, pages, fonts, check(pages, [p for d in done for p in d.problems]), output_kind(opts))
    files = tuple((plate_name(edition, ep.number), d.pdf) for ep, d in zip(edition.pages, done, strict=True))
    from layout.edition.jumps_warnings import diagnostic_layouts

    return EditionResult(out, files if plates else (), tuple(p.layout for p in edition.pages),
                         diagnostic_layouts(edition))


# -- galley -------------------------------------------------------------------------------------------


def galley(paragraphs: Sequence[Paragraph], spec: GalleySpec, fonts: FontSet | None = None,
           title: str = "galley") -> Output:
    """``layout galley``: paragraphs set in columns of the measure, page after page;
    the composer's problems as records (story None, the paragraph's line in the message)."""
    from layout.fonts import default_fontset
    from layout.galley import compose_galley, render_galley
    from layout.place.items import Problem, ProblemKind

    fonts = fonts or default_fontset()
    composed = compose_galley(paragraphs, spec, fonts)
    problems = tuple(
        Problem(ProblemKind.COMPOSE, None, f"paragraph at line {par.line}, char {pr.offset + 1}: {pr.kind}: {pr.message}")
        for par, cp in zip(paragraphs, composed, strict=True) for pr in cp.problems)
    return Output(render_galley(composed, spec, fonts, title=title), (), (fonts,), problems, "galley")
