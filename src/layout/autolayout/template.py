"""Page templates for the automatic layout: a complete page (size, grid, styles)
without stories, and the headline styles it offers by rank.

Why a template and not a page: an archived page brings only text; the paper's look
(page size, grid, house styles) comes from a template in ``layouts/templates/``
(``tabloid``, ``broadsheet``) or any layout file.  The page header (报眉) is added
per page: page one carries the archive's page name, a continuation page none, so
no text is printed twice (issue 6: the reprint must not add text).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from layout.errors import LayoutError
from layout.model.types import Header, PageLayout, Story
from layout.resources import layouts_dir
from layout.units import CHINESE_SIZES

TEMPLATE_NAMES = ("tabloid", "broadsheet", "octavo")  # auto tries them in this order; ties go to the first
_HEADLINE = re.compile(r"^headline(?:-(\d+))?$")


def template_path(name: str) -> Path:
    """``tabloid``/``broadsheet`` (files in ``layouts/templates/``) or a path."""
    if name in TEMPLATE_NAMES:
        return layouts_dir() / "templates" / f"{name}.yaml"
    path = Path(name)
    if not path.is_file():
        raise LayoutError(f"template {name!r} not found",
                          hint=f"use one of {', '.join(TEMPLATE_NAMES)} or the path of a layout file")
    return path


def load_template(name: str | os.PathLike[str] = "tabloid") -> PageLayout:
    """The template as a ``PageLayout`` (its stories, if any, are dropped)."""
    from layout.model.loader import load_layout

    layout = load_layout(template_path(str(name)))
    if not headline_styles(layout):
        raise LayoutError(f"template {name!s} defines no headline style",
                          hint="define styles headline, headline-2, headline-3 (by rank)")
    return replace(layout, stories=())


# Copyfit (issue 13: every page full): the body may be set in the template's size or
# 五号 (10.5 pt, a common body size; never smaller than the template's: type never
# shrinks), its leading anywhere from 1.45 (the tightest a newspaper body of 小五 still
# reads at) to 2.0 (a full em between lines, the loosest that still reads as one text).
FIT_SIZES: tuple[float | None, ...] = (None, 10.5)  # None: the template's own body size
FIT_LEADING = (1.45, 2.0)  # leading as a factor of the body size


@dataclass(frozen=True)
class StyleFit:
    """A display style set larger for a page the copy cannot fill (``levers``):
    ``size`` in pt and its band in grid ``rows``."""

    name: str
    size: float
    rows: int | None


@dataclass(frozen=True)
class BodyFit:
    """A copyfit body: ``size`` in pt (None: the template's) and ``leading`` as a
    factor of the size, and the headline ``styles`` raised on a short page
    (``levers``); ``keys()`` is what a page writes to get it."""

    size: float | None
    leading: float
    styles: tuple[StyleFit, ...] = ()

    def keys(self) -> dict[str, Any]:
        body: dict[str, Any] = {"leading": self.leading}
        if self.size is not None:
            body["size"] = f"{self.size:g}pt"
        out: dict[str, Any] = {"grid": {"body": body}}
        if self.styles:
            out["styles"] = {st.name: {"size": f"{st.size:g}pt", **({"rows": st.rows} if st.rows else {})}
                             for st in self.styles}
        return out


HEAD_SIZES = tuple(sorted(set(CHINESE_SIZES.values())))  # the 号 sizes, smallest first


GROUP_STYLES = ("kicker", "subtitle")  # the rest of the headline group, raised with the headlines


def raised_heads(template: PageLayout, steps: int, room: int = 0) -> tuple[StyleFit, ...]:
    """The headline group of ``template`` set larger for a page the copy cannot
    fill (issue 13, "fit by ... headline sizes"), as a desk sets it: every headline
    style, the kicker and the subtitle ``steps`` 号 sizes larger (their bands a row
    deeper for each line's height the type gains), and every headline band ``room``
    rows deeper.  Each step moves to the next 号 size, so the headline sizes keep
    their order by rank: the lead's stays the largest and none grows down the page
    (page-layout.md rule 4)."""
    if steps <= 0 and room <= 0:
        return ()
    leading = template.grid.body.leading
    heads = headline_styles(template)
    out = []
    for name in (*heads, *(g for g in GROUP_STYLES if g in template.styles)):
        style = template.styles[name]
        size = style.size
        for _ in range(steps):
            size = next((h for h in HEAD_SIZES if h > size + 1e-6), size)
        rows = style.rows
        if rows:
            rows += round((size - style.size) / leading) + (room if name in heads else 0)
            rows = max(rows, math.ceil(size / leading - 1e-9))
        out.append(StyleFit(name, size, rows))
    return tuple(out)


def loosened(name: str | os.PathLike[str], fit: BodyFit) -> PageLayout:
    """The template with its body set as ``fit`` says (the grid, and every style
    whose size or leading follows the body's, follow): written as a page of one key
    extending the template, so the format's own merge does it."""
    import tempfile

    import yaml

    from layout.model.loader import load_layout

    path = template_path(str(name)).resolve()
    with tempfile.TemporaryDirectory() as folder:
        variant = Path(folder) / "loosened.yaml"
        text = yaml.safe_dump({"extends": str(path), **fit.keys()}, allow_unicode=True)
        variant.write_text(text, encoding="utf-8")
        layout = load_layout(variant, allow_paths=[path.parent])
    return replace(layout, stories=(), source=str(path))


def body_sizes(template: PageLayout) -> tuple[float | None, ...]:
    """The ``FIT_SIZES`` at or above the template's own body size."""
    body = template.grid.body
    return tuple(size for size in FIT_SIZES if size is None or size > body.size + 1e-6)


def headline_styles(template: PageLayout) -> tuple[str, ...]:
    """The template's headline styles by rank: ``headline``, ``headline-2``, … in
    their number's order, then by size, so the sizes never grow with the rank
    (page-layout.md rule 4)."""
    found = []
    for name, style in template.styles.items():
        m = _HEADLINE.match(name)
        if m:
            found.append((int(m.group(1) or 1), name, style.size))
    found.sort()
    out: list[str] = []
    for _n, name, size in found:
        if not out or size <= template.styles[out[-1]].size:
            out.append(name)
    return tuple(out)


def page_layout(template: PageLayout, stories: tuple[Story, ...], header: Header | str | None) -> PageLayout:
    """One page: the template with its stories and ``header`` (a ``Header``, or a
    title for the template's own header re-titled or the format's default header);
    no header when None."""
    if isinstance(header, str):
        header = replace(template.header, title=header) if template.header is not None else Header(title=header)
    elif header is not None and template.header is not None:
        header = replace(header, rule=template.header.rule, rows=template.header.rows)
    return replace(template, header=header, stories=stories)
