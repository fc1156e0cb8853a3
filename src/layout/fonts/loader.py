"""Read a font file into a ``Face`` (slow path, fontTools), with an on-disk cache.

Why a cache: parsing cmap, hmtx and the glyph bounds of a 20,000-glyph CJK font
takes 0.1-0.3 s; a page render must not pay that every run.  The cache key is the
file's absolute path, size and mtime, plus the loader's format version, so an
edited font is re-read.  Cache files are ``marshal`` dumps (fastest to load);
the folder is ``$LAYOUT_CACHE_DIR`` or ``~/.cache/layout``.  A cache that cannot be
written is silently skipped (read-only home): correctness never depends on it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from layout.errors import FontError
from layout.fonts.face import Face, wants_ink

CACHE_VERSION = 1


def cache_dir() -> Path:
    env = os.environ.get("LAYOUT_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "layout"


def load_face(path: str | os.PathLike[str], role: str, index: int = 0, *, use_cache: bool = True) -> Face:
    """Load the metrics of face ``index`` of ``path`` (TTF, OTF or TTC)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise FontError(f"font file not found: {p} ({e.strerror})") from None
    key = f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}|{index}|{CACHE_VERSION}"
    cfile = cache_dir() / (hashlib.sha1(key.encode()).hexdigest() + ".face")
    data = _read_cache(cfile) if use_cache else None
    if data is None:
        data = _read_font(p, index)
        if use_cache:
            _write_cache(cfile, data)
    return Face(role=role, path=str(p), index=index, **data)


def _read_cache(cfile: Path) -> dict | None:
    try:
        with open(cfile, "rb") as f:
            return marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write_cache(cfile: Path, data: dict) -> None:
    try:
        cfile.parent.mkdir(parents=True, exist_ok=True)
        tmp = cfile.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            marshal.dump(data, f)
        os.replace(tmp, cfile)
    except OSError:
        pass


def _read_font(p: Path, index: int) -> dict:
    """The slow path: everything a Face holds, from the font tables."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(str(p), fontNumber=index, lazy=True)
        upem = font["head"].unitsPerEm
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"].metrics
    except (TTLibError, OSError, KeyError, AssertionError, IndexError, ValueError, TypeError) as e:
        raise FontError(f"cannot read font {p} (face {index}): {e or type(e).__name__}") from None
    if not cmap:
        raise FontError(f"font {p} (face {index}) has no Unicode character map")
    scale = 1.0 / upem
    advances = {cp: hmtx[g][0] * scale for cp, g in cmap.items() if g in hmtx}
    ink = _ink_extents(font, cmap, scale)
    hhea = font["hhea"]
    os2 = font["OS/2"] if "OS/2" in font else None
    ascent = (os2.sTypoAscender if os2 is not None else hhea.ascent) * scale
    descent = (os2.sTypoDescender if os2 is not None else hhea.descent) * scale
    name = font["name"]
    family = str(name.getBestFamilyName() or p.stem)
    ps = str(name.getDebugName(6) or p.stem)
    return {
        "name": "".join(c for c in ps if c.isascii() and (c.isalnum() or c in "-_")) or p.stem,
        "family": family,
        "units_per_em": upem,
        "ascent": ascent,
        "descent": descent,
        "advances": advances,
        "ink": ink,
        "glyph_count": len(font.getGlyphOrder()),
        "has_glyf": "glyf" in font,
    }


def _ink_extents(font, cmap: dict[int, str], scale: float) -> dict[int, tuple[float, float]]:
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
