"""Issue 17 "Done when": a seeded mutator over a layout (our small page and the
sample), the seed archive and small PDFs, run through the CLI's ``main()`` in this
process with a fixed budget.  Every run must end without a traceback, with exit
0, 1 or 2; exit 2 leaves no new file; a failed run never changes an existing one.

Deterministic: the same seed gives the same mutants.  A failure names the case
and keeps the mutant in the test's folder to reproduce it."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import hostile_pdfs
import pytest
from hostile_helpers import ARCHIVE, PAGE, SAMPLE, SEED, run

# a longer hunt: LAYOUT_FUZZ_SEED=n LAYOUT_FUZZ_BUDGET=60 pytest tests/hostile/test_fuzz.py
SEED_VALUE = int(os.environ.get("LAYOUT_FUZZ_SEED", "17"))
BUDGET_S = float(os.environ.get("LAYOUT_FUZZ_BUDGET", "4"))  # per corpus, after MIN_CASES: ~12 s for all
MIN_CASES = 12
MAX_CASES = int(BUDGET_S * 40)
SENTINEL = b"an existing file that a failed run must not touch"

_SPECIALS = [b"\x00", b"\x1c", b"\x1f", b"\x1b", b"\x7f", b"\xff", b"\xfe", "\u2028".encode(), "\ufeff".encode(),
             b"\t", b"\r", b"&a ", b"*a", b"*b ", b"!!python/object:os.system ", b"{", b"}", b"[", b"]",
             b": ", b"- ", b"---\n", b"|", b">", b"'", b'"', b"\\", b"%", b"#", b"?", b"<<: *a",
             b".nan", b".inf", b"-1", b"0", b"1e308", b"99999999999999999999", b"1-1000", b"0-0",
             b"/etc/passwd", b"../../x", b"\xe3\x80", "　".encode(), "■".encode(), b"\n\n\n"]


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One to four edits: flip, insert (special or random bytes), delete, duplicate
    or swap lines, truncate."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        if not buf:
            buf += rnd.choice(_SPECIALS)
            continue
        at = rnd.randrange(len(buf))
        op = rnd.randrange(7)
        if op == 0:
            buf[at] = rnd.randrange(256)
        elif op == 1:
            buf[at:at] = rnd.choice(_SPECIALS)
        elif op == 2:
            del buf[at : at + rnd.randint(1, 64)]
        elif op == 3:
            buf[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif op in (4, 5):
            lines = bytes(buf).split(b"\n")
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            if op == 4:
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            buf = bytearray(b"\n".join(lines))
        else:
            del buf[at:]
    return bytes(buf)


def _fuzz(tmp_path: Path, sources: list[bytes], name: str, argv: Callable[[Path, Path], list[str]]) -> int:
    rnd = random.Random(f"{SEED_VALUE}-{name}")
    start = time.monotonic()
    n = 0
    while n < MAX_CASES and (n < MIN_CASES or time.monotonic() - start < BUDGET_S):
        case = tmp_path / f"{name}-{n}"
        case.mkdir()
        src = case / ("in.pdf" if name == "pdf" else "in.txt" if name == "archive" else "in.yaml")
        src.write_bytes(mutate(rnd.choice(sources), rnd))
        out = case / "out"
        existing = n % 2 == 1
        if existing:
            out.write_bytes(SENTINEL)
        try:
            r = run(*argv(src, out))
        except BaseException as e:  # any escape is the failure we look for
            pytest.fail(f"{name} case {n} ({src}): {type(e).__name__}: {e}")
        where = f"{name} case {n} ({src}), exit {r.code}:\n{r.err[-2000:]}"
        assert "Traceback" not in r.err, where
        assert r.code in (0, 1, 2), where
        if r.code == 2:
            assert "layout: error" in r.err, where
            if existing:
                assert out.read_bytes() == SENTINEL, where
            else:
                assert not out.exists(), where
            assert not [f for f in case.iterdir() if "layout-tmp" in f.name], where
        n += 1
    return n


def test_fuzz_layouts(tmp_path):
    pages = [PAGE.encode(), SAMPLE.read_bytes()]
    photos = SAMPLE.parent / "photos"
    (tmp_path / "photos").symlink_to(photos)  # the sample's relative photo paths

    def argv(src: Path, out: Path) -> list[str]:
        (src.parent / "photos").symlink_to(photos)
        return ["render", str(src), "-o", str(out), "-q"]

    assert _fuzz(tmp_path, pages, "layout", argv) >= MIN_CASES


def test_fuzz_archives(tmp_path):
    archives = [ARCHIVE.encode("utf-8"), ARCHIVE.encode("gb18030")]
    if SEED.exists():
        archives.append(SEED.read_bytes())
    n = _fuzz(tmp_path, archives, "archive",
              lambda src, out: ["import", str(src), "-o", str(out), "--no-place"])
    assert n >= MIN_CASES


def test_fuzz_pdfs(tmp_path):
    own = tmp_path / "own.pdf"
    assert run("render", _own_page(tmp_path), "-o", str(own), "-q").code == 0
    pdfs = [own.read_bytes(), hostile_pdfs.self_referencing(), hostile_pdfs.nested_forms(4, 3),
            hostile_pdfs.with_action(b"<< /S /Launch /F (x) >>"), hostile_pdfs.with_attachment()]
    archive = tmp_path / "a.txt"
    archive.write_text(ARCHIVE, encoding="utf-8")
    flip = iter(range(10**6))

    def argv(src: Path, out: Path) -> list[str]:
        if next(flip) % 2:
            return ["verify", str(src), "--source", str(archive)]
        return ["preflight", str(src)]

    assert _fuzz(tmp_path, pdfs, "pdf", argv) >= MIN_CASES


def _own_page(tmp_path: Path) -> str:
    p = tmp_path / "page.yaml"
    p.write_text(PAGE, encoding="utf-8")
    return str(p)
