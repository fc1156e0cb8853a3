"""Placing one story in its grid area: the headline group on top, then leads and
byline, then the body flowing through the text columns around its pictures.

Order inside a story (spec page-layout.md rule 7): label/kicker, headline group,
leads, then text; a picture sits beside or among the text, never between a headline
and its text.  Every element takes whole grid rows (typography.md §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from layout.compose import compose_paragraph, count_lines
from layout.compose.model import Line, ParagraphStyle, Run
from layout.fonts import FontSet
from layout.model.geometry import Geometry, Rect
from layout.model.jumps import JUMP_ARTIFACT, JumpKind, jump_style
from layout.model.types import PageLayout, Photo, Span, Story, TextStyle
from layout.place.blocks import (
    balanced_count,
    block_baselines,
    compose_balanced,
    compose_text,
    count_text,
    display_rows,
    row_baselines,
)
from layout.place.elements import (
    FILL_LAST_BEFORE_CREDIT,
    BodyLine,
    dots_item,
    flow_line_count,
    flow_lines,
    place_boxes,
)
from layout.place.flow import Keep, column_slots, fill
from layout.place.items import BoxItem, ImageItem, Item, Problem, ProblemKind, RuleItem, StoryResult, TextItem
from layout.place.jumps import kind_line
from layout.place.leads import LeadBlock, set_leads
from layout.place.underfill import underfill_problems

RULE_WIDTH = 0.5  # pt, hairline rule between stories
LABEL_PAD = 0.25  # em of the label size, inside a label frame
# an em space after the inline byline (本报讯　8月3日…): a breakable space, discarded at a line
# break (issue 13, class 6: a U+3000 is kept at a line end and left the byline's line an em short)
BYLINE_GAP = "\u2003"
# Rows of slack a headline band may absorb.  The band is centred, so 2 rows leave
# one more empty line above and one below the headline.  More would open a hole
# (3 empty lines) beside a headline narrower than the story; slack beyond this stays
# under the balanced columns (at most 2 lines, page-layout.md rule 2).
MAX_HEAD_AIR = 2
MAX_HEAD_AIR_CROWDED = 1


class HeadLines(NamedTuple):
    """The headline group's composed lines, with the x offsets of its balanced
    blocks.  Composed once per story (``StoryPlacement.head``): ``place_story``
    places the head twice, once in a scratch placement to find its air."""

    label: list[Line] | None
    kicker: list[Line]
    kicker_dx: float
    head: list[Line]
    head_dx: float
    subtitle: list[Line]
    subtitle_dx: float
    byline: list[Line]
    leads: LeadBlock


@dataclass
class StoryPlacement:
    """Working state while one story is placed (not passed between stages)."""

    story: Story
    geo: Geometry
    styles: dict[str, TextStyle]
    fonts: FontSet
    columns: tuple[tuple[float, float], ...]
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    head_lines: HeadLines | None = None  # see ``head``

    def style(self, name: str) -> TextStyle:
        return self.styles.get(name) or self.styles["body"]

    def head(self) -> HeadLines:
        """The headline group's lines, composed on first use."""
        if self.head_lines is None:
            self.head_lines = compose_head(self)
        return self.head_lines

    def text(self, line: Line, x: float, baseline: float, kind: str, style: TextStyle | None = None) -> None:
        color = style.color if style is not None else self.style("body").color
        # furniture (model.jumps): the jump lines, and the 接题 (the headline of a part carried from another page)
        jump = kind in (JumpKind.DOWN, JumpKind.UP) or (kind == "headline" and self.story.jump_from is not None)
        artifact = JUMP_ARTIFACT if jump else None
        self.items.append(TextItem(line, x, baseline, kind, self.story.id, color, artifact=artifact))
        for p in _line_problems(line):
            self.problems.append(Problem(p, self.story.id, f"{self.story.id}: {p} in {line.text!r}"))


def _line_problems(line: Line) -> list[str]:
    return ["kinsoku-last-resort"] if line.forced else []


