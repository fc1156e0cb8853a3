"""The import graph of src/layout flows one way: no cycles, no stage importing a later one.

The stage order (lowest first).  A module may import modules of its own stage and of
stages with a LOWER rank; stages of the same rank are siblings and must not import
each other.

    0  base       records, units, and the package's top level (``__version__``)
    1             errors (messages with file:line:col)
    2             textfile, cache, resources, pdfread, diagnostics -- reading text, the disk
                  cache, package data, reading PDF objects, problems as records and
                  how they are shown: helpers every stage may use
    3  fonts      faces, font sets, coverage.   words  word boundaries for breaks by sense
                  (jieba's dictionary through the cache).
    4  compose    text + fonts -> lines.  Below ``model``: the composer works alone
                  (the galley uses it without a page), and the model validates styles
                  against its vocabulary (kinsoku levels, punctuation modes, aligns).
    5  model      YAML -> validated PageLayout (+ geometry).
    6  place      PageLayout -> PlacedPage.          archive  archived text -> stories.
    7  render     PlacedPage -> display list -> PDF.  autolayout  stories -> pages.
    8  check      preflight, verify (reads PDFs; the archive for verify).
    9  galley     a plain-text story in columns (compose + render).
   10  pipeline   load -> place -> render -> check, for every command and the API.
   11  api        the Python API.         batch  many archives on a process pool or a Dask
                  cluster, resumable (uses the pipeline's reprint).
                  watch  layout watch: renders on save, the preview.
   12  cli        the command line;  13  __main__.

Counted: every ``import``/``from ... import`` of a layout module anywhere in a file --
at the top or inside a function (a lazy import is still a dependency) -- and
``importlib.import_module("layout....")`` with a literal name.  Not counted: imports
under ``if TYPE_CHECKING:`` (annotations only, never run).

Two front doors sit on top although their files live lower: what the functions of
``layout/__init__.py`` and ``layout/render/__init__.py`` import lazily is the API
(``import layout; layout.render(...)``), so those imports count as the API's; their
top level must import nothing from layout.

A new package or top-level module must be given its stage in ``STAGES`` below.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PKG = SRC / "layout"

STAGES: dict[str, int] = {
    "layout": 0, "records": 0, "units": 0,
    "errors": 1,
    "textfile": 2, "cache": 2, "resources": 2, "pdfread": 2, "files": 2, "liblog": 2, "diagnostics": 2,
    "fonts": 3, "words": 3,
    "compose": 4,
    "model": 5,
    "place": 6, "archive": 6,
    "render": 7, "autolayout": 7,
    "check": 8, "edition": 8,
    "galley": 9,
    "pipeline": 10,
    "api": 11, "batch": 11, "watch": 11,
    "cli": 12,
    "__main__": 13,
}
FRONT_DOORS = {"layout", "layout.render"}  # their functions' lazy imports are the API's


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "layout"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node with whether it is inside a function, skipping TYPE_CHECKING blocks."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for sub in child.orelse:
                yield sub, in_function
                yield from _walk(sub, in_function)
            continue
        inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield child, inner
        yield from _walk(child, inner)


def imports_of(path: Path, known: set[str]) -> Iterator[tuple[str, int, bool]]:
    """(imported layout module, line, inside a function) for every import in ``path``."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node, lazy in _walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # ``from pkg import mod`` imports the module pkg.mod when there is one
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        for name in names:
            if name == "layout" or name.startswith("layout."):
                yield _known_prefix(name, known), node.lineno, lazy


def _known_prefix(name: str, known: set[str]) -> str:
    while name not in known and "." in name:
        name = name.rpartition(".")[0]
    return name


def graph() -> tuple[dict[str, set[str]], list[str]]:
    """Module -> modules it imports; and every stage-order violation found."""
    files = sorted(PKG.rglob("*.py"))
    known = {module_name(f) for f in files} | {module_name(d / "x.py").rpartition(".")[0]
                                              for d in PKG.rglob("*") if d.is_dir()}
    edges: dict[str, set[str]] = {}
    bad: list[str] = []
    for f in files:
        src = module_name(f)
        for dst, line, lazy in imports_of(f, known):
            node = f"{src} (API)" if src in FRONT_DOORS and lazy else src
            if src in FRONT_DOORS and not lazy and dst != src:
                bad.append(f"{f.relative_to(SRC)}:{line}: the top level of {src} imports {dst}")
            if dst == src:
                continue
            edges.setdefault(node, set()).add(dst)
            s_stage = "api" if node.endswith("(API)") else stage_of(src)
            d_stage = stage_of(dst)
            rank_src, rank_dst = STAGES.get(s_stage), STAGES.get(d_stage)
            if rank_src is None or rank_dst is None:
                missing = s_stage if rank_src is None else d_stage
                bad.append(f"{f.relative_to(SRC)}:{line}: stage {missing!r} has no rank: add it to STAGES")
            elif rank_dst > rank_src or (rank_dst == rank_src and d_stage != s_stage):
                bad.append(f"{f.relative_to(SRC)}:{line}: {src} ({s_stage}, rank {rank_src}) imports "
                           f"{dst} ({d_stage}, rank {rank_dst})")
    return edges, bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_every_stage_has_a_rank():
    stages = {stage_of(module_name(f)) for f in PKG.rglob("*.py")}
    assert not stages - set(STAGES), f"give these a rank in STAGES: {sorted(stages - set(STAGES))}"


def test_no_stage_imports_a_later_one():
    _, bad = graph()
    assert not bad, "\n".join(bad)


def test_no_import_cycles():
    edges, _ = graph()
    found = cycles(edges)
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_checker_sees_lazy_imports_and_cycles(tmp_path):
    """A lazy import inside a function counts, a TYPE_CHECKING one does not, and a
    two-module cycle is found (else the tests above prove nothing)."""
    mod = tmp_path / "layout" / "fonts"
    mod.mkdir(parents=True)
    f = mod / "x.py"
    f.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from layout.cli import main\n"
                 "def g():\n    from layout.render.pdfbackend import write_pdf\n", encoding="utf-8")
    global SRC
    old, SRC = SRC, tmp_path
    try:
        got = list(imports_of(f, {"layout.render.pdfbackend", "layout.cli"}))
    finally:
        SRC = old
    assert got == [("layout.render.pdfbackend", 5, True)]
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
