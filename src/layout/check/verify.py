"""Fidelity of a reprint: does the PDF hold exactly the archive's text? (issue 6)

``verify(pdf, source)`` reads the PDF's characters back (pdfplumber, in content-
stream order: our renderer writes text in reading order) and compares them with
the archive after the importer's own normalisation (``layout.archive.normalize``),
white space ignored.  Every character lost, added or moved is reported with its
position in the archive (line:column, element) and in the PDF (page, x, y).

What is *not* a difference:
- white space and zero-width marks (layout decides spacing);
- compatibility forms that only a PDF's text extraction produces: Latin ligatures
  (ﬁ), CJK compatibility ideographs, Kangxi radicals, vertical presentation forms.
  These, and only these, are NFKC-folded on both sides; full-width punctuation is
  *not* folded, so a reprint that lost the normalisation (，→ ,) is caught;
- a whole element moved by the layout format's reading order (a label set beside
  its headline, captions drawn with their photos, a byline line after leads, a
  whole story placed elsewhere, the page's name, page line or credits set in a
  报眉 -- of any page: a page file's 报眉 repeats the header) or a story's tail
  continued later (on a second page): these are listed as "reordered", not as
  differences;
- continuation lines the layout adds (（下转第2版）, （上接第1版）) and the page header
  repeated on a continuation page: listed as allowed.
``strict_order=True`` makes every move a difference.

The alignment is the minimal edit script when the PDF differs in few places, else
difflib's (``verify_align``); deleted and inserted runs holding the same text are
then paired into moves, longest first.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from layout.check.verify_align import align
from layout.errors import LayoutError, Location

CONTEXT = 8  # visible characters shown either side of a difference
MIN_SPLIT = 4  # a common stretch of two unpaired runs this long is a moved piece
PAIR_LIMIT = 40
SLOP = 4  # characters the aligner may shift a moved element's edge by (要闻 / 见闻 matched across)  # unpaired runs compared pairwise, longest first (bounds the work)
SHOW = 24  # a long run is shown by its ends in the human report (the JSON has it whole)
# text a layout may add on its own: continuation (jump) lines
ALLOWED_ADDITIONS = re.compile(r"[（(]?(?:下转|上接|转|接)第?[0-9一二三四五六七八九十]+版[）)]?")
# element kinds that are not the running text: the layout places them on its own
FLOATING = ("name", "header", "label", "kicker", "headline", "subtitle", "leads", "byline_line",
            "credit", "captions")
# the page's own text the layout prints in the 报眉 of whichever page (an archive's
# page credits, 版式设计 / 责任编辑, come last in it but print at the top)
HEADER_KINDS = ("name", "header")
IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def fold(ch: str) -> str:
    """NFKC only for forms that PDF extraction legitimately produces (see module
    doc); everything else is compared exactly."""
    o = ord(ch)
    if (0xFB00 <= o <= 0xFB06 or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F
            or 0x2F00 <= o <= 0x2FDF or 0x2E80 <= o <= 0x2EFF or 0xFE10 <= o <= 0xFE19
            or 0xFE30 <= o <= 0xFE4F):
        return unicodedata.normalize("NFKC", ch)
    return ch


def _visible(ch: str) -> bool:
    return not ch.isspace() and ch not in IGNORABLE


@dataclass(frozen=True)
class SourceChar:
    """A visible archive character: its text (folded), line and column in the
    archive, and the element it belongs to (``stories.3.captions.1``)."""

    ch: str
    line: int
    column: int
    element: str


@dataclass(frozen=True)
class PdfChar:
    """A visible PDF character: text, 1-based page, x and y (pt from the page's
    top-left, as pdfplumber measures)."""

    ch: str
    page: int
    x: float
    y: float


@dataclass(frozen=True)
class Difference:
    """``kind``: lost (in the archive, not in the PDF), added (in the PDF only) or
    moved (both, elsewhere).  ``source``/``element``: where in the archive;
    ``page``/``x``/``y``/``pdf_index``: where in the PDF; contexts mark the text
    with 【】."""

    kind: str
    text: str
    source: str | None = None
    element: str | None = None
    context: str = ""
    page: int | None = None
    x: float | None = None
    y: float | None = None
    pdf_index: int | None = None
    pdf_context: str = ""


@dataclass(frozen=True)
class VerifyReport:
    pdf: str
    source: str
    encoding: str
    source_chars: int
    pdf_chars: int
    differences: tuple[Difference, ...]
    reordered: tuple[Difference, ...] = ()
    allowed: tuple[Difference, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def identical(self) -> bool:
        return not self.differences

    def count(self, kind: str) -> int:
        return sum(len(d.text) for d in self.differences if d.kind == kind)

    def to_json(self) -> dict[str, Any]:
        def rows(items: tuple[Difference, ...]) -> list[dict[str, Any]]:
            return [{k: v for k, v in d.__dict__.items() if v not in (None, "")} for d in items]

        return {"pdf": self.pdf, "source": self.source, "encoding": self.encoding,
                "source_chars": self.source_chars, "pdf_chars": self.pdf_chars, "identical": self.identical,
                "lost": self.count("lost"), "added": self.count("added"), "moved": self.count("moved"),
                "differences": rows(self.differences), "reordered": rows(self.reordered),
                "allowed": rows(self.allowed), "notes": list(self.notes)}


# ----------------------------------------------------------------- reading both sides
def source_chars(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[list[SourceChar], str]:
    """The archive's visible characters after normalisation, each with its line,
    column and element (recognised by the importer); also the encoding used."""
    from layout.archive.import_page import recognise

    page, archive, normalized = recognise(path, encoding)
    return recognised_chars(page, normalized.text), archive.encoding


def recognised_chars(page: Any, text: str) -> list[SourceChar]:
    """The visible characters of ``text`` (the normalised archive) with the element
    of ``page`` (its ``ArchivedPage``) each belongs to."""
    spans: list[tuple[int, int, str]] = []  # (line, column, ref) where each element starts
    for where, ref, _ in page.positioned():
        spans.append((where.line, where.column, ref))
    out: list[SourceChar] = []
    k = -1
    for no, line in enumerate(text.split("\n"), 1):
        for col, ch in enumerate(line, 1):
            if not _visible(ch):
                continue
            while k + 1 < len(spans) and (spans[k + 1][0], spans[k + 1][1]) <= (no, col):
                k += 1
            ref = spans[k][2] if k >= 0 else "?"
            out.extend(SourceChar(f, no, col, ref) for f in fold(ch))
    return out


def pdf_chars(path: str | os.PathLike[str] | bytes, name: str | None = None) -> list[PdfChar]:
    """The PDF's visible characters in content-stream order, page by page; text
    marked as an artifact (an ad placed as delivered) is not the paper's copy and is
    left out.  ``path`` may be the PDF's bytes (a check in process, before or
    without a file)."""
    import io

    import pdfplumber
    import pikepdf
    from pdfminer.pdfparser import PDFSyntaxError

    from layout.check.pdfbounds import MAX_PDF_BYTES, VERIFY_DRAWN_BYTES, open_bounded, rewritten
    from layout.files import read_input

    if isinstance(path, bytes):  # our own output, checked in process: no bounds to apply
        name = name or "<pdf>"
        data = path
    else:
        name = os.fspath(path)
        data = read_input(name, "PDF", MAX_PDF_BYTES, Location(name))
        try:
            with open_bounded(data, name, VERIFY_DRAWN_BYTES) as checked:
                data = rewritten(checked, name)
        except pikepdf.PasswordError:
            raise LayoutError("the PDF is encrypted with a password", Location(name)) from None
    out: list[PdfChar] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for pno, page in enumerate(pdf.pages, 1):
                for c in page.chars:
                    if c.get("tag") == "Artifact":  # not copy: a placed ad, furniture (PDF 1.7 §14.8.2.2)
                        continue
                    text = c["text"]
                    if re.fullmatch(r"\(cid:\d+\)", text):
                        text = "\ufffd"  # a glyph without Unicode: shown as the replacement mark
                    for ch in text:
                        if _visible(ch):
                            out.extend(PdfChar(f, pno, round(c["x0"], 2), round(c["top"], 2)) for f in fold(ch))
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
        raise LayoutError(f"cannot read the PDF: {e}", Location(name)) from None
    except Exception as e:  # pdfminer raises bare exceptions for damaged files
        if type(e).__module__.startswith(("pdfminer", "pdfplumber")):
            raise LayoutError(f"cannot read the PDF: {e}", Location(name)) from None
        raise
    return out


# ----------------------------------------------------------------- comparing
def verify(pdf: str | os.PathLike[str], source: str | os.PathLike[str], encoding: str | None = None, *,
           strict_order: bool = False) -> VerifyReport:
    """Compare the PDF's text with the archive (see the module doc)."""
    src, enc = source_chars(source, encoding)
    got = pdf_chars(pdf)
    diffs, reordered, allowed = compare(src, got, os.fspath(source), strict_order=strict_order)
    return VerifyReport(os.fspath(pdf), os.fspath(source), enc, len(src), len(got), diffs, reordered, allowed)