def place_story(story: Story, layout: PageLayout, geo: Geometry, fonts: FontSet, *,
                air_limit: int | None = None) -> tuple[list[Item], StoryResult, list[Problem]]:
    """Items of ``story`` in reading order, its result, and what to report.
    ``air_limit``: rows of headline air allowed instead of ``max_head_air`` (copyfit)."""
    sp = StoryPlacement(story, geo, layout.styles, fonts, geo.text_columns(story.columns, story.text_columns))
    first, last = story.rows.first, story.rows.last
    if "above" in story.rules:
        first += 1
    if "below" in story.rules:
        last -= 1
    if story.ad:  # an archive's 广告 line: a ruled, screened box with its label (place.adslot)
        from layout.place.adslot import place_ad_slot

        items, result = place_ad_slot(story, geo, layout.styles, fonts, sp.columns, first, last)
        sp.items.extend(items)
        _place_rules(sp)
        return sp.items, result, sp.problems
    vertical: list[Item] = []
    if story.direction == "vertical" and (story.headline or story.kicker):
        sp, vertical = _vertical_head(sp, first, last)
    x0, x1 = sp.columns[0]
    lines = body_lines(sp, x1 - x0) if (story.paragraphs or story.credit or story.jump_to is not None) else []
    if beside_head(story):
        row = place_head(sp, first)
        result = _place_body(sp, lines, row, last, head=(first, row))
    else:
        air = _head_air(sp, lines, first, last, air_limit) if story.balance else 0
        row = place_head(sp, first, air)
        result = _place_body(sp, lines, row, last)
    _place_rules(sp)
    return vertical + sp.items, result, sp.problems


def _vertical_head(sp: StoryPlacement, first: int, last: int) -> tuple[StoryPlacement, list[Item]]:
    """Kicker and headline set vertically at the story's right (place.vertical); the
    rest of the story placed as usual in the width left beside them."""
    from layout.model.geometry import MIN_TEXT_COLUMN_EMS
    from layout.place.vertical import place_vertical

    s, geo = sp.story, sp.geo
    groups = [((s.kicker,), sp.style("kicker"), "kicker")] if s.kicker else []
    groups += [(s.headline, sp.style(s.headline_style), "headline")] if s.headline else []
    top = geo.row_top(first)
    split = place_vertical(s.id, groups, sp.columns, top, top - geo.row_bottom(last), geo.gutter,
                           MIN_TEXT_COLUMN_EMS * geo.em, sp.fonts)
    rest = StoryPlacement(replace(s, headline=(), kicker=None), geo, sp.styles, sp.fonts, split.columns,
                          problems=split.problems)
    return rest, list(split.items)


def _head_air(sp: StoryPlacement, lines: list[BodyLine], first: int, last: int,
              air_limit: int | None = None) -> int:
    """Rows of slack the headline band takes so the body's balanced columns end on
    the story's last row instead of leaving empty lines under it (page-layout.md:
    a stretchable gap; spec §5: the headline band stays whole rows)."""
    scratch = StoryPlacement(sp.story, sp.geo, sp.styles, sp.fonts, sp.columns, head_lines=sp.head())
    row = place_head(scratch, first)
    limit = head_air(scratch) if air_limit is None else (0 if _short_headline(scratch) else air_limit)
    if not limit:
        return 0
    photos = _photo_rows(sp, row, last)
    slots = column_slots(sp.columns, range(row, last + 1), photos)
    taken = fill(slots, len(lines), True, _keeps(lines), foot=_jump_at_end(lines))
    if len(taken) < len(lines):
        return 0
    used = max((t.row for t in taken), default=row - 1)
    # a picture deeper than the text beside it (a short page's picture grown to the
    # story's foot, autolayout.shapes) keeps its rows: the air never pushes it out
    used = max([used, *(max(rows) for rows in photos.values() if rows)])
    return max(0, min(last - used, limit))


