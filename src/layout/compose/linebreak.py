"""Step 2 of composing: choose where lines break (spec typography.md §1, §4).

The breaker is first-fit, as Chinese composition is: a line takes as many
characters as fit at natural spacing.  When the break found there is prohibited
(a mark that may not start or end a line, the middle of a word, a dash pair), it
**squeezes in** first -- takes the characters up to the next allowed break if the
tighten order of §2 can make room -- and **pushes out** second -- carries
characters down to the previous allowed break and lets justification spread the
line.  A legal break with slack also squeezes in when that distorts the line less
than spreading would (a Latin word that almost fits).  Only when neither exists
(a run of three or more marks, a word longer than the line) does it break a rule,
and says so.

Cost: each line costs a bisection on the prefix sums plus a scan of a few
characters around the break, so a 200,000-character paragraph is linear.

Then 孤字 (§4): a last line holding one Han character (plus punctuation) pulls
a character down from the line above, or failing that squeezes up into it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from layout.compose.classes import HAN, NBSPACE, SPACE
from layout.compose.prepare import CLUSTER, KINSOKU, LEGAL, NEVER, SENSE, Prepared

EPS = 1e-6  # pt: widths are sums of floats; this is far below anything visible
MAX_ORPHAN_SPREAD_EM = 1.0  # pulling a character down may spread the line above at most this per gap
REFLOW_LINES = 3  # lines before the last two that the 孤字 fix may re-break, at most
LOOSE_EM = 0.5  # em per spread point: a justified line looser than this is worth re-balancing
BALANCE_TRIES = 4  # earlier breaks of the line above tried when balancing
REFIT_LINES = 4  # lines above a loose line that the look-back may set again (``_refit``)
REFIT_GAIN_EM = 0.05  # em a spread point: the look-back must make the loosest line this much tighter
RAGGED_MIN_EM = 1.0  # em: a line ending at a cell's end this short or more is set ragged (``ragged``)
# em a spread point: how loose the breaker counts a line of one unbreakable unit set short
# (``unit_alone``): as a Han line spread this much, beyond which a reader (and pdfcheck, which
# splits a row at a gap over 1.2 em) takes its characters for separate words
UNIT_LINE_EM = 1.2


class Span(NamedTuple):
    """One line's characters ``start..end-1``; the next line starts at ``next``
    (after discarded spaces).  ``forced`` names the rule broken, or ''."""

    start: int
    end: int
    next: int
    forced: str


class Frame(NamedTuple):
    """The room lines get: ``first`` pt for the first line, ``rest`` for the others;
    ``first_cut``: may the first line's opening bracket lose its blank half."""

    first: float
    rest: float
    first_cut: bool


def break_lines(p: Prepared, lo: int, hi: int, frame: Frame, avoid_orphan: bool = True) -> list[Span]:
    """Break characters ``lo..hi-1`` (no leading/trailing spaces) into lines."""
    spans: list[Span] = []
    s = lo
    while s < hi:
        first = not spans
        avail = frame.first if first else frame.rest
        scut = frame.first_cut if first else True
        e, forced = _next_break(p, s, hi, avail, scut)
        nxt = e
        cls = p.cls
        while nxt < hi and cls[nxt] == SPACE:
            nxt += 1
        spans.append(Span(s, e, nxt, forced))
        s = nxt
    if len(spans) >= 3:
        _balance(p, spans, frame)
    if avoid_orphan and len(spans) >= 2 and is_orphan(p, spans[-1]):
        _fix_orphan(p, spans, hi, frame)
        # a character pulled down for the 孤字 may leave the line above loose
        if len(spans) >= 3 and _spread(p, spans[-2].start, spans[-2].end, frame.rest, True) > LOOSE_EM:
            _refit(p, spans, len(spans) - 2, frame)
    return spans


def _spread(p: Prepared, s: int, e: int, avail: float, scut: bool) -> float:
    """How loose line s..e-1 is once set: added space per spread point, in em
    (inf: nothing to spread between); 0 for a line set ragged at a cell's end
    (``ragged``), ``UNIT_LINE_EM`` for one unit set short (``unit_alone``).  A
    line whose separators take its slack (``to_cells``) counts its spread as if
    shared out: the breaker still prefers a cell whole on the next line
    (``面积|3.2万平方米``) to a cell broken after a widened separator
    (``面积　　3.2|万平方米``)."""
    slack = avail - p.width(s, e, scut)
    if slack <= EPS or e == p.credit:
        return 0.0
    size = p.sizes[s]
    points = p.spread_points(s, e)
    spread = slack / points / size if points else float("inf")
    if spread > LOOSE_EM and e in p.cells and slack >= RAGGED_MIN_EM * size - EPS:
        return 0.0
    if spread > LOOSE_EM and slack >= RAGGED_MIN_EM * size - EPS and unit_alone(p, s, e):
        return UNIT_LINE_EM
    return spread


