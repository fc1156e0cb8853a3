"""Fixtures for the placement stage: a page placed from YAML text, with its dump."""

from __future__ import annotations

from pathlib import Path

import pytest
from place_helpers import Placed, page_yaml


@pytest.fixture
def place(tmp_path: Path):
    """``place(stories_yaml) -> Placed``."""
    from layout import pipeline

    def run(stories: str, header: bool = True) -> Placed:
        layout = pipeline.load_source(page_yaml(stories, header), base_dir=tmp_path)
        pages, _ = pipeline.place([layout])
        return Placed(pages[0])

    return run
