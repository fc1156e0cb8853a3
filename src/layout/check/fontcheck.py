"""Font checks for preflight: embedded or not, and .notdef glyphs shown.

Why: a font that is not embedded is replaced at the plant by whatever the RIP has
(for Chinese, often nothing: boxes or a wrong typeface), and a .notdef glyph prints
as a blank or a box where a character should be (issue 5: "all fonts embedded, no
.notdef").  Embedding is read from the font descriptor; .notdef is detected where the
code-to-glyph mapping can be read from the PDF: composite fonts with Identity
encodings (CID = code, through CIDToGIDMap) and simple TrueType fonts through the
embedded font's own cmap (ReportLab's subsets put unknown characters on code 0,
which the subset's cmap does not map).
"""

from __future__ import annotations

import io
from functools import lru_cache

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def is_embedded(font) -> bool:
    """Type3 glyphs are content streams, so always embedded; otherwise a FontFile*
    in the (descendant's) font descriptor."""
    sub = str(font.get("/Subtype"))
    if sub == "/Type3":
        return True
    target = font
    if sub == "/Type0":
        desc = font.get("/DescendantFonts")
        if not desc:
            return False
        target = desc[0]
    fd = target.get("/FontDescriptor")
    return fd is not None and any(k in fd for k in _FONT_FILES)


def notdef_codes(font, strings: list[bytes]) -> int | None:
    """How many shown codes map to glyph 0 (.notdef); None when undecidable."""
    sub = str(font.get("/Subtype"))
    if sub == "/Type0":
        return _notdef_type0(font, strings)
    if sub == "/TrueType":
        return _notdef_truetype(font, strings)
    return None


def _notdef_type0(font, strings: list[bytes]) -> int | None:
    enc = str(font.get("/Encoding"))
    if enc not in ("/Identity-H", "/Identity-V"):
        return None
    desc = font.DescendantFonts[0]
    c2g = desc.get("/CIDToGIDMap")
    table = None
    if c2g is not None and str(c2g) != "/Identity":
        try:
            table = c2g.read_bytes()
        except (AttributeError, ValueError):
            return None
    count = 0
    for s in strings:
        for i in range(0, len(s) - 1, 2):
            cid = (s[i] << 8) | s[i + 1]
            gid = cid if table is None else (
                (table[2 * cid] << 8 | table[2 * cid + 1]) if 2 * cid + 1 < len(table) else 0)
            count += gid == 0
    return count


def _notdef_truetype(font, strings: list[bytes]) -> int | None:
    fd = font.get("/FontDescriptor")
    ff = fd.get("/FontFile2") if fd is not None else None
    if ff is None:
        return None
    cmap = _simple_cmap(bytes(ff.read_bytes()))
    if cmap is None:
        return None
    return sum(1 for s in strings for code in s if not cmap.get(code))


@lru_cache(maxsize=64)
def _simple_cmap(data: bytes) -> dict[int, int] | None:
    """Code -> glyph id from an embedded TrueType's (3,0) or (1,0) cmap
    (the subtables a simple TrueType font in PDF is read through, PDF 9.6.6.4)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        tt = TTFont(io.BytesIO(data), lazy=True)
        order = {name: gid for gid, name in enumerate(tt.getGlyphOrder())}
        for pid, eid in ((3, 0), (1, 0)):
            table = tt["cmap"].getcmap(pid, eid)
            if table is not None:
                out = {}
                for code, name in table.cmap.items():
                    out[code & 0xFF if pid == 3 else code] = order.get(name, 0)
                return out
    except (TTLibError, KeyError, AssertionError, ValueError, IndexError, OSError):
        return None
    return None