def unit_alone(p: Prepared, s: int, e: int) -> bool:
    """Does line s..e-1 hold one unbreakable unit and the marks around it, and
    nothing else: a Latin word, a number, a code (``“Green``, ``（601888.SH）``,
    ``COVID-19、``, ``8:30—``) with no Han character, no space, no address?  Its
    only spread points are between the unit and its marks: justified, the slack
    tore a quote or bracket ems away from its word (``“     Green``), as §3 forbids
    inside the word itself.  Set flush left instead (``ragged``), as a line with
    nothing to spread between is; the breaker counts it ``UNIT_LINE_EM`` loose
    (bad, not unbearable), so the line before a word longer than the room left
    is not emptied to fill it: ``本届论|坛以“Green`` in a 9-em column spread 本届论
    2 em a gap (pdfcheck splits the row and reads 孤字) where ``本届论坛以``
    takes ½ em and the quoted word is set short on the next line (clreq: a Latin
    word that does not fit moves down whole; hyphenation is not done).  Any
    setting whose lines all stay within ``UNIT_LINE_EM`` is still preferred to a
    short line."""
    cls = p.cls
    if cls.find(HAN, s, e) >= 0 or cls.find(SPACE, s, e) >= 0 or cls.find(NBSPACE, s, e) >= 0:
        return False
    if p.url_inside.count(1, s + 1, e):
        return False
    content = p.content
    a = content.find(1, s, e)
    if a < 0:
        return False
    b = content.rfind(1, s, e)
    return p.junctions(a, b + 1) == 0


def to_cells(p: Prepared, s: int, e: int, avail: float, scut: bool) -> bool:
    """Does line s..e-1, justified, give its slack to the cell separators inside it
    rather than spread it between its characters?  Yes when it holds a separator
    (``Prepared.cells``: a run of U+3000 an em wide or more between cells of a
    table row typed as text, ``指标　　　　去年``) and spreading evenly (§4 均排,
    §2 loosen order) would open more than ``LOOSE_EM`` a gap.  The separator is
    white the typist put between cells, as with a tab: a table typed with
    full-width spaces keeps each cell's characters at their natural spacing and
    widens the white between the cells.  Spread instead, the whole slack fell
    inside the one cell that has junctions (``年　　　　8:30—``: a number and a
    dash have one between them, opened 2 em) and a cell read as separate
    characters.  A line whose even spread is small (a byline's em space in
    prose, ``本报讯（记者…）　十月十日上午，``) is spread as any line: the em space
    keeps its em."""
    if not p.cells or not p.inner_cells(s, e):
        return False
    slack = avail - p.width(s, e, scut)
    if slack <= EPS:
        return False
    points = p.spread_points(s, e)
    return not points or slack / points / p.sizes[s] > LOOSE_EM


def ragged(p: Prepared, s: int, e: int, avail: float, scut: bool) -> bool:
    """Is line s..e-1 set flush left at natural spacing rather than justified?  Yes
    when it ends at a cell's end -- before a run of U+3000 separators an em wide or
    more (``Prepared.cells``: a table row typed as text, ``指标　　　　去年``, or
    ``时间：…　　地点：…``) -- and justifying would spread it beyond ``LOOSE_EM``
    with at least ``RAGGED_MIN_EM`` to share out.  The separator is white the
    typist put between cells, the way a tab is: it runs on to the line's end, as a
    compositor sets a cell that ends a line.  Spread instead, the cell's own
    characters stood ems apart (``指   标`` in an 8-em column, read as two 孤字).
    Less slack than an em is shared out as in any line (§4 均排): a line short
    of the edge by less than an em reads as a failed justification.

    A short cell line within ``LOOSE_EM`` is justified like any line: a label
    spread to the measure (``水质达标天数`` 0.4 em a gap on an 8-em line) is the
    even spread every line may take, and reads as a label set to the column's
    width (分散对齐).  Set ragged too, a column of table rows ends more lines
    short than full, and the page bar's measure (pdfcheck: the commonest line
    end) takes the cells' ends for the column's edge and its full lines for
    overfull (forms-body: 3 lines; measured).

    Also a line of one unit and its marks (``unit_alone``: ``“Green``, a word
    longer than the room left after it), an em short or more: §3 spreads nothing
    inside the unit, and the slack put between it and its marks tears them apart.

    Also the line before a closing credit that starts a line of its own
    (``Prepared.credit``: ``…标准。|（林　溪）``): it is the text's last line,
    set as a paragraph's last is (§4), and the credit goes flush right
    (``compose``); justified, it was spread 0.44 em a gap to reach the edge."""
    if e == p.credit:
        return True
    if e not in p.cells and not unit_alone(p, s, e):
        return False
    slack = avail - p.width(s, e, scut)
    if slack < RAGGED_MIN_EM * p.sizes[s] - EPS:
        return False
    points = p.spread_points(s, e)
    return not points or slack / points / p.sizes[s] > LOOSE_EM