def head_air(sp: StoryPlacement) -> int:
    """Slack rows the head placed in ``sp`` may take: none beside a short headline."""
    return 0 if _short_headline(sp) else max_head_air(sp.story)


def _short_headline(sp: StoryPlacement) -> bool:
    """A headline line leaving 3 ems or more blank beside it: air above and below it
    would join that blank into a hole (3 lines x 3 ems, page-layout.md rule 2)."""
    x0, x1 = _span_x(sp, sp.story.headline_columns)
    for it in sp.items:
        if isinstance(it, TextItem) and it.kind == "headline" and it.line.chars:
            xs = it.line.xs  # the glyph columns: no Glyph tuples built
            if (x1 - x0) - (xs[-1] + it.line.sizes[-1] - xs[0]) >= 3 * sp.geo.em:
                return True
    return False


def max_head_air(story: Story) -> int:
    """The most slack rows ``story``'s headline band may take (0 without a headline:
    the air goes into the headline's band, nowhere else).  ``head_air`` says whether
    a placed head actually takes it."""
    if not story.headline:
        return 0
    crowded = story.label or story.leads or story.byline_line or story.jump_from is not None
    return MAX_HEAD_AIR_CROWDED if crowded else MAX_HEAD_AIR


def _span_x(sp: StoryPlacement, span: Span | None) -> tuple[float, float]:
    cols = sp.columns if span is None else sp.columns[span.first - 1:span.last]
    return cols[0][0], cols[-1][1]


# ----------------------------------------------------------------- headline group
def compose_head(sp: StoryPlacement) -> HeadLines:
    """Compose the label, kicker, headline, subtitle, byline line and leads at the
    headline span's width (the display blocks balanced, ``compose_balanced``)."""
    s = sp.story
    x0, x1 = _span_x(sp, s.headline_columns)
    width = x1 - x0
    label = _label_lines(sp, width) if s.label else None
    kicker, kicker_dx = compose_balanced([s.kicker], sp.style("kicker"), width, sp.fonts) if s.kicker else ([], 0.0)
    head_style = sp.style(s.headline_style)
    head, head_dx = compose_balanced(s.headline, head_style, width, sp.fonts) if s.headline else ([], 0.0)
    subtitle, subtitle_dx = (compose_balanced([s.subtitle], sp.style("subtitle"), width, sp.fonts) if s.subtitle
                             else ([], 0.0))
    byline = compose_text(s.byline_line, sp.style("byline-line"), width, sp.fonts) if s.byline_line else []
    gap = sp.columns[1][0] - sp.columns[0][1] if len(sp.columns) > 1 else sp.geo.gutter
    span = len(sp.columns) if s.headline_columns is None else s.headline_columns.count
    leads = set_leads(s.leads, sp.style("lead"), width, gap, span, sp.fonts)
    return HeadLines(label, kicker, kicker_dx, head, head_dx, subtitle, subtitle_dx, byline, leads)


def head_line_count(sp: StoryPlacement, above: int) -> int | None:
    """``len(compose_head(sp).head)`` (the headline's lines) when it is more than
    ``above`` and told without composing the group (``blocks.balanced_count``);
    None otherwise."""
    s = sp.story
    if not s.headline:
        return None
    x0, x1 = _span_x(sp, s.headline_columns)
    return balanced_count(s.headline, sp.style(s.headline_style), x1 - x0, sp.fonts, above)


