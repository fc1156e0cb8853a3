"""A font that is missing, damaged or unusable is a FontError with a clear message,
and exit 2 from the CLI -- never a traceback."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from layout.errors import FontError
from layout.fonts import FaceSpec, default_fontset, fonts_dir, load_face

SONG = fonts_dir() / "NotoSerifSC-Regular.ttf"


def truncated(tmp_path, keep: float):
    data = SONG.read_bytes()
    p = tmp_path / f"truncated-{keep}.ttf"
    p.write_bytes(data[: int(len(data) * keep)])
    return p


def random_bytes(tmp_path):
    p = tmp_path / "random.ttf"
    p.write_bytes(random.Random(2).randbytes(50_000))
    return p


@pytest.mark.parametrize("keep", [0.001, 0.5, 0.999])
def test_truncated_font_is_a_font_error(tmp_path, cache, keep):
    path = truncated(tmp_path, keep)
    with pytest.raises(FontError) as e:
        load_face(path, "song")
    assert str(path) in str(e.value)
    assert "truncated" in str(e.value) or "cannot read font" in str(e.value)


def test_missing_font_is_a_font_error(tmp_path):
    with pytest.raises(FontError, match="font file not found: .*nope.ttf"):
        load_face(tmp_path / "nope.ttf", "song")


def test_random_bytes_are_a_font_error(tmp_path, cache):
    with pytest.raises(FontError, match="not a TrueType/OpenType font"):
        load_face(random_bytes(tmp_path), "song")


def test_bad_face_index_is_a_font_error(small_ttc):
    with pytest.raises(FontError, match=r"has 2 faces \(index 0 to 1\), not index 5"):
        load_face(small_ttc, "x", 5)
    with pytest.raises(FontError, match="single font, not a collection"):
        load_face(SONG, "x", 1)


def test_cff_font_is_refused_with_a_hint(tmp_path, cache):
    """ReportLab cannot embed PostScript outlines: say so when the font is loaded."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "a"])
    fb.setupCharacterMap({ord("a"): "a"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0))
    pen.lineTo((400, 0))
    pen.lineTo((400, 400))
    pen.closePath()
    fb.setupCFF(
        "TestCFF", {"FullName": "TestCFF"}, {".notdef": pen.getCharString(), "a": pen.getCharString()}, {}
    )
    fb.setupHorizontalMetrics({".notdef": (500, 0), "a": (500, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "TestCFF", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    path = tmp_path / "cff.otf"
    fb.save(str(path))
    with pytest.raises(FontError, match="PostScript \\(CFF\\) outlines") as e:
        load_face(path, "x")
    assert "TrueType" in e.value.hint


def test_fallback_naming_an_unknown_face_is_a_font_error():
    with pytest.raises(FontError, match="fallback for 'song' names unknown face 'ming'"):
        default_fontset().with_faces([], {"song": ["ming", "hei"]})


def test_unknown_role_is_a_font_error():
    with pytest.raises(FontError, match="unknown face 'fangsong'"):
        default_fontset().face("fangsong")


@pytest.mark.parametrize("kind", ["truncated", "missing", "random", "directory"])
def test_cli_exits_2_with_a_message(cli, tmp_path, cache, kind):
    path = {
        "truncated": lambda: truncated(tmp_path, 0.5),
        "missing": lambda: tmp_path / "nope.ttf",
        "random": lambda: random_bytes(tmp_path),
        "directory": lambda: tmp_path,
    }[kind]()
    r = cli("fonts", "--font", f"user={path}")
    assert r.code == 2
    assert r.err.startswith("layout: error: ") and str(path) in r.err
    assert "Traceback" not in r.err and r.out == ""


def test_console_script_reports_a_corrupt_font_without_traceback(tmp_path):
    path = truncated(tmp_path, 0.3)
    proc = subprocess.run(
        [sys.executable, "-m", "layout", "fonts", "--font", f"song={path}"],
        capture_output=True,
        text=True,
        env={**os.environ, "LAYOUT_CACHE_DIR": str(tmp_path / "cache")},
        timeout=60,
    )
    assert proc.returncode == 2
    assert "truncated" in proc.stderr and "Traceback" not in proc.stderr


def test_user_face_replacing_a_role_is_used(small_ttc):
    fonts = default_fontset().with_faces([FaceSpec("kai", str(small_ttc), 1)])
    assert fonts.face("kai").path == str(small_ttc)
    assert fonts.resolve(ord("楷"), "kai").role == "kai"
    assert fonts.resolve(ord("濮"), "kai").role == "song"  # not in the subset: falls back
