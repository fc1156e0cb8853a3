"""Recognising an archived page: normalised text -> ``ArchivedPage`` (issue 6).

The archive is a page name, then stories one after another.  We walk its non-blank
lines once.  A story starts where a run of display lines (short, not ending a
sentence) is followed by something only a story's start has: a byline opener
(本报讯 …), a byline line (本报记者 …) or ■ leads -- the run is then the headline
group (``builder.split_head``).  Without such an anchor a run of display lines is a
new story only with evidence (the story before ended with a credit, a department
label heads the run, or more blank lines than between paragraphs precede it);
otherwise it is a subhead of the running story.

Inside a story: ■ lines before the body are leads (after it, subheads); a picture
reference (上图, 右图, 图为 …) starts a caption, which continues over the next lines
while it has not ended its sentence and no blank line intervenes (a caption cut off
in the archive stays cut off, flagged ``truncated``); short lines sharing a block
with a caption, or following the captions, are captions too; a bracketed line at
the end is the credit.

Archives beyond the seed's shape (spec archives.md, issue 13): page lines in any
form are the header as written; standfirst lines under a headline are its subtitle;
● leads as ■; 广告 is an item of its own; a headline longer than a display line is
one over a dateline; a photographer's line closes the caption above; an unmarked
sentence under a complete caption is text again; three or more short lines in a
row inside a body are verse or a list; a story whose subheads are numbered takes no
unnumbered one; a display line over a caption block heads a photo story.

Broken pieces (issue 13): a caption's piece -- ending with its photo credit, leaving a
bracket open, or beside captions reading as a sentence -- is a caption (text away from
captions), never a headline, kicker or subhead; after a story's complete captions a
display line heads the next story; an author line between paragraphs (本报记者 某某,
文/某某) stays text where it stands; a story's headline again in its body is the head
of its continued part (接题), and a display line over （上接第N版） heads a story.
A one-line question in a body (为什么？) is settled by the story's other subheads
(``builder``: a series of questions, a deck under it -> subhead; numbered or
statement subheads, or none -> the text asking); a caption cut mid-sentence keeps
the short line under it as its tail (…正在 / 卸货), never the next story's kicker.

Every decision is a ``Note`` with a confidence; nothing is dropped: every
non-white-space character of the archive lands in exactly one element.
"""

from __future__ import annotations

import re
from collections import Counter

from layout.archive.builder import Item, StoryBuilder, join_lines, split_head
from layout.archive.lines import STRIP, Unit, units_of
from layout.archive.model import ArchivedPage, ArchivedStory, HeaderPart, Note, SubheadKind, Where
from layout.archive.patterns import (
    CAPTION_LINE_MAX,
    CAPTION_MAX,
    COLUMN_TAG,
    DISPLAY_MAX,
    JUMP_FROM,
    JUMP_TO,
    Kind,
    caption_complete,
    caption_piece,
    credit_confidence,
    ends_sentence,
    ends_with_photo_credit,
    header_parts_apart,
    header_tokens,
    is_contact_line,
    is_kicker_shaped,
    is_label,
    is_long_headline,
    is_numbered_subhead,
    is_photo_credit,
    is_question,
    is_section_name,
    is_subtitle,
    reads_as_clause,
    split_opener,
)
from layout.errors import LayoutError, Location

ANCHORS = frozenset({Kind.OPENER, Kind.BYLINE_LINE, Kind.LEAD, Kind.NOTE, Kind.DIGEST})
# a page's section name (要闻, 开发区新闻) is a few characters
SECTION_MAX = 8
# what a story holds before its text starts
HEAD_ZONE = frozenset({"label", "kicker", "headline", "byline_line", "lead"})
# an editor's note signs off ——编 者 (spec archives.md: "a note ending ——编 者"); an
# afterword (编后：…) signs off the same way but closes its story: it stays body text
NOTE_CLOSE = re.compile(r"[—─－-]{1,2}[ \u3000\u00a0]*编[ \u3000\u00a0]*者[ \u3000\u00a0]*$")
NOTE_TITLE = re.compile(r"[【\[]?编者按[】\]]?[：:]?")
AFTERWORD = re.compile(r"^[【\[]?编后")
# paragraphs an editor's note (编者按：…) may run over before its ——编 者
NOTE_PARAGRAPHS = 3
# share of paragraphs that must be indented for an archive to count as "indenting
# paragraphs"; in such an archive a display line flush left is a headline, not a subhead
INDENTED_SHARE = 0.6
# subheads come alone or with a deck line; this many short lines in a row inside a
# body are verse or a list
VERSE_LINES = 3
# a question this short inside a body (为什么？, 这是为什么？) is the text asking, or a subhead of a
# series: never the next story's headline by the numbering of the story's subheads alone
SHORT_QUESTION = 8


def parse_page(text: str, name: str = "<archive>") -> ArchivedPage:
    """Recognise ``text`` (already normalised).  Raises LayoutError (exit 2) when
    there is nothing, only a page name, or no recognisable story."""
    units, width = units_of(text)
    if not units:
        raise LayoutError("the archive is empty", Location(name))
    walker = _Walker(units, name)
    if width:
        walker.page_notes.append(Note("lines", f"hard-wrapped at {width} cells", 0.8,
                                      "many lines of one width: a line filling it continues on the next"))
    for x in units:
        if x.rejoined:
            walker.page_notes.append(Note("lines", "one paragraph over a stray break", 0.75,
                                          "the part before stops mid-sentence (on a comma, or indented text "
                                          "over a flush-left part): joined, nothing else changed", x.where))
    return walker.run()


