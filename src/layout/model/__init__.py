"""The model stage: a page's YAML read safely, validated and turned into plain typed
data (``PageLayout``) plus the grid geometry every later stage measures with.

The format is described in docs/format.md; its keys live in ``layout.model.keys``.

The names below are imported on first use (PEP 562): ``from layout.model.types
import Story`` runs this file, and must not pull in the YAML reader and the
validator (PyYAML alone is ~20 ms of a process) when only the data types are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from layout.model.geometry import Geometry, Rect, page_geometry
    from layout.model.loader import load_layout
    from layout.model.types import (
        BLACK,
        FontsConfig,
        GridSpec,
        Header,
        Margins,
        PageLayout,
        PageSpec,
        Photo,
        Span,
        Story,
        TextStyle,
    )

_HOME = {
    "Geometry": "geometry",
    "Rect": "geometry",
    "page_geometry": "geometry",
    "load_layout": "loader",
    **dict.fromkeys(("BLACK", "FontsConfig", "GridSpec", "Header", "Margins", "PageLayout", "PageSpec", "Photo",
                     "Span", "Story", "TextStyle"), "types"),
}

__all__ = [
    "BLACK",
    "FontsConfig",
    "Geometry",
    "GridSpec",
    "Header",
    "Margins",
    "PageLayout",
    "PageSpec",
    "Photo",
    "Rect",
    "Span",
    "Story",
    "TextStyle",
    "load_layout",
    "page_geometry",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once: later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
