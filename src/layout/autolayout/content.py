"""Stories to lay out: from an imported archive, with ranks, and split for a
continuation.

Why here: the automatic layout works on model ``Story`` objects (the same ones
``place_page`` sets), so what it measures is what gets placed.  A recognised
archive story becomes a ``Story`` with a dummy area; every caption becomes a
placeholder photo frame (issue 6: "photo frames (placeholders, marked as such) where
captions were found").

A continuation (page-layout.md rule 3) is represented as two stories: the first
part keeps the headline group and the photos and ends at a paragraph break (or, for
a paragraph longer than a page, a sentence end); the second part is a story of
its own with body text and the credit, id ``<id>-cont`` (``-cont2`` …), and
``Continued`` records which parts belong together.  Room is kept for the jump
lines and the 接题 an edition prints (page-layout.md, "Editions and 转版"): the
first part ends with its jump line (``Story.jump_to``, the one jump-line element
of ``layout.model.jumps``), the continuation opens with the story's headline as
its 接题 (``JUMP_HEAD_STYLE``) and its 上接 line (``Story.jump_from``).  The page
numbers are known only once every page is laid out (``jumps.UNKNOWN`` until
then): ``layout.edition.reprint`` writes them and marks the 接题 as an artifact
(it is not archive text; the jump lines are artifacts by their kind).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from layout.archive.model import ArchivedPage, ArchivedStory, subhead_groups
from layout.archive.model import Subhead as ArchivedSubhead
from layout.model.elements import BoxNote, Paragraph, Subhead
from layout.model.jumps import UNKNOWN
from layout.model.types import Photo, Span, Story

CONT_SUFFIX = "-cont"
JUMP_HEAD_STYLE = "headline-3"  # the 接题: the smallest headline rank of the house (an edition's
# jump-head style defaults to it: model.jumps.jump_styles)
_SENTENCE_END = re.compile(r"[。！？；…][”’」』）)]*")
MIN_SPLIT_CHARS = 40  # neither part of a split paragraph is shorter than this: no one-line scraps


@dataclass(frozen=True)
class Continued:
    """Story ``story`` runs as ``parts`` (placed story ids, in reading order)."""

    story: str
    parts: tuple[str, ...]


def stories_from_archive(page: ArchivedPage) -> tuple[Story, ...]:
    """The archive's stories as model stories (ids ``story1`` … as the YAML emitter
    numbers them), subheads as subheads in their place (``Story.flow``), one
    placeholder photo per caption.  Areas are dummies: the automatic layout sets them."""
    out = []
    for n, a in enumerate(page.stories, 1):
        photos = tuple(_photo(c.text) for c in a.captions)
        flow = _well_formed(archived_flow(a)) if a.subheads else ()
        out.append(Story(
            id=f"story{n}", columns=Span(1, 1), rows=Span(1, 1), text_columns=1,
            label=a.label, kicker=a.kicker, headline=(a.headline,) if a.headline else (),
            subtitle=a.subtitle, leads=a.leads, byline=a.byline, byline_line=a.byline_line,
            paragraphs=tuple(el.text for el in flow) if flow else a.body(), credit=a.credit, photos=photos, flow=flow,
            boxes=tuple(_box(b) for b in a.boxes), ad=a.ad))
    return tuple(out)


def _box(box) -> BoxNote:
    """An archived 编者按 / 核心阅读 block as the box the importer writes: a note's
    lead-in (编者按：) in 黑体 (``archive.emit.note_lead_in``)."""
    from layout.archive.emit import note_lead_in
    from layout.model.markup import Emphasis, Mark

    paras = []
    for k, text in enumerate(box.paragraphs):
        n = note_lead_in(box, k)
        paras.append(Paragraph(text, (Emphasis(0, n, Mark.HEI),) if n else ()))
    return BoxNote(box.title, tuple(paras))


def _photo(caption: str) -> Photo:
    """A placeholder photo for an archived caption; a photo credit closing it
    (（本报记者 某某摄）) is set as the photo's credit, as the importer writes it."""
    from layout.archive.emit import split_photo_credit

    text, credit = split_photo_credit(caption)
    return Photo(file=None, rows=Span(1, 1), caption=text or None, credit=credit, placeholder=True)


