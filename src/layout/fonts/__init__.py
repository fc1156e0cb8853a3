"""The font layer: faces by role, metrics in em, coverage and fallback.

The coverage report (``check_text`` and its types) is imported on first use
(PEP 562): setting a page never needs it, only ``layout fonts --check`` does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from layout.fonts.face import Face
from layout.fonts.fontset import ROLES, FaceSpec, FontSet, default_fontset, fonts_dir
from layout.fonts.loader import load_face

if TYPE_CHECKING:
    from layout.fonts.coverage import CoverageReport, MissingChar, Occurrence, check_text, missing_chars

_LAZY = frozenset({"CoverageReport", "MissingChar", "Occurrence", "check_text", "missing_chars"})

__all__ = [
    "ROLES",
    "CoverageReport",
    "Face",
    "FaceSpec",
    "FontSet",
    "MissingChar",
    "Occurrence",
    "check_text",
    "default_fontset",
    "fonts_dir",
    "load_face",
    "missing_chars",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("layout.fonts.coverage"), name)
    globals()[name] = value  # once: later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
