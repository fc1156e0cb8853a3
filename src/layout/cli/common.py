"""Helpers shared by subcommands: writing an output file whole or not at all."""

from __future__ import annotations

import os


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` by ``layout.files``' rules (whole or not at all;
    devices and FIFOs written through; symlinks followed; ``-`` is stdout)."""
    from layout.files import write_file

    write_file(path, data)