def _balance(p: Prepared, spans: list[Span], frame: Frame) -> None:
    """First-fit leaves a line loose when the next unit (a Latin word, a number, a
    bracket that must not end a line) does not fit.  For each such line, from the
    bottom up, try starting it one to a few breaks earlier -- taking characters
    from the line above -- and keep the choice that makes the looser of the two
    lines least loose.  Local and bounded: linear over the paragraph."""
    for i in range(len(spans) - 2, 0, -1):
        balance_line(p, spans, i, frame)


def balance_line(p: Prepared, spans: list[Span], i: int, frame: Frame) -> None:
    """``_balance``'s step for line ``i`` and the line above it (``compose.tails``
    takes the last step alone: the one that moves the start of the line before
    the last)."""
    brk, cls = p.brk, p.cls
    cur, above = spans[i], spans[i - 1]
    if cur.forced or above.forced:
        return
    a_avail = frame.first if i == 1 else frame.rest
    a_cut = frame.first_cut if i == 1 else True
    worst = max(_spread(p, cur.start, cur.end, frame.rest, True),
                _spread(p, above.start, above.end, a_avail, a_cut))
    if worst <= LOOSE_EM:
        return
    best = None
    tried = 0
    for k in range(above.end - 1, above.start, -1):
        if brk[k] != LEGAL:
            continue
        tried += 1
        if tried > BALANCE_TRIES:
            break
        nxt = k
        while nxt < cur.end and cls[nxt] == SPACE:
            nxt += 1
        if p.min_width(nxt, cur.end, True) > frame.rest + EPS:
            break  # taking more only makes it wider
        score = max(_spread(p, nxt, cur.end, frame.rest, True), _spread(p, above.start, k, a_avail, a_cut))
        if score < worst - 0.05 and (best is None or score < best[0]):
            best = (score, k, nxt)
    if best is not None:
        _score, k, nxt = best
        spans[i - 1] = Span(above.start, k, nxt, "")
        spans[i] = Span(nxt, cur.end, cur.next, "")
    if _spread(p, spans[i].start, cur.end, frame.rest, True) > LOOSE_EM:
        _refit(p, spans, i, frame)


def _line_frame(frame: Frame, index: int) -> tuple[float, bool]:
    """(room, may its opening bracket lose its blank half) of line ``index``."""
    return (frame.first, frame.first_cut) if index == 0 else (frame.rest, True)


def _refit(p: Prepared, spans: list[Span], i: int, frame: Frame) -> None:
    """Line ``i`` is still loose after ``balance_line``: the unit after it (a number
    with its unit ``66,775.5亿元``, a time span ``8:30—21:30``, a code) does not fit,
    and the line above had too little to give.  Look further back (a bounded total
    fit): set the lines ``j..i`` again, for ``j`` up to ``REFIT_LINES`` above, from
    the same start to the same end in as many lines, with the breaks that make the
    loosest of them least loose (``_best_breaks``).  Each line above gives a
    character or two, so no line is spread ems apart (pdfcheck splits a row at a
    gap over 1.2 em and reads its characters as 孤字).  The count of lines and
    every line outside the window stay as they were; the smallest window that
    brings the loosest line to ``LOOSE_EM`` wins, else the one that helps most."""
    best: tuple[float, int, list[Span]] | None = None
    worst = 0.0  # the loosest of the lines as they are, j..i
    for j in range(i, max(-1, i - 1 - REFIT_LINES), -1):
        sp = spans[j]
        if sp.forced:
            break
        worst = max(worst, _spread(p, sp.start, sp.end, *_line_frame(frame, j)))
        if j == i:
            continue
        found = _best_breaks(p, spans, j, i, frame, min(worst, best[0] if best else worst) - REFIT_GAIN_EM)
        if found is not None and (best is None or found[0] < best[0]):
            best = (found[0], j, found[1])
            if found[0] <= LOOSE_EM:
                break
    if best is not None:
        _worst, j, lines = best
        spans[j:i + 1] = lines


