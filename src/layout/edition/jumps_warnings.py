"""What a production desk wants to hear about a jump (转版), beside overflow and
underfill (spec page-layout.md, "Editions and 转版"; guide: overflow, underfill
and anything dropped are reported per story):

- **jumped too early**: a part that jumps (（下转第N版）) although its own area still
  has room: a text column of it ends ``EMPTY_LINES`` or more lines before its foot.
  The reader turns the page for text that would have fitted here.  (A part cut by the
  edition -- text flowing into areas -- fills its area by construction; this is
  about linked parts, whose text the editor divided.)
- **unused continuation**: a continuation whose text runs out with ``EMPTY_LINES``
  or more rows of its area empty across all its columns: the area was planned
  bigger than the text.
- a continuation (or any part) that **overflows** is reported as any overflow, the
  message naming the story the part belongs to and its page.

The jump warnings replace the plain underfill note of the same story (they say
more).  They are warnings, not advisories: ``--strict`` makes them exit 1.
"""

from __future__ import annotations

from layout.edition.jumps import continuation_id, is_continuation_id
from layout.edition.model import Edition
from layout.errors import Location
from layout.model.types import Story
from layout.place.items import Problem, ProblemKind, StoryResult
from layout.place.underfill import UNDERFILL_LINES
from layout.records import record

EMPTY_LINES = UNDERFILL_LINES  # two empty lines are the first the eye sees (page-layout.md rule 2)


@record
class PartRole:
    """What a placed story is in a jump: ``story`` (its id as placed) is a part of
    the article ``article`` on 第``page``版, jumping to ``jump_to`` and/or continuing
    from ``jump_from``.  ``cut``: the edition cut it at the end of its area (text
    flowing into areas), so it is full by construction."""

    story: Story
    article: str
    page: int
    jump_to: int | None = None
    jump_from: int | None = None
    cut: bool = False

    def name(self) -> str:
        """The story as a message names it: the article, and the page's own id when
        the part has one of its own (a linked part)."""
        own = self.story.id
        if own == self.article or is_continuation_id(own):
            return f"story {self.article!r} on 第{self.page}版"
        return f"story {own!r} on 第{self.page}版 (continuing {self.article!r})"


def part_problems(role: PartRole, result: StoryResult, problems: list[Problem]) -> list[Problem]:
    """``problems`` (the page's) with the jump warnings of ``role``'s part added,
    its underfill note dropped when a jump warning says more, and its overflow
    message naming the article and the page."""
    sid = role.story.id
    added = _warnings(role, result)
    out = []
    for p in problems:
        if p.story == sid and p.kind == ProblemKind.UNDERFILL and added:
            continue
        if p.story == sid and p.kind == ProblemKind.OVERFLOW and p.message.startswith(f"story {sid!r}"):
            p = Problem(p.kind, p.story, role.name() + p.message[len(f"story {sid!r}"):])
        out.append(p)
    return out + added


def _warnings(role: PartRole, result: StoryResult) -> list[Problem]:
    if result.lines_over:
        return []  # overflowing: the overflow is the news
    sid = role.story.id
    empty = [r - u for r, u in zip(result.room, result.columns_used, strict=False)]
    if role.jump_to is not None and not role.cut and max(empty, default=0) >= EMPTY_LINES:
        cols = [str(c + 1) for c, e in enumerate(empty) if e >= EMPTY_LINES]
        which = f"text column {cols[0]}" if len(cols) == 1 else f"text columns {', '.join(cols)}"
        return [Problem(ProblemKind.JUMP_EARLY, sid, f"jumped too early: {role.name()} jumps to 第{role.jump_to}版 "
                        f"with {sum(e for e in empty if e > 0)} lines of its area empty ({which} "
                        f"{'ends' if len(cols) == 1 else 'end'} up to {max(empty)} lines early); move text back "
                        f"from 第{role.jump_to}版, or make the area smaller")]
    if role.jump_from is not None and role.jump_to is None and result.rows_free >= EMPTY_LINES:
        rows = role.story.rows
        first = rows.last - result.rows_free + 1
        return [Problem(ProblemKind.JUMP_UNUSED, sid, f"unused continuation: {role.name()} runs out with "
                        f"{result.rows_free} rows of its area empty (rows {first}-{rows.last}); make the area "
                        "smaller, or carry more text into it")]
    return []


@record
class _Placed:
    """A story as diagnostics find it: its id and where it was written."""

    id: str
    where: Location


@record
class DiagnosticLayout:
    """A page as ``diagnostics.pages_diagnostics`` reads it: its file and where each
    story it places was written -- its own, and the continuations flowing into
    areas of it (``story@page``), at their area in the edition file."""

    source: str
    stories: tuple


def diagnostic_layouts(edition: Edition) -> tuple[DiagnosticLayout, ...]:
    conts: dict[int, list[_Placed]] = {}
    for j in edition.jumps:
        if not j.linked:
            for a in j.areas:
                conts.setdefault(a.page, []).append(_Placed(continuation_id(j.story, a.page), a.where))
    return tuple(DiagnosticLayout(p.layout.source, (*p.layout.stories, *conts.get(p.number, ())))
                 for p in edition.pages)
