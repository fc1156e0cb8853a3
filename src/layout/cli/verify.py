"""layout verify OUT.pdf --source ARCHIVE.txt [--json]: prove a reprint lost
nothing (issue 6).  Exit 0 when the PDF's text is the archive's (normalised, white
space aside), 1 on any character lost, added or moved, 2 on bad input."""

from __future__ import annotations

import argparse

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK, EXIT_PROBLEMS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="compare a PDF's text with the archive it was made from",
                       description="Read the PDF's text back and compare it with the archive (after the "
                                   "importer's punctuation normalisation, white space ignored). Every character "
                                   "lost, added or moved is reported; exit 1 on any difference.")
    p.add_argument("pdf", metavar="OUT.pdf", help="the reprinted page(s)")
    p.add_argument("--source", required=True, metavar="ARCHIVE.txt", help="the archive the PDF was made from")
    p.add_argument("--encoding", help="the archive's encoding (default: detected)")
    p.add_argument("--strict-order", action="store_true",
                   help="count whole elements the layout moved (captions, labels, continued stories) as "
                        "differences too")
    add_common_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.check.verify import format_report, verify

    with args.reporter.step(f"read {args.pdf} and {args.source} and compared them"):
        rep = verify(args.pdf, args.source, args.encoding, strict_order=args.strict_order)
    args.reporter.set(**rep.to_json())
    args.reporter.text(format_report(rep), problem=not rep.identical)
    return EXIT_OK if rep.identical else EXIT_PROBLEMS
