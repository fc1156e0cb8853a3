"""Fixtures for batch reprints: small made-up archives (``archivegen``) and one
reference run of them, made once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from archivegen import write_archives

from layout.cli import main

# fast options: one template, no PDF/X pass (the bytes are still the engine's)
FAST = ["--template", "tabloid", "--pdfx", "none", "-q"]
COUNT = 4


def make_archives(folder: Path, count: int = COUNT, seed: int = 3) -> list[Path]:
    return write_archives(folder, count, seed=seed, min_chars=300, max_chars=900)


@pytest.fixture(scope="session")
def archives(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archives") / "in"
    make_archives(folder)
    return folder


@pytest.fixture(scope="session")
def reference(archives, tmp_path_factory) -> Path:
    """The archives reprinted by one process."""
    out = tmp_path_factory.mktemp("reference") / "out"
    main(["reprint", str(archives), "-o", str(out), "-j", "1", *FAST])
    return out


@pytest.fixture
def fresh(archives, tmp_path) -> Path:
    """A private copy of the archives (a test may change them)."""
    folder = tmp_path / "in"
    shutil.copytree(archives, folder)
    return folder


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}