def verify_recognised(pdf: bytes, page: Any, normalized_text: str, source: str, encoding: str = "",
                      pdf_name: str = "<pdf>") -> VerifyReport:
    """``verify`` in process: the PDF's bytes against an archive already read and
    recognised (``layout reprint`` checks its own output this way, issue 13)."""
    src = recognised_chars(page, normalized_text)
    got = pdf_chars(pdf, pdf_name)
    diffs, reordered, allowed = compare(src, got, source)
    return VerifyReport(pdf_name, source, encoding, len(src), len(got), diffs, reordered, allowed)


def compare(src: list[SourceChar], got: list[PdfChar], source_name: str = "archive", *,
            strict_order: bool = False) -> tuple[tuple[Difference, ...], tuple[Difference, ...],
                                                  tuple[Difference, ...]]:
    """(differences, reordered, allowed) between archive and PDF characters."""
    a = "".join(c.ch for c in src)
    b = "".join(c.ch for c in got)
    alignment = align(a, b)
    deleted = list(alignment.deleted)
    inserted = list(alignment.inserted)
    spans = _story_spans(src, alignment.blocks)
    moves = _pair_moves(a, b, deleted, inserted)
    ctx = _Context(src, got, a, b, source_name)
    diffs: list[Difference] = []
    reordered: list[Difference] = []
    allowed: list[Difference] = []
    # longest first: a story's stretch grows by the elements the layout moved, so an
    # edge character the aligner split off lands inside it
    for (i1, i2), (j1, j2) in sorted(moves, key=lambda m: m[0][0] - m[0][1]):
        d = ctx.moved(i1, i2, j1)
        legit = None if strict_order else _legit_move(src, i1, i2, j1, spans)
        if legit:
            reordered.append(Difference(**{**d.__dict__, "kind": f"reordered ({legit})"}))
            story = _story(src[i1].element)
            lo, hi = spans.get(story, (j1, j2 - 1))
            spans[story] = (min(lo, j1), max(hi, j2 - 1))
        else:
            diffs.append(d)
    reordered.sort(key=lambda d: d.pdf_index or 0)
    for i1, i2 in deleted:
        diffs.append(ctx.lost(i1, i2))
    layout_text = _layout_additions(_header_texts(src))
    for j1, j2 in inserted:
        pos = j1
        for m in layout_text.finditer(b, j1, j2):
            if m.start() > pos:
                diffs.append(ctx.added(pos, m.start()))
            allowed.append(ctx.added(m.start(), m.end()))
            pos = m.end()
        if pos < j2:
            diffs.append(ctx.added(pos, j2))
    return tuple(_in_source_order(diffs)), tuple(reordered), tuple(allowed)


