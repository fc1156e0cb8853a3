"""Fixtures for the command line as a user meets it: the test page in a temporary
folder (``page_dir``), the CLI run in process from a folder (``cli``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Ran, write_page

from layout.cli import main


@pytest.fixture
def page_dir(tmp_path: Path) -> Path:
    """A folder with page.yaml (story 'lead' at line 7 overflows) and side.txt."""
    write_page(tmp_path)
    return tmp_path


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``layout ARGS`` in process from a folder; returns (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path | None = None) -> Ran:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
