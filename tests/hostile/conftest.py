"""Fixtures for the hostile-input tests (issue 17)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    """One cache folder for the session (faces are validated once)."""
    if "LAYOUT_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("LAYOUT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