def _best_breaks(p: Prepared, spans: list[Span], j: int, i: int, frame: Frame,
                 limit: float) -> tuple[float, list[Span]] | None:
    """Lines ``j..i`` set again between their first start and last end, in as many
    lines, at allowed breaks only, every line fitting once tightened (§2) and none
    looser than ``limit`` em a spread point: the breaks that minimise the sum of
    the cubed spreads (the loosest line weighs most, as in a total-fit breaker).
    (loosest spread, spans) or None when no such setting exists."""
    cls = p.cls
    start, end, last = spans[j].start, spans[i].end, spans[i].next
    count = i - j + 1
    states: dict[int, tuple[float, float, tuple[int, ...]]] = {start: (0.0, 0.0, ())}
    for t in range(count):
        avail, scut = _line_frame(frame, j + t)
        final = t == count - 1
        nxt_states: dict[int, tuple[float, float, tuple[int, ...]]] = {}
        for s, (cost, worst, ends) in states.items():
            for e in _ends(p, s, end, avail, scut, limit, final):
                spread = _spread(p, s, e, avail, scut)
                nxt = e
                while nxt < end and cls[nxt] == SPACE:
                    nxt += 1
                if final:
                    nxt = last
                c = cost + spread ** 3
                have = nxt_states.get(nxt)
                if have is None or c < have[0] - 1e-12:
                    nxt_states[nxt] = (c, max(worst, spread), (*ends, e))
        states = nxt_states
        if not states:
            return None
    _cost, worst, ends = states[last]
    lines = []
    s = start
    for e in ends:
        nxt = e
        while nxt < end and cls[nxt] == SPACE:
            nxt += 1
        lines.append(Span(s, e, nxt if e < end else last, ""))
        s = nxt
    return worst, lines


def _ends(p: Prepared, s: int, end: int, avail: float, scut: bool, limit: float, final: bool) -> list[int]:
    """Allowed ends of a line from ``s`` (``end`` itself if ``final``, else before
    ``end``) that fit once tightened and spread at most ``limit`` em a point."""
    if final:
        ok = p.min_width(s, end, scut) <= avail + EPS and _spread(p, s, end, avail, scut) <= limit
        return [end] if ok else []
    brk, P, Q = p.brk, p.P, p.Q
    stop = P[s] - Q[s] + avail + p.maxend + p.maxendshrink + (p.startcut[s] if scut else 0.0) + EPS
    room = limit * p.sizes[s]
    found = []
    for e in range(s + 1, end):
        if P[e] - Q[e] > stop:
            break
        if brk[e] != LEGAL:
            continue
        slack = avail - p.width(s, e, scut)
        if slack > room * (e - s) and e not in p.cells and not unit_alone(p, s, e):
            continue  # looser than ``limit`` whatever its spread points
        if p.min_width(s, e, scut) <= avail + EPS and _spread(p, s, e, avail, scut) <= limit:
            found.append(e)
    return found


def _next_break(p: Prepared, s: int, hi: int, avail: float, scut: bool) -> tuple[int, str]:
    """Where the line starting at ``s`` ends, and the rule broken ('' if none)."""
    b0 = _natural_end(p, s, hi, avail, scut)
    if b0 >= hi:
        return hi, ""
    brk = p.brk
    while b0 > s and brk[b0] == NEVER:
        b0 -= 1  # inside a run of spaces: break before the run
    if b0 > s and brk[b0] == LEGAL:
        slack = avail - p.width(s, b0, scut)
        if slack <= EPS:
            return b0, ""
        b1 = _squeeze(p, s, b0, hi, avail, scut)
        if b1 and p.width(s, b1, scut) - avail < slack:
            return b1, ""
        return _unless_loose(p, s, b0, b0, hi, avail, scut), ""
    b1 = _squeeze(p, s, b0, hi, avail, scut)
    if b1:
        return b1, ""
    for k in range(b0 - 1 if b0 > s else s, s, -1):  # push out
        if brk[k] == LEGAL:
            return _unless_loose(p, s, k, b0, hi, avail, scut), ""
    return _last_resort(p, s, b0, hi)


