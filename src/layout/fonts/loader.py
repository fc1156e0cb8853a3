"""Read a font file into a ``Face`` (slow path, fontTools), with an on-disk cache.

Why a cache: parsing cmap, hmtx and the glyph bounds of a 20,000-glyph CJK font
takes ~0.3 s; a page render must not pay that every run.  The cache key is the
file's real path, size and mtime, the face index and the loader's format version,
so an edited font is re-read.  Cache entries (``layout.cache``: checked, never
pickled) hold a ``marshal`` dump of the plain values ``Face`` stores (a coverage bitmap, a default advance and its exceptions), so
a warm load is well under a millisecond; the folder is ``layout.cache.cache_dir()``.  A cache that cannot be written is skipped (read-only home):
correctness never depends on it.  A process that loads the same file twice (two
``FontSet``s, two roles) reads it once (``_MEMO``).

Why so much checking: a user's font may be anything -- a truncated download, a CFF
OpenType font our PDF writer cannot embed (render.truetype reads glyf outlines), a licence that forbids embedding.  Each is a
``FontError`` with the file name and what to do, never a traceback and never a PDF
that silently lacks glyphs.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from layout.cache import cache_dir, read_plain, write_plain
from layout.errors import FontError
from layout.fonts.face import BMP_BYTES, Face, pack_advances, wants_ink

CACHE_VERSION = 4  # 3: entries in layout.cache's checked container; 4: faces validated (advances, composites)

# OS/2 fsType bits under which a font may not be subset-embedded (OpenType OS/2;
# checked when the face loads, before a page is half made): 0x0002 restricted
# licence, 0x0100 no subsetting, 0x0200 bitmap embedding only.
FSTYPE_RESTRICTED = 0x0002
FSTYPE_NO_SUBSET = 0x0300

_MEMO: dict[str, dict[str, Any]] = {}


def clear_memory_cache() -> None:
    """Forget the faces read in this process (the disk cache stays)."""
    _MEMO.clear()


def file_key(path: str | os.PathLike[str], index: int) -> str:
    """Identity of one face of one version of a font file (real path, size, mtime,
    index).  Raises FontError when the file cannot be examined."""
    p = Path(path)
    try:
        st = p.stat()
        real = p.resolve()
    except OSError as e:
        raise FontError(f"font file not found: {p} ({e.strerror or e})") from None
    if not p.is_file():
        raise FontError(f"font path is not a file: {p}")
    return f"{real}|{st.st_size}|{st.st_mtime_ns}|{index}"


def load_face(path: str | os.PathLike[str], role: str, index: int = 0, *, use_cache: bool = True) -> Face:
    """Load the metrics of face ``index`` of ``path`` (TrueType TTF or TTC).

    Raises FontError for a missing, unreadable, corrupt or unembeddable font."""
    if index < 0:
        raise FontError(f"font {path}: face index must be 0 or more, not {index}")
    p = Path(path)
    key = f"{file_key(p, index)}|{CACHE_VERSION}"
    data = _MEMO.get(key) if use_cache else None
    if data is None:
        cfile = cache_dir() / (hashlib.sha1(key.encode()).hexdigest() + ".face")
        data = _read_cache(cfile) if use_cache else None
        if data is None:
            data = _read_font(p, index)
            if use_cache:
                write_plain(cfile, data)
        if use_cache:
            _MEMO[key] = data
    return Face(role=role, path=str(p), index=index, **data)


def _read_cache(cfile: Path) -> dict[str, Any] | None:
    """A face's cached values, or None unless every field has the type ``_metrics``
    gives it (~0.2 ms): an entry of the wrong shape is read again from the font,
    never a crash later in composition."""
    data = read_plain(cfile)
    return data if _well_formed(data) else None


_NUMBER = (int, float)
_FACE_FIELDS = {
    "name": str, "family": str, "version": str, "units_per_em": int, "ascent": _NUMBER,
    "descent": _NUMBER, "glyph_count": int, "default_advance": _NUMBER, "_bmp": bytes,
    "_astral": frozenset, "_widths": dict, "_ink": dict,
}


def _well_formed(data: Any) -> bool:
    if not isinstance(data, dict) or data.keys() != _FACE_FIELDS.keys():
        return False
    if not all(isinstance(data[k], t) and not isinstance(data[k], bool) for k, t in _FACE_FIELDS.items()):
        return False
    widths, ink = data["_widths"], data["_ink"]
    return (len(data["_bmp"]) == BMP_BYTES and data["units_per_em"] > 0
            and all(type(c) is int for c in data["_astral"])
            and all(type(c) is int for c in widths) and all(type(v) in _NUMBER for v in widths.values())
            and all(type(c) is int for c in ink)
            and all(type(v) is tuple and len(v) == 2 and all(type(x) in _NUMBER for x in v)
                    for v in ink.values()))


def _read_font(p: Path, index: int) -> dict[str, Any]:
    """The slow path: everything a Face holds, from the font tables."""
    from fontTools.ttLib import TTFont

    _check_face_index(p, index)
    try:
        font = TTFont(str(p), fontNumber=index, lazy=True)
        _check_structure(font, p, index)
        data = _metrics(font, p)
    except FontError:
        raise
    except Exception as e:  # fontTools raises any exception type on corrupt data
        detail = str(e) or type(e).__name__
        raise FontError(
            f"cannot read font {p} (face {index}): {detail}",
            hint="the file is damaged or not a TrueType/OpenType font",
        ) from None
    font.close()
    return data


def _check_face_index(p: Path, index: int) -> None:
    """A face index must name a face: 0 for a single font, 0..n-1 in a collection."""
    try:
        with open(p, "rb") as f:
            head = f.read(12)
    except OSError as e:
        raise FontError(f"cannot read font {p}: {e.strerror or e}") from None
    if head[:4] == b"ttcf" and len(head) == 12:
        count = int.from_bytes(head[8:12], "big")
        if index >= count:
            raise FontError(
                f"font collection {p} has {count} faces (index 0 to {count - 1}), not index {index}"
            )
    elif index > 0:
        raise FontError(f"font {p} is a single font, not a collection: face index must be 0, not {index}")


def _check_structure(font: Any, p: Path, index: int) -> None:
    """Reject what loads but cannot be used: truncation, CFF outlines, a licence
    that forbids embedding."""
    reader = font.reader
    size = p.stat().st_size
    for tag, entry in reader.tables.items():
        if entry.offset + entry.length > size:
            raise FontError(
                f"font {p} (face {index}) is truncated: table {tag.strip()!r} ends at byte "
                f"{entry.offset + entry.length}, the file has {size} bytes",
                hint="download or copy the font again",
            )
    for tag in ("head", "hhea", "hmtx", "cmap", "maxp"):
        if tag not in font:
            raise FontError(f"font {p} (face {index}) lacks the required {tag!r} table")
    if "glyf" not in font:
        raise FontError(
            f"font {p} (face {index}) has PostScript (CFF) outlines, which the PDF writer cannot embed",
            hint="use a TrueType (glyf) font, or convert it as scripts/build_fonts.py does (cff_to_glyf)",
        )
    fstype = font["OS/2"].fsType if "OS/2" in font else 0
    if fstype == FSTYPE_RESTRICTED or fstype & FSTYPE_NO_SUBSET:
        raise FontError(
            f"font {p} (face {index}) may not be embedded in a PDF (OS/2 fsType 0x{fstype:04X})",
            hint="its licence forbids subset embedding; choose another font",
        )


def _metrics(font: Any, p: Path) -> dict[str, Any]:
    upem = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    if not cmap:
        raise FontError(f"font {p} has no Unicode character map")
    hmtx = font["hmtx"].metrics
    scale = 1.0 / upem
    advances = {cp: hmtx[g][0] * scale for cp, g in cmap.items() if g in hmtx}
    _check_advances(advances, p)
    _check_composites(font, p)
    packed = pack_advances(advances)
    hhea = font["hhea"]
    os2 = font.get("OS/2")
    ascent = (os2.sTypoAscender if os2 is not None else hhea.ascent) * scale
    descent = (os2.sTypoDescender if os2 is not None else hhea.descent) * scale
    name = font["name"]
    ps = str(name.getDebugName(6) or p.stem)
    return {
        "name": "".join(c for c in ps if c.isascii() and (c.isalnum() or c in "-_")) or "Font",
        "family": str(name.getBestFamilyName() or p.stem),
        "version": str(name.getDebugName(5) or ""),
        "units_per_em": upem,
        "ascent": ascent,
        "descent": descent,
        "glyph_count": len(font.getGlyphOrder()),
        "default_advance": packed.default_advance,
        "_bmp": packed.bmp,
        "_astral": packed.astral,
        "_widths": packed.widths,
        "_ink": _ink_extents(font, cmap, scale),
    }


MAX_ADVANCE_EM = 16.0  # no character is wider than this; a bigger advance is a broken hmtx


def _check_advances(advances: dict[int, float], p: Path) -> None:
    """Issue 17 class 13: a face whose spacing characters have no width would set
    a whole story on one spot.  Characters that are meant to have none (combining
    marks, format and control characters) are left out of the count."""
    import unicodedata

    spacing = [w for cp, w in advances.items()
               if unicodedata.category(chr(cp)) not in ("Mn", "Me", "Cf", "Cc", "Zl", "Zp")]
    zero = sum(1 for w in spacing if w <= 0)
    if spacing and zero * 2 > len(spacing):
        raise FontError(f"font {p}: {zero} of its {len(spacing)} characters have an advance width of 0",
                        hint="the font's hmtx table is broken; text set with it would pile up on one spot")
    wide = [cp for cp, w in advances.items() if w > MAX_ADVANCE_EM]
    if wide:
        raise FontError(f"font {p}: U+{wide[0]:04X} is {advances[wide[0]]:.0f} em wide "
                        f"({len(wide)} characters wider than {MAX_ADVANCE_EM:g} em)",
                        hint="the font's hmtx table is broken")


def _check_composites(font: Any, p: Path) -> None:
    """Issue 17 class 13: every composite glyph must end in simple glyphs: a
    component out of range or a cycle (a glyph made of itself) is refused now,
    not met while embedding.  Read from the raw glyf/loca bytes (a CJK face has
    ~30,000 glyphs; fontTools' glyph objects would take seconds)."""
    import numpy as np

    n = font["maxp"].numGlyphs
    long = font["head"].indexToLocFormat == 1
    loca = np.frombuffer(font.reader["loca"], dtype=">u4" if long else ">u2").astype(np.int64)
    if not long:
        loca = loca * 2
    glyf = font.reader["glyf"]
    if len(loca) < n + 1:
        raise FontError(f"font {p}: the loca table holds {len(loca) - 1} glyphs, maxp says {n}")
    starts, ends = loca[:n], loca[1 : n + 1]
    has = (ends - starts >= 10) & (starts + 2 <= len(glyf))
    buf = np.frombuffer(glyf, dtype=np.uint8)
    idx = starts[has]
    contours = (buf[idx].astype(np.int16) << 8 | buf[idx + 1]).astype(np.int16)
    composite = [int(g) for g in np.nonzero(has)[0][contours < 0]]
    graph = {g: _components(glyf, int(starts[g]), int(ends[g]), g, n, p) for g in composite}
    _refuse_cycles(graph, p)


def _components(glyf: bytes, start: int, end: int, gid: int, n: int, p: Path) -> list[int]:
    out: list[int] = []
    at = start + 10
    while True:
        if at + 4 > end:
            raise FontError(f"font {p}: composite glyph {gid} is cut short")
        flags, comp = int.from_bytes(glyf[at : at + 2], "big"), int.from_bytes(glyf[at + 2 : at + 4], "big")
        if comp >= n:
            raise FontError(f"font {p}: composite glyph {gid} uses glyph {comp}, the font has {n}")
        out.append(comp)
        at += 4 + (4 if flags & 0x0001 else 2)
        at += 8 if flags & 0x0080 else 4 if flags & 0x0040 else 2 if flags & 0x0008 else 0
        if not flags & 0x0020:
            return out


def _refuse_cycles(graph: dict[int, list[int]], p: Path) -> None:
    """Depth-first, iteratively (a hostile chain may be thousands long)."""
    state: dict[int, int] = {}  # 1 = on the path, 2 = done
    for root in graph:
        if root in state:
            continue
        stack = [(root, iter(graph[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                raise FontError(f"font {p}: composite glyph {nxt} is made of itself (through glyph {node})",
                                hint="the font is damaged or hostile; choose another font")
            elif nxt not in state and nxt in graph:
                state[nxt] = 1
                stack.append((nxt, iter(graph[nxt])))


def _ink_extents(font: Any, cmap: dict[int, str], scale: float) -> dict[int, tuple[float, float]]:
    """x-extent of the ink of each punctuation glyph, in em (spec §2)."""
    from fontTools.pens.boundsPen import BoundsPen

    glyphset = font.getGlyphSet()
    out: dict[int, tuple[float, float]] = {}
    for cp, gname in cmap.items():
        if not wants_ink(cp):
            continue
        pen = BoundsPen(glyphset)
        glyphset[gname].draw(pen)
        if pen.bounds is not None:
            x0, _, x1, _ = pen.bounds
            out[cp] = (x0 * scale, x1 * scale)
    return out
