"""Kinds of values in a layout: each one reads a YAML node (with a message a night
editor understands when it cannot) and describes itself as JSON Schema.

Why both in one class: the validator and ``layout schema`` are generated from the
same key tables (``layout.model.keys``), so what the schema promises and what the
loader accepts cannot drift apart.

A kind's ``read`` returns a plain value; lengths that depend on a size known only
later (``2em``) come back as written, checked for spelling, and are converted by the
builder with ``units.parse_length``.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, NamedTuple

from layout.errors import LayoutError
from layout.model.types import CMYK, Span
from layout.model.yamlsafe import MAP, SCALAR, SEQ, Node
from layout.textfile import check_text_chars
from layout.units import CHINESE_SIZES, UnitError, parse_length, parse_size

LENGTH_PATTERN = (
    r"^\s*(\+?\d+(\.\d+)?|\+?\.\d+)\s*(mm|cm|pt|in|em|字|q|Q)?\s*$|^\s*("
    + "|".join(CHINESE_SIZES)
    + r")\s*$"
)
SPAN_PATTERN = r"^\s*\d+\s*([-–~～]\s*(\d+|end)\s*)?$"
_SPAN = re.compile(r"^\s*(\d+)\s*(?:[-–~～]\s*(\d+|end)\s*)?$")
END = 0  # Span.last placeholder for ``end`` until the grid size is known
NAME_PATTERN = r"^[a-z][a-z0-9-]*$"
_NAME = re.compile(NAME_PATTERN)

COLOR_NAMES: dict[str, CMYK] = {
    "black": (0.0, 0.0, 0.0, 1.0),
    "red": (0.0, 1.0, 1.0, 0.0),  # newspaper red, solid M+Y
    "white": (0.0, 0.0, 0.0, 0.0),  # knocked out, for reversed labels
}


def fail(node: Node, label: str, expected: str, hint: str | None = None) -> LayoutError:
    return LayoutError(f"{label}: expected {expected}, got {shown(node)}", node.where, hint)


def shown(node: Node) -> str:
    """How a value is named in a message: 'a list', 'the text "abc"', 'true'."""
    if node.kind == MAP:
        return "a mapping (key: value lines)"
    if node.kind == SEQ:
        return "a list"
    v = node.value
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return node.text
    if isinstance(v, int | float):
        return f"the number {node.text}"
    if isinstance(v, datetime.date):
        return f"the date {node.text}"
    text = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    return f"the text {text!r}"


def suggest(word: str, known: list[str] | tuple[str, ...]) -> str | None:
    import difflib  # only on the error path: ~1.5 ms of imports a valid page never needs

    near = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return near[0] if near else None


def with_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key may be written empty (``kicker:``), meaning "not set"."""
    return {"anyOf": [schema, {"type": "null"}]}


class Kind:
    """A kind of value.  ``expected`` names it in messages ("a length such as 12mm")."""

    expected = "a value"

    def read(self, node: Node, label: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


class Text(Kind):
    """Text as the user wrote it: ``title: 2020`` is the text "2020", not a number."""

    expected = "text"

    def read(self, node: Node, label: str) -> str | None:
        if node.kind != SCALAR:
            raise fail(node, label, self.expected, "write the text on one line, or quote it")
        text = node.value if isinstance(node.value, str) else node.text
        check_text_chars(text, node.where)
        text = text.strip()
        return text or None

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "number"]}


class Lines(Kind):
    """One line of text, or a list of lines (a headline set on two lines)."""

    expected = "text, or a list of lines"

    def read(self, node: Node, label: str) -> tuple[str, ...] | None:
        items = node.value if node.kind == SEQ else [node]
        out = []
        for i, item in enumerate(items, 1):
            if item.kind != SCALAR:
                raise fail(item, f"{label}[{i}]" if node.kind == SEQ else label, self.expected)
            text = Text().read(item, label)
            if text:
                out.append(text)
        return tuple(out) or None

    def schema(self) -> dict[str, Any]:
        text = Text().schema()
        return {"anyOf": [text, {"type": "array", "items": text}]}


