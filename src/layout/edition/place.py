"""Placing an edition: every page with its 报眉 from the edition, its own stories
and the continuations carried to it from earlier pages.

A page is placed in one go (``place_one``): its own stories (a jumping one cut at
the end of its area), then the continuations carried to it.  It waits only for
the earlier pages its continuations come from (``page_sources``); all the others
are independent, so pages are placed on several processes (``jobs``), and
``edition.output`` places and renders each page in the same process, so a placed
page (every glyph's position) never has to be sent between processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from layout.edition.header import header_items, unnumbered
from layout.edition.jumps import (
    Carry,
    article_key,
    continuation,
    cut,
    drop_overflow,
    first_part,
    jump_styles,
    mark_continuation,
)
from layout.edition.jumps_warnings import PartRole, part_problems
from layout.edition.model import Edition, EditionPage, Jump
from layout.fonts import FontSet
from layout.model.geometry import Geometry
from layout.model.jumps import JUMP_HEAD_STYLE
from layout.model.types import PageLayout, Story
from layout.place import place_page
from layout.place.items import Item, PlacedPage, Problem, ProblemKind, StoryResult, TextItem
from layout.records import record

MIN_SHARE = 1 / 3  # a story jumps after a third of it or more (page-layout.md, "Editions and 转版")
DEFAULT_HEADLINE_STYLE = "headline"  # model.types.Story.headline_style: no style named


@record
class _Incoming:
    jump: Jump
    hop: int  # index into jump.areas
    carry: Carry


@dataclass
class _Part:
    """A page's stories (or its continuations) placed, jumps cut, and the text
    carried from them to later pages."""

    items: list[Item]
    results: list[StoryResult]
    problems: list[Problem]
    outgoing: list[_Incoming]


def place_edition(edition: Edition, jobs: int | None = 1) -> tuple[PlacedPage, ...]:
    """Every page of ``edition`` placed, jumps resolved (see module doc)."""
    from layout.edition.parallel import map_pages

    tasks = page_tasks(edition)
    done: list[PagePlaced] = map_pages(place_one, tasks, jobs, after=page_sources(edition),
                                       given=lambda i, out: arriving(tasks[i], out))
    return tuple(d.page for d in done)


@record
class PageTask:
    """One page of an edition to place: what a worker needs besides the text arriving."""

    edition: Edition
    index: int
    section_is_copy: bool  # the first page of its section: the 版名 is copy, not furniture
    sources: tuple[int, ...] = ()  # the pages (indexes) whose stories may continue here


@record
class PagePlaced:
    """A page placed, and the text it carries on to later pages: from its own stories
    and from the continuations it holds (kept apart: ``arriving`` orders them)."""

    page: PlacedPage
    own_out: tuple[_Incoming, ...] = ()
    cont_out: tuple[_Incoming, ...] = ()


def page_tasks(edition: Edition) -> list[PageTask]:
    seen: set[str] = set()
    sources = page_sources(edition)
    tasks = []
    for i, page in enumerate(edition.pages):
        tasks.append(PageTask(edition, i, page.section not in seen, sources[i]))
        seen.add(page.section)
    return tasks


def page_sources(edition: Edition) -> list[tuple[int, ...]]:
    """For each page (by index), the earlier pages whose text may continue on it:
    the page a jump starts from for its first area, the area before for the next
    (a continuation cut again).  Linked parts (``story:``) carry no text.  Jumps run
    forward (``edition.loader``), so a page only waits for earlier ones."""
    index = {p.number: i for i, p in enumerate(edition.pages)}
    sources: list[set[int]] = [set() for _ in edition.pages]
    for jump in edition.jumps:
        if jump.linked:
            continue
        prev = jump.page
        for area in jump.areas:
            sources[index[area.page]].add(index[prev])
            prev = area.page
    return [tuple(sorted(s)) for s in sources]


def arriving(task: PageTask, placed: Sequence[PagePlaced | None]) -> tuple[_Incoming, ...]:
    """What continues on ``task``'s page from its sources (``placed`` by index): the
    text of their own stories first, then of their continuations, each in page
    order (the order of the two-phase placement this replaces, so the pages come
    out the same)."""
    number = task.edition.pages[task.index].number
    found = [inc for phase in ("own_out", "cont_out") for i in task.sources
             for inc in getattr(placed[i], phase) if inc.jump.areas[inc.hop].page == number]
    return tuple(found)


def place_one(task: PageTask, incoming: Sequence[_Incoming] = ()) -> PagePlaced:
    """One page: its 报眉, its own stories (those that jump cut at the end of their
    areas), then the continuations ``incoming`` from earlier pages."""
    page = task.edition.pages[task.index]
    layout = page.layout
    header, own = _own_page((task.edition, task.index, task.section_is_copy))
    geo = layout.geometry()
    conts = _place_continuations(task.edition, page, replace(layout, styles=jump_styles(layout)), geo,
                                 layout.fonts.fontset(), list(incoming))
    items = [*header, *own.items, *conts.items]
    warning_page, warning = unnumbered(task.edition) or (None, None)
    said = (warning,) if warning is not None and page.number == warning_page else ()
    placed = PlacedPage(geo, tuple(items), (*own.results, *conts.results),
                        (*said, *own.problems, *conts.problems), page.section, layout.source)
    return PagePlaced(placed, tuple(own.outgoing), tuple(conts.outgoing))


def _own_page(task: tuple[Edition, int, bool]) -> tuple[list[Item], _Part]:
    """Phase one for one page: its 报眉 and its own stories (a worker's task)."""
    edition, index, section_is_copy = task
    page = edition.pages[index]
    layout = page.layout
    fonts = layout.fonts.fontset()
    geo = layout.geometry()
    header = header_items(edition, page, geo, fonts, section_is_copy=section_is_copy, first=index == 0)
    return header, _place_own(edition, page, replace(layout, styles=jump_styles(layout)), geo, fonts)


def _place_own(edition: Edition, page: EditionPage, layout: PageLayout, geo: Geometry, fonts: FontSet) -> _Part:
    """The page's own stories; those that jump are placed as first parts and cut,
    the linked parts (``story:``) with their jump lines and 接题."""
    jumps = {j.story: j for j in edition.jumps if j.page == page.number and not j.linked}
    ends = {sid: e for (number, sid), e in link_ends(edition).items() if number == page.number}
    layout = replace(layout, stories=tuple(_linked(s, ends[s.id]) if s.id in ends else s for s in layout.stories))
    stories = tuple(first_part(s) if s.id in jumps else s for s in layout.stories)
    placed = place_page(replace(layout, stories=stories), fonts, header=False)
    fits = [s.id for s, r in zip(stories, placed.stories, strict=True) if s.id in jumps and not r.lines_over]
    problems = list(placed.problems)
    if fits:  # no jump needed after all: placed as written, the continuation areas stay empty
        stories = tuple(layout.story(s.id) if s.id in fits else s for s in stories)
        placed = place_page(replace(layout, stories=stories), fonts, header=False)
        problems = list(placed.problems) + [
            Problem(ProblemKind.JUMP_UNUSED, sid, f"story {sid!r} fits on 第{page.number}版: its continuation areas "
                                        f"on 第{', '.join(str(a.page) for a in jumps[sid].areas)}版 stay empty")
            for sid in fits]
    part = _Part(list(placed.items), list(placed.stories), problems, [])
    for k, story in enumerate(stories):
        jump = jumps.get(story.id)
        if jump is not None and story.id not in fits:
            _cut(part, k, story, layout.story(story.id), layout, geo, fonts, page.number, jump, 0)
    for k, story in enumerate(stories):
        e = ends.get(story.id)
        if e is not None:  # a linked part: what the desk wants to hear (jumps_warnings)
            role = PartRole(story, e.article, page.number, e.jump_to, e.jump_from)
            part.problems = part_problems(role, part.results[k], part.problems)
    for sid, e in ends.items():
        if e.jump_from is not None:  # a continuation: its 接题 is furniture, its lines the article's
            key = article_key(e.article, edition.index(e.start))
            part.items = [_of_article(it, sid, key) for it in mark_continuation(part.items, sid)]
    return part


@record
class LinkEnds:
    """What the edition adds to a story that is a linked part (``story:`` jumps): the
    pages its jump lines name, its 接题 and indent, the article it belongs to."""

    article: str  # the id of the story's first part (one article across pages)
    start: int  # the 版 number of the page it starts on
    jump_to: int | None = None
    jump_from: int | None = None
    head: str | None = None
    mid_paragraph: bool = False


def link_ends(edition: Edition) -> dict[tuple[int, str], LinkEnds]:
    """(page number, story id) -> ``LinkEnds`` for every part of a linked jump.  A
    part that a jump links to and that jumps on itself gets both lines."""
    ends: dict[tuple[int, str], LinkEnds] = {}
    for j in sorted((j for j in edition.jumps if j.linked), key=lambda j: [p.number for p in edition.pages]
                    .index(j.page)):
        start = ends.get((j.page, j.story))
        article, first = (start.article, start.start) if start is not None else (j.story, j.page)
        origin = edition.page(j.page).layout.story(j.story)
        parts = [(j.page, j.story), *((a.page, a.story or "") for a in j.areas)]
        for i, key in enumerate(parts):
            e = ends.get(key, LinkEnds(article, first))
            if i + 1 < len(parts):
                e = replace(e, jump_to=parts[i + 1][0])
            if i:
                area = j.areas[i - 1]
                own = edition.page(key[0]).layout.story(key[1]).headline
                head = area.head or "".join(own) or "".join(origin.headline) or None
                e = replace(e, article=article, start=first, jump_from=parts[i - 1][0], head=head,
                            mid_paragraph=area.mid_paragraph)
            ends[key] = e
    return ends


def _linked(story: Story, e: LinkEnds) -> Story:
    """A linked part as placed: its jump lines; a continuation under its 接题 (in the
    jump-head style, or the headline style the story names: a reprint's page file
    names the one its layout set), without a first-line indent when it goes on
    mid-paragraph."""
    story = replace(story, jump_to=e.jump_to)
    if e.jump_from is None:
        return story
    style = story.headline_style if story.headline_style != DEFAULT_HEADLINE_STYLE else JUMP_HEAD_STYLE
    return replace(story, jump_from=e.jump_from, headline=(e.head,) if e.head else (), headline_style=style,
                   continued=story.continued or e.mid_paragraph)


def _of_article(it: Item, sid: str, article_part: str) -> Item:
    """A continuation's text items named as a part of its article (``jumps.article_key``;
    ``edition.tags`` reads it back), so the tagged PDF holds the story as one article."""
    if isinstance(it, TextItem) and it.story == sid:
        return replace(it, story=article_part)
    return it


def _place_continuations(edition: Edition, page: EditionPage, layout: PageLayout, geo: Geometry, fonts: FontSet,
                         arriving: list[_Incoming]) -> _Part:
    if not arriving:
        return _Part([], [], [], [])
    stories = tuple(continuation(a.carry, a.jump.areas[a.hop], page.number) for a in arriving)
    placed = place_page(replace(layout, stories=stories), fonts, header=False)
    part = _Part(list(placed.items), list(placed.stories), list(placed.problems), [])
    for k, (a, story) in enumerate(zip(arriving, stories, strict=True)):
        part.items = mark_continuation(part.items, story.id)
        more = a.hop + 1 < len(a.jump.areas)
        if more and part.results[k].lines_over:
            _cut(part, k, story, a.carry.story, layout, geo, fonts, page.number, a.jump, a.hop + 1)
        elif more:
            later = ", ".join(str(x.page) for x in a.jump.areas[a.hop + 1:])
            part.problems.append(Problem(ProblemKind.JUMP_UNUSED, story.id, f"story {a.jump.story!r} ends on "
                                         f"第{page.number}版: its continuation areas on 第{later}版 stay empty"))
    for k, (a, story) in enumerate(zip(arriving, stories, strict=True)):  # after any cut: it finds lines by id
        on = next((o.jump.areas[o.hop].page for o in part.outgoing if o.jump is a.jump and o.hop == a.hop + 1), None)
        role = PartRole(story, a.jump.story, page.number, on, a.carry.from_page, cut=True)
        part.problems = part_problems(role, part.results[k], part.problems)
        key = article_key(a.jump.story, edition.index(a.jump.page))
        part.items = [_of_article(it, story.id, key) for it in part.items]
    return part


def _cut(part: _Part, k: int, story: Story, origin: Story, layout: PageLayout, geo: Geometry, fonts: FontSet,
         number: int, jump: Jump, hop: int) -> None:
    """Cut ``story`` (the k-th placed) for its jump to ``jump.areas[hop]``."""
    to_page = jump.areas[hop].page
    done = cut(story, origin, part.results[k], part.items, layout, geo, fonts, page=number, to_page=to_page)
    if done.carry is None:
        part.problems.append(Problem(ProblemKind.JUMP, story.id, f"story {story.id!r}: no room on 第{number}版 for its "
                                                       "jump line; it does not continue"))
        return
    part.items, part.results[k] = done.items, done.result
    part.problems = drop_overflow(part.problems, story.id)
    if hop == 0 and done.share < MIN_SHARE:
        part.problems.append(Problem(ProblemKind.JUMP, story.id, f"story {story.id!r}: {done.share:.0%} of it runs "
                                     f"on 第{number}版 before the jump (page-layout.md: a third or more)"))
    part.outgoing.append(_Incoming(jump, hop, done.carry))
