"""Writing a reprint as an edition of layout files -- one code path for ``layout
reprint --yaml-dir DIR`` and ``layout import --place`` of an archive longer than a
page: the template the pages extend, every page (its part of the text, the
archive named as ``archive:``) and the edition file joining them
(``autolayout.archive.edition_yaml``: ``header: page``, linked jumps), which
``layout render`` takes and checks against the archive.

Everything is checked before anything is written: each output can be written and
is none of the inputs, and the files load as ``layout render`` would load them
(the edition and every page, in a scratch folder).  A failure is exit 2 with
nothing written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from layout.errors import LayoutError, Location


def write_edition(result, archive: str, edition: Path, inputs: list[str],
                  page_name: Callable[[int], str] = lambda n: f"page{n}.yaml") -> list[Path]:
    """Write ``result`` (an ``autolayout.archive.Reprint``) as the edition file
    ``edition`` and its pages and template beside it; the paths written, the
    edition last."""
    from layout.autolayout.archive import page_yamls
    from layout.files import STDIO, plan_output

    folder = edition.parent
    relative = None if archive == STDIO else archive_path(archive, folder)
    files = page_yamls(result, relative, edition=True, page_name=page_name, edition_name=edition.name)
    _check_loads(files, edition.name, archive)
    plans = [plan_output(folder / name, "layout", inputs=inputs) for name, _ in files]  # all checked, then written
    for plan, (_name, text) in zip(plans, files, strict=True):
        plan.write(text.encode("utf-8"))
    return [folder / name for name, _ in files]


def archive_path(archive: str, folder: Path) -> str:
    """The archive's path as a layout in ``folder`` names it (``archive:``)."""
    return Path(os.path.relpath(Path(archive).absolute(), folder.absolute())).as_posix()


def _check_loads(files: list[tuple[str, str]], edition: str, archive: str) -> None:
    from layout.edition.loader import load_edition

    with tempfile.TemporaryDirectory(prefix="layout-edition-") as tmp:
        for name, text in files:
            Path(tmp, name).write_text(text, encoding="utf-8")
        try:
            load_edition(Path(tmp, edition))
        except LayoutError as e:
            where = e.where
            at = f"{Path(where.file).name} line {where.line}: " if where is not None and where.line else ""
            raise LayoutError(f"the importer would write an edition that does not load: {at}{e.message}",
                              Location(archive), hint="nothing was written; this is a bug in the importer: "
                                                      "please report it with the archive") from None
