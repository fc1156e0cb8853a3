"""Compose one paragraph: styled runs in, lines of placed glyphs out.

The steps are one module each, in pipeline order: ``prepare`` (per-character
tables: widths, compression, spacing, break rules), ``linebreak`` (where lines
end: kinsoku squeeze/push, 孤字), ``setline`` (justify and place glyphs).  This
module only wires them together and handles what belongs to the paragraph as a
whole: the first-line indent and the hanging lead bullet (spec typography.md §4).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from layout.compose import tails, warm
from layout.compose.classes import SPACE
from layout.compose.linebreak import Frame, Span, break_lines, is_orphan, ragged, to_cells
from layout.compose.model import (
    ALIGNS,
    PUNCT_MODES,
    ComposedParagraph,
    Line,
    ParagraphStyle,
    Problem,
    Run,
)
from layout.compose.prepare import Prepared, prepare
from layout.compose.setline import set_line
from layout.fonts import FontSet

OVERFULL_TOLERANCE = 0.01  # pt: the contract is exactness to 0.01 pt

_FORCED_MESSAGES = {
    "kinsoku": "no allowed break fits the line: a line-start/line-end rule was broken (last resort, §1)",
    "split": "a word, number or address longer than the line was split",
    "overfull": "not even one unit fits the measure",
}


def compose_paragraph(runs: Sequence[Run], measure: float, style: ParagraphStyle, fonts: FontSet) -> ComposedParagraph:
    """Set ``runs`` (one paragraph) in lines ``measure`` pt wide by ``style``.

    Every character of the runs appears in exactly one line, in order, except
    spaces at a line break (discarded, as in any composition).  Lines report what
    the caller must know: ``final``, ``forced`` (a rule broken as a last resort),
    ``compressed`` marks; the paragraph reports problems (missing glyphs, forced
    breaks, lines that could not be justified or fitted)."""
    if warm.active:  # layout watch: the same paragraph set again (compose.warm)
        return _kept(("set", tuple(runs), measure, style, fonts), _compose, runs, measure, style, fonts)
    return _compose(runs, measure, style, fonts)


def _kept(key: tuple, make, *args):
    """``make(*args)``, kept under ``key`` while ``layout watch`` keeps paragraphs warm."""
    done = warm.get(key)
    if done is None:
        done = make(*args)
        warm.put(key, done)
    return done


def _compose(runs: Sequence[Run], measure: float, style: ParagraphStyle, fonts: FontSet) -> ComposedParagraph:
    _check_style(style)
    p = prepare(runs, style, fonts, measure)
    b = _break(p, runs, measure, style)
    if b is None:
        return ComposedParagraph(p.text, (), tuple(p.problems))
    lo, body, indent, prefix, frame, spans = b
    problems = list(p.problems)
    if style.avoid_orphan and len(spans) >= 2 and is_orphan(p, spans[-1]):
        problems.append(Problem("orphan", "the last line holds one character and no fix fits (§4 孤字)",
                                spans[-1].start))
    lines = []
    for k, sp in enumerate(spans):
        lines.append(_make_line(p, sp, k, len(spans), measure, indent, prefix, lo, frame, style, problems))
    if style.hanging and not spans:
        lines.append(_bullet_only_line(p, lo, body, measure, indent))
        if lines[-1].right > measure + OVERFULL_TOLERANCE:
            problems.append(Problem("overfull", "the bullet alone is wider than the measure", lo))
    return ComposedParagraph(p.text, tuple(lines), tuple(problems))


def count_lines(runs: Sequence[Run], measure: float, style: ParagraphStyle, fonts: FontSet) -> int:
    """``len(compose_paragraph(runs, measure, style, fonts).lines)``, without setting
    the lines: all that a search for a measure (a balanced headline) needs to know."""
    if warm.active:
        return _kept(("count", tuple(runs), measure, style, fonts), _count, runs, measure, style, fonts)
    return _count(runs, measure, style, fonts)


def _count(runs: Sequence[Run], measure: float, style: ParagraphStyle, fonts: FontSet) -> int:
    _check_style(style)
    long = bool(runs) and len(runs[-1].text) >= tails.LONG and not style.hanging
    if long and len(runs) == 1:  # the tail of a long paragraph counted before (``tails``)
        n = tails.tail_count(runs[0], measure, style, fonts, _plain_frame(runs[0].size, measure, style))
        if n is not None:
            return n
    p = prepare(runs, style, fonts, measure)
    b = _break(p, runs, measure, style)
    if b is None:
        return 0
    if long:
        tails.keep(runs, measure, style, fonts, p, b.frame, b.lo, _content_bounds(p)[1])
    return len(b.spans) or int(style.hanging)  # a hanging bullet alone still makes a line


class _Breaks(NamedTuple):
    """Where a paragraph's lines break, and the frame they were broken in."""

    lo: int  # first character set (leading spaces are not)
    body: int  # first character after a hanging bullet (lo without one)
    indent: float
    prefix: float  # width of the hanging bullet and its spaces
    frame: Frame
    spans: list[Span]