def _unless_loose(p: Prepared, s: int, k: int, b0: int, hi: int, avail: float, scut: bool) -> int:
    """Break ``k`` unless its line would be spread beyond ``LOOSE_EM`` per gap (a
    short line before a unit that does not fit: ``他们推出|iPhone、``, whose Han
    then stand 1.3 em apart and read as words of their own).  Then, in order: the
    next allowed break if the letter squeeze (``prepare.P_LETTER``, the last
    tighten step) makes it fit; a break held back by sense (``SENSE``) that
    fits at natural width -- reading by sense yields to a line that no longer
    reads as a line.  ``b0``: the natural end (the last character that fits)."""
    if _spread(p, s, k, avail, scut) <= LOOSE_EM:
        return k
    b2 = _squeeze(p, s, max(b0, k), hi, avail, scut, letters=True)
    if b2:
        return b2
    brk = p.brk
    for j in range(b0, k, -1):
        if brk[j] == SENSE:
            return j
    return k


def _natural_end(p: Prepared, s: int, hi: int, avail: float, scut: bool) -> int:
    """The largest e with width(s, e) <= avail (s if not even one character fits)."""
    limit = p.P[s] + avail + (p.startcut[s] if scut else 0.0) + p.maxend + EPS
    e = bisect_right(p.P, limit, s + 1, hi + 1) - 1
    width = p.width
    while e > s and width(s, e, scut) > avail + EPS:
        e -= 1
    return e


def _squeeze(p: Prepared, s: int, b0: int, hi: int, avail: float, scut: bool, letters: bool = False) -> int:
    """The first allowed break after ``b0`` that fits once the line is tightened
    by the §2 order (``letters``: and by the letter squeeze after it); 0 if there
    is none within reach."""
    brk, P, Q = p.brk, p.P, p.Q
    # (P - Q)[e] never decreases, and min_width(s, e) >= (P - Q)[e] - (P - Q)[s]
    # - (the most a line end or start can take off): past ``stop`` nothing fits
    stop = P[s] - Q[s] + avail + p.maxend + p.maxendshrink + (p.startcut[s] if scut else 0.0) + EPS
    min_width = p.min_width
    X = p.X
    if letters:
        stop -= X[s]
    for e in range(max(b0, s) + 1, hi + 1):
        if P[e] - Q[e] - (X[e] if letters else 0.0) > stop:
            return 0
        if e == hi or brk[e] == LEGAL:
            w = min_width(s, e, scut)
            if letters:
                w -= p.letter_squeeze(s, e)
            if w <= avail + EPS:
                return e
    return 0


def _last_resort(p: Prepared, s: int, b0: int, hi: int) -> tuple[int, str]:
    """No allowed break fits: break by sense inside a word or short quotation held
    together (``SENSE``: no rule broken, nothing reported), else break a prohibition
    (three or more marks in a row, §1) or, failing that, a word longer than the
    line; report which."""
    brk = p.brk
    top = max(b0, s + 1)
    for k in range(top, s, -1):
        if brk[k] == SENSE:
            return k, ""
    for k in range(top, s, -1):
        if brk[k] == KINSOKU:
            return k, "kinsoku"
    text, no_start, no_end = p.text, p.no_start, p.no_end
    for k in range(top, s, -1):  # inside a word: still not before a '.' or after a '('
        if brk[k] == CLUSTER and text[k] not in no_start and text[k - 1] not in no_end:
            return k, "split"
    for k in range(top, s, -1):
        if brk[k] == CLUSTER:
            return k, "split"
    # not even one character fits the line: take the smallest unit there is
    for k in range(s + 1, hi):
        if brk[k] >= CLUSTER:
            return k, "overfull"
    return hi, "overfull"


def is_orphan(p: Prepared, span: Span) -> bool:
    """A line with exactly one content character, a Han one (§4 孤字), or with
    none at all: marks alone (``……”``, ``——``), which §1 lets start a line and
    which read as a paragraph's last line even less than one character does."""
    count = p.content_count(span.start, span.end)
    if count == 0:
        return True
    if count != 1:
        return False
    cls = p.cls
    return any(cls[i] == HAN for i in range(span.start, span.end))


