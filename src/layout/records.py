"""``@record``: ``@dataclass(frozen=True)`` that is cheap to create at import.

Why: on Python 3.11 ``dataclass`` compiles Python source for every method it adds --
``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``
and four more with ``order=True`` -- one ``exec`` each, ~1 ms per frozen class on the
benchmark machine.  ``layout render`` creates ~40 such classes before it reads its
first byte of YAML, a large part of a process that should take ~0.12 s (issue 4).

Only ``__init__`` has to be compiled to stay as fast to call as dataclass's; the
other methods are closures over the field names.  ``operator.attrgetter`` builds
the very tuples dataclass's generated code compares and hashes, so equality,
ordering, hash values, ``repr`` text, ``FrozenInstanceError`` and pickling are those
of ``dataclass(frozen=True)`` on Python 3.11 (3.13 compares field by field rather
than as tuples, and compiles all methods in one ``exec``), and the class is a real dataclass
(``dataclasses.fields``, ``replace`` and ``asdict`` work; ``__dataclass_params__``
says frozen).  The price: a closure ``__eq__`` takes ~0.2 us more per call than a
compiled one; nothing hot compares records (placing and drawing construct them,
and ``__init__`` is compiled as before).

Supported: fields with or without ``default``/``default_factory``,
``field(compare=, hash=, repr=)``, a ``__post_init__`` without arguments.  Anything
else (``InitVar``, ``kw_only``, ``init=False`` fields, a dataclass base class) is a
``TypeError`` at class creation: use ``@dataclass(frozen=True)`` for such a class.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import operator
import reprlib
import types
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, dataclass_transform, overload

_C = TypeVar("_C", bound=type)

_MISSING = dataclasses.MISSING


class _Factory:
    """The ``__init__`` default of a field with a ``default_factory`` (as dataclass's)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
_ORDER = {"__lt__": operator.lt, "__le__": operator.le, "__gt__": operator.gt, "__ge__": operator.ge}


@overload
def record(cls: _C, /) -> _C: ...
@overload
def record(*, eq: bool = True, order: bool = False) -> Callable[[_C], _C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: Any = None, /, *, eq: bool = True, order: bool = False) -> Any:
    """``@record``, ``@record(order=True)``, ``@record(eq=False)``: the same class as
    ``@dataclass(frozen=True, eq=eq, order=order)``."""

    def wrap(c: _C) -> _C:
        return _build(c, eq=eq, order=order)

    return wrap if cls is None else wrap(cls)


def _build(cls: _C, *, eq: bool, order: bool) -> _C:
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: @record does not inherit dataclass fields; use @dataclass(frozen=True)")
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
    documented = bool(cls.__doc__)
    if not documented:
        cls.__doc__ = "-"  # dataclass would compute a signature of the class before it has its __init__
    explicit_hash = _has_explicit_hash(cls)
    # dataclass collects the fields and sets __dataclass_fields__, __match_args__ and
    # friends; with nothing to generate it compiles nothing
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    _check_supported(cls, fields)
    cls.__init__ = _init(cls, fields)  # type: ignore[misc]
    _add(cls, "__repr__", _repr(cls, [f.name for f in fields if f.repr]))
    names = tuple(f.name for f in fields)
    cls.__setattr__ = _frozen_setattr(cls, names)  # type: ignore[method-assign,assignment]
    cls.__delattr__ = _frozen_delattr(cls, names)  # type: ignore[method-assign,assignment]
    if eq:
        key = _key([f.name for f in fields if f.compare])
        _add(cls, "__eq__", _eq(key))
        if not explicit_hash:
            hash_key = _key([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
            cls.__hash__ = _hash(hash_key)  # type: ignore[method-assign,assignment]
    if order:
        for name, op in _ORDER.items():
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                "Consider using functools.total_ordering")
            setattr(cls, name, _named(cls, name, _compare(key, op)))
    params = copy.copy(cls.__dataclass_params__)  # type: ignore[attr-defined]
    params.init, params.repr, params.eq, params.order, params.frozen = True, True, eq, order, True
    cls.__dataclass_params__ = params  # type: ignore[attr-defined]
    if not documented:
        cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    return cls


def _has_explicit_hash(cls: type) -> bool:
    """dataclass's rule: a ``__hash__`` in the class body counts, the ``None`` Python
    puts there for a class that defines ``__eq__`` does not."""
    class_hash = cls.__dict__.get("__hash__", _MISSING)
    return not (class_hash is _MISSING or (class_hash is None and "__eq__" in cls.__dict__))


def _check_supported(cls: type, fields: Sequence[dataclasses.Field[Any]]) -> None:
    if len(fields) != len(cls.__dataclass_fields__):  # type: ignore[attr-defined]
        pseudo = set(cls.__dataclass_fields__) - {f.name for f in fields}  # type: ignore[attr-defined]
        if any("InitVar" in str(cls.__dataclass_fields__[n].type) for n in pseudo):  # type: ignore[attr-defined]
            raise TypeError(f"{cls.__name__}: @record does not support InitVar; use @dataclass(frozen=True)")
    for f in fields:
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: @record does not support init=False or kw_only fields")


def _init(cls: type, fields: Sequence[dataclasses.Field[Any]]) -> Callable[..., None]:
    """Compile ``__init__`` as dataclass does for a frozen class: every field set
    with ``object.__setattr__``, defaults bound as parameter defaults, a default
    factory called when its parameter was not passed."""
    me = "__record_self__" if any(f.name == "self" for f in fields) else "self"
    env: dict[str, Any] = {"__name__": cls.__module__, "__record_set__": object.__setattr__,
                           "__record_factory__": _FACTORY}
    params, body = [me], []
    defaulted = None
    for f in fields:
        value = f.name
        if f.default is not _MISSING:
            env[f"__record_dflt_{f.name}__"] = f.default
            params.append(f"{f.name}=__record_dflt_{f.name}__")
            defaulted = f.name
        elif f.default_factory is not _MISSING:
            env[f"__record_dflt_{f.name}__"] = f.default_factory
            params.append(f"{f.name}=__record_factory__")
            value = f"__record_dflt_{f.name}__() if {f.name} is __record_factory__ else {f.name}"
            defaulted = f.name
        elif defaulted is not None:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            params.append(f.name)
        body.append(f"    __record_set__({me}, {f.name!r}, {value})")
    post = hasattr(cls, "__post_init__")
    if post:
        body.append(f"    {me}.__post_init__()")
    if all(f.default_factory is _MISSING for f in fields):
        fn = _from_template(env, me, [f.name for f in fields],
                            tuple(f.default for f in fields if f.default is not _MISSING), post)
    else:
        source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
        exec(source, env)
        fn = env["__init__"]
    fn.__annotations__ = {f.name: f.type for f in fields} | {"return": None}
    return _named(cls, "__init__", fn)


_TEMPLATES: dict[tuple[int, bool], types.CodeType] = {}


def _from_template(env: dict[str, Any], me: str, names: list[str], defaults: tuple[Any, ...],
                   post: bool) -> Callable[..., None]:
    """The ``__init__`` ``_init`` would compile, without compiling: the code of one
    compiled per number of fields (and ``__post_init__`` or not), with field names
    ``f0, f1 ...``, given this class's names (parameters, and the constants it sets)
    and its defaults (always the last parameters, as in any ``def``).  Why: a
    ``compile`` is ~0.15-0.25 ms here, most of what ~75 records cost at start-up."""
    key = (len(names), post)
    code = _TEMPLATES.get(key)
    if code is None:
        slots = [f"f{i}" for i in range(len(names))]
        lines = [f"    __record_set__(self, {n!r}, {n})" for n in slots] + (["    self.__post_init__()"] if post else [])
        source = f"def __init__({', '.join(['self', *slots])}):\n" + ("\n".join(lines) or "    pass") + "\n"
        scope: dict[str, Any] = {}
        exec(source, scope)
        code = _TEMPLATES[key] = scope["__init__"].__code__
    rename = {f"f{i}": n for i, n in enumerate(names)}
    code = code.replace(co_varnames=(me, *names),
                        co_consts=tuple(rename.get(c, c) if type(c) is str else c for c in code.co_consts))
    return types.FunctionType(code, env, "__init__", defaults or None)


def _named(cls: type, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    fn.__name__ = name
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    fn.__module__ = cls.__module__
    return fn


def _add(cls: type, name: str, fn: Callable[..., Any]) -> None:
    """Set a method unless the class body defines it (dataclass keeps the user's)."""
    if name not in cls.__dict__:
        setattr(cls, name, _named(cls, name, fn))


def _key(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these fields' values, as dataclass's ``(self.a, self.b,)``."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _repr(cls: type, names: Sequence[str]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        args = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({args})"

    return __repr__


def _eq(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, object], Any]:
    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    return __eq__


def _compare(key: Callable[[Any], tuple[Any, ...]], op: Callable[[Any, Any], Any]) -> Callable[[Any, object], Any]:
    def compare(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return op(key(self), key(other))
        return NotImplemented

    return compare


def _hash(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(key(self))

    return __hash__


def _frozen_setattr(cls: type, names: tuple[str, ...]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return _named(cls, "__setattr__", __setattr__)


def _frozen_delattr(cls: type, names: tuple[str, ...]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return _named(cls, "__delattr__", __delattr__)
