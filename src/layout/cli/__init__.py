"""The ``layout`` command.

Each subcommand is a module here with ``add_parser(subparsers)`` and
``run(args) -> int``.  Modules import their heavy dependencies inside ``run`` so
``layout --help`` stays fast.  Every subcommand adds the shared message flags
(``common.add_common_options``: -q, -v, --json, --diagnostic-format) and tells its
user what it did through ``args.reporter`` (``common.Reporter``).  Exit codes are fixed for the whole CLI
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
SUBCOMMANDS = ("render", "watch", "galley", "fonts", "schema", "preflight", "import_cmd", "reprint", "verify")
# the command a module adds, where it is not the module's name
COMMAND_NAMES = {"import_cmd": "import"}


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already, its message on stderr; the message
    is kept so that ``--json`` can carry it too."""

    last_error: str | None = None

    def error(self, message: str):  # type: ignore[override]
        _Parser.last_error = message
        super().error(message)


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
    """Run the command line ``argv`` and return its exit code.  Run as the command
    itself (``argv`` None: the ``layout`` script, ``python -m layout``), the process
    ends here (``exit_now``) -- unless a profiler or tracer (cProfile, coverage) is
    running, which writes its results at the normal exit."""
    code = _main(argv)
    if argv is None and sys.getprofile() is None and sys.gettrace() is None:
        exit_now(code)
    return code


def exit_now(code: int) -> None:
    """End the process without tearing the interpreter down.  Why: freeing every
    object one by one at exit costs ~90 ms CPU after an edition of 16 pages (each
    placed glyph, line and story; benchmarks/README.md "Editions"), memory the
    system takes back at once anyway.  Exit handlers still run (logging,
    multiprocessing, weakref finalizers) and the standard streams are flushed."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            code = code or 128 + 13  # the reader went away (``_stdout_closed``)
        except (OSError, ValueError):
            pass
    os._exit(code)


def _main(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    named = words[0] if words and words[0] in {COMMAND_NAMES.get(n, n) for n in SUBCOMMANDS} else None
    parser = build_parser(only=named)
    _Parser.last_error = None
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        if e.code == EXIT_USAGE and "--json" in words and _Parser.last_error:
            _usage_json(named or "layout", _Parser.last_error)
        raise
    if not getattr(args, "run", None):
        # ``layout`` alone is a usage error: the help goes to stderr (stdout may be a pipe
        # expecting data), exit 2 -- as ``layout --help`` is not
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from layout.cli.common import Reporter
    from layout.liblog import install

    install()
    report = args.reporter = Reporter.from_args(args)
    try:
        if report.as_json and getattr(args, "output", None) == "-":
            raise LayoutError("--json and -o - would both write to standard output",
                              hint="write the file with -o FILE, or leave out --json")
        code = int(args.run(args) or 0)
    except LayoutError as e:
        report.error(e)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        return _stdout_closed()
    try:
        return report.finish(code)
    except BrokenPipeError:
        return _stdout_closed()


def _usage_json(command: str, message: str) -> None:
    """A usage mistake under ``--json``: the JSON result carries it as well."""
    from layout.cli.common import Reporter
    from layout.diagnostics import Diagnostic, Severity

    report = Reporter(command, as_json=True)
    report.diagnostics.append(Diagnostic(Severity.ERROR, message, kind="usage"))
    report.finish(EXIT_USAGE)


def _stdout_closed() -> int:
    """The reader of our stdout went away (``layout … --json | head``): not an error
    worth a traceback; exit as a process killed by SIGPIPE would (128 + 13), quietly."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    return 141
