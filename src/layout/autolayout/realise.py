"""A solved layout tree as the stories of a page: grid areas, text columns, rules,
photo frames.

Rules between stories (page-layout.md rules 1 and 5): a horizontal cut keeps one
grid row for a hairline, which becomes the ``below`` rule of every story whose
bottom edge lies on that cut; a vertical cut draws its rule in the gutter, the
``right`` rule of every story whose right edge lies on it.  The outer edges of
the page get no rules.
"""

from __future__ import annotations

from dataclasses import replace

from layout.autolayout.footwhite import is_white
from layout.autolayout.search import RULE_ROWS, Cut, Leaf, Node
from layout.model.types import Photo, Span, Story


def realise(node: Node, stories: list[Story]) -> tuple[Story, ...]:
    """The stories of ``node``'s leaves placed from grid column 1, row 1, in
    reading order (the leaves' order)."""
    out: list[tuple[int, Story]] = []
    _walk(node, 1, 1, False, False, stories, out)
    out.sort(key=lambda t: t[0])
    return tuple(s for _, s in out)


def head_holes(node: Node, stories: list[Story]) -> set[str]:
    """Ids of the stories whose headline group leaves a hole where they stand (the
    search takes one only when nothing else fits): on the page's first row, or
    under a rule."""
    out: set[str] = set()
    placed = {s.id: s for s in realise(node, stories)}
    for leaf in _leaves(node):
        story = placed[stories[leaf.story].id]
        if leaf.shape.hole_at_top if story.rows.first == 1 else leaf.shape.hole_below_rule:
            out.add(story.id)
    return out


def _leaves(node: Node) -> list[Leaf]:
    if isinstance(node, Leaf):
        return [] if is_white(node) else [node]
    assert isinstance(node, Cut)
    return _leaves(node.first) + _leaves(node.second)


def _walk(node: Node, col: int, row: int, below: bool, right: bool, stories: list[Story],
          out: list[tuple[int, Story]]) -> None:
    if isinstance(node, Leaf):
        if not is_white(node):
            out.append((node.story, _story(node, stories[node.story], col, row, below, right)))
        return
    assert isinstance(node, Cut)
    first, second = node.first, node.second
    rule = not (isinstance(second, Leaf) and is_white(second))  # no rule towards the white foot
    if node.horizontal:
        _walk(first, col, row, rule or below, right, stories, out)
        _walk(second, col, row + first.height + RULE_ROWS, below, right, stories, out)
    else:
        _walk(first, col, row, below, rule or right, stories, out)
        _walk(second, col + first.width, row, below, right, stories, out)


def _story(leaf: Leaf, story: Story, col: int, row: int, below: bool, right: bool) -> Story:
    shape = leaf.shape
    rows = leaf.height + (RULE_ROWS if below else 0)
    rules = tuple(side for side, on in (("below", below), ("right", right)) if on)
    photos = story.photos
    if shape.photos is not None:
        spans = shape.photos.spans(shape.text_columns, len(photos))
        photos = tuple(_photo(p, cols, rws) for p, (cols, rws) in zip(photos, spans, strict=True))
    style = shape.headline_style or story.headline_style
    beside = {"headline_columns": Span(1, shape.head_span), "head_beside": True} if shape.head_span else {}
    return replace(story, columns=Span(col, col + leaf.width - 1), rows=Span(row, row + rows - 1),
                   text_columns=shape.text_columns, rules=rules, balance=True, photos=photos,
                   headline_style=style, **beside)


def _photo(photo: Photo, columns: Span, rows: Span) -> Photo:
    return replace(photo, columns=columns, rows=rows, fit="fill")
