"""Fixtures for batch reprints: small made-up archives and one reference run of
them, made once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_helpers import FAST, make_archives

from layout.cli import main


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