class Int(Kind):
    def __init__(self, lo: int = 1, hi: int = 10_000):
        self.lo, self.hi = lo, hi

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a whole number from {self.lo} to {self.hi}"

    def read(self, node: Node, label: str) -> int:
        v = node.value
        if node.kind != SCALAR or isinstance(v, bool) or not isinstance(v, int):
            raise fail(node, label, self.expected)
        if not self.lo <= v <= self.hi:
            raise LayoutError(f"{label}: {v} is out of range; allowed: {self.lo} to {self.hi}", node.where)
        return v

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.lo, "maximum": self.hi}


class Bool(Kind):
    expected = "true or false"

    def read(self, node: Node, label: str) -> bool:
        if node.kind != SCALAR or not isinstance(node.value, bool):
            raise fail(node, label, self.expected)
        return node.value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Enum(Kind):
    def __init__(self, values: tuple[str, ...]):
        self.values = tuple(values)

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    def read(self, node: Node, label: str) -> str:
        if node.kind != SCALAR or node.value is None:
            raise fail(node, label, self.expected)
        word = node.text.strip()
        if word not in self.values:
            near = suggest(word, self.values)
            hint = f"did you mean {near!r}?" if near else None
            raise LayoutError(f"{label}: {word!r} is not allowed; allowed: {', '.join(self.values)}", node.where, hint)
        return word

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class Name(Kind):
    """A name of something defined elsewhere (a face, a style); checked later."""

    def __init__(self, what: str = "name"):
        self.what = what

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a {self.what} (lower-case letters, digits and '-')"

    def read(self, node: Node, label: str) -> str:
        if node.kind != SCALAR or not isinstance(node.value, str) or not _NAME.match(node.value):
            raise fail(node, label, self.expected)
        return node.value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": NAME_PATTERN}


class PathText(Kind):
    expected = "a file path (relative to the layout file)"

    def read(self, node: Node, label: str) -> str:
        if node.kind != SCALAR or not isinstance(node.value, str) or not node.value.strip():
            raise fail(node, label, self.expected)
        return node.value.strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


class Length(Kind):
    """A length as written (``12mm``, ``1.5em``, ``9``); spelling and sign checked
    here, converted to pt by the builder that knows what an em is."""

    def __init__(self, em: bool = True, positive: bool = False):
        self.em = em  # em/字 allowed
        self.positive = positive  # > 0 (else >= 0)

    @property
    def expected(self) -> str:  # type: ignore[override]
        units = "12mm, 9pt or 2em" if self.em else "12mm or 9pt"
        return f"a {'positive' if self.positive else 'non-negative'} length such as {units}"

    def read(self, node: Node, label: str) -> str | float:
        v = node.value
        if node.kind != SCALAR or isinstance(v, bool) or not isinstance(v, int | float | str):
            raise fail(node, label, self.expected)
        try:
            pt = parse_length(v, 1.0 if self.em else None)
        except UnitError as e:
            raise LayoutError(f"{label}: {e}", node.where, f"expected {self.expected}") from None
        if pt < 0 or (self.positive and pt == 0):
            raise LayoutError(f"{label}: {node.text} is not allowed; expected {self.expected}", node.where)
        return v

    def schema(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "minimum": 0, "pattern": LENGTH_PATTERN}


class Size(Kind):
    """A type size: ``9``, ``9pt``, ``小五``, ``五号``; returned in pt."""

    expected = "a type size such as 小五, 五号 or 9pt"

    def __init__(self, lo: float = 2.0, hi: float = 300.0):
        self.lo, self.hi = lo, hi

    def read(self, node: Node, label: str) -> float:
        v = node.value
        if node.kind != SCALAR or isinstance(v, bool) or v is None:
            raise fail(node, label, self.expected)
        try:
            pt = parse_size(v)
        except UnitError as e:
            raise LayoutError(f"{label}: {e}", node.where, "Chinese sizes: " + " ".join(CHINESE_SIZES)) from None
        if not self.lo <= pt <= self.hi:
            raise LayoutError(f"{label}: {pt:g}pt is out of range; allowed: {self.lo:g}pt to {self.hi:g}pt", node.where)
        return pt

    def schema(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "exclusiveMinimum": 0, "pattern": LENGTH_PATTERN}


