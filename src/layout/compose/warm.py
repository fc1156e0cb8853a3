"""Composed paragraphs kept from one render of a page to the next (``layout watch``).

Why: an editor saving a page changes one story at a time; the other paragraphs are
composed again from the same runs, measure, style and faces, to the same lines
(the composer is a pure function of those).  Kept warm, a watch render spends its
time on what changed and on drawing.

Off unless ``keep_warm()`` is called: a one-shot render gains nothing (no paragraph
is set twice) and should not hold the memory.  Bounded: what the last render did
not use is dropped at the next ``new_round()``, so memory follows the page being
edited, not the history of edits.  The key holds the ``FontSet`` itself (not its
id), so a font set rebuilt after a font file changed never meets old lines.
"""

from __future__ import annotations

from typing import Any

active = False
_now: dict[Any, Any] = {}
_before: dict[Any, Any] = {}
hits = 0
misses = 0


def keep_warm(on: bool = True) -> None:
    """Start (or stop and forget) keeping composed paragraphs."""
    global active
    active = on
    if not on:
        _now.clear()
        _before.clear()


def new_round() -> None:
    """A render finished: what it used is kept, entries not used since the previous
    call go.  (``hits``/``misses`` count since the previous call.)"""
    global _now, _before, hits, misses
    _before, _now = _now, {}
    hits = misses = 0


def get(key: Any) -> Any:
    global hits, misses
    value = _now.get(key)
    if value is None:
        value = _before.get(key)
        if value is not None:
            _now[key] = value
    if value is None:
        misses += 1
    else:
        hits += 1
    return value


def put(key: Any, value: Any) -> None:
    _now[key] = value
