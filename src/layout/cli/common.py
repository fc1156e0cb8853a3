"""Helpers shared by subcommands: writing an output file whole or not at all; the
flags and messages every command shares (``add_common_options``, ``Reporter``)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import Any, TextIO

from layout.diagnostics import (
    Diagnostic,
    DiagnosticFormat,
    Severity,
    format_diagnostic,
    from_error,
    use_color,
)
from layout.errors import EXIT_OK, LayoutError, Location


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` by ``layout.files``' rules (whole or not at all;
    devices and FIFOs written through; symlinks followed; ``-`` is stdout)."""
    from layout.files import write_file

    write_file(path, data)


# ----------------------------------------------------------------- messages every command shares
# One set of flags with one meaning on every command (issue 16):
#   -q        nothing but warnings and errors on stderr (no "wrote" lines, no report text)
#   -v, -vv   also what was read and how long each step took
#   --json    one JSON object on stdout: the command, its exit code, the files it wrote,
#             every diagnostic as a record, and what the command found
#   --diagnostic-format human|short   source line and caret, or file:line:col: severity: message
# Human-readable messages always go to stderr, so stdout stays for data (a report,
# a schema, YAML, JSON).


def add_common_options(p: argparse.ArgumentParser) -> None:
    """The shared message flags (see above); every subcommand calls this once."""
    g = p.add_argument_group("messages")
    loud = g.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    loud.add_argument("-v", "--verbose", action="count", default=0,
                      help="also say what was read and how long each step took")
    g.add_argument("--json", action="store_true",
                   help="print the result as one JSON object on standard output (files written, "
                        "problems with file:line:col, what was found)")
    g.add_argument("--diagnostic-format", choices=[f.value for f in DiagnosticFormat], default="human",
                   help="how problems are shown on standard error: human (the source line with a caret) or "
                        "short (file:line:col: severity: message, one line each, for editors)")


class Reporter:
    """What a command tells its user, in one place: the files it wrote, its problems
    (``Diagnostic`` records, shown as the flags ask) and, under ``--json``, the
    machine-readable result on stdout.  ``main`` makes one per run
    (``args.reporter``) and calls ``finish`` with the exit code."""

    def __init__(self, command: str, *, quiet: bool = False, verbose: int = 0, as_json: bool = False,
                 fmt: DiagnosticFormat = DiagnosticFormat.HUMAN, err: TextIO | None = None,
                 out: TextIO | None = None):
        self.command = command
        self.quiet, self.verbose, self.as_json, self.fmt = quiet, verbose, as_json, fmt
        self._err, self._out = err, out
        self.outputs: list[dict[str, Any]] = []
        self.diagnostics: list[Diagnostic] = []
        self.fields: dict[str, Any] = {}
        # a long-running command (watch) prints one compact JSON object per event
        # (JSON Lines) instead of one result at the end
        self.streaming = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Reporter:
        return cls(args.command or "layout", quiet=bool(getattr(args, "quiet", False)),
                   verbose=int(getattr(args, "verbose", 0) or 0), as_json=bool(getattr(args, "json", False)),
                   fmt=DiagnosticFormat(getattr(args, "diagnostic_format", None) or "human"))

    @property
    def err(self) -> TextIO:
        return self._err or sys.stderr

    @property
    def out(self) -> TextIO:
        return self._out or sys.stdout

    # --- messages on stderr
    def info(self, text: str) -> None:
        """A line for the user (what was written, a summary), unless ``-q``."""
        if not self.quiet:
            print(text, file=self.err, flush=True)

    def detail(self, text: str, level: int = 1) -> None:
        """A line for ``-v`` (what was read, how long a step took)."""
        if self.verbose >= level:
            print(text, file=self.err, flush=True)

    @contextlib.contextmanager
    def step(self, what: str) -> Iterator[None]:
        """Time a step for ``-v``: ``what: 12.3 ms``."""
        t = time.perf_counter()
        yield
        self.detail(f"{what}: {(time.perf_counter() - t) * 1000:.1f} ms")

    def wrote(self, path: str | os.PathLike[str], summary: str, **facts: Any) -> None:
        """Say a file was written (``PATH: summary``) and list it in the JSON result."""
        self.outputs.append({"path": str(path), **facts})
        self.info(f"{path}: {summary}" if summary else str(path))

    def diagnose(self, d: Diagnostic) -> None:
        """Show a problem on stderr (``-q`` keeps warnings and errors, not notes) and keep it."""
        self.diagnostics.append(d)
        if self.quiet and d.severity is Severity.NOTE:
            return
        print(format_diagnostic(d, self.fmt, color=use_color(self.err)), file=self.err, flush=True)

    def warn(self, message: str, where: Location | None = None, hint: str | None = None, *,
             kind: str = "warning", story: str | None = None) -> None:
        self.diagnose(Diagnostic(Severity.WARNING, message, where, hint, kind, story))

    def error(self, err: LayoutError) -> None:
        self.diagnose(from_error(err))

    # --- the result
    def text(self, text: str, *, problem: bool = False) -> None:
        """A report meant for stdout (verify's, preflight's, a listing): printed unless
        ``--json`` (the data is in the JSON then); under ``-q`` only the lines that are
        ``problem``s (a difference, a failed check, a missing character)."""
        if self.as_json or (self.quiet and not problem) or not text:
            return
        self.out.write(text if text.endswith("\n") else text + "\n")
        self.out.flush()

    def set(self, **fields: Any) -> None:
        """Fields of the JSON result (what the command found)."""
        self.fields.update(fields)

    def event(self, name: str, **fields: Any) -> None:
        """Under ``--json`` with ``streaming``: one line ``{"event": name, …}`` now."""
        if self.as_json and self.streaming:
            import json

            json.dump({"event": name, **fields}, self.out, ensure_ascii=False, default=str)
            self.out.write("\n")
            self.out.flush()

    def finish(self, code: int) -> int:
        """Print the JSON result under ``--json``; returns ``code``."""
        if self.as_json and self.streaming:
            self.event("exit", command=self.command, exit=code, ok=code == EXIT_OK,
                       diagnostics=[d.to_json() for d in self.diagnostics if d.severity is Severity.ERROR][-1:])
        elif self.as_json:
            import json  # only here: a plain render need not import it

            result = {"command": self.command, "exit": code, "ok": code == EXIT_OK, "outputs": self.outputs,
                      "diagnostics": [d.to_json() for d in self.diagnostics], **self.fields}
            json.dump(result, self.out, ensure_ascii=False, indent=1, default=str)
            self.out.write("\n")
            self.out.flush()
        return code


def kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"
