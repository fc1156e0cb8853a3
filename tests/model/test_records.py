"""``layout.records.record`` must make the same class as ``dataclass(frozen=True)``:
same equality, ordering, hash values, repr, errors, pickling and dataclass API."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from layout.records import record


def _pair(eq: bool = True, order: bool = False):
    """The same class body made by dataclass and by record."""

    def body():
        class Item:
            """An item."""

            name: str
            size: float = 9.0
            tags: tuple[str, ...] = ()
            extra: dict[str, int] = field(default_factory=dict, compare=False)
            note: str = field(default="", repr=False)

            def area(self) -> float:
                return self.size * 2

        return Item

    return dataclass(frozen=True, eq=eq, order=order)(body()), record(eq=eq, order=order)(body())


def test_init_repr_eq_hash_match_dataclass():
    dc, rc = _pair()
    for args, kwargs in [(("a",), {}), (("b", 10.5, ("x",)), {}), (("c",), {"extra": {"k": 1}, "note": "n"})]:
        d, r = dc(*args, **kwargs), rc(*args, **kwargs)
        assert repr(d) == repr(r)
        assert hash(d) == hash(r)
        assert dataclasses.astuple(d) == dataclasses.astuple(r)
        assert r == rc(*args, **kwargs) and r != dc(*args, **kwargs)
    assert rc("a", extra={"x": 1}) == rc("a")  # compare=False
    assert rc("a").extra is not rc("a").extra  # a fresh default per instance
    assert str(inspect.signature(dc)) == str(inspect.signature(rc))
    assert rc.__match_args__ == dc.__match_args__
    assert rc.__init__.__qualname__ == dc.__init__.__qualname__


def test_frozen_pickle_replace():
    _, rc = _pair()
    r = rc("a", 3.0)
    with pytest.raises(FrozenInstanceError):
        r.size = 1.0  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del r.size  # type: ignore[misc]
    assert dataclasses.replace(r, size=4.0) == rc("a", 4.0)
    assert copy.deepcopy(r) == r
    assert rc.__dataclass_params__.frozen and rc.__dataclass_params__.eq


def test_pickle_round_trip():
    r = Pickled(1, "x")
    assert pickle.loads(pickle.dumps(r)) == r


@record
class Pickled:
    a: int
    b: str = "b"


def test_order_matches_dataclass():
    dc, rc = _pair(order=True)
    values = [("b", 1.0), ("a", 2.0), ("a", 1.0)]
    assert [dataclasses.astuple(x) for x in sorted(rc(*v) for v in values)] == \
        [dataclasses.astuple(x) for x in sorted(dc(*v) for v in values)]
    with pytest.raises(TypeError):
        _ = rc("a") < dc("a")


def test_eq_false_keeps_identity():
    _, rc = _pair(eq=False)
    a, b = rc("a"), rc("a")
    assert a != b and a == a and hash(a) != hash(b)


def test_class_methods_and_own_repr_kept():
    @record
    class Own:
        x: int

        def __repr__(self) -> str:
            return "own"

    assert repr(Own(1)) == "own"
    assert Own(1) == Own(1) and hash(Own(1)) == hash((1,))


def test_one_field_hash_is_a_tuple_hash():
    @record
    class One:
        x: str

    @dataclass(frozen=True)
    class Same:
        x: str

    assert hash(One("a")) == hash(Same("a"))


def test_undocumented_class_gets_dataclass_docstring():
    @record
    class Bare:
        x: int
        y: float = 1.0

    @dataclass(frozen=True)
    class Ref:
        x: int
        y: float = 1.0

    assert Bare.__doc__ == Ref.__doc__.replace("Ref", "Bare")


def test_unsupported_features_are_errors():
    with pytest.raises(TypeError):

        @record
        class Late:
            x: int = field(default=0, init=False)

    with pytest.raises(TypeError):

        @record
        class Order:
            x: int = 0
            y: int  # type: ignore[misc]

    @dataclass(frozen=True)
    class Base:
        x: int

    with pytest.raises(TypeError):

        @record
        class Child(Base):
            y: int = 0


def test_post_init_runs():
    seen = []

    @record
    class Checked:
        x: int

        def __post_init__(self) -> None:
            seen.append(self.x)

    Checked(3)
    assert seen == [3]


def test_inits_made_from_a_shared_template_match_dataclass():
    """Records with the same number of fields share one compiled ``__init__`` code,
    renamed: names that are the template's own (``f0``, ``f1``) or ``self`` and a
    ``__post_init__`` come out as dataclass's, errors included."""

    def body():
        class Odd:
            """Odd names."""

            self: int
            f1: str
            f0: float = 2.0
            z: tuple[int, ...] = ()

            def __post_init__(self) -> None:
                object.__setattr__(self, "checked", self.f0 > 0)

        return Odd

    dc, rc = dataclass(frozen=True)(body()), record(body())
    for args, kwargs in [((1, "s"), {}), ((), {"self": 3, "f1": "t", "z": (1,)}), ((1, "s", 4.0, (2,)), {})]:
        d, r = dc(*args, **kwargs), rc(*args, **kwargs)
        assert dataclasses.astuple(d) == dataclasses.astuple(r) and r.checked == d.checked
    assert str(inspect.signature(dc)) == str(inspect.signature(rc))
    for args, kwargs in [((1,), {}), ((1, "s", 3.0, (), 5), {}), ((1, "s"), {"q": 1})]:
        with pytest.raises(TypeError) as want:
            dc(*args, **kwargs)
        with pytest.raises(TypeError) as got:
            rc(*args, **kwargs)
        assert str(got.value) == str(want.value)
