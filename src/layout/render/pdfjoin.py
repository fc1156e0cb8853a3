"""Joining one-page PDFs written by this renderer into one document, without
parsing and rewriting them through qpdf.

Why: an edition's pages are rendered apart (each a plate, complete PDF/X), and the
edition file is those pages joined.  pikepdf did the join: ~60 ms to import it and
~5 ms a page to parse and write every object again -- a fifth of the CPU an
edition of 16 pages takes (benchmarks/README.md "Editions").  The parts are our
own files, so the join only has to read what ReportLab wrote (a classic xref
table, one page per file, direct /Length on every stream) and copy objects:

- every object a page reaches (its content, resources, fonts, forms and images;
  not its /Parent) is copied once, renumbered, byte for byte: stream data is not
  decoded or compressed again;
- the catalog is the first part's, with a new page tree, and the document objects
  the caller gives (Info, XMP metadata, a structure tree: ``Writer``);
- the output is a classic cross-reference table and a trailer with the caller's
  /ID, so the same parts give the same bytes.

The object parser here reads only the small dictionaries the join has to change
(trailer, catalog, Info, page); other objects are copied with their references
renumbered by a pattern that skips literal strings (ReportLab escapes every
parenthesis in a string, ISO 32000-1 7.3.4.2, so strings do not nest).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple


class Ref(NamedTuple):
    """An indirect reference ``num 0 R``."""

    num: int


class Name(str):
    """A PDF name (written ``/Name``)."""

    __slots__ = ()


class Raw(bytes):
    """Bytes written as they are (an operand already in PDF syntax)."""

    __slots__ = ()


class Stream(NamedTuple):
    """A stream object: its dictionary (without /Length) and its data as stored."""

    entries: dict[str, Any]
    data: bytes


class PdfJoinError(ValueError):
    """A part is not a file this renderer wrote (a bug, not a user error)."""


# -- reading ---------------------------------------------------------------------------------------

_WS = b" \t\r\n\x0c\x00"
_TOKEN_END = re.compile(rb"[ \t\r\n\x0c\x00()<>\[\]{}/%]")
_NUMBER_OR_REF = re.compile(rb"([+-]?\d+)\s+(\d+)\s+R(?![A-Za-z0-9])|[+-]?(?:\d+\.?\d*|\.\d+)")
# A reference outside strings: literal strings are matched first and kept.
_REFS = re.compile(rb"\((?:[^\\()]|\\.)*\)|(\d+) (\d+) R(?![A-Za-z0-9])", re.S)
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?(?![0-9])")


def _skip_ws(data: bytes, pos: int) -> int:
    n = len(data)
    while pos < n:
        c = data[pos]
        if c in _WS:
            pos += 1
        elif c == 0x25:  # % comment to the end of the line
            while pos < n and data[pos] not in b"\r\n":
                pos += 1
        else:
            break
    return pos


def parse_object(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """The PDF object at ``pos`` (after white space) and the position after it:
    dict, list, Name, int, float, bytes (a string), Ref, bool or None."""
    pos = _skip_ws(data, pos)
    c = data[pos:pos + 1]
    if c == b"/":
        m = _TOKEN_END.search(data, pos + 1)
        end = m.start() if m else len(data)
        name = data[pos + 1:end]
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda g: bytes([int(g.group(1), 16)]), name)
        return Name(name.decode("latin-1")), end
    if data.startswith(b"<<", pos):
        d: dict[str, Any] = {}
        pos += 2
        while True:
            pos = _skip_ws(data, pos)
            if data.startswith(b">>", pos):
                return d, pos + 2
            key, pos = parse_object(data, pos)
            if not isinstance(key, Name):
                raise PdfJoinError(f"dictionary key expected at {pos}")
            d[str(key)], pos = parse_object(data, pos)
    if c == b"[":
        items = []
        pos += 1
        while True:
            pos = _skip_ws(data, pos)
            if data.startswith(b"]", pos):
                return items, pos + 1
            item, pos = parse_object(data, pos)
            items.append(item)
    if c == b"(":
        return _literal_string(data, pos)
    if c == b"<":
        end = data.index(b">", pos)
        return bytes.fromhex(re.sub(rb"\s", b"", data[pos + 1:end]).decode("ascii")), end + 1
    m = _NUMBER_OR_REF.match(data, pos)
    if m:
        if m.group(1) is not None:
            return Ref(int(m.group(1))), m.end()
        text = m.group(0)
        return (float(text) if b"." in text else int(text)), m.end()
    for word, value in ((b"true", True), (b"false", False), (b"null", None)):
        if data.startswith(word, pos):
            return value, pos + len(word)
    raise PdfJoinError(f"unexpected {data[pos:pos + 20]!r} at {pos}")


_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal_string(data: bytes, pos: int) -> tuple[bytes, int]:
    out = bytearray()
    depth = 0
    i = pos + 1
    while True:
        c = data[i]
        if c == 0x5C:  # backslash
            e = data[i + 1]
            if e in _ESCAPES:
                out += _ESCAPES[e]
                i += 2
            elif 0x30 <= e <= 0x37:
                m = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                assert m is not None
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
            elif e in b"\r\n":  # a line continuation
                i += 3 if data[i + 1:i + 3] == b"\r\n" else 2
            else:
                out.append(e)
                i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            if depth == 0:
                return bytes(out), i + 1
            depth -= 1
        out.append(c)
        i += 1


class Part:
    """One PDF written by this renderer: its objects' places and its trailer."""

    def __init__(self, data: bytes):
        self.data = data
        at = data.rfind(b"startxref")
        if at < 0:
            raise PdfJoinError("no startxref")
        xref = int(data[at + 9:at + 40].split()[0])
        if not data.startswith(b"xref", xref):
            raise PdfJoinError("no classic cross-reference table (object streams are not read)")
        self.offsets: dict[int, int] = {}
        pos = xref + 4
        while True:
            pos = _skip_ws(data, pos)
            if data.startswith(b"trailer", pos):
                break
            eol = data.index(b"\n", pos)
            first, count = (int(v) for v in data[pos:eol].split())
            pos = eol + 1
            for k in range(count):
                m = _XREF_ENTRY.match(data, _skip_ws(data, pos))
                if m is None:
                    raise PdfJoinError(f"bad xref entry at {pos}")
                if m.group(3) == b"n":
                    self.offsets[first + k] = int(m.group(1))
                pos = m.end()
        self.trailer, _ = parse_object(data, pos + len(b"trailer"))
        if "Prev" in self.trailer:
            raise PdfJoinError("incremental updates are not read")
        ends = sorted(self.offsets.values()) + [xref]
        self._end = {o: ends[i + 1] for i, o in enumerate(ends[:-1])}

    def body(self, num: int) -> tuple[bytes, bytes | None]:
        """Object ``num``'s text between ``obj`` and ``endobj`` (for a stream: its
        dictionary) and its stream data (None for other objects)."""
        start = self.offsets[num]
        end = self._end[start]
        head = self.data.find(b"obj", start, end)
        if head < 0:
            raise PdfJoinError(f"object {num}: no 'obj'")
        head += 3
        m = _STREAM_START.search(self.data, head, end)
        if m is None:
            stop = self.data.rfind(b"endobj", head, end)
            return self.data[head:stop].strip(), None
        text = self.data[head:m.start() + 2].strip()
        length = _LENGTH.search(text)
        if length is None or length.group(2) is not None:
            raise PdfJoinError(f"object {num}: a stream without a direct /Length")
        begin = m.end()
        return text, self.data[begin:begin + int(length.group(1))]

    def dict(self, num: int) -> dict[str, Any]:
        text, _ = self.body(num)
        value, _ = parse_object(text)
        if not isinstance(value, dict):
            raise PdfJoinError(f"object {num} is not a dictionary")
        return value

    def page(self) -> int:
        """The number of the one page object of this part."""
        root = self.dict(self.trailer["Root"].num)
        kids = self.dict(root["Pages"].num)["Kids"]
        if len(kids) != 1:
            raise PdfJoinError(f"a part has {len(kids)} pages, not 1")
        return kids[0].num


