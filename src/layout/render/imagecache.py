"""A disk cache of press-ready photos.

Why: separating a photo to CMYK, limiting its ink and encoding it takes 0.2-0.5 s
per picture, while everything else on a page takes tens of milliseconds; pages are
re-rendered many times a night with the same photos.  The key is the image file's
content hash plus every setting that changes the result, so an edited photo or a new
crop is prepared afresh.  Entries are kept by ``layout.cache`` (checked against a
content hash, a JSON header plus the encoded bytes: never a pickle, so whoever can
write into the cache folder cannot run code in a render); an entry that is damaged,
truncated or of another format is prepared again, and a cache that cannot be
written is skipped.

Within one process (an edition, a proof loop, a reprint of many pages) the file
hashes are kept per file identity (path, size, mtime, inode), and the last
``MEMORY_ITEMS`` prepared pictures stay in memory: hashing a photo and unpickling
reading it back cost ~1 ms per megabyte each, every time a page shows it.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path

from layout.cache import cache_dir, read_blob, write_blob

CACHE_VERSION = 2  # 2: JSON header + bytes in layout.cache (1 was a pickle)
MEMORY_ITEMS = 16  # prepared pictures kept in memory (a page has a handful; a big one is a few MB)

_digests: dict[tuple, bytes] = {}  # file identity -> sha256 of its bytes
_memory: OrderedDict[str, object] = OrderedDict()  # key -> PreparedImage, most recent last


def prepared_image(path: str, placed_size: tuple[float, float], crop: tuple[int, int, int, int] | None,
                   profile: str | None = None):
    """``render.images.prepare_image`` for a file, through the cache.  ``profile``:
    the plant's CMYK output profile (default: the bundled newsprint profile)."""
    from layout.render.images import prepare_image

    key = _key(path, placed_size, crop, profile)
    prepared = _memory.get(key)
    if prepared is None:
        prepared = _from_disk(key)
    if prepared is None:
        prepared = prepare_image(path, placed_size=placed_size, crop=crop, profile=profile)
        _store(_entry(key), prepared)
    _memory[key] = prepared
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_ITEMS:
        _memory.popitem(last=False)
    return prepared


def _entry(key: str) -> Path:
    return cache_dir() / "images" / f"{key}.img"


def _from_disk(key: str):
    """The prepared photo kept under ``key``, or None.  Every header field is
    type-checked: a well-formed entry of the wrong shape is ignored, not trusted."""
    from layout.render.images import InkStats, PreparedImage, Resolution

    got = read_blob(_entry(key))
    if got is None:
        return None
    head, data = got
    try:
        if head.get("key") != key:
            return None
        ink = head["ink"]
        res = head["resolution"]
        return PreparedImage(
            width=_int(head["width"]), height=_int(head["height"]),
            mode=_choice(head["mode"], ("CMYK", "L")), encoding=_choice(head["encoding"], ("jpeg", "flate")),
            data=data, source=_str(head["source"]), digest=_str(head["digest"]),
            ink=None if ink is None else InkStats(**{k: _num(ink[k]) for k in _INK_FIELDS}),
            resolution=None if res is None else _resolution(Resolution, res),
        )
    except (KeyError, TypeError, ValueError):
        return None


_INK_FIELDS = ("limit", "max_before", "max_after", "limited_fraction")


def _resolution(cls, res: dict):
    return cls(px_width=_int(res["px_width"]), px_height=_int(res["px_height"]),
               placed_width=_num(res["placed_width"]), placed_height=_num(res["placed_height"]),
               ppi_x=_num(res["ppi_x"]), ppi_y=_num(res["ppi_y"]),
               status=_choice(res["status"], ("ok", "warn", "error")), message=_str(res["message"]))


def _int(v) -> int:
    if type(v) is not int or v < 0:
        raise ValueError(v)
    return v


def _num(v) -> float:
    if type(v) not in (int, float):
        raise ValueError(v)
    return v


def _str(v) -> str:
    if type(v) is not str:
        raise ValueError(v)
    return v


def _choice(v, allowed: tuple[str, ...]) -> str:
    if v not in allowed:
        raise ValueError(v)
    return v


def _key(path: str, placed_size: tuple[float, float], crop, profile: str | None) -> str:
    from layout.render import images

    h = hashlib.sha256()
    h.update(_digest(path))
    if profile is not None:
        h.update(_digest(profile))
    h.update(repr((CACHE_VERSION, round(placed_size[0], 3), round(placed_size[1], 3), crop,
                   images.DEFAULT_INK_LIMIT, images.JPEG_QUALITY, images.DEFAULT_MAX_PPI,
                   images.OUTPUT_PROFILE)).encode())
    return h.hexdigest()[:32]


def _digest(path: str) -> bytes:
    """sha256 of the file's bytes, computed once per file identity and process."""
    st = os.stat(path)
    ident = (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino)
    got = _digests.get(ident)
    if got is None:
        got = _digests[ident] = hashlib.sha256(Path(path).read_bytes()).digest()
    return got


def _store(cfile: Path, prepared) -> None:
    ink, res = prepared.ink, prepared.resolution
    head = {
        "key": cfile.stem, "width": prepared.width, "height": prepared.height, "mode": prepared.mode,
        "encoding": prepared.encoding, "source": prepared.source, "digest": prepared.digest,
        "ink": None if ink is None else {k: getattr(ink, k) for k in _INK_FIELDS},
        "resolution": None if res is None else {
            k: getattr(res, k) for k in ("px_width", "px_height", "placed_width", "placed_height",
                                         "ppi_x", "ppi_y", "status", "message")},
    }
    write_blob(cfile, head, prepared.data)
