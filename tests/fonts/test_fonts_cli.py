"""``layout fonts``: the listing, ``--check`` and its exit codes (0 full coverage,
1 characters missing, 2 bad input), user faces from ``--font``."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout.cli.fonts import parse_font_option
from layout.errors import LayoutError
from layout.fonts import ROLES

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt"


def test_listing_shows_every_role_with_gb2312_and_gbk_coverage(cli):
    r = cli("fonts")
    assert r.code == 0, r.err
    header, *rows = r.out.splitlines()
    assert "GB2312 Han /6763" in header and "GBK Han /" in header
    listed = {line.split()[0]: line for line in rows if not line.startswith("fallback")}
    assert set(listed) == set(ROLES)
    gbk_total = header.split("GBK Han /")[1].split()[0]
    for role, line in listed.items():
        cells = line.split()
        assert cells[-2] == "6763", role  # every GB 2312 Han character
        assert cells[-1] == gbk_total, role  # every GBK Han character (fonts are GBK subsets)
        assert int(cells[-3]) > 20000  # glyphs
    assert "fallback song: song -> hei -> kai" in r.out


@pytest.mark.skipif(not SEED.exists(), reason="seed text not present (../shared)")
def test_seed_text_has_full_coverage(cli):
    r = cli("fonts", "--check", str(SEED))
    assert r.code == 0, r.out + r.err
    assert "full coverage" in r.out and "missing" not in r.out


def test_character_outside_every_face_is_reported_with_its_code_point(cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("濮阳开发区\n人名：王\U00020000。私用\ue000区\n", encoding="utf-8")
    r = cli("fonts", "--check", str(f))
    assert r.code == 1
    assert "missing \U00020000 U+20000 (CJK UNIFIED IDEOGRAPH-20000) x1 at 2:5" in r.out
    assert "U+E000 (private use) x1 at 2:9" in r.out
    assert "2 character(s) no face covers" in r.out
    assert "full coverage" not in r.out


def test_not_utf8_names_the_byte_offset(cli, tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("第一行\n".encode() + "濮阳".encode("gbk"))
    r = cli("fonts", "--check", str(f))
    assert r.code == 2 and r.out == ""
    assert f"{f}:2:1: not UTF-8 text: byte 0xE5 at byte offset 10" in r.err


def test_unreadable_file_exits_2(cli, tmp_path):
    r = cli("fonts", "--check", str(tmp_path / "absent.txt"))
    assert r.code == 2 and "cannot read" in r.err and "absent.txt" in r.err


def test_utf8_bom_is_not_a_missing_character(cli, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "新闻".encode())
    r = cli("fonts", "--check", str(f))
    assert r.code == 0 and "full coverage (2 distinct characters)" in r.out


def test_user_font_from_a_collection_is_listed_and_used(cli, small_ttc, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("楷书濮阳", encoding="utf-8")
    r = cli(
        "fonts",
        "--font",
        f"tiny={small_ttc}:1",
        "--fallback",
        "tiny=kai",
        "--role",
        "tiny",
        "--check",
        str(f),
    )
    assert r.code == 0, r.err
    assert "2 character(s) from fallback face kai: 濮阳" in r.out
    r = cli("fonts", "--font", f"tiny={small_ttc}:1")
    assert r.code == 0
    line = next(x for x in r.out.splitlines() if x.startswith("tiny "))
    assert f"{small_ttc}:1" in line and "LXGW WenKai" in line


def test_parse_font_option():
    assert parse_font_option("song=/a/b.ttc:3") == parse_font_option("song=/a/b.ttc:3")
    spec = parse_font_option("ming=/a/b.ttc:3")
    assert (spec.role, spec.path, spec.index) == ("ming", "/a/b.ttc", 3)
    spec = parse_font_option("song=/a:b/c.ttf")
    assert (spec.path, spec.index) == ("/a:b/c.ttf", 0)
    for bad in ("song", "=x.ttf", "Song=x.ttf", "song="):
        with pytest.raises(LayoutError):
            parse_font_option(bad)


@pytest.mark.parametrize(
    "args",
    [
        ("--font", "song"),
        ("--fallback", "song="),
        ("--fallback", "song=ming"),
        ("--role", "ming", "--check", "x.txt"),
    ],
)
def test_bad_options_exit_2(cli, args):
    r = cli("fonts", *args)
    assert r.code == 2 and r.err.startswith("layout: error:")
