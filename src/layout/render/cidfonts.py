"""Faces embedded as composite (Type0 / CIDFontType2) fonts, one per face and document.

Why not ReportLab's TrueType fonts: ReportLab cuts a face into subsets of 256
characters with single-byte codes, so a CJK page of ~1,000 distinct characters per
face carries four or five font programs per face, each with its own widths array,
ToUnicode map and compressed copy of the shared tables -- and builds them with a
pure-Python subsetter at save time (~25 ms of a page's ~60 ms budget,
benchmarks/README.md).  A composite font takes two-byte codes: one font program
per face holds every glyph the document draws.

The codes (CIDs) are given out per character in the order the document first draws
them (1, 2, ...; 0 is .notdef and never drawn), so the same input gives the same
file.  Each character gets its own CID even when two characters share a glyph
(U+2014 and U+2015 may): the ToUnicode map can then give every CID back as the
character that was set, so text extraction returns the source exactly.  The
CIDToGIDMap stream maps CIDs onto the subset's glyph ids (render.truetype).

The PDF objects are built when ReportLab writes the document (``_Type0.format``),
after the last page, when the set of characters is complete.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFStream, PDFString

from layout.fonts.face import Face
from layout.fonts.loader import file_key
from layout.records import record
from layout.render.rlprivate import add_page_font, document_attachment
from layout.render.truetype import FontFile, glyph_closure, subset_font

DEFAULT_WIDTH = 1000  # /DW: the advance of a Han character; only other widths are listed in /W
RESOURCE_PREFIX = "FC"  # resource names /FC1, /FC2 ...: apart from ReportLab's own /F1 ...
FONT_COMPRESSION = 1  # zlib level of the font programs: level 6 is ~6 % smaller (~0.5 % of a page with photos) and ~6 ms slower a page
_BFCHAR_BLOCK = 100  # entries per beginbfchar block (the CMap format's limit)

_files: dict[str, FontFile] = {}  # one memory map per version of a font file, per process
# (path, index) -> (what os.stat said of it, its file): the next page's check in one stat
_seen: dict[tuple[str, int], tuple[tuple[int, int, int, int], FontFile]] = {}


def font_file(face: Face) -> FontFile:
    """The face's font file, opened once per process (again if the file changed:
    a long-running process must not embed an old version's glyphs).  Each page
    asks again: one ``os.stat`` finds the same file unchanged (device, inode,
    size, mtime), without ``file_key``'s resolving of the real path (~0.14 ms a
    call here, ~10 ms of the 16-page benchmark edition)."""
    try:
        st = os.stat(face.path)
        sig = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    except OSError:
        sig = None  # file_key says what is wrong
    seen = _seen.get((face.path, face.index))
    if seen is not None and seen[0] == sig:
        return seen[1]
    key = file_key(face.path, face.index)
    got = _files.get(key)
    if got is None:
        got = _files[key] = FontFile(face.path, face.index)
    if sig is not None:
        _seen[face.path, face.index] = (sig, got)
    return got


class EmbeddedFont:
    """One face in one document: the characters drawn with it so far and their codes."""

    __slots__ = ("codes", "chars", "face", "file", "gids", "resource")

    def __init__(self, face: Face, resource: str):
        self.face = face
        self.file = font_file(face)
        self.resource = resource  # "/FC1"
        self.codes: dict[str, tuple[str, float]] = {}  # char -> (CID as 4 hex digits, width 1/1000 em)
        self.chars: list[str] = [""]  # CID -> character (CID 0 is .notdef)
        self.gids: list[int] = [0]  # CID -> glyph id in the original font

    def code(self, ch: str) -> tuple[str, float] | None:
        """The CID (hex) and advance of ``ch``, given out on first use; None when
        the font has no glyph for it (callers check coverage first)."""
        got = self.codes.get(ch)
        if got is not None:
            return got
        gid, width = self.file.glyph_of(ch)
        if gid == 0:
            return None
        cid = len(self.chars)
        if cid > 0xFFFF:
            raise ValueError(f"{self.face.name}: more than 65,535 distinct characters in one document")
        self.chars.append(ch)
        self.gids.append(gid)
        got = self.codes[ch] = (f"{cid:04x}", width)
        return got


class DocumentFonts:
    """The embedded fonts of one ReportLab document, by font file and face index.

    ``programs`` False: the font programs are left out (an empty FontFile2 and
    CIDToGIDMap) -- for a page written only to be joined into an edition, which
    embeds one program per face for all its pages (``render.pdfjoin``,
    ``edition.output``); such a page is not a complete PDF on its own."""

    def __init__(self, doc, programs: bool = True):
        self._doc = doc
        self.programs = programs
        self._fonts: dict[tuple[str, int], EmbeddedFont] = {}

    def used(self) -> list[UsedFont]:
        """What the document draws with each face: resource name, font file, and the
        glyph of each CID (for an edition that embeds the faces once)."""
        return [UsedFont(f.resource[1:], f.face.path, f.face.index, tuple(f.gids)) for f in self._fonts.values()]

    def font(self, face: Face) -> EmbeddedFont:
        key = (face.path, face.index)
        got = self._fonts.get(key)
        if got is None:
            name = f"{RESOURCE_PREFIX}{len(self._fonts) + 1}"
            got = self._fonts[key] = EmbeddedFont(face, "/" + name)
            # Every page's /Font resources are ReportLab's one shared dictionary.
            add_page_font(self._doc, name, _Type0(got) if self.programs else _Type0(got, hollow=True))
        return got


def document_fonts(canvas, programs: bool = True) -> DocumentFonts:
    """The embedded fonts of ``canvas``'s document (made on first use, with font
    programs or without: ``DocumentFonts``).  Kept on the document itself, so they
    go with it: a process may write thousands of pages."""
    return document_attachment(canvas, "fonts", lambda doc: DocumentFonts(doc, programs))


@record
class UsedFont:
    """One face as one document drew it (``DocumentFonts.used``)."""

    resource: str  # "FC1"
    path: str
    index: int
    gids: tuple[int, ...]  # CID -> glyph id in the font file (CID 0: .notdef)


class _Type0(PDFObject):
    """The Type0 font dictionary; builds its descendant, descriptor and streams when written."""

    __RefOnly__ = 1

    def __init__(self, font: EmbeddedFont, hollow: bool = False):
        self.font = font
        self.hollow = hollow

    def format(self, document) -> bytes:
        font = self.font
        if self.hollow:  # the edition puts its own program and CIDToGIDMap here
            glyphs, new_id, program = [0], {g: 0 for g in font.gids}, b""
        else:
            glyphs = glyph_closure(font.file, set(font.gids))
            new_id = {old: new for new, old in enumerate(glyphs)}
            program = subset_font(font.file, glyphs)
        base = f"{_subset_tag(font.face.name, glyphs)}+{font.face.name}"
        descendant = PDFDictionary({
            "Type": PDFName("Font"),
            "Subtype": PDFName("CIDFontType2"),
            "BaseFont": PDFName(base),
            "CIDSystemInfo": PDFDictionary({"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"),
                                            "Supplement": 0}),
            "FontDescriptor": document.Reference(_descriptor(font, base, program)),
            "DW": DEFAULT_WIDTH,
            "W": _widths(font),
            "CIDToGIDMap": document.Reference(_stream(b"" if self.hollow else cid_to_gid_map(tuple(font.gids), new_id))),
        })
        d = PDFDictionary({
            "Type": PDFName("Font"),
            "Subtype": PDFName("Type0"),
            "BaseFont": PDFName(base),
            "Encoding": PDFName("Identity-H"),
            "DescendantFonts": PDFArray([document.Reference(descendant)]),
            "ToUnicode": document.Reference(_stream(to_unicode(font.chars).encode("ascii"))),
        })
        return d.format(document)


def _subset_tag(name: str, glyphs: list[int]) -> str:
    """Six capitals naming the subset (ISO 32000-1 9.6.4), from its glyphs: stable."""
    digest = hashlib.sha256(name.encode() + struct.pack(f">{len(glyphs)}I", *glyphs)).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _descriptor(font: EmbeddedFont, base: str, program: bytes) -> PDFDictionary:
    d = descriptor_entries(font.file, font.face)
    stream = PDFStream(PDFDictionary({"Length1": len(program), "Filter": PDFName("FlateDecode")}),
                       zlib.compress(program, FONT_COMPRESSION))
    return PDFDictionary({
        "Type": PDFName("FontDescriptor"),
        "FontName": PDFName(base),
        "Flags": d["Flags"],
        "FontBBox": PDFArray(d["FontBBox"]),
        **{k: d[k] for k in ("ItalicAngle", "Ascent", "Descent", "CapHeight", "StemV")},
        "FontFile2": stream,
    })


def descriptor_entries(file: FontFile, face: Face) -> dict:
    """The numbers of a face's FontDescriptor (ISO 32000-1 9.8): flags, box,
    angle, ascent, descent, cap height, stem width."""
    scale = 1000.0 / file.units_per_em
    os2 = file.table("OS/2") if "OS/2" in file.tables else b""
    weight = struct.unpack_from(">H", os2, 4)[0] if len(os2) >= 6 else 400
    cap = struct.unpack_from(">h", os2, 88)[0] * scale if len(os2) >= 90 else face.ascent * 1000
    angle = struct.unpack_from(">i", file.table("post"), 4)[0] / 65536.0 if "post" in file.tables else 0.0
    return {
        "Flags": 4,  # symbolic: glyphs are reached by CID, not by a standard encoding
        "FontBBox": [round(v * scale) for v in file.bbox],
        "ItalicAngle": round(angle, 3),
        "Ascent": round(face.ascent * 1000),
        "Descent": round(face.descent * 1000),
        "CapHeight": round(cap),
        # Vertical stem width estimated from the weight class, as ReportLab and Acrobat do.
        "StemV": 50 + int((weight / 65.0) ** 2),
    }


def _widths(font: EmbeddedFont) -> PDFArray:
    """/W: runs of consecutive CIDs whose width is not the default."""
    out: list = []
    run: list = []
    start = -1
    for cid, ch in enumerate(font.chars[1:], start=1):
        w = font.codes[ch][1]
        if w == DEFAULT_WIDTH:
            continue
        if run and cid == start + len(run):
            run.append(_number(w))
            continue
        if run:
            out += [start, PDFArray(run)]
        start, run = cid, [_number(w)]
    if run:
        out += [start, PDFArray(run)]
    return PDFArray(out)


def _number(v: float) -> int | float:
    return int(v) if v == int(v) else round(v, 3)


def _stream(data: bytes) -> PDFStream:
    return PDFStream(PDFDictionary({"Filter": PDFName("FlateDecode")}), zlib.compress(data))


_UTF16: dict[str, str] = {}  # character -> its UTF-16BE code units in hex (every page of a process asks again)


def to_unicode(chars: list[str]) -> str:
    """The ToUnicode CMap giving each CID (its index in ``chars``) back as its character."""
    hexes = _UTF16
    for ch in chars[1:]:
        if ch not in hexes:
            hexes[ch] = ch.encode("utf-16-be").hex()
    entries = [f"<{cid:04x}> <{hexes[ch]}>" for cid, ch in enumerate(chars) if cid]
    blocks = []
    for i in range(0, len(entries), _BFCHAR_BLOCK):
        part = entries[i:i + _BFCHAR_BLOCK]
        blocks.append(f"{len(part)} beginbfchar\n" + "\n".join(part) + "\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )


@record
class SharedProgram:
    """One face's font program for several documents joined into one (an edition):
    the subset of every glyph any of them draws, with their new ids."""

    base: str  # "ABCDEF+NotoSerifCJKsc-Regular"
    program: bytes  # the TrueType subset, uncompressed
    new_id: dict[int, int]  # glyph id in the font file -> glyph id in the subset
    descriptor: dict  # descriptor_entries


def shared_program(face: Face, gids: set[int]) -> SharedProgram:
    """The subset of ``face`` holding ``gids`` (and what they are built from), named
    by its glyphs as a document's own subset is."""
    file = font_file(face)
    glyphs = glyph_closure(file, gids)
    return SharedProgram(f"{_subset_tag(face.name, glyphs)}+{face.name}", subset_font(file, glyphs),
                         {old: new for new, old in enumerate(glyphs)}, descriptor_entries(file, face))


def cid_to_gid_map(gids: tuple[int, ...], new_id: dict[int, int]) -> bytes:
    """A CIDToGIDMap stream's data (uncompressed): each CID's glyph in the subset."""
    return struct.pack(f">{len(gids)}H", *(new_id[g] for g in gids))
