"""Placers for the story elements of the content form and for page items.

One placer per kind, each ``(sp, element, ...)`` -> lines or the next free row:

- paragraph with inline marks: runs in the mark's face (黑体 / 楷体) composed like
  any text (kinsoku, compression, justification: the composer sees only runs), and
  the 着重号 as ``DotsItem`` under the marked characters (clreq §3.3: one dot centred
  below each character, punctuation excepted);
- subhead (小标题): its lines in the subhead style, one grid row each, kept with the
  first two lines of its paragraph (``place.flow.fill``'s keep rule): it never ends a
  column, nor stands over a single line at a column's foot;
- box (编者按 / 核心阅读): a frame across its text columns after the headline group,
  title and text one grid row per line, a blank row after it;
- page items: a picture on the grid, an ad slot (a picture, or a PDF ad placed as a
  form by the renderer), a framed text box (导读).

Every line sits on the page-wide baseline grid (typography.md §5).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from layout.compose import compose_paragraph, count_lines
from layout.compose.classes import PUNCTUATION_CLASSES, classify
from layout.compose.model import Line, Run
from layout.fonts import FontSet
from layout.model.elements import AdSlot, BoxNote, PageImage, PageItem, Paragraph, Subhead, TextBox
from layout.model.geometry import Geometry, Rect
from layout.model.markup import faces_and_dots
from layout.model.types import PageLayout, Span, TextStyle
from layout.place.blocks import compose_balanced, compose_text, count_text
from layout.place.flow import Keep
from layout.place.items import BoxItem, DotsItem, FormItem, ImageItem, Item, Problem, ProblemKind, TextItem

if TYPE_CHECKING:
    from layout.place.story import StoryPlacement

BOX_PAD_EM = 1.0  # body ems between a box's frame and its text, left and right
BOX_RULE = 0.5  # pt
DOT_RADIUS_EM = 0.09  # 着重号: a small round dot ...
DOT_DROP_EM = 0.26  # ... centred this far below the baseline (under the em box, clear of the next line)
# Quotation marks keep the paragraph's face in an emphasised run, and are never set in
# 楷体: they stay full-width marks (GB/T 15834); the house Kai face (LXGW WenKai) draws
# “ ” ‘ ’ as narrow Latin quotes (0.35 em), so in a 楷体 paragraph (a 编者按 / 核心阅读
# box) they take the 黑体's full-width quotes.  Not the body's 书宋: a body-face glyph
# alone in a line of another face reads, to a checker that finds the body columns by
# their face (pdfcheck), as a one-glyph column that splits the line before it.
BASE_FACE_MARKS = frozenset("“”‘’")
NARROW_QUOTES_FACE = "kai"
QUOTE_FACE = "hei"


class BodyLine(NamedTuple):
    """A line of a story's body flow: its kind (body, subhead, credit), the glyph
    indices that carry an emphasis dot, and whether it is kept with the next line in
    the same column (``place.flow.Keep``: a subhead's lines, and softly the first line
    of the paragraph after it)."""

    line: Line
    kind: str
    dots: tuple[int, ...] = ()
    keep: Keep = Keep.NONE


# ----------------------------------------------------------------- paragraphs with marks
def marked_runs(para: Paragraph, style: TextStyle, size: float | None = None) -> list[Run]:
    """The paragraph as runs: each mark's characters in its face, the rest in
    ``style``'s; quotation marks in the paragraph's face, or in 黑体 where that is 楷体
    (``BASE_FACE_MARKS``)."""
    size = size or style.size
    kai = style.face == NARROW_QUOTES_FACE
    if not para.marks and not (kai and any(ch in BASE_FACE_MARKS for ch in para.text)):
        return [Run(para.text, style.face, size, style.tracking)]
    faces = faces_and_dots(len(para.text), para.marks, style.face)[0] if para.marks else [style.face] * len(para.text)
    quote_face = QUOTE_FACE if kai else style.face
    for i, ch in enumerate(para.text):
        if ch in BASE_FACE_MARKS:
            faces[i] = quote_face
    runs: list[Run] = []
    start = 0
    for i in range(1, len(faces) + 1):
        if i == len(faces) or faces[i] != faces[start]:
            runs.append(Run(para.text[start:i], faces[start], size, style.tracking))
            start = i
    return runs


def dotted_glyphs(para: Paragraph, line: Line) -> tuple[int, ...]:
    """Indices of ``line``'s glyphs that carry a 着重号 (marked, and not punctuation:
    clreq leaves marks undotted)."""
    _, dots = faces_and_dots(len(para.text), para.marks, "")
    if not any(dots[line.start:line.end]):
        return ()
    out: list[int] = []
    j = line.start
    for i, ch in enumerate(line.chars):
        while j < len(para.text) and para.text[j] != ch:
            j += 1
        if j < len(para.text) and dots[j] and classify(ch) not in PUNCTUATION_CLASSES and not ch.isspace():
            out.append(i)
        j += 1
    return tuple(out)


# A paragraph's last line this close to full (em) is justified when an unindented
# line in the body face follows it -- a credit that fills its line, （作者为…）: flush
# left it would read as the paragraph running on (compose.model.ParagraphStyle.fill_last).
FILL_LAST_BEFORE_CREDIT = 1.0


def paragraph_lines(para: Paragraph, width: float, style: TextStyle, fonts: FontSet,
                    lead: list[Run] | None = None, fill_last: float = 0.0) -> list[BodyLine]:
    """A paragraph with its marks set in ``style`` (``lead``: runs set before it,
    the inline byline; ``fill_last``: see ``FILL_LAST_BEFORE_CREDIT``)."""
    runs = [*(lead or ()), *marked_runs(para, style)]
    pstyle = style.paragraph_style()
    if fill_last:
        pstyle = replace(pstyle, fill_last=fill_last)
    lines = compose_paragraph(runs, width, pstyle, fonts).lines
    if not any(e.mark.value == "dot" for e in para.marks):
        return [BodyLine(ln, "body") for ln in lines]
    opener = "".join(r.text for r in lead or ())
    shifted = Paragraph(opener + para.text, tuple(_moved(e, len(opener)) for e in para.marks))
    return [BodyLine(ln, "body", dotted_glyphs(shifted, ln)) for ln in lines]


def _moved(e, shift: int):
    return replace(e, start=e.start + shift, end=e.end + shift)


def subhead_lines(sp: StoryPlacement, sub: Subhead, width: float) -> list[BodyLine]:
    """The subhead's lines, each line of it broken as a display line is
    (``compose_balanced``: by sense where the style breaks by words, else evenly,
    never leaving one or two characters alone on a line: 二、把实事办到 / 群众心坎上,
    not 二、把实事办到群众心 / 坎上).  The line count is the plain composition's, so
    the automatic layout's measure holds."""
    style = sp.style("subhead")
    out = []
    for text in sub.lines:
        lines, dx = compose_balanced([text], style, width, sp.fonts)
        out.extend(BodyLine(_shifted(ln, dx, width), "subhead", keep=Keep.WITH_NEXT) for ln in lines)
    return out


