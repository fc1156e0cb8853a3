"""From checked YAML fields to the page's typed settings: page, grid, styles,
header, fonts.  Stories are built in ``layout.model.stories``.

Style resolution (docs/format.md, "Styles"): a named style takes face, size, colour,
kinsoku and punct from the body style when it does not set them, and its leading
keeps the body's ratio of leading to size; alignment, indent, tracking, rows and
frame are the style's own (a headline does not inherit the body's 2-em indent).
"""

from __future__ import annotations

import math
from typing import Any

from layout.errors import LayoutError
from layout.fonts.fontset import ROLES, FaceSpec
from layout.model.geometry import MIN_TEXT_COLUMN_EMS, Geometry, grid_geometry, split_width
from layout.model.keys import PAGE_PRESET_PT, PRESET_ALIASES
from layout.model.kinds import GridLines, suggest
from layout.model.paths import PathPolicy
from layout.model.table import Fields
from layout.model.types import BLACK, FontsConfig, GridSpec, Header, Margins, PageSpec, TextStyle
from layout.units import parse_length

BODY_INDENT_EMS = 2.0  # spec typography.md §4: every body paragraph indents 2 em
FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")  # sfnt and collection headers


def build_page(f: Fields) -> PageSpec:
    size = f.get("size")
    preset = None
    if isinstance(size, str):
        preset = PRESET_ALIASES.get(size, size)
        width, height = PAGE_PRESET_PT[preset]
    else:
        width, height = (parse_length(v) for v in size)
    margins = _margins(f.get("margins"))
    bleed = parse_length(f.get("bleed", 0))
    if margins.left + margins.right >= width or margins.top + margins.bottom >= height:
        raise LayoutError(
            f"page.margins leave no type area on a {width:.0f}x{height:.0f}pt page",
            f.where("margins"),
            "margins are measured from each trimmed edge; 10mm to 20mm is usual",
        )
    return PageSpec(width, height, margins, bleed, preset)


def _margins(value: Any) -> Margins:
    if not isinstance(value, Fields):
        m = parse_length(value)
        return Margins(m, m, m, m)
    missing = [s for s in ("top", "bottom", "left", "right") if s not in value]
    if missing:
        raise LayoutError(
            f"page.margins: {', '.join(missing)} missing",
            value.node.where,
            "give all four of top, bottom, left, right, or one length for all",
        )
    return Margins(*(parse_length(value.get(s)) for s in ("top", "bottom", "left", "right")))


def build_body(f: Fields) -> TextStyle:
    """The body style: it needs a size and a leading (they fix the grid)."""
    for key in ("size", "leading"):
        if key not in f:
            raise LayoutError(f"grid.body: {key!r} is missing; the body size and leading fix the baseline grid",
                              f.node.where, "e.g. body: {face: song, size: 小五, leading: 1.6}")
    return resolve_style("body", f, None)


def resolve_style(name: str, f: Fields, body: TextStyle | None) -> TextStyle:
    """A style with its missing keys filled (module doc)."""
    size = f.get("size", body.size if body else 9.0)
    ratio = body.leading / body.size if body else 1.6
    leading = _leading(f, size, body) if "leading" in f else size * ratio
    if leading < size * 0.8:
        raise LayoutError(f"{f.label}.leading: {leading:.1f}pt is tighter than the size {size:g}pt allows",
                          f.where("leading"), "leading is at least 0.8 of the size; usual is 1.3 to 1.8")
    return TextStyle(
        name=name,
        face=f.get("face", body.face if body else "song"),
        size=size,
        leading=leading,
        tracking=_ems(f.get("tracking", 0), size),
        align=f.get("align", "justify"),
        indent=_ems(f.get("indent", BODY_INDENT_EMS if body is None else 0), size),
        kinsoku=f.get("kinsoku", body.kinsoku if body else "basic"),
        punct=f.get("punct", body.punct if body else "gb"),
        rows=f.get("rows"),
        frame=f.get("frame"),
        color=f.get("color", body.color if body else BLACK),
        breaks=f.get("breaks", "characters"),
    )


def _leading(f: Fields, size: float, body: TextStyle | None) -> float:
    value = f.get("leading")
    if isinstance(value, GridLines):
        if body is None:
            raise LayoutError("grid.body.leading: the body leading defines a grid line, so it cannot be "
                              "given in lines", f.where("leading"), "write a factor (1.6) or a length (14pt)")
        return value.count * body.leading
    return value * size if isinstance(value, float) else parse_length(value, size)


def _ems(value: Any, size: float) -> float:
    """A length whose bare number means em (indent: 2), in em of ``size``."""
    return parse_length(value, size, bare="em") / size


def build_grid(f: Fields) -> GridSpec:
    body = build_body(f.get("body"))
    gutter = parse_length(f.get("gutter"), body.size)
    return GridSpec(f.get("columns"), gutter, body)


