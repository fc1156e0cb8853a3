"""Page items outside stories (``items:``): pictures on the grid, ad slots, text boxes.

They sit on the same grid as stories and may not share a grid cell with a story or
with each other (the same rule as ``stories.check_overlap``).  An ad file must be a
PDF (its first page is placed as it was delivered) or a picture Pillow can verify;
anything else is an error at the ``file:`` line, before any output is written.
"""

from __future__ import annotations

from pathlib import Path

from layout.errors import LayoutError, Location
from layout.model.content import image_size
from layout.model.elements import AdSlot, ItemKind, PageImage, PageItem, TextBox
from layout.model.geometry import Geometry
from layout.model.keys import TEXT_BOX_STYLES
from layout.model.kinds import END
from layout.model.paths import PathPolicy
from layout.model.storyform import marked_paragraphs
from layout.model.table import Fields
from layout.model.types import Span, Story, TextStyle

PDF_MAGIC = b"%PDF-"
MAX_AD_DEPTH = 64  # nesting of an ad's page resources (render.pdfforms copies them); a real ad needs a handful


def _depth(obj, depth: int, seen: set) -> int:
    """How deep ``obj``'s dictionaries and arrays nest (indirect objects once each),
    stopping as soon as it passes ``MAX_AD_DEPTH``."""
    import pikepdf

    if depth > MAX_AD_DEPTH or not isinstance(obj, pikepdf.Object):
        return depth
    if obj.is_indirect:
        if obj.objgen in seen:
            return depth
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        children = [obj[k] for k in obj]
    elif isinstance(obj, pikepdf.Array):
        children = list(obj)
    else:
        return depth
    deepest = depth
    for child in children:
        deepest = max(deepest, _depth(child, depth + 1, seen))
        if deepest > MAX_AD_DEPTH:
            break
    return deepest


def build_items(items: tuple[Fields, ...], geo: Geometry, stories: tuple[Story, ...], styles: dict[str, TextStyle],
                policy: PathPolicy, inputs: list[str]) -> tuple[PageItem, ...]:
    out: list[PageItem] = []
    for i, f in enumerate(items, 1):
        key = next(iter(f.values), None)
        if key is None:
            raise LayoutError(f"items[{i}] is empty", f.node.where, "give it image:, ad: or text:")
        item = _build(ItemKind(key), f.get(key), i, geo, styles, policy, inputs)
        for s in stories:
            _check_overlap(item, s.columns, s.rows, f"story {s.id!r} (line {s.where.line})")
        for other in out:
            _check_overlap(item, other.columns, other.rows, f"the {other.kind.value} item at line {other.where.line}")
        out.append(item)
    return tuple(out)


def _build(kind: ItemKind, f: Fields, index: int, geo: Geometry, styles: dict[str, TextStyle],
           policy: PathPolicy, inputs: list[str]) -> PageItem:
    name = f"{kind.value} item {index}"
    columns = _span(f, "columns", geo.columns, name)
    rows = _span(f, "rows", geo.rows, name)
    if kind is ItemKind.TEXT:
        for style in TEXT_BOX_STYLES[: 2 if "title" in f else 1]:
            if style not in styles:
                raise LayoutError(f"{name} needs a style {style!r}, and none is defined", f.node.where,
                                  f"define styles: {style}: {{...}} or use extends: house")
        return TextBox(title=f.get("title"), paragraphs=marked_paragraphs(f.get("text"), f.nodes["text"]),
                       columns=columns, rows=rows, id=f.get("id", f"text{index}"), where=f.node.where)
    written, node = f.get("file"), f.nodes["file"]
    path = policy.existing_file(written, node, kind.value)
    inputs.append(str(path))
    if kind is ItemKind.IMAGE:
        return PageImage(str(path), columns, rows, f.get("fit", "fit"), image_size(path, written, node.where),
                         f.node.where)
    if _is_pdf(path):
        return AdSlot(str(path), columns, rows, True, pdf_page_size(path, written, node.where), f.node.where)
    try:
        size = image_size(path, written, node.where)
    except LayoutError as e:
        raise LayoutError(f"ad {written!r} is neither a PDF nor a picture ({e.message})", node.where,
                          "an ad is a PDF (PDF/X-1a as delivered) or a PNG, JPEG or TIFF picture") from None
    return AdSlot(str(path), columns, rows, False, (float(size[0]), float(size[1])), f.node.where)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return PDF_MAGIC in fh.read(1024)
    except OSError:
        return False


def pdf_page_size(path: Path, written: str, where: Location) -> tuple[float, float]:
    """Width and height (pt) of the first page's trim (or media) box; a PDF that does
    not open, or has no page, is an error here rather than a broken plate later."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            if not pdf.pages:
                raise LayoutError(f"ad {written!r} is a PDF without pages", where)
            page = pdf.pages[0]
            box = page.obj.get("/TrimBox") or page.mediabox
            x0, y0, x1, y1 = (float(v) for v in box)
            if _depth(page.obj.get("/Resources"), 0, set()) > MAX_AD_DEPTH:
                raise LayoutError(f"ad {written!r}: its resources nest more than {MAX_AD_DEPTH} deep", where,
                                  "export the ad again as PDF/X-1a")
    except (pikepdf.PdfError, ValueError, TypeError, KeyError) as e:
        raise LayoutError(f"ad {written!r} is not a readable PDF ({str(e)[:80]})", where,
                          "export the ad again as PDF/X-1a") from None
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        raise LayoutError(f"ad {written!r}: its page has no area", where)
    return (abs(x1 - x0), abs(y1 - y0))


def _span(f: Fields, key: str, size: int, name: str) -> Span:
    written: Span = f.get(key)
    last = size if written.last == END else written.last
    if not written.first <= last <= size:
        raise LayoutError(f"{name}: {key} {written.first}-{'end' if written.last == END else written.last} is "
                          f"outside the grid (1-{size})", f.where(key))
    return Span(written.first, last)


def _check_overlap(item: PageItem, columns: Span, rows: Span, other: str) -> None:
    cols, rws = item.columns.overlap(columns), item.rows.overlap(rows)
    if cols and rws:
        raise LayoutError(f"the {item.kind.value} item overlaps {other} in grid columns {cols}, rows {rws}",
                          item.where, "page items and stories may touch but not share grid cells")
