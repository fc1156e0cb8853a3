"""A code-point table that fills itself from packed arrays as it is looked up.

Why: ReportLab keeps a TrueType face's cmap and advances as two dicts of ~22,000
entries each (``charToGlyph``, ``charWidths``).  Rebuilding them from the font
snapshot (render.pdffonts) costs ~3.5 ms per face, ~17 ms for a page's five faces
-- in every process -- while a page looks up a few thousand characters.  A
``LazyTable`` starts empty; a lookup finds the entry in the snapshot's sorted
arrays (binary search, in C) and keeps it.  Anything that needs every entry
(iteration, length, comparison, copying, deletion) first loads them all, in the
parsed dict's own order, so the table behaves as the dict ReportLab built.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence

_ABSENT = object()


class LazyTable(dict):
    """``dict`` of int -> number over ``(sorted_keys, sorted_values)`` (for lookups)
    and ``(keys, values)`` in the original dict's order (for a full load)."""

    __slots__ = ("_full", "_keys", "_order", "_values")

    def __init__(self, sorted_keys: array, sorted_values: Sequence, keys: array, values: Sequence):
        super().__init__()
        if not (len(sorted_keys) == len(sorted_values) == len(keys) == len(values)):
            raise ValueError("table arrays differ in length")
        self._keys = sorted_keys
        self._values = sorted_values
        self._order = (keys, values)
        self._full = False

    def _find(self, key):
        """The value for ``key`` from the arrays (kept in the dict), or _ABSENT."""
        if self._full or type(key) is not int:
            return _ABSENT
        keys = self._keys
        i = bisect_left(keys, key)
        if i == len(keys) or keys[i] != key:
            return _ABSENT
        value = self._values[i]
        dict.__setitem__(self, key, value)
        return value

    def load(self) -> None:
        """Load every entry: the original order, then what was set or changed."""
        if self._full:
            return
        self._full = True
        seen = dict(self)
        dict.clear(self)
        dict.update(self, zip(*self._order, strict=True))
        dict.update(self, seen)
        self._order = self._keys = self._values = ()

    # -- lookups: one entry ----------------------------------------------------

    def __missing__(self, key):
        value = self._find(key)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or self._find(key) is not _ABSENT

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        value = self._find(key)
        return default if value is _ABSENT else value

    def setdefault(self, key, default=None):
        if key in self:
            return dict.__getitem__(self, key)
        dict.__setitem__(self, key, default)
        return default

    def __bool__(self) -> bool:
        return bool(len(self._keys)) or dict.__len__(self) > 0

    # -- everything else needs every entry -------------------------------------

    def __len__(self) -> int:
        self.load()
        return dict.__len__(self)

    def __iter__(self):
        self.load()
        return dict.__iter__(self)

    def __reversed__(self):
        self.load()
        return dict.__reversed__(self)

    def keys(self):
        self.load()
        return dict.keys(self)

    def values(self):
        self.load()
        return dict.values(self)

    def items(self):
        self.load()
        return dict.items(self)

    def __eq__(self, other) -> bool:
        self.load()
        if isinstance(other, LazyTable):
            other.load()
        return dict.__eq__(self, other)

    def __ne__(self, other) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self.load()
        return dict.__repr__(self)

    def copy(self) -> dict:
        self.load()
        return dict(dict.items(self))

    def __reduce__(self):
        self.load()
        return (dict, (dict(dict.items(self)),))

    def __delitem__(self, key) -> None:
        self.load()
        dict.__delitem__(self, key)

    def pop(self, key, *default):
        self.load()
        return dict.pop(self, key, *default)

    def popitem(self):
        self.load()
        return dict.popitem(self)

    def clear(self) -> None:
        self.load()
        dict.clear(self)

    def __or__(self, other):
        self.load()
        return dict.__or__(self, other)

    def __ror__(self, other):
        self.load()
        return dict.__ror__(self, other)
