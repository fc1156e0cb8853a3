"""Problems as records, and how they are shown: the offending source line with a
caret under the span, then the hint (the shape of rustc's and Typst's messages), or
one line per problem for editors (``--diagnostic-format short``).

Why a module of its own, low in the import graph: every command reports errors
(``LayoutError``) and warnings (overflow, underfill, missing glyphs) the same way,
and a caller of the library gets the same records as data.  Nothing here knows a
stage; a stage's problem becomes a ``Diagnostic`` where the stage is used.

Human form (stderr)::

    layout: error: page.yaml:12:5: unknown key 'colums' in layout.stories[0]
       |
    12 |     colums: 1-2
       |     ^^^^^^
       = hint: did you mean 'columns'?

Short form, one line (the ``file:line:col: severity: message`` editors parse)::

    page.yaml:12:5: error: unknown key 'colums' in layout.stories[0] (hint: did you mean 'columns'?)
"""

from __future__ import annotations

import enum
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from layout.errors import LayoutError, Location
from layout.records import record

MAX_SOURCE_BYTES = 8 * 1024 * 1024  # a source line is shown from files up to this size only


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class DiagnosticFormat(enum.Enum):
    HUMAN = "human"
    SHORT = "short"


@record
class Diagnostic:
    """One problem: what, where (file:line:col, when it has a place in a source),
    what to do about it, and for page problems which story (``kind``: overflow,
    underfill, missing-glyph … or ``error`` for bad input)."""

    severity: Severity
    message: str
    where: Location | None = None
    hint: str | None = None
    kind: str = "error"
    story: str | None = None

    def to_json(self) -> dict[str, Any]:
        w = self.where
        return {
            "severity": self.severity.value, "kind": self.kind, "message": self.message,
            "file": w.file if w else None, "line": w.line if w else None, "column": w.column if w else None,
            "hint": self.hint, "story": self.story,
        }


def from_error(err: LayoutError) -> Diagnostic:
    """A ``LayoutError`` (bad input) as an error diagnostic."""
    return Diagnostic(Severity.ERROR, err.message, err.where, err.hint)


def format_diagnostic(d: Diagnostic, fmt: DiagnosticFormat = DiagnosticFormat.HUMAN, *, color: bool = False,
                      prog: str = "layout") -> str:
    """``d`` as text, without a final newline."""
    if fmt is DiagnosticFormat.SHORT:
        return format_short(d, prog)
    return format_human(d, color=color, prog=prog)


def format_short(d: Diagnostic, prog: str = "layout") -> str:
    """``file:line:col: severity: message (hint: …)`` on one line."""
    head = f"{d.where}" if d.where else prog
    text = f"{head}: {d.severity.value}: {_one_line(d.message)}"
    if d.hint:
        text += f" (hint: {_one_line(d.hint)})"
    return text


