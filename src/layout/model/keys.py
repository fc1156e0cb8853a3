"""The layout format's keys, in one place: the validator reads layouts with these
tables and ``layout schema`` prints them as JSON Schema (docs/format.md explains them
for people).  Adding a key here is the only way to add one to the format.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from layout.compose.model import ALIGNS, KINSOKU_LEVELS, PUNCT_MODES
from layout.model.kinds import (
    NAME_PATTERN,
    Bool,
    Choice,
    Color,
    Date,
    Enum,
    FalseOnly,
    Int,
    Leading,
    Length,
    Lines,
    ListOf,
    Name,
    Pair,
    PathText,
    Size,
    SpanKind,
    Text,
)
from layout.model.table import Key, Table
from layout.units import PT_PER_MM

_NAME = re.compile(NAME_PATTERN)


def _name_problem(what: str) -> Callable[[str], str | None]:
    def check(name: str) -> str | None:
        if not _NAME.match(name):
            return f"{name!r} is not a {what} name; use lower-case letters, digits and '-' (headline-2)"
        return None

    return check


def _style_name_problem(name: str) -> str | None:
    if name == "body":
        return "the body style is set under grid: body, not under styles"
    return _name_problem("style")(name)

# page sizes (trimmed) in mm, portrait
PAGE_PRESETS: dict[str, tuple[float, float]] = {
    "对开": (390.0, 545.0),  # broadsheet
    "4开": (272.0, 390.0),  # tabloid
    "8开": (195.0, 272.0),  # half a tabloid
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
}
PRESET_ALIASES = {"broadsheet": "对开", "tabloid": "4开", "四开": "4开", "八开": "8开", "octavo": "8开", "a3": "A3",
                  "a4": "A4"}
PAGE_PRESET_PT = {k: (w * PT_PER_MM, h * PT_PER_MM) for k, (w, h) in PAGE_PRESETS.items()}

FRAMES = ("box", "reversed")
FITS = ("fill", "fit")
RULE_SIDES = ("above", "below", "left", "right")
BREAKS = ("characters", "words")  # TextStyle.breaks
DIRECTIONS = ("horizontal", "vertical")  # Story.direction: of the headline (and kicker)
# A story's rank picks its headline step (issue 15; page-layout.md rule 4): 头条,
# 二条, secondary, brief -> the house's headline styles, largest first.
RANK_STYLES = {"lead": "headline", "second": "headline-2", "secondary": "headline-3", "brief": "headline-4"}
MAX_COLUMNS = 24
MAX_HEADER_ROWS = 12

# the style every story element uses (a story may pick another headline style)
ELEMENT_STYLES = {
    "label": "label",
    "kicker": "kicker",
    "headline": "headline",
    "subtitle": "subtitle",
    "leads": "lead",
    "byline": "byline",
    "byline_line": "byline-line",
    "credit": "credit",
    "caption": "caption",
}
# styles of the elements only the content form has (docs/format.md "Story content")
SUBHEAD_STYLE = "subhead"  # 小标题, 黑体
BOX_STYLE = "box"  # 编者按 / 核心阅读 text
BOX_TITLE_STYLE = "box-title"
PHOTO_CREDIT_STYLE = "photo-credit"  # （本报记者 某某摄） after the caption
TEXT_BOX_STYLES = ("textbox", "textbox-title")  # 导读 page item
HEADER_STYLES = ("header-title", "header-info")

STYLE = Table(
    "style",
    (
        Key("face", Name("face"), "font role: song, song-bold, hei, hei-bold, kai, or one defined under fonts"),
        Key("size", Size(), "type size: 小五, 五号 (Chinese sizes) or 9pt, 3.5mm"),
        Key("leading", Leading(), "line spacing: a factor of the size (1.6) or a length (15pt)"),
        Key("tracking", Length(em=True), "extra space after each character, in em (0.05) or pt"),
        Key("align", Enum(ALIGNS), "justify (both edges), left, center or right"),
        Key("indent", Length(em=True), "first-line indent in em (2 = two characters) or pt"),
        Key("kinsoku", Enum(KINSOKU_LEVELS), "line-start/end rules (spec §1): none, basic, gb, strict, newspaper"),
        Key("punct", Enum(PUNCT_MODES), "punctuation width (spec §2): gb (compress), kaiming, full"),
        Key("rows", Int(1, 40), "grid lines one line of this element takes (headlines, labels)"),
        Key("frame", Enum(FRAMES), "box (outlined) or reversed (white on black), for labels"),
        Key("color", Color(), "black, red, white, a black tint 0..1, or CMYK fractions [c, m, y, k]"),
        Key("breaks", Enum(BREAKS), "where lines may break: characters (any Han boundary) or words "
            "(between words only: headlines, leads)"),
    ),
    inherited=True,
)

BODY = Table("body style", STYLE.keys, inherited=True)

PAGE = Table(
    "page",
    (
        Key(
            "size",
            Choice(
                scalar=Enum((*PAGE_PRESETS, *PRESET_ALIASES)),
                seq=Pair(Length(em=False, positive=True)),
                expected_text="a preset (对开, 4开, 8开, A3, A4) or [width, height] like [272mm, 390mm]",
            ),
            "trimmed page size: 对开 (390x545mm), 4开 (272x390mm), 8开 (195x272mm), A3, A4, or [width, height]",
            required=True,
        ),
        Key(
            "margins",
            Choice(
                scalar=Length(em=False),
                map=Table(
                    "margins",
                    tuple(Key(s, Length(em=False), f"{s} margin") for s in ("top", "bottom", "left", "right")),
                    inherited=True,
                ),
                expected_text="one length (15mm) or {top, bottom, left, right}",
            ),
            "from the trimmed edge to the type area: one length or {top, bottom, left, right}",
            required=True,
        ),
        Key("bleed", Length(em=False), "printed beyond the trim on every side (3mm)", default="0mm"),
    ),
    inherited=True,
)

GRID = Table(
    "grid",
    (
        Key("columns", Int(1, MAX_COLUMNS), "grid columns (栏) across the type area", required=True),
        Key(
            "gutter",
            Length(em=True),
            "minimum gap between columns (1.5em); columns are whole characters wide and the "
            "leftover widens the gaps",
            required=True,
        ),
        Key("body", BODY, "body text style; its size and leading fix the page-wide baseline grid", required=True),
    ),
    inherited=True,
)

HEADER = Table(
    "header",
    (
        Key("title", Text(), "section or page name printed large (开发区新闻); none: the header has only its other parts"),
        Key("paper", Text(), "the paper's name (濮阳日报)"),
        Key("date", Date(), "issue date, printed with its weekday (2020年8月10日 星期一)"),
        Key("page", Int(1, 999), "page number, printed 第3版"),
        Key("editor", Text(), "editor credits, free text (责任编辑 王某)"),
        Key("rule", Length(em=False), "thickness of the rule below the header; 0 = none", default="1pt"),
        Key("rows", Int(1, MAX_HEADER_ROWS), "body lines the header takes above the grid", default=3),
    ),
    inherited=True,
)

FACE = Table(
    "face",
    (
        Key("file", PathText(), "font file (.ttf, .otf, .ttc), relative to the layout file", required=True),
        Key("index", Int(0, 255), "face number inside a .ttc collection", default=0),
    ),
    inherited=True,
)

FONTS = Table(
    "fonts",
    (
        Key(
            "fallback",
            Table(
                "fallback",
                (),
                extra=ListOf(Name("face"), single=True),
                extra_doc="faces tried in order when this face lacks a character",
                inherited=True,
            ),
            "per face, the faces tried when it lacks a character: {song: [hei, kai]}",
        ),
    ),
    extra=Choice(scalar=PathText(), map=FACE, expected_text="a font file path or {file, index}"),
    extra_doc="a face (font role) this layout adds or replaces: a font file or {file, index}",
    check_extra=_name_problem("face"),
    inherited=True,
)

STYLES = Table(
    "styles",
    (),
    extra=STYLE,
    extra_doc="a named style; missing keys come from the body style",
    check_extra=_style_name_problem,
    inherited=True,
)

PHOTO = Table(
    "photo",
    (
        Key("file", PathText(), "image file (PNG, JPEG, TIFF), relative to the layout file; "
            "may be left out with placeholder: true (an empty, marked photo frame)"),
        Key(
            "rows",
            SpanKind("rows"),
            "lines of the story's text area the photo takes; 1 = first line below the headline group",
            required=True,
        ),
        Key("columns", SpanKind("text columns", end=True), "text columns of the story it spans (default: all)"),
        Key("fit", Enum(FITS), "fill (crop to the frame) or fit (whole picture, letterboxed)", default="fill"),
        Key("caption", Text(), "caption set below the photo in the caption style"),
        Key("credit", Text(), "photo credit set after the caption in the photo-credit style (（本报记者 某某摄）)"),
        Key("placeholder", Bool(), "a stand-in picture, marked as such in proofs", default=False),
    ),
)

BOX = Table(
    "box",
    (
        Key("title", Text(), "the box's title on a line of its own (编者按, 核心阅读)"),
        Key("text", Text(), "the note: paragraphs separated by blank lines; inline marks allowed", required=True),
        Key("columns", SpanKind("text columns", end=True), "text columns of the story it spans (default: all)"),
    ),
)

# One element of a story's ``content:``: a mapping with exactly one of these keys
# (layout.model.elements.ElementKind; order rules in elements.ORDER).
CONTENT_ITEM = Table(
    "content element",
    (
        Key("label", Text(), "department label set in a box (区妇联)"),
        Key("kicker", Text(), "引题, the line above the headline"),
        Key("headline", Lines(), "主题: text, or a list of lines"),
        Key("subtitle", Text(), "副题, the line below the headline"),
        Key("leads", ListOf(Text(), single=True), "■ lead bullets (■ is added unless the text starts with a bullet: ■ ● ◆ ▲ ★ □)"),
        Key("byline_line", Text(), "a byline on its own line (本报记者 王金勇)"),
        Key("box", BOX, "编者按 / 核心阅读: a framed note after the headline group, before the body"),
        Key("byline", Text(), "opener set inline before the first paragraph (本报讯)"),
        Key("paragraph", Text(), "body text with inline marks {hei|…} {kai|…} {dot|…}; blank lines "
            "separate paragraphs"),
        Key("subhead", Lines(), "小标题: one or two lines in the subhead style, kept with the next paragraph"),
        Key("credit", Text(), "credit line after the body (（尚丰军 施民法）)"),
        Key("photo", PHOTO, "a photo inside the story's area, with caption and credit"),
    ),
    single=True,
)

STORY = Table(
    "story",
    (
        Key("id", Text(), "unique name used in reports (default: story1, story2, ...)"),
        Key("columns", SpanKind("grid columns"), "grid columns of the story's area: 1-4, 3, 5-end", required=True),
        Key("rows", SpanKind("rows"), "baseline-grid lines of the area: 1-38, 40-end", required=True),
        Key("text_columns", Int(1, 4 * MAX_COLUMNS), "body columns inside the area (变栏); default: one per grid column"),
        Key("label", Text(), "department label set in a box (区妇联)"),
        Key("kicker", Text(), "引题, the line above the headline"),
        Key("headline", Lines(), "主题: text, or a list of lines"),
        Key("rank", Enum(tuple(RANK_STYLES)), "the story's rank, which picks its headline step: lead (头条, "
            "style headline), second (二条, headline-2), secondary (headline-3), brief (headline-4)"),
        Key("headline_style", Name("style"), "named style for the headline instead of the rank's step",
            default="headline"),
        Key("subtitle", Text(), "副题, the line below the headline"),
        Key("headline_columns", SpanKind("text columns"), "text columns the headline group spans (default: all)"),
        Key("head_beside", Bool(), "the text columns right of headline_columns start at the story's top, beside "
            "the headline group (文包题); default false: every column starts under it", default=False),
        Key("leads", ListOf(Text(), single=True), "■ lead bullets (■ is added unless the text starts with a bullet: ■ ● ◆ ▲ ★ □)"),
        Key("byline", Text(), "opener set inline before the first paragraph (本报讯)"),
        Key("byline_line", Text(), "a byline on its own line (本报记者 王金勇)"),
        Key("body", Text(), "body text: paragraphs separated by blank lines, or one per line"),
        Key("body_file", PathText(), "body text from a UTF-8 file beside the layout, instead of body"),
        Key("credit", Text(), "credit line after the body, in the credit style (（尚丰军 施民法）)"),
        Key("photos", ListOf(PHOTO), "photos inside the story's area"),
        Key("content", ListOf(CONTENT_ITEM), "the story's elements in reading order, one kind each "
            "(the sequence form; instead of label, kicker, headline, ..., photos)"),
        Key("box", Bool(), "frame around the story", default=False),
        Key("ad", Bool(), "an ad slot (广告位): the area is a ruled, tinted box with the body, its label (广告), "
            "centred in it; the story holds a body only", default=False),
        Key(
            "rule",
            Choice(
                scalar=Enum(("none", *RULE_SIDES)),
                seq=ListOf(Enum(RULE_SIDES)),
                expected_text="none, one of above, below, left, right, or a list of them",
            ),
            "rules on the area's sides between stories: below, right, [below, right] or none",
            default="none",
        ),
        Key("balance", Bool(), "balance the text columns so they end level", default=False),
        Key("direction", Enum(DIRECTIONS), "the headline set across (horizontal) or top to bottom at the "
            "story's right, the body beside it (vertical, 竖题)", default="horizontal"),
        Key("fit", Bool(), "copyfit: fit the text to the area within the house tolerances (tracking, "
            "headline step, head air, photo size), reported", default=False),
        Key("jump_from", Int(1, 999), "转版: the story goes on from 第N版: （上接第N版） under its headline, "
            "which is then the 接题 (furniture: an artifact; style jump-head unless headline_style says); "
            "an edition's jumps: set N"),
        Key("jump_to", Int(1, 999), "转版: the story goes on on 第N版: （下转第N版） closes its body; an "
            "edition's jumps: set N"),
        Key("continued", Bool(), "转版: the first paragraph goes on from another page (no first-line indent)",
            default=False),
    ),
)

# Copyfit tolerances (issue 15): how far ``fit: true`` may change a story.
MAX_TRACKING_CHANGE_EM = 0.1  # beyond this, glyphs touch (tighten) or words fall apart (loosen)
COPYFIT = Table(
    "copyfit",
    (
        Key("tighten", Length(em=True), "body tracking (字距) may go down by this much (0.02em)", default="0.02em"),
        Key("loosen", Length(em=True), "body tracking may go up by this much (0.02em)", default="0.02em"),
        Key("air", Int(0, 2), "grid lines of air the headline band may take (2 at most: 3 make a hole)",
            default=2),
        Key("photo", Int(0, 50), "percent a photo's height may change, in whole grid lines", default=15),
        Key("steps", Int(0, 3), "headline steps the fit may go up or down", default=1),
    ),
    inherited=True,
)

ITEM_IMAGE = Table(
    "image item",
    (
        Key("file", PathText(), "image file (PNG, JPEG, TIFF), relative to the layout file", required=True),
        Key("columns", SpanKind("grid columns"), "grid columns it covers", required=True),
        Key("rows", SpanKind("rows"), "baseline-grid rows it covers", required=True),
        Key("fit", Enum(FITS), "fit (whole picture, default) or fill (cropped to the frame)", default="fit"),
    ),
)
ITEM_AD = Table(
    "ad slot",
    (
        Key("file", PathText(), "the ad: a PDF (first page placed as is, PDF/X-1a as delivered) or an image",
            required=True),
        Key("columns", SpanKind("grid columns"), "grid columns the slot covers", required=True),
        Key("rows", SpanKind("rows"), "baseline-grid rows the slot covers", required=True),
    ),
)
ITEM_TEXT = Table(
    "text box",
    (
        Key("id", Text(), "name used in reports (default: text1, text2, ...)"),
        Key("title", Text(), "title line in the textbox-title style (导读)"),
        Key("text", Text(), "paragraphs separated by blank lines; inline marks allowed", required=True),
        Key("columns", SpanKind("grid columns"), "grid columns the box covers", required=True),
        Key("rows", SpanKind("rows"), "baseline-grid rows the box covers", required=True),
    ),
)
# One page item: a mapping with exactly one of these keys (elements.ItemKind).
PAGE_ITEM = Table(
    "page item",
    (
        Key("image", ITEM_IMAGE, "a picture on the grid (报花, a logo)"),
        Key("ad", ITEM_AD, "an ad slot filled with a PDF ad or an image"),
        Key("text", ITEM_TEXT, "a framed text box (导读)"),
    ),
    single=True,
)
ARCHIVE = Table(
    "archive",
    (
        Key("file", Text(), "the archive, relative to the layout (written by layout import)", required=True),
        Key("page", Int(1, 999), "which page of the archive's reprint this layout is", default=1),
        Key("pages", Int(1, 999), "how many pages the archive's reprint has", default=1),
    ),
)

LAYOUT = Table(
    "layout",
    (
        Key("extends", PathText(), "a house style to inherit: house (layouts/house.yaml) or a relative path"),
        Key("page", PAGE, "page size, margins and bleed", required=True),
        Key("grid", GRID, "columns, gutter and the body style fixing the baseline grid", required=True),
        Key("fonts", FONTS, "faces added or replaced, by role, and fallback chains"),
        Key(
            "header",
            Choice(map=HEADER, scalar=FalseOnly(), expected_text="header keys, or false for no header"),
            "page header (报眉) above the grid; false = none",
        ),
        Key("styles", STYLES, "named styles; a page overrides the house key by key"),
        Key("stories", ListOf(STORY), "the stories, in reading order"),
        Key("copyfit", COPYFIT, "the house tolerances of fit: true (and render --fit)"),
        Key("items", ListOf(PAGE_ITEM), "things on the page outside stories: image, ad, text"),
        Key("archive", ARCHIVE, "the archived page this layout was imported from: layout render checks that the "
                                "PDF holds all its text (delete the key to render an edited text unchecked)"),
    ),
    inherited=True,
)
