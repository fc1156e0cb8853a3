"""The layout format as JSON Schema (draft 2020-12), for editors' completion and
checking (``layout schema``).  Generated from ``layout.model.keys``, the tables the
validator reads with, so the two cannot drift.

What a schema cannot say (the grid's size, overlapping stories, files that exist,
styles that are defined) only ``layout`` itself checks.
"""

from __future__ import annotations

from typing import Any

from layout import __version__
from layout.model.keys import LAYOUT

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:layout:page-layout"


def json_schema() -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "layout page",
        "description": (
            f"A newspaper page for layout {__version__} (docs/format.md). Keys may come from the "
            "house style named by extends, so none is required here; lengths: 12mm, 9pt, 2em, 小五."
        ),
        **LAYOUT.schema(),
    }
