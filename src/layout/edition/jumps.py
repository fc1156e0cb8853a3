"""转版: a story carried from its area on one page into areas on later pages, with
the jump lines and the 接题 the engine writes (spec page-layout.md, "Editions and
转版").

- The first part fills its area; its last line (the last row of its last column)
  holds ``（下转第N版）``, right-aligned in the jump style (小黑, on the grid).
- The text that did not fit is carried, cut at the first line that did not fit:
  mid-paragraph the continuation goes on without a first-line indent
  (``Story.continued``).  The cut never leaves a paragraph's last line alone at the
  head of the continuation (it would be a 孤字 line there): it moves up a line.
- The continuation is a story of its own in the later page's area: the 接题 (the
  story's headline or the short form the edition gives) in the jump-head style,
  ``（上接第M版）`` right-aligned on its own grid row below it (``Story.jump_from``),
  then the text, its columns balanced.  If it does not fit and the edition names a further area, it
  is cut again (multi-hop); otherwise its overflow is reported like any story's.

The jump lines and the 接题 are furniture, drawn as /Artifact /Pagination.  The
jump lines are the one jump-line element of ``layout.model.jumps``, set by
``layout.place.jumps`` as they are for a reprint.
"""

from __future__ import annotations

from dataclasses import replace

from layout.edition.model import JumpArea
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.jumps import JUMP_ARTIFACT, JUMP_HEAD_STYLE, JumpKind
from layout.model.jumps import jump_styles as _styles
from layout.model.types import PageLayout, Story, TextStyle
from layout.place.items import Item, Problem, ProblemKind, StoryResult, TextItem
from layout.place.jumps import jump_item
from layout.place.story import BYLINE_GAP, StoryPlacement, body_lines
from layout.records import record


@record
class Carry:
    """Text a story carries to its next area: the paragraphs left, whether the first
    continues a paragraph already begun, the credit, and where it came from."""

    story: Story  # the story as written on its first page (id, headline)
    paragraphs: tuple[str, ...]
    credit: str | None
    continued: bool
    from_page: int
    flow: tuple = ()  # the same text as typed elements (subheads, marks), for a story in the sequence form


def jump_styles(layout: PageLayout) -> dict[str, TextStyle]:
    """The page's styles plus the jump styles (``model.jumps.jump_styles``)."""
    return _styles(layout.styles)


def first_part(story: Story) -> Story:
    """The story as placed on its first page when it jumps: filling its area (not
    balanced), the credit carried to where it ends."""
    return replace(story, credit=None, balance=False)


def continuation(carry: Carry, area: JumpArea, page: int) -> Story:
    """The story placed in a continuation area of page ``page``."""
    s = carry.story
    head = area.head or "".join(s.headline)  # no headline, no head given: no 接题
    return Story(
        id=continuation_id(s.id, page), columns=area.columns, rows=area.rows, text_columns=area.text_columns,
        headline=(head,) if head else (), headline_style=JUMP_HEAD_STYLE, jump_from=carry.from_page,
        paragraphs=carry.paragraphs, flow=carry.flow, credit=carry.credit, rules=area.rules, balance=area.balance,
        where=area.where, continued=carry.continued,
    )


def continuation_id(story_id: str, page: int) -> str:
    return f"{story_id}{_CONT}{page}"


_CONT = "@"  # a continuation is "story@page" (its id in problems and on the proof)
_PART = "\x1f"  # in a part's text items: "story<US>index of its first page" (never in a YAML id)


def is_continuation_id(story_id: str) -> bool:
    """Whether ``story_id`` names a continuation placed in an area (``continuation_id``)."""
    return _CONT in story_id


def article_key(story_id: str, start: int) -> str:
    """What a continuation's text items carry as their story: the article they
    belong to, the story ``story_id`` of the edition's ``start``-th page (0-based).
    Story ids are unique on a page only (a reprint's page files all have story1),
    so an article is a story *and* its page."""
    return f"{story_id}{_PART}{start}"


def article_of(marked: str, page_index: int) -> tuple[str, str]:
    """(key, title) of the article a text item of page ``page_index`` belongs to:
    a continuation's (``article_key``) or the page's own story's."""
    if _PART in marked:
        return marked, marked.split(_PART, 1)[0]
    return article_key(marked, page_index), marked


