"""``layout render PAGE.yaml [PAGE2.yaml …] -o page.pdf``: the main job."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from layout import pipeline
    from layout.cli.common import write_atomic
    from layout.place.items import ADVISORY, ProblemKind
    from layout.render.output import PDFX_CHOICES, OutputOptions

    layouts = pipeline.load(args.layouts, args.allow_path)
    if args.fit:
        from dataclasses import replace

        layouts = [replace(lay, stories=tuple(replace(s, fit=True) for s in lay.stories)) for lay in layouts]
    opts = OutputOptions(pdfx=PDFX_CHOICES[args.pdfx], marks=args.marks, proof=args.proof,
                         output_profile=args.output_profile)
    result = pipeline.render_layouts(layouts, opts, source=str(args.layouts[0]))
    out = Path(args.output) if args.output else Path(args.layouts[0]).with_suffix(".pdf")
    write_atomic(out, result.pdf)
    for p in result.problems:
        note = p.kind == ProblemKind.FIT and "cannot" not in p.message  # what copyfit changed: said, not warned
        if not (note and args.quiet):
            print(f"layout: {'note' if note else 'warning'}: {p.message}", file=sys.stderr)
    if args.png:
        from layout.render.png import png_pages

        folder = Path(args.png)
        for n, data in enumerate(png_pages(result.pdf, args.dpi), 1):
            path = folder / f"{out.stem}-p{n}.png"
            write_atomic(path, data)
            if not args.quiet:
                print(f"{path}", file=sys.stderr)
    if not args.quiet:
        print(f"{out}: {result.kind}, {len(result.pages)} page(s), {result.stories} stories, "
              f"{len(result.pdf) / 1024:.0f} KiB", file=sys.stderr)
    if args.strict and any(p.kind not in ADVISORY for p in result.problems):
        return EXIT_PROBLEMS
    return EXIT_OK
