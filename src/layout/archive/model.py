"""What the importer recognised in an archived page: plain frozen data.

An archive is a page stored as plain text (OCR or an export): a page name, then
stories one after another with no layout.  Recognition turns it into an
``ArchivedPage``; the YAML emitter and the fidelity check read only this.

Every element keeps where it came from (``Where``: 1-based line and column in the
decoded archive) so that (a) the report can point at the archive, and (b) the
"never lose text" property can be checked: all elements sorted by position spell
the archive's text exactly, whitespace aside.

Every decision the recogniser was not certain of is a ``Note`` with a confidence,
so ``layout import --report`` can explain itself (issue 6: "the rules are
explainable").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# a decision below this confidence is flagged in the report as unsure
UNSURE_BELOW = 0.8


@dataclass(frozen=True, order=True)
class Where:
    """A position in the decoded archive (1-based line and column)."""

    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass(frozen=True)
class Note:
    """One recognition decision: which element, what was decided, how sure (0..1)
    and by which rule.  Notes at or above ``UNSURE_BELOW`` are reported as facts,
    the others are flagged."""

    element: str
    decision: str
    confidence: float
    reason: str
    where: Where | None = None

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE_BELOW


@dataclass(frozen=True)
class Caption:
    """A photo caption as archived.  ``lines`` are the archive's lines (a caption
    broken over several lines keeps them); ``text`` joins them.  ``truncated`` means
    the archive cut it off (it stops mid-sentence): it is kept as it is, never
    completed.  ``marker`` is the picture reference it starts with (上图, 右图, 图为 …)
    or None when it has none."""

    text: str
    lines: tuple[str, ...]
    truncated: bool
    marker: str | None
    where: Where


class SubheadKind(Enum):
    """What a display line inside a story's body is (spec archives.md: subheads,
    often in pairs with a longer deck line; the 核心阅读 block's title)."""

    SUBHEAD = "subhead"  # 小标题: a short line without a final stop
    DECK = "deck"  # the longer line right under a subhead
    BLOCK_TITLE = "block title"  # 核心阅读: the title of the summary block under the headline


@dataclass(frozen=True)
class Subhead:
    """A subhead inside the body (小标题): it stands before ``paragraphs[before]``
    (``before == len(paragraphs)`` would be after the last paragraph)."""

    before: int
    text: str
    where: Where
    kind: SubheadKind = SubheadKind.SUBHEAD


def subhead_groups(subheads: tuple[Subhead, ...]) -> tuple[tuple[int, ...], ...]:
    """Indices of ``subheads`` in reading order, grouped as the page sets them: a
    subhead and the deck line right under it (spec archives.md: subheads come "in
    pairs: a short subhead and a longer deck line below it") are one group, set as
    one two-line subhead; any other subhead stands alone."""
    order = sorted(range(len(subheads)), key=lambda i: subheads[i].before)
    out: list[tuple[int, ...]] = []
    for i in order:
        s = subheads[i]
        prev = out[-1] if out else None
        if (s.kind is SubheadKind.DECK and prev is not None and len(prev) == 1
                and subheads[prev[0]].kind is SubheadKind.SUBHEAD and subheads[prev[0]].before == s.before):
            out[-1] = (prev[0], i)
        else:
            out.append((i,))
    return tuple(out)


