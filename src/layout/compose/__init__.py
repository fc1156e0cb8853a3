"""The composer: paragraphs of styled runs -> lines of placed glyphs (spec
typography.md §1-§4).  A pure module: no PDF, no I/O; plain picklable data out."""

from layout.compose.compose import compose_paragraph, count_lines
from layout.compose.model import (
    ALIGNS,
    KINSOKU_LEVELS,
    PUNCT_MODES,
    ComposedParagraph,
    Glyph,
    Line,
    ParagraphStyle,
    Problem,
    Run,
)

__all__ = [
    "ALIGNS",
    "KINSOKU_LEVELS",
    "PUNCT_MODES",
    "ComposedParagraph",
    "Glyph",
    "Line",
    "ParagraphStyle",
    "Problem",
    "Run",
    "compose_paragraph",
    "count_lines",
]
