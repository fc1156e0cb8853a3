"""Issue 17: hostile fonts (class 13) refused at load with the YAML line (class 11);
library log lines routed through our messages (class 11); characters that cannot
be set reported with their place (class 14); options checked before work (class 7,
10)."""

from __future__ import annotations

import logging
import re

import hostile_fonts
import pytest
from hostile_helpers import PAGE, no_traceback, run, write


def _page_with_font(tmp_path, font):
    return write(tmp_path, "p.yaml", PAGE + f"fonts:\n  song: {font.name}\n")


def test_a_good_test_font_renders(tmp_path):
    font = hostile_fonts.build(tmp_path / "ok.ttf")
    r = run("render", str(_page_with_font(tmp_path, font)), "-o", str(tmp_path / "o.pdf"), "-q")
    assert r.code == 0, r.err  # the fixture itself is sound: the refusals below are about the flaw


@pytest.mark.parametrize("flaw, words", [({"advance": 0}, "advance width of 0"),
                                          ({"cycle": True}, "made of itself")])
def test_hostile_fonts_are_refused_at_the_yaml_line(tmp_path, flaw, words):
    font = hostile_fonts.build(tmp_path / "bad.ttf", **flaw)
    r = run("render", str(_page_with_font(tmp_path, font)), "-o", str(tmp_path / "o.pdf"))
    no_traceback(r)
    assert r.code == 2, r.err
    assert re.search(r"p\.yaml:\d+:\d+: font \S*bad\.ttf", r.err) and words in r.err, r.err
    assert not (tmp_path / "o.pdf").exists()


def test_fonts_command_refuses_a_hostile_font(tmp_path):
    font = hostile_fonts.build(tmp_path / "bad.ttf", advance=0)
    r = run("fonts", "--font", f"song={font}")
    assert r.code == 2 and "advance width of 0" in r.err


def test_library_log_lines_become_our_warnings(tmp_path, monkeypatch):
    """A fontTools warning during a command prints as 'layout: warning: fontTools: …', once."""
    from layout.cli import render

    real = render.run

    def noisy(args):
        for _ in range(3):
            logging.getLogger("fontTools.ttLib.tables._h_m_t_x").warning("too much 'hmtx' table data")
        return real(args)

    monkeypatch.setattr(render, "run", noisy)
    r = run("render", str(write(tmp_path, "p.yaml", PAGE)), "-o", str(tmp_path / "o.pdf"), "-q")
    assert r.code == 0
    assert r.err.count("layout: warning: fontTools: too much 'hmtx' table data") == 1, r.err


@pytest.mark.parametrize("ch", ["\x1c", "\x1d", "\x1e", "\x1f", "\x00", "\x1b", "\x7f", "\x85"])
def test_control_characters_in_a_body_file_are_reported_with_place(tmp_path, ch):
    write(tmp_path, "body.txt", f"第一段。\n\n第二{ch}段。\n")
    text = PAGE[: PAGE.index("    body: |")] + "    body_file: body.txt\n"
    r = run("render", str(write(tmp_path, "p.yaml", text)), "-o", str(tmp_path / "o.pdf"))
    assert r.code == 2, r.err
    assert f"U+{ord(ch):04X}" in r.err and "body.txt:3:3" in r.err, r.err


def test_control_characters_in_yaml_text_are_reported_with_place(tmp_path):
    escaped = PAGE.replace("headline: 河畔新建口袋公园开放", 'headline: "河畔\\x1f新建口袋公园开放"')
    r = run("render", str(write(tmp_path, "p.yaml", escaped)), "-o", str(tmp_path / "o.pdf"))
    assert r.code == 2 and "U+001F" in r.err and re.search(r"p\.yaml:\d+:\d+", r.err), r.err
    raw = PAGE.replace("口袋公园", "口袋\x1e公园")
    r = run("render", str(write(tmp_path, "p.yaml", raw)), "-o", str(tmp_path / "o.pdf"))
    line = raw[: raw.index("\x1e")].count("\n") + 1
    assert r.code == 2 and "U+001E" in r.err and f"p.yaml:{line}:" in r.err, r.err


def test_control_characters_in_galley_text(tmp_path):
    src = write(tmp_path, "g.txt", "一段\x1c文字。\n")
    r = run("galley", str(src), "-o", str(tmp_path / "g.pdf"))
    assert r.code == 2 and "g.txt:1:3" in r.err, r.err


@pytest.mark.parametrize("argv", [
    ["--dpi", "0"], ["--dpi", "-5"], ["--dpi", "3000"], ["--dpi", "1000000"],
])
def test_bad_dpi_exits_2_before_work(tmp_path, argv):
    p = write(tmp_path, "p.yaml", PAGE)
    r = run("render", str(p), "-o", str(tmp_path / "o.pdf"), "--png", str(tmp_path / "png"), *argv)
    no_traceback(r)
    assert r.code == 2, r.err
    assert not (tmp_path / "o.pdf").exists() and not (tmp_path / "png").exists()


def test_png_of_a_huge_page_is_refused_before_work(tmp_path):
    text = PAGE.replace("extends: house\n", "extends: house\npage:\n  size: [14000pt, 14000pt]\n")
    p = write(tmp_path, "p.yaml", text)
    r = run("render", str(p), "-o", str(tmp_path / "o.pdf"), "--png", str(tmp_path / "png"), "--dpi", "600")
    assert r.code == 2 and "Mpx PNG" in r.err, r.err
    assert not (tmp_path / "o.pdf").exists()


@pytest.mark.parametrize("argv", [
    ["--columns", "100000"], ["--columns", "60", "--measure", "30em"], ["--leading", "nan"],
    ["--leading", "inf"], ["--measure", "1e9pt"], ["--height", "nan"],
])
def test_bad_galley_options_exit_2_before_work(tmp_path, argv):
    src = write(tmp_path, "g.txt", "一段文字。\n")
    r = run("galley", str(src), "-o", str(tmp_path / "g.pdf"), *argv)
    no_traceback(r)
    assert r.code == 2, r.err
    assert not (tmp_path / "g.pdf").exists()


@pytest.mark.parametrize("size", ["[20000pt, 800pt]", "[.nan, 800pt]", "[.inf, 800pt]", "[1e308, 10]"])
def test_page_sizes_are_bounded(tmp_path, size):
    text = PAGE.replace("extends: house\n", f"extends: house\npage:\n  size: {size}\n")
    r = run("render", str(write(tmp_path, "p.yaml", text)), "-o", str(tmp_path / "o.pdf"))
    no_traceback(r)
    assert r.code == 2, r.err
    assert re.search(r"p\.yaml:\d+:\d+", r.err), r.err