def _break(p: Prepared, runs: Sequence[Run], measure: float, style: ParagraphStyle) -> _Breaks | None:
    """Break the paragraph into lines; None when it has nothing to set."""
    lo, hi = _content_bounds(p)
    if lo >= hi:
        return None
    size0 = runs[0].size if runs else 0.0
    indent = max(style.indent, 0.0) * size0
    body = lo
    prefix = 0.0
    if style.hanging:
        body, prefix = _hanging_prefix(p, lo, hi)
        room = measure - indent - prefix
        frame = Frame(room, room, False)
    else:
        frame = _plain_frame(size0, measure, style)
    spans = break_lines(p, body, hi, frame, style.avoid_orphan) if body < hi else []
    return _Breaks(lo, body, indent, prefix, frame, spans)


def _plain_frame(size0: float, measure: float, style: ParagraphStyle) -> Frame:
    """The frame of a paragraph without a hanging bullet whose first run is ``size0``
    pt: the first line ``indent`` ems shorter, its opening bracket cut unless the
    style keeps it in the indent."""
    indent = max(style.indent, 0.0) * size0
    room = measure - indent
    return Frame(room, measure, not (indent > 0 and style.keep_bracket_in_indent))


def _check_style(style: ParagraphStyle) -> None:
    if style.punct not in PUNCT_MODES:
        raise ValueError(f"unknown punctuation mode {style.punct!r}; allowed: {', '.join(PUNCT_MODES)}")
    if style.align not in ALIGNS:
        raise ValueError(f"unknown alignment {style.align!r}; allowed: {', '.join(ALIGNS)}")


def _content_bounds(p: Prepared) -> tuple[int, int]:
    """Leading and trailing spaces of a paragraph are not set."""
    lo, hi, cls = 0, p.n, p.cls
    while lo < hi and cls[lo] == SPACE:
        lo += 1
    while hi > lo and cls[hi - 1] == SPACE:
        hi -= 1
    return lo, hi


def _hanging_prefix(p: Prepared, lo: int, hi: int) -> tuple[int, float]:
    """The bullet (first character) and the spaces after it hang (§4): the text
    after them starts at the same x on every line.  Returns (first text index,
    width of the bullet and its spaces)."""
    body = lo + 1
    while body < hi and p.cls[body] == SPACE:
        body += 1
    return body, p.P[body] - p.P[lo]


