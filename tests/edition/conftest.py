"""Fixtures for editions: the sample edition rendered once (with plates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from edition_helpers import SAMPLE

from layout.cli import main


@pytest.fixture(scope="session")
def sample_edition(tmp_path_factory) -> tuple[Path, Path]:
    """(edition PDF, plates folder) of the sample."""
    folder = tmp_path_factory.mktemp("edition")
    out, plates = folder / "ed.pdf", folder / "plates"
    assert main(["render", str(SAMPLE), "-o", str(out), "--plates", str(plates), "-q"]) == 0
    return out, plates
