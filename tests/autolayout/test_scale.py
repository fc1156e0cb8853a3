"""The automatic layout's cost grows linearly with the archive (issue 13, class 7),
checked by counting work, never by timing: how many times a story is measured at
a width, how many runs of stories the page search combines, how much of a long
paragraph is composed at widths wider than one column.  Twice the copy may cost
about twice the work, never four times."""

from __future__ import annotations

import numpy as np
import pytest
from autolayout_helpers import assert_text_kept

from layout.autolayout import auto_layout
from layout.autolayout import search as search_mod
from layout.autolayout import shapes as shapes_mod
from layout.autolayout.search import AT_TOP, BELOW_RULE, INF, RULE_ROWS, LeafTable, RunSearch
from layout.compose import compose as compose_mod
from layout.model.types import Span, Story

HEADS = ("城郊荷花竞相开放", "社区义诊进万家", "夜市烟火气回来了", "科技小院助农增收", "老旧小区改造惠及居民")
LINEAR = 2.6  # work for twice the copy, at most (linear: ~2; quadratic: ~4)


def _briefs(n: int) -> list[Story]:
    """``n`` one-line items, each its own story (headline + one 本报讯 sentence)."""
    return [Story(id=f"b{i + 1}", columns=Span(1, 1), rows=Span(1, 1), text_columns=1,
                  headline=(f"{HEADS[i % len(HEADS)]}{i + 1}",), byline="本报讯",
                  paragraphs=(f"{i % 28 + 1}日，开发区第{i + 1}场社区活动举行，居民踊跃参加。",)) for i in range(n)]


