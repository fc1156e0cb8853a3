"""``layout reprint DIR_OR_FILES… -o OUT_DIR`` (issue 14): same bytes whatever the
number of processes, and as the one-archive command; a report per archive; resume;
bad archives fail alone; wrong arguments exit 2 with nothing written."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path

import pypdfium2
import pytest
from batch_helpers import FAST, make_archives, pdfs

from layout.batch.progress import Progress
from layout.cli import main


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _exit(out: Path) -> int:
    """What the run must have exited with, by its report: 1 when an archive failed
    or lost text (the importer's open cases: a generated archive may hit one)."""
    rep = _report(out)
    return 1 if rep["failed"] or rep["lost_text"] else 0


def test_pool_writes_the_bytes_one_process_writes(archives, reference, tmp_path):
    out = tmp_path / "out"
    assert main(["reprint", str(archives), "-o", str(out), "-j", "2", *FAST]) == _exit(out)
    got, want = pdfs(out), pdfs(reference)
    assert len(want) == len(list(archives.glob("*.txt"))) and got == want


def test_one_archive_into_a_folder_is_the_one_archive_command(archives, reference, tmp_path):
    first = sorted(archives.glob("*.txt"))[0]
    single = tmp_path / "single.pdf"
    main(["reprint", str(first), "-o", str(single), *FAST])
    assert not (tmp_path / "manifest.sqlite").exists()  # the one-archive command keeps no manifest
    assert single.read_bytes() == (reference / first.with_suffix(".pdf").name).read_bytes()
    folder = tmp_path / "folder"
    main(["reprint", str(first), "-o", f"{folder}/", *FAST])  # -o ending in / : a batch of one
    assert (folder / "report.json").exists() and (folder / "manifest.sqlite").exists()
    assert (folder / first.with_suffix(".pdf").name).read_bytes() == single.read_bytes()


def test_report_has_every_archive_with_pages_fidelity_and_fill(archives, reference):
    rep = _report(reference)
    assert rep["archives"] == rep["done"] == len(list(archives.glob("*.txt")))
    for r in rep["results"]:
        assert r["status"] == "done" and r["pages"] >= 1 and r["template"] == "tabloid"
        assert len(r["fill"]) == r["pages"] and all(0 < f <= 100 for f in r["fill"])
        fid = r["fidelity"]
        assert fid["source_chars"] > 100 and fid["percent"] == pytest.approx(
            100 * (fid["source_chars"] - fid["lost"]) / fid["source_chars"], abs=0.01)
        assert (reference / r["output"]).exists()
    rows = sqlite3.connect(reference / "manifest.sqlite").execute(
        "SELECT status, content_hash, options, pdf_hash, verify, seconds FROM archives").fetchall()
    assert len(rows) == rep["archives"] and all(r[0] == "done" and len(r[1]) == 64 and r[3] for r in rows)
    assert json.loads(rows[0][2])["template"] == "tabloid" and json.loads(rows[0][4])["source_chars"] > 0


def test_rerun_keeps_what_is_done_and_redoes_what_changed(fresh, tmp_path, capsys):
    out = tmp_path / "out"
    capsys.readouterr()
    # the first run without -q: the one-screen summary (test_progress_line_only_when_asked_for)
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "1", "--template", "tabloid",
                 "--pdfx", "none"]) == _exit(out)
    captured = capsys.readouterr()
    assert "\r" not in captured.err  # not a terminal: no progress line
    assert "archives ->" in captured.out and "report:" in captured.out  # the summary
    assert len(captured.out.splitlines()) <= 24
    before = pdfs(out)
    stamp = {name: (out / name).stat().st_mtime_ns for name in before}
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "1", *FAST]) == _exit(out)
    rep = _report(out)
    assert rep["kept"] == len(before) and rep["done"] == 0
    assert {name: (out / name).stat().st_mtime_ns for name in before} == stamp  # not rewritten
    changed = sorted(fresh.glob("*.txt"))[1]
    make_archives(tmp_path / "other", 1, seed=9)[0].replace(changed)  # new content under the same name
    (out / sorted(before)[0]).unlink()  # a PDF deleted by hand is made again
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "1", *FAST]) == _exit(out)
    rep = _report(out)
    redone = {r["output"] for r in rep["results"] if r["status"] == "done"}
    assert redone == {sorted(before)[0], changed.with_suffix(".pdf").name}
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "1", "--template", "tabloid", "--pdfx", "x1a",
                 "-q"]) == _exit(out)
    assert _report(out)["done"] == len(before)  # other options: every archive again
    code = main(["reprint", str(fresh), "-o", str(out), "-j", "1", "--template", "tabloid", "--pdfx", "x1a", "-q",
                 "--strict"])  # all kept: the exit code comes from the stored results
    rep = _report(out)
    problems = any(r["problems"] or r["fidelity"]["added"] or r["fidelity"]["moved"] for r in rep["results"])
    assert rep["kept"] == len(before) and code == (1 if problems or rep["lost_text"] else 0)


BAD = {
    "empty.txt": b"",
    "binary.txt": b"%PDF-1.4\n\x00\x01\x02\x03" + bytes(range(256)) * 4,
    "unknown-encoding.txt": bytes(range(0x80, 0x100)) * 16,
    "no-stories.txt": "只有一行版名\n".encode(),
}


