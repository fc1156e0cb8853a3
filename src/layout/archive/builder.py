"""Collecting one story while the recogniser walks the archive.

A story is gathered as ``Item``s in archive order, each with a role and the note
explaining it; roles can still change while later lines come in (a bracketed line
is a credit only if nothing but captions follows it; short lines before a caption
in the same block turn out to be captions).  ``build`` freezes the items into an
``ArchivedStory``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from layout.archive.model import ArchivedBox, ArchivedStory, Caption, Note, Subhead, SubheadKind, Where
from layout.archive.patterns import (
    CLAUSE_MIN,
    caption_complete,
    caption_marker,
    is_kicker_shaped,
    is_label,
    is_name,
    is_numbered_subhead,
    is_question,
    is_subtitle,
    reads_as_clause,
)

BODY_ROLES = frozenset({"paragraph", "subhead"})
# a deck line under a question subhead (怎么办？ / 城南街道把加装电梯作为今年的重点来抓) is a
# sentence's length: at least this many characters longer than the question
DECK_LONGER = 4
DECK_MIN = 10  # ... and a clause, not a second short subhead (守护一方碧水蓝天)


@dataclass
class Item:
    """One recognised piece of a story: its role, text (caption: ``lines`` joined),
    position, and why it got that role."""

    role: str
    text: str
    where: Where
    confidence: float
    reason: str
    lines: list[str] = field(default_factory=list)
    gap: int = 0  # blank lines before it in the archive
    # part of the block between the headline group and the dateline (编者按, 核心阅读 …):
    # body text, but a dateline after it still opens this story
    preamble: bool = False
    subhead_kind: SubheadKind = SubheadKind.SUBHEAD
    # a preamble item that starts a box of its own (编者按：…, the 核心阅读 title); the
    # preamble items after it, up to the next such item, are that box's paragraphs
    opens_box: bool = False
    # a one-line question taken as a subhead by its shape alone (为什么？): the story's
    # other subheads settle it (``StoryBuilder._settle_questions``)
    question: bool = False


def join_lines(lines: list[str]) -> str:
    """Join a text broken over lines: Chinese joins directly; two Latin/digit ends
    get a space between them (a word wrapped at the line end)."""
    out = lines[0]
    for nxt in lines[1:]:
        if out and nxt and out[-1].isascii() and out[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum():
            out += " "
        out += nxt
    return out


@dataclass
class StoryBuilder:
    """A story being recognised."""

    items: list[Item] = field(default_factory=list)
    ad: bool = False  # an ad slot (广告): its one paragraph is the slot's label

    def add(self, role: str, text: str, where: Where, confidence: float, reason: str, gap: int = 0, *,
            preamble: bool = False, kind: SubheadKind | None = None, opens_box: bool = False) -> Item:
        if role == "subhead" and kind is None:
            # a display line right under a subhead, and longer: its deck line (spec archives.md)
            last = self.last()
            deck = (last is not None and last.role == "subhead" and last.subhead_kind is SubheadKind.SUBHEAD
                    and len(text) > len(last.text))
            kind = SubheadKind.DECK if deck else SubheadKind.SUBHEAD
        item = Item(role, text, where, confidence, reason, [text] if role == "caption" else [], gap, preamble,
                    kind or SubheadKind.SUBHEAD, opens_box)
        self.items.append(item)
        return item

    @property
    def in_preamble(self) -> bool:
        """Only the headline group and an editor's note / summary block so far."""
        return (any(it.preamble for it in self.items)
                and all(it.preamble or it.role in ("label", "kicker", "headline", "subtitle", "byline_line", "lead")
                        for it in self.items))

    def has(self, role: str) -> bool:
        return any(it.role == role for it in self.items)

    @property
    def has_body(self) -> bool:
        return any(it.role in BODY_ROLES and not it.preamble for it in self.items)

    @property
    def has_text(self) -> bool:
        """Anything beyond display lines: a story worth the name."""
        return any(it.role not in ("label", "kicker", "headline", "subtitle") for it in self.items)

    @property
    def ended(self) -> bool:
        """A credit closes a story: what follows it is most likely the next story."""
        return bool(self.items) and self.items[-1].role == "credit"

    @property
    def in_captions(self) -> bool:
        return bool(self.items) and self.items[-1].role == "caption"

    @property
    def under_subhead(self) -> bool:
        """The last item is a subhead inside the body (not a preamble line): a display
        line right under it is its deck."""
        return bool(self.items) and self.items[-1].role == "subhead" and not self.items[-1].preamble

    def last(self) -> Item | None:
        return self.items[-1] if self.items else None

    def build(self) -> ArchivedStory:
        """Freeze: settle credits (a bracketed line followed by body text is body
        text), number paragraphs, subheads and captions, collect the notes."""
        self._settle_credits()
        self._settle_byline()
        self._settle_questions()
        fields: dict[str, str | None] = dict.fromkeys(("label", "kicker", "headline", "subtitle",
                                                        "byline", "byline_line", "credit"))
        leads: list[str] = []
        paragraphs: list[str] = []
        subheads: list[Subhead] = []
        captions: list[Caption] = []
        where: list[tuple[str, Where]] = []
        notes: list[Note] = []
        boxes: list[_Box] = []
        prev = None
        for it in self.items:
            if it.preamble:
                ref = _box_item(it, boxes)
                where.append((ref, it.where))
                notes.append(Note(ref, "box " + ("title" if ref.endswith(".title") else "paragraph"),
                                  it.confidence, it.reason, it.where))
                prev = "box"  # a box between two byline lines parts them
                continue
            if fields.get(it.role) is not None and prev != it.role:
                # a second label/headline/credit … away from the first: merging the two
                # would move text; it stays where it is, as body text
                it.role, it.confidence = "paragraph", min(it.confidence, 0.5)
                it.reason += "; a second one apart from the first: kept in the body"
            prev = it.role
            ref = self._place(it, fields, leads, paragraphs, subheads, captions)
            if ref is not None:
                where.append((ref, it.where))
            notes.append(Note(ref or it.role, it.role, it.confidence, it.reason, it.where))
        frozen = _frozen_boxes(boxes, where, notes)
        return ArchivedStory(
            label=fields["label"], kicker=fields["kicker"], headline=fields["headline"],
            subtitle=fields["subtitle"], leads=tuple(leads), byline=fields["byline"],
            byline_line=fields["byline_line"], paragraphs=tuple(paragraphs), subheads=tuple(subheads),
            credit=fields["credit"], captions=tuple(captions), notes=tuple(notes), where=tuple(where),
            boxes=frozen, ad=self.ad)

    def _place(self, it: Item, fields: dict[str, str | None], leads: list[str], paragraphs: list[str],
               subheads: list[Subhead], captions: list[Caption]) -> str | None:
        """Put one item into its field; return its element reference (None when it
        was merged into an element already referenced)."""
        if it.role == "lead":
            leads.append(it.text)
            return f"leads.{len(leads) - 1}"
        if it.role == "paragraph":
            paragraphs.append(it.text)
            return f"paragraphs.{len(paragraphs) - 1}"
        if it.role == "subhead":
            subheads.append(Subhead(len(paragraphs), it.text, it.where, it.subhead_kind))
            return f"subheads.{len(subheads) - 1}"
        if it.role == "caption":
            text = join_lines(it.lines)
            captions.append(Caption(text, tuple(it.lines), not caption_complete(text),
                                    caption_marker(text), it.where))
            return f"captions.{len(captions) - 1}"
        if fields[it.role] is None:
            fields[it.role] = it.text
            return it.role
        # a second byline line or credit line right after the first continues it
        fields[it.role] = f"{fields[it.role]} {it.text}"
        return None

    def _settle_byline(self) -> None:
        """A dateline opens the first paragraph (docs/format.md: ``byline`` is set
        inline); a story with no paragraph after it would print none of it, so
        the dateline is then a paragraph of its own."""
        if any(it.role == "paragraph" and not it.preamble for it in self.items):
            return
        for it in self.items:
            if it.role == "byline":
                it.role, it.confidence = "paragraph", min(it.confidence, 0.6)
                it.reason += "; no text after it in its story: kept as a paragraph of its own"

    def _settle_questions(self) -> None:
        """A one-line question inside the body (为什么？) is a subhead or the text
        asking, by the story's other subheads (spec archives.md: subheads come in
        series, numbered, or in pairs with a deck line): among question subheads
        (为什么？ … 怎么办？) it is one of them, and with a deck line under it a pair;
        beside numbered subheads it is no subhead (it carries no number), beside
        statement subheads most likely not; alone -- subheads come two or more -- it
        is read as the text asking, unsure."""
        body_subs = [it for it in self.items if it.role == "subhead" and not it.preamble
                     and it.subhead_kind is SubheadKind.SUBHEAD]
        for k, it in enumerate(self.items):
            if not it.question or it.role != "subhead":
                continue
            nxt = self.items[k + 1] if k + 1 < len(self.items) else None
            deck = nxt is not None and nxt.role == "subhead" and nxt.subhead_kind is SubheadKind.DECK
            after = self.items[k + 2] if k + 2 < len(self.items) else None
            # a longer display line under the "deck" is that line's deck: it is a subhead of its own
            own_deck = (deck and after is not None and after.role == "subhead" and not after.preamble
                        and len(after.text) > len(nxt.text))
            if (deck and not own_deck and len(nxt.text) >= max(DECK_MIN, len(it.text) + DECK_LONGER)
                    and not is_numbered_subhead(nxt.text) and not is_question(nxt.text)):
                it.reason += "; a question with its deck line under it: a subhead pair"
                continue
            others = [o for o in body_subs if o is not it]
            numbered = [o.text for o in others if is_numbered_subhead(o.text)]
            asking = [o.text for o in others if is_question(o.text)]
            if asking and not numbered:
                it.confidence = 0.8
                it.reason = f"a one-line question among question subheads ({asking[0]}): one of a series of subheads"
                continue
            if numbered:
                conf, why = 0.85, f"the story numbers its subheads ({numbered[0]}) and this line carries no number"
            elif others:
                conf, why = 0.75, f"the story's other subheads are statements ({others[0].text}), not questions"
            else:
                conf, why = 0.6, "no other subhead in the story (subheads come two or more, or with a deck line)"
            it.role, it.confidence = "paragraph", conf
            it.reason = f"a one-line question inside the body: the text asking, not a subhead -- {why}"
            if deck:  # the display line under it is a subhead, not a deck (and the longer one under it its deck)
                nxt.subhead_kind = SubheadKind.SUBHEAD
                if own_deck:
                    after.subhead_kind = SubheadKind.DECK

    def _settle_credits(self) -> None:
        later_body = False
        for it in reversed(self.items):
            if it.role in BODY_ROLES:
                later_body = True
            elif it.role == "credit" and later_body:
                it.role = "paragraph"
                it.confidence = 0.6
                it.reason = "a credit line with body text after it: kept in the body, not a credit"


