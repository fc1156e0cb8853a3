"""Issue 17, destroyed files (classes 1-3) and output errors (class 9): outputs
are checked before any work, written through to devices, FIFOs and stdout,
symlinks followed, inputs never overwritten, temp files swept, failures exit 2
with the old file kept."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest
from hostile_helpers import ARCHIVE, no_traceback, page, run, write

from layout import files


def test_dev_null_is_written_through_not_replaced(tmp_path):
    p = page(tmp_path)
    r = run("render", str(p), "-o", os.devnull, "-q")
    assert r.code == 0, r.err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_device_node_output_stays_a_device(tmp_path):
    p = page(tmp_path)
    node = tmp_path / "n"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null
    r = run("render", str(p), "-o", str(node), "-q")
    assert r.code == 0, r.err
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_fifo_output_is_written_through(tmp_path):
    p = page(tmp_path)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run("render", str(p), "-o", str(fifo), "-q")
    reader.join(timeout=30)
    assert r.code == 0, r.err
    assert got and got[0].startswith(b"%PDF-")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dash_writes_the_pdf_to_stdout(tmp_path):
    p = page(tmp_path)
    r = run("render", str(p), "-o", "-", "-q")
    assert r.code == 0, r.err
    assert r.out.startswith(b"%PDF-") and r.out.rstrip().endswith(b"%%EOF")
    assert not list(tmp_path.glob("*.pdf"))


def test_symlink_is_followed_and_kept(tmp_path):
    p = page(tmp_path)
    target = tmp_path / "real.pdf"
    target.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(target.name)
    assert run("render", str(p), "-o", str(link), "-q").code == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_bytes().startswith(b"%PDF-")


def test_dangling_symlink_creates_its_target(tmp_path):
    p = page(tmp_path)
    link = tmp_path / "link.pdf"
    link.symlink_to("made.pdf")
    assert run("render", str(p), "-o", str(link), "-q").code == 0
    assert link.is_symlink() and (tmp_path / "made.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("kind", ["folder", "loop", "proc", "socket"])
def test_unusable_outputs_exit_2_before_work(tmp_path, kind):
    p = page(tmp_path)
    if kind == "folder":
        out = tmp_path / "dir"
        out.mkdir()
    elif kind == "loop":
        out = tmp_path / "loop.pdf"
        out.symlink_to("loop.pdf")
    elif kind == "proc":
        out = Path("/proc/layout-test.pdf")  # a folder no file can be created in
    else:
        import socket

        out = tmp_path / "s.sock"
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(out))
    r = run("render", str(p), "-o", str(out), "-q")
    no_traceback(r)
    assert r.code == 2, r.err
    assert "layout: error" in r.err
    assert not list(tmp_path.glob("*.layout-tmp-*")) and not list(tmp_path.glob(".*tmp*"))


@pytest.mark.parametrize("cmd", ["render", "import", "reprint", "galley"])
def test_output_equal_to_input_is_refused(tmp_path, cmd):
    if cmd == "render":
        src = page(tmp_path)
    elif cmd == "galley":
        src = write(tmp_path, "g.txt", "一段文字。\n")
    else:
        src = write(tmp_path, "a.txt", ARCHIVE)
    before = src.read_bytes()
    # the same file under another name (a hard link): refused by inode, not by name
    alias = tmp_path / "alias"
    os.link(src, alias)
    for out in (src, alias):
        r = run(cmd, str(src), "-o", str(out))
        no_traceback(r)
        assert r.code == 2, (cmd, out, r.err)
        assert "is the input" in r.err
        assert src.read_bytes() == before


def test_output_equal_to_a_body_file_is_refused(tmp_path):
    body = write(tmp_path, "body.txt", "正文一段。\n")
    text = page(tmp_path).read_text(encoding="utf-8")
    text = text[: text.index("    body: |")] + "    body_file: body.txt\n"
    p = write(tmp_path, "p.yaml", text)
    r = run("render", str(p), "-o", str(body))
    assert r.code == 2 and "is the input" in r.err, r.err
    assert body.read_text(encoding="utf-8") == "正文一段。\n"


def test_stale_temp_files_of_dead_processes_are_swept(tmp_path):
    p = page(tmp_path)
    dead = _dead_pid()
    stale = tmp_path / f".out.pdf.layout-tmp-{dead}-abcd1234"
    stale.write_bytes(b"")
    live = tmp_path / f".out.pdf.layout-tmp-{os.getppid()}-abcd1234"
    live.write_bytes(b"")
    assert run("render", str(p), "-o", str(tmp_path / "out.pdf"), "-q").code == 0
    assert not stale.exists()
    assert live.exists()  # its process may still be writing


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    p = page(tmp_path)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old pdf")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full)
    r = run("render", str(p), "-o", str(out), "-q")
    assert r.code == 2 and "no space left" in r.err, r.err
    assert out.read_bytes() == b"old pdf"
    assert [f.name for f in tmp_path.iterdir() if "layout-tmp" in f.name] == []


def test_dev_full_is_exit_2(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    r = run("render", str(page(tmp_path)), "-o", "/dev/full", "-q")
    no_traceback(r)
    assert r.code == 2 and "no space left" in r.err


def test_png_folder_that_is_a_file_is_refused_before_the_pdf(tmp_path):
    p = page(tmp_path)
    f = tmp_path / "pngs"
    f.write_text("x")
    r = run("render", str(p), "-o", str(tmp_path / "o.pdf"), "--png", str(f), "-q")
    assert r.code == 2 and "not a folder" in r.err
    assert not (tmp_path / "o.pdf").exists()


def test_reading_stdin_needs_an_output_name(tmp_path):
    text = page(tmp_path).read_bytes()
    r = run("render", "-", "-q", stdin=text)
    assert r.code == 2 and "-o" in r.err
    out = tmp_path / "from-stdin.pdf"
    r = run("render", "-", "-o", str(out), "-q", stdin=text)
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"%PDF-")


def _dead_pid() -> int:
    """A process id that is not running (a child that has exited and been reaped)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_a_reader_that_goes_away_is_not_an_error(tmp_path):
    """``layout render sample.yaml -o - | head -c 100``: the 2 MB PDF fills the pipe,
    the reader leaves; exit 0 without 'Broken pipe' or a traceback."""
    import subprocess
    import sys

    from hostile_helpers import ROOT, SAMPLE

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "layout", "render", str(SAMPLE), "-o", "-", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stdout.read(100).startswith(b"%PDF-")
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"Broken pipe" not in err, err
    assert proc.returncode == 0, err


def test_a_replaced_file_keeps_its_mode(tmp_path):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    out.chmod(0o640)
    assert run("render", str(page(tmp_path)), "-o", str(out), "-q").code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
