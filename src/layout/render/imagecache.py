"""A disk cache of press-ready photos.

Why: separating a photo to CMYK, limiting its ink and encoding it takes 0.2-0.5 s
per picture, while everything else on a page takes tens of milliseconds; pages are
re-rendered many times a night with the same photos.  The key is the image file's
content hash plus every setting that changes the result, so an edited photo or a new
crop is prepared afresh.  Same folder as the font cache (``$LAYOUT_CACHE_DIR`` or
``~/.cache/layout``); a cache that cannot be written is skipped.

Within one process (an edition, a proof loop, a reprint of many pages) the file
hashes are kept per file identity (path, size, mtime, inode), and the last
``MEMORY_ITEMS`` prepared pictures stay in memory: hashing a photo and unpickling
it cost ~1 ms per megabyte each, every time a page shows it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import OrderedDict
from pathlib import Path

from layout.fonts.loader import cache_dir, store_in_cache

CACHE_VERSION = 1
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
        _store(cache_dir() / "images" / f"{key}.pickle", prepared)
    _memory[key] = prepared
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_ITEMS:
        _memory.popitem(last=False)
    return prepared


def _from_disk(key: str):
    try:
        with open(cache_dir() / "images" / f"{key}.pickle", "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return None


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
    store_in_cache(cfile, pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
