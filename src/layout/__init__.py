"""layout: print layout and PDF typesetting for Chinese newspapers.

The pipeline, one package per stage, plain picklable data between them:
YAML -> ``model`` (validated) -> ``compose`` (text -> lines) -> ``place`` (grid,
frames, flow) -> ``render`` (PDF) -> ``check`` (preflight, fidelity).

The Python API (docs/api.md), imported on first use so ``import layout`` stays cheap::

    import layout
    pdf = layout.render("page.yaml")            # bytes, as `layout render page.yaml`
    out = layout.build("page.yaml")             # .pdf, .pages, .problems (records)
    pdf = layout.reprint("archive.txt")         # bytes, as `layout reprint`
    report = layout.verify(pdf, "archive.txt")  # .identical, .differences
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from layout.api import ProblemsFound, build, render, reprint, reprint_output, verify
    from layout.errors import LayoutError

__all__ = ["LayoutError", "ProblemsFound", "build", "render", "reprint", "reprint_output", "verify"]


def __getattr__(name: str) -> Any:
    """The API's names, imported when first used (PEP 562)."""
    if name not in __all__:
        raise AttributeError(f"module 'layout' has no attribute {name!r}")
    if name == "render":  # the render stage's package, callable as the API's render (see its docstring)
        import importlib

        value: Any = importlib.import_module("layout.render")
    else:
        from layout import api

        value = getattr(api, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
