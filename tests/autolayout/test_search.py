"""The guillotine search on hand-made shape tables: exact fills, reading order,
the lead's width, tombstones, and the min-plus step it is built on."""

from __future__ import annotations

import numpy as np
import pytest

from layout.autolayout.search import AT_TOP, INF, RULE_ROWS, Cut, Leaf, RunSearch, _min_plus, leaf_table
from layout.autolayout.shapes import Costs, Shape


def _leaf(widths: dict[int, list[int]], columns: int, rows: int, headline: bool = True):
    """A story that fits exactly the given heights at the given widths, at no cost."""
    shapes = {w: [Shape(w, w, 0, h, 0, 0, 0.0) for h in hs] for w, hs in widths.items()}
    return leaf_table(shapes, columns, rows, Costs(), headline)


def _leaves(node):
    return [node] if isinstance(node, Leaf) else _leaves(node.first) + _leaves(node.second)


def test_min_plus_matches_brute_force():
    rng = np.random.default_rng(7)
    for _ in range(30):
        n1, n2 = rng.integers(1, 7, size=2)
        a, b = rng.random((2, n1)), rng.random((2, n2))
        a[a < 0.3], b[b < 0.3] = INF, INF
        want = np.full((2, n1 + n2 - 1), INF)
        for r in range(2):
            for i in range(n1):
                for j in range(n2):
                    want[r, i + j] = min(want[r, i + j], a[r, i] + b[r, j])
        assert np.allclose(_min_plus(a, b), want)
        for limit in (1, 3, n1 + n2 + 2):  # a limit keeps the heights below it, the same values
            assert np.array_equal(_min_plus(a, b, limit), want[:, :limit])


def test_two_stories_stack_or_stand_side_by_side():
    C, R = 4, 30
    a = _leaf({4: [10], 2: [30]}, C, R)
    b = _leaf({4: [15], 2: [30]}, C, R)
    search = RunSearch([a, b], C, R, Costs(), None)
    table = search.table(0, 1)[AT_TOP, 0, C]
    assert table[10 + RULE_ROWS + 15] == 0.0  # stacked, a rule row between
    assert table[30] == Costs().tombstone  # side by side: two headlines level
    node = search.layout(0, 1, 0, C, 30)
    assert isinstance(node, Cut) and not node.horizontal
    assert [leaf.story for leaf in _leaves(node)] == [0, 1]  # reading order: left first


def test_infeasible_heights_stay_infinite():
    C, R = 3, 20
    search = RunSearch([_leaf({3: [7]}, C, R), _leaf({3: [7]}, C, R)], C, R, Costs(), None)
    table = search.table(0, 1)[AT_TOP, 0, C]
    assert table[15] == 0.0 and np.isinf(np.delete(table, 15)).all()


def test_lead_is_never_narrower_than_another_story():
    C, R = 4, 21
    lead = _leaf({2: [21], 4: [10]}, C, R)
    other = _leaf({2: [21], 4: [10]}, C, R)
    ranked = RunSearch([lead, other], C, R, Costs(), [2, 3, 4])
    t = ranked.table(0, 1)[AT_TOP, :, C, 21]
    assert np.isinf(t[0])  # lead 2 wide beside another 2 wide: not allowed
    assert t[2] == 0.0  # lead full width, the other full width below it
    free = RunSearch([lead, other], C, R, Costs(), None).table(0, 1)[AT_TOP, 0, C, 21]
    assert free == 0.0  # without the rule the cheaper of the two is found too


@pytest.mark.parametrize("n", [3, 5])
def test_every_leaf_lands_in_order(n):
    C, R = 3, 40
    leaves = [_leaf({1: list(range(5, 40)), 3: list(range(3, 15))}, C, R) for _ in range(n)]
    search = RunSearch(leaves, C, R, Costs(), None)
    assert np.isfinite(search.table(0, n - 1)[AT_TOP, 0, C, R])
    node = search.layout(0, n - 1, 0, C, R)
    assert [leaf.story for leaf in _leaves(node)] == list(range(n))


