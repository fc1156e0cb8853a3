"""Inline emphasis in body paragraphs: ``{hei|…}`` 黑体, ``{kai|…}`` 楷体, ``{dot|…}``
着重号 (emphasis dots below the characters, clreq §3.3), ``{{`` and ``}}`` literal braces.

Why this markup: ordinary archive text never holds ``{name|`` by accident, and the
importer doubles every brace it writes (``escape``), so imported text can never turn
into emphasis.  A mark the reader does not know, or one left open at the end of its
paragraph, is an error with its place (``MarkupError.offset``), never a guess.
Marks do not nest (``}}`` is always a literal brace, so ``{hei|{dot|点}}`` could not
close both): one mark per run.  In a run of ``}`` inside a mark the last one closes it
(``{hei|a}}}`` is 黑体 "a}"), so a literal ``}`` cannot follow a mark directly.
"""

from __future__ import annotations

from enum import Enum

from layout.records import record


class Mark(Enum):
    HEI = "hei"  # 黑体 run
    KAI = "kai"  # 楷体 run
    DOT = "dot"  # 着重号 below each character


MARK_NAMES = tuple(m.value for m in Mark)
FACE_OF = {Mark.HEI: "hei", Mark.KAI: "kai"}  # font roles (layout.fonts.ROLES)


@record
class Emphasis:
    """Characters ``start..end`` (end exclusive) of the plain text carry ``mark``."""

    start: int
    end: int
    mark: Mark


class MarkupError(ValueError):
    """A markup mistake at ``offset`` of the marked-up text."""

    def __init__(self, message: str, offset: int, hint: str):
        super().__init__(message)
        self.message, self.offset, self.hint = message, offset, hint


def escape(text: str) -> str:
    """``text`` written so that ``parse`` gives it back unchanged with no marks."""
    return text.replace("{", "{{").replace("}", "}}")


def has_markup(text: str) -> bool:
    return "{" in text or "}" in text


def parse(text: str) -> tuple[str, tuple[Emphasis, ...]]:
    """The plain text and its emphasised ranges, or ``MarkupError``."""
    if not has_markup(text):
        return text, ()
    out: list[str] = []
    n = 0  # length of the plain text so far
    open_: tuple[Mark, int, int] | None = None  # (mark, plain start, offset of its '{')
    marks: list[Emphasis] = []
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch in "{}" and text.startswith(ch * 2, i):
            out.append(ch)
            n += 1
            i += 2
        elif ch == "{":
            bar = text.find("|", i + 1, i + 5)
            name = text[i + 1:bar] if bar > 0 else ""
            if name not in MARK_NAMES:
                raise MarkupError(f"unknown mark {text[i:i + 6]!r}", i,
                                  "marks are {hei|…} (黑体), {kai|…} (楷体), {dot|…} (着重号); "
                                  "write {{ for a literal {")
            if open_ is not None:
                raise MarkupError(f"mark {{{name}|… inside {{{open_[0].value}|…}}: marks do not nest", i,
                                  "close the first mark before opening another")
            open_ = (Mark(name), n, i)
            i = bar + 1
        elif ch == "}":
            if open_ is None:
                raise MarkupError("'}' closes no mark", i, "write }} for a literal }")
            mark, start, _ = open_
            if n == start:
                raise MarkupError(f"empty mark {{{mark.value}|}}", i, "put the emphasised text after the '|'")
            marks.append(Emphasis(start, n, mark))
            open_ = None
            i += 1
        else:
            out.append(ch)
            n += 1
            i += 1
    if open_ is not None:
        raise MarkupError(f"mark {{{open_[0].value}|… is not closed", open_[2],
                          "close it with } before the paragraph ends")
    return "".join(out), tuple(marks)


def faces_and_dots(length: int, marks: tuple[Emphasis, ...], base: str) -> tuple[list[str], list[bool]]:
    """Per character of the plain text: its face role and whether it carries a dot."""
    faces = [base] * length
    dots = [False] * length
    for e in marks:
        if e.mark is Mark.DOT:
            dots[e.start:e.end] = [True] * (e.end - e.start)
        else:
            faces[e.start:e.end] = [FACE_OF[e.mark]] * (e.end - e.start)
    return faces, dots


def unparse(text: str, marks: tuple[Emphasis, ...]) -> str:
    """Marked-up text for ``text`` and its (non-overlapping) ``marks``: ``parse``'s inverse."""
    out: list[str] = []
    at = 0
    for e in sorted(marks, key=lambda e: e.start):
        out.append(escape(text[at:e.start]))
        out.append("{" + e.mark.value + "|" + escape(text[e.start:e.end]) + "}")
        at = e.end
    out.append(escape(text[at:]))
    return "".join(out)
