"""Galley proofs (长条校样): a story's text set in columns of the page's measure,
page after page, before it is placed on a page.

Why it exists: a newspaper proofs the composition of a story -- line breaks,
punctuation, justification -- independently of the page.  The galley uses the
same composer and the same line drawing as the page engine, so what the proof
shows is what the page will get.

Input is plain text: paragraphs separated by blank lines, or, in a file without
blank lines, one paragraph per line; a line starting with a lead bullet always
starts a paragraph (leads are often listed on consecutive lines).  Leading indentation (ASCII or full-width
spaces) is dropped: the composer indents (spec typography.md §4).  A paragraph
starting with ■ is a lead and hangs; one starting with 本报讯 sets that opener in
hei (spec §7).  Every paragraph is body text; there is no space between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from layout.compose import ComposedParagraph, ParagraphStyle, Run, compose_paragraph
from layout.fonts import FontSet
from layout.records import record
from layout.units import PT_PER_MM

if TYPE_CHECKING:
    from layout.render.display import DisplayPage

MAX_TEXT_BYTES = 16 * 1024 * 1024  # a galley is one story; a novel is ~1 MB

LEAD_BULLETS = "■□●◆▲★"  # a paragraph starting with one of these is a lead (§4)
BYLINE_OPENERS = ("本报讯",)  # set in the byline face (spec §7)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@record
class GalleySpec:
    """Geometry and style of a galley; lengths in pt."""

    measure: float
    size: float = 9.0
    leading: float = 1.5  # factor of size: the baseline pitch is size * leading
    columns: int = 1
    gutter: float = 18.0
    page_height: float = 297 * PT_PER_MM
    margin: float = 36.0
    kinsoku: str = "basic"
    punct: str = "gb"
    face: str = "song"
    byline_face: str = "hei"

    @property
    def pitch(self) -> float:
        return self.size * self.leading

    @property
    def page_width(self) -> float:
        return 2 * self.margin + self.columns * self.measure + (self.columns - 1) * self.gutter

    def lines_per_column(self) -> int:
        return max(1, int((self.page_height - 2 * self.margin - self.size) // self.pitch) + 1)


@record
class Paragraph:
    text: str
    lead: bool = False
    line: int = 0  # 1-based line of the source where it starts (for messages)


def read_text(path: str | Path) -> str:
    """The file as text; a file that is not UTF-8 is refused with the byte offset."""
    from layout.errors import Location
    from layout.files import read_input
    from layout.textfile import check_text_chars, decode_utf8

    text = decode_utf8(read_input(path, "text", MAX_TEXT_BYTES), str(path))
    check_text_chars(text, Location(str(path)), in_file=True)
    return text


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines; without any blank line, one per line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blank = any(not ln.strip() for ln in lines[1:-1]) if len(lines) > 2 else False
    out: list[Paragraph] = []
    cur: list[str] = []
    start = 0
    for no, raw in enumerate(lines, 1):
        ln = raw.strip(" \t\u3000\u00a0")
        if not ln:
            _close(out, cur, start)
            cur = []
            continue
        if not blank:
            out.append(_paragraph(ln, no))
            continue
        if cur and ln[0] in LEAD_BULLETS:  # consecutive leads are separate paragraphs
            _close(out, cur, start)
            cur = []
        if not cur:
            start = no
        cur.append(ln)
    _close(out, cur, start)
    return out


def _close(out: list[Paragraph], cur: list[str], start: int) -> None:
    if cur:
        text = cur[0]
        for ln in cur[1:]:
            # a line break inside Chinese text is not a space; between Latin words it is
            sep = "" if _CJK.match(text[-1]) or _CJK.match(ln[0]) else " "
            text += sep + ln
        out.append(_paragraph(text, start))


def _paragraph(text: str, line: int) -> Paragraph:
    return Paragraph(text, text[0] in LEAD_BULLETS, line)


def paragraph_runs(par: Paragraph, spec: GalleySpec) -> list[Run]:
    for opener in BYLINE_OPENERS:
        if par.text.startswith(opener) and not par.lead:
            rest = par.text[len(opener):]
            runs = [Run(opener, spec.byline_face, spec.size)]
            return runs + [Run(rest, spec.face, spec.size)] if rest else runs
    return [Run(par.text, spec.face, spec.size)]


# A last line within this many em of full is justified when the next paragraph
# starts unindented (a lead): otherwise it would read as running on into it.
FILL_LAST_BEFORE_LEAD = 1.0


def paragraph_style(par: Paragraph, spec: GalleySpec, next_lead: bool = False) -> ParagraphStyle:
    fill = FILL_LAST_BEFORE_LEAD if next_lead else 0.0
    if par.lead:
        return ParagraphStyle(indent=0.0, kinsoku=spec.kinsoku, punct=spec.punct, hanging=True, fill_last=fill)
    return ParagraphStyle(indent=2.0, kinsoku=spec.kinsoku, punct=spec.punct, fill_last=fill)


def compose_galley(paragraphs: Sequence[Paragraph], spec: GalleySpec, fonts: FontSet) -> list[ComposedParagraph]:
    out = []
    for k, par in enumerate(paragraphs):
        next_lead = k + 1 < len(paragraphs) and paragraphs[k + 1].lead
        style = paragraph_style(par, spec, next_lead)
        out.append(compose_paragraph(paragraph_runs(par, spec), spec.measure, style, fonts))
    return out


def galley_pages(composed: Sequence[ComposedParagraph], spec: GalleySpec, fonts: FontSet) -> list[DisplayPage]:
    """The galley's pages as display pages: lines flow down the columns, page after
    page, every baseline on one grid (spec §5); the last page's columns are
    balanced (equal but for one line)."""
    from layout.render.display import BLACK, DisplayPage, TextRun
    from layout.render.marks import PageBoxes

    boxes = PageBoxes(spec.page_width, spec.page_height, 0.0, 0.0)
    per_col = spec.lines_per_column()
    ascent = fonts.face(spec.face).ascent * spec.size
    top = spec.page_height - spec.margin - ascent
    lines = [line for cp in composed for line in cp.lines]
    per_page = per_col * spec.columns
    pages = []
    for first in range(0, max(len(lines), 1), per_page):
        page = lines[first:first + per_page]
        depth = per_col if len(page) == per_page else -(-len(page) // spec.columns)
        runs = []
        for slot, line in enumerate(page):
            col, row = divmod(slot, depth)
            x = spec.margin + col * (spec.measure + spec.gutter)
            runs.append(TextRun(line, x, top - row * spec.pitch, BLACK, kind="body"))
        pages.append(DisplayPage(boxes, fonts, tuple(runs)))
    return pages


def render_galley(composed: Sequence[ComposedParagraph], spec: GalleySpec, fonts: FontSet,
                  title: str = "galley") -> bytes:
    """The galley PDF (``galley_pages`` painted by the PDF backend).  Deterministic
    bytes (ReportLab invariant mode)."""
    from layout.render.pdfbackend import PdfOptions, write_pdf

    return write_pdf(galley_pages(composed, spec, fonts),
                     PdfOptions(title=title, creator="layout galley", producer=None)).pdf
