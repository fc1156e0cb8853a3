"""layout preflight FILE.pdf: is this PDF fit for the newspaper plant?

Exit codes: 0 when no check fails (warnings allowed), 1 on any error, 2 when the
file is missing or not a PDF (the CLI's usage-error code).
"""

from __future__ import annotations

import argparse

from layout.cli.common import add_common_options
from layout.errors import EXIT_OK, EXIT_PROBLEMS


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "preflight", help="check a PDF against the plant's print rules (PDF/X, CMYK, fonts, images)",
        description="Check any PDF (ours or a client's ad) against the newspaper plant's rules: PDF/X "
                    "identification and output intent, boxes, RGB, fonts, .notdef, image resolution and "
                    "total ink, encryption, JavaScript.  Exit 1 on any error.")
    p.add_argument("pdf", metavar="FILE.pdf")
    p.add_argument("--standard", choices=("auto", "X-4", "X-1a"), default="auto",
                   help="PDF/X standard to check against (default: the one the file claims)")
    p.add_argument("--ink-limit", type=_percent, default=240.0, metavar="PCT",
                   help="total ink limit in percent (default 240, coldset newsprint)")
    p.add_argument("--min-ppi", type=_positive, default=150.0, metavar="PPI",
                   help="warn below this effective image resolution (default 150)")
    p.add_argument("--error-ppi", type=_positive, default=100.0, metavar="PPI",
                   help="error below this effective image resolution (default 100)")
    add_common_options(p)
    p.set_defaults(run=run)


def _percent(text: str) -> float:
    v = _positive(text)
    if v > 400:
        raise argparse.ArgumentTypeError(f"{text}: total ink is at most 400 %")
    return v


def _positive(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{text}: must be positive")
    return v


def run(args) -> int:
    from layout.check.preflight import preflight

    with args.reporter.step(f"checked {args.pdf}"):
        rep = preflight(args.pdf, standard=args.standard, ink_limit=args.ink_limit,
                        min_ppi=args.min_ppi, error_ppi=min(args.error_ppi, args.min_ppi))
    args.reporter.set(**rep.to_dict())
    args.reporter.text(rep.format_text(), problem=not rep.ok)
    return EXIT_OK if rep.ok else EXIT_PROBLEMS