def place_head(sp: StoryPlacement, row: int, air: int = 0) -> int:
    """Label, kicker, headline, subtitle, byline line and leads; returns the first
    row left for the body.  ``air``: extra rows added to the headline's band."""
    s = sp.story
    x0, x1 = _span_x(sp, s.headline_columns)
    h = sp.head()
    label, kicker, head = h.label, h.kicker, h.head
    head_style = sp.style(s.headline_style)
    beside = bool(label and head and _label_fits_beside(sp, label, head, h.head_dx))
    upright = bool(label and head and not beside and _upright_label(sp, label, head, h.head_dx, row, air))
    if label and not beside and not upright:
        row = _place_label(sp, label, x0, row, sp.style("label"))
    if label and beside:  # drawn first so the PDF reads label, kicker, headline
        head_top = row + (display_rows(len(kicker), sp.style("kicker"), sp.geo.leading) if kicker else 0)
        head_rows = display_rows(len(head), head_style, sp.geo.leading) + air
        _place_label(sp, label, x0, head_top, sp.style("label"), rows=head_rows)
    if kicker:
        row = _place_display(sp, kicker, sp.style("kicker"), x0 + h.kicker_dx, row, "kicker")
    if head:
        row = _place_display(sp, head, head_style, x0 + h.head_dx, row, "headline", air)
    if s.subtitle:
        row = _place_display(sp, h.subtitle, sp.style("subtitle"), x0 + h.subtitle_dx, row, "subtitle")
    if s.byline_line:
        row = _place_rows(sp, h.byline, sp.style("byline-line"), x0, row, "byline")
    if s.jump_from is not None:  # （上接第M版） beside the 接题's last line, or under it (model.jumps)
        up = kind_line(JumpKind.UP, s.jump_from, sp.styles, x1 - x0, sp.fonts)
        beside = _up_beside_head(sp, up, head_style)
        row = _place_rows(sp, [up], jump_style(sp.styles), x0, row - 1 if beside else row, JumpKind.UP)
    if s.leads:  # in columns across a wide story (place.leads)
        lead_style = sp.style("lead")
        for col in h.leads.columns:
            _place_rows(sp, list(col.lines), lead_style, x0 + col.x, row, "lead")
        row += h.leads.rows + 1  # a blank grid line between the leads and the body
    if s.boxes:
        row = place_boxes(sp, row)
    return row


def _up_beside_head(sp: StoryPlacement, up: Line, head_style: TextStyle) -> bool:
    """Whether （上接第M版） (``up``, right-aligned) stands on the last row of the
    接题's band, an em of the 接题 clear of its last line, rather than on a row of
    its own under it: when the 接题 is the whole group (no kicker, subtitle, byline
    line) and leaves that room.  Why: both are artifacts, bare ink to the page
    checker (nothing fills the blank beside them); a 接题 band and a jump row
    under the page header's rule stand 3 lines of blank over the body, a hole
    wherever the first body line's ink dips (a dash, lower-case Latin) beside a
    gutter (issue 13: rich-seed-long-000, rich-raw-long-017 page 2)."""
    s, h = sp.story, sp.head()
    if not h.head or s.kicker or s.subtitle or s.byline_line:
        return False
    return _line_left(up) - (h.head_dx + h.head[-1].right) >= head_style.size


def _place_display(sp: StoryPlacement, lines: list[Line], style: TextStyle, x: float, row: int, kind: str,
                   air: int = 0) -> int:
    """A block centred vertically in whole grid rows; returns the next free row."""
    n = display_rows(len(lines), style, sp.geo.leading) + air
    top = sp.geo.row_top(row)
    for line, base in zip(lines, block_baselines(len(lines), style, top, n * sp.geo.leading), strict=True):
        sp.text(line, x, base, kind, style)
    return row + n


def _place_rows(sp: StoryPlacement, lines: list[Line], style: TextStyle, x: float, row: int, kind: str) -> int:
    """One line per grid row (leads, bylines, captions); returns the next free row."""
    for line, base in zip(lines, row_baselines(sp.geo, row, len(lines), style.size), strict=True):
        sp.text(line, x, base, kind, style)
    return row + len(lines)


def _label_lines(sp: StoryPlacement, width: float) -> list[Line]:
    st = sp.style("label")
    return compose_text(sp.story.label or "", st, width, sp.fonts, align="left")