def set_entries(text: bytes, entries: dict[str, bytes]) -> bytes:
    """A dictionary's text (as ``Part.body`` gives it) with the values of
    ``entries`` (names of direct keys: a name, a number or a reference, never a
    dictionary or array) replaced by the given PDF text, without parsing the rest
    (a CIDFont's /W array holds thousands of numbers)."""
    for key, value in entries.items():
        pattern = re.compile(rb"(/" + re.escape(key.encode()) + rb")(\s+)(\d+\s+\d+\s+R|/[^\s/<>\[\]()]+|[-+.\d]+)")
        text, n = pattern.subn(lambda m, v=value: m.group(1) + b" " + v, text, count=1)
        if n != 1:
            raise PdfJoinError(f"/{key} not found in {text[:60]!r}")
    return text


def refs_in(text: bytes) -> list[int]:
    """The objects ``text`` (a dictionary or array in PDF syntax) refers to, in order."""
    return [int(m.group(1)) for m in _REFS.finditer(text) if m.group(1) is not None]


# -- writing ---------------------------------------------------------------------------------------

def pdf_string(value: str | bytes) -> bytes:
    """A PDF string: ASCII text as a literal string, other text as UTF-16BE with
    its byte order mark in hex (ISO 32000-1 7.9.2.2), bytes as hex."""
    if isinstance(value, str):
        if value.isascii():
            esc = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("\r", "\\r")
            return b"(" + esc.encode("ascii") + b")"
        value = b"\xfe\xff" + value.encode("utf-16-be")
    return b"<" + value.hex().encode("ascii") + b">"


_NAMES: dict[str, bytes] = {}


