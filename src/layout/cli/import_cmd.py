"""``layout import ARCHIVE.txt -o PAGE.yaml [--encoding E] [--report]``: an archived
page (plain text) as a page layout (issue 6).

The YAML is the ordinary layout format, for an operator to check and render.  Until
the automatic layout is plugged into ``layout.archive.import_page`` (its ``place``
argument), stories carry their content without placement keys.  ``--report``
prints what was recognised, story by story, with a confidence per decision.
"""

from __future__ import annotations

import argparse
import sys

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
    p.add_argument("--place", metavar="auto|tabloid|broadsheet|PATH",
                   help="also place the stories with the automatic layout on this page template (when the "
                        "archive fits one page; `layout reprint --yaml-dir` writes several)")
    p.add_argument("--report", action="store_true",
                   help="print what was recognised, story by story, with a confidence per decision "
                        "(to standard output, or standard error when the YAML goes there)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.archive.import_page import import_archive
    from layout.cli.common import write_atomic

    place = None
    if args.place:
        from layout.autolayout.archive import import_placement

        place = import_placement(args.place)
    result = import_archive(args.archive, encoding=args.encoding, place=place)
    if args.output:
        write_atomic(args.output, result.yaml_text.encode("utf-8"))
    else:
        sys.stdout.write(result.yaml_text)
    if args.report:
        (sys.stdout if args.output else sys.stderr).write(result.report)
    elif args.output:
        page = result.page
        unsure = sum(n.unsure for s in page.stories for n in s.notes) + sum(n.unsure for n in page.notes)
        print(f"{args.output}: {len(page.stories)} stories, {unsure} unsure decisions"
              + (" (see --report)" if unsure else ""), file=sys.stderr)
    return EXIT_OK
