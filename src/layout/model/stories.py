"""Stories: their place on the grid, their elements, their text and photos, and the
checks between them (unique ids, no overlaps, every style they use defined).

The grid checks use ``Geometry`` so that "inside the grid" means what placement
will do.  Messages name the story by id and say the grid's size.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from layout.errors import LayoutError, Location
from layout.model.build import unknown_name
from layout.model.content import image_size, read_body_file
from layout.model.elements import Paragraph, Subhead
from layout.model.geometry import MIN_TEXT_COLUMN_EMS, Geometry
from layout.model.jumps import JUMP_HEAD_STYLE
from layout.model.keys import (
    BOX_STYLE,
    BOX_TITLE_STYLE,
    ELEMENT_STYLES,
    PHOTO_CREDIT_STYLE,
    RANK_STYLES,
    RULE_SIDES,
    SUBHEAD_STYLE,
)
from layout.model.kinds import END
from layout.model.paths import PathPolicy, display_path
from layout.model.storyform import check_not_mixed, marked_paragraphs, read_content
from layout.model.table import Fields
from layout.model.types import Photo, Span, Story, TextStyle

LEAD_BULLET = "■"
# bullets a lead may already carry (archives print ● as well as ■, spec archives.md): kept, no ■ added
LEAD_BULLETS = ("■", "●", "◆", "▲", "★", "□")


class StoryBuilder:
    """Builds the stories of one page against its grid, styles and path policy."""

    def __init__(self, geo: Geometry, styles: dict[str, TextStyle], policy: PathPolicy):
        self.geo = geo
        self.styles = styles
        self.policy = policy
        self.inputs: list[str] = []

    def build_all(self, items: tuple[Fields, ...]) -> tuple[Story, ...]:
        stories: list[Story] = []
        seen: dict[str, Location] = {}
        for i, f in enumerate(items, 1):
            story = self.build(f, i)
            if story.id in seen:
                raise LayoutError(
                    f"duplicate story id {story.id!r} (first used at line {seen[story.id].line})",
                    f.where("id"),
                    "every story needs its own id",
                )
            seen[story.id] = f.where("id")
            for other in stories:
                check_overlap(other, story)
            stories.append(story)
        return tuple(stories)

    def build(self, f: Fields, index: int) -> Story:
        sid = f.get("id", f"story{index}")
        name = f"story {sid!r}"
        columns = self.grid_span(f, "columns", self.geo.columns, name)
        rows = self.grid_span(f, "rows", self.geo.rows, name)
        text_columns = self.text_columns(f, columns, name)
        check_not_mixed(f, name)
        form = read_content(f, name) if "content" in f else None
        e = _elements(form.values, form.nodes, f) if form else f
        flow = tuple(form.flow) if form else self.paragraphs(f, name)
        paragraphs = tuple(x.text for x in flow)  # index-aligned with flow (subheads included)
        headline = e.get("headline", ())
        photo_fields = tuple(form.photos) if form else f.get("photos", ())
        photos = tuple(self.photo(p, name, text_columns, rows) for p in photo_fields)
        check_photo_overlaps(photos, name)
        boxes = tuple(
            replace(b, columns=self.inner_span_of(b.columns, text_columns, "text columns", f"{name}: box", b.where))
            if b.columns is not None else b
            for b in (form.boxes if form else ()))
        if not headline and not any(isinstance(x, Paragraph) for x in flow) and not photos and not boxes:
            raise LayoutError(
                f"{name} is empty: it has no headline, no body text and no photo",
                f.node.where,
                "give it a headline: and a body: (or body_file:), or remove it",
            )
        story = Story(
            id=sid,
            columns=columns,
            rows=rows,
            text_columns=text_columns,
            label=e.get("label"),
            kicker=e.get("kicker"),
            headline=headline,
            headline_style=_headline_style(f),
            rank=f.get("rank"),
            subtitle=e.get("subtitle"),
            headline_columns=self.inner_span(f, "headline_columns", text_columns, "text columns", name),
            leads=tuple(t if t.startswith(LEAD_BULLETS) else LEAD_BULLET + t for t in e.get("leads", ())),
            byline=e.get("byline"),
            byline_line=e.get("byline_line"),
            paragraphs=paragraphs,
            credit=e.get("credit"),
            photos=photos,
            box=f.get("box", False),
            rules=_rules(f.get("rule", "none")),
            balance=f.get("balance", False),
            head_beside=f.get("head_beside", False),
            fit=f.get("fit", False),
            direction=f.get("direction", "horizontal"),
            where=f.node.where,
            flow=flow if _has_elements(flow) else (),
            boxes=boxes,
            continued=f.get("continued", False),
            jump_to=f.get("jump_to"),
            jump_from=f.get("jump_from"),
            ad=f.get("ad", False),
        )
        if story.ad:
            check_ad_slot(story, e, f, name)
        self.check_styles(story, e, f, name)
        return story

    def grid_span(self, f: Fields, key: str, size: int, name: str) -> Span:
        written: Span = f.get(key)
        span = _resolve_end(written, size)
        if span is None:
            g = self.geo
            raise LayoutError(
                f"{name}: {key} {_shown(written)} is outside the grid; the grid has {g.columns} columns "
                f"(1-{g.columns}) and {g.rows} rows (1-{g.rows})",
                f.where(key),
                f"{key} of this page run from 1 to {size}; {min(written.first, size)}-end runs to the edge",
            )
        return span

    def inner_span(self, f: Fields, key: str, size: int, what: str, name: str) -> Span | None:
        """A span of the story's text columns or rows (photo, headline group)."""
        written: Span | None = f.get(key)
        if written is None:
            return None
        span = _resolve_end(written, size)
        if span is None:
            raise LayoutError(
                f"{name} {key} {_shown(written)} is outside the story, which has {size} {what} (1-{size})",
                f.where(key),
            )
        return span

    def inner_span_of(self, written: Span, size: int, what: str, name: str, where: Location) -> Span:
        span = _resolve_end(written, size)
        if span is None:
            raise LayoutError(f"{name} columns {_shown(written)} are outside the story, which has {size} {what} "
                              f"(1-{size})", where)
        return span

    def text_columns(self, f: Fields, columns: Span, name: str) -> int:
        n = f.get("text_columns", columns.count)
        most = self.geo.max_text_columns(columns)
        if n > most:
            width = (self.geo.col_x1(columns.last) - self.geo.col_x(columns.first)) / self.geo.em
            raise LayoutError(
                f"{name}: text_columns {n} do not fit grid columns {columns} ({width:.1f} characters wide)",
                f.where("text_columns"),
                f"at most {most} text columns of at least {MIN_TEXT_COLUMN_EMS} characters fit here",
            )
        return n

    def paragraphs(self, f: Fields, name: str) -> tuple[Paragraph, ...]:
        if "body" in f and "body_file" in f:
            raise LayoutError(f"{name} has both body and body_file", f.where("body_file"), "keep one of them")
        if "body" in f:
            return marked_paragraphs(f.get("body"), f.nodes["body"])
        if "body_file" not in f:
            return ()
        written, node = f.get("body_file"), f.nodes["body_file"]
        path = self.policy.existing_file(written, node, "body_file")
        self.inputs.append(str(path))
        paragraphs = marked_paragraphs(read_body_file(path, written, node.where), None,
                                       Location(display_path(path)))
        if not paragraphs:
            raise LayoutError(f"{name}: body_file {written!r} is empty", node.where,
                              "fill the file, or remove body_file")
        return paragraphs

    def photo(self, f: Fields, name: str, text_columns: int, rows: Span) -> Photo:
        written = f.get("file")
        if written is None:
            if not f.get("placeholder", False):
                raise LayoutError(f"{name}: photo has no file", f.node.where,
                                  "give it file: (an image), or placeholder: true for an empty photo frame")
            path, size = None, (0, 0)
        else:
            node = f.nodes["file"]
            path = self.policy.existing_file(written, node, "photo")
            size = image_size(path, written, node.where)
            self.inputs.append(str(path))
        return Photo(
            file=None if path is None else str(path),
            rows=self.inner_span(f, "rows", rows.count, "rows", f"{name}: photo {written or 'frame'!r}"),
            columns=self.inner_span(f, "columns", text_columns, "text columns",
                                    f"{name}: photo {written or 'frame'!r}"),
            fit=f.get("fit", "fill"),
            caption=f.get("caption"),
            placeholder=f.get("placeholder", False),
            credit=f.get("credit"),
            pixel_size=size,
            where=f.node.where,
        )

    def check_styles(self, story: Story, e: Fields, f: Fields, name: str) -> None:
        """Every element the story has needs its style defined."""
        used: list[tuple[str, str]] = [
            (key, style) for key, style in ELEMENT_STYLES.items() if key in e and key != "caption"
        ]
        if "headline" in e:
            used = [(k, story.headline_style if k == "headline" else s) for k, s in used]
        if any(p.caption for p in story.photos):
            used.append(("photos", ELEMENT_STYLES["caption"]))
        if any(p.credit for p in story.photos):
            used.append(("photos", PHOTO_CREDIT_STYLE))
        if any(isinstance(x, Subhead) for x in story.flow):
            used.append(("content", SUBHEAD_STYLE))
        if story.boxes:
            used.append(("content", BOX_STYLE))
            if any(b.title for b in story.boxes):
                used.append(("content", BOX_TITLE_STYLE))
        for key, style in used:
            if style not in self.styles:
                known = [s for s in self.styles if s != "body"]
                if key == "headline" and "headline_style" in f:
                    raise unknown_name("style", style, known, f.where("headline_style"), f"{name}: headline_style")
                if key == "headline" and "rank" in f:
                    raise LayoutError(
                        f"{name}: rank {story.rank} sets the headline in style {style!r}, which is not defined",
                        f.where("rank"),
                        f"define styles: {style}: {{...}} (the house style has the steps headline, headline-2, "
                        "headline-3, headline-4), or give headline_style",
                    )
                raise LayoutError(
                    f"{name} has a {key} but no style {style!r} is defined",
                    e.where(key) if key in e else f.where(key),
                    f"define styles: {style}: {{...}} or use extends: house",
                )