@dataclass
class _Box:
    title: str | None
    where: Where
    paragraphs: list[str] = field(default_factory=list)


def _box_item(it: Item, boxes: list[_Box]) -> str:
    """Put a preamble item (编者按 / 核心阅读, spec archives.md) into its box: the
    核心阅读 title or an editor's note opens a box, the summary paragraphs under it
    (or the rest of a note running over several paragraphs) join it; a title line
    inside a box is one of its paragraphs.  Returns the element reference
    (``boxes.N.title`` / ``boxes.N.K``)."""
    if it.opens_box or not boxes:
        titled = it.role == "subhead"
        boxes.append(_Box(it.text if titled else None, it.where))
        if titled:
            return f"boxes.{len(boxes) - 1}.title"
    box = boxes[-1]
    box.paragraphs.append(it.text)
    return f"boxes.{len(boxes) - 1}.{len(box.paragraphs) - 1}"


def _frozen_boxes(boxes: list[_Box], where: list[tuple[str, Where]], notes: list[Note]) -> tuple[ArchivedBox, ...]:
    """The boxes as recognised; a title with nothing under it (核心阅读 right over the
    dateline) is the box's only paragraph: a box always has text (``layout.model``)."""
    out = []
    for n, b in enumerate(boxes):
        if b.title is not None and not b.paragraphs:
            old, new = f"boxes.{n}.title", f"boxes.{n}.0"
            where[:] = [(new if ref == old else ref, w) for ref, w in where]
            notes[:] = [replace(nt, element=new) if nt.element == old else nt for nt in notes]
            b = _Box(None, b.where, [b.title])
        out.append(ArchivedBox(b.title, tuple(b.paragraphs), b.where))
    return tuple(out)


