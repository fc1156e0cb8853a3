"""The Python API: ``layout.render``, ``layout.build``, ``layout.reprint``, ``layout.verify``.

Why here and not in the CLI: a newsroom script, a notebook or a web service sets
pages without a shell; it gets bytes and records back, never text on stderr.  The
functions run the same pipeline as the commands (``layout.pipeline``), so
``layout.render(path)`` is byte for byte ``layout render path``.  docs/api.md.

Errors in the input raise ``LayoutError`` (``.message``, ``.where`` = file:line:col,
``.hint``), as the commands print them.  Problems that do not stop the page
(overflow, a missing glyph, a low-resolution photo) come back as ``Problem`` records
from ``build``; ``render(..., strict=True)`` raises ``ProblemsFound`` with them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from layout.errors import LayoutError

if TYPE_CHECKING:
    from layout.check.verify import VerifyReport
    from layout.pipeline import Output, ReprintOutput
    from layout.place.items import Problem
    from layout.render.output import OutputOptions

Source = str | os.PathLike[str] | Mapping[str, Any]
PDFX = {"x4": "X-4", "x1a": "X-1a", "none": None}


class ProblemsFound(LayoutError):
    """``strict=True`` and the page has problems; ``.problems`` holds the records
    and ``.pdf`` the file that was made (nothing is lost: callers may still keep it)."""

    def __init__(self, problems: Sequence[Problem], pdf: bytes):
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(p.message for p in problems[:3])
                         + (" ..." if len(problems) > 3 else ""))
        self.problems = tuple(problems)
        self.pdf = pdf


def _options(pdfx: str, proof: bool, marks: bool, output_profile: str | os.PathLike[str] | None,
             title: str = "") -> OutputOptions:
    from layout.render.output import OutputOptions

    if pdfx not in PDFX:
        raise LayoutError(f"pdfx={pdfx!r} is not a print standard", hint="use 'x4', 'x1a' or 'none'")
    return OutputOptions(pdfx=PDFX[pdfx], marks=marks, proof=proof, title=title,
                         output_profile=os.fspath(output_profile) if output_profile is not None else None)


def build(source: Source | Sequence[Source], *, base_dir: str | os.PathLike[str] | None = None,
          pdfx: str = "x4", proof: bool = False, marks: bool = False,
          output_profile: str | os.PathLike[str] | None = None,
          allow_paths: Sequence[str | os.PathLike[str]] = ()) -> Output:
    """Set one page layout (or a list of them, in page order) and return everything:
    ``.pdf`` (bytes), ``.pages`` (placed pages), ``.problems`` (``Problem`` records:
    ``kind``, ``story``, ``message``), ``.kind`` ("PDF/X-4" ...).

    ``source``: a path to a YAML layout, YAML text, or a mapping (what the YAML
    would read).  Files named in text or a mapping are relative to ``base_dir``
    (default: the working folder); a path's files are relative to its folder."""
    from layout.pipeline import load_source, render_layouts

    sources = list(source) if isinstance(source, list | tuple) else [source]
    if not sources:
        raise LayoutError("no layout to render")
    if len(sources) == 1 and _is_edition_path(sources[0]):  # an edition file: its pages, jumps, 报眉
        from layout.pipeline import render_edition_file

        return render_edition_file(os.fspath(sources[0]), _options(pdfx, proof, marks, output_profile),  # type: ignore[arg-type]
                                   allow_paths=allow_paths).output
    layouts = [load_source(s, base_dir, allow_paths) for s in sources]
    return render_layouts(layouts, _options(pdfx, proof, marks, output_profile),
                          source=_display(sources[0]))


