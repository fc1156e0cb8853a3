"""Aligning the archive's characters with the PDF's, for ``layout verify``.

Why two aligners: a good reprint differs from its archive in nothing or in a few
places, and there the *minimal* edit script is the truth -- Myers' O((N+M)·D)
algorithm finds it fast when D (the number of edits) is small, and unlike a
longest-block-first matcher it is not fooled by text that repeats itself (the same
paragraph twice on a page).  When the PDF differs a lot (a layout that moved many
elements, the wrong archive), D is large and Myers slow; then difflib's
SequenceMatcher (longest matching blocks first, no junk heuristic) gives a good
alignment quickly.

Both return ``Alignment``: matched blocks (a, b, size) plus the runs deleted from
``a`` and inserted in ``b``.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

# beyond this many edits Myers' search costs more than it is worth
MYERS_MAX_EDITS = 400
# snakes (runs of equal characters) are followed in slices of this length first
_SNAKE_STEP = 256


@dataclass(frozen=True)
class Alignment:
    blocks: tuple[tuple[int, int, int], ...]  # (start in a, start in b, length)
    deleted: tuple[tuple[int, int], ...]  # [start, end) in a
    inserted: tuple[tuple[int, int], ...]  # [start, end) in b


def align(a: str, b: str, max_edits: int = MYERS_MAX_EDITS) -> Alignment:
    """Minimal alignment when at most ``max_edits`` edits are needed, else difflib's;
    edited runs are then slid together where the choice is free (``_slide``)."""
    path = _myers(a, b, max_edits)
    if path is not None:
        raw = _from_path(path, len(a), len(b))
        deleted, inserted = list(raw.deleted), list(raw.inserted)
    else:
        deleted, inserted = [], []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag in ("delete", "replace"):
                deleted.append((i1, i2))
            if tag in ("insert", "replace"):
                inserted.append((j1, j2))
    deleted, inserted = _slide(deleted, a), _slide(inserted, b)
    return Alignment(_blocks(deleted, inserted, len(a), len(b)), tuple(deleted), tuple(inserted))


def _slide(runs: list[tuple[int, int]], seq: str) -> list[tuple[int, int]]:
    """Shift each run left while the character before it equals its last one (the
    same edit, cut elsewhere), merging runs that come to touch.  A minimal edit
    script may cut one inserted line "开发区新闻" around a 区 it matched nearby;
    slid, it is one run again."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(runs):
        low = out[-1][1] if out else 0
        while start > low and seq[start - 1] == seq[end - 1]:
            start, end = start - 1, end - 1
        if out and start == out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _blocks(deleted: list[tuple[int, int]], inserted: list[tuple[int, int]], n: int,
            m: int) -> tuple[tuple[int, int, int], ...]:
    """Matched blocks as the complement of the edited runs: the k-th unedited
    character of ``a`` pairs with the k-th unedited character of ``b``."""
    def kept(runs: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
        out, pos = [], 0
        for s, e in runs:
            if s > pos:
                out.append((pos, s))
            pos = e
        if pos < size:
            out.append((pos, size))
        return out

    blocks: list[tuple[int, int, int]] = []
    ka, kb = kept(deleted, n), kept(inserted, m)
    ia = ib = 0
    while ia < len(ka) and ib < len(kb):
        (a0, a1), (b0, b1) = ka[ia], kb[ib]
        size = min(a1 - a0, b1 - b0)
        blocks.append((a0, b0, size))
        ka[ia], kb[ib] = (a0 + size, a1), (b0 + size, b1)
        ia += ka[ia][0] == a1
        ib += kb[ib][0] == b1
    return tuple(blocks)


def _snake(a: str, b: str, x: int, y: int) -> int:
    n, m = len(a), len(b)
    step = _SNAKE_STEP
    while x + step <= n and y + step <= m and a[x:x + step] == b[y:y + step]:
        x, y = x + step, y + step
    while x < n and y < m and a[x] == b[y]:
        x, y = x + 1, y + 1
    return x


_UNREACHED = -(10**9)


def _myers(a: str, b: str, max_d: int) -> list[tuple[int, int]] | None:
    """The points (x, y) of a shortest edit path from (0, 0) to (N, M), or None when
    it needs more than ``max_d`` edits (Myers 1986).  For the walk back we keep, per
    edit count d, the V array before it and which neighbouring diagonal each
    furthest-reaching point came from; moves that would leave the edit grid are
    never taken."""
    n, m = len(a), len(b)
    max_d = min(max_d, n + m)
    off = max_d + 1
    v = [_UNREACHED] * (2 * max_d + 3)
    trace: list[tuple[list[int], dict[int, int]]] = []
    for d in range(max_d + 1):
        before = v[:]
        came: dict[int, int] = {}
        for k in range(-d, d + 1, 2):
            best_x, from_k = (0, 1) if d == 0 else (_UNREACHED, 0)
            if k != d:  # down from diagonal k + 1: an insertion
                x = before[off + k + 1]
                if _inside(x, k, n, m):
                    best_x, from_k = x, k + 1
            if k != -d:  # right from diagonal k - 1: a deletion
                x = before[off + k - 1] + 1
                if _inside(x, k, n, m) and x > best_x:
                    best_x, from_k = x, k - 1
            if best_x == _UNREACHED:
                v[off + k] = _UNREACHED
                continue
            x = _snake(a, b, best_x, best_x - k)
            v[off + k] = x
            came[k] = from_k
            if x >= n and x - k >= m:
                trace.append((before, came))
                return _walk_back(trace, off, n, m)
        trace.append((before, came))
    return None


def _inside(x: int, k: int, n: int, m: int) -> bool:
    return 0 <= x <= n and 0 <= x - k <= m


def _walk_back(trace: list[tuple[list[int], dict[int, int]]], off: int, n: int, m: int) -> list[tuple[int, int]]:
    x, y = n, m
    points = [(x, y)]
    for d in range(len(trace) - 1, 0, -1):
        before, came = trace[d]
        k = x - y
        pk = came[k]
        px = before[off + pk]
        py = px - pk
        # the edit leads from (px, py) to (sx, sy); a snake from there to (x, y)
        sx, sy = (px, py + 1) if pk == k + 1 else (px + 1, py)
        points.append((sx, sy))
        points.append((px, py))
        x, y = px, py
    points.append((0, 0))
    points.reverse()
    return points


def _from_path(points: list[tuple[int, int]], n: int, m: int) -> Alignment:
    """Turn the path's points into matched blocks and deleted/inserted runs."""
    blocks: list[tuple[int, int, int]] = []
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if (x1, y1) == (x0, y0):
            continue
        if x1 - x0 == y1 - y0:
            _extend(blocks, (x0, y0, x1 - x0))
        elif x1 - x0 == 1 and y1 == y0:
            _extend_run(deleted, x0, x1)
        elif y1 - y0 == 1 and x1 == x0:
            _extend_run(inserted, y0, y1)
        else:  # the first step from (0, 0) may be a snake: diagonal only
            raise AssertionError(f"not a Myers path step: {(x0, y0)} -> {(x1, y1)}")
    return Alignment(tuple(blocks), tuple(deleted), tuple(inserted))


def _extend(blocks: list[tuple[int, int, int]], blk: tuple[int, int, int]) -> None:
    if blocks and blocks[-1][0] + blocks[-1][2] == blk[0] and blocks[-1][1] + blocks[-1][2] == blk[1]:
        a, b, s = blocks.pop()
        blocks.append((a, b, s + blk[2]))
    else:
        blocks.append(blk)


def _extend_run(runs: list[tuple[int, int]], start: int, end: int) -> None:
    if runs and runs[-1][1] == start:
        runs[-1] = (runs[-1][0], end)
    else:
        runs.append((start, end))
