"""Issue 17: PDFs that loop or explode (classes 4 and 6) answer in bounded time
and memory with exit 2; preflight fails actions, attachments and a rebuilt xref
(class 12); Ctrl-C is exit 130 without a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import hostile_pdfs
import pytest
from hostile_helpers import ARCHIVE, HWM, ROOT, no_traceback, page, run, write


@pytest.fixture
def archive(tmp_path):
    return write(tmp_path, "a.txt", ARCHIVE)


def _both(tmp_path, archive, data: bytes):
    f = tmp_path / "x.pdf"
    f.write_bytes(data)
    return run("preflight", str(f)), run("verify", str(f), "--source", str(archive))


def test_self_referencing_objects_finish(tmp_path, archive):
    for r in _both(tmp_path, archive, hostile_pdfs.self_referencing()):
        no_traceback(r)
        assert r.code in (1, 2), r.err


@pytest.mark.parametrize("maker", [hostile_pdfs.nested_forms, lambda: hostile_pdfs.inflate_bomb(1024)],
                         ids=["nested-forms", "inflate-1GB"])
def test_over_budget_pdfs_are_refused(tmp_path, archive, maker):
    for r in _both(tmp_path, archive, maker()):
        no_traceback(r)
        assert r.code == 2, r.err
        assert "PDF too complex or malformed" in r.err


def test_verify_bounds_the_content_it_interprets(tmp_path, archive):
    """5 MiB of drawing on one page: verify's reader (~6 s/MB) refuses, preflight reads it."""
    f = tmp_path / "long.pdf"
    f.write_bytes(hostile_pdfs.long_content(5))
    r = run("verify", str(f), "--source", str(archive))
    assert r.code == 2 and "more than 4 MiB of content" in r.err, r.err


def test_bomb_costs_little_memory(tmp_path):
    f = tmp_path / "bomb.pdf"
    f.write_bytes(hostile_pdfs.inflate_bomb(1024))
    peak = _peak_rss_mb(["preflight", str(f)])
    assert peak < 200, f"{peak:.0f} MB"


def test_our_own_pdf_is_within_budget(tmp_path):
    out = tmp_path / "p.pdf"
    assert run("render", str(page(tmp_path)), "-o", str(out), "-q").code == 0
    r = run("preflight", str(out), "--json")
    assert r.code == 0, r.out
    checks = {c["check"]: c["status"] for c in json.loads(r.out)["checks"]}
    assert checks["actions"] == checks["attachments"] == checks["damage"] == "OK"


@pytest.mark.parametrize("action, word", [
    (b"<< /Type /Action /S /Launch /F (/bin/sh) >>", "Launch"),
    (b"<< /S /URI /URI (http://example.invalid/) >>", "URI"),
    (b"<< /S /SubmitForm /F << /FS /URL /F (http://example.invalid/) >> >>", "SubmitForm"),
    (b"<< /S /JavaScript /JS (app.alert(1)) >>", "JavaScript"),
])
def test_preflight_fails_actions(tmp_path, action, word):
    f = tmp_path / "a.pdf"
    f.write_bytes(hostile_pdfs.with_action(action))
    r = run("preflight", str(f))
    assert r.code == 1, r.out
    assert word.encode() in r.out and b"NOT ready for press" in r.out


def test_preflight_fails_embedded_files(tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(hostile_pdfs.with_attachment())
    r = run("preflight", str(f))
    assert r.code == 1 and b"embedded file" in r.out


def test_preflight_fails_a_rebuilt_xref(tmp_path):
    good = tmp_path / "p.pdf"
    assert run("render", str(page(tmp_path)), "-o", str(good), "-q").code == 0
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(hostile_pdfs.broken_startxref(good.read_bytes()))
    r = run("preflight", str(bad), "--json")
    assert r.code == 1
    damage = [c for c in json.loads(r.out)["checks"] if c["check"] == "damage"]
    assert damage and damage[0]["status"] == "ERROR"


def _wait_until_blocked(pid: int, limit: float = 60.0) -> None:
    """Until the process has used no CPU for half a second (it is waiting on its input)."""
    def cpu() -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    end, last, still = time.monotonic() + limit, -1, 0
    while time.monotonic() < end and still < 5:
        time.sleep(0.1)
        now = cpu()
        still = still + 1 if now == last else 0
        last = now


def test_ctrl_c_is_exit_130_without_traceback(tmp_path):
    """SIGINT while the command waits for its input (stdin held open)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # SIGINT back to its default in the child: a run in the background of a non-interactive
    # shell inherits it ignored, and Python then installs no KeyboardInterrupt handler
    proc = subprocess.Popen([sys.executable, "-m", "layout", "render", "-", "-o", str(tmp_path / "o.pdf")],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_until_blocked(proc.pid)  # imports done (a fresh clone compiles them first), reading stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert not (tmp_path / "o.pdf").exists()


def _peak_rss_mb(argv: list[str]) -> float:
    """Peak resident memory of ``layout ARGV`` run as a child process, in MB."""
    code = (HWM + "import sys\nfrom layout.cli import main\nrc = main(sys.argv[1:])\n"
            "print(_hwm_kb(), file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr
    return int(r.stderr.strip().splitlines()[-1]) / 1024
