"""A story's elements from either of its two forms, and inline marks with their places.

The short form (``headline:``, ``body:`` …) and the sequence form (``content:``, one
element kind per list item, docs/format.md "Story content") give the same thing: the
values of the short keys plus the body ``flow`` and ``boxes``.  Mixing the two in one
story is an error, as is an element out of order (``elements.ORDER``) or a mark that
does not parse; every message carries file:line:col.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from layout.errors import LayoutError, Location
from layout.model.content import split_paragraphs
from layout.model.elements import (
    MAX_SUBHEAD_LINES,
    ORDER,
    SINGLE,
    BoxNote,
    ElementKind,
    FlowElement,
    Paragraph,
    Subhead,
)
from layout.model.markup import MarkupError, has_markup, parse
from layout.model.table import Fields
from layout.model.yamlsafe import Node

# short keys the content form replaces (placement keys such as columns stay beside it)
ELEMENT_KEYS = ("label", "kicker", "headline", "subtitle", "leads", "byline", "byline_line", "body",
                "body_file", "credit", "photos")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_ORDER_TEXT = "label, kicker, headline, subtitle, leads, byline_line, box, byline, paragraphs and subheads, credit"


class ContentForm:
    """What a story's ``content:`` says, in the short form's terms."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.nodes: dict[str, Node] = {}
        self.flow: list[FlowElement] = []
        self.boxes: list[BoxNote] = []
        self.photos: list[Fields] = []


def check_not_mixed(f: Fields, name: str) -> None:
    if "content" not in f:
        return
    for key in ELEMENT_KEYS:
        if key in f:
            raise LayoutError(
                f"{name} has both content: and the short key {key}:",
                f.where(key),
                f"write {key} as an element of content (- {'paragraph' if key.startswith('body') else key}: ...), "
                "or drop content and use the short keys",
            )


def read_content(f: Fields, name: str) -> ContentForm:
    """The story's ``content:`` list checked for order and read into a ContentForm."""
    out = ContentForm()
    rank, last_kind = -1, None
    seen: dict[ElementKind, Location] = {}
    items: tuple[Fields, ...] = f.get("content")
    for i, item in enumerate(items, 1):
        if not item.values:
            raise LayoutError(f"{name}: content[{i}] is empty", item.node.where, "give the element a value")
        key = next(iter(item.values))
        kind = ElementKind(key)
        where = item.where(key)
        if kind in SINGLE and kind in seen:
            raise LayoutError(f"{name}: content[{i}] is a second {key} (the first is at line {seen[kind].line})",
                              where, f"a story has one {key}")
        seen.setdefault(kind, where)
        r = ORDER[kind]
        if r is not None:
            if r < rank:
                raise LayoutError(f"{name}: content[{i}] {key} comes after {last_kind}", where,
                                  f"story elements go in this order: {_ORDER_TEXT} (photos anywhere)")
            if kind is ElementKind.BYLINE and out.flow:
                raise LayoutError(f"{name}: content[{i}] byline comes after the first paragraph", where,
                                  "the byline opens the first paragraph: put it before the paragraphs")
            rank, last_kind = r, key
        _take(out, kind, item, key, name)
    if out.flow and isinstance(out.flow[-1], Subhead):
        raise LayoutError(f"{name}: the last subhead has no paragraph after it", out.nodes["subhead.last"].where,
                          "a subhead is kept with the paragraph it introduces: add the paragraph or drop it")
    return out


def _take(out: ContentForm, kind: ElementKind, item: Fields, key: str, name: str) -> None:
    value, node = item.get(key), item.nodes[key]
    if kind is ElementKind.PARAGRAPH:
        out.flow.extend(marked_paragraphs(value, node))
    elif kind is ElementKind.SUBHEAD:
        if len(value) > MAX_SUBHEAD_LINES:
            raise LayoutError(f"{name}: a subhead has {len(value)} lines; at most {MAX_SUBHEAD_LINES}",
                              node.where, "shorten it, or make the rest a paragraph")
        out.flow.append(Subhead(tuple(value)))
        out.nodes["subhead.last"] = node
    elif kind is ElementKind.BOX:
        out.boxes.append(box_note(value, name))
    elif kind is ElementKind.PHOTO:
        out.photos.append(value)
    else:
        out.values[key] = value
        out.nodes[key] = node


