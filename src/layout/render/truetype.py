"""Read a TrueType face from its file and write subsets of it, for embedding.

Why our own reader: the PDF writer needs four things per face -- a character's glyph
id, a glyph's advance, a glyph's outline bytes, a few header values -- and nothing
that a general font library builds on the way (ReportLab's ``TTFont`` parses the
whole cmap and hmtx of a 22,000-glyph CJK font in Python, ~0.09 s per face; the
fontTools subsetter is slower still).  Here the file is memory-mapped, the big
tables become ``array`` views in microseconds, and characters are looked up on
demand by binary search in the cmap's segments.

Why glyph renumbering: one subset per face and document holds every glyph the
document uses, numbered 0..n-1 in the order of the original font (0 stays .notdef);
composite glyphs bring their components and have their references rewritten.  The
tables a PDF TrueType program needs are written (ISO 32000-1 9.9: glyf, loca, head,
hhea, hmtx, maxp, and cvt/fpgm/prep when the font is hinted) plus name, OS/2 and a
version 3 post, as ReportLab and the fontTools subsetter also keep them.  No cmap:
a CIDFontType2 maps codes to glyphs through its CIDToGIDMap.
"""

from __future__ import annotations

import mmap
import struct
import sys
from array import array
from bisect import bisect_left
from functools import cached_property

from layout.errors import FontError

# Composite glyph flags (OpenType glyf table).
_ARG_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_2X2 = 0x0080
# Tables copied into a subset unchanged when the font has them.
_COPIED = ("cvt ", "fpgm", "prep", "name", "OS/2")
_CHECKSUM_MAGIC = 0xB1B0AFBA  # head.checkSumAdjustment = magic - sum of the whole file


def _be(typecode: str, data: bytes | memoryview) -> array:
    """Big-endian numbers from the file as a native ``array``."""
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder == "little":
        a.byteswap()
    return a


class FontFile:
    """One face of a TrueType (.ttf) or collection (.ttc) file, memory-mapped."""

    def __init__(self, path: str, index: int = 0):
        self.path = path
        try:
            with open(path, "rb") as f:
                self._data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as e:
            raise FontError(f"cannot read font {path}: {e}") from None
        self.tables = self._directory(index)
        for tag in ("head", "hhea", "hmtx", "loca", "glyf", "maxp", "cmap"):
            if tag not in self.tables:
                raise FontError(f"font {path} (face {index}) lacks the {tag!r} table the PDF writer needs")
        head = self.table("head")
        self.units_per_em = struct.unpack_from(">H", head, 18)[0]
        self.bbox = struct.unpack_from(">4h", head, 36)
        self._long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        self.glyph_count = struct.unpack_from(">H", self.table("maxp"), 4)[0]
        self._metric_count = struct.unpack_from(">H", self.table("hhea"), 34)[0]

    def _directory(self, index: int) -> dict[str, tuple[int, int]]:
        data = self._data
        start = 0
        if data[:4] == b"ttcf":
            count = struct.unpack_from(">I", data, 8)[0]
            if index >= count:
                raise FontError(f"font collection {self.path} has {count} faces, not index {index}")
            start = struct.unpack_from(">I", data, 12 + 4 * index)[0]
        count = struct.unpack_from(">H", data, start + 4)[0]
        tables = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
            tables[tag.decode("latin-1")] = (offset, length)
        return tables

    def table(self, tag: str) -> bytes:
        """The raw bytes of table ``tag`` (KeyError when the font lacks it)."""
        offset, length = self.tables[tag]
        return self._data[offset:offset + length]

    # -- characters, advances, outlines ------------------------------------------

    @cached_property
    def _cmap(self) -> _Cmap:
        return _Cmap.read(self.table("cmap"), self.path)

    def glyph_id(self, cp: int) -> int:
        """The glyph of code point ``cp`` (0 when the font lacks it)."""
        return self._cmap.lookup(cp)

    def glyph_of(self, ch: str) -> tuple[int, float]:
        """``ch``'s glyph (0 when the font lacks it) and its advance in 1/1000 em,
        looked up once per file and process: each page of an edition is a new
        document with its own codes, and the lookups were ~5 us a character
        again on every page (~11 ms of the 16-page benchmark edition)."""
        got = self._glyphs.get(ch)
        if got is None:
            gid = self.glyph_id(ord(ch))
            got = self._glyphs[ch] = (gid, self.advance(gid) * 1000.0 / self.units_per_em if gid else 0.0)
        return got

    @cached_property
    def _glyphs(self) -> dict[str, tuple[int, float]]:
        return {}

    @cached_property
    def _hmetrics(self) -> array:
        """Unsigned 16-bit view of hmtx: (advance, lsb) pairs, then the lsb-only tail."""
        offset, length = self.tables["hmtx"]
        return _be("H", self._data[offset:offset + length - length % 2])

    def hmtx_for(self, glyphs: list[int]) -> bytes:
        """An hmtx table of full (advance, lsb) pairs for ``glyphs`` in that order."""
        hm, n = self._hmetrics, self._metric_count
        last = hm[2 * n - 2]
        out = array("H")
        for g in glyphs:
            if g < n:
                out.append(hm[2 * g])
                out.append(hm[2 * g + 1])
            else:
                out.append(last)
                out.append(hm[2 * n + (g - n)] if 2 * n + (g - n) < len(hm) else 0)
        if sys.byteorder == "little":
            out.byteswap()
        return out.tobytes()

    def advance(self, gid: int) -> int:
        """Advance width of glyph ``gid`` in font units."""
        return self._hmetrics[2 * min(gid, self._metric_count - 1)]

    @cached_property
    def _loca(self) -> array:
        """Glyph offsets in the glyf table, in units of ``_loca_unit`` bytes."""
        offset, _ = self.tables["loca"]
        n = self.glyph_count + 1
        if self._long_loca:
            return _be("I", self._data[offset:offset + 4 * n])
        return _be("H", self._data[offset:offset + 2 * n])

    def _glyph_span(self, gid: int) -> tuple[int, int]:
        """(start, end) of glyph ``gid`` in the file; empty beyond the last glyph."""
        if gid >= self.glyph_count:
            return 0, 0
        loca, unit = self._loca, 1 if self._long_loca else 2  # short offsets count 2-byte words
        base = self.tables["glyf"][0]
        return base + loca[gid] * unit, base + loca[gid + 1] * unit

    def glyph_bytes(self, gid: int) -> bytes:
        """The glyf record of glyph ``gid`` (empty for a blank glyph)."""
        start, end = self._glyph_span(gid)
        return self._data[start:end]

    def is_composite(self, gid: int) -> bool:
        """Is glyph ``gid`` made of other glyphs (numberOfContours < 0)?"""
        start, end = self._glyph_span(gid)
        return end - start >= 10 and self._data[start] >= 0x80

    def close(self) -> None:
        self._data.close()


