"""编者按 and 核心阅读 blocks (spec archives.md) are recognised as boxes and kept as
boxes all the way (issue 11: "nothing it recognised is flattened"): the recogniser
fills ``ArchivedStory.boxes``, ``layout import`` writes ``content: - box:`` items
that render back to the archive's text, and ``layout reprint`` frames them on the
page, read back from the PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
import yaml
from archive_helpers import DATA, visible
from hypothesis import given, settings
from hypothesis import strategies as st
from rawgen import generate

from layout.archive.normalize import normalize
from layout.archive.parse import parse_page
from layout.cli import main

HEAD = "清河日报\n\n守护万家温暖的人\n\n"
DATELINE = "本报讯 （记者 徐海燕）凌晨四点，供热站灯火通明。\n\n今年入冬以来，没有出现一起供热中断。\n"
OTHER = "清河日报\n\n第一个标题在这里\n\n本报讯 第一篇文章的正文写在这里。\n\n"

CASES = {  # archive text -> (story index, boxes as (title, paragraphs))
    "digest": (HEAD + "核心阅读\n\n今年以来，全镇供热面积增加了8.5%。\n\n供热站实行24小时值班。\n\n" + DATELINE,
               0, [("核心阅读", ["今年以来，全镇供热面积增加了8.5%。", "供热站实行24小时值班。"])]),
    "note": (HEAD + "编者按：冬季供暖关系千家万户。本报今起推出系列报道。\n\n" + DATELINE,
             0, [(None, ["编者按：冬季供暖关系千家万户。本报今起推出系列报道。"])]),
    "note over paragraphs": (
        HEAD + "编者按：冬季供暖关系千家万户。\n\n本报今起推出系列报道，记录基层的故事。\n\n敬请关注。——编 者\n\n" + DATELINE,
        0, [(None, ["编者按：冬季供暖关系千家万户。", "本报今起推出系列报道，记录基层的故事。", "敬请关注。——编 者"])]),
    "signed, no title": (HEAD + "冬季供暖关系千家万户。本报今起推出系列报道。——编者\n\n" + DATELINE,
                         0, [(None, ["冬季供暖关系千家万户。本报今起推出系列报道。——编者"])]),
    "signed, above the headline": (
        OTHER + "冬季供暖关系千家万户。本报今起推出系列报道。——编 者\n\n守护万家温暖的人\n\n" + DATELINE,
        1, [(None, ["冬季供暖关系千家万户。本报今起推出系列报道。——编 者"])]),
    "summary and note": (HEAD + "核心阅读\n\n全镇供热面积增加了8.5%。\n\n编者按：本报今起推出系列报道。\n\n" + DATELINE,
                         0, [("核心阅读", ["全镇供热面积增加了8.5%。"]), (None, ["编者按：本报今起推出系列报道。"])]),
    "note under its title": (HEAD + "【编者按】\n\n冬季供暖关系千家万户。本报今起推出系列报道。\n\n" + DATELINE,
                             0, [("【编者按】", ["冬季供暖关系千家万户。本报今起推出系列报道。"])]),
    "afterword stays in its story": (
        OTHER + "编后：这件事值得深思。——编 者\n\n守护万家温暖的人\n\n" + DATELINE, 1, []),
}


@pytest.mark.parametrize("name", CASES)
def test_blocks_are_recognised_as_boxes(name):
    text, n, boxes = CASES[name]
    page = parse_page(normalize(text).text)
    story = page.stories[n]
    assert story.headline == "守护万家温暖的人"
    assert [(b.title, list(b.paragraphs)) for b in story.boxes] == boxes
    # the dateline after the block is the byline again: the box is set before it
    assert story.byline == "本报讯 （记者 徐海燕）" and story.paragraphs[0] == "凌晨四点，供热站灯火通明。"
    assert not any(p in story.body() for _, paras in boxes for p in paras)  # not in the body too
    if name == "afterword stays in its story":
        assert page.stories[0].paragraphs[-1] == "编后：这件事值得深思。——编 者"
    spelled = "".join(t for _, _, t in page.positioned())  # nothing lost, nothing twice
    assert visible(spelled) == visible(normalize(text).text)


@pytest.mark.parametrize("name", ["raw-day-a.txt", "raw-day-b.txt", "generated"])
def test_imported_boxes_render_back_to_the_archive(tmp_path, capsys, name):
    """``layout import`` writes the boxes as ``content:`` box items; the layout
    renders and its PDF holds the archive's text exactly (the render's own check)."""
    src = tmp_path / "raw.txt"
    if name == "generated":
        src.write_text(generate(4).text, encoding="utf-8")  # 核心阅读 twice, 编者按 once
    else:
        src.write_bytes((DATA / name).read_bytes())
    page = tmp_path / "p.yaml"
    assert main(["import", str(src), "-o", str(page), "-q"]) == 0
    data = yaml.safe_load(page.read_text(encoding="utf-8"))
    boxes = [e["box"] for s in data["stories"] for e in s.get("content", ()) if "box" in e]
    assert boxes and all(b["text"] for b in boxes)
    texts = " ".join(b["text"] for b in boxes)
    raw = src.read_text(encoding="utf-8")
    assert ("编者按" in raw) == ("编者按" in texts)
    assert raw.count("核心阅读") == sum(b.get("title") == "核心阅读" for b in boxes)
    capsys.readouterr()
    assert main(["render", str(page), "-o", str(tmp_path / "p.pdf")]) == 0
    assert "checked: all" in capsys.readouterr().err


def _boxes_on_page(pdf_path: Path) -> list[tuple[str, set[str]]]:
    """(text, faces) of every line inside a drawn frame (a box; a label is framed
    too, so the tests use pages without labels), by frame and baseline; ``faces``
    of its characters other than quotation marks (those are set in 黑体)."""
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            frames = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects]
            lines: dict[tuple[int, float], list[dict]] = {}
            for c in page.chars:
                for i, (x0, top, x1, bottom) in enumerate(frames):
                    if x0 < c["x0"] and c["x1"] < x1 and top < c["top"] and c["bottom"] < bottom:
                        lines.setdefault((i, round(c["matrix"][5], 1)), []).append(c)
            for key in sorted(lines, key=lambda k: (k[0], -k[1])):
                chars = sorted(lines[key], key=lambda c: c["x0"])
                faces = {_face(c["fontname"]) for c in chars if c["text"] not in "“”‘’"}
                out.append(("".join(c["text"] for c in chars), faces))
    return out


def _face(fontname: str) -> str:
    return next((f for f in ("Kai", "Sans", "Serif") if f in fontname), fontname)


def _pdfcheck(pdf: Path, source: Path) -> dict | None:
    checker = next((p / "shared" / "tools" / "pdfcheck.py" for p in Path(__file__).resolve().parents[2:]
                    if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
    if checker is None:
        return None
    r = subprocess.run([sys.executable, str(checker), str(pdf), "--source", str(source), "--no-fill"],
                       capture_output=True, text=True, timeout=120)
    return json.loads(r.stdout)


@pytest.mark.parametrize("seed", [44, 48])
def test_reprint_frames_the_boxes_and_passes_the_page_bar(tmp_path, seed):
    """Generated archives with a 核心阅读 block and an editor's note: the reprint
    frames both (核心阅读 in 黑体 and the summary in 楷体, the note in 楷体 after its
    lead-in 编者按： in 黑体, inside drawn frames), every character of the archive is in the PDF once (exit 0), the
    page YAML renders the same, and the shared checker finds no kinsoku break, no
    unjustified line, nothing off the grid and no orphan."""
    gen = generate(seed)
    assert not gen.controls  # planted control characters are replaced: the checker would count them
    assert not any(a.label for a in gen.expected)  # a label is framed too: none here
    src = tmp_path / "raw.txt"
    src.write_text(gen.text, encoding="utf-8")
    out, pages = tmp_path / "r.pdf", tmp_path / "pages"
    assert main(["reprint", str(src), "-o", str(out), "-q", "--template", "tabloid", "--yaml-dir", str(pages)]) == 0
    boxed = _boxes_on_page(out)
    want = [(title, paras) for a in gen.expected for title, paras in a.boxes]
    assert {"核心阅读", "编者按"} <= {t or p[0][:3] for t, p in want}
    for title, paras in want:
        if title:
            assert any(text == title and fonts == {"Sans"} for text, fonts in boxed)
        first = paras[0][:8]
        # the summary in 楷体; a note in 楷体 after its lead-in 编者按： in 黑体
        faces = {"Kai", "Sans"} if first.startswith("编者按") else {"Kai"}
        assert any(text.startswith(first) and fonts == faces for text, fonts in boxed), first
    drawn = visible("".join(text for text, _ in boxed))
    assert drawn == visible("".join((t or "") + "".join(p) for t, p in want))  # each box once, whole
    again = tmp_path / "again.pdf"
    assert main(["render", *map(str, sorted(pages.glob("page*.yaml"))), "-o", str(again), "-q",
                 "--allow-path", str(tmp_path)]) == 0
    assert visible("".join(t for t, _ in _boxes_on_page(again))) == drawn
    rep = _pdfcheck(out, src)
    if rep is None:
        pytest.skip("../shared/tools/pdfcheck.py not beside the checkout")
    m, fid = rep["metrics"], rep["fidelity"]
    got = (fid["missing"], fid["extra"], rep["kinsoku"]["total"], m["just_dev_max"] <= 0.05, m["grid_off"],
           m["orphan_char_lines"])
    assert got == (0, 0, 0, True, 0, 0), rep["summary"]


@pytest.mark.parametrize(("note", "lead_in"), [("编者按：供暖关系千家万户。", "编者按："), ("【编者按】供暖{关系}千家万户。", "【编者按】"),
                                             ("编者按：{开头的括号}。", ""), ("编者按", "")])
def test_a_notes_lead_in_is_written_in_hei(tmp_path, note, lead_in):
    """编者按： run into the note's text is set in 黑体 (``{hei|…}``), the rest of the
    note escaped as any archive text: the layout reads back the archive's text."""
    from layout.autolayout.content import stories_from_archive
    from layout.model import load_layout
    from layout.model.markup import Mark

    src, path = tmp_path / "raw.txt", tmp_path / "p.yaml"
    src.write_text(HEAD + note + "\n\n" + DATELINE, encoding="utf-8")
    assert main(["import", str(src), "-o", str(path), "-q"]) == 0
    page = parse_page(normalize(src.read_text(encoding="utf-8")).text)
    (box,) = load_layout(path).stories[0].boxes
    assert box.title is None and [p.text for p in box.paragraphs] == [note]
    marks = [(e.start, e.end, e.mark) for e in box.paragraphs[0].marks]
    assert marks == ([(0, len(lead_in), Mark.HEI)] if lead_in else [])
    assert stories_from_archive(page)[0].boxes == (box,)  # the reprint sets what the import writes