def box_note(f: Fields, name: str) -> BoxNote:
    paragraphs = marked_paragraphs(f.get("text"), f.nodes["text"])
    if not paragraphs:
        raise LayoutError(f"{name}: the box has no text", f.where("text"), "give it text:")
    return BoxNote(title=f.get("title"), paragraphs=paragraphs, columns=f.get("columns"), where=f.node.where)


# ----------------------------------------------------------------- marks with places
def marked_paragraphs(text: str, node: Node | None, file_where: Location | None = None) -> tuple[Paragraph, ...]:
    """Paragraphs of ``text`` (blank lines between them, or one per line) with their
    inline marks parsed.  A mark error is reported where it was written: in the YAML
    scalar ``node``, or, for a body_file, at line:col of the file ``file_where`` names."""
    if not has_markup(text):
        return tuple(Paragraph(p) for p in split_paragraphs(text))
    out: list[Paragraph] = []
    for para, offsets in located_paragraphs(text):
        try:
            plain, marks = parse(para)
        except MarkupError as e:
            raw = offsets[e.offset]
            where = _file_location(file_where, text, raw) if file_where else scalar_location(node, text, raw)
            raise LayoutError(e.message, where, e.hint) from None
        out.append(Paragraph(plain, marks))
    return tuple(out)


def located_paragraphs(text: str) -> list[tuple[str, list[int]]]:
    """``split_paragraphs(text)`` with, for each character of each paragraph, its
    offset in ``text`` (a space joining two Latin words gets the line break's)."""
    lines: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        lines.append((m.start(), m.group(1)))
        if not m.group(2):
            break
    at = len(text) + 1
    nonblank = [i for i, (_, ln) in enumerate(lines) if ln.strip()]
    blank_inside = nonblank and any(not lines[i][1].strip() for i in range(nonblank[0], nonblank[-1] + 1))
    blocks: list[list[tuple[int, str]]] = []
    if not blank_inside:
        blocks = [[ln] for ln in lines if ln[1].strip()]
    else:
        block: list[tuple[int, str]] = []
        for ln in [*lines, (at, "")]:
            if ln[1].strip():
                block.append(ln)
            elif block:
                blocks.append(block)
                block = []
    return [_joined(b) for b in blocks]


def _joined(block: list[tuple[int, str]]) -> tuple[str, list[int]]:
    text, offsets = "", []
    for start, line in block:
        lead = len(line) - len(line.lstrip())
        part = line.strip()
        if text:
            latin = text[-1].isascii() and text[-1].isalnum() and part[0].isascii() and part[0].isalnum()
            if latin:
                text += " "
                offsets.append(start - 1)
        text += part
        offsets.extend(range(start + lead, start + lead + len(part)))
    return text, offsets


def scalar_location(node: Node | None, text: str, offset: int) -> Location:
    """Where character ``offset`` of a YAML scalar's value was written: a block scalar
    (``|``) holds its lines verbatim after their indentation; a one-line scalar starts
    at the node (one more column after a quote)."""
    if node is None:
        return Location("?")
    w = node.where
    line_no, col = text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1)
    src = _source_lines(str(node.source.path)) if w.line else ()
    first = src[w.line - 1][(w.column or 1) - 1:] if w.line and w.line <= len(src) else ""
    if first[:1] in "|>":
        n = w.line + 1 + line_no
        row = src[n - 1] if n <= len(src) else ""
        return Location(w.file, n, len(row) - len(row.lstrip(" ")) + col + 1)
    quoted = first[:1] in "\"'"
    return Location(w.file, (w.line or 0) + line_no, (w.column or 1) + col + (1 if quoted and not line_no else 0))


def _file_location(where: Location, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(where.file, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _source_lines(path: str) -> tuple[str, ...]:
    try:
        return tuple(Path(path).read_text(encoding="utf-8-sig").split("\n"))
    except (OSError, UnicodeDecodeError):
        return ()
