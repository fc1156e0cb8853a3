"""The 版 number a page's own header prints, and the header renumbered for another
page of the same edition (spec page-layout.md, "Editions and 转版": 第N版 in
every 报眉).  An archive's page line is often kept as written (第06版 in
``paper:``, archive/emit.py), so the number is found and renumbered in that text
in the archive's own form."""

from __future__ import annotations

import re
from dataclasses import replace

from layout.model.types import Header

# 第N版 as an archive writes it in its page line (第7版, 第07版)
_PAGE_NUMBER = re.compile(r"第(\d{1,3})版")


def header_number(header: Header) -> int | None:
    """The 版 number a page's own header prints: its ``page:``, or the one 第N版
    in the page line an archive's header kept as text (``paper:``); None if none."""
    if header.page is not None:
        return header.page
    found = _PAGE_NUMBER.findall(header.paper or "")
    return int(found[0]) if len(found) == 1 else None


def numbered(header: Header, number: int) -> Header:
    """``header`` as page ``number`` prints it: its ``page:`` set, or the 第N版 in its
    page line text renumbered in the same form (第06版 -> 第07版: zero-padded to
    the width the archive used).  A header without a page number stays as it is."""
    if header.page is not None:
        return replace(header, page=number)
    if header_number(header) is None:
        return header

    def renumber(m: re.Match[str]) -> str:
        return f"第{number:0{len(m.group(1))}d}版"

    return replace(header, paper=_PAGE_NUMBER.sub(renumber, header.paper or ""))