class _Walker:
    """One pass over the units; ``stories`` grow as anchors and evidence appear."""

    def __init__(self, units: list[Unit], name: str):
        self.u = units
        self.name = name
        self.stories: list[StoryBuilder] = []
        self.cur: StoryBuilder | None = None
        self.page_notes: list[Note] = []
        self.page_name: tuple[str, Where] | None = None
        self.header: list[HeaderPart] = []
        self.pending_captions: list[Item] = []  # captions met before any story
        gaps = [x.gap for x in units[1:] if x.kind in (Kind.TEXT, Kind.OPENER)]
        # blank lines between paragraphs in this archive (0 or 1, usually)
        self.para_gap = Counter(gaps).most_common(1)[0][0] if gaps else 1
        # an archive whose stories carry bylines (本报讯, 本报记者 …)
        self.bylines = any(x.kind in (Kind.OPENER, Kind.BYLINE_LINE) for x in units)
        texts = [x for x in units if x.kind is Kind.TEXT]
        self.indents = bool(texts) and sum(x.col > 1 for x in texts) >= INDENTED_SHARE * len(texts)

    # --- page ---------------------------------------------------------------
    def run(self) -> ArchivedPage:
        i = self._page_name()
        handlers = {Kind.DISPLAY: self._display_run, Kind.OPENER: self._opener,
                    Kind.BYLINE_LINE: self._byline_line, Kind.LEAD: self._lead,
                    Kind.CAPTION: self._caption, Kind.CREDIT: self._credit,
                    Kind.EDITOR: self._editor, Kind.TEXT: self._text, Kind.NOTE: self._note,
                    Kind.DIGEST: self._digest, Kind.AD: self._ad}
        while i < len(self.u):
            i = handlers[self.u[i].kind](i)
        return self._finish()

    def _page_name(self) -> int:
        """The page header: header lines (paper, date, 第N版, editor) and the page
        name.  The name is a short first display line over another display line
        (要闻 over a kicker or headline); a display line alone before the text, a
        kicker (ending ——) or a long line heads the first story instead: a headline
        never becomes the section name (issue 13, class 2)."""
        i = self._header_lines(0)
        if i >= len(self.u):
            return i
        first = self.u[i]
        run = self.u[i:self._run_end(i)]
        why = self._not_section(run)
        among_header = i + 1 < len(self.u) and header_tokens(self.u[i + 1].text) is not None
        if why is None and not among_header and not is_section_name(first.text):
            if self.header:
                why = "under a page line (which names no section) it heads the first story"
            elif is_label(first.text)[1] >= 0.85:
                why = "named like a department (区妇联, 区统计局): the first story's label"
            elif run[1].gap == 0 and any(x.gap for x in self.u[i + 1:]):
                why = "no blank line under it, where the archive sets one under a section name"
        if why is None:
            self.page_name = (first.text, first.where)
            self.page_notes.append(Note("name", "page name", 0.9,
                                        "a short first display line over the first story's display lines",
                                        first.where))
            return self._header_lines(i + 1)
        self.page_notes.append(Note("name", "no page name", 0.8 if self.header else 0.6,
                                    f"the first line is no page name ({why})", first.where))
        return i

    @staticmethod
    def _not_section(run: list[Unit]) -> str | None:
        """Why the first display run does not start with a section name, or None."""
        if not run:
            return "it is not a short display line"
        first = run[0].text
        if len(run) == 1:
            return "the only display line before the text: the first story's headline"
        if len(first) > SECTION_MAX:
            return f"longer than {SECTION_MAX} characters: a kicker or headline"
        if is_kicker_shaped(first) or is_subtitle(first) or is_numbered_subhead(first):
            return "shaped like a kicker, subtitle or subhead"
        if len(run) == 2 and is_subtitle(run[1].text):
            return "a subtitle follows it: it is a headline"
        return None

    def _header_lines(self, i: int) -> int:
        """Take the page-header lines starting at unit ``i``; return the next unit."""
        while i < len(self.u) and self._take_header(self.u[i]):
            i += 1
        return i

    def _take_header(self, x: Unit) -> bool:
        tokens = header_tokens(x.text)
        if tokens is None:
            return False
        merged: list[list] = []
        for kind, a, b in tokens:
            if kind == "weekday" and merged and merged[-1][0] == "date":
                merged[-1][2] = b  # 2020年8月10日 星期一: one date
            else:
                merged.append([kind, a, b])
        whole = not header_parts_apart(x.text, tokens)
        if whole:  # 江滨日报2020年01月21日第07版, 【江滨日报】…: the line as written, one part
            merged = [["line", 0, len(x.text)]]
        for kind, a, b in merged:
            kind = "date" if kind == "weekday" else kind
            part = HeaderPart(kind, x.text[a:b], Where(x.no, x.col + a))
            self.header.append(part)
            why = ("a page line whose parts run together or stand between separators: kept whole, as written"
                   if whole else "a date, 第N版, paper name or editor credit above the stories or below them")
            self.page_notes.append(Note(f"header.{len(self.header) - 1}", f"page header: {kind}", 0.85, why,
                                        part.where))
        return True

    def _finish(self) -> ArchivedPage:
        if self.pending_captions:  # captions and nothing else: give them a story
            self._new_story().items.extend(self.pending_captions)
        stories = [s for s in self.stories if s.items]
        if not stories:
            what = f"a page name ({self.page_name[0]!r})" if self.page_name else "text"
            raise LayoutError(f"the archive has {what} but no stories", Location(self.name),
                              hint="after the page name come stories: a headline, then the text")
        if not any(s.has_text for s in stories):
            raise LayoutError(
                "no recognisable story: the archive has only short display lines (headlines or labels) and "
                "no story text (paragraphs, a byline, leads or captions)",
                Location(self.name, stories[0].items[0].where.line),
                hint="a story is a headline followed by its text; check that paragraphs were not lost in the export")
        built = tuple(s.build() for s in stories)
        for n, story in enumerate(built):
            if not story.headline:
                self.page_notes.append(Note(f"stories.{n}", "story without headline", 0.5,
                                            "no display line before its text", _first_where(story)))
        # the 报眉 prints the editor credits last, wherever the archive has them (above
        # the page line too): never as the page's title
        header = [h for h in self.header if h.kind != "editor"] + [h for h in self.header if h.kind == "editor"]
        return ArchivedPage(
            name=self.page_name[0] if self.page_name else None, stories=built, notes=tuple(self.page_notes),
            header=tuple(header), name_where=self.page_name[1] if self.page_name else None)

    # --- helpers ------------------------------------------------------------
    def _new_story(self) -> StoryBuilder:
        self.cur = StoryBuilder()
        self.stories.append(self.cur)
        if self.pending_captions:
            self.cur.items.extend(self.pending_captions)
            self.pending_captions = []
        return self.cur

    def _story(self, i: int, why: str) -> StoryBuilder:
        """The running story, or a new one without headline when there is none."""
        if self.cur is None:
            self._new_story()
            self.page_notes.append(Note("story", "story without headline", 0.5, why, self.u[i].where))
        assert self.cur is not None
        return self.cur

    def _run_end(self, i: int) -> int:
        j = i
        while j < len(self.u) and self.u[j].kind is Kind.DISPLAY:
            j += 1
        return j

    def _starts_head(self, j: int) -> bool:
        """Does a headline group start at unit ``j`` (display lines up to an anchor,
        or a department label over another display line)?"""
        if j >= len(self.u) or self.u[j].kind is not Kind.DISPLAY:
            return False
        end = self._run_end(j)
        if end < len(self.u) and self.u[end].kind in ANCHORS:
            return True
        return end - j >= 2 and is_label(self.u[j].text)[0]

    # --- display lines --------------------------------------------------------
    def _display_run(self, i: int) -> int:
        if (took := self._pieces_under_captions(i)) > i:
            return took
        if self._caption_tail(i):
            return i + 1
        j = self._question_cut(i, self._run_end(i))
        run = self.u[i:j]
        nxt = self.u[j] if j < len(self.u) else None
        cur = self.cur
        anchor = nxt is not None and (nxt.kind in (Kind.OPENER, Kind.BYLINE_LINE, Kind.NOTE, Kind.DIGEST)
                                      or (nxt.kind is Kind.LEAD and not run[-1].text.endswith(("：", ":"))))
        if anchor and cur is not None and cur.has_body:
            # …二、补短板 / 为什么？ / the next headline over its byline: the story before ends there
            k = next((n for n in range(1, len(run) - 1) if _short_question(run[n].text)), None)
            if k is not None:
                self._excess(run[:k + 1])
                run = run[k + 1:]
        if (len(run) == 1 and cur is not None and run[0].gap <= self.para_gap and cur.items
                and all(it.role in HEAD_ZONE for it in cur.items) and cur.last().role != "subtitle"
                and not cur.has("subtitle") and (nxt is None or nxt.kind in (Kind.TEXT, Kind.OPENER))):
            self._head_zone_extra(run)  # e.g. a subtitle after the byline line
            return j
        if anchor:
            self._start_story(run, strong=True, confidence=0.95, reason="a byline, lead or byline line follows")
            return j
        if cur is None and (nxt is None or nxt.kind is Kind.EDITOR):
            # display lines and nothing under them: a headline group without a story
            self._start_story(run, strong=False, confidence=0.4, reason="nothing follows it")
            return j
        if nxt is None or nxt.kind is Kind.EDITOR:
            if cur is not None and all(header_tokens(x.text) is not None for x in run) and (
                    nxt is None or all(y.kind is Kind.EDITOR for y in self.u[j:])):
                for x in run:  # the page line printed under the last story (some exports)
                    self._take_header(x)
                return j
            self._trailing(run, "short line at the end of the archive")
            return j
        if cur is None:
            self._start_story(run, strong=False, confidence=0.8, reason="the first story; text follows")
            return j
        if cur.in_preamble and not cur.has("headline"):
            self._start_story(run, strong=False, confidence=0.75,
                              reason="display lines under an editor's note or summary block that has no headline")
            return j
        if self._jump_head(run, nxt):
            return j
        piece = self._caption_piece(run, nxt)
        if piece is not None:
            role, why = piece
            for x in run:
                cur.add(role, x.text, x.where, 0.6, why, x.gap)
            return j
        evidence = self._new_story_evidence(run)
        if evidence and nxt.kind in (Kind.TEXT, Kind.CAPTION, Kind.CREDIT):
            self._start_story(run, strong=False, confidence=evidence[0], reason=evidence[1])
            return j
        if nxt.kind is Kind.CAPTION and nxt.gap == 0 and self.para_gap >= 1:
            self._trailing(run, "short line in the same block as a caption")
            return j
        under_subhead = cur.under_subhead
        if (nxt.kind is Kind.CAPTION and (nxt.gap > 0 or self.para_gap == 0) and len(run) <= 2
                and cur.has_body and not cur.in_captions and not under_subhead):
            # 图片新闻: a headline over a picture's caption, no text of its own; a
            # subhead is followed by text, never by a caption in a block of its own (a
            # line right under a subhead is its deck, whatever follows)
            self._start_story(run, strong=False, confidence=0.65,
                              reason="a caption follows it in a block of its own: a photo's headline (图片新闻)")
            return j
        if len(run) >= VERSE_LINES and not any(is_numbered_subhead(x.text) for x in run) and not cur.in_captions:
            for x in run:  # 副刊 verse, a list of names: lines of text, not a stack of subheads
                cur.add("paragraph", x.text, x.where, 0.6,
                        f"one of {len(run)} short lines in a row inside the body: verse or a list, set as text", x.gap)
            return j
        for x in run:
            self._subhead_or_caption(x)
        return j

    def _question_cut(self, i: int, j: int) -> int:
        """Where the display run from ``i`` ends when a short question stands in it
        inside a story's body (把实事办到群众心坎上 / 为什么？ / 守护一方碧水蓝天): the
        question is the text asking or a subhead of its own (``builder`` settles it),
        so the lines above it are followed by text and those below start another run
        -- not one run of three short lines (verse) nor a subhead and its deck.  A run
        a byline or lead follows is a headline group and stays whole."""
        cur = self.cur
        if cur is None or not cur.has_body or j - i < 2 or (j < len(self.u) and self.u[j].kind in ANCHORS):
            return j
        for k in range(i, j):
            if _short_question(self.u[k].text):
                return k if k > i else i + 1
        return j

    def _pieces_under_captions(self, i: int) -> int:
        """Display lines under a story's captions that are broken pieces of a caption
        (``caption_piece``: a photo credit at the end, a bracket left open) are
        captions of that story -- never the next story's kicker or headline, whatever
        follows them.  Returns the unit after them (``i`` when there are none)."""
        cur = self.cur
        if cur is None or not cur.in_captions:
            return i
        j = i
        while j < len(self.u) and self.u[j].kind is Kind.DISPLAY and (why := caption_piece(self.u[j].text)):
            x = self.u[j]
            cur.add("caption", x.text, x.where, 0.6, f"{why}: under the captions, a piece of one, not the next "
                    "story's head", x.gap)
            j += 1
        return j

    def _caption_tail(self, i: int) -> bool:
        """The first line of a display run over a headline, right under a caption the
        archive cut mid-sentence (…归港的渔船正在 / 卸货), is that caption's tail,
        not the next story's kicker or label: a caption stops on a sentence's end or
        its photo credit (spec archives.md), and the line carries no sign of a head
        (a dash or colon, an organisation's name, a section name, a number, a column
        tag).  It closes the caption (its lines joined); unsure -- a short label can
        look the same -- more so across a blank line where paragraphs have none."""
        cur = self.cur
        last = cur.last() if cur is not None else None
        if cur is None or last is None or last.role != "caption":
            return False
        cut = join_lines(last.lines or [last.text])
        j = self._run_end(i)
        x = self.u[i]
        if caption_complete(cut) or j - i < 2 or is_subtitle(self.u[i + 1].text):
            return False
        text = x.text
        if (len(text) > CAPTION_LINE_MAX or is_kicker_shaped(text) or is_subtitle(text) or is_section_name(text)
                or is_label(text)[1] >= 0.85 or is_numbered_subhead(text) or COLUMN_TAG.search(text)
                or (j - i >= 3 and is_label(text)[0])):
            return False
        together = x.gap == 0 or x.gap <= self.para_gap == 0
        last.lines.append(text)
        last.text = join_lines(last.lines)
        last.confidence = min(last.confidence, 0.7 if together else 0.6)
        last.reason += (f"; its tail ({text}) on the next line, over the next story's headline: the caption was cut "
                        "mid-sentence there, the line carries no sign of a kicker or label"
                        + ("" if together else " (a blank line between them: unsure)"))
        return True

    def _jump_head(self, run: list[Unit], nxt: Unit) -> bool:
        """The head of a story's part continued from another page (接题, 转版): the
        running story's headline again inside its body (an article from page 1 repeated
        whole on the inside page, spec archives.md) is a subhead where it stands; a
        display line over （上接第N版） heads the continued story, never a subhead of
        the story before.  Returns whether the run was taken."""
        cur = self.cur
        assert cur is not None
        if len(run) != 1:
            return False
        x = run[0]
        if cur.has_body and any(it.role == "headline" and it.text == x.text for it in cur.items):
            cur.add("subhead", x.text, x.where, 0.85, "the story's headline again inside its body: the head of its "
                    "part continued from another page (接题), kept where it stands", x.gap)
            return True
        last = cur.last()
        if (JUMP_FROM.fullmatch(nxt.text) and last is not None and last.role == "paragraph"
                and JUMP_TO.search(last.text)):
            cur.add("subhead", x.text, x.where, 0.8, "between …（下转第N版） and （上接第N版）: the head of the story's "
                    "continued part (接题), kept where it stands", x.gap)
            return True
        if JUMP_FROM.fullmatch(nxt.text):
            self._start_story(run, strong=False, confidence=0.85,
                              reason="over a jump line (上接第N版): the head of a story continued from another page")
            return True
        return False

    def _caption_piece(self, run: list[Unit], nxt: Unit) -> tuple[str, str] | None:
        """(role, why) when a display run inside a story is a broken piece of a caption
        (spec archives.md: "archives truncate captions"), else None: never a photo
        story's headline, a new story's headline or a subhead.  A line ending with a
        photo credit is a caption whose marker was lost (or a caption's second half
        on a line of its own); a line that leaves a bracket open was cut off: a
        caption beside captions, else text kept as it is; beside captions, a line
        that reads as a sentence (a clause inside) is a caption without its marker."""
        cur = self.cur
        assert cur is not None
        if len(run) > 2 or not (cur.has_body or cur.has("caption")):
            return None
        near = cur.in_captions or nxt.kind is Kind.CAPTION
        whys = [caption_piece(x.text) for x in run]
        if all(whys):
            credited = any(ends_with_photo_credit(x.text) for x in run)
            role = "caption" if near or credited else "paragraph"
            what = "a piece of a caption" if role == "caption" else "kept as text"
            return role, f"{whys[-1]}: {what}, not a headline or subhead"
        under_subhead = (last := cur.last()) is not None and last.role == "subhead"  # a deck line, not a caption
        if near and len(run) == 1 and reads_as_clause(run[0].text) and not under_subhead:
            return "caption", ("reads as a sentence (a clause inside) beside captions: a caption without its picture "
                               "marker, not a photo's headline")
        return None

    def _after_complete_captions(self) -> bool:
        """The running story's last item is a caption that is complete (ends a
        sentence or with its photo credit): a line after it is not its tail."""
        last = self.cur.last() if self.cur is not None else None
        return last is not None and last.role == "caption" and caption_complete(join_lines(last.lines or [last.text]))

    def _new_story_evidence(self, run: list[Unit]) -> tuple[float, str] | None:
        cur = self.cur
        assert cur is not None
        if cur.ended:
            return 0.85, "the story before ended with a credit line"
        if self._after_complete_captions():
            # a caption cut off may go on in a line of its own; after a complete one a short
            # line without a picture marker is no caption: captions come after an article's
            # body and subheads (spec archives.md), so it heads the next (图片新闻 too)
            return 0.6, "the story before ended with its captions, complete: a display line after them heads the next"
        if any(is_subtitle(x.text) for x in run[1:]):
            return 0.8, "a subtitle (——…) under a display line: a headline group"
        if len(run) >= 2 and is_kicker_shaped(run[0].text) and not run[0].text.endswith(("：", ":")):
            return 0.8, "a kicker (…——) over a display line: a headline group"
        if any(COLUMN_TAG.search(x.text) for x in run):
            return 0.75, "a column tag in brackets ends it (（评论员观察）): a headline"
        if len(run) >= 2 and is_label(run[-2].text)[0] and not (self.indents and run[-2].col > 1):
            # indented as the text is, a few characters over a longer line are a
            # subhead and its deck (小食堂 / 一份午餐管饱又管好): labels stand flush left
            return 0.75, "a department label over a display line"
        if run[0].gap >= 2 and run[0].gap > self.para_gap:
            return 0.7, f"{run[0].gap} blank lines before it, more than between paragraphs"
        if self.indents and run[0].col == 1 and not is_numbered_subhead(run[0].text):
            return 0.7, "flush left where the archive indents its paragraphs (subheads are indented too)"
        if not self.bylines and not is_numbered_subhead(run[-1].text):
            return 0.6, "the archive has no bylines: a display line over text heads a story"
        subs = [it.text for it in cur.items if it.role == "subhead" and not it.preamble]
        deck = cur.under_subhead  # a display line right under its subhead
        # a short question (这是为什么？) between numbered parts is the text asking (builder settles it)
        asking = len(run) == 1 and _short_question(run[0].text)
        if (subs and all(is_numbered_subhead(t) for t in subs) and not any(is_numbered_subhead(x.text) for x in run)
                and not deck and not asking):
            return 0.6, "the story before numbers its subheads (一、…): an unnumbered display line is no subhead of it"
        return None

    def _start_story(self, run: list[Unit], strong: bool, confidence: float, reason: str) -> None:
        indented = [x.col > 1 for x in run] if self.indents else None
        head = split_head([x.text for x in run], strong, indented)
        if head.excess:
            first = self.u.index(run[0])
            if self.cur is None and not self.pending_captions and first == (1 if self.page_name else 0):
                self._extend_page_name(run[:head.excess])
            else:
                self._excess(run[:head.excess])
        cur = self.cur
        # 编者按 / 核心阅读 above the headline: the same story
        joins = cur is not None and cur.in_preamble and not cur.has("headline")
        story = cur if joins and cur is not None else self._new_story()
        for role, idx, conf, why in head.roles:
            x = run[idx]
            c = min(conf, confidence) if role == "headline" else conf
            why = why if strong else f"{why}; a new story: {reason}"
            story.add(role, x.text, x.where, c, why, x.gap)

    def _excess(self, lines: list[Unit]) -> None:
        """Display lines over the next story's headline group: the story before's last
        lines (``_trailing``).  A short question among them closes that story as its
        text asking (…五、把实事办到群众心坎上 / 为什么？ / the next headline), and
        the lines above it, followed by that text, are its subheads as in the body."""
        cur = self.cur
        k = next((n for n, x in enumerate(lines) if _short_question(x.text)), None)
        if cur is None or not cur.has_body or not k:
            self._trailing(lines, "display line before the next story's headline group")
            return
        for x in lines[:k]:
            self._subhead_or_caption(x)
        q = lines[k]
        cur.add("paragraph", q.text, q.where, 0.7, "a short question closing the story, the next story's headline "
                "group under it: the text asking (a subhead has text under it)", q.gap)
        if lines[k + 1:]:
            self._trailing(lines[k + 1:], "display line before the next story's headline group")

    def _extend_page_name(self, extra: list[Unit]) -> None:
        for x in extra:
            if self.page_name is None:
                self.page_name = (x.text, x.where)
            else:
                self.page_name = (f"{self.page_name[0]} {x.text}", self.page_name[1])
            self.page_notes.append(Note("name", "page name (continued)", 0.5,
                                        "a display line before the first story's headline group", x.where))

    def _head_zone_extra(self, run: list[Unit]) -> None:
        cur = self.cur
        assert cur is not None
        for x in run:
            if not cur.has("subtitle"):
                cur.add("subtitle", x.text, x.where, 0.5, "a display line after the headline group, before the text")
            else:
                cur.add("paragraph", x.text, x.where, 0.5, "a display line before the text", x.gap)

    def _trailing(self, run: list[Unit], why: str) -> None:
        """Display lines that end a story: captions in the caption zone, else body."""
        story = self._story(self.u.index(run[0]), why)
        for x in run:
            if story.in_captions and len(x.text) <= CAPTION_LINE_MAX:
                story.add("caption", x.text, x.where, 0.6, f"{why}, after the captions", x.gap)
            else:
                story.add("paragraph", x.text, x.where, 0.6, why, x.gap)

    def _subhead_or_caption(self, x: Unit) -> None:
        cur = self.cur
        assert cur is not None
        if x.text.endswith(("：", ":")):
            cur.add("paragraph", x.text, x.where, 0.7, "a short line ending in a colon: it introduces the text below",
                    x.gap)
        elif is_numbered_subhead(x.text):
            cur.add("subhead", x.text, x.where, 0.9, "numbered short line inside the body", x.gap)
        elif cur.in_captions and len(x.text) <= CAPTION_LINE_MAX:
            cur.add("caption", x.text, x.where, 0.55, "short line after the captions, no picture marker", x.gap)
        elif cur.under_subhead and (last := cur.last()) is not None \
                and last.subhead_kind is SubheadKind.SUBHEAD and len(x.text) > len(last.text):
            cur.add("subhead", x.text, x.where, 0.8, "a longer display line right under a subhead: its deck line", x.gap)
        else:
            item = cur.add("subhead", x.text, x.where, 0.65,
                           "short line inside the body, text follows, no sign of a new story", x.gap)
            item.question = is_question(x.text)  # settled by the story's other subheads (builder)

    # --- anchors ------------------------------------------------------------
    def _note(self, i: int) -> int:
        """编者按：… opens a story's text (before the dateline paragraph)."""
        x = self.u[i]
        cur = self.cur
        if cur is None or cur.has_body or cur.has("byline"):
            self._new_story()
            if not self._starts_head(i + 1):
                self.page_notes.append(Note("story", "story without headline", 0.5,
                                            "an editor's note with no headline before it", x.where))
        assert self.cur is not None
        nxt = self.u[i + 1] if i + 1 < len(self.u) else None
        if NOTE_TITLE.fullmatch(x.text) and nxt is not None and nxt.kind is Kind.TEXT:
            # 编者按 (【编者按】) on a line of its own: the box's title over the note
            self.cur.add("subhead", x.text, x.where, 0.9, "the title of an editor's note (编者按) on its own line",
                         x.gap, preamble=True, kind=SubheadKind.BLOCK_TITLE, opens_box=True)
            self.cur.add("paragraph", nxt.text, nxt.where, 0.85, "the editor's note under its title", nxt.gap,
                         preamble=True)
            return self._note_rest(i + 2, nxt.text)
        self.cur.add("paragraph", x.text, x.where, 0.9, "an editor's note (编者按) before the story's text", x.gap,
                     preamble=True, opens_box=True)
        return self._note_rest(i + 1, x.text)

    def _note_rest(self, j: int, text: str) -> int:
        """The paragraphs of an editor's note after its first, when a paragraph
        within ``NOTE_PARAGRAPHS`` signs it off (——编 者) and only text comes between."""
        if NOTE_CLOSE.search(text):
            return j
        end = j
        while end < len(self.u) and end - j < NOTE_PARAGRAPHS and self.u[end].kind is Kind.TEXT:
            if NOTE_CLOSE.search(self.u[end].text):
                break
            end += 1
        else:  # no ——编 者 within reach: the note is its first paragraph only
            return j
        assert self.cur is not None
        for y in self.u[j:end + 1]:
            self.cur.add("paragraph", y.text, y.where, 0.85, "the editor's note goes on up to its ——编 者", y.gap,
                         preamble=True)
        return end + 1

    def _signed_note(self, i: int) -> bool:
        """A paragraph signed ——编 者 standing before a story's text: an editor's
        note without the 编者按 title.  Under a headline group with no text yet it
        is that story's note; after a story's text it is the next story's note only
        when that story's headline group follows it (an afterword, 编后, closes its
        story and stays there)."""
        x = self.u[i]
        if not NOTE_CLOSE.search(x.text) or AFTERWORD.match(x.text):
            return False
        cur = self.cur
        if cur is not None and cur.items and not cur.has_body and not cur.has("byline") and not cur.in_captions:
            reason = "signed ——编 者 under the headline group, before the text: an editor's note"
        elif self._starts_head(i + 1):
            self._new_story()
            reason = "signed ——编 者 above a headline group: the next story's editor's note"
        else:
            return False
        assert self.cur is not None
        self.cur.add("paragraph", x.text, x.where, 0.8, reason, x.gap, preamble=True, opens_box=True)
        return True

    def _digest(self, i: int) -> int:
        """核心阅读 and the summary paragraphs under it, up to the dateline: the
        block between the headline group and the story's text."""
        x = self.u[i]
        cur = self.cur
        if cur is None or cur.has_body or cur.has("byline"):
            self._new_story()
            self.page_notes.append(Note("story", "summary block above its headline", 0.7,
                                        "a summary block (核心阅读) opens the next story", x.where))
        assert self.cur is not None
        self.cur.add("subhead", x.text, x.where, 0.9, "the title of a summary block (核心阅读)", x.gap,
                     preamble=True, kind=SubheadKind.BLOCK_TITLE, opens_box=True)
        j = i + 1
        while j < len(self.u) and self.u[j].kind is Kind.TEXT and j - i <= 3:
            y = self.u[j]
            self.cur.add("paragraph", y.text, y.where, 0.85, "a summary paragraph under 核心阅读", y.gap,
                         preamble=True)
            j += 1
        return j

    def _opener(self, i: int) -> int:
        x = self.u[i]
        split = split_opener(x.text)
        assert split is not None
        byline, rest = split
        cur = self.cur
        # a dateline opens its story's text: after text, a dateline or a credit it opens the next story
        if cur is None or cur.has_body or cur.has("byline") or cur.has("credit"):
            self._new_story()
            self.page_notes.append(Note("story", "story without headline", 0.6,
                                        "a byline opener with no headline before it", x.where))
        assert self.cur is not None
        self.cur.add("byline", byline, x.where, 0.95, "byline opener (本报讯 / …电) starting the paragraph")
        body = rest.lstrip(STRIP)
        if body:
            where = Where(x.no, x.col + len(byline) + len(rest) - len(body))
            self.cur.add("paragraph", body, where, 0.95, "the text after the byline opener", x.gap)
        return i + 1

    def _byline_line(self, i: int) -> int:
        x = self.u[i]
        cur = self.cur
        if cur is not None and cur.has_body and cur.in_captions and is_photo_credit(x.text):
            last = cur.items[-1]  # 新华社记者 某某摄 under the captions: it closes the last one
            last.lines.append(x.text)
            last.text = join_lines(last.lines)
            last.reason += "; a photographer's credit line under the captions closes it"
            return i + 1
        if cur is None or cur.has_body:
            nxt = self.u[i + 1].kind if i + 1 < len(self.u) else None
            if cur is not None and nxt not in (Kind.TEXT, Kind.LEAD, Kind.OPENER):
                cur.add("paragraph", x.text, x.where, 0.5, "a byline line after the body, kept in the body", x.gap)
                return i + 1
            if cur is not None and nxt is Kind.TEXT and x.gap <= self.para_gap and not cur.in_captions:
                # 本报记者 某某 / 文/某某 between paragraphs (a part signed by its author): a story
                # starts with display lines, never with its author line between two paragraphs
                # (after a story's captions, which close it, the old reading stays)
                cur.add("paragraph", x.text, x.where, 0.6, "an author line inside the body, text before and after "
                        "it: kept as text where it stands (no new story without a headline)", x.gap)
                return i + 1
            self._new_story()
            self.page_notes.append(Note("story", "story without headline", 0.5,
                                        "a byline line with no headline before it", x.where))
        assert self.cur is not None
        if self.cur.in_preamble:
            # under a 编者按 / 核心阅读 box: the layout sets a byline line above the boxes,
            # which would move it; kept as the box's last line, in the archive's order
            self.cur.add("paragraph", x.text, x.where, 0.5,
                         "a byline line under the box: kept in it, in the archive's order", x.gap, preamble=True)
            return i + 1
        self.cur.add("byline_line", x.text, x.where, 0.9, "a byline on its own line (本报记者 …)", x.gap)
        return i + 1

    def _lead(self, i: int) -> int:
        x = self.u[i]
        cur = self._story(i, "■ leads with no headline before them")
        if cur.has_body and (len(x.text) > DISPLAY_MAX or ends_sentence(x.text)):
            cur.add("paragraph", x.text, x.where, 0.75, "a bulleted sentence inside the body: a list item, body text",
                    x.gap)
        elif cur.has_body and self._in_bullet_list(i):
            # ●加强日常监管 / ●推进信息公开 one under the other: a list, not a stack of subheads
            # (a subhead comes alone, or with its deck line, and text follows it)
            cur.add("paragraph", x.text, x.where, 0.75, "one of bulleted lines in a row inside the body: a list item, "
                    "body text", x.gap)
        elif cur.has_body:
            cur.add("subhead", x.text, x.where, 0.7, "■ line inside the body: a subhead", x.gap)
        else:
            cur.add("lead", x.text, x.where, 0.95, "■ line before the body", x.gap)
        return i + 1

    def _in_bullet_list(self, i: int) -> bool:
        """Is the ● / ■ line at unit ``i`` next to another one (before or after it)?"""
        return any(0 <= k < len(self.u) and self.u[k].kind is Kind.LEAD and self.u[k].text[:1] == self.u[i].text[:1]
                   for k in (i - 1, i + 1))

    def _ad(self, i: int) -> int:
        """广告 on a line of its own: an ad slot between stories (spec archives.md).
        Kept as text, an item of its own: never the next story's headline nor part
        of the story before."""
        x = self.u[i]
        slot = self._new_story()
        slot.ad = True
        slot.add("paragraph", x.text, x.where, 0.7, "an ad slot (广告) on its own line: an item of its own, "
                 "printed as the slot's label in a ruled box", x.gap)
        self.cur = None
        return i + 1

    # --- captions, credits, text --------------------------------------------
    def _caption(self, i: int) -> int:
        x = self.u[i]
        if self.cur is None:
            item = Item("caption", x.text, x.where, 0.6, "caption before the first story: attached to it",
                        [x.text], x.gap)
            self.pending_captions.append(item)
            return self._continue_caption(item, i + 1)
        self._absorb_block_before(x)
        item = self.cur.add("caption", x.text, x.where, 0.9, "starts with a picture reference", x.gap)
        return self._continue_caption(item, i + 1)

    def _continue_caption(self, item: Item, j: int) -> int:
        """Take the following lines into the caption while it has not ended its
        sentence, no blank line intervenes, and they do not start something else."""
        while j < len(self.u):
            y = self.u[j]
            text = join_lines(item.lines)
            if (y.kind not in (Kind.TEXT, Kind.DISPLAY) or y.gap > 0 or caption_complete(text)
                    or self._starts_head(j) or len(text) + len(y.text) > CAPTION_MAX
                    or (self.para_gap == 0 and len(y.text) > CAPTION_LINE_MAX)):
                break
            item.lines.append(y.text)
            item.reason += "; continues on the next line"
            j += 1
        y = self.u[j] if j < len(self.u) else None
        # a photographer's line under a story's only caption is that photo's credit; under
        # several it credits them all (a photo story's byline line)
        only = self.cur is not None and sum(it.role == "caption" for it in self.cur.items) == 1
        if y is not None and only and y.gap <= max(1, self.para_gap) and is_photo_credit(y.text):
            item.lines.append(y.text)
            item.reason += "; the photographer's credit on the next line closes it"
            j += 1
        item.text = join_lines(item.lines)
        if not caption_complete(item.text):
            item.reason += "; stops mid-sentence: cut off in the archive, kept as it is"
        return j

    def _caption_like(self, x: Unit) -> bool:
        """An unmarked sentence under a caption is one more caption when it ends with a
        photo credit (…摄, 供图) or stands flush left where paragraphs are indented;
        otherwise -- unless the caption above was cut off -- it is the story's text
        going on after a picture set between its paragraphs (a caption never takes a
        paragraph: that would move it)."""
        if re.search(r"(?:摄影?|供图|提供)[）)]?$", x.text):
            return True
        last = self.cur.last() if self.cur is not None else None
        if last is not None and not caption_complete(join_lines(last.lines or [last.text])):
            return True  # under a caption the archive cut off: its tail or the next caption
        if self.indents:
            return x.col == 1
        return not ends_sentence(x.text) or x.gap == 0 and self.para_gap >= 1

    def _absorb_block_before(self, x: Unit) -> None:
        """Short paragraphs right above a caption are captions too (the archive's
        caption block may start with the tail of a caption cut off) when the archive
        shows the block: no blank line between where paragraphs are separated by
        blank lines, or flush left like the caption where paragraphs are indented."""
        if self.cur is None or x.gap > 0:
            return
        by_gap = self.para_gap >= 1
        by_indent = not by_gap and self.indents and x.col == 1
        if not (by_gap or by_indent):
            return
        for it in reversed(self.cur.items):
            if it.role != "paragraph" or len(it.text) > CAPTION_LINE_MAX or (by_indent and it.where.column > 1):
                break
            it.role, it.lines, it.confidence = "caption", [it.text], 0.6
            it.reason = ("short line in the same block as a caption, no picture marker" if by_gap else
                         "short flush-left line right above a caption where paragraphs are indented")
            if it.gap > 0:
                break

    def _credit(self, i: int) -> int:
        x = self.u[i]
        cur = self._story(i, "a bracketed line with no story before it")
        if JUMP_FROM.fullmatch(x.text):
            cur.add("paragraph", x.text, x.where, 0.8, "a jump line (上接第N版): the continued part starts here, "
                    "kept as text where it stands", x.gap)
            return i + 1
        conf = credit_confidence(x.text)
        if conf >= 0.9:
            why = "a bracketed line of names or a credit word"
        elif x.text[:1] in "（(":
            why = "a short bracketed line"
        else:
            why = "an author's note without brackets (作者为…)"
        cur.add("credit", x.text, x.where, conf, f"{why} at the story's end", x.gap)
        return i + 1

    def _editor(self, i: int) -> int:
        x = self.u[i]
        # the page's editor credits stand above the first story or below the last
        # (版式设计 / 责任编辑 lines: every line from here to the end is one, or a contact
        # line printed with them: 投稿邮箱：…, which stays text)
        at_end = all(y.kind is Kind.EDITOR or is_contact_line(y.text) for y in self.u[i:])
        if (self.cur is None or at_end) and self._take_header(x):
            return i + 1
        self._story(i, "an editor line").add("paragraph", x.text, x.where, 0.5,
                                             "an editor line inside the page: kept as text", x.gap)
        return i + 1

    def _text(self, i: int) -> int:
        x = self.u[i]
        if self._signed_note(i):
            return i + 1
        nxt = self.u[i + 1] if i + 1 < len(self.u) else None
        if (is_long_headline(x.text) and nxt is not None and nxt.kind in (Kind.OPENER, Kind.BYLINE_LINE)
                and (self.cur is None or self.cur.has_body or self.cur.ended)):
            self._start_story([x], strong=True, confidence=0.7,
                              reason="a long line shaped like a headline (no full stop) over a dateline or byline")
            return i + 1
        cur = self._story(i, "text with no headline before it")
        if cur.in_captions and len(x.text) <= CAPTION_LINE_MAX and self._caption_like(x):
            item = cur.add("caption", x.text, x.where, 0.6, "short line after the captions, no picture marker",
                           x.gap)
            return self._continue_caption(item, i + 1)
        cur.add("paragraph", x.text, x.where, 0.95 if cur.has("headline") or cur.has_body else 0.7,
                "body paragraph", x.gap)
        return i + 1


def _short_question(text: str) -> bool:
    """为什么？, 这是为什么？: a short unnumbered question, the text asking or a subhead
    of a series, never part of a run of display lines (``_Walker._question_cut``)."""
    return is_question(text) and len(text) <= SHORT_QUESTION and not is_numbered_subhead(text)


def _first_where(story: ArchivedStory) -> Where | None:
    return min((w for _, w in story.where), default=None)
