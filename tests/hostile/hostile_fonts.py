"""Tiny TrueType fonts written by the tests (issue 17 class 13), with fontTools'
FontBuilder: a face whose advances are all 0, a face with a composite glyph cycle."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

CHARS = "测试日报河畔新建口袋公园开放本讯记者林晓周末清晨城东的迎来第一批游客。，（）"


def _box():
    pen = TTGlyphPen(None)
    pen.moveTo((100, -100))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, -100))
    pen.closePath()
    return pen.glyph()


def build(path: Path, *, advance: int = 1000, cycle: bool = False) -> Path:
    names = [".notdef"] + [f"g{ord(c):04x}" for c in CHARS]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"g{ord(c):04x}" for c in CHARS})
    glyphs = {n: _box() for n in names}
    if cycle:  # glyphs 1 and 2 as composites of glyph 3; patched into a cycle below
        for me in names[1:3]:
            g = Glyph()
            comp = GlyphComponent()
            comp.glyphName, comp.x, comp.y, comp.flags = names[3], 0, 0, 0
            g.numberOfContours, g.components = -1, [comp]
            glyphs[me] = g
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (advance, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Hostile Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=0)
    fb.setupPost()
    fb.save(str(path))
    if cycle:
        _make_cycle(path)
    return path


def _make_cycle(path: Path) -> None:
    """Point glyph 1's component at glyph 2 and glyph 2's at glyph 1, in the bytes
    (fontTools refuses to write such a font, which is the point)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    glyf_at = font.reader.tables["glyf"].offset
    loca = font["loca"]
    data = bytearray(path.read_bytes())
    for me, other in ((1, 2), (2, 1)):
        at = glyf_at + loca[me] + 10 + 2  # header (10 bytes), flags (2), then the component's glyph id
        data[at : at + 2] = other.to_bytes(2, "big")
    font.close()
    path.write_bytes(bytes(data))
