"""``layout render PAGE.yaml [PAGE2.yaml …] -o page.pdf``: the main job."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK, EXIT_PROBLEMS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "render", help="set YAML page layouts into a print-ready PDF (or a proof)",
        description="Set one or more YAML page layouts into one PDF: print-ready PDF/X-4 by default, "
                    "a proof with --proof. Text that does not fit is reported; with --strict it makes "
                    "the exit code 1.")
    p.add_argument("layouts", nargs="+", metavar="PAGE.yaml", help="page layouts, in page order")
    p.add_argument("-o", "--output", help="the PDF to write (default: the first layout's name with .pdf)")
    p.add_argument("--proof", action="store_true",
                   help="write a proof: grid, story frames and ids, overflow, placeholders, slug line")
    p.add_argument("--png", metavar="DIR", help="also write a PNG of every page into DIR")
    p.add_argument("--dpi", type=int, default=100, help="resolution of the PNGs (default 100)")
    p.add_argument("--pdfx", choices=("x4", "x1a", "none"), default="x4",
                   help="print standard of the PDF (default x4 = PDF/X-4; ignored for proofs)")
    p.add_argument("--marks", action="store_true", help="crop and registration marks in a slug outside the bleed")
    p.add_argument("--output-profile", metavar="FILE.icc",
                   help="the plant's CMYK output profile: photos are separated with it and it becomes the "
                        "PDF/X output intent (default: the bundled newsprint coldset profile)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when text overflows, a character has no glyph or a photo is low-resolution")
    p.add_argument("--fit", action="store_true",
                   help="copyfit every story (as fit: true does for one) within the layout's copyfit: tolerances")
    p.add_argument("--allow-path", action="append", default=[], metavar="DIR",
                   help="let the layout read files under DIR (outside its own folder)")
    add_common_options(p)
    p.add_argument("--plates", metavar="DIR",
                   help="an edition: also write one PDF/X per page into DIR, named by date and page "
                        "(20200810-03.pdf)")
    p.add_argument("--jobs", type=_jobs, metavar="N",
                   help="an edition: processes rendering its pages (default: one per core)")
    p.set_defaults(run=run)


def _plan_outputs(args: argparse.Namespace):
    """Every output checked before any work (``layout.files``): the PDF (``-`` is
    standard output), the PNG folder, the output profile."""
    from layout.errors import LayoutError
    from layout.files import STDIO, check_folder, plan_output

    if args.output is None and STDIO in args.layouts:
        raise LayoutError("a layout read from standard input needs -o (use -o - for standard output)")
    name = args.output or str(Path(args.layouts[0]).with_suffix(".pdf"))
    if args.png:
        from layout.cli.options import check_dpi

        check_dpi(args.dpi)
        folder = check_folder(args.png, "--png")
        for n in range(1, len(args.layouts) + 1):  # one page per layout
            if folder.is_dir():
                plan_output(folder / f"{_stem(args)}-p{n}.png", "PNG")
    if args.output_profile:
        from layout.render.pdfx import check_output_profile

        check_output_profile(args.output_profile)
    return plan_output(name, inputs=[*args.layouts, *([args.output_profile] if args.output_profile else [])])


def _stem(args: argparse.Namespace) -> str:
    name = args.output if args.output and args.output != "-" else args.layouts[0]
    return Path(name).stem if name != "-" else "page"


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 256:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of processes from 1 to 256")
    return n


def run(args: argparse.Namespace) -> int:
    from layout.cli.common import kib
    from layout.diagnostics import Severity, pages_diagnostics, shown_path
    from layout.pipeline import check_archive, load, render_layouts
    from layout.place.items import ADVISORY
    from layout.render.output import PDFX_CHOICES, OutputOptions

    report = args.reporter
    out = _plan_outputs(args)
    opts = OutputOptions(pdfx=PDFX_CHOICES[args.pdfx], marks=args.marks, proof=args.proof,
                         output_profile=args.output_profile)
    if _is_edition(args):
        return _edition(args, out, opts)
    with report.step("read"):
        layouts = load(args.layouts, args.allow_path)
    out.refuse_inputs(f for layout in layouts for f in layout.inputs)
    for layout in layouts:
        report.detail(f"{shown_path(layout.source)}: {len(layout.stories)} stories, {len(layout.inputs)} files read")
    if args.png:
        from layout.cli.options import check_png_size

        for layout in layouts:  # the PDF page: trim, bleed and a slug for marks
            pad = 2 * layout.page.bleed + 72
            check_png_size(layout.page.width + pad, layout.page.height + pad, args.dpi)
    if args.fit:
        from dataclasses import replace

        layouts = [replace(lay, stories=tuple(replace(s, fit=True) for s in lay.stories)) for lay in layouts]
    with report.step("placed and drawn"):
        result = render_layouts(layouts, opts, source=str(args.layouts[0]))
    with report.step("checked against the archive"):
        result = check_archive(result, layouts, args.allow_path, args.proof)
    out.write(result.pdf)
    n_pages = len(result.pages)
    diagnostics = pages_diagnostics([(lay, page.problems) for lay, page in zip(layouts, result.pages, strict=True)],
                                    result.problems[sum(len(p.problems) for p in result.pages):])
    for d in diagnostics:
        report.diagnose(d)
    report.wrote(out, f"{result.kind}, {n_pages} page(s), {result.stories} stories, {kib(len(result.pdf))}",
                 kind="pdf", pages=n_pages, bytes=len(result.pdf))
    report.set(pages=[_page_json(lay, page) for lay, page in zip(layouts, result.pages, strict=True)])
    if args.png:
        _write_pngs(report, args, result.pdf)
    lost = _archive_check(report, result.archive_check)
    # copyfit notes and underfill are said, never failed (place.items.ADVISORY)
    if lost or (args.strict and any(d.severity is not Severity.NOTE and d.kind not in ADVISORY for d in diagnostics)):
        return EXIT_PROBLEMS
    return EXIT_OK


def _page_json(layout, page) -> dict:
    """A page's stories as they came out, for --json."""
    return {"source": layout.source, "stories": [
        {"id": r.id, "body_lines": r.body_lines, "lines_over": r.lines_over, "chars_over": r.chars_over,
         "rows_free": r.rows_free} for r in page.stories]}


