"""The edition format's keys (docs/format.md, "Editions"), read with the page
format's tables and kinds, so an edition is validated like a page (file:line:col)
and ``layout schema --edition`` prints it."""

from __future__ import annotations

from typing import Any

from layout.edition.model import HeaderSource
from layout.model.keys import LAYOUT, STORY
from layout.model.kinds import Bool, Date, Enum, Int, Kind, ListOf, PathText, Text, fail
from layout.model.table import Key, Table
from layout.model.yamlsafe import MAP, Node

MAX_PAGE_NUMBER = 999


class PageNode(Kind):
    """An inline page layout, kept as YAML: it is validated as a page once its
    ``extends`` chain is merged (``layout.model.loader.layout_from_node``), as a
    page file is."""

    expected = "a page layout (page:, grid:, stories: ... or extends: house)"

    def read(self, node: Node, label: str) -> Node:
        if node.kind != MAP:
            raise fail(node, label, self.expected)
        return node

    def schema(self) -> dict[str, Any]:
        return LAYOUT.schema()

EDITION_INFO = Table(
    "edition",
    (
        Key("paper", Text(), "the paper's name, printed in every 报眉 (开发区报)"),
        Key("date", Date(), "issue date, printed with its weekday (2020年8月10日 星期一) and naming the plates"),
        Key("mirror", Bool(), "mirror the 报眉 on even and odd pages: the page number on the outer edge",
            default=True),
        Key("header", Enum(tuple(h.value for h in HeaderSource)),
            "where the 报眉 comes from: edition (paper, date, 第N版, section and editor from this file) or page "
            "(each page file's own header:, as an archive printed it, its 第N版 numbered by the edition; copy "
            "on the first page, repeated as artifacts)", default="edition"),
    ),
)

PAGE_ENTRY = Table(
    "page",
    (
        Key("file", PathText(), "a page layout file, relative to the edition file"),
        Key("layout", PageNode(), "the page layout written inline (instead of file)"),
        Key("number", Int(1, MAX_PAGE_NUMBER), "the page's 版 number; default: one more than the page before"),
        Key("section", Text(), "版名 printed in the 报眉 (开发区新闻); default: the layout's header title"),
        Key("editor", Text(), "责任编辑, printed in the 报眉"),
    ),
)

def _optional(key: Key) -> Key:
    """A story's key, not required here (a linked continuation has no area of its own)."""
    return Key(key.name, key.kind, key.doc, False, key.default)


JUMP_AREA = Table(
    "continuation",
    (
        Key("page", Int(1, MAX_PAGE_NUMBER), "the 版 number of the later page the story continues on",
            required=True),
        Key("story", Text(), "a story of that page that is the continuation (its text follows the part "
            "before it; instead of columns: and rows:, where the text flows on from the part before)"),
        Key("mid_paragraph", Bool(), "with story: the part before ends inside a paragraph, so the "
            "continuation goes on without a first-line indent", default=False),
        _optional(STORY.key("columns")),
        _optional(STORY.key("rows")),
        STORY.key("text_columns"),
        Key("head", Text(), "接题 over the continuation; default: the story's headline"),
        Key("balance", Bool(), "balance the continuation's columns so they end level", default=True),
        STORY.key("rule"),
    ),
)

class AreaList(ListOf):
    """One continuation area (a mapping) or a list of them (multi-hop)."""

    def read(self, node: Node, label: str) -> tuple[Any, ...]:
        if node.kind == MAP:
            return (self.item.read(node, label),)
        return super().read(node, label)

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [self.item.schema(), {"type": "array", "items": self.item.schema()}]}


JUMP = Table(
    "jump",
    (
        Key("story", Text(), "id of the story carried over (转版)", required=True),
        Key("from", Int(1, MAX_PAGE_NUMBER), "the 版 number the story starts on; default: the page that has it"),
        Key("to", AreaList(JUMP_AREA),
            "where it continues: one area of a later page, or a list of them (continued again)", required=True),
    ),
)

EDITION = Table(
    "edition file",
    (
        Key("edition", EDITION_INFO, "the paper, the date and house settings of the edition", required=True),
        Key("pages", ListOf(PAGE_ENTRY), "the pages in order", required=True),
        Key("jumps", ListOf(JUMP), "stories carried from one page to a later one (转版)"),
    ),
)


def edition_schema() -> dict[str, Any]:
    """The edition format as JSON Schema (``layout schema --edition``)."""
    from layout import __version__
    from layout.model.schema import DIALECT

    return {
        "$schema": DIALECT,
        "$id": "urn:layout:edition",
        "title": "layout edition",
        "description": f"A newspaper edition for layout {__version__} (docs/format.md, Editions).",
        **EDITION.schema(),
    }
