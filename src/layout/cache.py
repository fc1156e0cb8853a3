"""The on-disk cache shared by fonts, photos and the output profile.

Why its own module: three stages keep derived data on disk (face metrics, press-ready
photos, the compressed output profile) and all three must obey the same rules, so
they live in one low module every stage may import.

The rules (issue 10):
- The folder is ``$LAYOUT_CACHE_DIR``, else ``$XDG_CACHE_HOME/layout``, else
  ``~/.cache/layout`` (XDG Base Directory Specification).
- An entry is ``MAGIC + sha256(payload) + payload``.  Whoever can write into the
  cache folder must never be able to run code inside a render, so payloads are
  plain data (``marshal`` of plain values, or a JSON header and raw bytes), never a
  pickle; and a payload whose digest does not match is ignored.
- An entry is written whole or not at all (a temporary file, then a rename), and a
  cache that cannot be written is skipped: correctness never depends on it.  An
  entry that is corrupt, truncated, of another format or another version is
  ignored and rebuilt, never a crash and never wrong output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
from pathlib import Path
from typing import Any

MAGIC = b"LAYOUT-CACHE-1\n"
_DIGEST = 32  # sha256
_TMP_MARK = ".layout-tmp-"


def cache_dir() -> Path:
    """Where cache entries live (see the module docstring for the order)."""
    env = os.environ.get("LAYOUT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the spec: a relative value is invalid and ignored
        return Path(xdg) / "layout"
    return Path.home() / ".cache" / "layout"


def write_entry(cfile: Path, payload: bytes) -> None:
    """Store ``payload`` under ``cfile`` with its digest, atomically; skipped when the
    cache cannot be written."""
    tmp = cfile.with_name(f"{cfile.name}{_TMP_MARK}{os.getpid()}")
    try:
        cfile.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, cfile)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def read_entry(cfile: Path) -> bytes | None:
    """The payload stored under ``cfile``, or None when it is missing, unreadable, of
    another format, truncated or altered."""
    try:
        with open(cfile, "rb") as f:
            blob = f.read()
    except OSError:
        return None
    head = len(MAGIC) + _DIGEST
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(MAGIC):head]:
        return None
    return payload


def write_plain(cfile: Path, value: Any) -> None:
    """Store a value made of plain Python data (dict, list, str, bytes, numbers)."""
    try:
        payload = marshal.dumps(value)
    except ValueError:  # not plain data: nothing to cache
        return
    write_entry(cfile, payload)


def read_plain(cfile: Path) -> Any:
    """A value stored by ``write_plain``, or None.  ``marshal`` of a payload that
    passed its digest check builds plain values only (it has no way to call code)."""
    payload = read_entry(cfile)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def write_blob(cfile: Path, header: dict[str, Any], data: bytes) -> None:
    """Store a JSON-able header and raw bytes (e.g. a photo's encoded samples)."""
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    write_entry(cfile, len(head).to_bytes(4, "big") + head + data)


def read_blob(cfile: Path) -> tuple[dict[str, Any], bytes] | None:
    """The header and bytes stored by ``write_blob``, or None."""
    payload = read_entry(cfile)
    if payload is None or len(payload) < 4:
        return None
    n = int.from_bytes(payload[:4], "big")
    try:
        header = json.loads(payload[4:4 + n])
    except ValueError:
        return None
    if not isinstance(header, dict):
        return None
    return header, payload[4 + n:]