# what an ad slot may not hold: it prints its label in a box, nothing of a story's furniture
_NOT_IN_AD = ("label", "kicker", "headline", "subtitle", "leads", "byline", "byline_line", "credit", "photos",
              "jump_from", "jump_to")


def check_ad_slot(story: Story, e: Fields, f: Fields, name: str) -> None:
    """``ad: true`` is a slot with its label only (an archive's 广告 line): a body of
    plain paragraphs, no headline group, byline, credit, photos, subheads or boxes."""
    for key in _NOT_IN_AD:
        if key in e or key in f:
            raise LayoutError(f"{name} is an ad slot (ad: true) and has a {key}", (e if key in e else f).where(key),
                              "an ad slot holds its label in body: only; make the rest a story of its own")
    if story.boxes or any(not isinstance(x, Paragraph) for x in story.flow):
        raise LayoutError(f"{name} is an ad slot (ad: true) and has subheads or boxes", f.where("ad"),
                          "an ad slot holds its label in body: only")


def _headline_style(f: Fields) -> str:
    """``headline_style`` as written, else the step of the story's ``rank``; a
    continuation's headline (``jump_from``: the 接题) in the jump-head style."""
    if "headline_style" not in f and "jump_from" in f:
        return JUMP_HEAD_STYLE
    if "headline_style" in f or "rank" not in f:
        return f.get("headline_style", "headline")
    return RANK_STYLES[f.get("rank")]