def _archive_check(report, result) -> bool:
    """Imported layouts (``archive:``) are checked against their archive like a
    reprint (issue 13, ``pipeline.check_archive``); True when a character was lost
    or added.  ``result``: a ``check.selfcheck.LayoutCheck`` or None."""
    if result is None:  # the usual case: nothing imported (the reprint command not imported either)
        return False
    from layout.cli.reprint import self_check
    from layout.diagnostics import Diagnostic, Severity

    if result.check is None:
        report.diagnose(Diagnostic(Severity.NOTE, result.note or "not checked against the archive", kind="archive"))
        return False
    if not result.check.failed:
        report.diagnose(Diagnostic(Severity.NOTE, result.check.summary(), kind="archive"))
    return self_check(report, result.check)


def _is_edition(args: argparse.Namespace) -> bool:
    from layout.edition.loader import is_edition_file
    from layout.errors import LayoutError

    if not any(is_edition_file(path) for path in args.layouts):
        if args.plates:
            raise LayoutError("--plates writes the pages of an edition; give an edition file (edition: ...)")
        return False
    if len(args.layouts) != 1:
        raise LayoutError("an edition file is rendered alone: its pages are listed in it")
    return True


def _edition(args: argparse.Namespace, out, opts) -> int:
    """An edition file (layout.edition): its pages placed together (jumps), rendered
    on all cores; one PDF, and with --plates one PDF/X per page, every output
    checked before anything is written."""
    from layout.cli.common import kib
    from layout.diagnostics import Severity, pages_diagnostics
    from layout.files import check_folder, plan_output
    from layout.pipeline import check_archive, render_edition_file
    from layout.place.items import ADVISORY

    report = args.reporter
    plate_dir = check_folder(args.plates, "--plates") if args.plates else None
    with report.step("placed and drawn"):
        edition = render_edition_file(args.layouts[0], opts, allow_paths=args.allow_path, jobs=args.jobs,
                                      progress=sys.stderr.isatty() and not getattr(args, "quiet", False),
                                      plates=plate_dir is not None, items=False)
    with report.step("checked against the archive"):  # pages imported from one (a reprint's edition.yaml)
        result = check_archive(edition.output, edition.layouts, args.allow_path, args.proof)
    plates = [(plan_output(plate_dir / name, "plate", inputs=[args.layouts[0]]), data)
              for name, data in edition.plates] if plate_dir is not None else []
    out.write(result.pdf)
    if plates and not plate_dir.exists():
        plate_dir.mkdir(parents=True)
    for plate, data in plates:
        plate.write(data)
    diagnostics = pages_diagnostics([(lay, page.problems) for lay, page in zip(edition.diagnosed, result.pages,
                                                                               strict=True)],
                                    result.problems[sum(len(p.problems) for p in result.pages):])
    for d in diagnostics:
        report.diagnose(d)
    report.wrote(out, f"{result.kind}, edition of {len(result.pages)} page(s), {result.stories} stories, "
                      f"{kib(len(result.pdf))}", kind="pdf", pages=len(result.pages), bytes=len(result.pdf))
    for plate, data in plates:
        report.wrote(plate, f"plate, {kib(len(data))}", kind="plate", bytes=len(data))
    if args.png:
        _write_pngs(report, args, result.pdf)
    lost = _archive_check(report, result.archive_check)
    if lost or (args.strict and any(d.severity is not Severity.NOTE and d.kind not in ADVISORY for d in diagnostics)):
        return EXIT_PROBLEMS
    return EXIT_OK


def _write_pngs(report, args: argparse.Namespace, pdf: bytes) -> None:
    """``--png DIR``: a preview of every page of the PDF just written (a page or an edition)."""
    from layout.files import make_folder, write_file
    from layout.render.png import png_pages

    folder = make_folder(args.png, "--png")
    for n, data in enumerate(png_pages(pdf, args.dpi), 1):
        path = folder / f"{_stem(args)}-p{n}.png"
        write_file(path, data, "PNG")
        report.wrote(path, f"PNG, {args.dpi} dpi", kind="png")
