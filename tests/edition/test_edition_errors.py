"""Bad editions: a message with file:line:col, exit 2, and no PDF and no plate."""

from __future__ import annotations

import re

import pytest
from edition_helpers import copy_text, page_yaml, story_yaml, write

from layout.cli import main

ONE = story_yaml("a", "1-3", "1-30", copy_text(3, seed=1))
TWO = story_yaml("b", "1-3", "1-30", copy_text(3, seed=2))


def _edition(folder, pages: str, jumps: str = "", header: str = "") -> str:
    return "edition:\n  paper: 开发区报\n  date: 2020-08-10\n" + header + "pages:\n" + pages + jumps


def _inline(number: str = "", stories: str = ONE, section: str = "要闻") -> str:
    return f"  - section: {section}\n    editor: 王某\n{number}    layout:\n" + page_yaml(stories, indent=6)


CASES = {
    "missing page file": ("  - file: nowhere.yaml\n", "", r"edition\.yaml:5:\d+: page file 'nowhere.yaml' not found"),
    "two pages one number": (_inline("    number: 2\n") + _inline("    number: 2\n", TWO), "",
                             r"edition\.yaml:\d+:\d+: two pages are 第2版"),
    "no such page": (_inline() + _inline("", TWO),
                     "jumps:\n  - story: a\n    to: {page: 5, columns: 4-5, rows: 1-20}\n",
                     r"edition\.yaml:\d+:\d+: story 'a' continues on 第5版, but the edition has no such page"),
    "area taken": (_inline() + _inline("", TWO),
                   "jumps:\n  - story: a\n    to: {page: 2, columns: 2-4, rows: 10-20}\n",
                   r"edition\.yaml:\d+:\d+: continuation of 'a' on 第2版: the area is taken by story 'b'"),
    "cycle": (_inline() + _inline("", TWO),
              "jumps:\n  - story: a\n    to:\n      - {page: 2, columns: 4-5, rows: 1-20}\n"
              "      - {page: 1, columns: 4-5, rows: 1-20}\n",
              r"edition\.yaml:\d+:\d+: story 'a' would continue on 第1版, where it has already run: a cycle"),
    "backwards": (_inline() + _inline("", TWO),
                  "jumps:\n  - story: b\n    to: {page: 1, columns: 4-5, rows: 1-20}\n",
                  r"edition\.yaml:\d+:\d+: story 'b' would continue on 第1版, where it has already run|before"),
    "unknown story": (_inline(), "jumps:\n  - story: zz\n    to: {page: 1, columns: 4-5, rows: 1-20}\n",
                      r"edition\.yaml:\d+:\d+: no page of the edition has a story 'zz'"),
    "two areas share cells": (_inline() + _inline("", TWO) + _inline("", story_yaml("c", "1-3", "1-30", ["短文。"])),
                              "jumps:\n  - story: a\n    to: {page: 3, columns: 4-5, rows: 1-20}\n"
                              "  - story: b\n    to: {page: 3, columns: 4-5, rows: 15-30}\n",
                              r"edition\.yaml:\d+:\d+: continuation of 'b' on 第3版: the area is taken by "
                              r"the continuation of 'a'"),
    "unknown key": ("  - file: p.yaml\n    edtor: 王某\n", "", r"edition\.yaml:6:5: unknown key 'edtor'"),
    # the linked form (story:), as layout reprint --yaml-dir writes it
    "link to no such story": (_inline() + _inline("", TWO), "jumps:\n  - story: a\n    to: {page: 2, story: zz}\n",
                              r"edition\.yaml:\d+:\d+: continuation of 'a' on 第2版: 第2版 has no story 'zz'"),
    "link into a page that does not exist": (_inline() + _inline("", TWO),
                                             "jumps:\n  - story: a\n    to: {page: 7, story: b}\n",
                                             r"edition\.yaml:\d+:\d+: story 'a' continues on 第7版, but the "
                                             r"edition has no such page"),
    "link into a taken story": (_inline() + _inline() + _inline("", TWO),
                                "jumps:\n  - {story: a, from: 1, to: {page: 3, story: b}}\n"
                                "  - {story: a, from: 2, to: {page: 3, story: b}}\n",
                                r"edition\.yaml:\d+:\d+: story 'b' of 第3版 already continues 'a'.*area is taken"),
    "link cycle": (_inline() + _inline("", TWO),
                   "jumps:\n  - {story: a, to: {page: 2, story: b}}\n  - {story: b, to: {page: 1, story: a}}\n",
                   r"edition\.yaml:\d+:\d+: story 'b' would continue on 第1版, before 第2版"),
    "link with an area": (_inline() + _inline("", TWO),
                          "jumps:\n  - story: a\n    to: {page: 2, story: b, rows: 1-20}\n",
                          r"edition\.yaml:\d+:\d+: continuation of 'a' on 第2版: rows: and story: do not go"),
    "links and areas mixed": (_inline() + _inline("", TWO) + _inline("", story_yaml("c", "1-3", "1-30", ["短。"])),
                              "jumps:\n  - story: a\n    to:\n      - {page: 2, story: b}\n"
                              "      - {page: 3, columns: 4-5, rows: 1-20}\n",
                              r"edition\.yaml:\d+:\d+: story 'a': a jump either links stories"),
    "area without rows": (_inline() + _inline("", TWO), "jumps:\n  - story: a\n    to: {page: 2, columns: 4-5}\n",
                          r"edition\.yaml:\d+:\d+: continuation of 'a' on 第2版: no rows:"),
    "area off the grid": (_inline() + _inline("", TWO),
                          "jumps:\n  - story: a\n    to: {page: 2, columns: 4-9, rows: 1-20}\n",
                          r"edition\.yaml:\d+:\d+: continuation of 'a' on 第2版: columns 4-9 is outside the grid"),
    "jump from a page that does not exist": (_inline(), "jumps:\n  - {story: a, from: 4, to: {page: 1, story: a}}\n",
                                             r"edition\.yaml:\d+:\d+: jump from 第4版, but the edition has no "
                                             r"such page"),
    "bad header source": ("  - file: p.yaml\n", "", r"edition\.yaml:4:11: .*'pages' is not allowed; allowed: "
                          r"edition, page"),
    "broken page file": ("  - file: broken.yaml\n", "", r"broken\.yaml:2:\d+: "),
    # a part's own jump keys (what a page file of reprint --yaml-dir carries)
    "jump_from not a page number": (_inline("", ONE.replace("  headline:", "  jump_from: 第一版\n  headline:")), "",
                                    r"edition\.yaml:\d+:\d+: .*jump_from.*whole number"),
    "jump_to page 0": (_inline("", ONE.replace("  headline:", "  jump_to: 0\n  headline:")), "",
                       r"edition\.yaml:\d+:\d+: .*jump_to.*0"),
    "continued not a yes or no": (_inline("", ONE.replace("  headline:", "  continued: 接上\n  headline:")), "",
                                  r"edition\.yaml:\d+:\d+: .*continued"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_edition_is_a_message_and_no_output(case, tmp_path, capsys):
    pages, jumps, message = CASES[case]
    write(tmp_path, "p.yaml", page_yaml(ONE))
    write(tmp_path, "broken.yaml", "extends: house\nstories: [{id: a, columns: 1-3}]\n")
    header = "  header: pages\n" if case == "bad header source" else ""
    ed = write(tmp_path, "edition.yaml", _edition(tmp_path, pages, jumps, header))
    out, plates = tmp_path / "out.pdf", tmp_path / "plates"
    code = main(["render", str(ed), "-o", str(out), "--plates", str(plates)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert re.search(message, err), err
    assert "Traceback" not in err
    assert not out.exists() and not plates.exists()


def test_old_output_is_not_clobbered(tmp_path):
    ed = write(tmp_path, "edition.yaml", _edition(tmp_path, "  - file: nowhere.yaml\n"))
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    assert main(["render", str(ed), "-o", str(out)]) == 2
    assert out.read_bytes() == b"old"


def test_plates_into_a_file_is_refused_before_anything_is_written(tmp_path, capsys):
    write(tmp_path, "p.yaml", page_yaml(ONE))
    ed = write(tmp_path, "edition.yaml", _edition(tmp_path, "  - file: p.yaml\n"))
    out, plates = tmp_path / "out.pdf", tmp_path / "plates"
    plates.write_text("not a folder")
    assert main(["render", str(ed), "-o", str(out), "--plates", str(plates)]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert not out.exists()
