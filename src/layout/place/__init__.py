"""Placement: grid, frames and flow.  ``place_page(layout, fonts) -> PlacedPage``."""

from layout.place.items import (
    BoxItem,
    ImageItem,
    PlacedPage,
    Problem,
    ProblemKind,
    RuleItem,
    StoryResult,
    TextItem,
)
from layout.place.page import place_page

__all__ = ["BoxItem", "ImageItem", "PlacedPage", "Problem", "ProblemKind", "RuleItem", "StoryResult", "TextItem", "place_page"]
