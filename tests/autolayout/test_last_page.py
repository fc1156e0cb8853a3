"""Every page of a long archive but the last full to its foot (issue 13, "Every page
full"): the story at a page's end is cut for a continuation even when the room the
stories before really leave is smaller than their smallest areas promise; the
continuation's 接题 band leaves no blank the page checker reads as a hole (the
接题 and its 上接 line are artifacts: bare ink to the checker, filling nothing).

The archives are written by ``tests/archive/textgen.py`` (real-like text in the
seed's shape, a daily's real length), at a fixed body so the test is one layout."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from autolayout_helpers import assert_invariants, assert_text_kept, pdfcheck_script

from layout import pipeline
from layout.archive.import_page import ImportResult, import_archive
from layout.autolayout import AutoLayout, auto_layout
from layout.autolayout.archive import Reprint, archive_header
from layout.autolayout.content import is_continuation, stories_from_archive
from layout.autolayout.copyfit import volume
from layout.autolayout.fill import FootHole
from layout.autolayout.shapes import Gauge
from layout.autolayout.template import BodyFit, loosened, template_path
from layout.cli.import_edition import write_edition
from layout.model.jumps import JumpKind
from layout.model.types import Header, Span, Story
from layout.place.items import TextItem
from layout.place.story import place_story
from layout.render.output import OutputOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from textgen import generate_seed

FIT = BodyFit(10.5, 1.49)  # broadsheet at 五号 x 1.49: seed-long 0 runs to a second page


class _Laid:
    """seed-long 0 imported, its stories and header, and laid out at ``FIT``."""

    def __init__(self, folder: Path):
        self.archive = folder / "seed-long-000.txt"
        self.archive.write_text(generate_seed(0, long=True), encoding="utf-8")
        self.imported: ImportResult = import_archive(self.archive)
        self.stories = stories_from_archive(self.imported.page)
        self.header: Header | None = archive_header(self.imported.yaml_text)
        self.template = loosened("broadsheet", FIT)
        self.result: AutoLayout = auto_layout(self.stories, self.template, self.template.fonts.fontset(),
                                              header=self.header)


@pytest.fixture(scope="module")
def seed_long_0(tmp_path_factory) -> _Laid:
    return _Laid(tmp_path_factory.mktemp("seed-long"))


def test_a_page_is_filled_by_a_cut_shorter_than_the_smallest_areas_promise(seed_long_0):
    """Broadsheet at 五号 x 1.49: two stories take 72 of the page's 88 rows, though
    their smallest areas leave room for nearly the whole third story; every cut of it
    that full was too big, and the page closed with 16 rows empty on all 8 columns.
    The longest part that really fits is found, the rest carried to page 2."""
    stories, result = seed_long_0.stories, seed_long_0.result
    first = result.metrics.pages[0]
    assert not first.foot and first.unfilled_rows == 0, first.notes
    assert result.continued, "the story at page 1's end runs on"
    assert is_continuation(result.pages[1][0])
    assert_text_kept(result, stories)
    assert_invariants(result, stories)


def _continuation(headline: str, w: int = 8) -> Story:
    """A part carried from page 1: its 接题 and text, ``w`` columns wide."""
    return Story(id="s-2", columns=Span(1, w), rows=Span(1, 30), text_columns=w, headline=(headline,),
                 headline_style="headline-3", jump_from=1, paragraphs=("正文的一段文字。" * 60,))


def test_the_up_jump_stands_beside_a_short_jump_head(broadsheet, fonts):
    """A 接题 with room at its right: （上接第1版） right-aligned on the band's last
    row, beside it, not on a row of its own under it (a band of 3 rows of bare ink
    under the page header's rule read as a hole wherever the first body line's ink
    dipped: a dash, lower-case Latin, next to a gutter)."""
    geo = broadsheet.geometry()
    story = _continuation("城东新区文明创建稳步推进")
    items, _result, _problems = place_story(story, broadsheet, geo, fonts)
    head = [it for it in items if isinstance(it, TextItem) and it.kind == "headline"]
    up = [it for it in items if isinstance(it, TextItem) and it.kind == JumpKind.UP]
    body = [it for it in items if isinstance(it, TextItem) and it.kind == "body"]
    assert len(head) == 1 and len(up) == 1 and head[0].artifact is not None and up[0].artifact is not None
    rows = Gauge(broadsheet, geo, fonts).head(story, 8, 8).rows
    band = head[0].baseline - max(b.baseline for b in body)
    assert rows == 2 and up[0].baseline > max(b.baseline for b in body) and band < 3 * geo.leading
    assert up[0].x + up[0].line.xs[0] > head[0].x + head[0].line.right + head[0].line.size


def test_a_long_jump_head_keeps_the_up_jump_under_it(broadsheet, fonts):
    """No room beside the 接题: the jump line keeps its own row under it."""
    geo = broadsheet.geometry()
    story = _continuation("城东新区文明创建工作稳步推进群众满意度持续提升", 2)
    items, _result, _problems = place_story(story, broadsheet, geo, fonts)
    head = [it for it in items if isinstance(it, TextItem) and it.kind == "headline"]
    up = [it for it in items if isinstance(it, TextItem) and it.kind == JumpKind.UP]
    assert up and up[0].baseline < min(h.baseline for h in head) - geo.leading / 2


def test_a_jump_head_fills_no_blank_beside_it(broadsheet, fonts):
    """The checker reads an artifact as bare ink: a 2-line 接题 two columns wide,
    its lines short of the measure, leaves a hole beside it down to the 上接 line
    (rich-raw-long-009 page 2), where the same lines as a headline fill their
    blank.  The model (``headgap``) says so, and the search prices it."""
    gauge = Gauge(broadsheet, broadsheet.geometry(), fonts)
    story = _continuation("清河村冬季供暖见到成效（评论员观察）", 2)
    jump_head = gauge.head(story, 2, 2)
    assert jump_head.headline_lines == 2 and jump_head.hole_at_top
    assert not gauge.head(replace(story, jump_from=None), 2, 2).hole_at_top


def test_a_page_before_the_last_with_an_empty_foot_is_no_full_page(seed_long_0):
    """Copyfit's volume counts a page before the last short when its foot is empty
    (it counted whole: a layout with page 1 82 % full and page 2 full read 2.000
    pages, and the leading search stopped there as if it had filled both)."""
    result = seed_long_0.result
    pages = result.metrics.pages
    assert len(pages) == 2 and not pages[0].foot
    rows = result.layouts[0].geometry().rows
    empty = FootHole("story2", 1, 8, 200.0, 60.0, 16.0, 95.0)
    short = replace(result, metrics=replace(result.metrics, pages=(
        replace(pages[0], fill_pct=90.0, foot=(empty,)), *pages[1:])))
    assert abs(volume(result) - volume(short) - 16 / rows) < 1e-9


def test_a_continued_part_is_counted_as_it_is_set(broadsheet, fonts):
    """A part carried on from another page starts mid-paragraph, set without the
    first-line indent (``Story.continued``); the shapes count its lines the same
    way.  A paragraph of exactly three lines' characters takes three lines
    unindented, four with the indent: the count the search uses and the lines
    the placer sets agree (they were a line apart, a column a line short)."""
    geo = broadsheet.geometry()
    gauge = Gauge(broadsheet, geo, fonts)
    per_line = int(gauge.text_width(1, 1) / geo.em + 1e-6)
    text = "城" * (3 * per_line - 1) + "。"
    story = Story(id="s-2", columns=Span(1, 1), rows=Span(1, 30), text_columns=1, continued=True,
                  paragraphs=(text, "后面的一段。"))
    _items, result, _problems = place_story(story, broadsheet, geo, fonts)
    assert gauge.body_lines(story, 1, 1) == result.body_lines == 4
    assert gauge.body_lines(replace(story, continued=False), 1, 1) == 5


def test_no_hole_beside_the_continuation_head_on_the_printed_page(seed_long_0, tmp_path):
    """Page 2 of the reprint as printed (the edition: 报眉, 接题, （上接第1版）),
    read back by the page checker: no hole under the header's rule beside the
    接题 band (rich-seed-long-000 page 2: the 接题 row and the 上接 row, both bare
    ink, over a first body line whose ink dipped beside a gutter read as a hole of
    3.0 lines x 3.3 ems).  The empty foot of this last page is the copy's end, not
    this test's (reported by the engine)."""
    laid = seed_long_0
    result = Reprint(laid.imported, laid.result, laid.template, template_path("broadsheet"), FIT)
    edition = write_edition(result, str(laid.archive), tmp_path / "edition.yaml", [str(laid.archive)])[-1]
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(pipeline.render_edition_file(edition, OutputOptions(pdfx=None), jobs=1).output.pdf)
    report = tmp_path / "p2.json"
    subprocess.run([sys.executable, str(pdfcheck_script()), str(pdf), "--pages", "2", "--json", str(report)],
                   capture_output=True, check=False, timeout=300)
    fill = json.loads(report.read_text(encoding="utf-8"))["pages"][0]["fill"]
    foot = fill["type_area"][1]
    up = [h for h in fill.get("hole_list", []) if h["bbox"][1] > foot + 1]  # holes not reaching the foot
    assert not up, up
    assert [bool(p.foot) for p in laid.result.metrics.pages] == [False, fill["holes"] > 0]