def _header_texts(src: list[SourceChar]) -> list[str]:
    """The page header's texts (name, date, 第N版 …), longest first."""
    texts: dict[str, str] = {}
    for c in src:
        if c.element == "name" or c.element.startswith("header."):
            texts[c.element] = texts.get(c.element, "") + c.ch
    return sorted(texts.values(), key=len, reverse=True)


def _layout_additions(header: list[str]) -> re.Pattern[str]:
    """Text a layout adds on purpose: continuation lines, and the page header
    repeated (on a continuation page, its 第N版 numbered for that page: 第06版 ->
    第07版, ``model.pagenumber.numbered``) -- as runs of them."""
    alternatives = [ALLOWED_ADDITIONS.pattern, *(_any_number(h) for h in header)]
    return re.compile("(?:" + "|".join(alternatives) + ")+")


def _any_number(header: str) -> str:
    """``header`` as a pattern that takes any 版 number in its 第N版."""
    parts = _PAGE_NUMBER.split(header)
    return "".join(r"第[0-9]{1,3}版" if i % 2 else re.escape(p) for i, p in enumerate(parts))


_PAGE_NUMBER = re.compile(r"(第[0-9]{1,3}版)")


def _in_source_order(diffs: list[Difference]) -> list[Difference]:
    def key(d: Difference) -> tuple[int, int, int]:
        if d.source:
            line, col = d.source.rsplit(":", 2)[-2:]
            return (0, int(line), int(col))
        return (1, d.pdf_index or 0, 0)

    return sorted(diffs, key=key)


