"""Safe YAML reading that keeps where every value was written.

Why our own tree instead of ``yaml.safe_load``: every mistake in a layout must be
reported at its file, line and column, so each value has to carry its position; and a
layout comes from people and other programs, so the reader must be safe against
hostile input:

- no tags beyond YAML's plain types (str, int, float, bool, null, timestamp, map,
  seq): ``!!python/object`` and friends are refused, not constructed;
- bounded alias expansion: each node's size counts its aliases expanded, and a document
  whose expanded size passes ``MAX_NODES`` is refused (the "billion laughs" attack);
  an alias may only name a finished anchor, so recursive structures cannot be built;
- bounded nesting (``MAX_DEPTH``): libyaml's C composer recurses and crashes the
  process on deeply nested input, so we build the tree ourselves, iteratively, from
  libyaml's event stream;
- duplicate keys are errors (YAML says so; PyYAML silently keeps the last).

Merge keys (``<<: *anchor``) work as in YAML 1.1: explicit keys win.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from layout.errors import LayoutError, Location
from layout.textfile import decode_utf8

MAX_NODES = 200_000  # expanded nodes per document; a full page has a few thousand
MAX_DEPTH = 64  # nesting; a layout needs about 6
MAX_FILE_BYTES = 8 * 1024 * 1024  # a layout is tens of kilobytes

MAP, SEQ, SCALAR = "map", "seq", "scalar"

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Source(NamedTuple):
    """One YAML file: its absolute path (to resolve relative paths written in it)
    and the name shown in messages."""

    path: Path
    display: str

    @property
    def folder(self) -> Path:
        return self.path.parent.resolve()


class Node:
    """A YAML value and where it was written.

    ``value`` is a Python scalar for SCALAR, ``list[Node]`` for SEQ and
    ``dict[str, Node]`` for MAP (``keys`` then holds where each key was written).
    ``text`` is a scalar's source text, so a title ``2020`` or ``yes`` can be read back
    as the user wrote it rather than as YAML 1.1 typed it.  ``size`` counts the values
    below it with aliases expanded."""

    __slots__ = ("keys", "kind", "size", "source", "tag", "text", "value", "where")

    def __init__(self, kind: str, value: Any, where: Location, source: Source, text: str = "", tag: str = "",
                 keys: dict[str, Location] | None = None, size: int = 1):
        self.kind, self.value, self.where, self.source = kind, value, where, source
        self.text, self.tag, self.size = text, tag, size
        self.keys: dict[str, Location] = keys if keys is not None else {}

    def __repr__(self) -> str:
        return f"Node({self.kind}, {self.value!r}, {self.where})"

    @property
    def is_null(self) -> bool:
        return self.kind == SCALAR and self.value is None

    def key_where(self, key: str) -> Location:
        return self.keys.get(key, self.where)


def read_text(path: Path, display: str, what: str = "layout") -> str:
    """A UTF-8 text file (``-``: standard input), at most ``MAX_FILE_BYTES``, with
    a message (not a traceback) when it cannot be read or is not UTF-8."""
    from layout.files import read_input

    return decode_utf8(read_input(path, f"{what} file", MAX_FILE_BYTES, Location(display)), display)


def load_yaml(path: Path, display: str) -> Node:
    """Read one YAML document from ``path`` into a ``Node`` tree (see module doc)."""
    source = Source(path.absolute(), display)
    return parse_yaml(read_text(path, display), source)


def parse_yaml(text: str, source: Source) -> Node:
    builder = _Builder(source)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, source.display) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow: at its place
        raise _reader_error(e, text, source.display) from None
    except yaml.YAMLError as e:  # other unmarked errors
        raise LayoutError(f"YAML error: {e}", Location(source.display)) from None
    return builder.result()


def _reader_error(e: yaml.reader.ReaderError, text: str, display: str) -> LayoutError:
    i = e.position if isinstance(e.position, int) and e.position >= 0 else 0
    if _Loader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text
        i = len(text.encode("utf-8")[:i].decode("utf-8", "ignore"))
    i = min(i, len(text))
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    ch = e.character if isinstance(e.character, int) else ord(e.character) if e.character else 0
    return LayoutError(f"character U+{ch:04X} is not allowed in a YAML file (a control character)",
                       Location(display, line, col),
                       "remove it; to keep such a character on purpose, write it escaped in double quotes")


def _syntax_error(e: yaml.MarkedYAMLError, display: str) -> LayoutError:
    mark = e.problem_mark or e.context_mark
    where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    problem = e.problem or "syntax error"
    if "nesting depth" in problem:  # libyaml >= 0.2.6 (PyYAML 6.0.4) has a limit of its own
        return LayoutError(f"values nested more than {MAX_DEPTH} deep", where)
    message = f"YAML syntax: {problem}"
    if e.context:
        message += f" ({e.context})"
    hint = None
    if "mapping values are not allowed" in problem:
        hint = "text containing ': ' must be quoted, e.g. headline: \"引题：正文\""
    elif "found character '\\t'" in problem or "tab" in problem:
        hint = "indent with spaces, not tabs"
    return LayoutError(message, where, hint)


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "explicit", "key", "merges", "node")

    def __init__(self, node: Node, anchor: str | None):
        self.node = node
        self.anchor = anchor
        self.key: Node | None = None  # MAP: the key waiting for its value
        self.explicit: set[str] = set()
        self.merges: list[Node] = []


class _Builder:
    """Turns libyaml events into Nodes with an explicit stack (no recursion)."""

    def __init__(self, source: Source):
        self.source = source
        self.stack: list[_Frame] = []
        self.anchors: dict[str, Node] = {}
        self.root: Node | None = None
        self.documents = 0
        self.total = 0
        self.constructor = SafeConstructor()
        self.resolver = Resolver()

    def where(self, event: ev.Event) -> Location:
        m = event.start_mark
        return Location(self.source.display, m.line + 1, m.column + 1)

    def result(self) -> Node:
        if self.root is None:
            return Node(SCALAR, None, Location(self.source.display, 1, 1), self.source)
        return self.root

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise LayoutError(
                    "a layout file holds one YAML document; found a second one (a line '---')",
                    self.where(event),
                )
        elif isinstance(event, ev.ScalarEvent):
            self.count(1, event)
            self.add(self.scalar(event), event.anchor)
        elif isinstance(event, ev.AliasEvent):
            node = self.alias(event)
            self.count(node.size, event)
            self.add(node, None)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            self.open(event)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            self.close()

    def check_tag(self, tag: str | None, allowed: set[str], event: ev.Event) -> None:
        if tag is not None and tag != "!" and tag not in allowed:
            raise LayoutError(
                f"YAML tag {tag.replace(_TAG, '!!')!r} is not allowed",
                self.where(event),
                "a layout uses plain values only: text, numbers, true/false, dates, lists and mappings",
            )

    def scalar(self, event: ev.ScalarEvent) -> Node:
        self.check_tag(event.tag, _PLAIN_TAGS, event)
        tag = event.tag if event.tag not in (None, "!") else None
        if tag is None:
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        where = self.where(event)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self._construct(tag, node)
        except (ValueError, yaml.YAMLError) as e:
            raise LayoutError(f"cannot read {event.value!r} as {tag.removeprefix(_TAG)}: {e}", where) from None
        return Node(SCALAR, value, where, self.source, text=event.value, tag=tag)

    def _construct(self, tag: str, node: ScalarNode) -> Any:
        c = self.constructor
        kind = tag.removeprefix(_TAG)
        if kind == "null":
            return None
        if kind == "bool":
            return c.construct_yaml_bool(node)
        if kind == "int":
            return c.construct_yaml_int(node)
        if kind == "float":
            return c.construct_yaml_float(node)
        if kind == "timestamp":
            return c.construct_yaml_timestamp(node)
        if kind == "merge":
            return "<<"
        if kind == "str":
            return node.value
        raise ValueError(f"unsupported tag {tag}")

    def alias(self, event: ev.AliasEvent) -> Node:
        node = self.anchors.get(event.anchor)
        if node is None:
            raise LayoutError(
                f"alias *{event.anchor} names no finished anchor &{event.anchor}",
                self.where(event),
                "define the anchor before its use; an alias may not refer to the value it is inside",
            )
        return node

    def open(self, event: ev.MappingStartEvent | ev.SequenceStartEvent) -> None:
        is_map = isinstance(event, ev.MappingStartEvent)
        self.check_tag(event.tag, {_TAG + ("map" if is_map else "seq")}, event)
        if len(self.stack) >= MAX_DEPTH:
            raise LayoutError(f"values nested more than {MAX_DEPTH} deep", self.where(event))
        self.count(1, event)
        node = Node(MAP if is_map else SEQ, {} if is_map else [], self.where(event), self.source)
        self.stack.append(_Frame(node, event.anchor))

    def close(self) -> None:
        frame = self.stack.pop()
        node = frame.node
        if node.kind == MAP:
            self.apply_merges(frame)
        self.add(node, frame.anchor)

    def count(self, size: int, event: ev.Event) -> None:
        """Count values as if every alias were expanded in place (billion laughs)."""
        self.total += size
        if self.total > MAX_NODES:
            raise LayoutError(
                f"the document expands to more than {MAX_NODES} values (aliases expanded)",
                self.where(event),
                "this looks like an alias bomb ('billion laughs'); a layout needs far fewer values",
            )

    def add(self, node: Node, anchor: str | None) -> None:
        """Attach a finished node to its parent (or make it the root)."""
        if anchor is not None:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent = frame.node
        parent.size += node.size
        if parent.kind == SEQ:
            parent.value.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            key, frame.key = frame.key, None
            self.set_item(frame, key, node)

    def set_item(self, frame: _Frame, key: Node, value: Node) -> None:
        if key.kind != SCALAR or key.value is None:
            raise LayoutError("a key must be a plain name", key.where)
        if key.tag == _TAG + "merge":
            frame.merges.append(value)
            return
        name = key.text
        parent = frame.node
        if name in frame.explicit:
            first = parent.keys[name]
            raise LayoutError(
                f"duplicate key {name!r} (first written at line {first.line})",
                key.where,
                "each key may appear once in a mapping; remove or merge one of them",
            )
        frame.explicit.add(name)
        parent.value[name] = value
        parent.keys[name] = key.where

    def apply_merges(self, frame: _Frame) -> None:
        """``<<: *base`` or ``<<: [*a, *b]``: keys not written explicitly come from the
        merged mappings, earlier ones first (YAML 1.1 merge key)."""
        parent = frame.node
        for merge in frame.merges:
            sources = merge.value if merge.kind == SEQ else [merge]
            for src in sources:
                if src.kind != MAP:
                    raise LayoutError("'<<' merges mappings only (an alias of a mapping)", src.where)
                for name, value in src.value.items():
                    if name not in parent.value:
                        parent.value[name] = value
                        parent.keys[name] = src.keys[name]
