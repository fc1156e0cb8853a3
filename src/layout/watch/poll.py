"""Which of a set of files changed since we last looked.

Why polling: an editor saves in many ways (write in place, write a temporary file and
rename it over the old one, delete and create), and the files of a page may sit on a
network mount where change notification does not reach.  Comparing each file's
(modification time in ns, size, inode) every few tens of milliseconds sees all of
these, costs a few microseconds per file, and needs no library (inotify bindings,
watchdog) for a page of ten or twenty files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int, int] | None  # (mtime_ns, size, inode); None: the file is missing


def stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class Watched:
    """The stamps of the files a render read; ``changed()`` says which differ now."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]] = ()):
        self.stamps: dict[Path, Stamp] = {}
        self.watch(paths)

    def watch(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Watch exactly ``paths`` from now on, as they are now."""
        self.stamps = {Path(p): stamp(Path(p)) for p in dict.fromkeys(paths)}

    def retarget(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Watch ``paths`` from now on: files watched already keep the stamp they had
        (a save during the render that read them is still seen as a change), new
        ones are stamped now, files no longer read are dropped."""
        self.stamps = {Path(p): self.stamps[Path(p)] if Path(p) in self.stamps else stamp(Path(p))
                       for p in dict.fromkeys(paths)}

    @property
    def paths(self) -> list[Path]:
        return list(self.stamps)

    def changed(self) -> list[Path]:
        """The files whose stamp differs from the one kept (and keep the new one)."""
        out = []
        for path, old in self.stamps.items():
            new = stamp(path)
            if new != old:
                self.stamps[path] = new
                out.append(path)
        return out