@dataclass(frozen=True)
class Head:
    """A story's display lines split into their roles; ``excess`` are lines before
    them that do not fit a headline group (they belong to the story before)."""

    roles: tuple[tuple[str, int, float, str], ...]  # (role, index in run, confidence, reason)
    excess: int


# a standfirst line (导语 / pull line under a headline, spec archives.md): a clause or
# two, long enough not to be a two-part headline (稳就业，保民生)
STANDFIRST_MIN = CLAUSE_MIN
STANDFIRST_MAX_LINES = 3


def standfirst_lines(texts: list[str], indented: list[bool] | None = None) -> int:
    """How many lines at the end of a headline group's run are standfirst lines
    (spec archives.md: "one to three one-sentence lines right under the headline,
    often without a final stop"): each a clause or two (a comma inside, at least
    ``STANDFIRST_MIN`` characters), or indented like the text where the headline
    is flush left.  At least one line stays for the headline, which is no
    standfirst itself and no kicker (…——)."""
    n = 0
    k = len(texts) - 1
    while k > 0 and n < STANDFIRST_MAX_LINES and _standfirst(texts, indented, k):
        n, k = n + 1, k - 1
    if n and (is_kicker_shaped(texts[k]) or is_subtitle(texts[k]) or is_label(texts[k])[0]):
        return 0
    return n


