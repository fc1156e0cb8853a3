"""Shared fixtures for the font layer: the bundled set, a private cache folder, a
small TrueType collection, and running the ``layout`` CLI in-process."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from layout.cli import main
from layout.fonts import default_fontset, fonts_dir

# the two faces of the test collection, and the characters each keeps
TTC_FACES = (("NotoSansSC-Regular.ttf", "中文黑体abc"), ("LXGWWenKai-Regular.ttf", "楷书中文xyz"))


@pytest.fixture(scope="session")
def fonts():
    return default_fontset()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh, private disk cache for this test."""
    d = tmp_path / "cache"
    monkeypatch.setenv("LAYOUT_CACHE_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def small_ttc(tmp_path_factory) -> Path:
    """A two-face .ttc built from subsets of two bundled faces (face 1 = kai)."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    faces = []
    for fname, text in TTC_FACES:
        font = TTFont(fonts_dir() / fname)
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        sub = subset.Subsetter(opts)
        sub.populate(text=text)
        sub.subset(font)
        faces.append(font)
    coll = TTCollection()
    coll.fonts = faces
    out = tmp_path_factory.mktemp("ttc") / "two.ttc"
    coll.save(out)
    return out


@pytest.fixture
def font_copy(tmp_path) -> Path:
    """A private copy of the bundled song face (a different file to the loader)."""
    dst = tmp_path / "copy" / "NotoSerifSC-Regular.ttf"
    dst.parent.mkdir()
    shutil.copyfile(fonts_dir() / "NotoSerifSC-Regular.ttf", dst)
    return dst


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run ``layout ARGS...`` in this process; returns exit code, stdout, stderr."""

    def run(*args: str) -> CliResult:
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse usage errors
            code = e.code if isinstance(e.code, int) else 2
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
