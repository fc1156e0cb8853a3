"""A story as an ordered sequence of typed elements, and the page items outside stories.

Why a kind enum and one small frozen record per element: adding an element used to
touch about ten files in five packages (issue 11).  Now a kind has one entry in the
key table (``layout.model.keys.CONTENT_ITEM``: validation, JSON Schema, messages),
one placer (``layout.place.elements``) and one branch in the importer's emitter.

Order (spec page-layout.md rule 7: label/kicker, headline group, leads, then text; a
picture beside or among the text) is checked by ``ORDER``: a kind may not come after
a kind of a later rank.  Photos are placed by their rows, so they may stand anywhere.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum

from layout.errors import Location
from layout.model.markup import Emphasis
from layout.model.types import Photo, Span, Story
from layout.records import record


class ElementKind(Enum):
    """The kinds of story elements; the value is the key written in ``content:``."""

    LABEL = "label"
    KICKER = "kicker"  # 引题
    HEADLINE = "headline"  # 主题
    SUBTITLE = "subtitle"  # 副题
    LEADS = "leads"  # ■ 提要
    BYLINE_LINE = "byline_line"  # 本报记者 … on its own line
    BOX = "box"  # 编者按 / 核心阅读: a framed note inside the story
    BYLINE = "byline"  # 本报讯, set inline before the first paragraph
    PARAGRAPH = "paragraph"
    SUBHEAD = "subhead"  # 小标题
    CREDIT = "credit"  # （尚丰军 施民法）
    PHOTO = "photo"


# Reading-order rank (page-layout.md rule 7); None: placed by its own rows, anywhere.
ORDER: dict[ElementKind, int | None] = {
    ElementKind.LABEL: 0,
    ElementKind.KICKER: 1,
    ElementKind.HEADLINE: 2,
    ElementKind.SUBTITLE: 3,
    ElementKind.LEADS: 4,
    ElementKind.BYLINE_LINE: 5,
    ElementKind.BOX: 6,
    ElementKind.BYLINE: 7,
    ElementKind.PARAGRAPH: 8,
    ElementKind.SUBHEAD: 8,
    ElementKind.CREDIT: 9,
    ElementKind.PHOTO: None,
}
# kinds a story has at most once
SINGLE = frozenset({ElementKind.LABEL, ElementKind.KICKER, ElementKind.HEADLINE, ElementKind.SUBTITLE,
                    ElementKind.LEADS, ElementKind.BYLINE_LINE, ElementKind.BYLINE, ElementKind.CREDIT})
MAX_SUBHEAD_LINES = 2


@record
class Paragraph:
    """A body paragraph: its plain text and the emphasised ranges in it
    (``layout.model.markup``: 黑体, 楷体, 着重号)."""

    text: str
    marks: tuple[Emphasis, ...] = ()

    kind = ElementKind.PARAGRAPH


@record
class Subhead:
    """小标题: one or two lines in the subhead style (黑体), kept with the paragraph
    after it, on the baseline grid."""

    lines: tuple[str, ...]

    kind = ElementKind.SUBHEAD

    @property
    def text(self) -> str:
        return "".join(self.lines)


@record
class BoxNote:
    """编者按 / 核心阅读: a framed note inside the story, across its text columns
    (``columns``: text columns of the story, None = all), after the headline group
    and before the body.  ``title`` is set on a line of its own in the box-title style."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    columns: Span | None = None
    where: Location = field(default=Location("?"), compare=False)

    kind = ElementKind.BOX


@record
class TextElement:
    """One of the single-valued kinds (label, kicker, headline, subtitle, leads,
    byline_line, byline, credit): its kind and value as the story holds it."""

    kind: ElementKind
    value: str | tuple[str, ...]


FlowElement = Paragraph | Subhead


# ----------------------------------------------------------------- page items
class ItemKind(Enum):
    """Things on a page outside any story (``items:``)."""

    IMAGE = "image"  # 报花, a logo, the masthead: a picture on the grid
    AD = "ad"  # an ad slot filled with an image or a PDF ad (placed as a form, not redrawn)
    TEXT = "text"  # a framed text box (导读)


@record
class PageImage:
    """A picture on the grid (报花, logo)."""

    file: str
    columns: Span
    rows: Span
    fit: str = "fit"
    pixel_size: tuple[int, int] = (0, 0)
    where: Location = field(default=Location("?"), compare=False)

    kind = ItemKind.IMAGE


@record
class AdSlot:
    """A reserved rectangle filled with an ad: ``pdf`` True for a PDF ad (its first
    page placed as a form XObject, marked as an artifact: the ad's words are not the
    paper's copy), False for an image.  ``size``: the ad's size (pt for a PDF, pixels
    for an image)."""

    file: str
    columns: Span
    rows: Span
    pdf: bool
    size: tuple[float, float] = (0.0, 0.0)
    where: Location = field(default=Location("?"), compare=False)

    kind = ItemKind.AD


@record
class TextBox:
    """A framed box of text on the grid (导读): an optional title, then paragraphs."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    columns: Span
    rows: Span
    id: str = ""
    where: Location = field(default=Location("?"), compare=False)

    kind = ItemKind.TEXT


PageItem = PageImage | AdSlot | TextBox


def story_elements(story: Story) -> tuple[TextElement | BoxNote | Paragraph | Subhead | Photo, ...]:
    """The story's elements as records in reading order, whichever form it was
    written in (a printable view for tests and dumps)."""
    out: list[TextElement | BoxNote | Paragraph | Subhead | Photo] = []
    for kind, value in ((ElementKind.LABEL, story.label), (ElementKind.KICKER, story.kicker),
                        (ElementKind.HEADLINE, story.headline), (ElementKind.SUBTITLE, story.subtitle),
                        (ElementKind.LEADS, story.leads), (ElementKind.BYLINE_LINE, story.byline_line)):
        if value:
            out.append(TextElement(kind, value))
    out.extend(story.boxes)
    if story.byline:
        out.append(TextElement(ElementKind.BYLINE, story.byline))
    out.extend(story.flow or tuple(Paragraph(t) for t in story.paragraphs))  # flow: index-aligned
    if story.credit:
        out.append(TextElement(ElementKind.CREDIT, story.credit))
    out.extend(story.photos)
    return tuple(out)


__all__ = ["ORDER", "SINGLE", "AdSlot", "BoxNote", "ElementKind", "FlowElement", "ItemKind", "PageImage",
           "PageItem", "Paragraph", "Photo", "Subhead", "TextBox", "TextElement", "story_elements"]
