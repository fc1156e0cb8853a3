"""The validated edition: plain frozen records, like the page model.

An ``Edition`` holds its pages' ``PageLayout``s already validated, the 版 numbers
resolved (set, or following the order) and every jump checked: into a later page
that exists, into an area no story of that page takes, no cycles (spec
page-layout.md, "Editions and 转版").
"""

from __future__ import annotations

import datetime
from dataclasses import field
from enum import StrEnum

from layout.errors import Location
from layout.model.types import WEEKDAYS, PageLayout, Span
from layout.records import record


class HeaderSource(StrEnum):
    """Where the pages' 报眉 come from (``edition: header:``)."""

    EDITION = "edition"  # paper, date, 第N版, section and editor from the edition file
    PAGE = "page"  # each page's own header: (an archive's page line), numbered by the edition


@record
class EditionPage:
    """One page of the edition.  ``number``: its 版 (第N版); ``section``: 版名."""

    layout: PageLayout
    number: int
    section: str
    editor: str | None = None
    where: Location = field(default=Location("?"), compare=False)


@record
class JumpArea:
    """Where a carried story continues: an area of a later page's grid (columns and
    rows of that page's grid, like a story's).  ``head``: the 接题 (None: the
    story's headline).  ``balance``: continuation columns end level."""

    page: int  # the 版 number
    columns: Span
    rows: Span
    text_columns: int
    head: str | None = None
    balance: bool = True
    rules: tuple[str, ...] = ()
    where: Location = field(default=Location("?"), compare=False)
    # A link (``story:``): the continuation is that story of the page, its text its
    # own (columns/rows are then the story's); ``mid_paragraph``: it goes on
    # without a first-line indent.
    story: str | None = None
    mid_paragraph: bool = False


@record
class Jump:
    """A story carried from its area on page ``page`` into ``areas``, in order
    (more than one: a multi-hop continuation)."""

    story: str
    page: int
    areas: tuple[JumpArea, ...]
    where: Location = field(default=Location("?"), compare=False)

    @property
    def linked(self) -> bool:
        """Parts that are stories of their pages (``story:``), joined by jump lines,
        rather than text flowing into areas."""
        return bool(self.areas) and self.areas[0].story is not None


@record
class Edition:
    """A validated edition.  ``mirror``: the 报眉 mirrored on even and odd pages,
    the page number on the outer edge (a house-style setting)."""

    source: str
    paper: str | None
    date: datetime.date | None
    pages: tuple[EditionPage, ...]
    jumps: tuple[Jump, ...] = ()
    mirror: bool = True
    header: HeaderSource = HeaderSource.EDITION

    def page(self, number: int) -> EditionPage:
        for p in self.pages:
            if p.number == number:
                return p
        raise KeyError(number)

    def index(self, number: int) -> int:
        """The place (0-based) of the page numbered ``number`` in the edition."""
        for i, p in enumerate(self.pages):
            if p.number == number:
                return i
        raise KeyError(number)

    def date_text(self) -> str | None:
        """``2020年8月10日 星期一``: the weekday computed, never typed."""
        d = self.date
        return None if d is None else f"{d.year}年{d.month}月{d.day}日 {WEEKDAYS[d.weekday()]}"

    def date_stamp(self) -> str:
        """``20200810`` (plate names); ``00000000`` without a date."""
        return self.date.strftime("%Y%m%d") if self.date else "00000000"
