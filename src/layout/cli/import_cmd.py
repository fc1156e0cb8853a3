"""layout import ARCHIVE.txt -o PAGE.yaml [--encoding E] [--report]: an archived
page (plain text) as a page layout (issue 6).

The YAML is the ordinary layout format, placed by the automatic layout on a page
template, for an operator to check, correct and render.  An archive too long for one
page is written as an edition, as ``layout reprint --yaml-dir`` writes it: PAGE.yaml is
the edition file (``layout render PAGE.yaml`` renders every page), the pages beside it
(PAGE-p1.yaml, PAGE-p2.yaml …) with the template they extend.  --no-place writes the
recognised content only.  --report
prints what was recognised, story by story, with a confidence per decision.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="recognise an archived page (plain text) and write it as a page layout",
                       description="Recognise an archived page (plain text: page name, then stories) and write "
                                   "it as a YAML page layout. The archive may be UTF-8, GB18030/GBK or UTF-16 "
                                   "(detected), with any line ends.")
    p.add_argument("archive", metavar="ARCHIVE.txt", help="the archived page")
    p.add_argument("-o", "--output", metavar="PAGE.yaml", help="the layout to write (default: standard output)")
    p.add_argument("--encoding", help="the archive's encoding (utf-8, gb18030, gbk, utf-16, big5 …); "
                                      "default: detected")
    p.add_argument("--place", metavar="auto|tabloid|broadsheet|octavo|PATH", default="auto",
                   help="the page template the automatic layout places the stories on (default: auto, "
                        "the best of the built-in templates)")
    p.add_argument("--no-place", dest="place", action="store_const", const=None,
                   help="write the recognised content only, without placement (not renderable as it is)")
    p.add_argument("--report", action="store_true",
                   help="print what was recognised, story by story, with a confidence per decision "
                        "(to standard output, or standard error when the YAML goes there)")
    add_common_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.archive.import_page import import_archive
    from layout.files import STDIO, plan_output

    out = plan_output(args.output, "layout", inputs=[args.archive]) if args.output else None
    if out is not None and args.output == STDIO:
        args.output, out = None, None  # '-o -': the YAML to standard output, as without -o
    place, placed_one_page = None, [True]
    if args.place:
        from layout.autolayout.archive import import_placement

        one_page = import_placement(args.place)

        def place(page):
            placement = one_page(page)  # no stories placed: the archive needs more than a page
            placed_one_page[0] = bool(placement.stories)
            return placement
    report = args.reporter
    with report.step("recognised and placed"):
        result = import_archive(args.archive, encoding=args.encoding, place=place, check_load=place is not None,
                                archive_key=None if args.archive == STDIO else {"file": _relative(args.archive,
                                                                                                  args.output)})
    for message in result.normalized.warnings(args.archive):
        report.warn(message, kind="control-character")
    placed = placed_one_page[0]
    page = result.page
    unsure = sum(n.unsure for s in page.stories for n in s.notes) + sum(n.unsure for n in page.notes)
    summary = f"{len(page.stories)} stories, {unsure} unsure decisions" + (" (see --report)" if unsure else "")
    if args.output and not placed:
        written = _write_pages(args)
    elif out is not None:
        out.write(result.yaml_text.encode("utf-8"))
        written = [out]
    elif report.as_json:
        report.set(yaml=result.yaml_text)
        written = []
    else:
        sys.stdout.write(result.yaml_text)
        written = []
    for n, path in enumerate(written):
        report.wrote(path, summary if n == len(written) - 1 else "layout YAML", kind="yaml")
    report.set(stories=len(page.stories), unsure=unsure)
    if args.report:
        text = result.report
        if report.as_json:
            report.set(recognition=text)
        else:
            (sys.stdout if args.output else sys.stderr).write(text)
    return EXIT_OK


def _write_pages(args: argparse.Namespace) -> list[Path]:
    """An archive longer than a page: an edition, as ``layout reprint --yaml-dir``
    writes it (``cli.import_edition``): the output is the edition file (``layout
    render OUT.yaml`` renders every page), the pages beside it (OUT-p1.yaml …) with
    the template they extend.  (This lays the archive out a second time, over several
    pages; the one-page try above found it too long.)"""
    from layout.autolayout.archive import reprint
    from layout.cli.import_edition import write_edition

    out = Path(args.output)
    result = reprint(args.archive, args.place, args.encoding)
    return write_edition(result, args.archive, out, [args.archive],
                         page_name=lambda n: f"{out.stem}-p{n}{out.suffix}")


def _relative(archive: str, output: str | None) -> str:
    """The archive's path as the layout names it (``archive:``): relative to the
    folder the layout is written to (the working folder for standard output)."""
    import os

    folder = Path(output).absolute().parent if output else Path.cwd()
    return Path(os.path.relpath(Path(archive).absolute(), folder)).as_posix()
