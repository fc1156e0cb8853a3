"""Faces: every bundled face loads with metrics read from the font; the compact form
answers like the full table; the disk cache round-trips; ink sides come from the
glyph outlines (spec typography.md §2)."""

from __future__ import annotations

import os
import pickle

import pytest
from fontTools.ttLib import TTFont

from layout.cache import cache_dir
from layout.fonts import ROLES, Face, load_face
from layout.fonts.face import pack_advances
from layout.fonts.loader import clear_memory_cache


@pytest.mark.parametrize("role", ROLES)
def test_bundled_face_loads_with_its_own_metrics(fonts, role):
    face = fonts.face(role)
    assert face.role == role
    assert face.glyph_count > 20000
    assert face.units_per_em > 0
    assert 0.7 < face.ascent < 1.2 and -0.4 < face.descent < 0
    for ch in "中国濮阳开发区，。、“”（）《》ABCabc0123":
        assert face.covers(ord(ch)), ch
    assert face.advance(ord("中")) == 1.0
    assert 0.3 < face.advance(ord("a")) < 0.8  # Latin is proportional
    assert not face.covers(0x20000) and face.advance(0x20000) == 0.0


def test_compact_metrics_match_the_font_tables(fonts):
    """Every code point of the cmap: covered, with the hmtx advance; nothing else."""
    face = fonts.face("kai")
    font = TTFont(face.path, lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    upem = font["head"].unitsPerEm
    for cp, gname in cmap.items():
        assert face.covers(cp)
        assert face.advance(cp) == pytest.approx(hmtx[gname][0] / upem)
    assert face.char_count == len(cmap)
    assert list(face.codepoints()) == sorted(cmap)


def test_pack_advances_keeps_exceptions_and_astral():
    adv = {0x4E2D: 1.0, 0x6587: 1.0, 0x61: 0.5, 0x20000: 1.0, 0x1F600: 1.25}
    packed = pack_advances(adv)
    face = Face(
        "t", "T", "t.ttf", 0, "T", 1000, 0.88, -0.12, 5,
        default_advance=packed.default_advance, _bmp=packed.bmp, _astral=packed.astral,
        _widths=packed.widths,
    )  # fmt: skip
    assert packed.default_advance == 1.0 and packed.widths == {0x61: 0.5, 0x1F600: 1.25}
    assert {cp: face.advance(cp) for cp in adv} == adv
    assert list(face.codepoints()) == sorted(adv)
    assert not face.covers(0x62) and not face.covers(0x20001) and not face.covers(-1)


def test_face_pickles(fonts):
    face = fonts.face("song")
    back = pickle.loads(pickle.dumps(face))
    assert (back.role, back.name, back.family, back.glyph_count) == (
        face.role,
        face.name,
        face.family,
        face.glyph_count,
    )
    for cp in map(ord, "中，。（a"):
        assert back.advance(cp) == face.advance(cp)
        assert back.ink_extent(cp) == face.ink_extent(cp)


@pytest.mark.parametrize("ch", "，。、")
def test_song_marks_with_ink_on_the_left(fonts, ch):
    face = fonts.face("song")
    assert face.ink_side(ord(ch)) == "left"
    x0, x1 = face.ink_extent(ord(ch))
    assert face.blank_right(ord(ch)) == pytest.approx(face.advance(ord(ch)) - x1)
    assert face.blank_right(ord(ch)) > 0.5 and face.blank_left(ord(ch)) == pytest.approx(x0)


@pytest.mark.parametrize("ch", "（《“")
def test_song_opening_marks_with_ink_on_the_right(fonts, ch):
    face = fonts.face("song")
    assert face.ink_side(ord(ch)) == "right"
    assert face.blank_left(ord(ch)) > 0.4


def test_ink_extent_is_read_from_the_glyph_outline(fonts):
    """The recorded extent of ， equals the glyph's bounding box in the font file."""
    face = fonts.face("song")
    font = TTFont(face.path)
    gname = font.getBestCmap()[ord("，")]
    glyph = font["glyf"][gname]
    upem = font["head"].unitsPerEm
    assert face.ink_extent(ord("，")) == pytest.approx((glyph.xMin / upem, glyph.xMax / upem))
    assert face.ink_extent(ord("中")) is None  # ink is recorded for punctuation only


def test_disk_cache_round_trips_and_follows_the_file(font_copy, cache):
    cold = load_face(font_copy, "song")
    files = list(cache.glob("*.face"))
    assert cache_dir() == cache and len(files) == 1
    clear_memory_cache()
    warm = load_face(font_copy, "song")
    fresh = load_face(font_copy, "song", use_cache=False)
    for face in (warm, fresh):
        assert face._bmp == cold._bmp and face._widths == cold._widths and face._ink == cold._ink
        assert (face.name, face.ascent, face.descent, face.glyph_count) == (
            cold.name,
            cold.ascent,
            cold.descent,
            cold.glyph_count,
        )
    st = font_copy.stat()
    os.utime(font_copy, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # an edited font
    load_face(font_copy, "song")
    assert len(list(cache.glob("*.face"))) == 2


def test_damaged_cache_file_is_a_miss_not_an_error(font_copy, cache):
    load_face(font_copy, "song")
    (cfile,) = cache.glob("*.face")
    cfile.write_bytes(b"\x00garbage")
    clear_memory_cache()
    face = load_face(font_copy, "song")
    assert face.covers(ord("中")) and face.advance(ord("中")) == 1.0
