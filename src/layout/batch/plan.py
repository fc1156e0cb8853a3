"""Which archives a batch reprints, and where each PDF goes (issue 14).

A folder is searched recursively for ``*.txt`` (any case; hidden files and
folders and the output folder itself skipped), and each PDF keeps the archive's
place under OUT_DIR (``in/2020/0110-05.txt`` → ``OUT_DIR/2020/0110-05.pdf``), so
two days' ``05.txt`` never collide.  A file named on the command line is taken
whatever its extension and lands at the top of OUT_DIR.  Two archives that would
write the same PDF are a usage error (exit 2), found before any work starts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from layout.errors import LayoutError, Location

ARCHIVE_SUFFIX = ".txt"


@dataclass(frozen=True)
class Source:
    """An archive to reprint: ``name`` as messages show it, ``output`` relative to
    OUT_DIR (POSIX separators: the manifest's key on every system)."""

    name: str
    path: Path
    output: str


def find_archives(inputs: list[str], out_dir: Path) -> list[Source]:
    """The archives named by ``inputs`` (files and folders), in a stable order."""
    found: list[Source] = []
    out_real = out_dir.resolve()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            inside = _in_folder(path, out_real)
            if not inside:
                raise LayoutError(f"no archives (*{ARCHIVE_SUFFIX}) in this folder", Location(given))
            found.extend(inside)
        elif path.exists() or path.is_symlink():
            found.append(Source(given, path, path.with_suffix(".pdf").name))
        else:
            raise LayoutError("no such archive or folder", Location(given))
    _refuse_collisions(found)
    return found


def _in_folder(folder: Path, out_real: Path) -> list[Source]:
    out: list[Source] = []
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() != out_real)
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(ARCHIVE_SUFFIX):
                continue
            path = base / name
            rel = path.relative_to(folder).with_suffix(".pdf")
            out.append(Source(str(path), path, rel.as_posix()))
    return out


def _refuse_collisions(found: list[Source]) -> None:
    seen: dict[str, str] = {}
    for s in found:
        key = s.output.casefold()  # a case-insensitive file system would merge them
        if key in seen:
            raise LayoutError(f"{seen[key]} and {s.name} would both be written to {s.output}",
                              hint="reprint them into different output folders, or rename one")
        seen[key] = s.name