def _upright_label(sp: StoryPlacement, label: list[Line], head: list[Line], head_dx: float, row: int,
                   air: int) -> bool:
    """Stack the label in the blank left of the headline when it fits there
    (place.label); True when placed (before the kicker and headline: reading order)."""
    from layout.place.label import upright_fits, upright_label

    s, geo = sp.story, sp.geo
    style, head_style = sp.style("label"), sp.style(s.headline_style)
    text = "".join(ln.text for ln in label)
    kicker_rows = display_rows(len(sp.head().kicker), sp.style("kicker"), geo.leading) if s.kicker else 0
    band = (display_rows(len(head), head_style, geo.leading) + air) * geo.leading
    blank = head_dx + min(_line_left(ln) for ln in head)
    if not upright_fits(text, style, blank, band, geo.em):
        return False
    faces = [ln.faces[i] for ln in label for i in range(len(ln.chars))]
    x0, _x1 = _span_x(sp, s.headline_columns)
    sp.items.extend(upright_label(text, style, faces, x0, geo.row_top(row + kicker_rows), band, s.id))
    return True


def _label_width(label: list[Line], style: TextStyle) -> float:
    return max(ln.right for ln in label) + 2 * LABEL_PAD * style.size


def _label_fits_beside(sp: StoryPlacement, label: list[Line], head: list[Line], head_dx: float) -> bool:
    """A one-line label may stand left of the headline when the (centred) headline
    leaves room for it plus one body em."""
    if len(label) != 1:
        return False
    need = _label_width(label, sp.style("label")) + sp.geo.em
    return all(head_dx + _line_left(ln) >= need for ln in head)


def _line_left(line: Line) -> float:
    return line.xs[0] if line.chars else 0.0


def _place_label(sp: StoryPlacement, label: list[Line], x: float, row: int, style: TextStyle,
                 rows: int | None = None) -> int:
    """The department label (区妇联): a framed or reversed tag, left, centred in its rows."""
    n = rows or display_rows(len(label), style, sp.geo.leading)
    top = sp.geo.row_top(row)
    bases = block_baselines(len(label), style, top, n * sp.geo.leading)
    pad = LABEL_PAD * style.size
    w = _label_width(label, style)
    box = Rect(x, bases[-1] - 0.12 * style.size - pad, x + w, bases[0] + 0.88 * style.size + pad)
    reversed_ = style.frame == "reversed"
    if style.frame in ("box", "reversed"):
        sp.items.append(BoxItem(box, 0.0 if reversed_ else 0.6, style.color if reversed_ else None,
                                style.color, sp.story.id))
    for line, base in zip(label, bases, strict=True):
        color = (0.0, 0.0, 0.0, 0.0) if reversed_ else style.color
        sp.items.append(TextItem(line, x + pad, base, "label", sp.story.id, color))
    return row + n


# ----------------------------------------------------------------- body and pictures
def body_lines(sp: StoryPlacement, width: float) -> list[BodyLine]:
    """The story's body lines with their kind (body, subhead, credit), in reading order."""
    s = sp.story
    body = sp.style("body")
    pstyle = body.paragraph_style()
    lines: list[BodyLine] = []
    if s.flow:
        lines = flow_lines(sp, width, _byline_runs(sp, s.byline) if s.byline else [])
    for i, text in enumerate(() if s.flow else s.paragraphs):
        runs = [Run(text, body.face, body.size, body.tracking)]
        if i == 0 and s.byline:
            runs = _byline_runs(sp, s.byline) + runs
        style = _unindented(pstyle) if i == 0 and s.continued else pstyle
        if s.credit and i == len(s.paragraphs) - 1:
            style = replace(style, fill_last=FILL_LAST_BEFORE_CREDIT)
        lines.extend(BodyLine(ln, "body") for ln in compose_paragraph(runs, width, style, sp.fonts).lines)
    if s.credit:
        credit = credit_lines(s.credit, sp.style("credit"), width, sp.fonts)
        # one block: its lines stay in one column (a name list split over two
        # columns reads as two credits, and the second as a stray line)
        lines.extend(BodyLine(ln, "credit", (), Keep.WITH_NEXT if i < len(credit) - 1 else Keep.NONE)
                     for i, ln in enumerate(credit))
    if s.jump_to is not None:  # （下转第N版） closes the part (model.jumps)
        lines.append(BodyLine(kind_line(JumpKind.DOWN, s.jump_to, sp.styles, width, sp.fonts), JumpKind.DOWN))
    return lines


