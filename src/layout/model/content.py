"""Story content from outside the YAML: body text files and pictures.

Text is kept verbatim (the importer, not the model, normalises punctuation); the
only changes are the ones the format defines: paragraphs split at blank lines (or one
per line), the line breaks inside a paragraph removed, and whitespace at paragraph
ends dropped (the first-line indent comes from the style, spec typography.md §4).
"""

from __future__ import annotations

from pathlib import Path

from layout.errors import LayoutError, Location
from layout.textfile import decode_utf8

IMAGE_FORMATS = ("PNG", "JPEG", "TIFF")  # what the renderer embeds without conversion
MAX_TEXT_BYTES = 16 * 1024 * 1024


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs separated by blank lines; without any blank line, one per line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(not ln.strip() for ln in _trim(lines)):
        return tuple(p for p in (ln.strip() for ln in lines) if p)
    out: list[str] = []
    block: list[str] = []
    for ln in [*lines, ""]:
        if ln.strip():
            block.append(ln.strip())
        elif block:
            out.append(_join(block))
            block = []
    return tuple(out)


def _trim(lines: list[str]) -> list[str]:
    """Lines without the blank ones at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _join(parts: list[str]) -> str:
    """Join a paragraph's lines: nothing between Chinese, a space between Latin words."""
    text = parts[0]
    for p in parts[1:]:
        latin = text[-1].isascii() and text[-1].isalnum() and p[0].isascii() and p[0].isalnum()
        text += (" " if latin else "") + p
    return text


def read_body_file(path: Path, written_as: str, where: Location) -> str:
    """The text of a ``body_file``, with messages for the ways it goes wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise LayoutError(f"body_file {written_as!r} is {size} bytes; at most {MAX_TEXT_BYTES}", where)
        data = path.read_bytes()
    except OSError as e:
        raise LayoutError(f"cannot read body_file {written_as!r}: {e.strerror}", where) from None
    try:
        return decode_utf8(data, written_as)
    except LayoutError as e:
        raise LayoutError(f"body_file {written_as!r}: {e.message} at {e.where}", where, e.hint) from None


def image_size(path: Path, written_as: str, where: Location) -> tuple[int, int]:
    """Open and verify a picture with Pillow; its size in pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            fmt, size = im.format, im.size
            im.verify()
    except Image.DecompressionBombError as e:
        raise LayoutError(f"photo {written_as!r} is too large to open safely: {e}", where) from None
    except UnidentifiedImageError:
        raise LayoutError(
            f"photo {written_as!r} is not a picture Pillow can read",
            where,
            f"allowed formats: {', '.join(IMAGE_FORMATS)}",
        ) from None
    except (OSError, SyntaxError, ValueError) as e:
        raise LayoutError(f"photo {written_as!r} is damaged or unreadable: {e}", where) from None
    if fmt not in IMAGE_FORMATS:
        raise LayoutError(
            f"photo {written_as!r} is {fmt}; allowed formats: {', '.join(IMAGE_FORMATS)}",
            where,
            "convert it, e.g. to PNG or JPEG",
        )
    if size[0] < 1 or size[1] < 1:
        raise LayoutError(f"photo {written_as!r} has no pixels ({size[0]}x{size[1]})", where)
    return size