def _standfirst(texts: list[str], indented: list[bool] | None, k: int) -> bool:
    text = texts[k]
    if is_subtitle(text) or is_kicker_shaped(text) or is_name(text):
        return False
    clause = reads_as_clause(text)
    indent = indented is not None and indented[k] and not indented[0]
    return clause or indent


def split_head(texts: list[str], strong: bool, indented: list[bool] | None = None) -> Head:
    """Split a run of display lines ending at a story's start into label, kicker,
    headline, subtitle, reading backwards from the headline: standfirst lines at
    the end (``standfirst_lines``) are the subtitle (副题, joined when several); the
    last line left is the headline unless it is a bare name under a longer line (the author, as 评论 pages
    print it) or starts with a dash (then it is the subtitle, 副题); before the
    headline a line ending in a dash or colon is a kicker (引题), but the last line
    ending in a colon opens the text (a letter's 编辑同志：); a few characters
    naming a department are a label (区妇联); one more line is taken as a kicker,
    unless it is indented as the text is over a flush-left headline (then it is the
    story before's last line: display lines stand flush left, spec archives.md).
    ``strong`` says a byline, lead or byline line follows (surer headline);
    ``indented`` says which lines are indented in an archive that indents its text."""
    roles: list[tuple[str, int, float, str]] = []
    idx = len(texts) - 1
    if not strong and idx > 0 and texts[idx].endswith(("：", ":")):
        roles.append(("paragraph", idx, 0.7, "a short line ending in a colon under the headline: it opens the "
                                             "text (编辑同志：)"))
        idx -= 1
    standfirst = standfirst_lines(texts[:idx + 1], indented) > 0
    for _ in range(standfirst_lines(texts[:idx + 1], indented)):
        roles.append(("subtitle", idx, 0.7, "a clause under the headline (standfirst, 导语行): set as the subtitle"))
        idx -= 1
    if (not standfirst and idx > 0 and is_name(texts[idx]) and len(texts[idx - 1]) > len(texts[idx]) + 2
            and not is_label(texts[idx - 1])[0]):
        roles.append(("byline_line", idx, 0.6, "a name alone under the headline: the author"))
        idx -= 1
    if idx > 0 and is_subtitle(texts[idx]):
        roles.append(("subtitle", idx, 0.85, "starts with a dash, after the headline (副题)"))
        idx -= 1
    follows = "a byline, lead or byline line follows" if strong else "body text follows"
    roles.append(("headline", idx, 0.95 if strong else 0.75, f"display line; {follows}"))
    # indented like the text over a flush-left headline: the story before's last line, no kicker
    body_like = indented is not None and not indented[idx]
    idx -= 1
    kicker = False
    if idx >= 0 and is_kicker_shaped(texts[idx]):
        roles.append(("kicker", idx, 0.85, "above the headline, ends with a dash or colon (引题)"))
        idx, kicker = idx - 1, True
    if idx >= 0:
        label, conf = is_label(texts[idx])
        if label:
            roles.append(("label", idx, conf, "a few characters naming a department, above the headline"))
            idx -= 1
        elif not kicker and not (body_like and indented is not None and indented[idx]):
            roles.append(("kicker", idx, 0.55, "a display line above the headline (引题), no dash: unsure"))
            idx -= 1
            label, conf = is_label(texts[idx]) if idx >= 0 else (False, 0.0)
            if label:
                roles.append(("label", idx, conf, "a few characters naming a department, above the kicker"))
                idx -= 1
    roles.sort(key=lambda r: r[1])
    return Head(tuple(roles), idx + 1)