def _shifted(line: Line, dx: float, width: float) -> Line:
    """``line`` set ``dx`` pt further right, in a measure of ``width``."""
    if not dx:
        return line
    return replace(line, xs=tuple(x + dx for x in line.xs), lefts=tuple(x + dx for x in line.lefts), measure=width)


def flow_lines(sp: StoryPlacement, width: float, lead: list[Run]) -> list[BodyLine]:
    """The story's flow (paragraphs with marks, subheads) as body lines in order;
    ``lead`` (the inline byline) opens the first paragraph."""
    out: list[BodyLine] = []
    first = True
    flow = sp.story.flow
    last = max((i for i, el in enumerate(flow) if not isinstance(el, Subhead)), default=-1)
    for i, el in enumerate(flow):
        if isinstance(el, Subhead):
            out.extend(subhead_lines(sp, el, width))
            continue
        fill = FILL_LAST_BEFORE_CREDIT if sp.story.credit and i == last else 0.0
        lines = paragraph_lines(el, width, _body_style(sp, i), sp.fonts, lead if first else None, fill)
        if out and out[-1].kind == "subhead" and len(lines) > 1:
            lines[0] = BodyLine(lines[0].line, "body", lines[0].dots, Keep.SOFT)  # a subhead stands over two lines
        out.extend(lines)
        first = False
    return out