def test_one_place_tables_match_two_place_tables():
    """A run whose stories cost the same in both places keeps one place (cost only):
    its table, read in either place, is the one the two-place search builds."""
    C, R = 3, 30
    plain = [_leaf({1: [8, 9, 12], 3: [4, 5]}, C, R, headline=bool(k % 2)) for k in range(4)]
    holed = leaf_table({3: [Shape(3, 3, 2, 3, 1, 0, 0.0, hole_below_rule=True)]}, C, R, Costs(), True)
    for leaves in (plain, [*plain[:2], holed, plain[2]]):
        one = RunSearch(leaves, C, R, Costs(), [2, 3])
        two = RunSearch(leaves, C, R, Costs(), [2, 3])
        two._leaf = lambda i, s=two: _two_places(s, i)  # type: ignore[method-assign]
        two.tables = {}
        for i in range(len(leaves)):
            two._store(i, i, two._leaf(i))
        n = len(leaves) - 1
        assert np.array_equal(one.table(0, n), two.table(0, n))
        assert one.tables[(0, 1)].shape[0] == 1 and two.tables[(0, 1)].shape[0] == 2
        assert np.array_equal(one.table(1, n), two.table(1, n))


def _two_places(search, i):
    """``RunSearch._leaf`` without the one-place form."""
    base = search.leaves[i].costs
    out = np.repeat(base[:, None, :, :], len(search.lead_widths), axis=1)
    for n, wmax in enumerate(search.lead_widths):
        if i == 0:
            keep = out[:, n, wmax].copy()
            out[:, n] = INF
            out[:, n, wmax] = keep
        elif wmax < search.columns:
            out[:, n, wmax:] = INF
    return out


def _reference(leaves, C, R, lead_widths):
    """Run tables the plain way (every split, width and pair of heights in turn),
    for comparing the vectorised search with (issue 13: cost only, same tables)."""
    search = RunSearch(leaves, C, R, Costs(), lead_widths)
    tables = {(i, i): np.broadcast_to(search.tables[(i, i)], (2, *search.tables[(i, i)].shape[1:]))
              for i in range(len(leaves))}
    for length in range(2, len(leaves) + 1):
        for i in range(len(leaves) - length + 1):
            j = i + length - 1
            out = np.full((2, *tables[(i, i)].shape[1:]), INF)
            if sum(search.volumes[i:j + 1]) <= C * R:
                for m in range(i, j):
                    top, bottom = tables[(i, m)], tables[(m + 1, j)]
                    for w in range(C + 1):
                        for h1 in range(R + 1):
                            for h2 in range(R + 1 - RULE_ROWS - h1):
                                h = h1 + RULE_ROWS + h2
                                out[:, :, w, h] = np.minimum(out[:, :, w, h], top[:, :, w, h1] + bottom[0, :, w, h2])
                    tomb = Costs().tombstone if leaves[m + 1].has_headline else 0.0
                    for w1 in range(1, C):
                        for w2 in range(1, C + 1 - w1):
                            out[:, :, w1 + w2] = np.minimum(out[:, :, w1 + w2], top[:, :, w1] + bottom[:, :, w2] + tomb)
            tables[(i, j)] = out
    return tables


@pytest.mark.parametrize("seed", range(4))
def test_vectorised_search_matches_the_plain_one(seed):
    rng = np.random.default_rng(seed)
    C, R = 4, 18
    leaves = []
    for _ in range(5):
        shapes = {}
        for w in rng.choice(np.arange(1, C + 1), size=rng.integers(1, C + 1), replace=False):
            shapes[int(w)] = [Shape(int(w), int(w), int(rng.integers(0, 3)), int(rng.integers(1, 8)),
                                    int(rng.integers(0, 3)), int(rng.integers(0, 2)), float(rng.integers(0, 8)) / 4,
                                    hole_below_rule=bool(rng.random() < 0.3))]
        leaves.append(leaf_table(shapes, C, R, Costs(), bool(rng.random() < 0.7)))
    for lead_widths in (None, [2, 3, 4]):
        want = _reference(leaves, C, R, lead_widths)
        search = RunSearch(leaves, C, R, Costs(), lead_widths)
        for (i, j), table in want.items():
            assert np.array_equal(search.table(i, j), table), (i, j, lead_widths)