_GRID_LINES = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(行|lines?)\s*$")
GRID_LINES_PATTERN = _GRID_LINES.pattern


class GridLines(NamedTuple):
    """A leading of ``count`` body lines (``leading: 1行``): text on the page grid."""

    count: float


class Leading(Kind):
    """Line spacing: a bare number is a factor of the size (1.6), ``1行`` (or
    ``1 line``) is the body leading, anything else a length (15pt)."""

    expected = "a factor of the type size such as 1.6, grid lines such as 1行, or a length such as 15pt"
    FACTOR_RANGE = (0.8, 5.0)  # tighter than 0.8 overlaps lines; wider is not leading

    def read(self, node: Node, label: str) -> str | float | GridLines:
        v = node.value
        if isinstance(v, int | float) and not isinstance(v, bool):
            lo, hi = self.FACTOR_RANGE
            if not lo <= v <= hi:
                raise LayoutError(f"{label}: factor {v} is out of range; allowed: {lo} to {hi}", node.where)
            return float(v)
        if isinstance(v, str) and (m := _GRID_LINES.match(v)):
            count = float(m.group(1))
            if count <= 0:
                raise LayoutError(f"{label}: {v!r} is not allowed; expected {self.expected}", node.where)
            return GridLines(count)
        try:
            return Length(em=True, positive=True).read(node, label)
        except LayoutError as e:
            raise LayoutError(e.message, e.where, f"expected {self.expected}") from None

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [Length().schema(), {"type": "string", "pattern": GRID_LINES_PATTERN}]}


class SpanKind(Kind):
    """Grid positions: ``3``, ``1-4`` (also ``1–4``, ``1~4``), ``5-end`` or ``[1, 4]``.
    ``end`` comes back as ``Span(first, END)``; the builder fills in the grid size."""

    def __init__(self, what: str = "columns", end: bool = True):
        self.what, self.end = what, end

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"{self.what} such as 3, 1-4 or 5-end" if self.end else f"{self.what} such as 3 or 1-4"

    def read(self, node: Node, label: str) -> Span:
        v = node.value
        if node.kind == SEQ and len(v) == 2 and all(isinstance(x.value, int) for x in v):
            first, last = v[0].value, v[1].value
        elif node.kind == SCALAR and isinstance(v, int) and not isinstance(v, bool):
            first = last = v
        elif node.kind == SCALAR and isinstance(v, str) and (m := _SPAN.match(v)):
            first = int(m.group(1))
            last = first if m.group(2) is None else (END if m.group(2) == "end" else int(m.group(2)))
            if last == END and not self.end:
                raise LayoutError(f"{label}: 'end' is not allowed here", node.where, f"expected {self.expected}")
        else:
            raise fail(node, label, self.expected, "positions count from 1; a span is first-last, both included")
        if first < 1 or (last != END and last < first):
            raise LayoutError(
                f"{label}: {shown(node)} is not a span; positions count from 1 and the second is not smaller",
                node.where,
                f"expected {self.expected}",
            )
        return Span(first, last)

    def schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": SPAN_PATTERN if self.end else SPAN_PATTERN.replace("|end", "")},
                {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2},
            ]
        }


# matched through ``re``'s own cache, so it is compiled on first use: most pages give
# YAML dates (2020-08-10), which PyYAML has already turned into ``datetime.date``
DATE_PATTERN = r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$"


class Date(Kind):
    expected = "a date such as 2020-08-10 or 2020年8月10日"

    def read(self, node: Node, label: str) -> datetime.date:
        v = node.value
        if isinstance(v, datetime.datetime):
            return v.date()
        if isinstance(v, datetime.date):
            return v
        m = re.match(DATE_PATTERN, v) if isinstance(v, str) else None
        if not m:
            raise fail(node, label, self.expected)
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as e:
            raise LayoutError(f"{label}: {node.text!r} is not a real date ({e})", node.where) from None

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": DATE_PATTERN}


