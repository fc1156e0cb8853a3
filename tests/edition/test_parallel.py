"""map_pages: results in order whatever the processes, this process taking part."""

from __future__ import annotations

import os
import time

import pytest

from layout.edition.parallel import map_pages


def _square_and_pid(x: int) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that no process takes every item before the others start
    return x * x, os.getpid()


def _fails_on_five(x: int) -> int:
    if x == 5:
        raise ValueError("five")
    return x


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_in_order_and_progress(jobs):
    seen: list[int] = []
    out = map_pages(_square_and_pid, list(range(9)), jobs, seen.append)
    assert [v for v, _ in out] == [x * x for x in range(9)]
    assert seen == list(range(9))  # one call per item, counting
    pids = {p for _, p in out}
    assert out[0][1] == os.getpid()  # the first item here, before any worker starts
    assert pids == {os.getpid()} if jobs == 1 else len(pids) >= 2  # workers took part too


def _plus_given(x: int, given: tuple[int, ...]) -> tuple[int, tuple[int, ...], int]:
    time.sleep(0.02)
    return x + sum(given), given, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_an_item_waits_for_the_items_it_needs(jobs):
    """``after``: item i is computed once the items it names are done, in this
    process, with ``given(i, results)`` built from their results (an edition page
    that continues stories of earlier pages); the rest go wide."""
    after = [(), (0,), (), (1, 2), (), (), (3,), ()]
    calls: list[int] = []

    def given(i: int, out: list) -> tuple[int, ...]:
        calls.append(i)
        assert all(out[k] is not None for k in after[i])  # what it waits for is done
        return tuple(out[k][0] for k in after[i])

    out = map_pages(_plus_given, list(range(8)), jobs, after=after, given=given)
    want: list[int] = []
    for i, deps in enumerate(after):
        want.append(i + sum(want[k] for k in deps))
    assert [v for v, _, _ in out] == want
    waiting = [i for i, deps in enumerate(after) if deps]
    assert {out[i][2] for i in waiting} == {os.getpid()}  # computed here: given needs the results
    assert set(waiting) <= set(calls)
    assert (len({p for _, _, p in out}) == 1) == (jobs == 1)  # workers took part


def _given_sum(i: int, out: list) -> tuple[int, ...]:
    return tuple(out[k][0] for k in _AFTER[i])


_AFTER = [(), (0,), (), (1, 2), (), ()]


def test_without_fork_items_go_to_a_pool(monkeypatch):
    """Where fork is not available (macOS, Windows) the items are sent to spawned
    workers; the same results, the waiting items computed here."""
    from layout.edition import parallel

    monkeypatch.setattr(parallel, "_can_fork", lambda: False)
    out = map_pages(_plus_given, list(range(6)), 2, after=_AFTER, given=_given_sum)
    assert [v for v, _, _ in out] == [0, 1, 2, 6, 4, 5]
    assert out[1][2] == out[3][2] == os.getpid()


_PARENT = os.getpid()


def _dies_in_a_worker(x: int) -> int:
    time.sleep(0.02)
    if os.getpid() != _PARENT:
        os._exit(3)  # killed, as by the OOM killer: no message back
    return x


def test_a_worker_that_dies_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="died"):
        map_pages(_dies_in_a_worker, list(range(12)), 2)


def test_a_chain_of_waiting_items_needs_no_worker():
    """Every item after the first waits for the one before (a story over every
    page): all computed here, in order, and no worker is started for nothing."""
    out = map_pages(_plus_given, [1, 2, 3], 2, after=[(), (0,), (1,)],
                    given=lambda i, out: (out[i - 1][0],) if i else ())
    assert [v for v, _, _ in out] == [1, 3, 6]
    assert {p for _, _, p in out} == {os.getpid()}


def test_an_item_cannot_wait_for_a_later_one():
    with pytest.raises(ValueError, match="before it"):
        map_pages(_plus_given, [1, 2], 1, after=[(1,), ()], given=lambda i, out: ())


def test_a_worker_error_reaches_the_caller():
    with pytest.raises(ValueError, match="five"):
        map_pages(_fails_on_five, list(range(8)), 2)


def test_the_collector_resumes_after_an_edition_even_on_error():
    import gc

    from layout.pipeline import cycles_not_collected

    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycles_not_collected():
        assert not gc.isenabled()
        raise RuntimeError("placing failed")
    assert gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_cycles_made_during_an_edition_are_still_collected_later():
    """The edition's objects skip the walk when the collector resumes (moved to the
    oldest generation), but a full collection still frees their cycles."""
    import gc
    import weakref

    from layout.pipeline import cycles_not_collected

    with cycles_not_collected():
        ref = weakref.ref(_Node())
    assert gc.isenabled() and gc.get_freeze_count() == 0  # nothing left frozen
    gc.collect()
    assert ref() is None


def test_objects_the_process_froze_stay_frozen():
    import gc

    from layout.pipeline import cycles_not_collected

    mine = [[]]  # tracked by the collector: frozen below, as everything the process holds
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0 and not any(o is mine for o in gc.get_objects())  # frozen: in no generation
        with cycles_not_collected():
            pass
        # still frozen, and nothing frozen anew; the count may drop by what another thread
        # frees meanwhile (a frozen object still dies by its reference count): an xdist
        # worker's execnet thread does
        assert not any(o is mine for o in gc.get_objects())
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
