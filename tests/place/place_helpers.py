"""Helpers for the placement tests: a page from YAML text, its dump read back."""

from __future__ import annotations

import textwrap

from layout.place.dump import dump
from layout.place.items import PlacedPage

BODY = ("加强组织领导，科学安排部署。成立人口普查专项工作小组，区统计、公安、宣传等部门为领导小组成员单位，"
        "明确职责分工，确保各项工作有序推进。")


def page_yaml(stories: str, header: bool = True) -> str:
    """A page on the house style with ``stories`` (YAML, indented as list items)."""
    head = "header:\n  title: 开发区新闻\n  date: 2020-08-10\n" if header else "header:\n"
    return "extends: house\n" + head + "stories:\n" + textwrap.indent(textwrap.dedent(stories).strip(), "  ") + "\n"


class Placed:
    """A placed page and its dump, with helpers to read the dump back."""

    def __init__(self, page: PlacedPage):
        self.page = page
        self.text = dump(page)

    def lines(self, story: str, what: str = "") -> list[str]:
        """The dump's item lines of ``story`` (starting with ``what``: "text body", "rule" ...)."""
        out, inside = [], False
        for line in self.text.splitlines():
            if not line.startswith("  "):
                inside = line.startswith(f"story {story} ")
                continue
            if inside and line.strip().startswith(what):
                out.append(line.strip())
        return out

    def story_line(self, story: str) -> str:
        return next(ln for ln in self.text.splitlines() if ln.startswith(f"story {story} "))
