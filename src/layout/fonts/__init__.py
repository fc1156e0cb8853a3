"""The font layer: faces by role, metrics in em, coverage and fallback."""

from layout.fonts.coverage import CoverageReport, MissingChar, Occurrence, check_text, missing_chars
from layout.fonts.face import Face
from layout.fonts.fontset import ROLES, FaceSpec, FontSet, default_fontset, fonts_dir
from layout.fonts.loader import load_face

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
