"""``load_layout``: a page's YAML (and the house styles it extends) into a
validated ``PageLayout``, or a ``LayoutError`` saying file, line and column.

Order of work: read the page and its ``extends`` chain safely (``yamlsafe``), merge
them key by key (the page wins; lists such as ``stories`` are replaced whole), check
every key and value against the format's tables (``keys``), then build the typed
model, checking what needs the whole page: the grid's fit, named styles and faces,
the stories' places, files beside the layout.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from layout.errors import LayoutError, Location
from layout.model.build import (
    build_fonts,
    build_grid,
    build_header,
    build_page,
    build_styles,
    check_face,
    check_geometry,
)
from layout.model.jumps import jump_styles
from layout.model.keys import LAYOUT, MAX_TRACKING_CHANGE_EM
from layout.model.pageitems import build_items
from layout.model.paths import PathPolicy, display_path
from layout.model.stories import StoryBuilder
from layout.model.table import Fields
from layout.model.types import ArchiveRef, CopyFit, Header, PageLayout, TextStyle
from layout.model.yamlsafe import MAP, SCALAR, Node, Source, load_yaml, parse_yaml
from layout.units import parse_length

MAX_EXTENDS = 8  # house -> base house -> ...; deeper is a mistake, not a design


def load_layout(path: str | os.PathLike[str], allow_paths: Sequence[str | os.PathLike[str]] = ()) -> PageLayout:
    """Read and validate the page layout at ``path``.  Files it names must lie in
    its folder or under one of ``allow_paths`` (see ``layout.model.paths``)."""
    page = Path(path)
    return _load(load_yaml(page, str(path)), page, allow_paths)


def load_layout_text(text: str, base_dir: str | os.PathLike[str], name: str = "<string>",
                     allow_paths: Sequence[str | os.PathLike[str]] = ()) -> PageLayout:
    """A page layout given as YAML text (the Python API, a pipe): as if read from a
    file ``name`` in ``base_dir`` -- files it names are relative to ``base_dir`` and
    must lie under it or ``allow_paths``; messages say ``name:line:col``."""
    page = Path(base_dir) / name
    return _load(parse_yaml(text, Source(page.absolute(), name)), page, allow_paths)


def _load(root: Node, page: Path, allow_paths: Sequence[str | os.PathLike[str]] = (), *,
          header_title: str | None = None) -> PageLayout:
    """A page layout from YAML already read (a file, text, or a page written inline
    in an edition: ``layout_from_node``)."""
    policy = PathPolicy.for_page(page, allow_paths)
    merged, files = _with_houses(root, policy, [root.source.path.resolve()])
    if header_title is not None:
        merged = _with_header_title(merged, header_title)
    fields = LAYOUT.read(merged, "layout")
    return _build(fields, policy, [str(page.resolve()), *files])


def layout_from_node(root: Node, page: Path, allow_paths: Sequence[str | os.PathLike[str]] = (), *,
                     header_title: str | None = None) -> PageLayout:
    """A page written inline in an edition (``layout.edition``), or a page file the
    edition read.  ``page`` is the file its paths are relative to.  ``header_title``:
    the header title when the page and its house give none (an edition names each
    page's section, so its pages need not)."""
    return _load(root, page, allow_paths, header_title=header_title)


def _with_header_title(node: Node, title: str) -> Node:
    header = node.value.get("header")
    if header is None or header.kind != MAP or "title" in header.value:
        return node
    text = Node(SCALAR, title, header.where, header.source, text=title)
    return merge(node, Node(MAP, {"header": Node(MAP, {"title": text}, header.where, header.source,
                                                 keys={"title": header.where})},
                            node.where, node.source, keys={"header": node.key_where("header")}))


def _with_houses(node: Node, policy: PathPolicy, chain: list[Path]) -> tuple[Node, list[str]]:
    """``node`` merged over the house style it extends (recursively)."""
    if node.kind != MAP:
        raise LayoutError(
            "a layout is a mapping of keys (page:, grid:, stories: ...)" if not node.is_null
            else "the layout is empty; it needs at least page:, grid: and stories: (or extends: house)",
            node.where,
        )
    ext = node.value.get("extends")
    own = _without(node, "extends")
    if ext is None or ext.is_null:
        return own, []
    text = LAYOUT.key("extends").kind.read(ext, "extends")
    house_path = policy.house(text, ext)
    if house_path in chain:
        raise LayoutError(f"extends: {text!r} leads back to {display_path(house_path)} (a loop)", ext.where)
    if len(chain) > MAX_EXTENDS:
        raise LayoutError(f"extends: more than {MAX_EXTENDS} house styles deep", ext.where)
    house = _house_node(house_path)
    base, files = _with_houses(house, policy, [*chain, house_path])
    return merge(base, own), [str(house_path), *files]


_HOUSES: dict[tuple[Path, int, int], Node] = {}  # (path, mtime, size) -> parsed house style


def _house_node(path: Path) -> Node:
    """The house style at ``path``, parsed once per process while the file is
    unchanged: every page of an edition extends the same house (16 parses of it
    were ~15 % of loading the benchmark edition).  A parsed tree is never changed
    (``merge`` and ``_without`` build new nodes), so pages can share it."""
    try:
        st = path.stat()
    except OSError:
        return load_yaml(path, display_path(path))  # the reader says what is wrong
    key = (path, st.st_mtime_ns, st.st_size)
    got = _HOUSES.get(key)
    if got is None:
        if len(_HOUSES) >= 16:
            _HOUSES.clear()
        got = _HOUSES[key] = load_yaml(path, display_path(path))
    return got


def _without(node: Node, key: str) -> Node:
    if key not in node.value:
        return node
    value = {k: v for k, v in node.value.items() if k != key}
    keys = {k: w for k, w in node.keys.items() if k != key}
    return Node(MAP, value, node.where, node.source, keys=keys, size=node.size)


def merge(base: Node, over: Node) -> Node:
    """``over`` on top of ``base``, key by key for mappings; anything else (text,
    lists, an empty value that switches a house setting off) replaces."""
    if base.kind != MAP or over.kind != MAP:
        return over
    value = dict(base.value)
    keys = dict(base.keys)
    for k, v in over.value.items():
        value[k] = merge(base.value[k], v) if k in base.value else v
        keys[k] = over.keys[k]
    return Node(MAP, value, over.where, over.source, keys=keys, size=base.size + over.size)


def _build(f: Fields, policy: PathPolicy, files: list[str]) -> PageLayout:
    page = build_page(f.get("page"))
    grid_f = f.get("grid")
    grid = build_grid(grid_f)
    header = build_header(f.get("header"))
    geo = check_geometry(page, grid, header, f)
    fonts, font_files = build_fonts(f.get("fonts"), policy)
    faces = fonts.roles
    check_face(grid.body.face, faces, grid_f.get("body").where("face"), "grid.body.face")
    styles = build_styles(f.get("styles"), grid.body, faces)
    if header is not None:
        _check_header_styles(header, styles, f)
    if any("jump_from" in s or "jump_to" in s for s in f.get("stories", ())):
        styles = jump_styles(styles)  # the jump lines and the 接题, defaulted from the house (model.jumps)
    builder = StoryBuilder(geo, styles, policy)
    stories = builder.build_all(f.get("stories", ()))
    items = build_items(f.get("items", ()), geo, stories, styles, policy, builder.inputs) if "items" in f else ()
    inputs = tuple(dict.fromkeys([*files, *font_files, *builder.inputs]))
    return PageLayout(
        source=files[0], page=page, grid=grid, header=header, styles=styles, fonts=fonts,
        stories=stories, inputs=inputs, copyfit=build_copyfit(f.get("copyfit"), grid.body.size), items=items,
        archive=_archive(f.get("archive"), files[0]),
    )


def build_copyfit(f: Fields | None, body_size: float) -> CopyFit:
    """The copyfit tolerances; a tracking range that cannot hold is an error here,
    before any story is squeezed (issue 15)."""
    if f is None:
        return CopyFit()
    out = {}
    for key in ("tighten", "loosen"):
        if key in f:
            em = parse_length(f.get(key), body_size, bare="em") / body_size
            if em > MAX_TRACKING_CHANGE_EM + 1e-9:
                raise LayoutError(
                    f"copyfit.{key}: {em:.3g}em is beyond what type can take "
                    f"({'glyphs would touch' if key == 'tighten' else 'the characters fall apart'})",
                    f.where(key), f"at most {MAX_TRACKING_CHANGE_EM}em; house practice is 0.01em to 0.03em")
            out[key] = round(em, 6)
    for key in ("air", "photo", "steps"):
        if key in f:
            out[key] = f.get(key)
    return CopyFit(**out)


def _archive(value: Fields | None, source: str) -> ArchiveRef | None:
    """``archive:`` resolved against the layout's folder.  Not a file the page reads
    (no path policy here): ``layout render`` decides whether it may check it."""
    if not isinstance(value, Fields):
        return None
    file = os.path.normpath(Path(source).parent / value.get("file"))
    return ArchiveRef(file, value.get("page", 1), value.get("pages", 1))


def _check_header_styles(header: Header, styles: dict[str, TextStyle], f: Fields) -> None:
    hf = f.get("header")
    if not (header.title or header.paper or header.date or header.page or header.editor):
        # a house style's header (rows, rule) is not a page's: a page names its section, or at
        # least prints its paper, date, page or credits (an archive without a page line)
        raise LayoutError("layout.header: 'title' is missing; section or page name printed large (开发区新闻)",
                          hf.node.where if hf is not None else Location(f.node.where.file),
                          "give header: title: (or paper, date, page or editor)")
    needed = ["header-title"]
    if header.paper or header.date or header.page or header.editor:
        needed.append("header-info")
    for name in needed:
        if name not in styles:
            raise LayoutError(
                f"the header needs a style {name!r}, and none is defined",
                hf.node.where if hf is not None else Location(f.node.where.file),
                f"define styles: {name}: {{...}} or use extends: house",
            )
