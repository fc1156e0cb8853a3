"""Vertical headlines (竖题): the kicker and headline set top to bottom in a strip at
the story's right edge, the body and the rest of the story beside them (issue 15).

How a vertical line is made (clreq "vertical writing"; GB/T 15834 on marks in
vertical text):
- Han characters stand upright, one em cell each, one under the other.
- Punctuation and brackets take their vertical presentation forms (U+FE10-FE19,
  U+FE30-FE4F), which our faces carry: a comma sits in the cell's top right, a
  bracket opens downwards.  Those forms fold back to the horizontal marks under
  NFKC, so the text extracts as written.  Marks without a form (“ ” ‘ ’, the wave
  dash) are set turned, as a font's ``vert`` feature does.
- A run of one or two Latin letters or digits stands upright side by side in one
  cell (纵中横: "20", "G3"); a longer run is set turned 90 degrees clockwise,
  reading downwards, as long as it is.

The lines of a multi-line vertical headline read right to left and break between
words (``layout.words``), as evenly as the words allow; a short headline is spaced
out (up to ``MAX_SPREAD``) to run down the story's height, so no hole opens below it.  The text is drawn cell by
cell in reading order (kicker, then headline), before the rest of the story.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import NamedTuple

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.model.geometry import CJK_ASCENT
from layout.model.types import TextStyle
from layout.place.items import Problem, ProblemKind, TextItem

VERTICAL_FORMS = {
    "，": "\ufe10", ",": "\ufe10", "、": "\ufe11", "。": "\ufe12", "：": "\ufe13", ":": "\ufe13",
    "；": "\ufe14", ";": "\ufe14", "！": "\ufe15", "!": "\ufe15", "？": "\ufe16", "?": "\ufe16",
    "〖": "\ufe17", "〗": "\ufe18", "…": "\ufe19", "—": "\ufe31", "–": "\ufe32",
    "（": "\ufe35", "(": "\ufe35", "）": "\ufe36", ")": "\ufe36", "｛": "\ufe37", "｝": "\ufe38",
    "〔": "\ufe39", "〕": "\ufe3a", "【": "\ufe3b", "】": "\ufe3c", "《": "\ufe3d", "》": "\ufe3e",
    "〈": "\ufe3f", "〉": "\ufe40", "「": "\ufe41", "」": "\ufe42", "『": "\ufe43", "』": "\ufe44",
    "［": "\ufe47", "］": "\ufe48",
}
TURNED = frozenset("“”‘’～~")  # no presentation form: the glyph is turned
LINE_PITCH = 1.25  # ems from one vertical line to the next
MAX_TCY = 2  # Latin/digit runs this long stand upright side by side (纵中横)
MAX_SPREAD = 1.0  # em added between cells at most, to run a short line down the story's height


class Cell(NamedTuple):
    """One unit down a vertical line: ``text`` as drawn, ``source`` as written,
    its length down the line in pt, and how it stands."""

    text: str
    source: str
    length: float
    turned: bool = False
    tcy: bool = False


def cells(text: str, style: TextStyle, fonts: FontSet) -> list[Cell]:
    """``text`` cut into the units of a vertical line (module doc)."""
    size = style.size
    out: list[Cell] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".%"):
                j += 1
            run = text[i:j]
            if len(run) <= MAX_TCY:
                out.append(Cell(run, run, size, tcy=True))
            else:
                out.append(Cell(run, run, _width(run, style, fonts), turned=True))
            i = j
            continue
        if ch in " \u3000":
            out.append(Cell("", ch, size / 2))
        elif ch in TURNED:
            out.append(Cell(ch, ch, size, turned=True))
        else:
            form = VERTICAL_FORMS.get(ch)
            drawn = form if form and _covered(form, style, fonts) else ch
            out.append(Cell(drawn, ch, size, turned=bool(form) and drawn == ch))
        i += 1
    return out


def _covered(ch: str, style: TextStyle, fonts: FontSet) -> bool:
    face = fonts.resolve(ord(ch), style.face)
    return face is not None


def _width(run: str, style: TextStyle, fonts: FontSet) -> float:
    total = 0.0
    for ch in run:
        face = fonts.resolve(ord(ch), style.face)
        total += (face.advance(ord(ch)) if face is not None else 0.5) * style.size
    return total


def _line(text: str, style: TextStyle, fonts: FontSet) -> Line:
    """A line of glyphs set solid (a cell, a 纵中横 pair, a turned run)."""
    faces, xs, advs = [], [], []
    x = 0.0
    for ch in text:
        face = fonts.resolve(ord(ch), style.face)
        faces.append(face.role if face is not None else style.face)
        adv = (face.advance(ord(ch)) if face is not None else 1.0) * style.size
        xs.append(x)
        advs.append(adv)
        x += adv
    return Line(text, tuple(faces), (style.size,) * len(text), tuple(xs), tuple(advs), tuple(xs), measure=x,
                start=0, end=len(text), final=True, size=style.size)


def break_vertical(text: str, style: TextStyle, fonts: FontSet, height: float) -> list[list[Cell]] | None:
    """The vertical lines of ``text`` in a column ``height`` pt tall: as few as fit,
    broken between words and as even as they allow; None if a unit is taller."""
    from layout.words import break_costs

    units = cells(text, style, fonts)
    if not units or max(c.length for c in units) > height + 1e-6:
        return None
    total = sum(c.length for c in units)
    m = max(1, math.ceil(total / height - 1e-9))
    # unit boundaries as text offsets, for the word costs
    offs = list(itertools.accumulate((len(c.source) for c in units), initial=0))
    costs = break_costs(text)
    cands = [k for k in range(1, len(units)) if math.isfinite(costs[offs[k]]) and _may_break(units, k)]
    for lines in range(m, len(units) + 1):
        best = _best_cut(units, cands, lines, height, [costs[offs[k]] for k in range(len(units) + 1)], style.size)
        if best is not None:
            return best
        if lines - m >= 2:
            break
    return _even(units, height)


def _may_break(units: list[Cell], k: int) -> bool:
    """No line starts with a closing mark or ends with an opening one (spec §1)."""
    return units[k].source not in "，。、：；！？）》」』】〕”’,.;:!?)" and units[k - 1].source not in "（《「『【〔“‘("


def _best_cut(units: list[Cell], cands: list[int], lines: int, height: float, cost: list[float],
              size: float) -> list[list[Cell]] | None:
    if lines == 1:
        return [units] if sum(c.length for c in units) <= height + 1e-6 else None
    if len(cands) < lines - 1 or math.comb(len(cands), lines - 1) > 4000:
        return None
    best: tuple[float, tuple[int, ...]] | None = None
    for cut in itertools.combinations(cands, lines - 1):
        lens = [sum(c.length for c in units[a:b]) for a, b in itertools.pairwise((0, *cut, len(units)))]
        if max(lens) > height + 1e-6:
            continue
        score = (max(lens) - min(lens)) / size + 2.0 * sum(cost[k] for k in cut)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return None
    return [units[a:b] for a, b in itertools.pairwise((0, *best[1], len(units)))]


def _even(units: list[Cell], height: float) -> list[list[Cell]]:
    """Fill each line to the column height (no word break fits)."""
    out: list[list[Cell]] = [[]]
    used = 0.0
    for c in units:
        if out[-1] and used + c.length > height + 1e-6:
            out.append([])
            used = 0.0
        out[-1].append(c)
        used += c.length
    return out


class VerticalBlock(NamedTuple):
    """A vertical headline group set: its items and the strip width it takes."""

    items: list[TextItem]
    width: float
    problems: list[Problem]


def set_vertical(groups: list[tuple[Sequence[str], TextStyle, str]], right: float, top: float, height: float,
                 fonts: FontSet, story: str) -> VerticalBlock:
    """Set ``groups`` (texts, style, kind: kicker then headline) as vertical lines from
    ``right`` leftwards, from ``top`` down, within ``height`` pt.  Each text of a group
    starts a line of its own (a headline given as a list: the user's breaks)."""
    items: list[TextItem] = []
    problems: list[Problem] = []
    x = right
    for texts, style, kind in groups:
        lines = []
        for text in texts:
            broken = break_vertical(text, style, fonts, height)
            if broken is None:
                problems.append(Problem(ProblemKind.VERTICAL, story, f"story {story!r}: the vertical {kind} "
                                        f"{text!r} does not fit the story's height ({height:.0f}pt): make the "
                                        f"story taller or the {kind} shorter"))
                continue
            lines.extend(broken)
        if not lines:
            continue
        pitch = LINE_PITCH * style.size
        gap = _spread(lines, height, style.size)
        for cells_ in lines:
            centre = x - pitch / 2
            y = top
            for c in cells_:
                if c.text:
                    items.append(_cell_item(c, style, fonts, centre, y, kind, story))
                y -= c.length + gap
            x -= pitch
    return VerticalBlock(items, right - x, problems)


def _spread(lines: list[list[Cell]], height: float, size: float) -> float:
    """Space added after each cell so the longest line runs the story's height
    (a short vertical headline over a tall story leaves a hole below it), at most
    ``MAX_SPREAD`` em; the other lines of the group take the same spacing."""
    longest = max(lines, key=lambda ln: sum(c.length for c in ln))
    n = len(longest)
    if n < 2:
        return 0.0
    room = height - sum(c.length for c in longest)
    return max(0.0, min(MAX_SPREAD * size, room / (n - 1)))


def _cell_item(c: Cell, style: TextStyle, fonts: FontSet, centre: float, top: float, kind: str,
               story: str) -> TextItem:
    line = _line(c.text, style, fonts)
    size = style.size
    if c.turned:  # reading downwards; the em box's middle on the line's centre
        return TextItem(line, centre - (CJK_ASCENT - 0.5) * size, top, kind, story, style.color, rotated=True)
    return TextItem(line, centre - line.measure / 2, top - CJK_ASCENT * size, kind, story, style.color)


class Split(NamedTuple):
    """A vertical headline placed: its items, the text columns left for the rest of
    the story, and what to report."""

    items: list[TextItem]
    columns: tuple[tuple[float, float], ...]
    problems: list[Problem]


def place_vertical(story_id: str, groups: list[tuple[Sequence[str], TextStyle, str]], columns: tuple[tuple[float, float], ...],
                   top: float, height: float, gutter: float, min_column: float, fonts: FontSet) -> Split:
    """Set the vertical groups at the right of ``columns`` and share the width left
    among as many text columns as before (fewer when they would be narrower than
    ``min_column``)."""
    x0, x1 = columns[0][0], columns[-1][1]
    block = set_vertical(groups, x1, top, height, fonts, story_id)
    problems = list(block.problems)
    room = x1 - block.width - gutter - x0
    k = len(columns)
    while k > 1 and (room - (k - 1) * gutter) / k < min_column:
        k -= 1
    if room < min_column:
        problems.append(Problem(ProblemKind.VERTICAL, story_id, f"story {story_id!r}: the vertical headline is "
                                f"{block.width:.0f}pt wide and leaves {max(room, 0):.0f}pt for the text, less "
                                f"than one column ({min_column:.0f}pt): widen the story or shorten the headline"))
        return Split(block.items, columns, problems)
    w = (room - (k - 1) * gutter) / k
    new = tuple((x0 + i * (w + gutter), x0 + i * (w + gutter) + w) for i in range(k))
    return Split(block.items, new, problems)