def mark_continuation(items: list[Item], story_id: str) -> list[Item]:
    """The continuation's 接题 is furniture (the story's headline repeated, or a
    short form of it): an artifact, as its jump line is by its kind."""
    return [replace(it, artifact=JUMP_ARTIFACT)
            if isinstance(it, TextItem) and it.story == story_id and it.kind == "headline" else it
            for it in items]


@record
class Cut:
    """A part cut at the end of its area: its items, its result, and the carry."""

    items: list[Item]
    result: StoryResult
    carry: Carry | None
    share: float = 1.0  # the part of the story's body lines set before the jump


def cut(story: Story, origin: Story, result: StoryResult, items: list[Item], layout: PageLayout, geo: Geometry,
        fonts: FontSet, *, page: int, to_page: int) -> Cut:
    """Close the part of ``story`` placed on ``page`` with （下转第``to_page``版）
    and carry what did not fit (see module doc).  ``items``: the page's items,
    ``story`` as placed (``first_part`` or a continuation), ``origin`` as written."""
    placed = result.body_lines - result.lines_over
    cols = geo.text_columns(story.columns, story.text_columns)
    sp = StoryPlacement(story, geo, layout.styles, fonts, cols)
    lines = body_lines(sp, cols[0][1] - cols[0][0])
    kinds = {bl.kind for bl in lines}  # body, subhead, credit ...: the lines the slots take
    own = [i for i, it in enumerate(items) if isinstance(it, TextItem) and it.story == story.id
           and it.kind in kinds]
    if placed < 1 or len(own) != placed:
        return Cut(items, result, None)
    keep = placed - 1  # the last slot takes the jump line
    if keep > 0 and lines[keep].line.final and lines[keep].line.start > 0:
        keep -= 1  # a paragraph's last line never opens the continuation alone
    last: TextItem = items[own[-1]]  # type: ignore[assignment]
    drop = set(own[keep:])
    out = [it for i, it in enumerate(items) if i not in drop]
    out.insert(own[keep] if keep < len(own) else len(out), _jump_line(last, cols, layout, geo, fonts, to_page,
                                                                      story.id))
    carry = _carry(story, origin, lines, keep, page)
    done = replace(result, lines_over=0, chars_over=0, text_over="")
    return Cut(out, done, carry, keep / max(1, len(lines)))


def _jump_line(last: TextItem, cols, layout: PageLayout, geo: Geometry, fonts: FontSet, to_page: int,
               story_id: str) -> TextItem:
    """（下转第N版） in the slot of the part's last line (its column, its row)."""
    width = next((x1 - x0 for x0, x1 in cols if abs(x0 - last.x) < 0.01), cols[-1][1] - cols[-1][0])
    return jump_item(JumpKind.DOWN, to_page, last.x, geo.row_at(last.baseline), width, story_id, layout.styles,
                     geo, fonts)


def _carry(story: Story, origin: Story, lines, keep: int, page: int) -> Carry:
    """The text of ``lines[keep:]`` as paragraphs (and flow elements, for a story
    in the sequence form): ``Line.start`` indexes its paragraph or element, whose
    first line starts at 0."""
    para = -1
    where: tuple[int, int] | None = None
    for i, bl in enumerate(lines):
        if bl.kind == "credit":
            break
        if bl.line.start == 0:
            para += 1
        if i == keep:
            where = (para, bl.line.start)
            break
    if where is None:  # only the credit is left
        return Carry(origin, (), origin.credit, False, page)
    p, start = where
    if p == 0 and story.byline and start > 0:
        start -= len(story.byline) + len(BYLINE_GAP)
    if story.flow:
        from layout.autolayout.content import SplitPoint, split_flow

        flow = split_flow(story.flow, SplitPoint(p, max(start, 0)))[1]
    else:
        flow = ()
    text = story.paragraphs[p]
    if start <= 0:
        return Carry(origin, story.paragraphs[p:], origin.credit, story.continued and p == 0, page, flow)
    return Carry(origin, (text[start:], *story.paragraphs[p + 1:]), origin.credit, True, page, flow)


def drop_overflow(problems: list[Problem], story_id: str) -> list[Problem]:
    return [p for p in problems if not (p.kind == ProblemKind.OVERFLOW and p.story == story_id)]