def _name(n: str) -> bytes:
    got = _NAMES.get(n)
    if got is None:
        out = []
        for b in n.encode("utf-8"):
            out.append(f"#{b:02x}" if b < 0x21 or b > 0x7E or b in b"()<>[]{}/%#" else chr(b))
        got = _NAMES[n] = b"/" + "".join(out).encode("ascii")
    return got


def serialize(value: Any, renumber: dict[int, int] | None = None) -> bytes:
    """``value`` in PDF syntax; references through ``renumber`` when given."""
    if isinstance(value, Raw):
        return bytes(value)
    if isinstance(value, Name):
        return _name(value)
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if value is None:
        return b"null"
    if isinstance(value, Ref):
        return b"%d 0 R" % (renumber[value.num] if renumber is not None else value.num)
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, float):
        s = f"{value:.6f}".rstrip("0").rstrip(".")
        return (s if s not in ("", "-0") else "0").encode("ascii")
    if isinstance(value, str | bytes):
        return pdf_string(value)
    if isinstance(value, dict):
        inner = b" ".join(_name(k) + b" " + serialize(v, renumber) for k, v in value.items())
        return b"<< " + inner + b" >>"
    if isinstance(value, list | tuple):
        return b"[ " + b" ".join(serialize(v, renumber) for v in value) + b" ]"
    raise TypeError(f"cannot write {type(value).__name__} as PDF")


class Writer:
    """A PDF being assembled: objects numbered 1, 2, ... in the order they are
    reserved, written with a classic cross-reference table."""

    def __init__(self) -> None:
        self._objects: list[bytes | None] = []

    def reserve(self) -> Ref:
        self._objects.append(None)
        return Ref(len(self._objects))

    def set(self, ref: Ref, value: Any) -> Ref:
        """Give ``ref`` its object: a value, a ``Stream`` or ``Raw`` object text."""
        if isinstance(value, Stream):
            head = serialize({**value.entries, "Length": len(value.data)})
            text = head + b"\nstream\n" + value.data + b"\nendstream"
        else:
            text = serialize(value)
        self._objects[ref.num - 1] = text
        return ref

    def set_raw(self, ref: Ref, text: bytes) -> None:
        self._objects[ref.num - 1] = text

    def add(self, value: Any) -> Ref:
        return self.set(self.reserve(), value)

    def write(self, version: str, root: Ref, info: Ref | None, file_id: bytes) -> bytes:
        """The file: header, objects, cross-reference table, trailer with /ID ``file_id`` (hex)."""
        parts = [b"%PDF-" + version.encode("ascii") + b"\n%\xe2\xe3\xcf\xd3\n"]
        at = len(parts[0])
        offsets = []
        for num, text in enumerate(self._objects, 1):
            if text is None:
                raise PdfJoinError(f"object {num} reserved but never given")
            offsets.append(at)
            chunk = b"%d 0 obj\n" % num + text + b"\nendobj\n"
            parts.append(chunk)
            at += len(chunk)
        n = len(self._objects) + 1
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % n]
        xref += [b"%010d 00000 n \n" % o for o in offsets]
        parts += xref
        trailer = {"Size": n, "Root": root, "ID": [Raw(b"<" + file_id + b">"), Raw(b"<" + file_id + b">")]}
        if info is not None:
            trailer["Info"] = info
        parts.append(b"trailer\n" + serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % at)
        return b"".join(parts)


def value_refs(value: Any) -> list[int]:
    """The objects a parsed value refers to, in order."""
    if isinstance(value, Ref):
        return [value.num]
    if isinstance(value, dict):
        return [r for v in value.values() for r in value_refs(v)]
    if isinstance(value, list):
        return [r for v in value for r in value_refs(v)]
    return []


def copy_into(writer: Writer, part: Part, target: Ref, value: dict[str, Any] | bytes) -> None:
    """Write ``value`` (a dictionary parsed from ``part``, changed by the caller, or
    its text) as ``target``, with every object of ``part`` it reaches copied once,
    renumbered, in the order they are first reached."""
    new: dict[int, int] = {}
    order: list[int] = []
    todo = refs_in(value) if isinstance(value, bytes) else value_refs(value)
    while todo:
        num = todo.pop(0)
        if num in new:
            continue
        new[num] = writer.reserve().num
        order.append(num)
        text, _ = part.body(num)
        todo.extend(r for r in refs_in(text) if r not in new)
    for num in order:
        text, data = part.body(num)
        text = _renumbered(text, new)
        if data is not None:
            text += b"\nstream\n" + data + b"\nendstream"
        writer.set_raw(Ref(new[num]), text)
    writer.set_raw(target, _renumbered(value, new) if isinstance(value, bytes) else serialize(value, new))


def _renumbered(text: bytes, new: dict[int, int]) -> bytes:
    def sub(m: re.Match) -> bytes:
        if m.group(1) is None:
            return m.group(0)
        return b"%d 0 R" % new[int(m.group(1))]

    return _REFS.sub(sub, text)
