"""The model stage: a page's YAML read safely, validated and turned into plain typed
data (``PageLayout``) plus the grid geometry every later stage measures with.

The format is described in docs/format.md; its keys live in ``layout.model.keys``.
"""

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