class _Cmap:
    """Code point -> glyph id through a format 12 (full Unicode) or format 4 (BMP)
    subtable, looked up by binary search over its segments: a page needs ~1,000
    characters of the font's 22,000, so nothing is expanded into a dict.

    Segment ``i`` covers ``starts[i]..ends[i]``; its glyph is ``cp + deltas[i]``
    unless format 4 gives it an idRangeOffset (``offsets[i]``), which points into
    the glyph id array of the subtable (OpenType cmap, formats 4 and 12)."""

    def __init__(self, data: bytes, ends: array, starts: array, deltas: array,
                 offsets: array | None = None, offsets_at: int = 0):
        self._data = data
        self.ends, self.starts, self.deltas = ends, starts, deltas
        self.offsets, self._offsets_at = offsets, offsets_at

    @classmethod
    def read(cls, data: bytes, path: str) -> _Cmap:
        count = struct.unpack_from(">H", data, 2)[0]
        subtables = {}
        for i in range(count):
            pid, eid, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
            subtables[(pid, eid)] = offset
        for key in ((3, 10), (0, 4), (0, 6)):
            if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 12:
                return cls._format12(data, subtables[key])
        for key in ((3, 1), (0, 3), (0, 4), (0, 1), (0, 0)):
            if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 4:
                return cls._format4(data, subtables[key])
        raise FontError(f"font {path} has no Unicode character map of format 4 or 12")

    @classmethod
    def _format12(cls, data: bytes, at: int) -> _Cmap:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        flat = _be("I", data[at + 16:at + 16 + 12 * groups])
        starts, ends, first = flat[0::3], flat[1::3], flat[2::3]
        deltas = array("q", (g - s for g, s in zip(first, starts, strict=True)))
        return cls(data, ends, starts, deltas)

    @classmethod
    def _format4(cls, data: bytes, at: int) -> _Cmap:
        segs = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = _be("H", data[at + 14:at + 14 + 2 * segs])
        base = at + 16 + 2 * segs
        starts = _be("H", data[base:base + 2 * segs])
        deltas = _be("h", data[base + 2 * segs:base + 4 * segs])
        offsets_at = base + 4 * segs
        offsets = _be("H", data[offsets_at:offsets_at + 2 * segs])
        return cls(data, ends, starts, deltas, offsets, offsets_at)

    def lookup(self, cp: int) -> int:
        seg = bisect_left(self.ends, cp)
        if seg == len(self.ends) or cp < self.starts[seg]:
            return 0
        if self.offsets is None:  # format 12
            return self.deltas[seg] + cp
        if not self.offsets[seg]:
            return (cp + self.deltas[seg]) & 0xFFFF
        # idRangeOffset counts bytes from its own place in the subtable
        where = self._offsets_at + 2 * seg + self.offsets[seg] + 2 * (cp - self.starts[seg])
        gid = struct.unpack_from(">H", self._data, where)[0]
        return (gid + self.deltas[seg]) & 0xFFFF if gid else 0


