"""Jumps (转版): jump lines written by the engine with the pages' numbers, the text
carried whole and in order across hops, the continuation's overflow reported."""

from __future__ import annotations

import pdfplumber
from edition_helpers import copy_text, page_yaml, story_yaml, write

from layout.check.verify import fold, pdf_chars
from layout.cli import main
from layout.edition.loader import load_edition

LONG = copy_text(22, seed=7)
FILLER = story_yaml("f{n}", "4-5", "1-10", copy_text(1, seed=3), headline="社区新闻")


def _edition(tmp_path, last_rows: str = "1-60", numbers=(4, 6, 9), first_rows: str = "1-25"):
    pages = ""
    for i, n in enumerate(numbers):
        stories = story_yaml("a", "1-2", first_rows, LONG, headline="园区发展迈上新台阶") if i == 0 else \
            FILLER.format(n=i)
        pages += f"  - number: {n}\n    section: 要闻\n    editor: 王某\n    layout:\n" + page_yaml(stories, 6)
    jumps = (f"jumps:\n  - story: a\n    to:\n"
             f"      - {{page: {numbers[1]}, columns: 1-2, rows: 1-20, head: 园区发展}}\n"
             f"      - {{page: {numbers[2]}, columns: 1-3, rows: {last_rows}}}\n")
    return write(tmp_path, "edition.yaml", "edition:\n  paper: 开发区报\n  date: 2020-08-10\npages:\n" + pages + jumps)


def _furniture(pdf):
    with pdfplumber.open(pdf) as doc:
        return ["".join(c["text"] for c in p.chars if c.get("tag") == "Artifact") for p in doc.pages]


