"""An ``ArchivedPage`` as a page in the layout format (docs/format.md).

The output is the ordinary YAML an operator edits and renders: deterministic (same
page, same bytes), readable (CJK written as is, bodies as block scalars, one
paragraph per blank-line-separated block) and loadable by ``layout.model``.

Placement is not decided here.  The caller passes ``placements``: story id ->
the placement keys of that story (``columns``, ``rows``, ``text_columns``,
``headline_columns``, ``headline_style``, ``box``, ``rule``, ``balance``) and
``photos``: one mapping per caption, in caption order (``file``, ``columns``,
``rows``, ``fit``).  ``head`` holds the page-level keys (``extends``, ``page``,
``grid``, ``styles``, extra ``header`` keys).  Without placements the stories carry
content only: a draft for a person or the automatic layout to place.

What the recogniser found keeps its kind (docs/format.md "Story content"): a story
with subheads or boxes is written in the sequence form (``content:``, one element per
item, subheads as ``subhead:``, 核心阅读 / 编者按 blocks as ``box:`` after the headline
group, an editor's note's lead-in 编者按： as ``{hei|…}``); a photo credit at the end
of a caption (（本报记者 某某摄）) becomes the photo's ``credit:``.  Body text is escaped (``{`` -> ``{{``), so archive
text can never turn into inline marks.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from layout.archive.model import ArchivedPage, ArchivedStory, subhead_groups
from layout.model.markup import escape

INDENT = "  "
# placement keys, in the order they are written (before the story's text)
STORY_PLACEMENT_KEYS = ("columns", "rows", "text_columns", "headline_columns", "head_beside", "headline_style",
                        "box", "rule", "balance", "jump_from", "jump_to", "continued")
PHOTO_PLACEMENT_KEYS = ("file", "columns", "rows", "fit")
_HEADER_ORDER = ("title", "paper", "date", "page", "editor")
HEAD_KEYS = ("extends", "page", "grid", "fonts", "header", "styles")
# a plain scalar must not start with these (YAML indicators)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_resolver = yaml.resolver.Resolver()
# a photo credit closing a caption: （本报记者 某某摄）, (新华社记者 某某 摄影), 本报记者 某某摄
_PHOTO_CREDIT = re.compile(
    r"(?:[（(][^（）()]{1,40}?摄影?\s*[）)]"
    r"|(?<=[。！？”])\s*(?:本报|新华社|中新社)?(?:特约|首席|见习)?(?:摄影)?记者[^。！？（）()]{1,24}?摄影?)$")
# an editor's note's lead-in (编者按：, 【编者按】), set in 黑体 as papers print it
_NOTE_LEAD_IN = re.compile(r"[【\[]?编者按[】\]]?[：:]?")
# characters YAML takes for a line end inside a block scalar
PARAGRAPH_BREAK = "\n\n"
_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def story_ids(page: ArchivedPage) -> tuple[str, ...]:
    """The ids the emitter gives the stories: ``story1``, ``story2`` … in archive
    order (the loader's own default), so a placement function can key on them."""
    return tuple(f"story{n}" for n in range(1, len(page.stories) + 1))


def emit_page(page: ArchivedPage, placements: Mapping[str, Mapping[str, Any]] | None = None,
              head: Mapping[str, Any] | None = None, *, source: str | None = None) -> str:
    """The page as layout YAML.  ``source`` names the archive in the top comment."""
    placements = placements or {}
    head = dict(head or {})
    ids = story_ids(page)
    unknown = sorted(set(placements) - set(ids))
    if unknown:
        raise ValueError(f"placements for unknown stories {unknown}; the ids are {list(ids)}")
    out: list[str] = []
    if source:
        out.append(f"# Imported from {source} by layout import: {len(page.stories)} stories.")
    unsure = sum(n.unsure for s in page.stories for n in s.notes) + sum(n.unsure for n in page.notes)
    if unsure:
        out.append(f"# {unsure} recognition decisions are unsure (see `layout import --report`); "
                   "they are marked below.")
    for key in HEAD_KEYS:
        if key == "header":
            _emit_header(out, page, head.pop("header", None))
        elif key in head:
            _emit_key(out, 0, key, head.pop(key))
    for key in sorted(head):
        _emit_key(out, 0, key, head[key])
    out.append("stories:")
    for sid, story in zip(ids, page.stories, strict=True):
        _emit_story(out, sid, story, placements.get(sid, {}))
    return "\n".join(out) + "\n"


def _emit_header(out: list[str], page: ArchivedPage, extra: Mapping[str, Any] | None) -> None:
    """The page header from the archive, printed as the archive has it (issue 13:
    ``第07版`` stays ``第07版``, the whole page line is on the page).

    The name becomes ``title``.  The paper, date and 第N版 parts become the ``date``
    and ``page`` keys only when the layout prints exactly the archive's text there
    (``2020年8月10日 星期一``, ``第3版``) in the archive's order; otherwise every part
    is kept verbatim, in order, in ``paper``.  Without a name the first part is the
    title (a page line alone never promotes a headline to the section name).
    Editor and page-credit lines (责任编辑, 版式设计) go to ``editor``, never to the
    title: a page with nothing but credits has a header without a title."""
    kinds = [h.kind for h in page.header]
    # editor credits print last: at the end of the header parts they go to ``editor``,
    # before other parts they stay text in their place
    trailing = len(kinds) - next((k for k in range(len(kinds), 0, -1) if kinds[k - 1] != "editor"), 0)
    parts = list(page.header[:len(kinds) - trailing])
    editors = [h.text for h in page.header[len(kinds) - trailing:]]
    title = page.name
    if title is None and parts:
        title = parts.pop(0).text
    editor = "\u3000".join(editors) if editors else None
    header: dict[str, Any] = {"title": title} if title else {}
    structured = _structured(parts)
    if structured is None and parts:
        structured = {"paper": "\u3000".join(h.text for h in parts)}
        out.append("# the archive's page line is kept as text in paper, as written")
    header.update(structured or {})
    if editor:
        header["editor"] = editor
    header.update(extra or {})
    if header:
        _emit_key(out, 0, "header", {k: header[k] for k in _HEADER_ORDER if k in header}
                  | {k: v for k, v in header.items() if k not in _HEADER_ORDER})


_RANK = {"paper": 0, "date": 1, "page": 2}


def _structured(parts: Sequence[Any]) -> dict[str, Any] | None:
    """``paper``/``date``/``page`` keys when the layout would print exactly the
    archive's parts in the archive's order, else None (then the text is kept)."""
    kinds = [h.kind for h in parts]
    if (not parts or any(k not in _RANK for k in kinds) or kinds.count("date") > 1 or kinds.count("page") > 1
            or kinds != sorted(kinds, key=_RANK.__getitem__)):
        return None
    header: dict[str, Any] = {}
    for h in parts:
        if h.kind == "date":
            iso = printable_date(h.text)
            if iso is None:
                return None
            header["date"] = iso
        elif h.kind == "page":
            m = re.fullmatch(r"第([1-9]\d{0,2})版", h.text)
            if m is None:
                return None
            header["page"] = int(m.group(1))
    papers = [h.text for h in parts if h.kind == "paper"]
    if papers:
        header["paper"] = "\u3000".join(papers)
    return header


def printable_date(text: str) -> str | None:
    """``2020-08-10`` when ``text`` is exactly how the layout prints that date
    (``2020年8月10日 星期一``, weekday right), else None."""
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日 (星期[一二三四五六日])", text)
    if not m:
        return None
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if "星期" + "一二三四五六日"[day.weekday()] != m.group(4) or text != f"{day.year}年{day.month}月{day.day}日 {m.group(4)}":
        return None
    return day.isoformat()


def _emit_story(out: list[str], sid: str, story: ArchivedStory, place: Mapping[str, Any]) -> None:
    unsure = {n.element: n for n in story.notes if n.unsure}
    out.append(f"{INDENT}- id: {sid}")
    pad = INDENT * 2
    extra = sorted(set(place) - {*STORY_PLACEMENT_KEYS, "photos"})
    if extra:
        raise ValueError(f"story {sid}: unknown placement keys {extra}")
    for key in STORY_PLACEMENT_KEYS:
        if key in place:
            _emit_key(out, 2, key, place[key])
    if story.ad:  # the archive's 广告 line: an ad slot, its text the slot's label (docs/format.md)
        out.append(f"{pad}ad: true")
    if story.subheads or story.boxes:
        _emit_content(out, pad, story, place.get("photos", ()), unsure)
        return
    _emit_head(out, pad, "", story, unsure, ("byline", "byline_line"))
    _emit_body(out, pad, story, unsure)
    if story.credit:
        _comment_unsure(out, pad, unsure.get("credit"))
        out.append(f"{pad}credit: {scalar(story.credit)}")
    _emit_photos(out, pad, story, place.get("photos", ()), unsure)


def _emit_head(out: list[str], pad: str, dash: str, story: ArchivedStory, unsure: Mapping[str, Any],
               bylines: tuple[str, ...]) -> None:
    """Label, kicker, headline, subtitle, leads and the bylines, as keys (``dash``
    "") or as items of ``content:`` (``dash`` "- ")."""
    for key in ("label", "kicker", "headline", "subtitle"):
        value = getattr(story, key)
        if value:
            _comment_unsure(out, pad, unsure.get(key))
            out.append(f"{pad}{dash}{key}: {scalar(value)}")
    if story.leads:
        out.append(f"{pad}{dash}leads:")
        out.extend(f"{pad}{INDENT}- {scalar(t)}" for t in story.leads)
    for key in bylines:
        value = getattr(story, key)
        if value:
            _comment_unsure(out, pad, unsure.get(key))
            out.append(f"{pad}{dash}{key}: {scalar(value)}")


def _emit_content(out: list[str], pad: str, story: ArchivedStory, placed: Sequence[Mapping[str, Any]],
                  unsure: Mapping[str, Any]) -> None:
    """The story in the sequence form: one element per item, in reading order
    (elements.ORDER), subheads in their place between the paragraphs."""
    out.append(f"{pad}content:")
    item = pad + INDENT
    _emit_head(out, item, "- ", story, unsure, ("byline_line",))
    for box in story.boxes:
        out.append(f"{item}- box:")
        if box.title:
            out.append(f"{item}{INDENT * 2}title: {scalar(box.title)}")
        text = "\n\n".join(_box_paragraph(box, k) for k in range(len(box.paragraphs)))
        out.append(f"{item}{INDENT * 2}text: {_block(text, item + INDENT * 3)}")
    _emit_head_byline(out, item, story, unsure)
    decks = {g[0]: g[1:] for g in subhead_groups(story.subheads) if len(g) > 1}
    in_pair = {i for g in decks.values() for i in g}
    for ref, text in story.elements():
        if not ref.startswith(("paragraphs.", "subheads.")):
            continue
        if ref.startswith("subheads."):
            i = int(ref.split(".")[1])
            if i in in_pair:
                continue  # written with its subhead
            for k in (i, *decks.get(i, ())):
                _comment_unsure(out, item, unsure.get(f"subheads.{k}"))
            if i in decks:  # a subhead and its deck below: one subhead of two lines (spec archives.md)
                out.append(f"{item}- subhead:")
                out.extend(f"{item}{INDENT * 2}- {scalar(story.subheads[k].text)}" for k in (i, *decks[i]))
            else:
                out.append(f"{item}- subhead: {scalar(text)}")
        else:
            _comment_unsure(out, item, unsure.get(ref))
            out.append(f"{item}- paragraph: {_body_scalar(text, item + INDENT * 2)}")
    if story.credit:
        _comment_unsure(out, item, unsure.get("credit"))
        out.append(f"{item}- credit: {scalar(story.credit)}")
    for i, cap in enumerate(story.captions):
        lines = _photo_lines(i, cap, placed)
        out.append(f"{item}- photo:")
        if cap.truncated:
            out.append(f"{item}{INDENT * 2}# caption cut off in the archive: kept as it is")
        _comment_unsure(out, item + INDENT * 2, unsure.get(f"captions.{i}"))
        out.extend(f"{item}{INDENT * 2}{ln}" for ln in lines)


def _emit_head_byline(out: list[str], item: str, story: ArchivedStory, unsure: Mapping[str, Any]) -> None:
    """The inline byline, after the boxes: it opens the first paragraph."""
    if story.byline:
        _comment_unsure(out, item, unsure.get("byline"))
        out.append(f"{item}- byline: {scalar(story.byline)}")


def _block(text: str, indent: str) -> str:
    """Escaped paragraphs (blank lines between them) as a literal block when YAML
    can hold them, else one quoted scalar."""
    if all(_block_ok(p) for p in text.split("\n\n")):
        return "|-\n" + "\n".join(indent + ln if ln else "" for ln in text.split("\n"))
    return scalar(text)


def _body_scalar(text: str, indent: str) -> str:
    """A paragraph, escaped for inline marks, as a block scalar when YAML allows it."""
    text = escape(text)
    if _block_ok(text):
        return "|-\n" + indent + text
    return scalar(text)


def _block_ok(text: str) -> bool:
    return bool(text) and text == text.strip() and "\n" not in text and not re.search(
        r"[\x00-\x1f\x7f\u2028\u2029\x85\ufeff]", text)


def note_lead_in(box: Any, k: int) -> int:
    """How many characters at the start of the box's paragraph ``k`` are the
    lead-in of an editor's note run into its text (编者按：…), set in 黑体; 0 when
    there is none (a titled box, a later paragraph, or text that merely starts so)."""
    if box.title is not None or k:
        return 0
    text = box.paragraphs[0]
    m = _NOTE_LEAD_IN.match(text)
    # a brace right after it would run into the mark's closing brace (model.markup)
    return m.end() if m and m.end() < len(text) and text[m.end()] not in "{}" else 0


def _box_paragraph(box: Any, k: int) -> str:
    """A box paragraph escaped for inline marks, its note lead-in as ``{hei|…}``."""
    text = box.paragraphs[k]
    n = note_lead_in(box, k)
    return f"{{hei|{escape(text[:n])}}}{escape(text[n:])}" if n else escape(text)


def split_photo_credit(caption: str) -> tuple[str, str | None]:
    """A caption and the photo credit that closes it (（本报记者 某某摄）), if any."""
    m = _PHOTO_CREDIT.search(caption)
    if not m or m.start() == 0:
        return caption, None
    return caption[:m.start()].rstrip(), m.group().strip()


def _emit_body(out: list[str], pad: str, story: ArchivedStory, unsure: Mapping[str, Any]) -> None:
    body = story.body()
    if not body:
        return
    doubtful = [ref for ref in unsure if ref.startswith(("paragraphs.", "subheads."))]
    if doubtful:
        out.append(f"{pad}# unsure in the body: {', '.join(_why(unsure[r]) for r in sorted(doubtful))}")
    if any(_BREAKS.search(p) or p != p.strip() for p in body):
        # a character YAML reads as a line end (NEL, U+2028 …) or edge white space: a
        # block scalar would not read back the same; a quoted one does
        out.append(f"{pad}body: {scalar(PARAGRAPH_BREAK.join(body))}")
        return
    out.append(f"{pad}body: |-")
    inner = pad + INDENT
    for i, para in enumerate(body):
        if i:
            out.append("")
        out.append(inner + escape(para))


def _emit_photos(out: list[str], pad: str, story: ArchivedStory, placed: Sequence[Mapping[str, Any]],
                 unsure: Mapping[str, Any]) -> None:
    if not story.captions:
        return
    out.append(f"{pad}photos:")
    item = pad + INDENT
    for i, cap in enumerate(story.captions):
        if cap.truncated:
            out.append(f"{item}# caption cut off in the archive: kept as it is")
        _comment_unsure(out, item, unsure.get(f"captions.{i}"))
        lines = _photo_lines(i, cap, placed)
        out.append(f"{item}- {lines[0]}")
        out.extend(f"{item}{INDENT}{ln}" for ln in lines[1:])


def _photo_lines(i: int, cap: Any, placed: Sequence[Mapping[str, Any]]) -> list[str]:
    """A photo's keys: placement, caption and photo credit, placeholder."""
    place = placed[i] if i < len(placed) else {}
    extra = sorted(set(place) - set(PHOTO_PLACEMENT_KEYS))
    if extra:
        raise ValueError(f"photo {i + 1}: unknown placement keys {extra}")
    caption, credit = split_photo_credit(cap.text)
    lines = [f"{k}: {_inline(place[k])}" for k in PHOTO_PLACEMENT_KEYS if k in place]
    if caption:
        lines.append(f"caption: {scalar(caption)}")
    if credit:
        lines.append(f"credit: {scalar(credit)}")
    return [*lines, "placeholder: true"]


def _comment_unsure(out: list[str], pad: str, note: Any) -> None:
    if note is not None:
        out.append(f"{pad}# unsure: {_why(note)}")


def _why(note: Any) -> str:
    return f"{note.element} ({note.confidence:.2f}, {note.reason.split(';')[0]})"


# ----------------------------------------------------------------- generic YAML
def _emit_key(out: list[str], level: int, key: str, value: Any) -> None:
    pad = INDENT * level
    if isinstance(value, Mapping):
        if not value:
            out.append(f"{pad}{key}: {{}}")
            return
        out.append(f"{pad}{key}:")
        for k, v in value.items():
            _emit_key(out, level + 1, str(k), v)
    elif isinstance(value, list | tuple) and any(isinstance(v, Mapping | list | tuple) for v in value):
        out.append(f"{pad}{key}:")
        for v in value:
            if isinstance(v, Mapping):
                first = True
                for k, vv in v.items():
                    lead = f"{pad}{INDENT}- " if first else f"{pad}{INDENT}{INDENT}"
                    sub: list[str] = []
                    _emit_key(sub, 0, str(k), vv)
                    out.append(lead + sub[0])
                    out.extend(f"{pad}{INDENT}{INDENT}{s}" for s in sub[1:])
                    first = False
            else:
                out.append(f"{pad}{INDENT}- {_inline(v)}")
    else:
        out.append(f"{pad}{key}: {_inline(value)}")


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_inline(v)}" for k, v in value.items()) + "}"
    return scalar(str(value))


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string: plain when that
    is safe (most Chinese text), double-quoted otherwise (CJK still unescaped)."""
    if _plain_ok(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    escaped = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85\ufeff]",
                     lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or re.search(r"[\x00-\x1f\x7f\u2028\u2029\x85\ufeff\u00a0]", text):
        return False
    return _resolver.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