def flow_line_count(sp: StoryPlacement, width: float, lead: list[Run]) -> int:
    """``len(flow_lines(...))`` without setting the lines."""
    body, sub = sp.style("body"), sp.style("subhead")
    n, first = 0, True
    for i, el in enumerate(sp.story.flow):
        if isinstance(el, Subhead):
            n += sum(count_text(t, sub, width, sp.fonts) for t in el.lines)
        else:
            runs = [*(lead if first else ()), *marked_runs(el, body)]
            n += count_lines(runs, width, _body_style(sp, i).paragraph_style(), sp.fonts)
            first = False
    return n


def _body_style(sp: StoryPlacement, i: int) -> TextStyle:
    """The body style for flow element ``i``: a paragraph carried on from another
    page mid-way (``Story.continued``, the first element of a continuation) has no
    first-line indent -- it is not a new paragraph (typography.md §4)."""
    body = sp.style("body")
    if i == 0 and sp.story.continued:
        return replace(body, indent=0.0)
    return body


def dots_item(line: Line, x: float, baseline: float, dots: tuple[int, ...], story: str | None,
              color) -> DotsItem:
    """着重号 under glyphs ``dots`` of ``line`` drawn at ``x``, ``baseline``."""
    centres = tuple(x + line.lefts[i] + line.advances[i] / 2 for i in dots)
    size = max(line.sizes[i] for i in dots)
    return DotsItem(centres, baseline - DOT_DROP_EM * size, DOT_RADIUS_EM * size, story, color)


# ----------------------------------------------------------------- boxes (编者按 / 核心阅读)
def place_boxes(sp: StoryPlacement, row: int) -> int:
    """Every box of the story from ``row``; returns the next free row."""
    for box in sp.story.boxes:
        row = place_box(sp, box, row)
    return row


def box_rows(sp: StoryPlacement, box: BoxNote) -> tuple[list[BodyLine], float, float]:
    """The box's lines (title first) and its frame's x extent."""
    cols = box.columns or _group_span(sp)
    x0, x1 = sp.columns[cols.first - 1][0], sp.columns[cols.last - 1][1]
    pad = BOX_PAD_EM * sp.geo.em
    width = x1 - x0 - 2 * pad
    lines: list[BodyLine] = []
    if box.title:
        lines.extend(BodyLine(ln, "box-title") for ln in compose_text(box.title, sp.style("box-title"), width,
                                                                       sp.fonts))
    style = sp.style("box")
    for para in box.paragraphs:
        lines.extend(BodyLine(b.line, "box", b.dots) for b in paragraph_lines(para, width, style, sp.fonts))
    return lines, x0, x1


def _group_span(sp: StoryPlacement) -> Span:
    """The text columns a box spans by default: all of them, or the headline
    group's when text stands beside the group (文包题, ``place.story.beside_head``):
    the box is part of the group, under its headline."""
    s = sp.story
    if s.head_beside and s.headline_columns is not None and s.headline_columns.last < len(sp.columns):
        return s.headline_columns
    return Span(1, len(sp.columns))


def place_box(sp: StoryPlacement, box: BoxNote, row: int) -> int:
    lines, x0, x1 = box_rows(sp, box)
    geo = sp.geo
    pad = BOX_PAD_EM * geo.em
    frame = Rect(x0, geo.row_bottom(row + len(lines) - 1), x1, geo.row_top(row))
    sp.items.append(BoxItem(frame, BOX_RULE, None, sp.style("box").color, sp.story.id))
    for i, bl in enumerate(lines):
        style = sp.style(bl.kind)
        base = geo.baseline(row + i, style.size)
        sp.text(bl.line, x0 + pad, base, bl.kind, style)
        if bl.dots:
            sp.items.append(dots_item(bl.line, x0 + pad, base, bl.dots, sp.story.id, style.color))
    return row + len(lines) + 1  # a blank grid row between the box and what follows