def _one_paragraph(chars: int) -> list[Story]:
    unit = "开发区持续优化营商环境，企业办事更加便利。"
    return [Story(id="long", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=("营商环境持续优化",),
                  byline="本报讯", paragraphs=((unit * (chars // len(unit) + 1))[:chars],))]


class _Work:
    """Counts, while installed: stories measured at one width (``StoryShapes.shapes``),
    runs combined by the page search, the longest text composed for a line count
    at more than one grid column (``Gauge._count``), the length of every text the
    composer prepares (``compose.prepare``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.measured = self.runs = self.longest = 0
        self.prepared: list[int] = []
        shapes, combine, count = shapes_mod.StoryShapes.shapes, RunSearch._combine, shapes_mod.Gauge._count
        prepare = compose_mod.prepare

        def counted_shapes(ss, w):
            self.measured += 1
            return shapes(ss, w)

        def counted_combine(search, runs):
            self.runs += len(runs)
            return combine(search, runs)

        def counted_count(gauge, text, byline, credit, w, k, width, *rest):
            if w > 1 and not any(key[:4] == (text, byline, credit, width) for key in gauge._lines):
                self.longest = max(self.longest, len(text or ""))
            return count(gauge, text, byline, credit, w, k, width, *rest)

        def counted_prepare(runs, *args):
            self.prepared.append(sum(len(r.text) for r in runs))
            return prepare(runs, *args)

        monkeypatch.setattr(compose_mod, "prepare", counted_prepare)
        monkeypatch.setattr(shapes_mod.StoryShapes, "shapes", counted_shapes)
        monkeypatch.setattr(RunSearch, "_combine", counted_combine)
        monkeypatch.setattr(shapes_mod.Gauge, "_count", counted_count)


def _work(monkeypatch, stories, template, fonts) -> tuple[_Work, int]:
    with monkeypatch.context() as m:
        work = _Work(m)
        result = auto_layout(stories, template, fonts)
    assert_text_kept(result, stories)
    return work, len(result.pages)



def test_briefs_cost_grows_linearly(tabloid, fonts, monkeypatch):
    """Pages of briefs: the stacked ones are measured one column wide only (not at
    every width: 5 a story on this template), and the page search over a page's
    units does not grow with the archive."""
    small, pages_small = _work(monkeypatch, _briefs(40), tabloid, fonts)
    large, pages_large = _work(monkeypatch, _briefs(80), tabloid, fonts)
    assert pages_large > pages_small
    assert large.measured <= 2 * 80
    assert large.measured <= LINEAR * small.measured
    assert large.runs <= LINEAR * small.runs


def test_a_paragraph_pages_long_is_not_composed_whole_at_wide_widths(tabloid, fonts, monkeypatch):
    """One paragraph over several pages: at widths wider than one column only about
    a page of it is ever composed (the part that goes on the page), never the rest
    of the paragraph on every page it reaches (that grew with the square of the
    pages)."""
    chars = 16_000
    work, pages = _work(monkeypatch, _one_paragraph(chars), tabloid, fonts)
    assert pages >= 3
    assert 0 < work.longest <= 1.5 * chars / pages
    assert work.measured <= 80 * pages


def test_a_paragraph_pages_long_is_prepared_once(tabloid, fonts, monkeypatch):
    """The rest of a paragraph carried on page after page is counted from the
    paragraph counted once (``compose.tails``): texts longer than two pages are
    prepared about once in all, not once per page and cut tried (that grew with
    the square of the pages: 3.8 times the paragraph at 16,000 characters, 26
    times at 64,000)."""
    chars = 16_000
    work, pages = _work(monkeypatch, _one_paragraph(chars), tabloid, fonts)
    assert pages >= 3
    assert sum(n for n in work.prepared if n > 2 * chars / pages) <= 1.2 * chars


def _brute_force(leaves: list[LeafTable], columns: int, rows: int, tomb: float) -> dict[tuple[int, int], np.ndarray]:
    """Every run's table ``[place, width, height]`` by the definition (``search``'s
    module doc), one sum at a time: above/below with a rule row between (the lower
    half under the rule), or side by side on the same row (a tombstone when the
    right half opens with a headline)."""
    out = {(i, i): leaf.costs.copy() for i, leaf in enumerate(leaves)}
    n = len(leaves)
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length - 1
            t = np.full((2, columns + 1, rows + 1), INF)
            for m in range(i, j):
                top, bottom = out[(i, m)], out[(m + 1, j)]
                extra = tomb if leaves[m + 1].has_headline else 0.0
                for p in (BELOW_RULE, AT_TOP):
                    for w in range(1, columns + 1):
                        for h in range(1, rows + 1):
                            best = t[p, w, h]
                            for h1 in range(1, h - RULE_ROWS):
                                best = min(best, top[p, w, h1] + bottom[BELOW_RULE, w, h - RULE_ROWS - h1])
                            side = min((top[p, w1, h] + bottom[p, w - w1, h] for w1 in range(1, w)), default=INF)
                            t[p, w, h] = min(best, side + extra)
            out[(i, j)] = t
    return out


@pytest.mark.parametrize("batch", [96, 3])
def test_page_search_gives_the_brute_force_tables(batch, monkeypatch):
    """The page search's array kernels (the runs' splits at once, only where both
    halves are finite, widths gathered first) give every run the table the
    definition gives, summed one pair at a time: the cost work changed how the
    sums are taken, never which or their values.  Also in batches cut short
    (``BATCH_SPLITS``)."""
    monkeypatch.setattr(search_mod, "BATCH_SPLITS", batch)
    rng = np.random.default_rng(13)
    columns, rows = 4, 14
    for _ in range(6):
        leaves = []
        for _k in range(5):
            costs = np.full((2, columns + 1, rows + 1), INF)
            live = rng.random((columns, rows)) < 0.25
            costs[:, 1:, 1:][:, live] = np.round(rng.random(int(live.sum())) * 8, 2)
            if rng.random() < 0.5:  # a headline group that leaves a hole under a rule
                costs[BELOW_RULE, 1:, 1:][live] += 3.0
            leaves.append(LeafTable(costs, {}, bool(rng.random() < 0.7)))
        costs = shapes_mod.Costs()
        want = _brute_force(leaves, columns, rows, costs.tombstone)
        for search in _alone_and_together(leaves, columns, rows, costs, None):
            for (i, j), table in want.items():
                got = search.table(i, j)[:, 0]
                if sum(search.volumes[i:j + 1]) > columns * rows:
                    continue  # more than a page: the search does not look (never used)
                assert np.array_equal(got, table), (i, j)
            assert search.table(0, 4)[AT_TOP, 0].shape == (columns + 1, rows + 1)
        # a lead story and its widths (options), one place and two mixed: batches give each run's own table
        alone, together = _alone_and_together(leaves, columns, rows, costs, [3, 4])
        for i, j in want:
            assert np.array_equal(alone.table(i, j), together.table(i, j)), (i, j)


def _alone_and_together(leaves, columns, rows, costs, lead_widths) -> tuple[RunSearch, RunSearch]:
    """Two searches over ``leaves``: one builds each run alone when asked (asked
    shortest first: one run a batch), the other every run at once, a batch per
    length (as the page search does)."""
    alone = RunSearch(leaves, columns, rows, costs, lead_widths)
    alone._horizon = lambda: -1  # type: ignore[method-assign]  # no run built before it is asked for
    together = RunSearch(leaves, columns, rows, costs, lead_widths)
    together.table(0, len(leaves) - 1)
    return alone, together
