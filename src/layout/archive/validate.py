"""The importer checks what it writes (issue 13: "import must never write a layout
that does not render").

Two checks before any file is written:

- ``text_problems``: the YAML, read back with a plain YAML reader, holds exactly
  the recognised text -- every element's characters, in reading order, white space
  aside -- nothing lost, duplicated or reordered by the emitter (quoting, block
  scalars, an odd character);
- ``load_problems``: a placed layout loads through ``layout.model`` (the same
  loader ``layout render`` uses), so a page the importer writes always renders.

A failure is a ``LayoutError`` (exit 2) naming the archive and what went wrong;
nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from layout.archive.model import ArchivedPage
from layout.errors import LayoutError, Location

# keys whose values are placement or settings, not the archive's text
NOT_TEXT = frozenset({"id", "columns", "rows", "text_columns", "headline_columns", "head_beside", "headline_style", "box",
                      "rule", "balance", "file", "fit", "placeholder", "extends", "page", "grid", "fonts",
                      "styles", "archive", "kind", "style", "size", "width", "height", "align"})
IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def visible(text: str) -> str:
    """The characters that count: no white space, no zero-width marks."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in IGNORABLE)


# values written with inline markup escaped (``{`` as ``{{``): read as the model reads them
MARKUP = frozenset({"body", "paragraph", "text"})


def yaml_texts(data: Any) -> Iterator[str]:
    """Every text value of a layout (header, stories) in document order, as the
    model reads it (markup-bearing values unescaped)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_TEXT and not (key == "box" and isinstance(value, dict)):  # box: true / box: {text}
                continue
            if isinstance(value, str):
                yield _plain(value) if key in MARKUP else value
            else:
                yield from yaml_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield value if isinstance(value, str) else from_list(value)


def _plain(text: str) -> str:
    from layout.model.markup import MarkupError, parse

    try:
        return parse(text)[0]
    except MarkupError:
        return text


def from_list(value: Any) -> str:
    return "".join(yaml_texts(value))


def text_problems(yaml_text: str, expected: str) -> str | None:
    """Why the YAML does not hold exactly ``expected`` (visible characters, in
    order), or None.  The message shows where the two part."""
    import yaml

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as e:
        return f"the YAML does not read back: {e}"
    data = dict(data or {}) if isinstance(data, dict) else {}
    if isinstance(data.get("header"), dict):
        data["header"] = printed_header(data["header"])
    got = visible("".join(yaml_texts(data)))
    want = visible(expected)
    if got == want:
        return None
    k = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
    return (f"the YAML's text differs from the archive's at character {k}: archive {want[max(0, k - 8):k + 8]!r}, "
            f"YAML {got[max(0, k - 8):k + 8]!r} ({len(want)} characters recognised, {len(got)} written)")


def printed_header(header: dict[str, Any]) -> dict[str, Any]:
    """The header's keys as the page prints them: a date with its weekday, the page
    number as 第N版 (``model.types.Header``)."""
    import datetime

    out = dict(header)
    date = out.get("date")
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    if isinstance(date, datetime.date):
        out["date"] = f"{date.year}年{date.month}月{date.day}日 星期{'一二三四五六日'[date.weekday()]}"
    number = out.pop("page", None)
    printed = {k: v for k, v in out.items() if k not in ("rule", "rows", "editor")}
    if isinstance(number, int):
        printed["page_text"] = f"第{number}版"
    if "editor" in out:
        printed["editor"] = out["editor"]
    return printed


def page_text(page: ArchivedPage) -> str:
    """The recognised page's text in the layout's reading order."""
    return "".join(text for _, text in page.elements())


def load_problems(files: Sequence[tuple[str, str]], pages: Sequence[str]) -> str | None:
    """Write ``files`` (name, text) into a scratch folder and load each of
    ``pages`` (names among them) as ``layout render`` would; the first error, or None."""
    from layout.model import load_layout

    with tempfile.TemporaryDirectory(prefix="layout-import-") as tmp:
        for name, text in files:
            Path(tmp, name).write_text(text, encoding="utf-8")
        for name in pages:
            try:
                load_layout(Path(tmp, name))
            except LayoutError as e:
                where = e.where
                line = f"line {where.line}: " if where is not None and where.line else ""
                return f"{name}: {line}{e.message}"
    return None


def check_written(archive: str | os.PathLike[str], page: ArchivedPage, yaml_text: str, *,
                  placed: bool, files: Sequence[tuple[str, str]] = ()) -> None:
    """Raise LayoutError (exit 2) when the one-page YAML the importer is about to
    write loses text or (placed) would not load."""
    name = os.fspath(archive)
    problem = text_problems(yaml_text, page_text(page))
    if problem is None and placed:
        problem = load_problems([*files, ("page.yaml", yaml_text)], ["page.yaml"])
    if problem:
        raise LayoutError(f"the importer would write a layout that {'loses text' if 'differs' in problem else 'does not load'}: "
                          f"{problem}", Location(name),
                          hint="nothing was written; this is a bug in the importer: please report it with the archive")
