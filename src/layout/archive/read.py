"""Reading an archive file as it really comes: bytes -> text (issue 6).

Archives are UTF-8 (with or without BOM), GB18030/GBK or UTF-16 (with a BOM or
without), with LF, CRLF or CR line ends.  The encoding is the one the user names
(``--encoding``) or the one detected here.  Undecodable bytes are never replaced
silently (no U+FFFD): they are a ``LayoutError`` naming the byte offset and the
encoding tried.  A binary file (PDF, image, archive, anything with control bytes)
is refused with a message that says so.

Detection, in order (each step explained in ``_detect``):
1. a byte-order mark decides;
2. NUL bytes mean UTF-16 (text in UTF-16 has NULs in every ASCII character, the
   newlines included); the byte order is the one giving plausible text;
3. strict UTF-8 (pure ASCII is UTF-8);
4. strict GB18030 (a superset of GBK and GB2312), accepted when the text is
   plausible and the bytes did not look like UTF-8 that is merely damaged.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass

from layout.errors import LayoutError, Location

# magic numbers of binary files people hand us by mistake -> what they are
BINARY_MAGIC = (
    (b"%PDF", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"), (b"\x1f\x8b", "a gzip file"),
    (b"{\\rtf", "an RTF document"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"), (b"BM", None),  # BM: too short to be sure alone
)
# control characters allowed in a text archive: tab, LF, VT, FF, CR (VT and FF
# are replaced by spaces in ``normalize``, with a warning)
TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r")
# stray control characters a text archive may carry (share of its characters);
# a binary file read as text has far more
STRAY_SHARE = 0.02
STRAY_MIN = 8  # … and this many in any archive, however short
# share of characters that must be "text-like" for a decoding to count as plausible;
# a wrong byte order or GB18030 read of random bytes falls far below it
PLAUSIBLE_SHARE = 0.9
# a UTF-8 decode that failed only after this many valid multi-byte characters is
# UTF-8 with damaged bytes, not another encoding: GBK text breaks UTF-8 within its
# first few Han characters
UTF8_EVIDENCE = 8
# unicode line separators we turn into LF besides CR and CRLF
LINE_SEPARATORS = ("\u2028", "\u2029", "\x85")


MAX_ARCHIVE_BYTES = 64 * 1024 * 1024  # an archived page is tens of KB; a year of pages a few MB


@dataclass(frozen=True)
class ArchiveText:
    """A decoded archive: ``text`` has LF line ends and no BOM.  ``encoding`` is a
    Python codec name; ``detected`` says whether we guessed it; ``newline`` is what
    the file used (``"LF"``, ``"CRLF"``, ``"CR"``, ``"mixed"`` or ``"none"``)."""

    path: str
    text: str
    encoding: str
    detected: bool
    bom: bool
    newline: str


def read_archive(path: str | os.PathLike[str], encoding: str | None = None) -> ArchiveText:
    """Read and decode ``path``.  Raises LayoutError for a missing, empty, binary or
    undecodable file; ``encoding`` (any Python codec name) skips detection."""
    from layout.files import read_input

    name = os.fspath(path)
    data = read_input(name, "archive", MAX_ARCHIVE_BYTES, Location(name))
    return decode_archive(data, name, encoding)


def decode_archive(data: bytes, name: str = "<archive>", encoding: str | None = None) -> ArchiveText:
    """Decode archive bytes (see the module doc); ``name`` is used in messages."""
    if not data.strip(b" \t\r\n\x0c\x0b") or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise LayoutError("the archive is empty", Location(name),
                          hint="an archive is a text file: the page name, then the stories")
    _refuse_binary_magic(data, name)
    if encoding:
        text, enc, bom = _decode_named(data, name, encoding), _codec_name(encoding, name), False
        if text.startswith("\ufeff"):
            text, bom = text[1:], True
        detected = False
    else:
        text, enc, bom = _detect(data, name)
        detected = True
    _refuse_control_chars(text, name, enc)
    text, newline = _unify_newlines(text)
    if not text.strip():
        raise LayoutError("the archive is empty (only white space)", Location(name))
    return ArchiveText(name, text, enc, detected, bom, newline)


def _codec_name(encoding: str, name: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise LayoutError(f"unknown encoding {encoding!r}", Location(name),
                          hint="use a Python codec name: utf-8, gb18030, gbk, utf-16, utf-16-le, big5 …") from None


def _decode_named(data: bytes, name: str, encoding: str) -> str:
    codec = _codec_name(encoding, name)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise _undecodable(name, data, codec, e) from None


def _undecodable(name: str, data: bytes, codec: str, e: UnicodeDecodeError, other: str = "") -> LayoutError:
    bad = data[e.start:e.end].hex(" ")
    line = data[:e.start].count(b"\n") + 1 if codec.startswith(("utf-8", "gb")) else None
    where = f"byte offset {e.start}" + (f" (line {line})" if line else "")
    return LayoutError(
        f"undecodable bytes at {where}: {bad} is not valid {codec}{other}",
        Location(name),
        hint="the archive is damaged there, or in another encoding: name it with --encoding "
             "(utf-8, gb18030, utf-16, big5 …); nothing is ever replaced silently")


def _detect(data: bytes, name: str) -> tuple[str, str, bool]:
    """Return (text, codec, had_bom) or raise (see the module doc for the order)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec), codec, True
            except UnicodeDecodeError as e:
                e.start += len(bom)
                e.end += len(bom)
                raise _undecodable(name, data, codec + " (it starts with that BOM)", e) from None
    if b"\x00" in data:
        text, codec = _detect_utf16(data, name)
        return text, codec, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        return _gb_or_damaged_utf8(data, name, utf8_error)


