"""Errors a user can meet, and the CLI's exit codes.

Why a class of our own: every mistake in an input file must reach the user as a
message (file, line, column, what is wrong, what is allowed), never a traceback.
Stages raise ``LayoutError``; the CLI prints ``str(err)`` and exits with
``EXIT_USAGE``.
"""

from __future__ import annotations

from layout.records import record

EXIT_OK = 0
EXIT_PROBLEMS = 1  # finished, but with problems the user asked to treat as errors (--strict)
EXIT_USAGE = 2  # bad input or usage; no output written


@record
class Location:
    """Where in an input file a problem is (1-based line and column)."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class LayoutError(Exception):
    """A problem with the user's input, reported as ``file:line:col: message``."""

    def __init__(self, message: str, where: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class FontError(LayoutError):
    """A font file is missing, unreadable or unusable."""