class Color(Kind):
    """A colour for print: a name, a black tint 0..1, or CMYK fractions [c, m, y, k]."""

    expected = "black, red, white, a black tint from 0 to 1, or CMYK like [0, 1, 1, 0]"

    def read(self, node: Node, label: str) -> CMYK:
        v = node.value
        if node.kind == SCALAR and isinstance(v, str) and v.strip() in COLOR_NAMES:
            return COLOR_NAMES[v.strip()]
        if node.kind == SCALAR and isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1:
            return (0.0, 0.0, 0.0, float(v))
        if node.kind == SEQ and len(v) == 4:
            parts = [x.value for x in v]
            if all(isinstance(p, int | float) and not isinstance(p, bool) and 0 <= p <= 1 for p in parts):
                return (float(parts[0]), float(parts[1]), float(parts[2]), float(parts[3]))
        raise fail(node, label, self.expected)

    def schema(self) -> dict[str, Any]:
        unit = {"type": "number", "minimum": 0, "maximum": 1}
        return {
            "anyOf": [
                {"enum": list(COLOR_NAMES)},
                unit,
                {"type": "array", "items": unit, "minItems": 4, "maxItems": 4},
            ]
        }


class Pair(Kind):
    """Two values of one kind: ``[272mm, 390mm]``."""

    expected = "a list of two values"

    def __init__(self, item: Kind):
        self.item = item

    def read(self, node: Node, label: str) -> tuple[Any, Any]:
        if node.kind != SEQ or len(node.value) != 2:
            raise fail(node, label, "two values like [272mm, 390mm]")
        a, b = node.value
        return self.item.read(a, f"{label}[1]"), self.item.read(b, f"{label}[2]")

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema(), "minItems": 2, "maxItems": 2}


class ListOf(Kind):
    def __init__(self, item: Kind, single: bool = False):
        self.item = item
        self.single = single  # one value may stand for a list of one

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "a list (lines starting with '- ')"

    def read(self, node: Node, label: str) -> tuple[Any, ...]:
        if node.kind != SEQ:
            if self.single and node.kind == SCALAR:
                value = self.item.read(node, label)
                return () if value is None else (value,)
            raise fail(node, label, self.expected)
        out = []
        for i, x in enumerate(node.value, 1):
            value = self.item.read(x, f"{label}[{i}]")
            if value is None:  # '- ' with nothing after it
                raise LayoutError(f"{label}[{i}] is empty", x.where, "write the item, or delete the '- ' line")
            out.append(value)
        return tuple(out)

    def schema(self) -> dict[str, Any]:
        listed = {"type": "array", "items": self.item.schema()}
        return {"anyOf": [self.item.schema(), listed]} if self.single else listed


class Choice(Kind):
    """One of several kinds, chosen by the YAML node's shape (text, list or mapping),
    so the message can name the one the user meant."""

    def __init__(self, scalar: Kind | None = None, seq: Kind | None = None, map: Kind | None = None,
                 expected_text: str = ""):
        self.scalar, self.seq, self.map, self.expected_text = scalar, seq, map, expected_text

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.expected_text

    def read(self, node: Node, label: str) -> Any:
        kind = {SCALAR: self.scalar, SEQ: self.seq, MAP: self.map}[node.kind]
        if kind is None:
            raise fail(node, label, self.expected)
        return kind.read(node, label)

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [k.schema() for k in (self.scalar, self.seq, self.map) if k is not None]}


class FalseOnly(Kind):
    """``false`` to switch something off (``header: false``)."""

    expected = "false"

    def read(self, node: Node, label: str) -> bool:
        if node.kind != SCALAR or node.value is not False:
            raise fail(node, label, self.expected)
        return False

    def schema(self) -> dict[str, Any]:
        return {"const": False}
