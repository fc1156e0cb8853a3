"""Tables: mappings with known keys, read into ``Fields`` (values plus where each
was written) and described as JSON Schema objects.  The format's tables are in
``layout.model.keys``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from layout.errors import LayoutError, Location
from layout.model.kinds import NAME_PATTERN, Kind, fail, suggest, with_null
from layout.model.yamlsafe import MAP, Node


class Key(NamedTuple):
    """One key of a table: its kind, what it means (becomes the schema's description)
    and whether it must be given."""

    name: str
    kind: Kind
    doc: str
    required: bool = False
    default: Any = None


class Fields:
    """What ``Table.read`` found: values of the keys given (empty ones left out) and
    where each was written."""

    __slots__ = ("label", "node", "nodes", "values")

    def __init__(self, node: Node, label: str, values: dict[str, Any] | None = None):
        self.node = node
        self.label = label
        self.values: dict[str, Any] = values if values is not None else {}
        self.nodes: dict[str, Node] = {}

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def where(self, name: str) -> Location:
        """Where the value of ``name`` was written (the table itself if it was not)."""
        n = self.nodes.get(name)
        return n.where if n is not None else self.node.where


class Table(Kind):
    """A mapping with known keys.  Unknown keys are errors with the nearest known
    key suggested; ``extra`` reads keys not in the table (named styles, font roles).
    ``check_extra`` returns a complaint about an extra key's name, or None.
    ``inherited``: keys may come from the house (extends), so the schema requires none."""

    def __init__(
        self,
        what: str,
        keys: tuple[Key, ...],
        extra: Kind | None = None,
        extra_doc: str = "",
        check_extra: Callable[[str], str | None] | None = None,
        inherited: bool = False,
        single: bool = False,
    ):
        self.what, self.keys, self.extra, self.extra_doc = what, keys, extra, extra_doc
        self.check_extra, self.inherited = check_extra, inherited
        self.single = single  # exactly one key: its name is the kind (a story element, a page item)

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a mapping of {self.what} keys"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)

    def read(self, node: Node, label: str) -> Fields:
        if node.kind != MAP:
            raise fail(node, label, f"{self.what} keys ({', '.join(self.names)})")
        known = {k.name: k for k in self.keys}
        for name in node.value:  # misspelt keys first: they explain other errors
            if name not in known and self.extra is None:
                raise self.unknown(node, name, label)
            if name not in known and self.check_extra is not None and (problem := self.check_extra(name)):
                raise LayoutError(f"{label}: {problem}", node.key_where(name))
        if self.single and len(node.value) != 1:
            raise LayoutError(
                f"{label}: one {self.what} is a mapping with exactly one key, got {len(node.value)}",
                node.where, f"write '- KIND: ...' with KIND one of {', '.join(self.names)}")
        out = Fields(node, label)
        for name, value in node.value.items():
            key = known.get(name)
            if value.is_null:
                continue
            kind = key.kind if key is not None else self.extra
            result = kind.read(value, f"{label}.{name}")  # type: ignore[union-attr]
            if result is not None:
                out.values[name] = result
                out.nodes[name] = value
        for key in self.keys:
            if key.required and key.name not in out.values:
                raise LayoutError(
                    f"{label}: {key.name!r} is missing; {key.doc}",
                    node.where,
                    f"add '{key.name}: ...' to {label.removeprefix('layout.')}"
                    if label != "layout" else f"add '{key.name}: ...' (or extends: house)",
                )
        return out

    def unknown(self, node: Node, name: str, label: str) -> LayoutError:
        near = suggest(name, self.names)
        hint = f"did you mean {near!r}?" if near else None
        return LayoutError(
            f"unknown key {name!r} in {label}; allowed: {', '.join(self.names)}", node.key_where(name), hint
        )

    def schema(self) -> dict[str, Any]:
        props = {}
        for k in self.keys:
            s = k.kind.schema()
            s = s if k.required else with_null(s)
            s = {**s, "description": k.doc}
            if k.default is not None:
                s["default"] = k.default
            props[k.name] = s
        out: dict[str, Any] = {
            "type": "object",
            "properties": props,
        }
        if not self.inherited and any(k.required for k in self.keys):
            out["required"] = [k.name for k in self.keys if k.required]
        if self.single:
            out["minProperties"] = out["maxProperties"] = 1
        if self.extra is None:
            out["additionalProperties"] = False
        else:
            out["additionalProperties"] = {**with_null(self.extra.schema()), "description": self.extra_doc}
            out["propertyNames"] = {"anyOf": [{"enum": list(self.names)}, {"pattern": NAME_PATTERN}]}
        return out
