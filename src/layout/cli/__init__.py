"""The ``layout`` command.

Each subcommand is a module here with ``add_parser(subparsers)`` and
``run(args) -> int``.  Modules import their heavy dependencies inside ``run`` so
``layout --help`` stays fast.  Exit codes are fixed for the whole CLI
(``layout.errors``): 0 success, 1 problems under ``--strict``, 2 bad input/usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from layout import __version__
from layout.errors import EXIT_USAGE, LayoutError

# subcommand modules, in the order ``--help`` lists them; a module that does not
# exist yet is skipped, so stages can land one at a time
SUBCOMMANDS = ("render", "galley", "fonts", "schema", "preflight", "import_cmd", "reprint", "verify")
# the command a module adds, where it is not the module's name
COMMAND_NAMES = {"import_cmd": "import"}


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; keep its message on stderr."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``layout`` parser with every subcommand, or with just the command
    ``only`` (what ``main`` builds when the command line names one: importing the
    other subcommands' modules is time a one-page render need not spend)."""
    parser = _Parser(prog="layout", description="Print layout and PDF typesetting for Chinese newspapers.")
    parser.add_argument("--version", action="version", version=f"layout {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        if only is not None and COMMAND_NAMES.get(name, name) != only:
            continue
        try:
            mod = importlib.import_module(f"layout.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"layout.cli.{name}":
                continue
            raise
        mod.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    named = words[0] if words and words[0] in {COMMAND_NAMES.get(n, n) for n in SUBCOMMANDS} else None
    parser = build_parser(only=named)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE if args.command is None and argv is None and len(sys.argv) <= 1 else 0
    from layout.liblog import install

    install()
    try:
        return int(args.run(args) or 0)
    except LayoutError as e:
        print(f"layout: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
