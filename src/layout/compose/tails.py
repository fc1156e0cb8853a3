"""Line counts of a long paragraph's tails without composing them again from
their start (issue 13, class 7: a paragraph many pages long is cut page after
page, and every cut asked how many lines the rest of it takes: composing the
rest each time grew with the square of the pages).

The question is exact: ``count_lines`` of the tail ``T[a:]`` set as a paragraph
of its own (its own first line, indent and all; with or without an indent
whichever ``T`` had: only the first line's frame depends on it, and a tail's
first lines are broken in its own frame).  It is answered from the whole
paragraph ``T`` counted before (kept here, the last few, keyed by everything the
composer depends on):

1. The tail's first lines are composed from a window ``T[a:a + L]`` prepared on
   its own: the same tables and prefix sums as the tail's own, short of the
   window's last characters (the composer's rules are local: a mark and its
   neighbour, a run of spaces, a word or number).  The window's tables are checked
   against ``T``'s past its first ``CONTEXT`` characters.
2. First-fit breaking depends only on where a line starts (``linebreak``): the
   lines from a start ``s`` on are the same whichever tail reached ``s``.  So the
   paragraph keeps, per line start it has seen, how many lines follow it
   (``_Kept.after``): a tail's walk stops at the first start seen before, and
   every start is broken once in all, whatever the number of tails (Chinese text
   breaks every n characters, so tails meet the paragraph's own lines rarely, but
   a tail of a tail, page after page, walks its predecessors' starts).  The last
   lines of the paragraph (the 孤字 fix, §4, can join the last two) are judged
   once per way of ending.
3. "The same line" needs the same arithmetic: ``T`` and its tail sum their widths
   from different origins (prefix sums ``P``).  Used only when every width and
   shrink of the paragraph is a multiple of a power of two (Han and full-width
   marks at 9 or 10.5 pt: the sums are exact, whatever the origin) and the
   breaker's two sums that add the measure to an absolute position
   (``_natural_end``'s limit, ``_squeeze``'s stop) cannot round across a possible
   width.  Otherwise (Latin, digits: widths like 0.557 em) the tail is composed
   from its start, as before.

None anywhere means "compose it": the caller then does, so an unusual paragraph
costs what it did, never a different count.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate
from operator import add

from layout.compose.classes import SPACE
from layout.compose.linebreak import (
    EPS,
    REFIT_LINES,
    Frame,
    Span,
    _fix_last_two,
    _next_break,
    balance_line,
    is_orphan,
)
from layout.compose.model import ParagraphStyle, Run
from layout.compose.prepare import Prepared, prepare
from layout.fonts import FontSet

LONG = 4000  # characters: paragraphs at least this long are kept for their tails
KEPT_CHARS = 200_000  # characters of paragraphs kept at once, the last used first (their tables: ~200 bytes each)
CONTEXT = 64  # characters at a tail's start whose tables may differ from the paragraph's
EXACT_BITS = 20  # widths must be multiples of 2**-k for some k up to this
TAILS_COUNTED = [0]  # tails counted from the kept paragraph (tests count work with it)
# the paragraph's last lines that decide whether the 孤字 fix joins the last two: the balancing
# step of the line before the last looks back ``REFIT_LINES`` lines above it (``linebreak._refit``)
END_LINES = REFIT_LINES + 2

_kept: OrderedDict[tuple, _Kept] = OrderedDict()


def tail_count(run: Run, measure: float, style: ParagraphStyle, fonts: FontSet, frame: Frame) -> int | None:
    """Lines of ``run`` (one run, a paragraph set in ``frame``) when it is the tail
    of a kept paragraph and the kept one can answer exactly; None otherwise."""
    kept = _ancestor(run, measure, style, fonts)
    if kept is None or len(kept.text) == len(run.text):
        return None
    n = kept.count_from(len(kept.text) - len(run.text), run, measure, style, fonts, frame)
    if n is not None:
        TAILS_COUNTED[0] += 1
    return n


def keep(runs: Sequence[Run], measure: float, style: ParagraphStyle, fonts: FontSet, p: Prepared, frame: Frame,
         lo: int, hi: int) -> None:
    """Keep a paragraph whose last run is long, just counted from its start (its
    tables, its frame), for the tails of that run: not when a kept one holds it
    (it is a tail or the start of one: a story's part cut before a page's end),
    in place of a kept one it starts with.  Bounded (``KEPT_CHARS``): those never
    asked for a tail go first, the last asked goes last."""
    key, text = _key(runs[-1], measure, style, fonts), p.text
    for entry, kept in list(_kept.items()):
        if entry[0] == key and (kept.text.endswith(text) or kept.text.startswith(text)):
            return
        if entry[0] == key and text.startswith(kept.text):
            del _kept[entry]
    _kept[(key, text)] = _Kept(text, p, frame, lo, hi, style.avoid_orphan)
    for used in (False, True):
        for entry in [e for e, k in _kept.items() if k.used == used][:-1]:
            if sum(len(t) for _, t in _kept) <= KEPT_CHARS:
                return
            del _kept[entry]


def _ancestor(run: Run, measure: float, style: ParagraphStyle, fonts: FontSet, text: str | None = None) -> _Kept | None:
    """The kept paragraph that ends with ``text`` (default: the run's), set in the
    run's face, size and tracking at its end."""
    key, text = _key(run, measure, style, fonts), run.text if text is None else text
    for entry, kept in reversed(_kept.items()):
        if entry[0] == key and len(kept.text) >= len(text) and kept.text.endswith(text):
            _kept.move_to_end(entry)  # the last used are kept
            kept.used = True
            return kept
    return None


def _key(run: Run, measure: float, style: ParagraphStyle, fonts: FontSet) -> tuple:
    """What a paragraph's tables and its lines after the first depend on: not the
    first line's frame (indent, bracket cut), which each tail brings as its own.  So
    one kept paragraph, counted with its indent, also answers for its tails set
    without one (a part continued from another page: ``place.story``'s unindented
    first paragraph), prepared once for both."""
    return (run.face, run.size, run.tracking, measure, replace(style, indent=0.0, keep_bracket_in_indent=True), fonts)


@dataclass(eq=False)
class _Kept:
    """A long paragraph counted from its start: its tables ``p``, frame, content
    bounds; per line start seen, the lines from it to the end and the start of
    its ``END_LINES``-th last line (``after``), and whether the 孤字 fix joins its last two
    lines (``joins``)."""

    text: str
    p: Prepared
    frame: Frame
    lo: int
    hi: int
    avoid_orphan: bool
    used: bool = False  # asked for a tail
    lattice: float | None = None  # the widths' power-of-two step; 0 when they have none
    end_max: list[float] = field(default_factory=list)  # max of gap + endcut from i on
    shrink_max: list[float] = field(default_factory=list)  # max of endshrink from i on
    after: dict[int, tuple[int, int]] = field(default_factory=dict)
    joins: dict[int, bool] = field(default_factory=dict)

    def count_from(self, a: int, run: Run, measure: float, style: ParagraphStyle, fonts: FontSet,
                   frame: Frame) -> int | None:
        """Lines of the tail from character ``a`` set as ``run`` in ``frame`` (see the
        module doc), or None."""
        if style.hanging or not self._exact():
            return None
        per_line = max(1, int(measure / run.size))
        size = min(len(self.text) - a, CONTEXT + 4 * per_line * 2)
        if a + size >= len(self.text):
            return None  # the tail is short: composing it costs no more
        w = prepare([Run(self.text[a:a + size], run.face, run.size, run.tracking)], style, fonts, measure)
        safe = size - 2 * per_line * 2  # window positions whose tables are the tail's
        if safe <= CONTEXT or not self._same_tables(w, a, CONTEXT, safe):
            return None
        if _on_lattice(_sums(w, 0, CONTEXT), self.lattice) is None:
            return None
        # the tail's own bounds for the breaker's search (``Prepared.maxend``): the
        # paragraph's, or the tail would break by other arithmetic from where it joins
        ends = max(map(add, w.gap[:CONTEXT], w.endcut[:CONTEXT]), default=0.0)
        if max(ends, self.end_max[a + CONTEXT], 0.0) != self.p.maxend:
            return None
        if max(max(w.endshrink[:CONTEXT], default=0.0), self.shrink_max[a + CONTEXT]) != self.p.maxendshrink:
            return None
        w.maxend, w.maxendshrink = self.p.maxend, self.p.maxendshrink
        first = self._first_lines(w, safe, frame)
        if first is None:
            return None
        lines, s = first
        rest, head = self._after(a + s)
        if rest < END_LINES:
            return None
        return lines + rest - self._join(head)

    def _first_lines(self, w: Prepared, safe: int, frame: Frame) -> tuple[int, int] | None:
        """The tail's first lines broken in the window, up to the first that starts
        past ``CONTEXT`` (from there the tail's tables are the paragraph's):
        (lines, that start) or None when the window cannot tell."""
        cls, n = w.cls, w.n
        p = self.p
        # a line's breaks read the tables at most this far on (``_natural_end``,
        # ``_squeeze``; P - Q never decreases): short of ``safe``, the window's are the tail's
        reach = max(frame.first, frame.rest) + p.maxend + p.maxendshrink + max(p.startcut, default=0.0) + 1.0
        top = w.P[safe] - w.Q[safe]
        s = 0
        while s < n and cls[s] == SPACE:
            s += 1
        lines = 0
        while not lines or s < CONTEXT:
            if top - (w.P[s] - w.Q[s]) <= reach:
                return None
            first = not lines
            e, _forced = _next_break(w, s, n, frame.first if first else frame.rest, frame.first_cut if first else True)
            if e >= safe:
                return None
            while e < n and cls[e] == SPACE:
                e += 1
            s, lines = e, lines + 1
        return lines, s

    def _after(self, s: int) -> tuple[int, int]:
        """(lines from start ``s`` to the paragraph's end, the start of the ``END_LINES``-th last
        of them or -1), broken as any line but the first (``Frame.rest``); each start
        walked once in all."""
        after, p, hi, rest = self.after, self.p, self.hi, self.frame.rest
        walk: list[int] = []
        while s < hi and s not in after:
            walk.append(s)
            e, _forced = _next_break(p, s, hi, rest, True)
            while e < hi and p.cls[e] == SPACE:
                e += 1
            s = e
        n, head = after.get(s, (0, -1))
        for start in reversed(walk):
            n += 1
            if n == END_LINES:
                head = start
            after[start] = (n, head)
        return after[walk[0]] if walk else (n, head)

    def _join(self, head: int) -> int:
        """1 when the paragraph's last ``END_LINES`` lines from ``head`` end with the 孤字
        fix joining the last two (``linebreak.break_lines``: the balancing step of
        the line before the last, then ``_fix_last_two``), else 0."""
        if head not in self.joins:
            p, hi, rest = self.p, self.hi, self.frame.rest
            last_lines = []
            s = head
            while s < hi:
                e, forced = _next_break(p, s, hi, rest, True)
                nxt = e
                while nxt < hi and p.cls[nxt] == SPACE:
                    nxt += 1
                last_lines.append(Span(s, e, nxt, forced))
                s = nxt
            assert len(last_lines) == END_LINES
            frame = Frame(rest, rest, True)  # lines 2.. of a paragraph: the frame's first line is far above
            balance_line(p, last_lines, len(last_lines) - 2, frame)
            joined = False
            if self.avoid_orphan and is_orphan(p, last_lines[-1]):
                joined = _fix_last_two(p, last_lines, hi, frame) and len(last_lines) == END_LINES - 1
            self.joins[head] = joined
        return int(self.joins[head])

    def _same_tables(self, w: Prepared, a: int, i: int, j: int) -> bool:
        """Whether the window's tables are the paragraph's over window positions i..j-1."""
        p = self.p
        for name in ("room", "gap", "endcut", "startcut", "endshrink", "shsum", "cls", "content", "junc",
                     "url_inside"):
            if getattr(w, name)[i:j] != getattr(p, name)[a + i:a + j]:
                return False
        if {c - a for c in p.cells if a + i <= c < a + j} != {c for c in w.cells if i <= c < j}:
            return False  # a cell's end (``linebreak.ragged``)
        return w.brk[i:j + 1] == p.brk[a + i:a + j + 1]

    def _exact(self) -> bool:
        """Whether the paragraph's widths are exact binary fractions (``lattice``),
        so its breaks are the same from any origin (found once)."""
        if self.lattice is None:
            p = self.p
            step = _on_lattice(_sums(p, 0, p.n), None) if p.X[-1] == 0.0 else None
            self.lattice = step if step and abs(p.P[-1]) / step < 2.0**52 and abs(p.Q[-1]) / step < 2.0**52 else 0.0
            if self.lattice and self._clear():
                ends = list(map(add, p.gap, p.endcut))
                self.end_max = list(accumulate(reversed(ends), max))[::-1] + [0.0]
                self.shrink_max = list(accumulate(reversed(p.endshrink), max))[::-1] + [0.0]
            else:
                self.lattice = 0.0
        return bool(self.lattice)

    def _clear(self) -> bool:
        """Whether the breaker's sums of an absolute position and the measure
        (``limit``, ``stop``) round to the same side of every possible width from
        any origin: the measure's offsets stand clear of the widths' lattice by more
        than those sums can round."""
        p, step = self.p, self.lattice
        assert step
        top = abs(p.P[-1]) + abs(p.Q[-1]) + 4 * self.frame.rest + 4 * (p.maxend + p.maxendshrink)
        slack = 16 * math.ulp(top)
        for cut in {0.0, *p.startcut}:
            for offset in (self.frame.rest + cut + p.maxend + EPS,
                           self.frame.rest + p.maxend + p.maxendshrink + cut + EPS):
                r = offset / step
                if abs(r - round(r)) * step <= slack:
                    return False
        return True


def _sums(p: Prepared, i: int, j: int) -> set[float]:
    """The distinct summands of the prefix sums ``P`` and ``Q`` over i..j-1."""
    return set(map(add, p.room[i:j], p.gap[i:j])) | set(p.shsum[i:j])


def _on_lattice(values: set[float], step: float | None) -> float | None:
    """The largest power-of-two step (at most 1 pt, at least 2**-EXACT_BITS) that
    every value is a multiple of, checked against ``step`` when given (then
    ``step`` or None); None when there is none.  Sums of such values below 2**33
    are exact in double precision."""
    if any(not math.isfinite(v) or abs(v) >= 2.0**30 for v in values):
        return None
    if step is not None:
        return step if all((v / step).is_integer() for v in values) else None
    for k in range(EXACT_BITS + 1):
        s = 2.0**-k
        if all((v / s).is_integer() for v in values):
            return s
    return None
