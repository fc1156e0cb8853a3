"""ReportLab's private attributes are touched in render/rlprivate.py only.

Rule (issue 11): ``canvas._doc``, ``_code``, ``_formsinuse``, a stream's ``_filters``
... may change in any ReportLab release, so one module holds every use.  Checked on
the source (ast): in every module of ``src/layout`` other than rlprivate.py, no
attribute starting with one underscore is read or set on anything but ``self`` or
``cls`` (our own objects' privates), no ``getattr``/``setattr`` names such an
attribute, and no ReportLab ``__CamelCase__`` class internals (``__NoDefault__``) are
used (Python's own dunders are lower case).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "layout"
ALLOWED = SRC / "render" / "rlprivate.py"
# Private names of the standard library that are part of its documented typing
# surface, and our own classes' privates read on another instance of the same class.
EXEMPT = {"_SubParsersAction", "_leaf", "_loaded",
          # cli.exit_now: os._exit is documented; atexit's runner is how it keeps exit handlers
          "_exit", "_run_exitfuncs"}


def _private_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            name = node.attr
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            name = node.args[1].value
        if name is None or name in EXEMPT:
            continue
        python_dunder = name.startswith("__") and name.endswith("__") and name == name.lower()
        if name.startswith("_") and not python_dunder:
            found.append(f"{path.relative_to(SRC.parent)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_reportlab_privates_only_in_rlprivate():
    bad = [use for path in sorted(SRC.rglob("*.py")) if path != ALLOWED for use in _private_uses(path)]
    assert not bad, "private attributes outside render/rlprivate.py:\n" + "\n".join(bad)


def test_the_rule_sees_what_it_forbids(tmp_path):
    """The checker finds each form of private access (else the test above proves nothing)."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f(canvas, doc, cat):\n"
                      "    canvas._code.append('x')\n"
                      "    doc._ID = b''\n"
                      "    getattr(doc, '_layout_fonts', None)\n"
                      "    cat.__NoDefault__ = []\n"
                      "    self._fine = 1\n", encoding="utf-8")
    old = globals()["SRC"]
    globals()["SRC"] = tmp_path
    try:
        uses = _private_uses(sample)
    finally:
        globals()["SRC"] = old
    assert len(uses) == 4, uses


def test_rlprivate_is_used():
    """The module is the route, not dead code: the canvas, images, fonts and PDF/X code go through it."""
    users = {p.name for p in (SRC / "render").glob("*.py") if "rlprivate" in p.read_text(encoding="utf-8")}
    assert {"canvas.py", "images.py", "cidfonts.py", "pdfxwrite.py"} <= users