def body_line_count(sp: StoryPlacement, width: float) -> int:
    """``len(body_lines(sp, width))`` without setting the lines (copyfit, ``measure_story``)."""
    s = sp.story
    body = sp.style("body")
    pstyle = body.paragraph_style()
    count = flow_line_count(sp, width, _byline_runs(sp, s.byline) if s.byline else []) if s.flow else 0
    for i, text in enumerate(() if s.flow else s.paragraphs):
        runs = [Run(text, body.face, body.size, body.tracking)]
        if i == 0 and s.byline:
            runs = _byline_runs(sp, s.byline) + runs
        count += count_lines(runs, width, _unindented(pstyle) if i == 0 and s.continued else pstyle, sp.fonts)
    if s.credit:
        count += credit_line_count(s.credit, sp.style("credit"), width, sp.fonts)
    return count + (s.jump_to is not None)  # a jump line is one line, never split


def credit_lines(text: str, style: TextStyle, width: float, fonts: FontSet) -> list[Line]:
    """The credit (``（李宇志 高华明 罗晖静）``) set flush right.  It is a list of
    names: taking more than one line, it breaks between names, at a space, never
    inside a name (``…高华明 罗|晖静）`` read as two people; a compositor moves the
    whole name down).  Each line is then composed alone, as a headline given as
    lines is; a name wider than the line keeps the composer's breaks."""
    lines = compose_text(text, style, width, fonts, align="right")
    if len(lines) < 2 or all(_between_names(text, ln.end) for ln in lines[:-1]):
        return lines
    groups = _name_groups(text, style, width, fonts)
    if groups is None:
        return lines
    return [ln for g in groups for ln in compose_text(g, style, width, fonts, align="right")]


def credit_line_count(text: str, style: TextStyle, width: float, fonts: FontSet) -> int:
    """``len(credit_lines(...))``, setting the lines only when the credit wraps."""
    n = count_text(text, style, width, fonts, align="right")
    return n if n < 2 else len(credit_lines(text, style, width, fonts))


def _between_names(text: str, end: int) -> bool:
    """Does a line ending before ``text[end]`` break at a space (between names)?"""
    return end >= len(text) or text[end].isspace() or text[end - 1].isspace()


def _name_groups(text: str, style: TextStyle, width: float, fonts: FontSet) -> list[str] | None:
    """``text`` cut at spaces into the fewest one-line pieces, filled first to last
    (the spaces at a cut are dropped, as at any line break); None when one name
    alone does not fit the line."""
    words = re.split(r"(\s+)", text.strip())
    groups: list[str] = []
    cur = words[0]
    for gap, word in zip(words[1::2], words[2::2], strict=True):
        if count_text(cur + gap + word, style, width, fonts, align="right") == 1:
            cur += gap + word
        else:
            groups.append(cur)
            cur = word
    groups.append(cur)
    if any(count_text(g, style, width, fonts, align="right") != 1 for g in groups):
        return None
    return groups


def _jump_at_end(lines: list[BodyLine]) -> bool:
    """Whether the body ends with a jump line: balanced columns set it at the foot
    of its column (``flow.fill``'s ``foot``)."""
    return bool(lines) and lines[-1].kind == JumpKind.DOWN


def _keeps(lines: list[BodyLine]) -> list[Keep] | None:
    """Per line, whether it is kept with the next one (None: no line is)."""
    keeps = [bl.keep for bl in lines]
    return keeps if any(keeps) else None


def _unindented(style: ParagraphStyle) -> ParagraphStyle:
    """A paragraph continued from another page (``Story.continued``): no indent."""
    return replace(style, indent=0.0)


