"""Fixtures for model tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from model_helpers import Page


@pytest.fixture
def page(tmp_path: Path) -> Page:
    return Page(tmp_path)
