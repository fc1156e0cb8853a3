#!/usr/bin/env python3
"""Rebuild the bundled fonts in ``fonts/`` from their upstream releases.

Why this script exists: ReportLab embeds only TrueType (``glyf``) outlines, while
the Noto CJK fonts ship as CFF-based OpenType collections.  We subset each face to
the repertoire a Chinese newspaper needs (all of GBK, so rare characters in names
survive a reprint, plus the punctuation, bullet and vertical-form blocks) and
convert the cubic CFF outlines to quadratic ``glyf`` outlines with cu2qu.

Sources (Debian bookworm packages, the canonical OFL releases repackaged):
  fonts-noto-cjk 1:20220127+repack1-1  (Noto Sans CJK 2.004 / Serif CJK 2.001, Regular+Bold TTC, face 2 = SC)
  fonts-lxgw-wenkai 1.250+repack-1     (LXGW WenKai 1.250, TrueType)

The cmap of U+2014, U+2E3A, U+2E3B and U+00B7 is pointed at the full-width
('fwid') glyphs, as Chinese composition sets them (see FULL_WIDTH).

Recipe:
  apt-get download fonts-noto-cjk fonts-lxgw-wenkai
  for f in *.deb; do dpkg-deb -x "$f" src; done
  python scripts/build_fonts.py src/usr/share/fonts   # writes fonts/*.ttf

Takes about 2-3 minutes on one core; output is deterministic (fixed timestamps).
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"

# (output file, source path relative to the source root, TTC face index)
FACES = [
    ("NotoSerifSC-Regular.ttf", "opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("NotoSerifSC-Bold.ttf", "opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    ("NotoSansSC-Regular.ttf", "opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("NotoSansSC-Bold.ttf", "opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("LXGWWenKai-Regular.ttf", "truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0),
]

# Blocks kept whole besides GBK: ASCII and Latin-1, General Punctuation, CJK Symbols and
# Punctuation, Fullwidth Forms, geometric shapes (bullets ■□●○▲△◆◇), misc symbols (★☆),
# mathematical operators (⋯),
# vertical presentation forms (for vertical headlines) and CJK compatibility forms.
EXTRA_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F),
    (0x2150, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
    (0x2600, 0x26FF), (0x3000, 0x303F), (0xFE10, 0xFE19), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF), (0x203B, 0x203B), (0x2E3A, 0x2E3B),
    (0x2200, 0x22FF),  # mathematical operators: the midline ellipsis ⋯ (⋯⋯ in Chinese text)
    (0x30FB, 0x30FB),  # katakana middle dot ・, common in archived transliterations
]


def gbk_repertoire() -> set[int]:
    """Every character GBK can encode: lead bytes 0x81-0xFE, trail 0x40-0xFE."""
    cps: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            cps.add(ord(ch))
    return cps


def repertoire() -> set[int]:
    cps = gbk_repertoire()
    for lo, hi in EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    return cps


# Chinese composition wants these full-width (GB/T 15834: the dash —— is two ems,
# the interpunct · one em with its ink centred).  Noto CJK maps them to proportional
# (Latin) glyphs and reaches the full-width ones only through the 'fwid' feature,
# which ReportLab does not apply, so the cmap is pointed at the fwid glyphs.
FULL_WIDTH = (0x2014, 0x2E3A, 0x2E3B, 0x00B7)


def use_full_width_forms(font) -> list[str]:
    """Point FULL_WIDTH code points at their 'fwid' glyphs (when the font has them)."""
    if "GSUB" not in font:
        return []
    gsub = font["GSUB"].table
    fwid: dict[str, str] = {}
    for rec in gsub.FeatureList.FeatureRecord:
        if rec.FeatureTag != "fwid":
            continue
        for index in rec.Feature.LookupListIndex:
            for sub in gsub.LookupList.Lookup[index].SubTable:
                fwid.update(getattr(sub, "mapping", {}) or {})
    changed = []
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for cp in FULL_WIDTH:
            glyph = table.cmap.get(cp)
            if glyph in fwid:
                table.cmap[cp] = fwid[glyph]
                changed.append(f"U+{cp:04X}")
    return sorted(set(changed))


def subset(font, cps: set[int]) -> None:
    from fontTools import subset as ft_subset

    opts = ft_subset.Options()
    opts.layout_features = ["vert", "vrt2", "vkna", "halt", "vhal", "kern", "palt", "vpal"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = False
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=sorted(cps))
    sub.subset(font)


def cff_to_glyf(font) -> None:
    """Replace CFF outlines by quadratic TrueType outlines (cu2qu, 1/1000 em error)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def build_one(args: tuple[str, str, int, str]) -> str:
    out_name, src, index, src_root = args
    from fontTools.ttLib import TTFont

    font = TTFont(Path(src_root) / src, fontNumber=index, lazy=False)
    use_full_width_forms(font)
    subset(font, repertoire())
    if "CFF " in font:
        cff_to_glyf(font)
    font["head"].created = font["head"].modified = 3600 * 24 * 365 * 90  # fixed: same bytes every build
    out = FONTS_DIR / out_name
    font.save(out)
    return f"{out_name}: {out.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_root", help="folder holding opentype/noto/ and truetype/lxgw-wenkai/")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="output file names to build (default: all)")
    a = ap.parse_args()
    jobs = [(o, s, i, a.source_root) for o, s, i in FACES if not a.only or o in a.only]
    with ProcessPoolExecutor(a.jobs) as pool:
        for line in pool.map(build_one, jobs):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
