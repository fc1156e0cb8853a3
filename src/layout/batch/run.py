"""A batch reprint from start to end: find the archives, skip what an earlier run
finished, run the rest, write every PDF whole, record each result, report.

Crash safety (``kill -9`` at any instant): a PDF is written to a temporary file
beside it and renamed into place (the rename is atomic), then the manifest row
is committed.  A kill before the rename leaves a temporary file, which the next
run deletes; a kill between rename and commit leaves a whole PDF whose row says
``running``, which the next run redoes (same bytes).  Two runs into one OUT_DIR
at once are refused (a lock file), so the sweep never takes a live run's file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from layout.batch.manifest import MANIFEST_NAME, Manifest, Status, code_version, file_hash, run_key
from layout.batch.plan import Source, find_archives
from layout.batch.progress import Progress
from layout.batch.report import Entry, State, has_problems, outcome_json, report_json, summary
from layout.batch.work import Options, Outcome, Task
from layout.errors import LayoutError, Location

LOCK_NAME = ".layout-batch.lock"
REPORT_NAME = "report.json"
TMP_MARK = ".batch-tmp-"


@dataclass(frozen=True)
class BatchConfig:
    inputs: tuple[str, ...]
    out_dir: Path
    options: Options
    jobs: int = 1
    scheduler: str | None = None
    progress: bool | None = None  # None: when stderr is a terminal
    verbose: bool = False


@dataclass(frozen=True)
class BatchResult:
    report: dict
    summary: str
    report_path: Path

    @property
    def failed_or_lost(self) -> bool:
        return bool(self.report["failed"] or self.report["lost_text"])

    @property
    def problems(self) -> bool:
        return any(has_problems(r) for r in self.report["results"])


def run_batch(cfg: BatchConfig) -> BatchResult:
    """Reprint every archive of ``cfg`` into ``cfg.out_dir``; LayoutError (exit 2)
    for wrong arguments, before anything is written."""
    if cfg.out_dir.suffix.lower() == ".pdf" and not cfg.out_dir.is_dir():
        raise LayoutError("a batch writes its PDFs into a folder, and this names a PDF", Location(str(cfg.out_dir)),
                          hint="-o OUT_DIR; one archive with -o OUT.pdf is the one-page command")
    sources = find_archives(list(cfg.inputs), cfg.out_dir)  # checked before anything is written
    _refuse_overwriting_inputs(sources, cfg.out_dir)
    out_dir = _output_folder(cfg.out_dir)
    extra = [Path(cfg.options.template)] if Path(cfg.options.template).is_file() else []
    code = code_version(extra)
    with _locked(out_dir), _open_manifest(out_dir) as manifest:
        try:
            rep = _run_locked(cfg, out_dir, sources, manifest, code)
        except (sqlite3.Error, OSError) as e:  # the disk under OUT_DIR failed us (full, gone read-only)
            raise LayoutError(f"cannot record the run in the output folder: {e}", Location(str(out_dir))) from None
    report_path = out_dir / REPORT_NAME
    return BatchResult(rep, summary(rep, str(report_path), cfg.verbose), report_path)


def _run_locked(cfg: BatchConfig, out_dir: Path, sources: list[Source], manifest: Manifest, code: str) -> dict:
    """The run proper, holding OUT_DIR's lock: plan, run, record, report."""
    start = time.perf_counter()
    options = cfg.options.key_data()
    _sweep(out_dir)
    entries: dict[str, Entry] = {}
    todo: list[tuple[Source, str, str]] = []
    for src in sources:
        try:
            content = _archive_hash(src.path)
        except OSError as e:
            entries[src.output] = _failed_before(manifest, src, "", options, code, _os_reason(e, src))
            continue
        key = run_key(content, options, code)
        kept = _kept(manifest, out_dir, src, key)
        if kept is not None:
            entries[src.output] = kept
        else:
            todo.append((src, content, key))
    progress = Progress(len(todo), enabled=cfg.progress)
    tasks = _tasks(todo, cfg.options, manifest, options, code, entries)
    try:
        for outcome in _runner(cfg, tasks, len(todo)):
            entries[outcome.output] = _store(manifest, out_dir, outcome)
            progress.add(outcome.pages, outcome.error is not None)
    finally:
        progress.close()
    ordered = [entries[s.output] for s in sources]
    rep = report_json(ordered, out_dir=str(out_dir), options=options, code=code, workers=_workers(cfg, len(todo)),
                      seconds=time.perf_counter() - start)
    _write_whole(out_dir / REPORT_NAME, (json.dumps(rep, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return rep


def _refuse_overwriting_inputs(sources: list[Source], out_dir: Path) -> None:
    for src in sources:
        target = out_dir / src.output
        try:
            same = target.exists() and src.path.exists() and os.path.samefile(target, src.path)
        except OSError:
            same = False
        if same:
            raise LayoutError(f"the PDF for {src.name} would be written over it: {target} is the input",
                              Location(str(target)), hint="choose another output folder")


def _output_folder(out_dir: Path) -> Path:
    if out_dir.exists() and not out_dir.is_dir():
        raise LayoutError("the output of several archives must be a folder, and this is a file",
                          Location(str(out_dir)), hint="-o OUT_DIR: a new or existing folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise LayoutError(f"cannot create the output folder: {e.strerror}", Location(str(out_dir))) from None
    return out_dir


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    try:
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        raise LayoutError(f"cannot write into the output folder: {e.strerror}", Location(str(out_dir))) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LayoutError("another layout reprint is writing into this folder", Location(str(out_dir)),
                              hint="wait for it to finish, or use another output folder") from None
        yield
    finally:
        os.close(fd)  # releases the lock


def _open_manifest(out_dir: Path) -> Manifest:
    try:
        return Manifest(out_dir)
    except sqlite3.DatabaseError as e:
        raise LayoutError(f"the run manifest cannot be read: {e}", Location(str(out_dir / MANIFEST_NAME)),
                          hint="move it away to start this folder's runs afresh (done PDFs are then redone)") from None


def _sweep(out_dir: Path) -> None:
    """Temporary PDFs of a run that was killed (no run is live: we hold the lock)."""
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            if name.startswith(".") and TMP_MARK in name:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def _kept(manifest: Manifest, out_dir: Path, src: Source, key: str) -> Entry | None:
    row = manifest.get(src.output)
    if row is None or row.status is not Status.DONE or row.key != key or not row.pdf_hash:
        return None
    try:
        if file_hash(out_dir / src.output) != row.pdf_hash:
            return None
    except OSError:
        return None
    return Entry(State.KEPT, {**row.result, "source": src.name})


def _tasks(todo: list[tuple[Source, str, str]], opts: Options, manifest: Manifest, options: dict, code: str,
           entries: dict[str, Entry]) -> Iterator[Task]:
    """Tasks made as workers need them (largest archives first: the pool's last
    tasks are then short ones, so no worker idles long at the end)."""
    def size(item: tuple[Source, str, str]) -> int:
        try:
            return -item[0].path.stat().st_size
        except OSError:
            return 0

    for src, content, key in sorted(todo, key=size):
        try:
            data = src.path.read_bytes()
        except OSError as e:
            entries[src.output] = _failed_before(manifest, src, content, options, code, _os_reason(e, src))
            continue
        now = hashlib.sha256(data).hexdigest()
        if now != content:  # changed since it was planned: the key follows the bytes we reprint
            content, key = now, run_key(now, options, code)
        manifest.started(src.output, src.name, key, content, options, code)
        yield Task(src.name, data, src.output, opts)


def _runner(cfg: BatchConfig, tasks: Iterator[Task], count: int) -> Iterator[Outcome]:
    from layout.batch import runners

    if count == 0:
        return iter(())
    if cfg.scheduler:
        return runners.run_dask(tasks, cfg.scheduler, cfg.options.template)
    if min(cfg.jobs, count) <= 1:
        return runners.run_serial(tasks, cfg.options.template)
    return runners.run_pool(tasks, min(cfg.jobs, count), cfg.options.template)


def _store(manifest: Manifest, out_dir: Path, outcome: Outcome) -> Entry:
    result = outcome_json(outcome)
    if outcome.error is None:
        try:
            _write_whole(out_dir / outcome.output, outcome.pdf)
        except OSError as e:
            result["error"] = f"cannot write {outcome.output}: {e.strerror}"
    if result["error"] is not None:
        manifest.finished(outcome.output, Status.FAILED, result, None)
        return Entry(State.FAILED, result)
    manifest.finished(outcome.output, Status.DONE, result, hashlib.sha256(outcome.pdf).hexdigest())
    return Entry(State.DONE, result)


def _failed_before(manifest: Manifest, src: Source, content: str, options: dict, code: str, reason: str) -> Entry:
    """An archive that never reached a worker (unreadable)."""
    manifest.started(src.output, src.name, "", content, options, code)
    result = outcome_json(Outcome(src.name, src.output, error=reason))
    manifest.finished(src.output, Status.FAILED, result, None)
    return Entry(State.FAILED, result)


def _archive_hash(path: Path) -> str:
    """sha256 of a regular file; OSError for anything else (a FIFO would block the
    run, a device never end)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(0, "not a regular file")
    return file_hash(path)


def _os_reason(e: OSError, src: Source) -> str:
    return f"{src.name}: cannot read the archive: {e.strerror or e}"


def _write_whole(path: Path, data: bytes) -> None:
    """Temporary file beside ``path`` (named for ``_sweep``), flushed to disk,
    renamed over it: ``path`` is always the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}{TMP_MARK}{os.getpid()}"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _workers(cfg: BatchConfig, count: int) -> str:
    if cfg.scheduler:
        return f"Dask cluster {cfg.scheduler}"
    jobs = max(1, min(cfg.jobs, count))
    return "1 process" if jobs == 1 else f"{jobs} processes"