# ----------------------------------------------------------------- page items
def place_items(layout: PageLayout, geo: Geometry, fonts: FontSet) -> tuple[list[Item], list[Problem]]:
    """Every page item's drawing items, in the order written, and what to report
    (text that does not fit its box: never dropped silently)."""
    out: list[Item] = []
    problems: list[Problem] = []
    for item in layout.items:
        out.extend(PLACERS[type(item)](item, layout, geo, fonts))
        if isinstance(item, TextBox):
            over = _text_box_line_count(item, layout, geo, fonts) - item.rows.count
            if over > 0:
                problems.append(Problem(ProblemKind.OVERFLOW, item.id, f"text box {item.id!r}: {over} lines do not fit "
                                        f"its {item.rows.count} rows"))
    return out, problems


def _inset(geo: Geometry, columns: Span, rows: Span) -> Rect:
    """The item's grid area with the half line gap above and below taken off, as a
    photo's frame (the ink lines up with the text beside it)."""
    a = geo.area(columns, rows)
    gap = (geo.leading - geo.em) / 2
    return Rect(a.x0, a.y0 + gap, a.x1, a.y1 - gap)


def place_image(item: PageImage, layout: PageLayout, geo: Geometry, fonts: FontSet) -> list[Item]:
    return [ImageItem(item.file, _inset(geo, item.columns, item.rows), item.fit, False, None, item.pixel_size)]


def place_ad(item: AdSlot, layout: PageLayout, geo: Geometry, fonts: FontSet) -> list[Item]:
    rect = _inset(geo, item.columns, item.rows)
    if item.pdf:
        return [FormItem(item.file, rect, item.size)]
    size = (int(item.size[0]), int(item.size[1]))
    return [ImageItem(item.file, rect, "fit", False, None, size)]


def place_text_box(item: TextBox, layout: PageLayout, geo: Geometry, fonts: FontSet) -> list[Item]:
    """导读: a frame over the item's grid area, title and paragraphs one row per line
    from its first row; lines that do not fit are reported by ``place_items``."""
    a = geo.area(item.columns, item.rows)
    pad = BOX_PAD_EM * geo.em
    x0, width = a.x0 + pad, a.x1 - a.x0 - 2 * pad
    styles = layout.styles
    lines: list[BodyLine] = []
    if item.title:
        lines.extend(BodyLine(ln, "textbox-title") for ln in compose_text(item.title, styles["textbox-title"],
                                                                           width, fonts))
    for para in item.paragraphs:
        lines.extend(BodyLine(b.line, "textbox", b.dots)
                     for b in paragraph_lines(para, width, styles["textbox"], fonts))
    out: list[Item] = [BoxItem(Rect(a.x0, a.y0, a.x1, a.y1), BOX_RULE, None, styles["textbox"].color, item.id)]
    for i, bl in enumerate(lines[: item.rows.count]):
        style = styles[bl.kind]
        base = geo.baseline(item.rows.first + i, style.size)
        out.append(TextItem(bl.line, x0, base, bl.kind, item.id, style.color))
        if bl.dots:
            out.append(dots_item(bl.line, x0, base, bl.dots, item.id, style.color))
    return out


def _text_box_line_count(item: TextBox, layout: PageLayout, geo: Geometry, fonts: FontSet) -> int:
    a = geo.area(item.columns, item.rows)
    width = a.x1 - a.x0 - 2 * BOX_PAD_EM * geo.em
    styles = layout.styles
    n = count_text(item.title, styles["textbox-title"], width, fonts) if item.title else 0
    body = styles["textbox"]
    for para in item.paragraphs:
        n += count_lines(marked_runs(para, body), width, body.paragraph_style(), fonts)
    return n


PLACERS = {PageImage: place_image, AdSlot: place_ad, TextBox: place_text_box}


def item_area(item: PageItem, geo: Geometry) -> Rect:
    return geo.area(item.columns, item.rows)