def _byline_runs(sp: StoryPlacement, byline: str) -> list[Run]:
    """本报讯 in the byline face; the bracketed reporters after it in the body face
    (typography.md §7)."""
    body, by = sp.style("body"), sp.style("byline")
    opener, rest = _split_opener(byline)
    runs = [Run(opener, by.face, body.size, by.tracking)]
    if rest:
        runs.append(Run(rest, body.face, body.size, body.tracking))
    runs.append(Run(BYLINE_GAP, body.face, body.size))
    return runs


def _split_opener(byline: str) -> tuple[str, str]:
    for i, ch in enumerate(byline):
        if ch in " \u3000(（":
            return byline[:i], byline[i:]
    return byline, ""


def _photo_block(sp: StoryPlacement, photo: Photo, first_row: int, last_row: int) -> None:
    """Draw a picture and its caption in its block (rows: ``_photo_rows``)."""
    cols = photo.columns or Span(1, len(sp.columns))
    x0, x1 = _span_x(sp, cols)
    top, bottom = first_row + photo.rows.first - 1, first_row + photo.rows.last - 1
    bottom = min(bottom, last_row)
    if bottom < last_row:
        bottom -= 1  # a blank grid line between the picture block and the text below
    cap_style = sp.style("caption")
    caption = _caption_lines(sp, photo, x1 - x0)
    img_bottom_row = bottom - len(caption)
    geo = sp.geo
    rect = Rect(x0, geo.row_bottom(img_bottom_row) + (geo.leading - geo.em) / 2, x1,
                geo.row_top(top) - (geo.leading - geo.em) / 2)
    if rect.height > 0:
        sp.items.append(ImageItem(photo.file, rect, photo.fit, photo.placeholder, sp.story.id, photo.pixel_size))
    for line, base in zip(caption, row_baselines(geo, img_bottom_row + 1, len(caption), cap_style.size), strict=True):
        sp.text(line, x0, base, "caption", cap_style)


def _caption_lines(sp: StoryPlacement, photo: Photo, width: float) -> list[Line]:
    """The caption, and the photo credit after it in the photo-credit style
    (（本报记者 某某摄）), composed as one paragraph."""
    cap_style = sp.style("caption")
    if not photo.credit:
        return compose_text(photo.caption, cap_style, width, sp.fonts) if photo.caption else []
    cr = sp.style("photo-credit")
    runs = [Run(photo.caption, cap_style.face, cap_style.size, cap_style.tracking)] if photo.caption else []
    runs.append(Run(photo.credit, cr.face, cap_style.size, cr.tracking))
    return list(compose_paragraph(runs, width, cap_style.paragraph_style(), sp.fonts).lines)


def _photo_rows(sp: StoryPlacement, first_row: int, last_row: int, top: int | None = None) -> dict[int, set[int]]:
    """Text column (0-based) -> grid rows its pictures take (``top``: the story's
    top row when text stands beside the headline group, ``photo_origin``)."""
    blocked: dict[int, set[int]] = {}
    for photo in sp.story.photos:
        cols = photo.columns or Span(1, len(sp.columns))
        origin = photo_origin(sp.story, photo, first_row, first_row if top is None else top)
        rows = set(range(origin + photo.rows.first - 1, min(origin + photo.rows.last - 1, last_row) + 1))
        for c in range(cols.first - 1, cols.last):
            blocked.setdefault(c, set()).update(rows)
    return blocked


def photo_origin(story: Story, photo: Photo, under: int, top: int) -> int:
    """The row a picture's ``rows`` count from: the first row under the headline
    group -- or, in a 文包题 story (``beside_head``), the story's ``top`` row for a
    picture whose columns all lie right of the group: it stands beside the group
    at the top of its columns, as text there does (page-layout.md rule 7: beside
    the text, never between a headline and its text)."""
    if beside_head(story) and photo.columns is not None and story.headline_columns is not None \
            and photo.columns.first > story.headline_columns.last:
        return top
    return under


