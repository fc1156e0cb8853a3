"""The blank beside a headline group, modelled (``autolayout.headgap``) and read
back from rendered pages by the page checker: a short headline over a short byline
line under a rule fills its blank (its ends stand clear of the raster); a 文包题
group short of the text beside it leaves a hole; a headline that fills its width
does not."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from storygen import corpus

from layout import pipeline
from layout.autolayout.headgap import _has_empty_rect
from layout.autolayout.realise import _story as realise_leaf
from layout.autolayout.search import Leaf
from layout.autolayout.shapes import Costs, Gauge, StoryShapes
from layout.model.types import Span, Story
from layout.render.output import OutputOptions

SENTENCES = corpus()


def _story(headline: str, byline_line: str | None = None) -> Story:
    return Story(id="s", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, headline=(headline,),
                 headline_style="headline-2", byline_line=byline_line, paragraphs=("正文。" * 40,))


def _checker() -> Path:
    here = Path(__file__).resolve()
    found = next((p / "shared" / "tools" / "pdfcheck.py" for p in here.parents
                  if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
    if found is None:
        pytest.skip("../shared/tools/pdfcheck.py not found above the checkout")
    return found


def _filler(columns: int) -> Story:
    return Story(id="above", columns=Span(1, columns), rows=Span(1, 12), text_columns=columns,
                 headline=("全国文明城市创建工作再加压再推进",), paragraphs=tuple(SENTENCES[k % len(SENTENCES)] * 2
                                                                    for k in range(30)),
                 rules=("below",), balance=True)


def _holes_under_a_rule(tpl, story: Story, shape, tmp_path: Path) -> list[dict]:
    """The story placed at ``shape`` (all the page's columns wide) under a story
    and its rule, rendered and read back by the page checker: the holes reaching
    into the story, the checker's type area closed under it."""
    geo = tpl.geometry()
    assert shape.width == geo.columns
    placed = realise_leaf(Leaf(0, shape, 0, shape.width, shape.min_height), story, 1, 13, False, False)
    layout = replace(tpl, stories=(_filler(geo.columns), placed), header=None)
    pdf = tmp_path / "head.pdf"
    pdf.write_bytes(pipeline.render_layouts([layout], OutputOptions(pdfx=None)).pdf)
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        area = (min(c["x0"] for c in page.chars) - 4, page.height - max(c["bottom"] for c in page.chars) - 4,
                max(c["x1"] for c in page.chars) + 4, page.height - min(c["top"] for c in page.chars) + 4)
        marks = (story.label or story.headline[0])[:4]
        top = page.height - min(ln["top"] for ln in page.extract_text_lines() if marks in ln["text"].replace(" ", ""))
    report = tmp_path / "head.json"
    subprocess.run([sys.executable, str(_checker()), str(pdf), "--type-area", ",".join(f"{v:.2f}" for v in area),
                    "--json", str(report)], capture_output=True, check=False)
    holes = json.loads(report.read_text(encoding="utf-8"))["pages"][0]["fill"].get("hole_list", [])
    return [h for h in holes if h["bbox"][1] < top]


def _shape(tpl, fonts, story: Story, w: int, k: int, span: int | None):
    """The shortest shape of ``story`` at ``w`` columns and ``k`` text columns, with
    the group over ``span`` of them beside the text (None: over all); a 文包题 shape
    even where the model sees a hole (to render it)."""
    gauge = Gauge(tpl, tpl.geometry(), fonts)
    shapes = StoryShapes(story, gauge, Costs())
    if span is None:
        options = [sh for sh in shapes.shapes(w) if sh.text_columns == k and sh.photos is None and not sh.head_span]
    else:
        stepped = shapes.stepped(w, k)
        shapes._beside_head = lambda s, w_, k_, m: gauge.head(replace(s, headline_columns=Span(1, m),  # type: ignore
                                                                      head_beside=True), w_, k_)
        options = [sh for sh in shapes._beside(w, k, stepped, gauge.body_lines(story, w, k),
                                               gauge.body_keeps(story, w, k), 0.0)
                   if sh.head_span == span and sh.photos is None]
    return min(options, key=lambda sh: sh.min_height)


def test_short_headline_over_a_short_byline_line_fills_as_the_checker_reads_it(tabloid, fonts, tmp_path):
    """A short headline over a short byline line under a rule: its display lines
    stand on the raster (place.snap), so the checker's fill runs out from both ends
    and the blank beside the group is no hole -- on the rendered page and in the
    model.  Only a line whose end cannot be moved clear of the raster's pixel
    (``SNAPPED_CLEAR``) would leave one, as every line did before (old model)."""
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    story = _story("梦想从这里起航", "本报记者 王金勇")
    assert not gauge.head(story, 5, 5).hole_below_rule
    assert not _holes_under_a_rule(tabloid, story, _shape(tabloid, fonts, story, 5, 5, None), tmp_path)


def test_a_beside_group_short_of_the_text_beside_it_is_a_hole(tabloid, fonts, tmp_path):
    """文包题 (raw-119 of the fresh benchmark set): a label box on its own row, a
    headline about 3 ems short of the text beside the group and a shorter subtitle
    under it: nothing fills the strip between the headline's end and the text
    beside, above or below it, and the checker reads a hole there.  The model sees
    the whole gutter up to that text (it counted 0.8 em of it, and missed it), so
    the search does not offer the shape."""
    story = Story(id="s", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, label="法律援助",
                  headline=("北川高新区科技创新提速增效",), headline_style="headline-2",
                  subtitle="——城东新区推进乡村振兴工作纪实", byline="本报讯",
                  paragraphs=tuple(SENTENCES[(3 * k) % len(SENTENCES)] * 3 for k in range(7)))
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    assert gauge.head(replace(story, headline_columns=Span(1, 2), head_beside=True), 5, 5).hole_below_rule
    assert _holes_under_a_rule(tabloid, story, _shape(tabloid, fonts, story, 5, 5, 2), tmp_path)
    # one column narrower, the same group fills its strip: no hole, none in the model
    assert not gauge.head(replace(story, headline_columns=Span(1, 1), head_beside=True), 5, 5).hole_below_rule
    assert not _holes_under_a_rule(tabloid, story, _shape(tabloid, fonts, story, 5, 5, 1), tmp_path)


def test_a_headline_band_alone_leaves_no_hole(tabloid, fonts):
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    head = gauge.head(_story("全国文明城市创建工作再加压再推进"), 3, 3)
    assert not head.hole_below_rule and not head.hole_at_top
    assert head.headline_lines == 1


def test_head_measures_are_cached_and_shared_by_parts(tabloid, fonts):
    gauge = Gauge(tabloid, tabloid.geometry(), fonts)
    story = _story("梦想从这里起航")
    a = gauge.head(story, 3, 3)
    b = gauge.head(Story(**{**story.__dict__, "paragraphs": ("别的正文。",)}), 3, 3)
    assert a is b  # the headline group alone decides
    assert gauge.body_lines(story, 1, 1) > gauge.body_lines(story, 3, 3) // 2


def test_empty_rectangle_search_matches_brute_force():
    """``_has_empty_rect`` (erosion) against looking at every window."""
    rng = np.random.default_rng(3)
    for _ in range(300):
        rows, cols = (int(x) for x in rng.integers(1, 14, size=2))
        empty = rng.random((rows, cols)) < rng.uniform(0.6, 1.0)
        h, w = (int(x) for x in rng.integers(1, 9, size=2))
        want = any(empty[y:y + h, x:x + w].all() for y in range(rows - h + 1) for x in range(cols - w + 1))
        assert _has_empty_rect(empty, h, w) == want