def format_human(d: Diagnostic, *, color: bool = False, prog: str = "layout") -> str:
    paint = _Paint(color)
    sev = paint.severity(d.severity)
    head = f"{d.where}: {d.message}" if d.where else d.message
    lines = [f"{prog}: {sev}: {paint.bold(head)}"]
    # a page problem is about the whole story: underline its first line, not just the key
    snippet = source_snippet(d.where, to_line_end=d.story is not None and d.severity is not Severity.ERROR)
    if snippet is not None:
        number, text, caret = snippet
        pad = " " * len(str(number))
        bar = paint.blue("|")
        lines += [f"{pad} {bar}", f"{paint.blue(str(number))} {bar} {text}",
                  f"{pad} {bar} {paint.caret(d.severity, caret)}"]
        if d.hint:
            lines.append(f"{pad} {paint.blue('=')} hint: {d.hint}")
    elif d.hint:
        lines.append(f"  hint: {d.hint}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ----------------------------------------------------------------- the source line
def source_snippet(where: Location | None, *, to_line_end: bool = False) -> tuple[int, str, str] | None:
    """(line number, the line as shown, the caret line) for ``where``, or None when
    the place has no line or its file cannot be read (the message stands alone).
    The caret covers the token at the column, or with ``to_line_end`` the rest of
    the line."""
    if where is None or where.line is None:
        return None
    text = read_line(where.file, where.line)
    if text is None:
        return None
    shown = text.expandtabs(4).rstrip()
    if where.column is None or where.column < 1:
        return where.line, shown, ""
    col = where.column - 1
    if col > len(text):
        return where.line, shown, ""
    end = len(text.rstrip()) if to_line_end else col + token_length(text, col)
    before = text[:col].expandtabs(4)
    caret = " " * display_width(before) + "^" * max(1, display_width(text[col:end]))
    return where.line, shown, caret


def read_line(file: str, number: int) -> str | None:
    """Line ``number`` (1-based) of the UTF-8 text file ``file``, without its end."""
    path = Path(file)
    try:
        if not path.is_file() or path.stat().st_size > MAX_SOURCE_BYTES:
            return None
        with path.open("r", encoding="utf-8", errors="replace", newline=None) as f:
            for n, line in enumerate(f, 1):
                if n == number:
                    return line.rstrip("\r\n").lstrip("\ufeff") if n == 1 else line.rstrip("\r\n")
    except OSError:
        return None
    return None


_CLOSE = {"[": "]", "{": "}"}


def token_length(line: str, col: int) -> int:
    """How many characters of ``line`` from ``col`` the caret underlines: a quoted
    string to its closing quote, a flow list or mapping to its bracket, a key to its
    colon, a plain value to the comment, comma or bracket after it."""
    if col >= len(line):
        return 1
    c = line[col]
    if c in "\"'":
        return _quoted_length(line, col)
    if c in _CLOSE:
        return _bracket_length(line, col)
    if c in "|>":
        return 1
    in_flow = _open_brackets(line[:col]) > 0
    stops = ",]}" if in_flow else ""
    n = col
    while n < len(line):
        ch = line[n]
        if ch == ":" and (n + 1 == len(line) or line[n + 1] in " \t"):
            break
        if ch == "#" and n > col and line[n - 1] in " \t":
            break
        if ch in stops:
            break
        n += 1
    return max(1, len(line[col:n].rstrip()))


def _quoted_length(line: str, col: int) -> int:
    quote, n = line[col], col + 1
    while n < len(line):
        if quote == '"' and line[n] == "\\":
            n += 2
            continue
        if line[n] == quote:
            if quote == "'" and n + 1 < len(line) and line[n + 1] == "'":
                n += 2
                continue
            return n + 1 - col
        n += 1
    return max(1, len(line[col:].rstrip()))


def _bracket_length(line: str, col: int) -> int:
    depth = 0
    for n in range(col, len(line)):
        if line[n] in _CLOSE:
            depth += 1
        elif line[n] in "]}":
            depth -= 1
            if depth == 0:
                return n + 1 - col
    return max(1, len(line[col:].rstrip()))


def _open_brackets(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in _CLOSE:
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
    return depth


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and fullwidth characters (Han, fullwidth
    punctuation) take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


# ----------------------------------------------------------------- colour
def use_color(stream: Any) -> bool:
    """Colour on a terminal, unless ``NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Paint:
    _SEVERITY = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.NOTE: "1;36"}

    def __init__(self, on: bool):
        self.on = on

    def _sgr(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on and text else text

    def severity(self, s: Severity) -> str:
        return self._sgr(self._SEVERITY[s], s.value)

    def caret(self, s: Severity, text: str) -> str:
        return self._sgr(self._SEVERITY[s], text)

    def bold(self, text: str) -> str:
        return self._sgr("1", text)

    def blue(self, text: str) -> str:
        return self._sgr("1;34", text)


# ----------------------------------------------------------------- a page's problems at their stories
# Placing reports problems by story id; where a story was written is the model's
# knowledge (``Story.where``).  They are joined here, for every command and the API.

PROBLEM_HINTS: dict[str, str] = {
    "overflow": "give the story more rows or columns, or cut the text; the proof (--proof) marks where it stops",
    "missing-glyph": "add a face that has it (fonts: in the layout; layout fonts --check lists what is "
                     "missing), or replace the character",
    "image": "use a photo of at least 150 ppi at its printed size",
    "kinsoku-last-resort": "a line-start/line-end rule was broken: widen the column or reword the line",
    "vertical": "shorten the vertical headline, or give the story more rows or columns",
}


class _Problem(Protocol):
    kind: str
    story: str | None
    message: str


class _Story(Protocol):
    id: str
    where: Location


class _Layout(Protocol):
    source: str
    stories: Sequence[_Story]


def story_places(layout: _Layout) -> dict[str, Location]:
    """Where each story of ``layout`` was written (its first key)."""
    return {s.id: s.where for s in layout.stories if s.where.file != "?"}


def problem_diagnostics(problems: Iterable[_Problem], places: Mapping[str, Location],
                        source: str | None = None) -> list[Diagnostic]:
    """``problems`` as warnings, each at its story's place (the layout file ``source``
    for the page header's problems), with what to do about it."""
    out = []
    for p in problems:
        where = places.get(p.story) if p.story is not None else None
        if where is None and source:
            where = Location(source)
        out.append(Diagnostic(problem_severity(p), p.message, where, PROBLEM_HINTS.get(p.kind), p.kind, p.story))
    return out


def problem_severity(p: _Problem) -> Severity:
    """A note for what copyfit changed (the page is as the user asked: said, and quiet
    under -q), a warning for everything else (copyfit that could not fit included)."""
    if p.kind == "fit" and "cannot" not in p.message:
        return Severity.NOTE
    return Severity.WARNING


def pages_diagnostics(pages: Sequence[tuple[_Layout, Iterable[_Problem]]],
                      extra: Iterable[_Problem] = ()) -> list[Diagnostic]:
    """Every page's problems at their stories; ``extra`` (what drawing reported, by
    story id only) at the first page that has the story."""
    out: list[Diagnostic] = []
    merged: dict[str, Location] = {}
    for layout, problems in pages:
        places = story_places(layout)
        for k, v in places.items():
            merged.setdefault(k, v)
        out += problem_diagnostics(problems, places, shown_path(layout.source))
    first = shown_path(pages[0][0].source) if pages else None
    return out + problem_diagnostics(extra, merged, first)


def shown_path(path: str) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