def _make_line(p: Prepared, sp: Span, k: int, count: int, measure: float, indent: float, prefix: float,
               lo: int, frame: Frame, style: ParagraphStyle, problems: list[Problem]) -> Line:
    first = k == 0
    final = k == count - 1
    avail = frame.first if first else frame.rest
    scut = frame.first_cut if first else True
    x0 = indent + prefix if style.hanging else indent if first else 0.0
    align = style.align
    cells = False
    if final:
        justify = align == "justify" and _fill_last(p, sp, avail, scut, style)
        if align == "justify" and sp.start == p.credit and k > 0:
            justify, align = False, "right"  # a closing credit on a line of its own (linebreak.ragged)
    else:
        rag = align == "justify" and ragged(p, sp.start, sp.end, avail, scut)
        justify = align == "justify" and not rag
        cells = justify and to_cells(p, sp.start, sp.end, avail, scut)
        if rag and sp.end not in p.cells and sp.end != p.credit:  # one unit set short (linebreak.unit_alone)
            problems.append(Problem("underfull", f"line {k + 1} is one word or number set short: "
                                    f"{avail - p.width(sp.start, sp.end, scut):.2f} pt, nothing to spread between "
                                    "but its marks (§3)", sp.start))
    sl = set_line(p, sp.start, sp.end, avail, x0, scut, justify, align, cells)
    start = sp.start
    xs, advs, lefts = sl.xs, sl.advances, sl.lefts
    if style.hanging and first:
        bx, badv, bleft = _bullet_columns(p, lo, sp.start, indent)
        xs, advs, lefts = bx + xs, badv + advs, bleft + lefts
        start = lo
    if sp.forced:
        problems.append(Problem(f"forced-{sp.forced}", _FORCED_MESSAGES[sp.forced], sp.end))
    if sl.short < -OVERFULL_TOLERANCE:
        problems.append(Problem("overfull", f"line {k + 1} is {-sl.short:.2f} pt wider than the measure", sp.start))
    elif sl.short > OVERFULL_TOLERANCE:
        problems.append(Problem("underfull", f"line {k + 1} cannot be justified: {sl.short:.2f} pt short, "
                                "nothing to spread between", sp.start))
    line_indent = indent if first else (indent + prefix if style.hanging else 0.0)
    end = sp.end
    sizes = p.sizes[start:end]
    return _line({"chars": p.text[start:end], "faces": p.faces[start:end], "sizes": sizes, "xs": xs,
                  "advances": advs, "lefts": lefts, "measure": measure, "start": start, "end": end, "final": final,
                  "indent": line_indent, "size": sizes[0] if p.one_size else max(sizes),
                  "compressed": sl.compressed, "forced": bool(sp.forced), "adjust": sl.adjust})


def _line(fields: dict) -> Line:
    """A Line without the frozen dataclass's ``__init__`` (one ``object.__setattr__``
    per field) or even a keyword call: ``fields`` (every field of Line) becomes the
    instance's ``__dict__``.  Building a line's dict was a quarter of setting it;
    the result equals ``Line(**fields)``."""
    ln = object.__new__(Line)
    object.__setattr__(ln, "__dict__", fields)
    return ln


def _fill_last(p: Prepared, sp: Span, avail: float, scut: bool, style: ParagraphStyle) -> bool:
    """Is the last line close enough to full to be justified (``fill_last``)?"""
    if style.fill_last <= 0:
        return False
    slack = avail - p.width(sp.start, sp.end, scut)
    return slack <= style.fill_last * p.sizes[sp.start] + OVERFULL_TOLERANCE


def _bullet_columns(p: Prepared, lo: int, body: int, indent: float) -> tuple[tuple[float, ...], ...]:
    """The hanging bullet and its spaces at natural width from the indent (their
    total is exactly the hanging indent of the following lines): (xs, advances, lefts)."""
    lefts = tuple([indent + p.P[i] - p.P[lo] for i in range(lo, body)])
    xs = tuple([left + p.off[i] for left, i in zip(lefts, range(lo, body), strict=True)])
    advs = tuple([p.room[i] + p.gap[i] for i in range(lo, body)])
    return xs, advs, lefts


def _bullet_only_line(p: Prepared, lo: int, body: int, measure: float, indent: float) -> Line:
    xs, advs, lefts = _bullet_columns(p, lo, body, indent)
    return Line(p.text[lo:body], p.faces[lo:body], p.sizes[lo:body], xs, advs, lefts, measure, lo, body,
                final=True, indent=indent, size=max(p.sizes[lo:body]))