def archived_flow(a: ArchivedStory) -> tuple[Paragraph | Subhead, ...]:
    """Paragraphs and subheads in the order ``ArchivedStory.body()`` reads them; a
    subhead with its deck line under it (``archive.model.subhead_groups``) is one
    subhead of two lines, the deck below (spec archives.md), as the importer writes it."""
    groups = [tuple(a.subheads[i] for i in g) for g in subhead_groups(a.subheads)]
    out: list[Paragraph | Subhead] = []
    k = 0
    for i, para in enumerate(a.paragraphs):
        while k < len(groups) and groups[k][0].before <= i:
            out.append(Subhead(tuple(s.text for s in groups[k])))
            k += 1
        out.append(Paragraph(para))
    out.extend(Subhead(tuple(s.text for s in g)) for g in groups[k:])
    return tuple(out)


def archived_body(story: ArchivedStory, placed: Story) -> tuple[tuple[str, ...], tuple[ArchivedSubhead, ...]]:
    """The inverse of ``archived_flow`` for a part of ``story`` as placed (one part
    of a continued story, or a plainer form): its paragraphs and its subheads in
    their places, so the page YAML writes the part's subheads as subheads (issue 11:
    nothing recognised is flattened).  A subhead keeps the archive's position and
    kind (the first of that text); a subhead with its deck stays a pair."""
    if not placed.flow:
        return placed.paragraphs, ()
    known: dict[tuple[str, ...], tuple[ArchivedSubhead, ...]] = {}
    for g in reversed(subhead_groups(story.subheads)):
        group = tuple(story.subheads[i] for i in g)
        known[tuple(s.text for s in group)] = group
    paragraphs: list[str] = []
    subheads: list[ArchivedSubhead] = []
    for text, el in zip(placed.paragraphs, placed.flow, strict=True):
        if isinstance(el, Subhead) and el.lines in known:
            subheads.extend(replace(s, before=len(paragraphs)) for s in known[el.lines])
        else:
            paragraphs.append(text)
    return tuple(paragraphs), tuple(subheads)


def subhead_lines(flow: tuple) -> int:
    """Archived subheads (and deck lines) a flow sets as subheads: a pair is one
    ``Subhead`` of two lines."""
    return sum(len(el.lines) for el in flow if isinstance(el, Subhead))


def _well_formed(flow: tuple) -> tuple:
    """A flow whose subheads each have a paragraph after them: a subhead the archive
    ends a story with is set as text (nothing to keep it with; a subhead with its
    deck as two paragraphs, nothing joined), and so is the first of two subheads in a
    row that are no pair (``archived_flow`` makes a subhead and its deck one subhead
    of two lines).  Kept as subheads the two made keep groups whose pushes left holes
    at column feet (session 6).  The page YAML writes it as the reprint sets it."""
    out: list = []
    for i, el in enumerate(flow):
        if isinstance(el, Subhead) and (i + 1 == len(flow) or isinstance(flow[i + 1], Subhead)):
            out.extend(Paragraph(t) for t in el.lines)
        else:
            out.append(el)
    return tuple(out)


def plainer(story: Story) -> tuple[Story, str] | None:
    """A plainer form of a story no page shape can hold (issue 13, class 8: one
    odd item never stops the page), with what was changed; None when there is
    nothing left to simplify.  First the photo frames go and their captions
    (with their photo credits) become the last paragraphs; then the headline group
    (label, kicker, headline, subtitle, leads) and the boxes (编者按 / 核心阅读, set
    after it) open the body as paragraphs.  No text is dropped or reordered within
    its part; ``flow`` (paragraphs and subheads) stays index-aligned with
    ``paragraphs``, as ``place.story`` sets the flow when there is one."""
    if story.photos:
        captions = tuple(t for t in ("".join(filter(None, (p.caption, p.credit))) for p in story.photos) if t)
        return (replace(story, photos=(), paragraphs=(*story.paragraphs, *captions),
                        flow=_flow_with(story, (), captions)),
                "photo frames left out, captions set as text")
    head = tuple(t for t in (story.label, story.kicker, *story.headline, story.subtitle, story.byline_line,
                             *story.leads) if t)
    boxed = tuple(t for b in story.boxes for t in (b.title, *(p.text for p in b.paragraphs)) if t)
    if head or boxed:
        what = " and ".join(w for w, on in (("headline group", head), ("boxes", boxed)) if on)
        return (replace(story, label=None, kicker=None, headline=(), subtitle=None, byline_line=None, leads=(),
                        headline_columns=None, boxes=(), paragraphs=(*head, *boxed, *story.paragraphs),
                        flow=_flow_with(story, (*head, *boxed), ())),
                f"{what} set as text")
    return None


