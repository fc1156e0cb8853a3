"""Issue 17, unbounded inputs (class 5) and bad paths in layouts (class 8): inputs
are regular files (or '-'), read with a size bound; a FIFO never blocks; a symlink
loop, a NUL byte or a 300-character name is a message with file:line:col."""

from __future__ import annotations

import os
import re

import pytest
from hostile_helpers import ARCHIVE, PAGE, no_traceback, page, run, write


def _pdf(tmp_path):
    out = tmp_path / "in.pdf"
    assert run("render", str(page(tmp_path)), "-o", str(out), "-q").code == 0
    return out


@pytest.mark.parametrize("cmd", ["render", "import", "reprint", "galley", "preflight", "verify", "fonts",
                                 "profile"])
@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "folder"])
def test_non_regular_inputs_exit_2_at_once(tmp_path, cmd, source):
    if source == "fifo":
        source = str(tmp_path / "in.fifo")
        os.mkfifo(source)  # no writer: opening it for reading must not block
    elif source == "folder":
        source = str(tmp_path)
    out = str(tmp_path / "out.pdf")
    argv = {
        "render": ["render", source, "-o", out],
        "import": ["import", source, "-o", str(tmp_path / "o.yaml")],
        "reprint": ["reprint", source, "-o", out],
        "galley": ["galley", source, "-o", out],
        "preflight": ["preflight", source],
        "verify": ["verify", source, "--source", str(write(tmp_path, "a.txt", ARCHIVE))],
        "fonts": ["fonts", "--check", source],
        "profile": ["render", str(page(tmp_path)), "-o", out, "--output-profile", source],
    }[cmd]
    r = run(*argv)
    no_traceback(r)
    assert r.code == 2, r.err
    assert "layout: error" in r.err
    assert not os.path.exists(out)


def test_inputs_over_the_size_bound_are_refused(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:  # sparse: 9 MiB of nothing, over the 8 MiB bound of a layout
        f.truncate(9 * 1024 * 1024)
    r = run("render", str(big), "-o", str(tmp_path / "o.pdf"))
    assert r.code == 2 and "larger than" in r.err


def test_dash_reads_stdin_for_import_and_galley(tmp_path):
    r = run("import", "-", "-o", "-", stdin=ARCHIVE.encode())
    assert r.code == 0, r.err
    assert b"stories:" in r.out
    out = tmp_path / "g.pdf"
    r = run("galley", "-", "-o", str(out), stdin="一段文字。\n".encode())
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"%PDF-")


def _with(tmp_path, key_line: str) -> str:
    """PAGE with one more line in the story (after its id)."""
    return PAGE.replace("  - id: one\n", f"  - id: one\n    {key_line}\n")


@pytest.mark.parametrize("what", ["photo", "body_file", "extends", "font"])
@pytest.mark.parametrize("bad", ["loop", "nul", "long"])
def test_bad_paths_in_a_layout_are_messages_with_place(tmp_path, what, bad):
    if bad == "loop":
        (tmp_path / "loop.x").symlink_to("loop.x")
        name = '"loop.x"'
    elif bad == "nul":
        name = '"a\\0b.x"'
    else:
        name = "a" * 300 + ".x"
    text = {
        "photo": _with(tmp_path, f"photos: [{{file: {name}, rows: 1-8}}]"),
        "body_file": _with(tmp_path, f"body_file: {name}").replace("    body: |\n", "    notes: |\n"),
        "extends": PAGE.replace("extends: house", f"extends: {name}"),
        "font": PAGE + f"fonts:\n  song: {name}\n",
    }[what]
    if what == "body_file":  # a story has body or body_file: drop the body
        text = text[: text.index("    notes: |")]
    p = write(tmp_path, "p.yaml", text)
    r = run("render", str(p), "-o", str(tmp_path / "o.pdf"))
    no_traceback(r)
    assert r.code == 2, r.err
    first = r.err.splitlines()[0]
    assert re.match(r"layout: error: \S*p\.yaml:\d+:\d+: ", first), first
    assert not (tmp_path / "o.pdf").exists()
