"""Subhead pairs (spec archives.md: subheads come "in pairs: a short subhead and a
longer deck line below it"): recognised as a subhead and its deck, written and set as
one subhead of two lines -- the subhead above, the deck below, both display lines
kept with the text after them -- through ``import``, ``import --place`` and
``reprint``; nothing lost, duplicated or reordered.  Before, the automatic layout set
the subhead as a short indented paragraph over the deck (tuned long-021: the checker
read that line as its column's measure, 36 pt overfull).  Archive:
``data/forms-decks.txt`` (written for these tests)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pdfplumber
import yaml
from archive_helpers import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.archive.emit import emit_page
from layout.archive.import_page import recognise
from layout.archive.model import ArchivedPage, ArchivedStory, Subhead, SubheadKind, Where, subhead_groups
from layout.autolayout.content import archived_body, archived_flow, stories_from_archive
from layout.cli import main
from layout.model import load_layout
from layout.model.elements import Paragraph
from layout.model.elements import Subhead as SubheadElement

DECKS = DATA / "forms-decks.txt"
PAIRS = [("留住老味道", "城西片区把保留街巷肌理作为微改造的第一条原则来坚守"),
         ("三、让居民说了算", "议事会每月开一次，改什么怎么改都摆到桌面上商量"),
         ("小食堂里的大民生", "一份午餐管饱又管好，老人吃饭有了着落"),
         ("老人吃上热乎饭", "街道把社区食堂作为今年为民办实事的头一件事来办")]


def _reading(flow) -> tuple[str, ...]:
    """A flow as it reads: each paragraph, each line of a subhead."""
    return tuple(t for el in flow for t in (el.lines if isinstance(el, SubheadElement) else (el.text,)))


def test_a_pair_is_a_subhead_and_its_deck_below_a_lone_subhead_stays_alone():
    page, _, _ = recognise(DECKS)
    first, second = page.stories
    assert [(s.text, s.kind) for s in first.subheads] == [
        (PAIRS[0][0], SubheadKind.SUBHEAD), (PAIRS[0][1], SubheadKind.DECK), ("添上新功能", SubheadKind.SUBHEAD),
        (PAIRS[1][0], SubheadKind.SUBHEAD), (PAIRS[1][1], SubheadKind.DECK)]
    assert [s.kind for s in second.subheads] == [SubheadKind.SUBHEAD, SubheadKind.DECK] * 2
    assert subhead_groups(first.subheads) == ((0, 1), (2,), (3, 4))
    flow = stories_from_archive(page)[0].flow
    subs = [el.lines for el in flow if isinstance(el, SubheadElement)]
    assert subs == [PAIRS[0], ("添上新功能",), PAIRS[1]]
    assert all(isinstance(flow[i + 1], Paragraph) for i, el in enumerate(flow) if isinstance(el, SubheadElement))
    assert _reading(flow) == first.body()


def test_a_short_subhead_indented_as_the_text_is_is_no_department_label():
    """A subhead of a few characters over its deck, indented as the paragraphs are,
    inside a story: not a department label heading a new story (labels stand flush
    left; without indents the two are alike and the label reading stays)."""
    text = ("江滨日报 2020年5月12日 第06版\n\n社区食堂开进小巷\n\n　　本报记者 韩明远\n\n"
            "　　巷子深处的社区食堂开张一个月，每天中午都坐得满满当当。\n\n　　小食堂\n\n"
            "　　一份午餐管饱又管好，老人吃饭有了着落\n\n　　食堂每天供应三荤四素，老人用餐享受八折优惠。\n")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "a.txt"
        path.write_text(text, encoding="utf-8")
        page, _, _ = recognise(path)
        (story,) = page.stories
        assert [(s.text, s.kind) for s in story.subheads] == [
            ("小食堂", SubheadKind.SUBHEAD), ("一份午餐管饱又管好，老人吃饭有了着落", SubheadKind.DECK)]
        path.write_text(text.replace("　　小食堂", "小食堂"), encoding="utf-8")
        page, _, _ = recognise(path)
        assert len(page.stories) == 2 and page.stories[1].label == "小食堂"  # flush left: a label


def test_import_writes_a_pair_as_one_subhead_of_two_lines(tmp_path, capsys):
    src = tmp_path / DECKS.name
    src.write_bytes(DECKS.read_bytes())
    assert main(["import", str(src), "--no-place", "-o", str(tmp_path / "c.yaml"), "-q"]) == 0
    content = yaml.safe_load((tmp_path / "c.yaml").read_text(encoding="utf-8"))["stories"][0]["content"]
    subs = [item["subhead"] for item in content if "subhead" in item]
    assert subs == [list(PAIRS[0]), "添上新功能", list(PAIRS[1])]
    for args in ([], ["--place", "tabloid"]):
        assert main(["import", str(src), *args, "-o", str(tmp_path / "p.yaml"), "-q"]) == 0
        layout = load_layout(tmp_path / "p.yaml")
        subs = [el.lines for s in layout.stories for el in s.flow if isinstance(el, SubheadElement)]
        assert subs == [PAIRS[0], ("添上新功能",), *PAIRS[1:]], args
        capsys.readouterr()
        assert main(["render", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "p.pdf")]) == 0
        assert "checked: all" in capsys.readouterr().err


def test_reprint_sets_the_deck_under_its_subhead_kept_with_the_text(tmp_path):
    """Exit 0 (the reprint checks itself: nothing lost or added); each subhead's line,
    then its deck's first line one grid row below in the same column, both in the
    subhead's face, then the paragraph's first line."""
    src = tmp_path / DECKS.name
    src.write_bytes(DECKS.read_bytes())
    assert main(["reprint", str(src), "-o", str(tmp_path / "r.pdf"), "-q"]) == 0
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        words = pdf.pages[0].extract_words(keep_blank_chars=True, extra_attrs=["fontname", "size"])
    for sub, deck in PAIRS:
        (a,) = [w for w in words if w["text"] == sub]
        below = sorted((w for w in words if w["top"] > a["top"] + 1 and w["x0"] < a["x1"] and w["x1"] > a["x0"]),
                       key=lambda w: w["top"])
        b, text = below[0], below[1]
        assert deck.startswith(b["text"]) and b["fontname"] == a["fontname"] and "Sans" in a["fontname"]
        assert text["fontname"] != a["fontname"] or text["size"] != a["size"] or not deck.startswith(text["text"])
        pitch = b["top"] - a["top"]
        assert 0 < pitch < 2.5 * a["size"]  # the next grid row, not a column away


# ---------------------------------------------------------------- never lost, duplicated or reordered
SUB_TEXT = st.sampled_from(["守护一方碧水蓝天", "念好人才经", "小食堂", "一、建章立制", "算好民生账"])
DECK_TEXT = st.sampled_from(["南岭山区把老旧小区改造作为今年的重点工作来抓", "一份午餐管饱又管好，老人吃饭有了着落"])
PARA = st.sampled_from(["据介绍，河道清淤已经完成。", "“这项工作关系到每一户家庭。”居民说。", "截至4月底，全市已有256个项目提速增效。"])


@st.composite
def stories(draw) -> ArchivedStory:
    """A story's body: paragraphs, and before some of them a subhead, a subhead and
    its deck, or a lone line of either kind (the recogniser may leave a deck alone)."""
    paragraphs = draw(st.lists(PARA, min_size=1, max_size=6))
    subheads: list[Subhead] = []
    for i in range(len(paragraphs)):
        for kind in draw(st.lists(st.sampled_from([SubheadKind.SUBHEAD, SubheadKind.DECK]), max_size=3)):
            text = draw(SUB_TEXT if kind is SubheadKind.SUBHEAD else DECK_TEXT)
            subheads.append(Subhead(i, text, Where(1), kind))
    return ArchivedStory(label=None, kicker=None, headline="标题", subtitle=None, leads=(), byline=None,
                         byline_line=None, paragraphs=tuple(paragraphs), subheads=tuple(subheads), credit=None,
                         captions=(), notes=(), where=())


@settings(max_examples=200, deadline=None)
@given(stories())
def test_pairs_lose_duplicate_and_reorder_nothing(story):
    """The flow the automatic layout sets, the page YAML written from it and the
    YAML read back all read as the archive's body, line for line; a pair followed by
    text is one subhead of two lines; the placed flow maps back to the archive's
    subheads (kind and place) and paragraphs."""
    page = ArchivedPage(name="版", stories=(story,), notes=())
    assert _reading(archived_flow(story)) == story.body()
    (placed,) = stories_from_archive(page)
    if story.subheads:
        assert _reading(placed.flow) == story.body() and placed.paragraphs == tuple(el.text for el in placed.flow)
        for i, el in enumerate(placed.flow):
            if isinstance(el, SubheadElement):
                assert isinstance(placed.flow[i + 1], Paragraph)  # kept with text
    paragraphs, subheads = archived_body(story, placed)
    back = replace(story, paragraphs=paragraphs, subheads=subheads)
    assert back.body() == story.body()
    groups = [tuple(story.subheads[k] for k in g) for g in subhead_groups(story.subheads)]
    pairs = [tuple(s.text for s in g) for g in groups if len(g) == 2]
    set_pairs = [el.lines for el in placed.flow if isinstance(el, SubheadElement) and len(el.lines) == 2]
    rest = iter(pairs)
    assert all(p in rest for p in set_pairs)  # the pairs set as pairs, in the archive's order
    text = emit_page(replace(page, stories=(back,)), {"story1": {"columns": "1-5", "rows": "1-60"}}, {"extends": "house"})
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        got = load_layout(path).stories[0]
    assert (_reading(got.flow) if got.flow else got.paragraphs) == story.body()
    assert [el.lines for el in got.flow if isinstance(el, SubheadElement)] == [
        el.lines for el in placed.flow if isinstance(el, SubheadElement)]
