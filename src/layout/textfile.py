"""Reading the user's UTF-8 text files (layouts, stories, galley text), with a
message instead of a traceback when the bytes are not UTF-8.

One place so every command says the same thing: which file, line and column,
the bad byte and its offset, and how to convert the file.  (Archives, which come
in many encodings, have their own reader: ``layout.archive.read``.)
"""

from __future__ import annotations

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
