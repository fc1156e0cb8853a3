"""Short copy (issue 13, "Every page full ... what cannot be filled is reported with
where and how much"): a page whose copy runs short at the loosest body copyfit
allows gets the levers a desk pulls -- pictures grown, headlines a size larger, more
room in their bands -- in that order; sizes keep their rank (page-layout.md rule
4); a page no lever fills says where and how much is left empty.  Archives are
our own wording, in the raw form of shared/spec/archives.md."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import yaml

from layout.autolayout.archive import reprint
from layout.autolayout.levers import ORDER, short_copy
from layout.autolayout.shapes import MAX_COLUMN_WHITE, Costs, Gauge, StoryShapes
from layout.autolayout.template import HEAD_SIZES, headline_styles, load_template, raised_heads
from layout.cli import main
from layout.model import load_layout
from layout.model.types import Photo, Span, Story

SENTENCES = (
    "社区今年围绕老旧小区改造开展了入户走访，收集意见建议三百余条。",
    "针对群众反映集中的问题，街道组织专人逐条梳理，能办的马上办。",
    "“楼道亮了，路也平了。”居民王大爷说。",
    "据介绍，下一步还将增设休闲座椅和充电设施，预计年底前完工。",
)


def _para(n: int, k: int = 0) -> str:
    return "".join(SENTENCES[(k + i) % len(SENTENCES)] for i in range(n))


def _short_archive(path: Path, photo: bool = False) -> Path:
    """Two short articles of a local page, raw: page line, headline, 副题, dateline
    paragraph, body with a numbered subhead, credits (about 650 characters: a third of an
    octavo page at 五号 leading 2.0)."""
    caption = ["", "图为社区工作人员在小区里走访居民。本报记者 李平摄", ""] if photo else []
    lines = [
        "清河日报 2020年9月3日 第06版", "",
        "老旧小区换了新模样", "——清河街道推进民生实事见闻", "",
        "　　本报讯 （记者 李平 通讯员 周安）" + _para(5), "",
        "　　" + _para(4, 1), "",
        "一、把实事办到家门口", "",
        "　　" + _para(3, 2), "",
        *caption,
        "社区食堂开门迎客", "",
        "　　本报讯 （通讯员 马兰）" + _para(4, 3), "",
        "　　" + _para(3), "",
        "（周安 马兰）", "",
        "责任编辑：孙立",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_brief(path: Path) -> Path:
    """One commentary of three short paragraphs: far too little for any page."""
    text = ("东湖晚报 2020年6月12日 第12版 评论\n\n守住底线方能行稳致远（评论员观察）\n\n"
            "　　发展越快，越要把安全放在心上。\n\n　　制度要落到每个岗位。\n\n　　只有这样，发展才能走得稳。\n\n"
            "（作者为本报评论员）\n")
    path.write_text(text, encoding="utf-8")
    return path


def _headline_sizes(pdf: Path, heads: list[str]) -> list[float]:
    """The type size of each headline's first character, read from the PDF."""
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars
        text = "".join(c["text"] for c in chars)
        return [round(chars[text.index(h)]["size"], 1) for h in heads]


def test_raised_headlines_keep_their_rank():
    for name in ("tabloid", "broadsheet", "octavo"):
        tpl = load_template(name)
        for lever in (lv for lv in ORDER if lv.steps or lv.room):
            raised = raised_heads(tpl, lever.steps, lever.room)
            heads = [st for st in raised if st.name.startswith("headline")]
            assert [st.name for st in heads] == list(headline_styles(tpl))
            sizes = [st.size for st in heads]
            assert sizes == sorted(sizes, reverse=True)  # the lead's the largest, none grows down the page
            assert {st.name for st in raised} - {st.name for st in heads} <= {"kicker", "subtitle"}
            for st in raised:
                old = tpl.styles[st.name]
                assert st.size in HEAD_SIZES and st.size > old.size  # a 号 size, larger
                room = lever.room if st in heads else 0  # the room goes to the headline bands
                assert st.rows is not None and old.rows is not None and st.rows >= old.rows + room
                assert st.rows * tpl.grid.body.leading >= st.size