def test_bad_archives_fail_alone_with_their_reason(fresh, tmp_path, capsys):
    for extra in sorted(fresh.glob("*.txt"))[1:]:  # one good archive is enough to be done beside them
        extra.unlink()
    for name, data in BAD.items():
        (fresh / name).write_bytes(data)
    (fresh / "unreadable.txt").symlink_to(fresh / "gone.txt")  # listed, cannot be read
    os.mkfifo(fresh / "fifo.txt")  # must not block the run
    out = tmp_path / "out"
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "2", *FAST]) == 1
    rep = _report(out)
    results = {Path(r["source"]).name: r for r in rep["results"]}
    failed = {n for n, r in results.items() if r["status"] == "failed"}
    assert failed == {*BAD, "unreadable.txt", "fifo.txt"}
    assert rep["done"] == len(results) - len(failed) > 0
    assert "empty" in results["empty.txt"]["error"]
    assert "binary" in results["binary.txt"]["error"]
    assert "cannot read" in results["unreadable.txt"]["error"]
    assert "not a regular file" in results["fifo.txt"]["error"]
    for name in failed:
        assert results[name]["error"].startswith(str(fresh / name))  # file: reason
        assert not (out / Path(name).with_suffix(".pdf")).exists()
    assert "layout: error:" in capsys.readouterr().err  # -q still names the failures


@pytest.mark.parametrize(("args", "message"), [
    (["{in}"], "needs the output folder"),
    (["{in}", "-o", "{file}"], "must be a folder"),
    (["{in}/nothing-here", "{in}", "-o", "{out}"], "no such archive"),
    (["{in}", "{in}", "-o", "{out}"], "would both be written"),
    (["{in}", "-o", "{out}", "--yaml-dir", "{out}/y"], "--yaml-dir"),
    (["{in}", "-o", "{out}", "--scheduler", "localhost:1"], "tcp://HOST:PORT"),
    (["{in}", "-o", "{out}/all.pdf"], "names a PDF"),
])
def test_wrong_arguments_exit_2_and_write_nothing(fresh, tmp_path, capsys, args, message):
    (tmp_path / "file").write_text("x")
    words = [a.format(**{"in": fresh, "out": tmp_path / "out", "file": tmp_path / "file"}) for a in args]
    assert main(["reprint", *words, *FAST]) == 2
    assert message in capsys.readouterr().err
    assert not list((tmp_path / "out").rglob("*.pdf")) if (tmp_path / "out").exists() else True


def test_an_input_in_the_output_folder_is_never_written_over(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    make_archives(out, 1)
    archive = next(out.glob("*.txt")).rename(out / "page.pdf")  # an archive with an unlucky name
    other = make_archives(tmp_path / "in", 1, seed=4)[0]
    before = archive.read_bytes()
    assert main(["reprint", str(archive), str(other), "-o", str(out), *FAST]) == 2
    assert "is the input" in capsys.readouterr().err and archive.read_bytes() == before


def test_jobs_must_be_a_positive_number(fresh, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["reprint", str(fresh), "-o", str(tmp_path / "out"), "-j", "0"])
    assert e.value.code == 2


def test_a_second_run_into_the_same_folder_is_refused(fresh, tmp_path, capsys):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".layout-batch.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["reprint", str(fresh), "-o", str(out), *FAST]) == 2
    assert "another layout reprint" in capsys.readouterr().err


def test_a_damaged_manifest_is_reported_not_overwritten(fresh, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.sqlite").write_bytes(b"not a database, but somebody's file" * 100)
    assert main(["reprint", str(fresh), "-o", str(out), *FAST]) == 2
    assert "manifest cannot be read" in capsys.readouterr().err
    assert (out / "manifest.sqlite").read_bytes().startswith(b"not a database") and not list(out.glob("*.pdf"))


def test_empty_folder_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    assert main(["reprint", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 2
    assert "no archives" in capsys.readouterr().err


def test_progress_line_only_when_asked_for():
    stream = io.StringIO()
    bar = Progress(3, enabled=True, stream=stream)
    bar.add(2)
    assert "1/3 archives, 2 pages" in stream.getvalue() and "ETA" in stream.getvalue()  # drawn at once
    bar.add(1, failed=True)
    line = bar.line()
    assert "2/3 archives, 3 pages, 1 failed" in line and "pages/s" in line and "ETA" in line
    bar.add(0)
    bar.close()
    assert "3/3 archives" in stream.getvalue()  # the last state is always drawn
    assert stream.getvalue().endswith("\r")  # and wiped at the end
    # a real batch not on a terminal draws no progress line, only its summary: asserted on
    # the first run of test_rerun_keeps_what_is_done_and_redoes_what_changed (one batch less)


def test_pdfs_are_whole_pdfs(reference):
    for name in pdfs(reference):
        doc = pypdfium2.PdfDocument(str(reference / name))
        assert len(doc) >= 1
        doc.close()


def _crash_on_marked(task):
    """Stands in for ``run_task`` in forked workers: dies like an OOM-killed process
    on the archive named crash*, reprints the others."""
    from layout.batch.work import run_task

    if Path(task.name).name.startswith("crash"):
        os.kill(os.getpid(), 9)
    return run_task(task)


def test_a_worker_that_dies_fails_its_archive_alone(fresh, reference, tmp_path, monkeypatch):
    import layout.batch.runners as runners

    monkeypatch.setattr(runners, "run_task", _crash_on_marked)  # the forked workers inherit it
    first = sorted(fresh.glob("*.txt"))[0]
    (fresh / "crash.txt").write_bytes(first.read_bytes())
    out = tmp_path / "out"
    assert main(["reprint", str(fresh), "-o", str(out), "-j", "2", *FAST]) == 1
    results = {Path(r["source"]).name: r for r in _report(out)["results"]}
    assert results["crash.txt"]["status"] == "failed" and "worker process died" in results["crash.txt"]["error"]
    assert all(r["status"] == "done" for n, r in results.items() if n != "crash.txt")
    assert pdfs(out) == pdfs(reference)
