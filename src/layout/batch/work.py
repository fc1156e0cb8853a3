"""One archive, one task: what a worker does (issue 14).

Why the task carries the archive's bytes and the outcome the PDF's bytes: a worker
needs no shared file system (a Dask worker on another machine reads nothing and
writes nothing of the user's), and the coordinator is the only process that writes
into OUT_DIR -- so a ``kill -9`` can only ever interrupt one atomic rename there.

Both are plain data (``Task``, ``Outcome``: strings, numbers, bytes, tuples), so
they pickle to any process.  The worker reprints exactly as ``layout reprint``
does for one archive (import, automatic layout, render, and the reprint's own check:
its PDF read back in process and compared with the archive, ``layout.check.verify``):
every character lost is counted with its place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from layout.check.verify import VerifyReport

MAX_LISTED = 20  # differences listed per archive in the report (the counts are whole)


@dataclass(frozen=True)
class Options:
    """What decides the bytes of a reprint, besides the archive and the code."""

    template: str = "auto"
    encoding: str | None = None
    pdfx: str = "x4"  # x4 | x1a | none
    proof: bool = False

    def key_data(self) -> dict[str, object]:
        return {"template": self.template, "encoding": self.encoding, "pdfx": self.pdfx, "proof": self.proof}


@dataclass(frozen=True)
class Task:
    """One archive: ``name`` is how messages and the report show it (its path as
    given), ``data`` its bytes, ``output`` the PDF's path relative to OUT_DIR."""

    name: str
    data: bytes
    output: str
    options: Options


@dataclass(frozen=True)
class Fidelity:
    """The PDF read back against the archive (``layout.check.verify``)."""

    source_chars: int
    pdf_chars: int
    lost: int
    added: int
    moved: int
    reordered: int
    differences: tuple[dict, ...] = ()  # the first MAX_LISTED, each with its place

    @property
    def percent(self) -> float:
        """Share of the archive's characters found in the PDF, in %."""
        if not self.source_chars:
            return 100.0
        return round(100.0 * (self.source_chars - self.lost) / self.source_chars, 3)


@dataclass(frozen=True)
class Outcome:
    """What became of one task.  ``error`` set: the archive failed (nothing written);
    else ``pdf`` holds the bytes to write."""

    name: str
    output: str
    pdf: bytes = b""
    pages: int = 0
    template: str = ""
    fill: tuple[float, ...] = ()
    problems: tuple[str, ...] = ()  # fail under --strict
    notes: tuple[str, ...] = ()  # advisory (underfill, copyfit): said, never failed
    fidelity: Fidelity | None = None
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds of the task's thread (what a worker spends around it is not in it)
    error: str | None = None
    worker: int = field(default=0, compare=False)


def warm(template: str = "auto") -> int:
    """Load the templates and their fonts into this process (once: cached by the
    modules that load them).  The pool forks after the coordinator has called it;
    a Dask worker calls it before its first task.  Returns the process id."""
    _warm(template)
    return os.getpid()


@lru_cache(maxsize=4)
def _warm(template: str) -> None:
    import layout.autolayout.archive
    import layout.check.verify
    import layout.pipeline
    import layout.render.output  # noqa: F401  (imported here so forked workers share them)
    from layout.autolayout.template import TEMPLATE_NAMES, load_template

    for name in TEMPLATE_NAMES if template == "auto" else (template,):
        try:
            tpl = load_template(name)
        except Exception:  # a bad template fails in its tasks, with its message
            continue
        tpl.fonts.fontset().faces()


def run_task(task: Task) -> Outcome:
    """Reprint one archive; never raises for a bad archive (its reason is the
    outcome's ``error``).  The archive is copied under its own file name into a
    private folder first, so the PDF's title and every message read as they
    would for the original file."""
    start, cpu = time.perf_counter(), time.thread_time()
    folder = tempfile.mkdtemp(prefix="layout-batch-")
    try:
        path = Path(folder) / (Path(task.name).name or "archive.txt")
        path.write_bytes(task.data)
        return replace(_reprint(task, path, start), cpu=time.thread_time() - cpu)
    except Exception as e:  # one archive's failure must not stop the batch
        return Outcome(task.name, task.output, error=_reason(e, folder, task.name),
                       seconds=time.perf_counter() - start, cpu=time.thread_time() - cpu, worker=os.getpid())
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _reprint(task: Task, path: Path, start: float) -> Outcome:
    from layout.pipeline import reprint
    from layout.render.output import PDFX_CHOICES, OutputOptions

    warm(task.options.template)
    opts = task.options
    done = reprint(path, OutputOptions(pdfx=PDFX_CHOICES[opts.pdfx], proof=opts.proof), opts.template,
                   opts.encoding, source=task.name)
    auto = done.reprint.layout
    from layout.place.items import ADVISORY

    # as `layout reprint` says them: advisory notes (underfill, copyfit) apart from problems
    problems = [p.message for p in done.output.problems if p.kind not in ADVISORY] + list(done.problems)
    notes = [p.message for p in done.output.problems if p.kind in ADVISORY]
    pdf_path = path.with_suffix(".pdf")
    pdf_path.write_bytes(done.output.pdf)
    # the reprint compared its PDF with the archive in process (as `layout reprint` does): reading the PDF
    # back a second time cost ~0.7 s a page for the same answer
    fidelity = (fidelity_of(done.verified.report, path, task.name) if done.verified is not None
                else check(pdf_path, path, opts.encoding, task.name))
    return Outcome(task.name, task.output, pdf=done.output.pdf, pages=len(auto.pages),
                   template=done.reprint.template_file.stem,
                   fill=tuple(round(p.fill_pct, 1) for p in auto.metrics.pages),
                   problems=tuple(_unique(problems)), notes=tuple(_unique(notes)), fidelity=fidelity,
                   seconds=time.perf_counter() - start, worker=os.getpid())


def check(pdf: Path, source: Path, encoding: str | None, name: str) -> Fidelity:
    """Read the PDF back and compare it with the archive (see ``layout.check.verify``);
    places are given in the archive as the user named it."""
    from layout.check.verify import verify

    return fidelity_of(verify(pdf, source, encoding), source, name)


def fidelity_of(rep: VerifyReport, source: Path, name: str) -> Fidelity:
    """A ``VerifyReport`` as the batch reports it, places named as the user named the archive."""
    rows = []
    for d in rep.differences[:MAX_LISTED]:
        row = {k: v for k, v in d.__dict__.items() if v not in (None, "") and k != "pdf_index"}
        if isinstance(row.get("source"), str):
            row["source"] = row["source"].replace(os.fspath(source), name)
        rows.append(row)
    return Fidelity(rep.source_chars, rep.pdf_chars, rep.count("lost"), rep.count("added"), rep.count("moved"),
                    len(rep.reordered), tuple(rows))


def _reason(e: Exception, folder: str, name: str) -> str:
    """The message for a failed archive: a LayoutError's own text (file:line:col:
    what is wrong), anything else as an internal error with where it happened."""
    from layout.errors import LayoutError

    if isinstance(e, LayoutError):
        text = str(e)
    elif isinstance(e, MemoryError):
        text = "out of memory"
    else:
        where = traceback.extract_tb(e.__traceback__)[-1]
        text = f"internal error: {type(e).__name__}: {e} ({Path(where.filename).name}:{where.lineno})"
    return text.replace(os.path.join(folder, Path(name).name), name).replace(folder, os.path.dirname(name) or ".")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
