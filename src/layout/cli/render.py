"""``layout render PAGE.yaml -o page.pdf``: the main job."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from layout.errors import EXIT_OK, EXIT_PROBLEMS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="set a YAML page layout into a PDF",
                       description="Set a YAML page layout into a PDF. Text that does not fit is reported; "
                                   "with --strict it makes the exit code 1.")
    p.add_argument("layout", help="the page layout (YAML)")
    p.add_argument("-o", "--output", help="the PDF to write (default: PAGE.pdf beside the layout)")
    p.add_argument("--strict", action="store_true", help="exit 1 when text overflows or a character has no glyph")
    p.add_argument("--allow-path", action="append", default=[], metavar="DIR",
                   help="let the layout read files under DIR (outside its own folder)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.cli.common import write_atomic
    from layout.model import load_layout
    from layout.place import place_page
    from layout.render.page import render_pdf

    layout = load_layout(args.layout, allow_paths=args.allow_path)
    fonts = layout.fonts.fontset()
    placed = place_page(layout, fonts)
    pdf = render_pdf(placed, fonts)
    out = Path(args.output) if args.output else Path(args.layout).with_suffix(".pdf")
    write_atomic(out, pdf)
    for p in placed.problems:
        print(f"layout: warning: {p.message}", file=sys.stderr)
    if not args.quiet:
        print(f"{out}: {len(placed.stories)} stories, {len(pdf) / 1024:.0f} KiB", file=sys.stderr)
    if args.strict and placed.problems:
        return EXIT_PROBLEMS
    return EXIT_OK
