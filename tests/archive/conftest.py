"""Fixtures for the importer's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_helpers import SEED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("seed archive not available")
    return SEED