def render(source: Source | Sequence[Source], *, base_dir: str | os.PathLike[str] | None = None,
           pdfx: str = "x4", proof: bool = False, marks: bool = False,
           output_profile: str | os.PathLike[str] | None = None,
           allow_paths: Sequence[str | os.PathLike[str]] = (), strict: bool = False) -> bytes:
    """The PDF of ``source`` (see ``build``) as bytes: print-ready PDF/X-4 unless
    ``pdfx``/``proof`` say otherwise.  ``strict``: raise ``ProblemsFound`` when
    text overflows, a character has no glyph or a photo is low-resolution."""
    out = build(source, base_dir=base_dir, pdfx=pdfx, proof=proof, marks=marks, output_profile=output_profile,
                allow_paths=allow_paths)
    from layout.place.items import ADVISORY

    if strict and any(p.kind not in ADVISORY for p in out.problems):  # underfill, copyfit notes: said, not failed
        raise ProblemsFound(out.problems, out.pdf)
    return out.pdf


def reprint_output(archive: str | bytes | os.PathLike[str], *, template: str = "auto", encoding: str | None = None,
                   pdfx: str = "x4", proof: bool = False) -> ReprintOutput:
    """``reprint`` with everything: the output record, the import and the automatic layout."""
    from layout.pipeline import reprint as run

    opts = _options(pdfx, proof, False, None)
    if isinstance(archive, os.PathLike) or (isinstance(archive, str) and _is_path(archive)):
        return run(archive, opts, template, encoding)
    with tempfile.TemporaryDirectory(prefix="layout-api-") as tmp:
        path = Path(tmp) / "archive.txt"
        path.write_bytes(archive.encode("utf-8") if isinstance(archive, str) else archive)
        return run(path, opts, template, encoding)


def reprint(archive: str | bytes | os.PathLike[str], *, template: str = "auto", encoding: str | None = None,
            pdfx: str = "x4", proof: bool = False) -> bytes:
    """Import an archived page and lay it out automatically, as ``layout reprint``:
    the PDF bytes.  ``archive``: a path, the archive's text (str) or its raw bytes
    (the encoding is detected unless given).  A character of the archive lost or
    added in the PDF raises ``LayoutError`` with every place (issue 13: losing copy
    is never a success); ``reprint_output`` returns the PDF and the check instead."""
    out = reprint_output(archive, template=template, encoding=encoding, pdfx=pdfx, proof=proof)
    if out.verified is not None and out.verified.failed:
        from layout.errors import LayoutError

        raise LayoutError(f"{out.verified.summary()}:\n  " + "\n  ".join(out.verified.errors))
    return out.output.pdf


def verify(pdf: bytes | str | os.PathLike[str], source: str | bytes | os.PathLike[str], *,
           encoding: str | None = None, strict_order: bool = False) -> VerifyReport:
    """Compare a PDF's text with the archive it was made from, as ``layout verify``:
    a ``VerifyReport`` (``.identical``, ``.differences``: lost / added / moved, each
    with its place).  ``pdf``: bytes or a path; ``source``: a path, text or bytes."""
    from layout.check.verify import verify as run

    with tempfile.TemporaryDirectory(prefix="layout-api-") as tmp:
        pdf_path = pdf if not isinstance(pdf, bytes) else _spill(Path(tmp) / "page.pdf", pdf)
        if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_path(source)):
            src_path: str | os.PathLike[str] = source
        else:
            src_path = _spill(Path(tmp) / "archive.txt",
                              source.encode("utf-8") if isinstance(source, str) else source)
        return run(pdf_path, src_path, encoding, strict_order=strict_order)


def _spill(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _is_path(text: str) -> bool:
    """A str names a file when it is one line and the file exists."""
    return "\n" not in text and len(text) < 4096 and bool(text.strip()) and Path(text).is_file()


def _is_edition_path(source: Source) -> bool:
    if not isinstance(source, str | os.PathLike) or not _is_path(os.fspath(source)):
        return False
    from layout.edition.loader import is_edition_file

    return is_edition_file(source)


def _display(source: Source) -> str:
    return os.fspath(source) if isinstance(source, str | os.PathLike) and _is_path(os.fspath(source)) else ""
