"""render.lazymap.LazyTable behaves as the dict it stands for, whatever is done to it
in whatever order (lookups fill it, everything else loads it whole)."""

from __future__ import annotations

import pickle
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.render.lazymap import LazyTable

KEYS = st.integers(min_value=0, max_value=60)


def make(d: dict[int, int]) -> LazyTable:
    pairs = sorted(d.items())
    return LazyTable(array("L", [k for k, _ in pairs]), array("q", [v for _, v in pairs]),
                     array("L", d.keys()), array("q", d.values()))


OPS = st.one_of(
    st.tuples(st.just("get"), KEYS), st.tuples(st.just("getitem"), KEYS), st.tuples(st.just("in"), KEYS),
    st.tuples(st.just("set"), KEYS, st.integers()), st.tuples(st.just("del"), KEYS),
    st.tuples(st.just("setdefault"), KEYS, st.integers()), st.tuples(st.just("pop"), KEYS),
    st.tuples(st.just("len")), st.tuples(st.just("items")), st.tuples(st.just("bool")),
)


def apply(d, op):
    name = op[0]
    try:
        if name == "get":
            return d.get(op[1], "none")
        if name == "getitem":
            return d[op[1]]
        if name == "in":
            return op[1] in d
        if name == "set":
            d[op[1]] = op[2]
            return None
        if name == "del":
            del d[op[1]]
            return None
        if name == "setdefault":
            return d.setdefault(op[1], op[2])
        if name == "pop":
            return d.pop(op[1], "none")
        if name == "len":
            return len(d)
        if name == "items":
            return list(d.items())
        return bool(d)
    except KeyError:
        return "KeyError"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, st.integers(min_value=-5, max_value=2000), max_size=30), st.lists(OPS, max_size=25))
def test_lazy_table_acts_as_its_dict(d, ops):
    plain, lazy = dict(d), make(d)
    for op in ops:
        assert apply(lazy, op) == apply(plain, op), op
    assert lazy == plain and plain == lazy
    assert list(lazy.items()) == list(plain.items())  # same order as the dict it stands for
    assert pickle.loads(pickle.dumps(lazy)) == plain


def test_lookups_do_not_load_the_whole_table():
    lazy = make({k: k * 10 for k in range(1000, 0, -1)})
    assert lazy[500] == 5000 and 7 in lazy and 5000 not in lazy and lazy.get(3) == 30
    assert dict.__len__(lazy) == 3  # only what was looked up
    assert len(lazy) == 1000 and next(iter(lazy)) == 1000  # the original order once loaded
