"""The layout search: the cheapest guillotine layout of a run of stories in a
rectangle of the grid (page-layout.md, "A search that fits us").

Why guillotine and runs: a modular page is a rectangle cut in two, each half cut
again, down to one story per rectangle; if both halves of every cut are read top
to bottom and left to right, each half holds a consecutive run of the stories in
reading order.  So a state is (first story, last story, width, height): n²/2 x
columns x rows of them.  For every run and width the search keeps, per height, the
cheapest cost (infinite = infeasible): the feasibility of a height and its best
cost in one table, built from the stories' shapes (``shapes``) upwards.

- a horizontal cut puts run i..m above run m+1..j, with one grid row between them
  for the hairline rule (it becomes the ``below`` rule of the stories above);
- a vertical cut puts i..m left of m+1..j, the rule in the gutter (``right``);
  the top stories of both halves start on the same row, so their headlines stand
  side by side: a tombstone (rule 5), charged unless the right half opens without
  a headline;
- story 1 (the page's lead) is the widest story: searched for each width it may
  take (``lead_widths``), the others narrower (or as wide, when the lead spans
  the page) (rule 4).

The tables are numpy arrays ``[place, lead width option, width, height]``; a cut
is a min-plus combination of two tables.  The splits of all runs of one length
are combined at once (one min-plus over the heights for every split and width,
each on the heights where its halves are finite; one over the widths for the
side-by-side cuts), so a length costs a fixed number of array operations, whatever
its runs and their lengths: a page of n units is n²/2 runs in n batches (issue 13,
class 7: a page of briefs is searched over ~40 units).
Then the best layout is read back from the tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import as_strided

from layout.autolayout.shapes import Costs, Shape

INF = float("inf")
RULE_ROWS = 1  # a horizontal cut keeps one grid row for the hairline between the halves
_EPS = 1e-9
NO_FIT = 10**9
BATCH_SPLITS = 96  # splits combined at once at most: a batch's tables stacked (~3 MB on a broadsheet)
SPARSE_HEIGHTS = 12  # a table with at most this many finite heights is convolved height by height  # the volume of a story that fits nowhere on the page


@dataclass(frozen=True)
class Leaf:
    """Story ``story`` (index in the run's list) set as ``shape`` with ``extra``
    flexible rows, in a ``width`` x ``height`` rectangle."""

    story: int
    shape: Shape
    extra: int
    width: int
    height: int


@dataclass(frozen=True)
class Cut:
    """``first`` above (``horizontal``) or left of ``second``; ``size``: rows or
    columns of ``first``."""

    horizontal: bool
    first: Node
    second: Node
    width: int
    height: int


Node = Leaf | Cut


@dataclass(frozen=True)
class LeafTable:
    """A story's cheapest shape per (place, width, height) as an array ``[place,
    width, height]``: place ``BELOW_RULE`` (under another story) or ``AT_TOP`` (on the
    page's first row, where a blank beside the headline group is less deep)."""

    costs: np.ndarray
    choice: dict[tuple[int, int, int], tuple[Shape, int]]
    has_headline: bool


BELOW_RULE, AT_TOP = 0, 1
PLACES = 2


def leaf_table(shapes_by_width: dict[int, list[Shape]], columns: int, rows: int, costs: Costs,
               has_headline: bool) -> LeafTable:
    """Tabulate a story's shapes: every reachable height at every width."""
    arr = np.full((PLACES, columns + 1, rows + 1), INF)
    choice: dict[tuple[int, int, int], tuple[Shape, int]] = {}
    for w, shapes in shapes_by_width.items():
        if w > columns:
            continue
        for shape in shapes:
            for extra in range(shape.extra_max + 1):
                h = shape.min_height + extra
                if h < 1 or h > rows:
                    continue
                base = shape.cost + shape.extra_cost(extra, costs)
                for place, hole in ((BELOW_RULE, shape.hole_below_rule), (AT_TOP, shape.hole_at_top)):
                    c = base + (costs.head_hole if hole else 0.0)
                    if c < arr[place, w, h] - _EPS:
                        arr[place, w, h] = c
                        choice[(place, w, h)] = (shape, extra)
    return LeafTable(arr, choice, has_headline)


@dataclass(frozen=True)
class StackTable:
    """Consecutive short stories stacked in one rectangle, one under the other at
    the same width with a rule row between them (a column of briefs, 简讯): one
    leaf of the run search, so a page of a hundred one-line items is searched as
    a dozen units and the search stays linear in the archive (issue 13, class 7).
    ``costs`` as a ``LeafTable``'s; ``prefixes[n]``: the table of the first
    ``n + 1`` parts, for reading a layout back."""

    costs: np.ndarray
    parts: tuple[LeafTable, ...]
    prefixes: tuple[np.ndarray, ...]
    has_headline: bool

    @property
    def count(self) -> int:
        return len(self.parts)


def stack_table(parts: Sequence[LeafTable]) -> StackTable:
    """The cheapest stack of ``parts`` (in reading order) per place, width and
    height: the first part keeps the place, the others stand under a rule; the
    heights add up with ``RULE_ROWS`` between (min-plus, as a horizontal cut)."""
    first = parts[0].costs
    places, widths, heights = first.shape
    acc = first
    prefixes = [acc]
    for part in parts[1:]:
        below = np.broadcast_to(part.costs[BELOW_RULE][None], acc.shape)
        keep = heights - RULE_ROWS
        res = _min_plus(acc.reshape(-1, heights), below.reshape(-1, heights), keep).reshape(places, widths, -1)
        nxt = np.full(acc.shape, INF)
        nxt[:, :, RULE_ROWS:] = res[:, :, :keep]
        acc = nxt
        prefixes.append(acc)
    return StackTable(acc, tuple(parts), tuple(prefixes), parts[0].has_headline)


def stack_layout(stack: StackTable, first_story: int, place: int, w: int, h: int) -> Node:
    """The stack's layout ``w`` x ``h`` that reaches its table's cost, its leaves
    numbered from ``first_story``."""
    n = stack.count - 1
    if n == 0:
        return _leaf_node(stack.parts[0], first_story, place, w, h)
    target = float(stack.prefixes[n][place, w, h])
    part = stack.parts[n].costs[BELOW_RULE, w]
    prev = stack.prefixes[n - 1][place, w]
    hs = np.arange(1, h - RULE_ROWS)
    at = _first(prev[h - RULE_ROWS - hs] + part[hs], target)  # the first h2 in order
    if at >= 0:
        h2 = int(hs[at])
        h1 = h - RULE_ROWS - h2
        head = StackTable(stack.prefixes[n - 1], stack.parts[:n], stack.prefixes[:n], stack.has_headline)
        return Cut(True, stack_layout(head, first_story, place, w, h1),
                   _leaf_node(stack.parts[n], first_story + n, BELOW_RULE, w, h2), w, h)
    raise AssertionError(f"no stack layout reaches {target}")


def _leaf_node(leaf: LeafTable, story: int, place: int, w: int, h: int) -> Leaf:
    shape, extra = leaf.choice[(place, w, h)]
    return Leaf(story, shape, extra, w, h)


Unit = LeafTable | StackTable


class _Lives:
    """Where each run's table is finite, for all runs of a search in arrays indexed
    ``[first, last]``, so the splits of a run read theirs with one index: per width
    the lowest and highest finite height over all places and lead options
    (``bounds[..., LO / HI, width]``, ``lo > hi`` where none), and the same in place
    ``BELOW_RULE`` (``BELOW_LO / BELOW_HI``: the table as the lower half of a
    horizontal cut); whether any height is finite; the lowest and highest finite
    height over all widths.  Read once per table; every cut the table takes part
    in bounds its arrays by it."""

    def __init__(self, n: int, widths: int):
        self.bounds = np.zeros((n, n, 4, widths), np.int64)
        self.any = np.zeros((n, n), bool)
        self.lowest = np.zeros((n, n), np.int64)
        self.highest = np.zeros((n, n), np.int64)

    def set(self, i: int, j: int, table: np.ndarray) -> None:
        self.set_many(np.array([i]), np.array([j]), table[None])

    def set_many(self, first: np.ndarray, last: np.ndarray, tables: np.ndarray) -> None:
        """Read the tables ``[run, place, option, width, height]`` of runs
        ``first[r]..last[r]``."""
        finite = np.isfinite(tables)
        # both in one pass: [any place, under a rule] x width, by height
        live = np.concatenate((finite.any(axis=(1, 2)), finite[:, BELOW_RULE].any(axis=1)), axis=1)
        runs, rows, heights = live.shape
        lo, hi = (x.reshape(runs, rows) for x in _height_ranges(live.reshape(-1, heights)))
        widths = rows // 2
        b = np.stack((lo[:, :widths], hi[:, :widths], lo[:, widths:], hi[:, widths:]), axis=1)
        self.bounds[first, last] = b
        self.any[first, last] = (b[:, LO] <= b[:, HI]).any(axis=1)
        self.lowest[first, last], self.highest[first, last] = b[:, LO].min(axis=1), b[:, HI].max(axis=1)

    def first(self, n: int) -> _Lives:
        """A copy for a search of ``n`` runs' ends, keeping the runs ending before ``n - 1``."""
        other = _Lives(n, self.bounds.shape[-1])
        k = n - 1
        other.bounds[:k, :k] = self.bounds[:k, :k]
        other.any[:k, :k] = self.any[:k, :k]
        other.lowest[:k, :k] = self.lowest[:k, :k]
        other.highest[:k, :k] = self.highest[:k, :k]
        return other


LO, HI, BELOW_LO, BELOW_HI = range(4)


@dataclass(frozen=True)
class _Splits:
    """The splits of runs of one length into two shorter runs (those where both
    are finite), all runs' in a row: the first halves' and the second halves'
    tables stacked ``[split, place, option, width, height]``, each split's run
    (``run``: its index in the batch; ``i..j``: the run), its split point ``ms``
    (first half i..m) and the tombstone its side-by-side cut costs."""

    tops: np.ndarray
    bottoms: np.ndarray
    run: np.ndarray
    i: np.ndarray
    j: np.ndarray
    ms: np.ndarray
    tombs: np.ndarray


class RunSearch:
    """Tables of every run of ``leaves`` (stories in reading order) on a grid of
    ``columns`` x ``rows``; ``lead_widths``: the widths story 0 is tried at (others
    narrower), or None when story 0 is not a lead (a continuation page).  A table
    is ``[place, lead option, width, height]``.

    Cost (issue 13, class 7): a run whose stories cost the same in both places (no
    headline group that leaves a hole) keeps one place, broadcast where it meets a
    run that keeps two (``table`` always answers with both); a cut computes only
    the widths and heights where both halves are finite and the sum fits the page
    (``_Lives``).  The tables and so the layouts found are the same."""

    def __init__(self, leaves: Sequence[Unit], columns: int, rows: int, costs: Costs,
                 lead_widths: Sequence[int] | None):
        self.leaves = list(leaves)
        self.offsets = _offsets(self.leaves)
        self.columns, self.rows, self.costs = columns, rows, costs
        self.lead_widths = tuple(lead_widths) if lead_widths else (columns,)
        self.ranked = lead_widths is not None
        self.tables: dict[tuple[int, int], np.ndarray] = {}
        self.lives = _Lives(len(self.leaves), columns + 1)
        for i in range(len(self.leaves)):
            self._store(i, i, self._leaf(i))
        self.volumes = [_volume(leaf.costs) for leaf in self.leaves]

    def _store(self, i: int, j: int, table: np.ndarray) -> None:
        self.tables[(i, j)] = table
        self.lives.set(i, j, table)

    def _leaf(self, i: int) -> np.ndarray:
        base = self.leaves[i].costs
        if np.array_equal(base[BELOW_RULE], base[AT_TOP]):
            base = base[:1]  # the same in both places: one place, broadcast (see the class doc)
        out = np.repeat(base[:, None, :, :], len(self.lead_widths), axis=1)
        if self.ranked:
            for n, wmax in enumerate(self.lead_widths):
                if i == 0:
                    keep = out[:, n, wmax].copy()
                    out[:, n] = INF
                    out[:, n, wmax] = keep
                elif wmax < self.columns:
                    out[:, n, wmax:] = INF  # narrower than the lead (a full-width lead may be matched)
        return out

    def with_last(self, leaf: Unit, keep: int) -> RunSearch:
        """A search over the first ``keep`` stories and then ``leaf`` (a story cut
        for a continuation), reusing the tables of the runs it shares."""
        other = RunSearch.__new__(RunSearch)
        other.leaves = [*self.leaves[:keep], leaf]
        other.offsets = _offsets(other.leaves)
        other.columns, other.rows, other.costs = self.columns, self.rows, self.costs
        other.lead_widths, other.ranked = self.lead_widths, self.ranked
        other.tables = {k: v for k, v in self.tables.items() if k[1] < keep}
        other.lives = self.lives.first(keep + 1)
        last = other._leaf(keep)
        other.tables[(keep, keep)] = last
        other.lives.set(keep, keep, last)
        other.volumes = [*self.volumes[:keep], _volume(leaf.costs)]
        return other

    def table(self, i: int, j: int) -> np.ndarray:
        """Costs ``[place, lead option, width, height]`` of run i..j (computed on
        demand, shorter runs first)."""
        return self._both(self._table(i, j))

    @staticmethod
    def _both(table: np.ndarray) -> np.ndarray:
        return np.broadcast_to(table, (PLACES, *table.shape[1:]))

    def _table(self, i: int, j: int) -> np.ndarray:
        """Run i..j's table, built with every run inside i..``last`` not built yet,
        shortest first, those of one length at once (``_combine``): ``last`` is
        ``j``, or for a run from the page's first unit the last unit whose stories'
        volumes still fit the page (the page search asks for each such prefix in
        turn, ``paginate._prefixes``: one length's runs are then one batch, not one
        run after another)."""
        if (i, j) not in self.tables:
            last = max(j, self._horizon()) if i == 0 else j
            for length in range(2, last - i + 2):
                runs = [(a, a + length - 1) for a in range(i, last - length + 2)
                        if (a, a + length - 1) not in self.tables]
                if runs:
                    self._combine(runs)
        return self.tables[(i, j)]

    def _horizon(self) -> int:
        """The last unit whose prefix of volumes fits the page (-1: not even the first)."""
        fits = np.cumsum(self.volumes) <= self.columns * self.rows
        return int(np.flatnonzero(fits)[-1]) if fits.any() else -1

    def _combine(self, runs: Sequence[tuple[int, int]]) -> None:
        """Build and store the tables of ``runs``, all of one length (each made of
        shorter runs only), in batches by number of places of up to ``BATCH_SPLITS``
        splits: a run costs its share of a fixed number of array operations (issue
        13, class 7: ~60 a run when each was combined alone, a page of briefs being
        ~500 runs), and a batch's stacked tables stay a few MB."""
        R, C = self.rows, self.columns
        options = len(self.lead_widths)
        batches: dict[int, list[tuple[int, int, np.ndarray]]] = {}
        for i, j in runs:
            # a run keeps the places its stories keep (``_leaf``): i..j-1's (computed first) and j's
            places = max(self.tables[(i, j - 1)].shape[0], self.tables[(j, j)].shape[0])
            ms = i + np.flatnonzero(self.lives.any[i, i:j] & self.lives.any[i + 1:j + 1, j])
            if sum(self.volumes[i:j + 1]) > C * R or not len(ms):
                self._store(i, j, np.full((places, options, C + 1, R + 1), INF))  # more than the page holds
                continue
            batches.setdefault(places, []).append((i, j, ms))
        for places, runs_of in batches.items():
            for batch in _chunks(runs_of, BATCH_SPLITS):
                self._combine_batch(places, batch)

    def _combine_batch(self, places: int, batch: Sequence[tuple[int, int, np.ndarray]]) -> None:
        """Build and store the tables of runs ``(i, j, their splits)`` of one length
        and number of places at once."""
        R, C = self.rows, self.columns
        options = len(self.lead_widths)
        out = np.full((len(batch), places, options, C + 1, R + 1), INF)
        counts = [len(ms) for _i, _j, ms in batch]
        run = np.repeat(np.arange(len(batch)), counts)
        first, last = np.array([i for i, _j, _ms in batch]), np.array([j for _i, j, _ms in batch])
        ms = np.concatenate([ms for _i, _j, ms in batch])
        tops, bottoms = np.empty((len(ms), *out.shape[1:])), np.empty((len(ms), *out.shape[1:]))
        for n, (i, m, j) in enumerate(zip(first[run].tolist(), ms.tolist(), last[run].tolist(), strict=True)):
            tops[n] = self.tables[(i, m)]  # one place broadcast to two where the run needs both
            bottoms[n] = self.tables[(m + 1, j)]
        splits = _Splits(tops, bottoms, run, first[run], last[run], ms,
                         np.array([self._tomb(m + 1) for m in ms.tolist()]))
        # the upper half keeps the place; the lower half is under a rule
        self._horizontal(splits, out)
        self._vertical(splits, out)
        for (i, j, _ms), table in zip(batch, out, strict=True):
            self.tables[(i, j)] = table
        self.lives.set_many(first, last, out)

    def _tomb(self, first_right: int) -> float:
        return self.costs.tombstone if self.leaves[first_right].has_headline else 0.0

    def _horizontal(self, splits: _Splits, out: np.ndarray) -> None:
        """One above the other, every split of the runs at once: a min-plus
        convolution over the heights for each (split, width) where both halves are
        finite and fit the page with the rule row between, each on its own range of
        heights (gathered to a common length, scattered back by its offset).  The
        upper half keeps the place; the lower one stands under the rule.  ``out``:
        [run, place, option, width, height]."""
        R = self.rows
        places, options = out.shape[1], out.shape[2]
        top = self.lives.bounds[splits.i, splits.ms]  # [split, bound, width]
        bottom = self.lives.bounds[splits.ms + 1, splits.j]
        top_lo, top_hi, bot_lo, bot_hi = top[:, LO], top[:, HI], bottom[:, BELOW_LO], bottom[:, BELOW_HI]
        fits = (top_lo <= top_hi) & (bot_lo <= bot_hi) & (top_lo + bot_lo + RULE_ROWS <= R)
        ms, ws = np.nonzero(fits)
        if not len(ws):
            return
        group = splits.run[ms] * out.shape[3] + ws  # (run, width): its pairs made consecutive
        order = np.argsort(group, kind="stable")
        ms, ws, group = ms[order], ws[order], group[order]
        a0, b0 = top_lo[ms, ws], bot_lo[ms, ws]
        a1 = np.minimum(top_hi[ms, ws], R - RULE_ROWS - b0)  # taller halves overfill the page
        b1 = np.minimum(bot_hi[ms, ws], R - RULE_ROWS - a0)
        na, nb = int((a1 - a0).max()) + 1, int((b1 - b0).max()) + 1
        base = a0 + b0 + RULE_ROWS  # the height of each pair's first sum
        n = min(na + nb - 1, R + 1 - int(base.min()))
        # [split, width, height, place, option]: a pair's heights gathered from its own first one
        # (an index past the table reads its last row: such sums are taller than the page, dropped)
        tops = splits.tops.transpose(0, 3, 4, 1, 2)
        bottoms = splits.bottoms[:, BELOW_RULE].transpose(0, 2, 3, 1)
        a = tops[ms[:, None], ws[:, None], np.minimum(a0[:, None] + np.arange(na), R)]  # [pair, na, place, option]
        b = bottoms[ms[:, None], ws[:, None], np.minimum(b0[:, None] + np.arange(nb), R)]  # [pair, nb, option]
        a = a.transpose(0, 2, 3, 1).reshape(-1, na)
        if places * options == 1:
            b = b.reshape(-1, nb)
        else:
            b = np.broadcast_to(b.transpose(0, 2, 1)[:, None], (len(ws), places, options, nb)).reshape(-1, nb)
        res = _min_plus(a, b, n).reshape(len(ws), places, options, n)
        heights = base[:, None] + np.arange(n)  # [pair, n]
        res = np.where((heights > R)[:, None, None, :], INF, res)
        spread = np.full((len(ws), places, options, R + 1 + n), INF)
        spread[np.arange(len(ws))[:, None], :, :, heights] = res.transpose(0, 3, 1, 2)  # each pair from its base
        starts = np.flatnonzero(np.concatenate(((True,), group[1:] != group[:-1])))  # each (run, width)'s first pair
        runs, first_w = splits.run[ms[starts]], ws[starts]
        best = np.minimum.reduceat(spread[..., :R + 1], starts, axis=0)  # [(run, width), place, option, height]
        out[runs, :, :, first_w, :] = np.minimum(out[runs, :, :, first_w, :], best)

    def _vertical(self, splits: _Splits, out: np.ndarray) -> None:
        """Side by side, every split of the runs at once: both halves keep the place
        (both start on the same row); a min-plus convolution over the widths, on
        the rows (split, place, option, height) where both halves are finite (a
        row infinite in a half sums to infinity), gathered with the widths first:
        each pair of widths that adds up to a width is one whole-row sum, each
        width's minimum one ``reduceat`` over its pairs, each run's over its
        splits another.  ``out``: [run, place, option, width, height]."""
        lv, i, j, ms = self.lives, splits.i, splits.j, splits.ms
        lows = np.maximum(lv.lowest[i, ms], lv.lowest[ms + 1, j])  # per split: heights where both halves are finite
        highs = np.minimum(lv.highest[i, ms], lv.highest[ms + 1, j])
        keep = np.flatnonzero(lows <= highs)
        pairs = _width_pairs(out.shape[3])
        if not len(keep) or pairs is None:
            return
        first, second, starts, targets = pairs
        h0, h1 = int(lows[keep].min()), int(highs[keep].max())
        pick = slice(None) if len(keep) == len(splits.tombs) else keep
        a = splits.tops[pick, ..., h0:h1 + 1]  # [split, place, option, width, height]
        b = splits.bottoms[pick, ..., h0:h1 + 1]
        rows = np.nonzero(np.isfinite(a).any(axis=3) & np.isfinite(b).any(axis=3))  # (split, place, option, height)
        if not len(rows[0]):
            return
        s, p, o, h = rows
        a, b = a[s, p, o, :, h].T, b[s, p, o, :, h].T  # [width, row]
        sums = np.minimum.reduceat(a[first] + b[second], starts, axis=0)  # [target width, row]
        # the tombstone after the minimum over the widths: rounding is monotone, the sums are the same
        sums += splits.tombs[pick][s]
        # each run's minimum over its splits, per (place, option, height)
        run = splits.run[pick][s]
        group = ((run * out.shape[1] + p) * out.shape[2] + o) * (h1 - h0 + 1) + h
        order = np.argsort(group, kind="stable")
        group = group[order]
        cut = np.flatnonzero(np.concatenate(((True,), group[1:] != group[:-1])))
        best = np.minimum.reduceat(sums[:, order], cut, axis=1)  # [target width, (run, place, option, height)]
        at = order[cut]
        idx = (run[at][:, None], p[at][:, None], o[at][:, None], targets[None, :], h0 + h[at][:, None])
        out[idx] = np.minimum(out[idx], best.T)

    # -------------------------------------------------------------- reading back
    def best(self, j: int, heights: Sequence[int]) -> tuple[float, int, int] | None:
        """The cheapest (cost, lead option, height) of stories 0..j at the top of
        the page over its full width at one of ``heights``; None when none fits."""
        t = self.table(0, j)[AT_TOP, :, self.columns, :]
        best: tuple[float, int, int] | None = None
        for h in heights:
            if 1 <= h <= self.rows:
                n = int(np.argmin(t[:, h]))
                c = float(t[n, h])
                if c < INF and (best is None or c < best[0] - _EPS):
                    best = (c, n, h)
        return best

    def layout(self, i: int, j: int, option: int, w: int, h: int, place: int = AT_TOP) -> Node:
        """The layout of run i..j in ``w`` x ``h`` that achieves the table's cost."""
        target = float(self.table(i, j)[place, option, w, h])
        if target == INF:
            raise ValueError(f"run {i}..{j} has no layout {w}x{h}")
        if i == j:
            unit = self.leaves[i]
            if isinstance(unit, StackTable):
                return stack_layout(unit, self.offsets[i], place, w, h)
            return _leaf_node(unit, self.offsets[i], place, w, h)
        for m in range(i, j):
            top, bottom = self.table(i, m)[:, option], self.table(m + 1, j)[:, option]
            # the first height (then width) in order whose sum reaches the target, as
            # a loop over h1 (w1) would find it: the sums added in the same order
            hs = np.arange(1, h - RULE_ROWS)
            at = _first(top[place, w, hs] + bottom[BELOW_RULE, w, h - RULE_ROWS - hs], target)
            if at >= 0:
                h1 = int(hs[at])
                h2 = h - RULE_ROWS - h1
                return Cut(True, self.layout(i, m, option, w, h1, place),
                           self.layout(m + 1, j, option, w, h2, BELOW_RULE), w, h)
            ws = np.arange(1, w)
            at = _first(top[place, ws, h] + bottom[place, w - ws, h] + self._tomb(m + 1), target)
            if at >= 0:
                w1 = int(ws[at])
                return Cut(False, self.layout(i, m, option, w1, h, place),
                           self.layout(m + 1, j, option, w - w1, h, place), w, h)
        raise AssertionError(f"no layout of run {i}..{j} reaches its cost {target}")


def _chunks(runs: list[tuple[int, int, np.ndarray]], most: int) -> list[list[tuple[int, int, np.ndarray]]]:
    """``runs`` (each with its splits) in consecutive groups of at most ``most``
    splits (a run with more is a group of its own)."""
    out: list[list[tuple[int, int, np.ndarray]]] = []
    count = most
    for run in runs:
        if count + len(run[2]) > most:
            out.append([])
            count = 0
        out[-1].append(run)
        count += len(run[2])
    return out


def _first(sums: np.ndarray, target: float) -> int:
    """The index of the first of ``sums`` within 1e-6 of ``target``, or -1."""
    hit = np.flatnonzero(np.abs(sums - target) < 1e-6)
    return int(hit[0]) if len(hit) else -1


def _offsets(units: Sequence[Unit]) -> list[int]:
    """The index of each unit's first story in the flat list of stories."""
    out, n = [], 0
    for u in units:
        out.append(n)
        n += u.count if isinstance(u, StackTable) else 1
    return out


def _volume(costs: np.ndarray) -> int:
    """The fewest grid cells a story takes at any width (a lower bound for packing)."""
    ws, hs = np.nonzero(np.isfinite(costs).any(axis=0))
    return int((ws * hs).min()) if len(ws) else NO_FIT


def _height_ranges(live: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``live`` ``[width, height]``: the first and last True height
    (``lo > hi`` where there is none)."""
    has = live.any(axis=1)
    heights = live.shape[1]
    lo = np.where(has, live.argmax(axis=1), heights)
    hi = np.where(has, heights - 1 - live[:, ::-1].argmax(axis=1), -1)
    return lo, hi


@lru_cache(maxsize=8)
def _width_pairs(widths: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(first widths, second widths, where each target's pairs start, targets) of
    every pair of widths 1.. adding up to a width below ``widths``, by target: no
    story is 0 columns wide (column 0 is infinite in every table), so only these
    pairs are added (28 on 8 columns, not 81)."""
    first = [w1 for w in range(2, widths) for w1 in range(1, w)]
    if not first:
        return None
    total = [w for w in range(2, widths) for _ in range(1, w)]
    second = [w - w1 for w, w1 in zip(total, first, strict=True)]
    starts = [k for k in range(len(total)) if k == 0 or total[k] != total[k - 1]]
    return np.array(first), np.array(second), np.array(starts), np.array(sorted(set(total)))


def _min_plus(a: np.ndarray, b: np.ndarray, limit: int | None = None, dense: bool = False) -> np.ndarray:
    """``out[:, h] = min over i of a[:, i] + b[:, h - i]`` for arrays ``[row, height]``,
    for ``h`` below ``limit`` (default: every height the sum reaches): shifted
    copies of ``b``, one per finite height of ``a`` when there are few (a story's
    table), else (or when ``dense``: short rows) a strided view of ``b`` shifted
    once per height.  Both add the same pairs: the same values."""
    rows, n1 = a.shape
    n2 = b.shape[1]
    n = n1 + n2 - 1 if limit is None else min(n1 + n2 - 1, limit)
    n1 = min(n1, n)  # a taller top reaches no height below the limit
    live = None if dense else np.nonzero(np.isfinite(a[:, :n1]).any(axis=0))[0]
    if live is not None and (len(live) * 4 < n1 or len(live) <= SPARSE_HEIGHTS):
        out = np.full((rows, n), INF)
        for i in live.tolist():
            k = min(n2, n - i)
            np.minimum(out[:, i:i + k], a[:, i, None] + b[:, :k], out=out[:, i:i + k])
        return out
    padded = np.full((rows, n1 - 1 + n), INF)
    k = min(n2, n)
    padded[:, n1 - 1:n1 - 1 + k] = b[:, :k]
    s0, s1 = padded.strides
    # shifted[r, i, h] = padded[r, n1 - 1 - i + h] = b[r, h - i]
    shifted = as_strided(padded[:, n1 - 1:], shape=(rows, n1, n), strides=(s0, -s1, s1), writeable=False)
    return (a[:, :n1, None] + shifted).min(axis=1)