def _flow_with(story: Story, before: tuple[str, ...], after: tuple[str, ...]) -> tuple:
    """The story's flow with plain paragraphs added before and after (empty when
    the story has no flow: its paragraphs are set as they are)."""
    if not story.flow:
        return ()
    return (*(Paragraph(t) for t in before), *story.flow, *(Paragraph(t) for t in after))


def base_id(story_id: str) -> str:
    """The archive story a (continued) part belongs to."""
    i = story_id.find(CONT_SUFFIX)
    return story_id if i < 0 else story_id[:i]


def is_continuation(story: Story) -> bool:
    return CONT_SUFFIX in story.id


@dataclass(frozen=True)
class SplitPoint:
    """Where a story is cut: before paragraph ``paragraph``, or inside it after
    character ``offset`` (a sentence end) when ``offset`` > 0."""

    paragraph: int
    offset: int = 0


def split_points(story: Story, long_paragraph: int) -> list[SplitPoint]:
    """Every paragraph break that leaves text on both sides, and sentence ends
    inside paragraphs longer than ``long_paragraph`` characters (a paragraph no page
    can hold must still be carried on)."""
    kept = {i + 1 for i, el in enumerate(story.flow) if isinstance(el, Subhead)}  # never cut after a subhead
    out = [SplitPoint(p) for p in range(1, len(story.paragraphs)) if p not in kept]
    for p, text in enumerate(story.paragraphs):
        if len(text) <= long_paragraph or (story.flow and isinstance(story.flow[p], Subhead)):
            continue
        for m in _SENTENCE_END.finditer(text):
            end = m.end()
            if MIN_SPLIT_CHARS <= end <= len(text) - MIN_SPLIT_CHARS:
                out.append(SplitPoint(p, end))
    out.sort(key=lambda s: (s.paragraph, s.offset))
    return out


def split_story(story: Story, at: SplitPoint) -> tuple[Story, Story]:
    """The first part (headline group, photos, text up to ``at``) and the
    continuation (text from ``at``, the credit)."""
    paras = story.paragraphs
    if at.offset:
        head = (*paras[:at.paragraph], paras[at.paragraph][:at.offset])
        tail = (paras[at.paragraph][at.offset:], *paras[at.paragraph + 1:])
    else:
        head, tail = paras[:at.paragraph], paras[at.paragraph:]
    flow_head, flow_tail = _split_flow(story.flow, at)
    first = replace(story, paragraphs=head, credit=None, flow=flow_head, jump_to=UNKNOWN)
    second = replace(story, id=_next_part_id(story.id), label=None, kicker=None,
                     headline=("".join(story.headline),) if story.headline else (), headline_style=JUMP_HEAD_STYLE,
                     subtitle=None, headline_columns=None, leads=(), byline=None, byline_line=None, photos=(),
                     paragraphs=tail, flow=flow_tail, boxes=(), credit=story.credit, continued=at.offset > 0,
                     jump_from=UNKNOWN)  # jump_to stays: a part split again passes its own jump on
    return first, second


def _split_flow(flow: tuple, at: SplitPoint) -> tuple[tuple, tuple]:
    """The flow cut where ``paragraphs`` is (the two are index-aligned).  Inside a
    paragraph, its marks are cut with it."""
    if not flow:
        return (), ()
    if not at.offset:
        return flow[:at.paragraph], flow[at.paragraph:]
    para = flow[at.paragraph]
    k = at.offset
    left = tuple(replace(e, end=min(e.end, k)) for e in para.marks if e.start < k)
    right = tuple(replace(e, start=max(e.start, k) - k, end=e.end - k) for e in para.marks if e.end > k)
    return ((*flow[:at.paragraph], Paragraph(para.text[:k], left)),
            (Paragraph(para.text[k:], right), *flow[at.paragraph + 1:]))


def _next_part_id(story_id: str) -> str:
    i = story_id.find(CONT_SUFFIX)
    if i < 0:
        return story_id + CONT_SUFFIX
    n = story_id[i + len(CONT_SUFFIX):]
    return f"{story_id[:i]}{CONT_SUFFIX}{int(n or 1) + 1}"


def continuations(pages: Sequence[Sequence[Story]]) -> tuple[Continued, ...]:
    """Stories that run in more than one part, with their parts in order."""
    parts: dict[str, list[str]] = {}
    for page in pages:
        for s in page:
            parts.setdefault(base_id(s.id), []).append(s.id)
    return tuple(Continued(k, tuple(v)) for k, v in parts.items() if len(v) > 1)


split_flow = _split_flow  # for layout.edition: a story carried to another page cuts its flow the same way