def _long_boxed_archive() -> tuple[str, list[str]]:
    """A page whose first story (核心阅读 block, a subhead every fourth paragraph)
    runs over a tabloid page at the template's body; and its subheads."""
    from rawgen import SUBHEADS, _Writer

    w = _Writer(7, long=True)
    parts = ["清河日报", "守护万家温暖的人", "核心阅读", w.paragraph(1), "本报讯 （记者 徐海燕）" + w.paragraph()]
    subheads = []
    for n in range(40):
        if n % 4 == 3:
            subheads.append(SUBHEADS[n % len(SUBHEADS)])
            parts.append(subheads[-1])
        parts.append(w.paragraph())
    parts += ["临川县推出养老服务新举措", "本报讯 " + w.paragraph(), "（吴佳）"]
    return "\n\n".join(parts) + "\n", subheads


def test_a_continued_story_keeps_its_subheads_and_boxes_in_the_page_files(tmp_path, capsys):
    """A story with a box and subheads carried onto a second tabloid page (the
    template's body, no copyfit): the page files write every subhead as a subhead
    and the box once, on the first part (page 2 used to write the continued part's
    subheads as body paragraphs and repeat the box), and the pages render back to
    the archive's text."""
    from layout.archive.import_page import import_archive
    from layout.autolayout import auto_layout, load_template
    from layout.autolayout.archive import Reprint, archive_header, page_yamls
    from layout.autolayout.content import stories_from_archive
    from layout.autolayout.template import template_path

    text, subheads = _long_boxed_archive()
    src = tmp_path / "raw.txt"
    src.write_text(text, encoding="utf-8")
    imported = import_archive(src)
    tpl = load_template("tabloid")
    auto = auto_layout(stories_from_archive(imported.page), tpl, tpl.fonts.fontset(),
                       header=archive_header(imported.yaml_text))
    assert [c.story for c in auto.continued] == ["story1"]  # the case under test
    files = []
    for name, yaml_text in page_yamls(Reprint(imported, auto, tpl, template_path("tabloid")), "raw.txt"):
        (tmp_path / name).write_text(yaml_text, encoding="utf-8")
        files += [tmp_path / name] if name.startswith("page") else []
    pages = [[e for s in yaml.safe_load(f.read_text(encoding="utf-8"))["stories"] for e in s.get("content", ())]
             for f in files]
    assert len(pages) == 2
    assert [e["subhead"] for page in pages for e in page if "subhead" in e] == subheads
    assert any("subhead" in e for e in pages[1])  # the continued part's own subheads
    assert [e["box"]["title"] for page in pages for e in page if "box" in e] == ["核心阅读"]  # once, page 1
    assert any("box" in e for e in pages[0])
    capsys.readouterr()
    assert main(["render", *map(str, files), "-o", str(tmp_path / "again.pdf"), "--pdfx", "none"]) == 0
    assert "checked: all" in capsys.readouterr().err


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), extra=st.lists(st.sampled_from(
    ["编者按", "【编者按】", "编者按：这是一段说明。", "说明的第二段。", "这是一段说明。——编 者", "编后：值得深思。——编者",
     "核心阅读", "摘要一句。", "本报讯 今天开会。", "新的标题在这里", ""]), max_size=6), at=st.integers(0, 200))
def test_notes_anywhere_lose_nothing(seed, extra, at):
    """编者按 / 核心阅读 / signed notes dropped anywhere into a generated page: every
    visible character is in exactly one element, and the YAML holds exactly the
    elements' text (boxes included)."""
    from layout.archive.emit import emit_page
    from layout.archive.validate import page_text, text_problems
    from layout.errors import LayoutError

    lines = generate(seed).text.split("\n")
    k = at % (len(lines) + 1)
    normalized = normalize("\n".join(lines[:k] + extra + lines[k:]))
    try:
        page = parse_page(normalized.text)
    except LayoutError:
        return
    assert visible("".join(t for _, _, t in page.positioned())) == visible(normalized.text)
    assert all(b.paragraphs for s in page.stories for b in s.boxes)  # a box always has text
    assert text_problems(emit_page(page), page_text(page)) is None
