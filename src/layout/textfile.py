"""Reading the user's UTF-8 text files (layouts, stories, galley text), with a
message instead of a traceback when the bytes are not UTF-8.

One place so every command says the same thing: which file, line and column,
the bad byte and its offset, and how to convert the file.  (Archives, which come
in many encodings, have their own reader: ``layout.archive.read``.)
"""

from __future__ import annotations

import re

from layout.errors import LayoutError, Location


def decode_utf8(data: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is allowed); on failure say where the bad byte is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise LayoutError(
            f"not UTF-8 text: byte 0x{data[e.start]:02X} at byte offset {e.start} cannot be decoded",
            Location(display, line, col),
            "save the file as UTF-8; a GB18030/GBK file converts with: iconv -f gb18030 -t utf-8",
        ) from None


# Characters that are never set and never mean anything in copy (issue 17 class
# 14): C0/C1 controls other than tab and line ends, lone surrogates, and Unicode's
# noncharacters.  Python's ``str.isspace`` calls U+001C-U+001F white space, so
# before this check they silently became spaces and vanished.
_UNSET = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17)) + "]")


def find_unset(text: str) -> int | None:
    """Index of the first character that cannot be set (see above), or None."""
    m = _UNSET.search(text)
    return m.start() if m else None


def check_text_chars(text: str, where: Location, *, in_file: bool = False) -> None:
    """LayoutError naming the first unsettable character and its place: line and
    column of the file when ``in_file`` (``where`` is the file), else the place of
    the value (``where``) and the character's position in it."""
    i = find_unset(text)
    if i is None:
        return
    cp = ord(text[i])
    what = f"U+{cp:04X} ({_NAMES.get(cp, 'a control character' if cp < 0xA0 else 'not a character')})"
    if in_file:
        line = text.count("\n", 0, i) + 1
        col = i - (text.rfind("\n", 0, i) + 1) + 1
        place, extra = Location(where.file, line, col), ""
    else:
        place, extra = where, f", character {i + 1} of the text"
    raise LayoutError(f"{what} in the text{extra}: it cannot be set and would be lost", place,
                      "remove it (a space or a line break is written as such)")


_NAMES = {0x00: "NUL", 0x1B: "ESC", 0x1C: "file separator", 0x1D: "group separator",
          0x1E: "record separator", 0x1F: "unit separator", 0x7F: "DEL", 0x85: "next line", 0x0B: "vertical tab",
          0x0C: "form feed"}