def test_multi_hop_jump_lines_carry_the_page_numbers(tmp_path):
    out = tmp_path / "ed.pdf"
    assert main(["render", str(_edition(tmp_path)), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    p4, p6, p9 = _furniture(out)
    assert "（下转第6版）" in p4
    assert "（上接第4版）" in p6 and "（下转第9版）" in p6 and "园区发展" in p6
    assert "（上接第6版）" in p9 and "园区发展迈上新台阶" in p9
    assert "下转" not in p9


def test_carried_text_is_whole_and_in_order(tmp_path):
    out = tmp_path / "ed.pdf"
    ed = _edition(tmp_path)
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    # the story's copy: everything left of the filler stories (grid columns 4-5)
    x4 = load_edition(ed).pages[1].layout.geometry().col_x(4)
    got = "".join(c.ch for c in pdf_chars(out) if c.page == 1 or c.x < x4 - 1)
    want = "".join(fold(ch) for p in LONG for ch in p)
    start = got.index(want[:10])
    assert got[start:start + len(want)] == want


def test_jump_line_is_small_right_aligned_and_on_the_last_row(tmp_path):
    out = tmp_path / "ed.pdf"
    assert main(["render", str(_edition(tmp_path)), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    with pdfplumber.open(out) as doc:
        page = doc.pages[0]
        jump = [c for c in page.chars if c.get("tag") == "Artifact" and c["text"] in "（下转第6版）"
                and c["top"] > page.height / 3]
        body = [c for c in page.chars if c.get("tag") != "Artifact" and c["size"] == 9.0]
    assert jump and all(c["size"] < 9.0 for c in jump)
    assert "Sans" in jump[0]["fontname"]  # 黑体
    # right-aligned on the column's right edge, below every body line of that column
    column = [c for c in body if c["x0"] > jump[0]["x0"] - 80]
    assert abs(max(c["x1"] for c in jump) - max(c["x1"] for c in column)) < 1.0
    assert min(c["top"] for c in jump) > max(c["top"] for c in column)


def test_continuation_overflow_is_reported(tmp_path, capsys):
    out = tmp_path / "ed.pdf"
    ed = _edition(tmp_path, last_rows="1-8")
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    err = capsys.readouterr().err
    assert "story 'a' on 第9版:" in err and "do not fit" in err
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none", "--strict"]) == 1


def test_a_jump_line_is_never_split():
    from edition_helpers import ROOT

    from layout.model import load_layout
    from layout.model.jumps import jump_style
    from layout.place.jumps import jump_line

    layout = load_layout(ROOT / "samples" / "kaifaqu-news.yaml")
    style, fonts = jump_style(layout.styles), layout.fonts.fontset()
    for width in (126.0, 54.0, 36.0):
        line = jump_line("（下转第123版）", style, width, fonts)
        assert line.text == "（下转第123版）" and line.right <= width + 0.01


def test_placing_on_several_processes_gives_the_same_pages(tmp_path):
    from layout.edition.place import place_edition

    edition = load_edition(_edition(tmp_path))
    one, two = place_edition(edition, jobs=1), place_edition(edition, jobs=2)
    assert [p.items for p in one] == [p.items for p in two]


def test_pages_wait_only_for_the_pages_their_continuations_come_from(tmp_path):
    """第6版 continues 第4版's story, 第9版 the continuation on 第6版 (a second hop):
    placed and rendered on any number of processes, the same pages and bytes."""
    from layout.edition.output import EditionOutput, place_and_render
    from layout.edition.place import page_sources, place_edition

    edition = load_edition(_edition(tmp_path))
    assert page_sources(edition) == [(), (0,), (1,)]
    alone = place_edition(edition, jobs=1)
    runs = [place_and_render(edition, EditionOutput(pdfx=None, jobs=jobs, plates=False), keep_items=keep)
            for jobs, keep in ((1, True), (2, False), (3, True))]
    assert runs[0][0] == alone  # placed as place_edition places them
    assert runs[0][1] == runs[1][1] == runs[2][1]  # the same edition bytes
    assert [p.items for p in runs[2][0]] == [p.items for p in alone]
    assert all(p.items == () for p in runs[1][0])  # without items: what a report needs only
    assert [p.stories for p in runs[1][0]] == [p.stories for p in alone]
    assert [p.problems for p in runs[1][0]] == [p.problems for p in alone]


def test_header_mirrored_page_number_on_the_outer_edge(tmp_path):
    out = tmp_path / "ed.pdf"
    assert main(["render", str(_edition(tmp_path)), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    with pdfplumber.open(out) as doc:
        for page, number in zip(doc.pages, (4, 6, 9), strict=True):
            text = "".join(c["text"] for c in page.chars)
            at = text.index(f"第{number}版")
            x = page.chars[at]["x0"]
            assert (x < page.width / 2) == (number % 2 == 0), number  # even: left, odd: right


def test_an_unused_continuation_says_the_rows_left_exactly(tmp_path, capsys):
    """The last area is bigger than the text carried into it: a warning with the
    story, the page and the rows left (--strict: exit 1); the area made that much
    smaller: no warning, nothing over, --strict passes."""
    import re

    out = tmp_path / "ed.pdf"
    assert main(["render", str(_edition(tmp_path)), "-o", str(out), "-q", "--pdfx", "none", "--strict"]) == 1
    err = capsys.readouterr().err
    found = re.search(r"edition.yaml:\d+:\d+: unused continuation: story 'a' on 第9版 runs out with (\d+) rows of "
                      r"its area empty \(rows (\d+)-60\)", err)
    assert found, err
    left, first = int(found[1]), int(found[2])
    assert left >= 2 and first == 61 - left
    tight = _edition(tmp_path, last_rows=f"1-{60 - left + 1}")
    assert main(["render", str(tight), "-o", str(out), "-q", "--pdfx", "none", "--strict"]) == 0
    err = capsys.readouterr().err
    assert "unused continuation" not in err and "do not fit" not in err


def test_linked_parts_jumped_too_early_and_unused(tmp_path, capsys):
    """A linked first part that leaves room in its area although it jumps, and a
    linked continuation shorter than its area: both said, at their stories'
    lines, the underfill note of those stories replaced (--strict: exit 1)."""
    ed, _first, _rest = _linked(tmp_path)
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    err = capsys.readouterr().err
    assert "edition.yaml:10:11: jumped too early: story 'a' on 第3版 jumps to 第4版 with" in err
    assert "edition.yaml:35:11: unused continuation: story 'b' on 第4版 (continuing 'a') runs out with" in err
    assert "story 'a': underfill" not in err and "story 'b': underfill" not in err
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none", "--strict"]) == 1


def test_an_overflowing_linked_continuation_names_page_and_story(tmp_path, capsys):
    ed, _first, _rest = _linked(tmp_path)
    text = ed.read_text(encoding="utf-8").replace("- id: b\n          columns: 1-3\n          rows: 1-20",
                                                  "- id: b\n          columns: 1-3\n          rows: 1-3")
    assert "rows: 1-3\n" in text
    ed.write_text(text, encoding="utf-8")
    assert main(["render", str(ed), "-o", str(tmp_path / "ed.pdf"), "-q", "--pdfx", "none"]) == 0
    err = capsys.readouterr().err
    assert "edition.yaml:35:11: story 'b' on 第4版 (continuing 'a'):" in err and "do not fit" in err
    assert "unused continuation" not in err


def test_a_jump_before_a_third_of_the_story_is_reported(tmp_path, capsys):
    out = tmp_path / "ed.pdf"
    assert main(["render", str(_edition(tmp_path, first_rows="1-8")), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    assert "runs on 第4版 before the jump" in capsys.readouterr().err
    assert main(["render", str(_edition(tmp_path)), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    assert "before the jump" not in capsys.readouterr().err


def _linked(tmp_path, mid: bool = True):
    """Two pages: story a's first part on 第3版 linked to story b, its continuation on
    第4版 (the form ``layout reprint --yaml-dir`` writes: each part's text in its
    page file).  The continuation opens mid-paragraph."""
    first, rest = copy_text(4, seed=11), copy_text(3, seed=12)
    p1 = story_yaml("a", "1-3", "1-30", first, headline="园区发展迈上新台阶") + FILLER.format(n=1)
    p2 = "- id: b\n  columns: 1-3\n  rows: 1-20\n  balance: true\n  body: |\n" + "".join(
        f"      {p}\n\n" for p in rest) + FILLER.format(n=2)
    pages = "".join(f"  - number: {n}\n    section: 要闻\n    layout:\n" + page_yaml(s, 6)
                    for n, s in ((3, p1), (4, p2)))
    link = f"{{page: 4, story: b{', mid_paragraph: true' if mid else ''}}}"
    return write(tmp_path, "edition.yaml", "edition:\n  paper: 开发区报\n  date: 2020-08-10\npages:\n" + pages
                 + f"jumps:\n  - story: a\n    to: {link}\n"), first, rest


def test_linked_parts_get_jump_lines_a_head_and_one_article(tmp_path):
    import pikepdf

    ed, first, rest = _linked(tmp_path)
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0  # no bleed: x as on the grid
    p3, p4 = _furniture(out)
    assert "（下转第4版）" in p3
    assert p4.index("园区发展迈上新台阶") < p4.index("（上接第3版）")  # the 接题, then the jump line
    copy = "".join(c.ch for c in pdf_chars(out))
    assert "".join(first).replace("\n", "") in copy and rest[0] in copy  # each part's own text, whole
    opener, column = _opener(out)
    assert opener["text"] == rest[0][0]
    assert abs(opener["x0"] - column) < 0.5  # mid_paragraph: no first-line indent
    with pikepdf.open(out) as doc:
        arts = [k for k in doc.Root.StructTreeRoot.K.K if k.S == "/Art"]
        a = next(k for k in arts if str(k.T) == "a")
        assert {doc.pages.index(pikepdf.Page(mcr.Pg)) for mcr in a.K} == {0, 1}  # one article over both pages
        assert "b" not in [str(k.T) for k in arts]


def test_a_linked_part_without_mid_paragraph_is_indented(tmp_path):
    ed, _first, rest = _linked(tmp_path, mid=False)
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    opener, column = _opener(out)
    assert opener["text"] == rest[0][0] and opener["x0"] > column + 5  # a paragraph's indent


def _opener(pdf):
    """The first character of copy on the second page, and the left edge of the
    line under it (a line inside the paragraph: no indent)."""
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[1].chars if c.get("tag") != "Artifact"]
    first = chars[0]
    below = min((c["top"] for c in chars if c["top"] > first["top"] + 1), default=None)
    assert below is not None
    return first, min(c["x0"] for c in chars if abs(c["top"] - below) < 0.5 and c["x0"] < first["x0"] + 50)


def test_linked_parts_over_three_pages(tmp_path):
    """A story linked on twice (``to:`` a list): the middle part gets both lines."""
    parts = [copy_text(3, seed=20 + k) for k in range(3)]
    pages = ""
    for n, (sid, text) in enumerate(zip("abc", parts, strict=True), 5):
        story = story_yaml(sid, "1-3", "1-30", text, headline="园区发展迈上新台阶") if sid == "a" else (
            f"- id: {sid}\n  columns: 1-3\n  rows: 1-30\n  body: |\n" + "".join(f"      {p}\n\n" for p in text))
        pages += f"  - number: {n}\n    section: 要闻\n    layout:\n" + page_yaml(story, 6)
    ed = write(tmp_path, "edition.yaml", "edition:\n  paper: 开发区报\npages:\n" + pages
               + "jumps:\n  - story: a\n    to: [{page: 6, story: b}, {page: 7, story: c, head: 园区发展}]\n")
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    p5, p6, p7 = _furniture(out)
    assert "（下转第6版）" in p5 and "上接" not in p5
    assert "园区发展迈上新台阶（上接第5版）" in p6 and "（下转第7版）" in p6
    assert "园区发展（上接第6版）" in p7 and "下转" not in p7


def test_the_jump_line_element_is_set_by_the_placer_and_numbered_later():
    """``Story.jump_to`` / ``jump_from`` (page not known yet: 0) are set by the
    placer as one line each of their kind, right-aligned, on the grid, artifacts;
    ``place.jumps.resolve`` writes the numbers in the same place afterwards (a
    reprint's pages are numbered once all are laid out)."""
    from dataclasses import replace

    from edition_helpers import ROOT

    from layout.model import load_layout
    from layout.model.jumps import JUMP_ARTIFACT, UNKNOWN, JumpKind, jump_styles
    from layout.model.types import Span, Story
    from layout.place import place_page
    from layout.place.items import TextItem
    from layout.place.jumps import resolve

    layout = load_layout(ROOT / "samples" / "kaifaqu-news.yaml")
    geo, fonts = layout.geometry(), layout.fonts.fontset()
    part = Story(id="p", columns=Span(1, 2), rows=Span(1, 20), text_columns=2, headline=("园区发展",),
                 headline_style="headline-3", paragraphs=tuple(copy_text(2, seed=4)), jump_to=UNKNOWN,
                 jump_from=UNKNOWN)
    placed = place_page(replace(layout, stories=(part,)), fonts, header=False)
    jumps = [it for it in placed.items if isinstance(it, TextItem) and it.kind in (JumpKind.DOWN, JumpKind.UP)]
    assert [j.kind for j in jumps] == [JumpKind.UP, JumpKind.DOWN]  # reading order: under the head, at the end
    assert all(j.artifact == JUMP_ARTIFACT and j.line.text.endswith("第0版）") for j in jumps)
    up, down = jumps
    body = [it for it in placed.items if isinstance(it, TextItem) and it.kind == "body"]
    heads = [it for it in placed.items if isinstance(it, TextItem) and it.kind == "headline"]
    assert geo.row_at(up.baseline) >= max(geo.row_at(h.baseline) for h in heads)  # the 接题's last row: room there
    assert up.x + up.line.xs[0] > max(h.x + h.line.right for h in heads)  # beside the short 接题, clear of it
    assert geo.row_at(up.baseline) < min(geo.row_at(b.baseline) for b in body)
    assert geo.row_at(down.baseline) > max(geo.row_at(b.baseline) for b in body if b.x == down.x)
    size = jump_styles(layout.styles)["jump"].size
    for j in jumps:
        assert abs(j.baseline - geo.baseline(geo.row_at(j.baseline), size)) < 0.01  # on the grid
        assert abs(j.line.right - j.line.measure) < 0.6  # right-aligned in its measure, one line
    assert abs(up.x + up.line.measure - geo.col_x1(2)) < 0.01  # the head's measure: the story's width
    done = resolve(placed.items, {("p", JumpKind.DOWN): 12, ("p", JumpKind.UP): 3}, layout.styles, fonts)
    texts = [it.line.text for it in done if isinstance(it, TextItem) and it.kind in (JumpKind.DOWN, JumpKind.UP)]
    assert texts == ["（上接第3版）", "（下转第12版）"]
    moved = [(it.x, it.baseline) for it in done if isinstance(it, TextItem) and it.kind in (JumpKind.DOWN, JumpKind.UP)]
    assert moved == [(up.x, up.baseline), (down.x, down.baseline)]


def test_a_page_rendered_alone_prints_its_own_jump_lines_and_head(tmp_path, capsys):
    """A part of a continued story written in a page file (``jump_from:``,
    ``jump_to:``, ``continued:`` -- what reprint --yaml-dir writes) rendered alone:
    its headline is the 接题 (jump-head style, an artifact) over （上接第3版）, its
    text opens without an indent, （下转第5版） closes it; rendered in an edition the
    edition's numbers win."""
    rest = copy_text(6, seed=12)
    story = ("- id: b\n  columns: 1-3\n  rows: 1-16\n  jump_from: 3\n  jump_to: 5\n  continued: true\n"
             "  headline: 园区发展迈上新台阶\n  body: |\n" + "".join(f"    {p}\n\n" for p in rest))
    page = write(tmp_path, "page.yaml", "header:\n  title: 要闻\n" + page_yaml(story))
    out = tmp_path / "alone.pdf"
    assert main(["render", str(page), "-o", str(out), "--pdfx", "none"]) == 0
    (furniture,) = _furniture(out)
    assert furniture.startswith("园区发展迈上新台阶（上接第3版）") and furniture.endswith("（下转第5版）")
    with pdfplumber.open(out) as doc:
        copy = "".join(c["text"] for c in doc.pages[0].chars if c.get("tag") != "Artifact")
        head = [c for c in doc.pages[0].chars if c["text"] == "园"][0]
    assert "园区发展迈上新台阶" not in copy and copy.startswith("要闻" + rest[0][:10])  # the 报眉, then the text
    assert head["size"] < 20  # the jump-head style (the house's third headline rank), not the lead's
    opener, column = _opener_on(out, 0)
    assert abs(opener["x0"] - column) < 0.5  # continued: no first-line indent
    ed = write(tmp_path, "edition.yaml", "edition:\n  paper: 开发区报\npages:\n  - number: 8\n    file: page.yaml\n")
    assert main(["render", str(ed), "-o", str(out), "--pdfx", "none", "-q"]) == 0
    assert "（上接第3版）" in _furniture(out)[0]  # no jump in the edition: the page's own lines stay


def _opener_on(pdf, n):
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[n].chars if c.get("tag") != "Artifact" and c["top"] > 60]
    first = chars[0]
    below = min(c["top"] for c in chars if c["top"] > first["top"] + 1)
    return first, min(c["x0"] for c in chars if abs(c["top"] - below) < 0.5 and c["x0"] < first["x0"] + 50)
