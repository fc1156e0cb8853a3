"""layout reprint ARCHIVE.txt -o OUT.pdf: import an archived page, lay it out
automatically on a page template and render it, in one step (issue 6).

When the text does not fit one page it continues on the next (a story carried on
at a paragraph break); nothing overflows and the type is never made smaller.
--yaml-dir also writes every page as layout YAML (with the template it
extends) and edition.yaml joining them (the 报眉 numbered on, the continued
stories linked: layout.autolayout.archive.edition_yaml), for an operator to
correct and render with layout render: the edition gives the same pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK, EXIT_PROBLEMS, LayoutError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reprint", help="import an archived page, lay it out automatically and render it",
        description="Recognise an archived page (plain text), place its stories on a page template the way "
                    "a layout editor would (reading order, the lead story on top with the widest headline, "
                    "headline sizes by rank, photo frames where captions were found, the type area filled: the "
                    "body's leading and size copyfitted so the text ends at the page's foot) "
                    "and write the PDF. Text that does not fit one page continues on the next.")
    p.add_argument("archive", nargs="+", metavar="ARCHIVE.txt|DIR",
                   help="the archived page; or several, or folders of them (*.txt): a batch into -o OUT_DIR")
    p.add_argument("-o", "--output", metavar="OUT.pdf|OUT_DIR",
                   help="the PDF to write (default: the archive's name .pdf); for a batch, the folder")
    p.add_argument("--template", default="auto", metavar="auto|tabloid|broadsheet|octavo|PATH",
                   help="page template: tabloid (4开), broadsheet (对开), octavo (8开), a layout file, or auto "
                        "(default: the built-in template the archive fills best: no holes first, then the "
                        "fewest pages)")
    p.add_argument("--encoding", help="the archive's encoding (default: detected)")
    p.add_argument("--report", action="store_true",
                   help="print what was recognised and how the pages came out (metrics per page)")
    p.add_argument("--yaml-dir", metavar="DIR",
                   help="also write every page as layout YAML into DIR, and DIR/edition.yaml joining them "
                        "(layout render DIR/edition.yaml gives the same pages: 报眉, jump lines, 接题)")
    p.add_argument("--pdfx", choices=("x4", "x1a", "none"), default="x4",
                   help="print standard of the PDF (default x4 = PDF/X-4)")
    p.add_argument("--proof", action="store_true", help="write a proof (grid, frames, placeholders) instead")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when a page has a hole, overflow or a problem (a character of the archive lost "
                        "or added is exit 1 always)")
    add_common_options(p)
    from layout.cli.reprint_batch import add_batch_arguments

    add_batch_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.cli.common import kib
    from layout.cli.reprint_batch import is_batch, run_batch_command
    from layout.files import STDIO, check_folder, make_folder, plan_output
    from layout.pipeline import reprint
    from layout.render.output import PDFX_CHOICES, OutputOptions

    report = args.reporter
    if is_batch(args):
        return run_batch_command(args)
    args.archive = args.archive[0]
    if args.output is None and args.archive == STDIO:
        raise LayoutError("an archive read from standard input needs -o (use -o - for standard output)")
    out = plan_output(args.output or str(Path(args.archive).with_suffix(".pdf")), inputs=[args.archive])
    if args.yaml_dir:
        check_folder(args.yaml_dir, "--yaml-dir")
    opts = OutputOptions(pdfx=PDFX_CHOICES[args.pdfx], proof=args.proof)
    with report.step("recognised, laid out and drawn"):
        done = reprint(args.archive, opts, args.template, args.encoding)
    result, auto = done.reprint, done.reprint.layout
    yamls = []
    if args.yaml_dir:
        from layout.autolayout.archive import EDITION_FILE
        from layout.cli.import_edition import write_edition

        folder = make_folder(args.yaml_dir, "--yaml-dir")
        yamls = write_edition(result, args.archive, folder / EDITION_FILE, [args.archive, out.target or STDIO])
    out.write(done.output.pdf)
    from layout.place.items import ADVISORY

    problems = _page_problems(done.output, result.layout) + list(done.problems)
    from layout.edition.reprint import page_note

    # the empty foot of a page (advisory)
    problems += [page_note(auto, i, n) for i, m in enumerate(auto.metrics.pages) for n in m.notes]
    problems += result.imported.normalized.warnings(args.archive)
    for message in problems:
        report.warn(message)
    check = self_check(report, done.verified)
    # underfill up to the page bar's 2 lines is said, not failed: the metrics judge holes
    failing = [p for p in done.output.problems if p.kind not in ADVISORY] + list(done.problems)
    if args.report:
        text = result.imported.report + _layout_report(auto)
        if report.as_json:
            report.set(recognition=text)
        else:
            sys.stdout.write(text)
    for path in yamls:
        report.wrote(path, "layout YAML", kind="yaml")
    pdf = done.output.pdf
    report.wrote(out, f"{done.output.kind}, {result.template_file.stem}, {len(auto.pages)} page(s), "
                      f"{sum(len(p) for p in auto.pages)} stories, {kib(len(pdf))}; "
                      f"{auto.metrics.summary()}", kind="pdf", pages=len(auto.pages), bytes=len(pdf))
    report.set(template=result.template_file.stem, clean=all(p.clean for p in auto.metrics.pages))
    if check or (args.strict and (failing or any(not p.clean for p in auto.metrics.pages))):
        return EXIT_PROBLEMS
    return EXIT_OK


def _page_problems(output, auto) -> list[str]:
    """The problems of the placed pages, each with its page (第7版) when there is more
    than one: the stories are numbered per page, as the page files of --yaml-dir
    number them; then what drawing found."""
    from layout.edition.reprint import first_number

    pages = output.pages
    base = first_number(auto)
    out = [f"第{base + n}版: {p.message}" if len(pages) > 1 else p.message
           for n, page in enumerate(pages) for p in page.problems]
    return out + [p.message for p in output.problems[sum(len(page.problems) for page in pages):]]


def _layout_report(auto) -> str:
    lines = ["", "automatic layout:"]
    for n, (stories, m) in enumerate(zip(auto.pages, auto.metrics.pages, strict=True), 1):
        lines.append(f"page {n}: {m.stories} stories, fill {m.fill_pct:.1f}%, holes {m.holes}, "
                     f"overflow {m.overflow_lines} lines, tombstones {m.tombstones}, order {m.order_violations}, "
                     f"rank {m.rank_violations}, depth {m.depth_violations}, empty rows below {m.unfilled_rows}")
        for s in stories:
            extra = f", {s.text_columns} text columns" if s.text_columns != s.columns.count else ""
            photos = f", {len(s.photos)} photo frames" if s.photos else ""
            rules = f", rules {'/'.join(s.rules)}" if s.rules else ""
            lines.append(f"  {s.id:14} columns {s.columns!s:5} rows {s.rows!s:7} {s.headline_style}{extra}{photos}"
                         f"{rules}")
    for c in auto.continued:
        lines.append(f"continued: {c.story} runs as {', '.join(c.parts)}")
    from layout.autolayout.levers import short_copy

    levers = short_copy(auto)
    if levers:
        lines.append(levers)
    lines.append(auto.metrics.summary())
    return "\n".join(lines) + "\n"


def self_check(report, check) -> bool:
    """Say what the comparison of the PDF with its archive found (issue 13): each
    character lost or added an error with its place, moves warnings; True when it
    failed.  ``check``: a ``check.selfcheck.SelfCheck`` or None (not checked)."""
    from layout.diagnostics import Diagnostic, Severity

    if check is None:
        return False
    for message in check.warnings:
        report.warn(message, kind="moved")
    for message in check.errors:
        report.diagnose(Diagnostic(Severity.ERROR, message, None, None, "lost"))
    report.set(verified={"identical": check.report.identical, "lost": check.lost, "added": check.added})
    if check.failed:
        report.diagnose(Diagnostic(Severity.ERROR, check.summary(), None,
                                   "the PDF was written; nothing of the archive may go missing", "lost"))
    else:
        report.detail(check.summary())
    return check.failed