def beside_head(story: Story) -> bool:
    """Whether the text columns right of the headline group start at the story's
    top, beside it (文包题: ``head_beside`` with ``headline_columns`` short of the
    last text column)."""
    return bool(story.head_beside and story.headline_columns is not None
                and story.headline_columns.last < story.text_columns)


def _place_body(sp: StoryPlacement, lines: list[BodyLine], first_row: int, last_row: int,
                head: tuple[int, int] | None = None) -> StoryResult:
    """The body lines poured into the text columns from ``first_row`` around the
    pictures; ``head``: (top row, first row under it) of a headline group the
    columns right of it stand beside (``beside_head``): those columns start at
    its top row, the ones under it below it."""
    s, geo = sp.story, sp.geo
    top = first_row if head is None else head[0]
    blocked = _photo_rows(sp, first_row, last_row, top)
    if head is not None:
        top, under = head
        span = s.headline_columns or Span(1, len(sp.columns))
        for c in range(span.first - 1, span.last):
            blocked.setdefault(c, set()).update(range(top, under))
    slots = column_slots(sp.columns, range(top, last_row + 1), blocked)
    taken = fill(slots, len(lines), s.balance, _keeps(lines), foot=_jump_at_end(lines))
    body_style = sp.style("body")
    for (line, kind, dots, _keep), slot in zip(lines, taken, strict=False):
        style = sp.style(kind) if kind == "subhead" else jump_style(sp.styles) if kind == JumpKind.DOWN else body_style
        base = geo.baseline(slot.row) if style.size == body_style.size else geo.baseline(slot.row, style.size)
        sp.text(line, slot.x, base, kind, style)
        if dots:
            sp.items.append(dots_item(line, slot.x, base, dots, s.id, body_style.color))
    for photo in s.photos:  # after the text: captions come last in reading order
        _photo_block(sp, photo, photo_origin(s, photo, first_row, top), last_row)
    over = [bl.line for bl in lines[len(taken):]]
    per_col = tuple(sum(1 for t in taken if t.column == c) for c in range(len(sp.columns)))
    free = min((len(col) - per_col[c] for c, col in enumerate(slots)), default=0)
    frame = geo.area(s.columns, s.rows)
    result = StoryResult(
        id=s.id, frame=frame, body_lines=len(lines), lines_over=len(over),
        chars_over=sum(len(ln.text.replace(" ", "")) for ln in over),
        text_over="".join(ln.text for ln in over)[:40], rows_free=max(free, 0), columns_used=per_col,
        room=tuple(len(col) for col in slots))
    if over:
        sp.problems.append(Problem(ProblemKind.OVERFLOW, s.id, f"story {s.id!r}: {len(over)} lines "
                                   f"({result.chars_over} characters) do not fit, from "
                                   f"{result.text_over[:12]!r}"))
    elif lines:
        sp.problems.extend(underfill_problems(s.id, [len(col) for col in slots], per_col))
    return result


def _place_rules(sp: StoryPlacement) -> None:
    s, geo = sp.story, sp.geo
    a = geo.area(s.columns, s.rows)
    half = geo.leading / 2
    if "below" in s.rules:
        y = a.y0 + half
        sp.items.append(RuleItem(a.x0, y, a.x1, y, RULE_WIDTH, story=s.id))
    if "above" in s.rules:
        y = a.y1 - half
        sp.items.append(RuleItem(a.x0, y, a.x1, y, RULE_WIDTH, story=s.id))
    g = geo.gutter / 2
    if "right" in s.rules:
        sp.items.append(RuleItem(a.x1 + g, a.y0, a.x1 + g, a.y1, RULE_WIDTH, story=s.id))
    if "left" in s.rules:
        sp.items.append(RuleItem(a.x0 - g, a.y0, a.x0 - g, a.y1, RULE_WIDTH, story=s.id))
    if s.box:
        sp.items.append(BoxItem(Rect(a.x0 - g, a.y0, a.x1 + g, a.y1), RULE_WIDTH, None, (0, 0, 0, 1), s.id))