def _fix_orphan(p: Prepared, spans: list[Span], hi: int, frame: Frame) -> None:
    """Avoid a last line of one Han character (§4): pull characters down from the
    line above (spreading it), or squeeze the last line up into it (tightening it
    by the §2 order) -- whichever moves the line above less; the squeeze wins a tie
    (clreq: squeeze in first).  Failing both, re-break a few lines further up."""
    if not _fix_last_two(p, spans, hi, frame):
        _reflow_tail(p, spans, hi, frame)


def _fix_last_two(p: Prepared, spans: list[Span], hi: int, frame: Frame) -> bool:
    prev = spans[-2]
    first = len(spans) == 2
    avail = frame.first if first else frame.rest
    scut = frame.first_cut if first else True
    pull = _pull_down(p, prev, hi, frame, avail, scut)
    if pull is None or _spread(p, prev.start, pull[0], avail, scut) > LOOSE_EM:
        # breaking by sense holds the word or quotation: 孤字 comes first (§4), and
        # a line spread beyond LOOSE_EM reads worse than a quotation broken
        sense = _pull_down(p, prev, hi, frame, avail, scut, legal=SENSE)
        if sense is not None and (pull is None or sense[1] < pull[1]):
            pull = sense
    squeeze = None
    if p.min_width(prev.start, hi, scut) <= avail + EPS:
        squeeze = max(p.width(prev.start, hi, scut) - avail, 0.0)
    if squeeze is not None and (pull is None or squeeze <= pull[1] + EPS):
        spans[-2:] = [Span(prev.start, hi, hi, prev.forced)]
        return True
    if pull is not None:
        k, _cost, nxt = pull
        spans[-2] = Span(prev.start, k, nxt, prev.forced)
        spans[-1] = Span(nxt, hi, hi, spans[-1].forced)
        return True
    return False


def _reflow_tail(p: Prepared, spans: list[Span], hi: int, frame: Frame) -> None:
    """Last resort against 孤字: end one of the few lines before the last two
    one break earlier and set the rest again; keep the first result that has as
    many lines as before, no rule broken and no 孤字."""
    count = len(spans)
    for j in range(count - 3, max(-1, count - 3 - REFLOW_LINES), -1):
        line = spans[j]
        avail = frame.first if j == 0 else frame.rest
        scut = frame.first_cut if j == 0 else True
        pull = _pull_down(p, line, hi, frame, avail, scut, need_fit=False)
        if pull is None:
            continue
        k, _cost, s = pull
        tail = [Span(line.start, k, s, line.forced)]
        while s < hi and j + len(tail) <= count:
            e, forced = _next_break(p, s, hi, frame.rest, True)
            nxt = e
            while nxt < hi and p.cls[nxt] == SPACE:
                nxt += 1
            tail.append(Span(s, e, nxt, forced))
            s = nxt
        if len(tail) >= 2 and is_orphan(p, tail[-1]):
            _fix_last_two(p, tail, hi, frame)
        if j + len(tail) == count and not any(t.forced for t in tail) and not is_orphan(p, tail[-1]):
            spans[j:] = tail
            return


def _pull_down(p: Prepared, prev: Span, hi: int, frame: Frame, avail: float,
               scut: bool, need_fit: bool = True, legal: int = LEGAL) -> tuple[int, float, int] | None:
    """The latest allowed break (value ``legal`` or better) in line ``prev`` that
    leaves the last line two content characters and one line (``need_fit``;
    otherwise any break within the spread limit, or a cell's end set ragged):
    (break, spread it costs, next start)."""
    brk, cls = p.brk, p.cls
    for k in range(prev.end - 1, prev.start, -1):
        if brk[k] < legal:
            continue
        nxt = k
        while nxt < hi and cls[nxt] == SPACE:
            nxt += 1
        if need_fit:
            if p.min_width(nxt, hi, True) > frame.rest + EPS:
                return None  # the new last line would not fit on one line
            if p.content_count(nxt, hi) < 2:
                continue
        junctions = p.spread_points(prev.start, k)
        slack = avail - p.width(prev.start, k, scut)
        if slack > EPS and (junctions == 0 or slack / junctions > MAX_ORPHAN_SPREAD_EM * p.sizes[prev.start]) \
                and not ragged(p, prev.start, k, avail, scut):
            return None
        return k, max(slack, 0.0), nxt
    return None