def build_header(value: Any) -> Header | None:
    if not isinstance(value, Fields):
        return None
    return Header(
        title=value.get("title") or "",
        paper=value.get("paper"),
        date=value.get("date"),
        page=value.get("page"),
        editor=value.get("editor"),
        rule=parse_length(value.get("rule", "1pt")),
        rows=value.get("rows", 3),
    )


def check_geometry(page: PageSpec, grid: GridSpec, header: Header | None, f: Fields) -> Geometry:
    """The grid must hold columns of at least ``MIN_TEXT_COLUMN_EMS`` and one row."""
    geo = grid_geometry(page, grid, header)
    gf = f.get("grid")
    if geo.column_width < MIN_TEXT_COLUMN_EMS * geo.em - 1e-6:
        most = 1
        while split_width(geo.type_area.width, most + 1, grid.gutter, geo.em)[0] >= MIN_TEXT_COLUMN_EMS * geo.em:
            most += 1
        raise LayoutError(
            f"grid.columns: {grid.columns} columns do not fit the type area "
            f"({geo.type_area.width / geo.em:.1f} characters wide at {geo.em:g}pt with gutters of "
            f"{grid.gutter / geo.em:g}em): each would be {geo.column_width / geo.em:.0f} characters",
            gf.where("columns"),
            f"at most {most} columns of at least {MIN_TEXT_COLUMN_EMS} characters fit",
        )
    if geo.rows < 1:
        raise LayoutError("the grid has no room for a single line below the header", gf.where("body"),
                          "reduce the margins, header.rows or the body leading")
    return geo


def build_fonts(f: Fields | None, policy: PathPolicy) -> tuple[FontsConfig, list[str]]:
    """User faces (paths checked, headers sniffed) and fallback chains; also the
    font files read, for ``PageLayout.inputs``."""
    if f is None:
        return FontsConfig(), []
    faces: dict[str, FaceSpec] = {}
    files: list[str] = []
    for role, value in f.values.items():
        if role == "fallback":
            continue
        spec = value if isinstance(value, Fields) else None
        written = spec.get("file") if spec else value
        node = (spec.nodes["file"] if spec else f.nodes[role])
        path = policy.existing_file(written, node, f"font file for {role}")
        with path.open("rb") as fh:
            if fh.read(4) not in FONT_MAGIC:
                raise LayoutError(f"font file {written!r} is not a TrueType/OpenType font", node.where,
                                  "use a .ttf, .otf or .ttc file")
        faces[role] = FaceSpec(role, str(path), spec.get("index", 0) if spec else 0)
        _load_user_face(faces[role], node)
        files.append(str(path))
    known = (*ROLES, *faces)
    fallback: dict[str, tuple[str, ...]] = {}
    chains = f.get("fallback")
    if chains is not None:
        for role, names in chains.values.items():
            for name in (role, *names):
                if name not in known:
                    raise unknown_name("face", name, known, chains.where(role), f"fonts.fallback.{role}")
            fallback[role] = tuple(names)
    return FontsConfig(faces, fallback), files


def _load_user_face(spec: FaceSpec, node: Any) -> None:
    """Load (and so validate: tables, advances, composite glyphs) a user's face now,
    so a bad font is reported at the YAML line naming it (issue 17 class 11/13).
    The face cache makes this free the next time."""
    from layout.errors import FontError
    from layout.fonts.loader import load_face

    try:
        load_face(spec.path, spec.role, spec.index)
    except FontError as e:
        raise FontError(e.message, node.where, e.hint) from None


def unknown_name(what: str, name: str, known: tuple[str, ...] | list[str], where: Any, label: str) -> LayoutError:
    near = suggest(name, known)
    return LayoutError(
        f"{label}: unknown {what} {name!r}; known {what}s: {', '.join(known)}",
        where,
        f"did you mean {near!r}?" if near else None,
    )


def build_styles(f: Fields | None, body: TextStyle, faces: tuple[str, ...]) -> dict[str, TextStyle]:
    """Every named style resolved, plus ``body``; face names checked."""
    styles = {"body": body}
    for name, sf in (f.values if f is not None else {}).items():
        style = resolve_style(name, sf, body)
        check_face(style.face, faces, sf.where("face"), f"styles.{name}.face")
        if style.rows is not None and style.rows * body.leading < style.size:
            need = math.ceil(style.size / body.leading)
            raise LayoutError(
                f"styles.{name}: {style.size:g}pt type does not fit {style.rows} grid line"
                f"{'s' if style.rows > 1 else ''} ({style.rows * body.leading:g}pt)",
                sf.where("rows"),
                f"rows: {need} or more, or a smaller size",
            )
        styles[name] = style
    return styles


def check_face(face: str, faces: tuple[str, ...], where: Any, label: str) -> None:
    if face not in faces:
        raise unknown_name("face", face, faces, where, label)
