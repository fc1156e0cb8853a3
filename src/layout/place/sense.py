"""Display lines (headline, kicker, subtitle) broken by sense: between words, at
the writer's own pauses first, never inside a word or a short quotation, and as
even as the words allow (issue 15; typography.md §5 keeps the rows).

How: the text keeps the line count the first-fit composer gives it at the full
measure (so the headline band keeps its rows).  Every way to cut it into that
many lines at word boundaries (``layout.words.break_costs``) that the kinsoku
rules allow (spec §1) is scored: the break costs (a space or a comma is the best
place, beside a one-character word the worst allowed) plus the difference
between the longest and the shortest line in ems.  The best cut whose lines each
fit is set, one composed line per piece.

When no cut by sense fits, or the best leaves a visibly short line (shorter than
``SHORT`` of the longest), the caller falls back to the even break
(``blocks.compose_balanced``): a stranded word reads worse than a split one.

A user forces breaks by giving the headline as a list of lines; a space in a
headline is a pause, kept on one line, and the first place to break.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from layout.compose import compose_paragraph
from layout.compose.classes import HAN, prohibitions
from layout.compose.model import Line, ParagraphStyle, Run
from layout.compose.prepare import LETTER_SQUEEZE_EM, sized_table
from layout.fonts import FontSet
from layout.model.types import TextStyle

SHORT = 0.6  # a line shorter than this share of the longest is visibly short
BREAK_WEIGHT = 2.0  # ems of imbalance one unit of break cost is worth
MAX_CUTS = 4000  # combinations tried at most (a 3-line headline of 40 words: 780)
SPACES = " \u3000"

SURE_EPS = 1e-5  # pt: far beyond the composer's tolerance (linebreak.EPS) and any rounding of the sum


def sense_lines(texts: Sequence[str], style: TextStyle, width: float, fonts: FontSet) -> list[Line] | None:
    """The lines of ``texts`` (each a forced line) broken by sense and aligned by the
    style in ``width``; None when the even break should be used instead.  Memoised:
    a page is placed again (copyfit, the automatic layout's probes) with the same heads."""
    lines = _sense_lines(tuple(texts), by_characters(style), round(width, 6), fonts)
    return None if lines is None else list(lines)


def first_fit_lines(texts: Sequence[str], style: TextStyle, width: float, fonts: FontSet) -> int:
    """The line count a sense break of ``texts`` keeps (``sense_lines``): each
    text's first fit at the full measure, composed into the same memo (a sense
    break that follows composes none of it again)."""
    style, width = by_characters(style), round(width, 6)
    return sum(len(_composed(text.strip(SPACES), style, width, fonts, None)) for text in texts)


@lru_cache(maxsize=256)
def by_characters(style: TextStyle) -> TextStyle:
    """``style`` breaking by characters (the composer's own breaks; sense is this
    module's): one object per style, not a dataclass ``replace`` per headline set."""
    return replace(style, breaks="characters")


@lru_cache(maxsize=1024)
def _sense_lines(texts: tuple[str, ...], style: TextStyle, width: float, fonts: FontSet) -> tuple[Line, ...] | None:
    out: list[Line] = []
    for text in texts:
        lines = _sense_one(text, style, width, fonts)
        if lines is None:
            return None
        out.extend(lines)
    return tuple(out)


def _compose(text: str, style: TextStyle, width: float, fonts: FontSet, align: str | None = None) -> list[Line]:
    return list(_composed(text, style, width, fonts, align))


@lru_cache(maxsize=4096)
def _composed(text: str, style: TextStyle, width: float, fonts: FontSet, align: str | None) -> tuple[Line, ...]:
    """The lines of one display text (a candidate piece, a headline's first fit),
    kept by everything they depend on: headlines share their words, and a word
    ends the pieces of many candidate cuts, of many headlines and widths (issue 13
    class 7: a page of briefs composed the same pieces again and again)."""
    run = Run(text, style.face, style.size, style.tracking)
    return compose_paragraph([run], width, _pstyle(style, align), fonts).lines


@lru_cache(maxsize=64)
def _pstyle(style: TextStyle, align: str | None) -> ParagraphStyle:
    """The composer's settings for a display line (as ``blocks.compose_text`` sets them)."""
    pstyle = style.paragraph_style()
    return pstyle if align is None or align == pstyle.align else replace(pstyle, align=align)


def _sense_one(text: str, style: TextStyle, width: float, fonts: FontSet) -> list[Line] | None:
    from layout.words import break_costs

    text = text.strip(SPACES)
    first_fit = _compose(text, style, width, fonts)
    n = len(first_fit)
    if n <= 1:
        return first_fit
    costs = break_costs(text)
    no_start, no_end, _ = prohibitions(style.kinsoku)
    cands = [k for k in range(1, len(text)) if math.isfinite(costs[k]) and _legal(text, k, no_start, no_end)]
    if len(cands) < n - 1 or math.comb(len(cands), n - 1) > MAX_CUTS:
        return None
    widths = _Widths(text, style, width, fonts)
    em = style.size
    best: tuple[float, tuple[int, ...]] | None = None
    for cut in itertools.combinations(cands, n - 1):
        ws = widths.of_cut(cut)
        if ws is None:
            continue
        score = BREAK_WEIGHT * sum(costs[k] for k in cut) + (max(ws) - min(ws)) / em
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return None
    ws = widths.of_cut(best[1]) or []
    if min(ws) < SHORT * max(ws):
        return None
    return [ln for piece in _pieces(text, best[1]) for ln in _compose(piece, style, width, fonts)]


def _legal(text: str, k: int, no_start: frozenset[str], no_end: frozenset[str]) -> bool:
    """A line may end before ``text[k]`` (spec §1), spaces at the break ignored."""
    a, b = k, k
    while a > 0 and text[a - 1] in SPACES:
        a -= 1
    while b < len(text) and text[b] in SPACES:
        b += 1
    if a == 0 or b == len(text):
        return False
    if text[k - 1] in SPACES and text[k] in SPACES:
        return False  # one break per run of spaces
    return text[b] not in no_start and text[a - 1] not in no_end


def _pieces(text: str, cut: tuple[int, ...]) -> list[str]:
    bounds = (0, *cut, len(text))
    return [text[a:b].strip(SPACES) for a, b in itertools.pairwise(bounds)]


class _Widths:
    """Natural widths of candidate lines, each composed alone (line-end marks
    compressed as the composer does); None for a piece that does not fit."""

    def __init__(self, text: str, style: TextStyle, width: float, fonts: FontSet):
        self.text, self.style, self.width, self.fonts = text, style, width, fonts
        self.memo: dict[tuple[int, int], float | None] = {}

    def piece(self, a: int, b: int) -> float | None:
        key = (a, b)
        if key not in self.memo:
            text = self.text[a:b].strip(SPACES)
            if _surely_wider(text, self.style, self.width, self.fonts):
                self.memo[key] = None  # what composing it would say, without composing it
            else:
                lines = _compose(text, self.style, self.width, self.fonts, "left")
                self.memo[key] = lines[0].right if len(lines) == 1 else None
        return self.memo[key]

    def of_cut(self, cut: tuple[int, ...]) -> list[float] | None:
        out = []
        for a, b in itertools.pairwise((0, *cut, len(self.text))):
            w = self.piece(a, b)
            if w is None:
                return None
            out.append(w)
        return out


def _surely_wider(text: str, style: TextStyle, width: float, fonts: FontSet) -> bool:
    """Whether ``text`` surely composes into more than one line at ``width``, told
    without composing it (issue 13 class 7: a thousand briefs composed every
    candidate piece of their headlines).  Its Han characters (1 em boxes, the
    composer's class ``HAN``) never tighten (typography.md §2); every other
    character takes at least nothing but a letter's squeeze and a negative
    tracking, whatever is cut at a line's ends.  So when the Han alone are wider
    than the measure, no tightening fits the text on one line, and two Han side by
    side leave a break inside it: the first line ends before the text does."""
    if _pstyle(style, "left").hanging:
        return False
    table = sized_table(fonts, style.face, float(style.size))
    han, adjacent, before = 0.0, False, False
    for ch in text:
        _face, adv, cls, _flags = table[ch]
        now = cls == HAN
        if now:
            han += adv
            adjacent = adjacent or before
        before = now
    least = han - len(text) * style.size * (LETTER_SQUEEZE_EM + max(0.0, -style.tracking))
    return adjacent and least > width + SURE_EPS

