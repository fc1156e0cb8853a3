"""Story content from outside the YAML: body text files and pictures.

Text is kept verbatim (the importer, not the model, normalises punctuation); the
only changes are the ones the format defines: paragraphs split at blank lines (or one
per line), the line breaks inside a paragraph removed, and whitespace at paragraph
ends dropped (the first-line indent comes from the style, spec typography.md §4).
"""

from __future__ import annotations

import io
from pathlib import Path

from layout.errors import LayoutError, Location
from layout.textfile import check_text_chars, decode_utf8

IMAGE_FORMATS = ("PNG", "JPEG", "TIFF")  # what the renderer embeds without conversion
# a PNG/TIFF is decoded whole (JPEG is decoded reduced to what the page needs): 150 MB as RGB
MAX_FULL_PIXELS = 50_000_000
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
    from layout.files import read_input

    data = read_input(path, "body_file", MAX_TEXT_BYTES, where)
    try:
        text = decode_utf8(data, written_as)
        check_text_chars(text, Location(written_as), in_file=True)
    except LayoutError as e:
        raise LayoutError(f"body_file {written_as!r}: {e.message} at {e.where}", where, e.hint) from None
    return text


def image_size(path: Path, written_as: str, where: Location) -> tuple[int, int]:
    """Open and verify a picture with Pillow; its size in pixels.

    A picture verified before and unchanged since (same real path, size and
    modification time: the font cache's rule) is taken from a small disk cache of
    verdicts: opening the first picture costs a process ~10 ms of Pillow plugin
    imports, for an answer that has not changed.  Failures are never cached."""
    key = _verdict_key(path)
    size = _cached_size(key)
    if size is None:
        size = _verify_image(path, written_as, where)
        _store_size(key, size)
    return size


SIZE_CACHE_VERSION = 2  # 2: truncation, ICC and pixel-count checks


def _verdict_key(path: Path) -> str | None:
    try:
        st = path.stat()
        return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{SIZE_CACHE_VERSION}"
    except OSError:
        return None


def _size_file(key: str) -> Path:
    import hashlib

    from layout.cache import cache_dir

    return cache_dir() / "image-sizes" / (hashlib.sha1(key.encode()).hexdigest() + ".size")


def _cached_size(key: str | None) -> tuple[int, int] | None:
    """A verdict kept by ``_store_size`` (layout.cache: checked, plain data), or None."""
    from layout.cache import read_plain

    if key is None:
        return None
    got = read_plain(_size_file(key))
    if not (isinstance(got, tuple) and len(got) == 3 and got[0] == key):
        return None  # missing, damaged or another file's: verify again
    w, h = got[1], got[2]
    ok = isinstance(w, int) and isinstance(h, int) and w > 0 and h > 0
    return (w, h) if ok else None


def _store_size(key: str | None, size: tuple[int, int]) -> None:
    """Keep the verdict (atomically; a cache that cannot be written is skipped)."""
    from layout.cache import write_plain

    if key is not None:
        write_plain(_size_file(key), (key, size[0], size[1]))


def _verify_image(path: Path, written_as: str, where: Location) -> tuple[int, int]:
    """Pillow's verdict on a picture file: its size, or a LayoutError saying why not."""
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
    _check_decodes(path, written_as, where, fmt, size)
    return size


def _check_decodes(path: Path, written_as: str, where: Location, fmt: str, size: tuple[int, int]) -> None:
    """What ``verify`` does not see, found now rather than when the page is drawn
    (issue 17 class 10): a truncated JPEG (decoded at 1/8 scale, a few ms), an
    embedded ICC profile LittleCMS cannot open, a PNG/TIFF too large to decode whole."""
    from PIL import Image

    if fmt != "JPEG" and size[0] * size[1] > MAX_FULL_PIXELS:
        raise LayoutError(
            f"photo {written_as!r} is {size[0]}x{size[1]} px ({size[0] * size[1] / 1e6:.0f} Mpx); a {fmt} is "
            f"decoded whole, at most {MAX_FULL_PIXELS // 1_000_000} Mpx",
            where, "scale it down, or save it as JPEG (decoded at the size the page needs)")
    try:
        with Image.open(path) as im:
            icc = im.info.get("icc_profile")
            if fmt == "JPEG":
                im.draft(im.mode, (max(1, size[0] // 8), max(1, size[1] // 8)))
                im.load()
    except (OSError, SyntaxError, ValueError) as e:
        raise LayoutError(f"photo {written_as!r} is damaged: {e}", where,
                          "the file was cut short or corrupted; copy or export it again") from None
    if icc:
        from PIL import ImageCms

        try:
            ImageCms.ImageCmsProfile(io.BytesIO(icc))
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as e:
            raise LayoutError(f"photo {written_as!r} has a broken embedded ICC colour profile ({e})", where,
                              "save the picture again with a valid profile, or without one (taken as sRGB)") from None