def _elements(values: dict[str, Any], nodes: dict[str, Any], f: Fields) -> Fields:
    """The element values content: gave, read like the short keys' (where each was
    written, the story itself when not)."""
    out = Fields(f.node, f.label, values)
    out.nodes = nodes
    return out


def _has_elements(flow: tuple) -> bool:
    """A flow worth keeping: it has a subhead or a paragraph with marks (otherwise
    ``paragraphs`` says everything, and the story stays as it always was)."""
    return any(isinstance(x, Subhead) or x.marks for x in flow)


def _resolve_end(span: Span, size: int) -> Span | None:
    """``span`` with ``end`` replaced by ``size``; None when it does not fit 1..size."""
    last = size if span.last == END else span.last
    return Span(span.first, last) if span.first <= last <= size else None


def _shown(span: Span) -> str:
    return f"{span.first}-end" if span.last == END else str(span)


def _rules(value: Any) -> tuple[str, ...]:
    sides = {value} if isinstance(value, str) else set(value)
    return tuple(s for s in RULE_SIDES if s in sides)


def check_overlap(a: Story, b: Story) -> None:
    cols, rows = a.columns.overlap(b.columns), a.rows.overlap(b.rows)
    if cols and rows:
        raise LayoutError(
            f"story {b.id!r} overlaps story {a.id!r} (line {a.where.line}) in grid columns {cols}, rows {rows}",
            b.where,
            "stories may touch but not share grid cells; change columns or rows of one of them",
        )


def check_photo_overlaps(photos: tuple[Photo, ...], name: str) -> None:
    for i, p in enumerate(photos):
        for q in photos[:i]:
            cols = (p.columns or Span(1, 10_000)).overlap(q.columns or Span(1, 10_000))
            rows = p.rows.overlap(q.rows)
            if cols and rows:
                raise LayoutError(
                    f"{name}: photo at line {p.where.line} overlaps the photo at line {q.where.line} "
                    f"in rows {rows}",
                    p.where,
                    "photos in one story need their own rows or text columns",
                )