def test_a_short_page_is_filled_by_larger_headlines(tmp_path):
    """No picture: the headlines get larger until the page reaches its foot; every
    character printed once, the lead's headline the largest."""
    src = _short_archive(tmp_path / "short.txt")
    got = reprint(src)
    (page,) = got.layout.metrics.pages
    assert page.foot == () and page.holes == 0 and page.overflow_lines == 0, page.problems
    assert got.body is not None and got.body.styles  # the headlines were raised
    assert short_copy(got.layout) is not None
    out, folder = tmp_path / "short.pdf", tmp_path / "pages"
    assert main(["reprint", str(src), "-o", str(out), "-q", "--pdfx", "none", "--yaml-dir", str(folder)]) == 0
    lead, second = _headline_sizes(out, ["老旧小区换了新模样", "社区食堂开门迎客"])
    tpl = load_template(got.template_file.stem)
    assert lead > tpl.styles["headline"].size and lead > second  # larger than the template's, rank kept
    # the page file carries the raised styles: rendered alone it prints the same page
    page_yaml = next(p for p in folder.glob("page*.yaml"))
    keys = yaml.safe_load(page_yaml.read_text(encoding="utf-8"))
    assert keys["styles"]["headline"]["size"] == f"{lead:g}pt"
    again = tmp_path / "again.pdf"
    assert main(["render", str(page_yaml), "-o", str(again), "-q", "--pdfx", "none"]) == 0
    assert _headline_sizes(again, ["老旧小区换了新模样"]) == [lead]


def test_import_place_writes_the_raised_headlines(tmp_path):
    src = _short_archive(tmp_path / "short.txt")
    out = tmp_path / "short.yaml"
    assert main(["import", str(src), "-o", str(out), "-q", "--place", "auto"]) == 0
    layout = load_layout(out)
    raised = reprint(src).body
    assert raised is not None and raised.styles
    assert layout.styles["headline"].size == raised.styles[0].size
    pdf = tmp_path / "short.pdf"
    assert main(["render", str(out), "-o", str(pdf), "-q", "--pdfx", "none", "--strict"]) == 0


def test_a_picture_grows_past_its_text_only_as_a_lever():
    """``Costs.photo_grow``: a picture beside its text may run up to that many rows
    deeper than the text, never more than a column may end early; without it the
    picture is as deep as the text."""
    tpl = load_template("octavo")
    geo = tpl.geometry()
    gauge = Gauge(tpl, geo, tpl.fonts.fontset())
    story = Story(id="s", columns=Span(1, 3), rows=Span(1, 1), text_columns=3, headline=("社区食堂开门迎客",),
                  headline_style="headline-2", paragraphs=(_para(6),),
                  photos=(Photo(file=None, rows=Span(1, 1), caption="图为社区食堂里就餐的老人。", placeholder=True),))

    def flush(costs: Costs) -> set[tuple[int, int]]:
        """(photo rows, body rows) of the shapes with one band as deep as the story."""
        shapes = StoryShapes(story, gauge, costs).shapes(3)
        return {(sh.photos.bands[0], sh.body_rows) for sh in shapes
                if sh.photos is not None and len(sh.photos.bands) == 1 and sh.photos.bands[0] == sh.body_rows}

    plain, grown = flush(Costs()), flush(Costs(photo_grow=MAX_COLUMN_WHITE))
    assert plain and plain < grown
    deepest = max(r for r, _ in plain)
    assert max(r for r, _ in grown) <= deepest + MAX_COLUMN_WHITE


def test_a_page_no_lever_fills_is_reported(tmp_path, capsys):
    """Three sentences cannot fill a page at any size a paper would print: the
    levers are pulled, the page says how much is left empty under which story,
    and nothing is invented to fill it."""
    src = _one_brief(tmp_path / "brief.txt")
    got = reprint(src)
    (page,) = got.layout.metrics.pages
    (hole,) = page.foot
    assert hole.story == "story1" and hole.lines >= 10 and hole.ems >= 30
    # how much copy is missing, in the desk's unit: whole body lines of the columns under the hole
    geo = got.layout.placed[0].geometry
    per_line = int(geo.column_width / geo.em + 1e-6) * geo.columns
    assert abs(hole.chars - per_line * int(hole.lines)) <= per_line + 10
    assert any(note.startswith("story1: ") and f"room for about {hole.chars:,} characters" in note
               for note in page.notes)
    out = tmp_path / "brief.pdf"
    assert main(["reprint", str(src), "-o", str(out), "--pdfx", "none"]) == 0  # underfill is advisory
    err = capsys.readouterr().err
    assert "left empty below it" in err
    with pdfplumber.open(out) as doc:
        assert not doc.pages[0].images and not doc.pages[0].rects  # no picture frame invented
