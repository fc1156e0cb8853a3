"""A disk cache of press-ready photos.

Why: separating a photo to CMYK, limiting its ink and encoding it takes 0.2-0.5 s
per picture, while everything else on a page takes tens of milliseconds; pages are
re-rendered many times a night with the same photos.  The key is the image file's
content hash plus every setting that changes the result, so an edited photo or a new
crop is prepared afresh.  Same folder as the font cache (``$LAYOUT_CACHE_DIR`` or
``~/.cache/layout``); a cache that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from layout.fonts.loader import cache_dir

CACHE_VERSION = 1


def prepared_image(path: str, placed_size: tuple[float, float], crop: tuple[int, int, int, int] | None,
                   profile: str | None = None):
    """``render.images.prepare_image`` for a file, through the cache.  ``profile``:
    the plant's CMYK output profile (default: the bundled newsprint profile)."""
    from layout.render.images import prepare_image

    key = _key(path, placed_size, crop, profile)
    cfile = cache_dir() / "images" / f"{key}.pickle"
    try:
        with open(cfile, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        pass
    prepared = prepare_image(path, placed_size=placed_size, crop=crop, profile=profile)
    _store(cfile, prepared)
    return prepared


def _key(path: str, placed_size: tuple[float, float], crop, profile: str | None) -> str:
    from layout.render import images

    h = hashlib.sha256()
    h.update(Path(path).read_bytes())
    if profile is not None:
        h.update(Path(profile).read_bytes())
    h.update(repr((CACHE_VERSION, round(placed_size[0], 3), round(placed_size[1], 3), crop,
                   images.DEFAULT_INK_LIMIT, images.JPEG_QUALITY, images.DEFAULT_MAX_PPI,
                   images.OUTPUT_PROFILE)).encode())
    return h.hexdigest()[:32]


def _store(cfile: Path, prepared) -> None:
    with contextlib.suppress(OSError):
        cfile.parent.mkdir(parents=True, exist_ok=True)
        tmp = cfile.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(prepared, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cfile)
