"""Helpers of the batch tests: made-up archives (``archivegen``) and fast options."""

from __future__ import annotations

from pathlib import Path

from archivegen import write_archives

# fast options: one template, no PDF/X pass (the bytes are still the engine's)
FAST = ["--template", "tabloid", "--pdfx", "none", "-q"]
COUNT = 4


def make_archives(folder: Path, count: int = COUNT, seed: int = 3) -> list[Path]:
    return write_archives(folder, count, seed=seed, min_chars=300, max_chars=900)


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}