def _pair_moves(a: str, b: str, deleted: list[tuple[int, int]],
                inserted: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pair runs deleted from the archive with runs inserted in the PDF holding the
    same text: those are moves.  First whole runs found inside a run on the other
    side (longest first, the nearest candidate), then the longest common stretch of
    two runs (``MIN_SPLIT`` characters at least), splitting both around it -- the
    aligner may cut a moved paragraph off at another place than where it really
    starts when neighbouring paragraphs begin alike.  ``deleted``/``inserted`` keep
    what stays unpaired."""
    moves: list[tuple[tuple[int, int], tuple[int, int]]] = []
    while _pair_contained(a, b, deleted, inserted, moves) or _pair_common(a, b, deleted, inserted, moves):
        pass
    deleted.sort()
    inserted.sort()
    return moves


def _take(runs: list[tuple[int, int]], run: tuple[int, int], k1: int, k2: int) -> None:
    """Remove [k1, k2) from ``run`` in ``runs``; keep what is left on either side."""
    runs.remove(run)
    runs.extend(r for r in ((run[0], k1), (k2, run[1])) if r[1] > r[0])


def _pair_contained(a: str, b: str, deleted: list[tuple[int, int]], inserted: list[tuple[int, int]],
                    moves: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    for d in sorted(deleted, key=lambda r: r[0] - r[1]):
        text = a[d[0]:d[1]]
        for ins in sorted(inserted, key=lambda r: abs(r[0] - d[0])):
            k = b.find(text, ins[0], ins[1])
            if k >= 0:
                moves.append((d, (k, k + len(text))))
                deleted.remove(d)
                _take(inserted, ins, k, k + len(text))
                return True
    for ins in sorted(inserted, key=lambda r: r[0] - r[1]):
        text = b[ins[0]:ins[1]]
        for d in sorted(deleted, key=lambda r: abs(r[0] - ins[0])):
            k = a.find(text, d[0], d[1])
            if k >= 0:
                moves.append(((k, k + len(text)), ins))
                inserted.remove(ins)
                _take(deleted, d, k, k + len(text))
                return True
    return False


def _pair_common(a: str, b: str, deleted: list[tuple[int, int]], inserted: list[tuple[int, int]],
                 moves: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    best = None
    longest_d = sorted((r for r in deleted if r[1] - r[0] >= MIN_SPLIT), key=lambda r: r[0] - r[1])[:PAIR_LIMIT]
    longest_i = sorted((r for r in inserted if r[1] - r[0] >= MIN_SPLIT), key=lambda r: r[0] - r[1])[:PAIR_LIMIT]
    for d in longest_d:
        for ins in longest_i:
            m = SequenceMatcher(None, a[d[0]:d[1]], b[ins[0]:ins[1]], autojunk=False).find_longest_match()
            if m.size >= MIN_SPLIT and (best is None or m.size > best[0]):
                best = (m.size, d, ins, d[0] + m.a, ins[0] + m.b)
    if best is None:
        return False
    size, d, ins, ka, kb = best
    moves.append(((ka, ka + size), (kb, kb + size)))
    _take(deleted, d, ka, ka + size)
    _take(inserted, ins, kb, kb + size)
    return True


def _story_spans(src: list[SourceChar], blocks: tuple[tuple[int, int, int], ...]) -> dict[str | None, tuple[int, int]]:
    """For each story, the range of PDF positions its matched characters occupy."""
    spans: dict[str | None, tuple[int, int]] = {}
    for ia, ib, size in blocks:
        for k in range(size):
            story = _story(src[ia + k].element)
            j = ib + k
            lo, hi = spans.get(story, (j, j))
            spans[story] = (min(lo, j), max(hi, j))
    return spans


def _legit_move(src: list[SourceChar], i1: int, i2: int, j1: int,
                spans: dict[str | None, tuple[int, int]]) -> str | None:
    """Why a move is the layout's doing and not a defect, or None: it carries whole
    floating elements of one story to a place inside that story's stretch of the
    PDF (or of the page header), whole stories, or the tail of a story to a later
    place (continued on the next page)."""
    refs = [c.element for c in src[i1:i2]]
    starts = i1 == 0 or src[i1 - 1].element != refs[0]
    ends = i2 == len(src) or src[i2].element != refs[-1]
    story_of = {_story(r) for r in refs}
    first_story, last_story = _story(refs[0]), _story(refs[-1])
    lo, hi = spans.get(first_story, (j1, j1))
    # display elements of one story set elsewhere within its stretch: whole, or cut
    # where the aligner matched an edge character elsewhere (要闻 / 见闻)
    if (all(_kind(r) in FLOATING for r in refs) and len(story_of) == 1
            and (starts and ends or first_story is not None) and lo - (i2 - i1) - SLOP <= j1 <= hi + 1 + SLOP):
        return "whole elements placed by the layout"
    if starts and ends and all(_kind(r) in HEADER_KINDS for r in refs):
        return "page header"
    story_start = i1 == 0 or _story(src[i1 - 1].element) != first_story
    story_end = i2 == len(src) or _story(src[i2].element) != last_story
    if story_start and story_end and first_story is not None:
        return "whole stories placed by the layout"
    if story_end and len(story_of) == 1 and first_story is not None and j1 > hi:
        return "the rest of a story, continued later"
    return None


def _story(ref: str) -> str | None:
    m = re.match(r"stories\.(\d+)\.", ref)
    return m.group(1) if m else None


def _kind(ref: str) -> str:
    parts = ref.split(".")
    return parts[2] if parts[0] == "stories" and len(parts) > 2 else parts[0]


class _Context:
    """Builds differences with positions and context on both sides."""

    def __init__(self, src: list[SourceChar], got: list[PdfChar], a: str, b: str, name: str):
        self.src, self.got, self.a, self.b, self.name = src, got, a, b, name

    def _where(self, i: int) -> tuple[str, str]:
        c = self.src[i]
        return f"{self.name}:{c.line}:{c.column}", c.element

    def _pdf(self, j: int) -> dict[str, Any]:
        if j < len(self.got):
            c = self.got[j]
            return {"page": c.page, "x": c.x, "y": c.y, "pdf_index": j}
        return {"pdf_index": j}

    @staticmethod
    def _mark(s: str, i1: int, i2: int) -> str:
        return f"{s[max(0, i1 - CONTEXT):i1]}【{s[i1:i2]}】{s[i2:i2 + CONTEXT]}"

    def lost(self, i1: int, i2: int) -> Difference:
        where, element = self._where(i1)
        # where it should have been in the PDF: after the PDF text matching what precedes
        return Difference("lost", self.a[i1:i2], where, element, self._mark(self.a, i1, i2))

    def added(self, j1: int, j2: int) -> Difference:
        return Difference("added", self.b[j1:j2], context=self._mark(self.b, j1, j2), **self._pdf(j1))

    def moved(self, i1: int, i2: int, j1: int) -> Difference:
        where, element = self._where(i1)
        j2 = j1 + (i2 - i1)
        return Difference("moved", self.a[i1:i2], where, element, self._mark(self.a, i1, i2),
                          pdf_context=self._mark(self.b, j1, j2), **self._pdf(j1))


# ----------------------------------------------------------------- the report
def format_report(rep: VerifyReport, limit: int = 200) -> str:
    """The human report: a summary line, then every difference (up to ``limit``)."""
    out = [f"{rep.pdf} vs {rep.source} ({rep.encoding}): {rep.source_chars} characters in the archive, "
           f"{rep.pdf_chars} in the PDF"]
    for d in rep.differences[:limit]:
        out.append(_line(d))
    if len(rep.differences) > limit:
        out.append(f"  … {len(rep.differences) - limit} more (use --json for all)")
    if rep.reordered:
        out.append(f"reordered by the layout, not a difference: {len(rep.reordered)}")
        out.extend("  " + _line(d).strip() for d in rep.reordered[:20])
    if rep.allowed:
        out.append("added by the layout on purpose: " + ", ".join(d.text for d in rep.allowed))
    verdict = ("identical: nothing lost, added or moved" if rep.identical else
               f"DIFFERENT: {rep.count('lost')} lost, {rep.count('added')} added, {rep.count('moved')} moved "
               f"characters in {len(rep.differences)} places")
    out.append(verdict)
    return "\n".join(out) + "\n"


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 2 * SHOW else f"{text[:SHOW]!r}…{text[-SHOW:]!r} ({len(text)} characters)"


def _line(d: Difference) -> str:
    pdf = f"PDF page {d.page} at ({d.x:.1f}, {d.y:.1f})" if d.page is not None else (
        f"PDF end (character {d.pdf_index})" if d.pdf_index is not None else "")
    if d.kind == "lost":
        return f"  lost   {_shown(d.text)} at {d.source} ({d.element}): {d.context}"
    if d.kind == "added":
        return f"  added  {_shown(d.text)} at {pdf}: {d.context}"
    return f"  {d.kind} {_shown(d.text)} from {d.source} ({d.element}): {d.context} -> {pdf}: {d.pdf_context}"
