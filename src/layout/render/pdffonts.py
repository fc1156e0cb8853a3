"""Register faces with ReportLab, once per process, only when a page uses them.

Why lazily: a page that uses three faces must not pay for five.

Why a snapshot cache: ReportLab's ``TTFont`` parses the cmap, hmtx and loca tables
of a 22,000-glyph CJK font in pure Python, ~0.09 s per face (benchmarks/
fonts_load.py) -- most of a page's time budget.  The parsed object is plain data,
so after the first parse we store its attributes (the five big tables as packed
arrays) and later runs rebuild the same object in a few milliseconds, with the
font file memory-mapped instead of read.  The snapshot is keyed by the file (real
path, size, mtime, face index) and ReportLab's version, and it is only a cache:
when it is missing, stale or does not fit, the font is parsed as usual.
tests/fonts/test_register.py checks that a restored font equals a parsed one and
that both write byte-identical PDFs.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
from array import array
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from layout.errors import FontError
from layout.fonts.face import Face
from layout.fonts.loader import cache_dir, file_key
from layout.render.lazymap import LazyTable

SNAPSHOT_VERSION = 2  # 2: the cmap and advances also sorted by code point (render.lazymap)

# Attributes of ReportLab's parsed face that the snapshot stores specially: the
# file bytes (memory-mapped on restore), a scaling closure (rebuilt), and the big
# per-glyph tables (packed arrays; glyphToChar is only needed while parsing, so it
# is rebuilt on first use).
_FILE_DATA = "_ttf_data"
_TABLES = ("charToGlyph", "charWidths", "hmetrics", "glyphPos", "glyphToChar", "_pdfScale")
# Attributes of ReportLab's TTFont that belong to one registration, not to the file.
_PER_FONT = ("face", "state", "fontName")

_registered: dict[str, str] = {}  # file_key -> ReportLab font name
_by_path: dict[tuple[str, int], str] = {}  # (path as given, index) -> name: no stat per call


def register_face(face: Face) -> str:
    """Register ``face`` with ReportLab (idempotent per file and face index); return
    its ReportLab font name.  FontError when ReportLab cannot use the file.

    Why the renaming: ReportLab files a font under its PostScript name and, for a
    second font with the same PostScript name (a user's copy or another version of
    a bundled face), silently hands back the first one -- and in a PDF both would
    share one BaseFont name.  Such a font gets our unique name as its PDF name.
    """
    fast = (face.path, face.index)
    name = _by_path.get(fast)
    if name is not None:
        return name
    key = file_key(face.path, face.index)
    name = _registered.get(key)
    if name is not None:
        _by_path[fast] = name
        return name
    from reportlab.pdfbase import pdfmetrics

    taken = set(pdfmetrics.getRegisteredFontNames())
    name, n = face.name, 1
    while name in taken:
        n += 1
        name = f"{face.name}-{n}"
    font = load_ttfont(name, face.path, face.index)
    ps_names = getattr(pdfmetrics, "_dynFaceNames", {})
    if font.face.name in ps_names:
        font.face.name = type(font.face.name)(name.encode("ascii"))
    pdfmetrics.registerFont(font)
    _registered[key] = _by_path[fast] = name
    return name


def load_ttfont(name: str, path: str, index: int = 0, *, use_cache: bool = True) -> Any:
    """A ReportLab ``TTFont`` named ``name`` for face ``index`` of ``path``, from the
    snapshot cache when it fits, else parsed (and the snapshot written)."""
    import reportlab

    cfile = None
    if use_cache:
        # the path as given is part of the key: ReportLab keeps it (``filename``)
        key = f"{path}|{file_key(path, index)}|rl{reportlab.Version}|{SNAPSHOT_VERSION}"
        cfile = cache_dir() / (hashlib.sha1(key.encode()).hexdigest() + ".rlfont")
        font = _restore(cfile, name, path)
        if font is not None:
            return font
    font = _parse(name, path, index)
    if cfile is not None:
        _store(cfile, font)
    return font


def _parse(name: str, path: str, index: int) -> Any:
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        return TTFont(name, path, subfontIndex=index, asciiReadable=False)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as e:
        raise FontError(f"cannot embed font {path} (face {index}): {e}") from None


# -- snapshot ---------------------------------------------------------------------


def _int_or_float_array(values: list[Any]) -> array | None:
    """Pack numbers keeping their type (ReportLab writes ints and floats differently)."""
    if all(type(v) is int for v in values):
        return array("q", values)
    if all(type(v) is float for v in values):
        return array("d", values)
    return None


def _snapshot(font: Any) -> bytes | None:
    face = font.face
    widths = _int_or_float_array(list(face.charWidths.values()))
    if widths is None:
        return None
    c2g = sorted(face.charToGlyph.items())
    cw = sorted(face.charWidths.items())
    tables = {
        "c2g_keys": array("L", face.charToGlyph.keys()),
        "c2g_values": array("L", face.charToGlyph.values()),
        "cw_keys": array("L", face.charWidths.keys()),
        "cw_values": widths,
        "c2g_sorted_keys": array("L", [k for k, _ in c2g]),
        "c2g_sorted_values": array("L", [v for _, v in c2g]),
        "cw_sorted_keys": array("L", [k for k, _ in cw]),
        "cw_sorted_values": array(widths.typecode, [v for _, v in cw]),
        "hm_advance": array("L", [aw for aw, _ in face.hmetrics]),
        "hm_lsb": array("L", [lsb for _, lsb in face.hmetrics]),
        "glyph_pos": array("L", face.glyphPos),
    }
    face_attrs = {k: v for k, v in face.__dict__.items() if k not in _TABLES and k != _FILE_DATA}
    font_attrs = {k: v for k, v in font.__dict__.items() if k not in _PER_FONT}
    return pickle.dumps((SNAPSHOT_VERSION, font_attrs, face_attrs, tables), protocol=pickle.HIGHEST_PROTOCOL)


def _store(cfile: Path, font: Any) -> None:
    try:
        blob = _snapshot(font)
    except (pickle.PicklingError, TypeError, AttributeError, OverflowError):
        return  # a ReportLab we do not know: stay on the parsing path
    if blob is None:
        return
    try:
        cfile.parent.mkdir(parents=True, exist_ok=True)
        tmp = cfile.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(blob)
        os.replace(tmp, cfile)
    except OSError:
        pass


def _restore(cfile: Path, name: str, path: str) -> Any | None:
    try:
        blob = cfile.read_bytes()
    except OSError:
        return None
    try:
        version, font_attrs, face_attrs, tables = pickle.loads(blob)
        if version != SNAPSHOT_VERSION:
            return None
        return _rebuild(name, path, font_attrs, face_attrs, tables)
    except Exception:  # a damaged or foreign snapshot is a cache miss, never an error
        return None


class _Pairs(Sequence):
    """``hmetrics`` as ReportLab reads it -- (advance, lsb) of glyph i -- over two
    packed arrays: ReportLab only indexes it, for the glyphs of a subset, so the
    22,000 tuples need not be built."""

    def __init__(self, first: array, second: array):
        if len(first) != len(second):
            raise ValueError("hmetrics arrays differ in length")
        self._first = first
        self._second = second

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return list(zip(self._first[i], self._second[i], strict=True))
        return (self._first[i], self._second[i])


class _Slice:
    """Bytes ``offset .. offset + length`` of a mapped file, copied only when sliced."""

    def __init__(self, data: mmap.mmap, offset: int, length: int):
        self._data = data
        self._offset = offset
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: slice) -> bytes:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("only contiguous slices of a font table are supported")
        start, stop, _ = key.indices(self._length)
        return self._data[self._offset + start : self._offset + max(start, stop)]


class _ScaleTo1000:
    """ReportLab's per-face scaling of font units to 1/1000 em (a closure in
    ``TTFontFile.extractInfo``; rebuilt here because closures do not pickle)."""

    def __init__(self, units_per_em: int):
        self.factor = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, x: float) -> float:
        return x if self.factor is None else x * self.factor


def _restored_face_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFontFace

    class RestoredTTFontFace(TTFontFace):
        """A TTFontFace rebuilt from a snapshot; ``glyphToChar`` (used only while
        parsing, and by ReportLab's shaping path) is rebuilt on first use."""

        def get_table(self, tag: str) -> Any:
            # makeSubset only slices single glyphs out of 'glyf': hand it a view,
            # not a copy of the whole table (9 MB, ~8 ms per font per PDF)
            if tag == "glyf" and isinstance(self._ttf_data, mmap.mmap):
                return _Slice(self._ttf_data, *self.get_table_pos(tag))
            return super().get_table(tag)

        @cached_property
        def glyphToChar(self) -> dict[int, list[int]]:
            out: dict[int, list[int]] = {}
            for cp, gid in self.charToGlyph.items():
                out.setdefault(gid, []).append(cp)
            return out

    return RestoredTTFontFace


_face_class: type | None = None


def _rebuild(name: str, path: str, font_attrs: dict, face_attrs: dict, tables: dict) -> Any:
    global _face_class
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTFont

    if _face_class is None:
        _face_class = _restored_face_class()
    face = _face_class.__new__(_face_class)
    face.__dict__.update(face_attrs)
    face._ttf_data = _map_file(path)
    face._pdfScale = _ScaleTo1000(face.unitsPerEm)
    # filled as characters are looked up: a page uses a few thousand of 22,000
    face.charToGlyph = LazyTable(tables["c2g_sorted_keys"], tables["c2g_sorted_values"],
                                 tables["c2g_keys"], tables["c2g_values"])
    # a real dict: ReportLab's C accelerator (rl_accel's stringWidth) reads it with
    # the C dict API, which a lazy subclass cannot answer (every width came out as
    # the default 1 em)
    face.charWidths = dict(zip(tables["cw_keys"], tables["cw_values"], strict=True))
    face.hmetrics = _Pairs(tables["hm_advance"], tables["hm_lsb"])
    face.glyphPos = tables["glyph_pos"]
    glyf_end = face.table["glyf"]["offset"] + face.glyphPos[-1]
    if len(face.glyphPos) != face.numGlyphs + 1 or glyf_end > len(face._ttf_data):
        return None
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_attrs)
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def _map_file(path: str) -> Any:
    """The font file's bytes: memory-mapped (free until pages are touched)."""
    with open(path, "rb") as f:
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return f.read()