def _utf16_candidates(data: bytes) -> list[tuple[float, str, str]]:
    out = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        out.append((_plausibility(text), codec, text))
    out.sort(reverse=True)
    return out


def _detect_utf16(data: bytes, name: str) -> tuple[str, str]:
    cands = _utf16_candidates(data)
    if not cands or cands[0][0] < PLAUSIBLE_SHARE:
        nul = data.index(b"\x00")
        raise LayoutError(
            f"this looks like a binary file, not a text archive (a NUL byte at offset {nul}, and it "
            "does not read as UTF-16 either)", Location(name),
            hint="an archive is a plain text file; if it is UTF-16 text, name it with --encoding utf-16-le")
    return cands[0][2], cands[0][1]


def _gb_or_damaged_utf8(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str, bool]:
    prefix = data[:utf8_error.start].decode("utf-8")
    multibyte = sum(1 for ch in prefix if ord(ch) > 0x7F)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as gb_error:
        # neither decodes: blame the one that got further
        if multibyte >= UTF8_EVIDENCE or utf8_error.start >= gb_error.start:
            raise _undecodable(name, data, "utf-8", utf8_error,
                               f" (nor gb18030 from offset {gb_error.start})") from None
        raise _undecodable(name, data, "gb18030", gb_error,
                           f" (nor utf-8 from offset {utf8_error.start})") from None
    if multibyte >= UTF8_EVIDENCE:
        raise _undecodable(name, data, "utf-8", utf8_error,
                           f" (the {multibyte} characters before it are UTF-8)")
    if _plausibility(text) < PLAUSIBLE_SHARE:
        raise _undecodable(name, data, "utf-8", utf8_error, " (and as gb18030 it reads as gibberish)")
    return text, "gb18030", False


def _plausibility(text: str) -> float:
    """Share of characters that belong in a Chinese or Latin text archive: letters,
    digits, punctuation, symbols, white space; not controls, private use,
    unassigned or surrogate code points, nor rare Han (extension B and beyond,
    which a wrong decoding of random bytes produces in masses)."""
    if not text:
        return 1.0
    good = sum(1 for ch in text if _text_like(ch))
    return good / len(text)


def _text_like(ch: str) -> bool:
    if ch in TEXT_CONTROLS or ch == " ":
        return True
    cat = unicodedata.category(ch)
    return cat[0] in "LNPSZ" and cat != "Co" and ord(ch) < 0x20000


def _refuse_binary_magic(data: bytes, name: str) -> None:
    for magic, what in BINARY_MAGIC:
        if what and data.startswith(magic):
            raise LayoutError(f"this is {what}, not a text archive", Location(name),
                              hint="an archive is a plain text file (UTF-8, GB18030 or UTF-16)")


def _refuse_control_chars(text: str, name: str, codec: str) -> None:
    """A binary file read as text is full of control characters; a text archive
    may carry a few strays (a form feed from an old export, U+001F from a broken
    converter, U+FFFF from a bad transcoding).  Up to ``STRAY_SHARE`` of the text (``STRAY_MIN`` in a short one)
    they are accepted here and replaced, with a warning, by ``normalize``;
    more, or any NUL, means the file is not text."""
    bad = [i for i, ch in enumerate(text) if ch not in TEXT_CONTROLS and unprintable(ch)]
    if not bad or ("\x00" not in text and len(bad) <= max(STRAY_MIN, STRAY_SHARE * len(text))):
        return
    i = bad[0]
    line = text.count("\n", 0, i) + 1
    raise LayoutError(
        f"this looks like a binary file, not a text archive: {len(bad)} control characters, the first "
        f"U+{ord(text[i]):04X} at character {i} (line {line}) when read as {codec}",
        Location(name, line),
        hint="an archive is a plain text file; if this is text in another encoding, use --encoding")


def unprintable(ch: str) -> bool:
    """A character no page can print and YAML cannot hold: C0 and C1 controls
    (tab and line ends aside), DEL, surrogates and the noncharacters (U+FFFE,
    U+FFFF, U+FDD0-U+FDEF, the last two of every plane)."""
    o = ord(ch)
    if o < 0x20:
        return ch not in "\t\n\r"
    return (0x7F <= o <= 0x9F and o != 0x85) or 0xD800 <= o <= 0xDFFF or 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


def _unify_newlines(text: str) -> tuple[str, str]:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    newline = kinds[0] if len(kinds) == 1 else ("none" if not kinds else "mixed")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in LINE_SEPARATORS:
        text = text.replace(sep, "\n")
    return text, newline
