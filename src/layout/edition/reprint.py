"""Reprint as an edition (issue 12): an archive too long for one page is laid out
by ``layout.autolayout`` onto pages; this turns that layout into the ``Edition``
that ``layout reprint --yaml-dir`` writes as edition.yaml, so the reprint's own PDF
is that edition placed and rendered (``pipeline.reprint``) -- one code path with
``layout render edition.yaml``, the same pages and the same file:

- every page its own header (the archive's page line), numbered on from the
  archive's 第N版 (``header: page``; artifacts after the first page);
- the stories numbered per page as the page files number them (story1 …);
- every story carried on a linked jump (``story:``): the edition writes
  （下转第N版） / （上接第M版） and the 接题, and the tagged PDF holds the story as one
  article across its pages (``edition.tags``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from layout.edition.model import Edition, EditionPage, HeaderSource, Jump, JumpArea
from layout.model.types import Story

if TYPE_CHECKING:
    from layout.autolayout.archive import Reprint
    from layout.autolayout.layout import AutoLayout


def first_number(auto: AutoLayout) -> int:
    """The 版 number of the reprint's first page: the archive's (第06版), else 1."""
    from layout.autolayout.archive import first_page_number

    return first_page_number(auto)


def page_story_ids(auto: AutoLayout) -> dict[str, tuple[int, str]]:
    """The automatic layout's story id (story3, story2-cont …) -> (page index, the
    id on its page: story1, story2 … in reading order, as the page files write it)."""
    return {s.id: (n, f"story{i}") for n, page in enumerate(auto.pages) for i, s in enumerate(page, 1)}


def reprint_edition(result: Reprint) -> Edition:
    """The edition of ``result``'s pages (see module doc); the same as
    ``autolayout.archive.edition_yaml`` writes, read back."""
    from layout.autolayout.archive import _header_date

    auto = result.layout
    base = first_number(auto)
    ids = page_story_ids(auto)
    pages = []
    for n, layout in enumerate(auto.layouts):
        stories = tuple(replace(s, id=ids[s.id][1]) for s in layout.stories)
        header = layout.header
        pages.append(EditionPage(replace(layout, stories=stories), base + n, header.title if header else ""))
    placed = {s.id: s for page in auto.pages for s in page}
    jumps = []
    for c in auto.continued:
        first, sid = ids[c.parts[0]]
        jumps.append(Jump(sid, base + first, tuple(_area(placed[p], *ids[p], base) for p in c.parts[1:])))
    header = auto.layouts[0].header if auto.layouts else None
    return Edition(source=str(result.imported.archive.path), paper=None, date=_header_date(header),
                   pages=tuple(pages), jumps=tuple(jumps), header=HeaderSource.PAGE)


def _area(part: Story, index: int, sid: str, base: int) -> JumpArea:
    """A linked continuation (``edition.loader._link``): the part is a story of its
    page, with its own 接题 (its headline) and indent (``continued``), as its page
    file has them (``autolayout.archive.jump_keys``)."""
    return JumpArea(base + index, part.columns, part.rows, part.text_columns, None, part.balance, part.rules,
                    story=sid)


def page_note(auto: AutoLayout, index: int, note: str) -> str:
    """A note of the automatic layout about page ``index`` ("story3-cont: …") as the
    edition names things: "第7版: story1: …" (the page only when there are several)."""
    sid, sep, rest = note.partition(": ")
    got = page_story_ids(auto).get(sid) if sep else None
    text = f"{got[1]}: {rest}" if got is not None else note
    return f"第{first_number(auto) + index}版: {text}" if len(auto.pages) > 1 else text
