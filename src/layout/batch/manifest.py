"""The run manifest: what a batch has done, in SQLite in OUT_DIR (issue 14).

Why SQLite (stdlib ``sqlite3``): every result is one committed transaction, so a
run killed at any instant leaves the manifest as it was after the last finished
archive, and ``layout reprint`` resumes from there.  Only the coordinator writes
it (workers return their results), so there is one writer.

An archive is skipped on a later run when its row says ``done`` with the same
key -- sha256 of the archive's bytes, the options that decide the PDF, and the
code version (``code_version``) -- and its PDF is still there with the bytes the
row recorded.  A failed or interrupted archive is always tried again.
"""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layout import __version__

MANIFEST_NAME = "manifest.sqlite"
SCHEMA = 1
LARGE = 1 << 20  # package files above this (fonts) enter the code version by name and size


class Status(enum.Enum):
    RUNNING = "running"  # handed to a worker; still so after a kill
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class Row:
    """One archive's row: ``result`` is the outcome as the report shows it."""

    output: str
    source: str
    key: str
    content_hash: str
    status: Status
    pdf_hash: str | None
    result: dict
    seconds: float
    error: str | None


class Manifest:
    """``OUT_DIR/manifest.sqlite``; a context manager that closes it."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / MANIFEST_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit; each write one transaction
        self.db.execute("PRAGMA journal_mode=DELETE")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS archives (output TEXT PRIMARY KEY, source TEXT NOT NULL, "
            "key TEXT NOT NULL, content_hash TEXT NOT NULL, options TEXT NOT NULL, code TEXT NOT NULL, "
            "status TEXT NOT NULL, pdf_hash TEXT, pages INTEGER, verify TEXT, result TEXT, "
            "seconds REAL, error TEXT, finished REAL)")
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def get(self, output: str) -> Row | None:
        r = self.db.execute("SELECT output, source, key, content_hash, status, pdf_hash, result, seconds, error "
                            "FROM archives WHERE output = ?", (output,)).fetchone()
        if r is None:
            return None
        return Row(r[0], r[1], r[2], r[3], Status(r[4]), r[5], json.loads(r[6] or "{}"), r[7] or 0.0, r[8])

    def started(self, output: str, source: str, key: str, content_hash: str, options: dict, code: str) -> None:
        self.db.execute(
            "INSERT INTO archives (output, source, key, content_hash, options, code, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(output) DO UPDATE SET source = excluded.source, "
            "key = excluded.key, content_hash = excluded.content_hash, options = excluded.options, "
            "code = excluded.code, status = excluded.status, pdf_hash = NULL",
            (output, source, key, content_hash, json.dumps(options, sort_keys=True), code, Status.RUNNING.value))

    def finished(self, output: str, status: Status, result: dict, pdf_hash: str | None) -> None:
        self.db.execute(
            "UPDATE archives SET status = ?, pdf_hash = ?, pages = ?, verify = ?, result = ?, seconds = ?, "
            "error = ?, finished = ? WHERE output = ?",
            (status.value, pdf_hash, result.get("pages"), json.dumps(result.get("fidelity"), ensure_ascii=False),
             json.dumps(result, ensure_ascii=False), result.get("seconds"), result.get("error"), time.time(),
             output))


def run_key(content_hash: str, options: dict, code: str) -> str:
    """What a done archive must match to be skipped."""
    text = json.dumps({"content": content_hash, "options": options, "code": code}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def code_version(extra: Sequence[Path] = ()) -> str:
    """A hash of the code and data that decide a PDF's bytes: the package's files
    (sources, house styles, templates; large files such as fonts by name and size)
    and ``extra`` files (a template given as a path).  Editing any of them makes
    the next run redo every archive."""
    import layout
    from layout.autolayout.template import TEMPLATE_NAMES, template_path

    h = hashlib.sha256(__version__.encode())
    roots = [Path(layout.__file__).resolve().parent]
    roots += list(dict.fromkeys(template_path(n).resolve().parents[1] for n in TEMPLATE_NAMES))
    files = sorted({f for root in roots for f in root.rglob("*") if f.is_file() and "__pycache__" not in f.parts})
    for f in [*files, *map(Path, extra)]:
        _add_file(h, f)
    from layout.fonts.fontset import bundled_specs

    for role, spec in sorted(bundled_specs().items()):
        h.update(f"font {role} {Path(spec.path).name}".encode())
        _add_file(h, Path(spec.path))
    return h.hexdigest()[:16]


def _add_file(h: Any, f: Path) -> None:  # a hashlib object
    try:
        size = f.stat().st_size
        h.update(f"\0{f.name}\0{size}\0".encode())
        if size <= LARGE:
            h.update(f.read_bytes())
    except OSError:
        h.update(f"\0{f.name}\0missing\0".encode())


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
