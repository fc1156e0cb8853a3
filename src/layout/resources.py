"""Where the files that ship with the package are: fonts, house styles and page
templates, the output profile.

Why importlib.resources: a plant installs the tool from a wheel on its RIP server,
not from a checkout, so the code must find its data inside the installed package
(issue 10), from any working directory.  In the repository ``src/layout/data/fonts``
and ``src/layout/data/layouts`` are symbolic links to the top-level ``fonts/`` and
``layouts/`` (kept there for people); building a wheel copies what they point to.
``$LAYOUT_FONTS_DIR`` and ``$LAYOUT_LAYOUTS_DIR`` still override the bundled sets.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def data_dir() -> Path:
    """The package's ``data`` folder (a real folder: fonts are memory-mapped by path).
    Callers resolve what they take from it, so that a path checked to lie inside a
    folder (house styles) compares like with like through the repository's links."""
    from importlib.resources import files

    return Path(str(files("layout") / "data"))


def fonts_dir() -> Path:
    """The bundled fonts: ``$LAYOUT_FONTS_DIR`` or the package's ``data/fonts``."""
    env = os.environ.get("LAYOUT_FONTS_DIR")
    return Path(env) if env else (data_dir() / "fonts").resolve()


def layouts_dir() -> Path:
    """House styles and page templates: ``$LAYOUT_LAYOUTS_DIR`` or the package's ``data/layouts``."""
    env = os.environ.get("LAYOUT_LAYOUTS_DIR")
    return (Path(env) if env else data_dir() / "layouts").resolve()
