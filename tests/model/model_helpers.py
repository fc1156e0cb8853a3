"""Shared helpers for model tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PIL import Image

from layout.errors import LayoutError
from layout.model import PageLayout, load_layout

# a page on the house style with one story, to vary in tests
BASE = """\
extends: house
header:
  title: 开发区新闻
  date: 2020-08-10
  page: 3
stories:
  - id: wenming
    columns: 1-3
    rows: 1-20
    headline: 全国文明城市创建工作再加压再推进
    body: |
      8月3日，开发区召开全国文明城市创建工作加压推进会。
"""


class Page:
    """A folder with a layout in it."""

    def __init__(self, folder: Path):
        self.folder = folder

    def write(self, name: str, text: str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def image(self, name: str, size: tuple[int, int] = (40, 30)) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (120, 120, 120)).save(path)
        return path

    def load(self, text: str, name: str = "page.yaml", **kw: object) -> PageLayout:
        return load_layout(self.write(name, text), **kw)

    def error(self, text: str, name: str = "page.yaml", **kw: object) -> LayoutError:
        with pytest.raises(LayoutError) as info:
            self.load(text, name, **kw)
        return info.value


def at(err: LayoutError, line: int, column: int | None = None) -> None:
    """Assert the error points at ``line`` (and ``column``)."""
    assert err.where is not None, str(err)
    assert err.where.line == line, str(err)
    if column is not None:
        assert err.where.column == column, str(err)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` in dedented ``text``."""
    for i, ln in enumerate(textwrap.dedent(text).splitlines(), 1):
        if needle in ln:
            return i
    raise AssertionError(needle)


def col_of(text: str, needle: str) -> int:
    for ln in textwrap.dedent(text).splitlines():
        if needle in ln:
            return ln.index(needle) + 1
    raise AssertionError(needle)

