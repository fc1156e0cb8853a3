"""Underfill: a story whose text leaves two or more grid lines empty at the bottom
of a text column is reported, as overflow is (guide: "overflow, underfill and
anything dropped are reported per story"; page-layout.md rule 2: no column bottom
ends more than 2 lines early -- two empty lines are the first the eye sees, three
make a hole).  A warning, never an error: the page is still whole (``ADVISORY``).
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.place.items import Problem, ProblemKind

UNDERFILL_LINES = 2  # empty lines at a column bottom that are reported


def underfill_problems(story: str, room: Sequence[int], used: Sequence[int]) -> list[Problem]:
    """One problem for the story when a text column (``room`` grid lines free for
    text, ``used`` of them set) ends ``UNDERFILL_LINES`` or more lines early."""
    empty = [r - u for r, u in zip(room, used, strict=True)]
    worst = max(empty, default=0)
    if worst < UNDERFILL_LINES:
        return []
    cols = [str(c + 1) for c, e in enumerate(empty) if e >= UNDERFILL_LINES]
    total = sum(e for e in empty if e > 0)
    which = f"column {cols[0]}" if len(cols) == 1 else f"columns {', '.join(cols)}"
    return [Problem(ProblemKind.UNDERFILL, story, f"story {story!r}: underfill: {which} end{'s' if len(cols) == 1 else ''} "
                    f"up to {worst} lines early ({total} empty lines in all); add text, make the area smaller "
                    f"or use fit: true")]
