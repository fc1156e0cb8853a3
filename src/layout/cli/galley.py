"""``layout galley``: set a plain-text story as a galley proof (长条校样).

    layout galley TEXT.txt -o galley.pdf [--measure 12em] [--size 小五] [--leading 1.5]
                  [--columns N] [--kinsoku gb] [--punct kaiming]
"""

from __future__ import annotations

import argparse
import re

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK, LayoutError, Location

KINSOKU_CHOICES = ("none", "basic", "gb", "strict", "newspaper")
PUNCT_CHOICES = ("full", "kaiming", "gb")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "galley",
        help="set a plain-text story in columns as a galley proof",
        description="Set a plain-text story (paragraphs separated by blank lines, or one per line) "
        "in columns of the given measure, page after page, as a PDF galley proof.",
    )
    p.add_argument("text", metavar="TEXT.txt", help="UTF-8 plain text")
    p.add_argument("-o", "--output", required=True, metavar="PDF", help="the galley PDF to write")
    p.add_argument("--measure", default="12em", help="column width: 12em (字), 30mm, 108pt (default 12em)")
    p.add_argument("--size", default="小五", help="body size: 小五, 五号, 9pt (default 小五)")
    p.add_argument("--leading", default="1.5", help="baseline pitch: a factor of the size (1.5) or a length (13.5pt)")
    p.add_argument("--columns", type=int, default=1, help="columns per page (default 1)")
    p.add_argument("--gutter", default="2em", help="space between columns (default 2em)")
    p.add_argument("--height", default="297mm", help="page height (default 297mm)")
    p.add_argument("--kinsoku", choices=KINSOKU_CHOICES, default="basic", help="line-start/end rules (default basic)")
    p.add_argument("--punct", choices=PUNCT_CHOICES, default="gb", help="punctuation widths (default gb)")
    p.add_argument("--strict", action="store_true", help="exit 1 when the composer reports problems")
    add_common_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout.cli.common import kib
    from layout.errors import EXIT_PROBLEMS
    from layout.files import plan_output
    from layout.galley import read_text, split_paragraphs
    from layout.pipeline import galley

    report = args.reporter
    spec = _spec(args)
    out = plan_output(args.output, inputs=[args.text])
    text = read_text(args.text)
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise LayoutError(f"{args.text}: no text to set (the file is empty or only blank lines)")
    with report.step("composed and drawn"):
        result = galley(paragraphs, spec, title=str(args.text))
    for p in result.problems:
        report.warn(p.message, _place(args.text, p.message), kind=str(p.kind))
    out.write(result.pdf)
    pages = len(re.findall(rb"/Type /Page\b(?!s)", result.pdf))
    report.wrote(out, f"galley, {pages} page(s), {len(paragraphs)} paragraphs, {kib(len(result.pdf))}",
                 kind="pdf", pages=pages, bytes=len(result.pdf))
    report.set(paragraphs=len(paragraphs), problems=len(result.problems))
    return EXIT_PROBLEMS if (args.strict and result.problems) else EXIT_OK


def _spec(args: argparse.Namespace):
    from layout.galley import GalleySpec
    from layout.units import MAX_PAGE_PT, UnitError, parse_length, parse_size

    try:
        size = parse_size(args.size)
        measure = parse_length(args.measure, size, bare="em")
        leading = _leading(args.leading, size)
        gutter = parse_length(args.gutter, size, bare="em")
        height = parse_length(args.height, size)
    except UnitError as e:
        raise LayoutError(str(e)) from None
    if measure < size:
        raise LayoutError(
            f"--measure {args.measure} is {measure:.2f} pt, narrower than one character ({size:g} pt at --size {args.size})",
            hint="a galley column holds at least one character; newspapers use 8-22 em",
        )
    from layout.cli.options import MAX_COLUMNS, check_count

    check_count("--columns", args.columns, 1, MAX_COLUMNS)
    if leading < 1.0:
        raise LayoutError(f"--leading {args.leading} is less than the type size: lines would overlap")
    if gutter < 0:
        raise LayoutError(f"--gutter must not be negative, got {args.gutter}")
    spec = GalleySpec(measure=measure, size=size, leading=leading, columns=args.columns, gutter=gutter,
                      page_height=height, kinsoku=args.kinsoku, punct=args.punct)
    if height < 2 * spec.margin + size:
        raise LayoutError(f"--height {args.height} leaves no room for a line")
    if spec.page_width > MAX_PAGE_PT:
        raise LayoutError(f"--columns {args.columns} of --measure {args.measure} make a page "
                          f"{spec.page_width:,.0f} pt wide; a PDF page is at most {MAX_PAGE_PT:,.0f} pt",
                          hint="use fewer columns or a narrower measure")
    return spec


def _leading(value: str, size: float) -> float:
    """A bare number is a factor of the size; a length is the pitch itself."""
    import math

    from layout.units import UnitError, parse_length

    try:
        factor = float(value)
    except ValueError:
        return parse_length(value, size) / size
    if not math.isfinite(factor) or factor > 100:
        raise UnitError(f"--leading {value}: a factor of the type size from 1 to 100, or a length such as 13.5pt")
    return factor


def _place(name: str, message: str) -> Location:
    """The text file and the line of the paragraph a composer problem is about
    (``pipeline.galley`` names it in the message: "paragraph at line N, …")."""
    m = re.match(r"paragraph at line (\d+)", message)
    return Location(name, int(m.group(1))) if m else Location(name)