@dataclass(frozen=True)
class ArchivedBox:
    """A 核心阅读 / 编者按 block: its title line (None when the archive runs the title
    into the text, 编者按：…) and its paragraphs.  Set as a framed box after the
    headline group (layout format: ``content: - box:``)."""

    title: str | None
    paragraphs: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class ArchivedStory:
    """One story.  Text fields are None/empty when the archive has no such element.

    ``byline`` is an opener that starts paragraph one (本报讯, 本报北京1月20日电（记者…）,
    新华社…电) and has been cut off ``paragraphs[0]``; ``byline_line`` is a byline
    on a line of its own (本报记者 …).  ``where`` maps an element reference
    (``"headline"``, ``"leads.1"``, ``"paragraphs.0"``, ``"captions.2"`` …) to its
    position in the archive.
    """

    label: str | None
    kicker: str | None
    headline: str | None
    subtitle: str | None
    leads: tuple[str, ...]
    byline: str | None
    byline_line: str | None
    paragraphs: tuple[str, ...]
    subheads: tuple[Subhead, ...]
    credit: str | None
    captions: tuple[Caption, ...]
    notes: tuple[Note, ...]
    where: tuple[tuple[str, Where], ...]
    boxes: tuple[ArchivedBox, ...] = ()  # 核心阅读 / 编者按, in archive order
    # an ad slot (a line 广告 between stories, spec archives.md): its one paragraph is the
    # slot's label, printed in a ruled box (layout format ``ad: true``), no story furniture
    ad: bool = False

    def body(self) -> tuple[str, ...]:
        """Paragraphs with the subheads in their places: the body as it reads."""
        out: list[str] = []
        subs = sorted(self.subheads, key=lambda s: s.before)
        k = 0
        for i, para in enumerate(self.paragraphs):
            while k < len(subs) and subs[k].before <= i:
                out.append(subs[k].text)
                k += 1
            out.append(para)
        out.extend(s.text for s in subs[k:])
        return tuple(out)

    def elements(self) -> tuple[tuple[str, str], ...]:
        """(reference, text) of every element in the layout format's reading order
        (docs/format.md: label, kicker, headline, subtitle, leads, boxes, byline,
        byline line, body, credit, captions); the body reads as ``body()``."""
        out: list[tuple[str, str]] = []
        for key, value in (("label", self.label), ("kicker", self.kicker),
                           ("headline", self.headline), ("subtitle", self.subtitle)):
            if value:
                out.append((key, value))
        out.extend((f"leads.{i}", t) for i, t in enumerate(self.leads))
        # the sequence form (subheads or boxes: elements.ORDER) sets the byline line
        # before the boxes and the byline opening the body after them
        sequence = bool(self.subheads or self.boxes)
        if self.byline_line and sequence:
            out.append(("byline_line", self.byline_line))
        for i, box in enumerate(self.boxes):  # set after the headline group, before the byline opens the body
            if box.title:
                out.append((f"boxes.{i}.title", box.title))
            out.extend((f"boxes.{i}.{k}", t) for k, t in enumerate(box.paragraphs))
        if self.byline:
            out.append(("byline", self.byline))
        if self.byline_line and not sequence:
            out.append(("byline_line", self.byline_line))
        body_refs = _body_refs(self)
        out.extend(body_refs)
        if self.credit:
            out.append(("credit", self.credit))
        out.extend((f"captions.{i}", c.text) for i, c in enumerate(self.captions))
        return tuple(out)

    def position(self, ref: str) -> Where:
        """Where element ``ref`` starts in the archive."""
        return dict(self.where)[ref]


def _body_refs(story: ArchivedStory) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    subs = sorted(enumerate(story.subheads), key=lambda s: s[1].before)
    k = 0
    for i, para in enumerate(story.paragraphs):
        while k < len(subs) and subs[k][1].before <= i:
            refs.append((f"subheads.{subs[k][0]}", subs[k][1].text))
            k += 1
        refs.append((f"paragraphs.{i}", para))
    refs.extend((f"subheads.{j}", s.text) for j, s in subs[k:])
    return refs


@dataclass(frozen=True)
class HeaderPart:
    """A piece of the page header (报眉) the archive carries besides the page name:
    ``kind`` is ``paper`` (濮阳日报), ``date`` (2020年8月10日, with its weekday when
    the archive has one), ``page`` (第3版) or ``editor`` (责任编辑 王某)."""

    kind: str
    text: str
    where: Where


@dataclass(frozen=True)
class ArchivedPage:
    """A recognised page: its name (the first line; None when the archive starts
    with a story), the stories in archive order, page-level notes (encoding,
    normalisation, page name), and the other header parts found above the first
    story or below the last (date, page number, paper, editor)."""

    name: str | None
    stories: tuple[ArchivedStory, ...]
    notes: tuple[Note, ...]
    header: tuple[HeaderPart, ...] = ()
    name_where: Where | None = None

    def header_text(self, kind: str) -> str | None:
        """The header parts of one kind, joined by an ideographic space."""
        parts = [h.text for h in self.header if h.kind == kind]
        return "\u3000".join(parts) if parts else None

    @property
    def editor(self) -> str | None:
        return self.header_text("editor")

    def elements(self) -> tuple[tuple[str, str], ...]:
        """(reference, text) of everything on the page in reading order: the page
        header (name, then ``header.N``), then each story's ``elements()`` prefixed
        with ``stories.N.``."""
        out: list[tuple[str, str]] = []
        if self.name:
            out.append(("name", self.name))
        out.extend((f"header.{i}", h.text) for i, h in enumerate(self.header))
        for n, story in enumerate(self.stories):
            out.extend((f"stories.{n}.{ref}", text) for ref, text in story.elements())
        return tuple(out)

    def positioned(self) -> tuple[tuple[Where, str, str], ...]:
        """(where, reference, text) of every element, in archive order."""
        out: list[tuple[Where, str, str]] = []
        if self.name and self.name_where:
            out.append((self.name_where, "name", self.name))
        out.extend((h.where, f"header.{i}", h.text) for i, h in enumerate(self.header))
        for n, story in enumerate(self.stories):
            for ref, text in story.elements():
                out.append((story.position(ref), f"stories.{n}.{ref}", text))
        out.sort(key=lambda t: t[0])
        return tuple(out)
