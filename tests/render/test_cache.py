"""The disk cache (layout.cache) cannot run code and never changes the output (issue 10).

Each render runs in its own process so that nothing is remembered in memory: what a
render finds in the cache folder is all it has."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from layout.cache import (
    MAGIC,
    cache_dir,
    read_blob,
    read_entry,
    read_plain,
    write_blob,
    write_entry,
    write_plain,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"


class _RunsCode:
    """Unpickling this touches a file: the proof that a cache entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _render(cache: Path, out: Path, **env: str) -> bytes:
    run_env = {k: v for k, v in os.environ.items() if k not in ("LAYOUT_CACHE_DIR", "XDG_CACHE_HOME")}
    run_env.update({"LAYOUT_CACHE_DIR": str(cache)} if cache else {})
    run_env.update(env)
    cmd = [sys.executable, "-m", "layout", "render", str(SAMPLE), "-o", str(out), "-q"]
    done = subprocess.run(cmd, env=run_env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return out.read_bytes()


def _poisons(marker: Path) -> list[tuple[str, object]]:
    """What a hostile or damaged cache folder may hold, as functions of the good entry."""
    evil = pickle.dumps(_RunsCode(marker))

    def wrapped(payload: bytes) -> bytes:  # a well-formed container around a pickle
        return MAGIC + hashlib.sha256(payload).digest() + payload

    return [
        ("pickle that runs code", lambda good: evil),
        ("pickle inside a valid container", lambda good: wrapped(evil)),
        ("random bytes", lambda good: os.urandom(len(good) or 64)),
        ("truncated", lambda good: good[: len(good) // 2]),
        ("older format", lambda good: marshal.dumps({"_bmp": b"", "advance": 1})),
        ("empty", lambda good: b""),
        ("valid container, wrong shape", lambda good: wrapped(marshal.dumps({"_bmp": 1}))),
    ]


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple[bytes, Path]:
    """The sample rendered with an empty cache, and the folder that render filled: found
    from ``$XDG_CACHE_HOME`` alone (no ``LAYOUT_CACHE_DIR``), so this one cold render
    is also the proof that XDG is honoured (``test_xdg_cache_home_is_honoured``)."""
    folder = tmp_path_factory.mktemp("cache-clean")
    return _render(None, folder / "out.pdf", XDG_CACHE_HOME=str(folder / "xdg")), folder / "xdg" / "layout"


def test_a_poisoned_cache_is_ignored_and_rebuilt(clean, tmp_path):
    """Every entry replaced by a poison (two rounds, so each kind of entry -- faces,
    photos, image sizes, the output profile -- meets several poisons): no code runs,
    the output is byte-identical to the clean render, and the cache is healthy again."""
    reference, good_cache = clean
    entries = sorted(p for p in good_cache.rglob("*") if p.is_file())
    kinds = {p.suffix for p in entries}
    assert {".face", ".img", ".zlib", ".size"} <= kinds, kinds
    marker = tmp_path / "code-ran"
    poisons = _poisons(marker)
    for shift in (0, 3):
        cache = tmp_path / f"cache{shift}"
        for i, entry in enumerate(entries):
            target = cache / entry.relative_to(good_cache)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(poisons[(i + shift) % len(poisons)][1](entry.read_bytes()))
        assert _render(cache, tmp_path / f"out{shift}.pdf") == reference
        assert not marker.exists(), "a cache entry ran code"
        again = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
        assert again == [p.relative_to(good_cache) for p in entries]
        assert all(read_entry(cache / p) is not None for p in again)  # rebuilt, checked


def test_a_warm_cache_gives_the_same_bytes(clean, tmp_path):
    reference, good_cache = clean
    assert _render(good_cache, tmp_path / "warm.pdf") == reference


def test_an_unwritable_cache_is_skipped(clean, tmp_path):
    reference, _ = clean
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _render(blocker / "cache", tmp_path / "out.pdf") == reference


def test_xdg_cache_home_is_honoured(clean):
    _, xdg_layout = clean  # rendered with XDG_CACHE_HOME=…/xdg and no LAYOUT_CACHE_DIR
    assert list(xdg_layout.glob("*.face"))


def test_cache_folder_order(monkeypatch, tmp_path):
    monkeypatch.delenv("LAYOUT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "layout"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: relative = unset
    assert cache_dir() == Path.home() / ".cache" / "layout"
    monkeypatch.setenv("LAYOUT_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"


def test_entries_round_trip_and_refuse_tampering(tmp_path):
    write_plain(tmp_path / "a", {"x": [1, 2.5, "三"], "b": b"\x00"})
    assert read_plain(tmp_path / "a") == {"x": [1, 2.5, "三"], "b": b"\x00"}
    write_blob(tmp_path / "b", {"w": 3}, b"\x01\x02")
    assert read_blob(tmp_path / "b") == ({"w": 3}, b"\x01\x02")
    write_entry(tmp_path / "c", b"payload")
    blob = bytearray((tmp_path / "c").read_bytes())
    blob[-1] ^= 1
    (tmp_path / "c").write_bytes(bytes(blob))
    assert read_entry(tmp_path / "c") is None
    write_plain(tmp_path / "d", _RunsCode(tmp_path / "m"))  # not plain data: not cached
    assert not (tmp_path / "d").exists()
    assert not list(tmp_path.glob("*layout-tmp*"))