def glyph_closure(font: FontFile, gids: set[int]) -> list[int]:
    """``gids`` plus .notdef and every component of a composite glyph among them,
    sorted: the glyphs of the subset in their new order."""
    seen = gids | {0}
    todo = [g for g in seen if font.is_composite(g)]
    while todo:
        for comp, _ in _component_refs(font.glyph_bytes(todo.pop())):
            if comp not in seen:
                seen.add(comp)
                if font.is_composite(comp):
                    todo.append(comp)
    return sorted(seen)


def _component_refs(glyph: bytes) -> list[tuple[int, int]]:
    """(glyph id, byte offset of that id) of each component of a composite glyph."""
    if len(glyph) < 10 or glyph[0] < 0x80:  # numberOfContours >= 0: a simple glyph
        return []
    out = []
    at = 10
    flags = _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, gid = struct.unpack_from(">HH", glyph, at)
        out.append((gid, at + 2))
        at += 4 + (4 if flags & _ARG_WORDS else 2)
        if flags & _HAVE_SCALE:
            at += 2
        elif flags & _HAVE_XY_SCALE:
            at += 4
        elif flags & _HAVE_2X2:
            at += 8
    return out


def subset_font(font: FontFile, glyphs: list[int]) -> bytes:
    """A TrueType program with exactly ``glyphs`` (old ids, as ``glyph_closure``
    gives them), renumbered 0..n-1 in that order."""
    new_id = {old: new for new, old in enumerate(glyphs)}
    glyf, loca = _glyf_and_loca(font, glyphs, new_id)
    hmtx = font.hmtx_for(glyphs)
    hhea = bytearray(font.table("hhea"))
    struct.pack_into(">H", hhea, 34, len(glyphs))
    maxp = bytearray(font.table("maxp"))
    struct.pack_into(">H", maxp, 4, len(glyphs))
    head = bytearray(font.table("head"))
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, filled in once the file is whole
    struct.pack_into(">h", head, 50, 1)  # long loca offsets
    tables = {"glyf": glyf, "loca": loca, "hmtx": hmtx, "hhea": bytes(hhea), "maxp": bytes(maxp),
              "head": bytes(head), "post": _post(font)}
    for tag in _COPIED:
        if tag in font.tables:
            tables[tag] = font.table(tag)
    return _assemble(tables)


def _glyf_and_loca(font: FontFile, glyphs: list[int], new_id: dict[int, int]) -> tuple[bytes, bytes]:
    parts: list[bytes] = []
    offsets = array("I", [0])
    pos = 0
    for old in glyphs:
        data = font.glyph_bytes(old)
        if data and data[0] >= 0x80:  # composite: point its components at their new ids
            buf = bytearray(data)
            for gid, at in _component_refs(data):
                struct.pack_into(">H", buf, at, new_id[gid])
            data = bytes(buf)
        pad = -len(data) % 4
        parts.append(data + b"\0" * pad if pad else data)
        pos += len(data) + pad
        offsets.append(pos)
    if sys.byteorder == "little":
        offsets.byteswap()
    return b"".join(parts), offsets.tobytes()


def _post(font: FontFile) -> bytes:
    """A version 3 post table (no glyph names), keeping italic angle and underline."""
    try:
        orig = font.table("post")
    except KeyError:
        orig = bytes(32)
    return b"\x00\x03\x00\x00" + orig[4:16].ljust(12, b"\0") + bytes(16)


def _assemble(tables: dict[str, bytes]) -> bytes:
    """The sfnt file: directory sorted by tag, tables 4-byte aligned, checksums set."""
    tags = sorted(tables)
    n = len(tags)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, power * 16, power.bit_length() - 1, n * 16 - power * 16)
    offset = 12 + 16 * n
    records, bodies = [], []
    for tag in tags:
        data = tables[tag]
        records.append(struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        bodies.append(padded)
        offset += len(padded)
    directory = header + b"".join(records)
    # The file's sum is the directory's plus the tables' (each 4-byte aligned).
    total = _checksum(directory) + sum(int.from_bytes(r[4:8], "big") for r in records)
    head_at = len(directory) + sum(len(b) for b in bodies[:tags.index("head")])
    out = bytearray(directory + b"".join(bodies))
    struct.pack_into(">I", out, head_at + 8, (_CHECKSUM_MAGIC - total) & 0xFFFFFFFF)
    return bytes(out)


def _checksum(data: bytes | bytearray) -> int:
    """OpenType table checksum: the sum of big-endian uint32s (zero-padded), modulo
    2**32 -- by ReportLab's C accelerator (the Python sum costs ~2 ms per 100 KB)."""
    from reportlab.lib.rl_accel import calcChecksum

    return calcChecksum(bytes(data)) & 0xFFFFFFFF
