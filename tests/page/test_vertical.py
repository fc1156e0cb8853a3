"""Vertical headlines (direction: vertical, place.vertical; issue 15): vertical
forms, 纵中横, turned Latin, reading order, the body beside, and the bad cases."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pdfplumber
import pytest

from layout.cli import main
from layout.fonts import default_fontset
from layout.model import load_layout
from layout.model.types import TextStyle
from layout.place import place_page
from layout.place.items import TextItem
from layout.place.vertical import cells

from .conftest import ROOT, write_layout

FONTS = default_fontset()
HEAD = TextStyle(name="headline", face="hei-bold", size=18.0, leading=24.0, rows=2, align="center")

PAGE = """
    extends: house
    header: {{title: 开发区新闻}}
    stories:
      - id: v
        columns: {columns}
        rows: 1-{rows}
        direction: vertical
        kicker: "开发区2020年“巧媳妇”工程"
        headline: "{headline}"
        byline: "本报讯 （记者 王金勇）"
        body: |
          8月4日，开发区妇联2020“巧媳妇”工程职业技能提升培训班在王助镇首期开班。此次培训为期10天。
        balance: true
"""


def _page(tmp_path, headline="职业技能提升培训班首期开班（G342沿线）", columns="1-3", rows=24):
    return write_layout(tmp_path, PAGE.format(headline=headline, columns=columns, rows=rows))


def test_marks_take_vertical_forms_digits_stand_together_latin_turns():
    got = cells("开班，（G342）“20”年。", HEAD, FONTS)
    drawn = [(c.text, c.turned, c.tcy) for c in got]
    assert drawn == [("开", False, False), ("班", False, False), ("\ufe10", False, False),
                     ("\ufe35", False, False), ("G342", True, False), ("\ufe36", False, False),
                     ("“", True, False), ("20", False, True), ("”", True, False), ("年", False, False),
                     ("\ufe12", False, False)]
    # the forms fold back to the marks as written: the text extracts as the source
    assert all(unicodedata.normalize("NFKC", c.text) == unicodedata.normalize("NFKC", c.source) for c in got)


def test_vertical_headline_reads_top_down_right_to_left_beside_the_body(tmp_path):
    placed = place_page(load_layout(_page(tmp_path)))
    heads = [it for it in placed.items if isinstance(it, TextItem) and it.kind in ("kicker", "headline")]
    text = "".join(it.line.text for it in heads)
    assert unicodedata.normalize("NFKC", text) == unicodedata.normalize(
        "NFKC", "开发区2020年“巧媳妇”工程职业技能提升培训班首期开班（G342沿线）")
    kinds = [it.kind for it in heads]
    assert kinds == sorted(kinds, key=lambda k: k != "kicker")  # kicker first, drawn before the headline
    kicker_x = {round(it.x) for it in heads if it.kind == "kicker" and not it.rotated}
    head_x = [it.x for it in heads if it.kind == "headline" and not it.rotated]
    assert min(kicker_x) > max(head_x)  # the kicker is the rightmost line: read first
    upright = [it for it in heads if it.kind == "headline" and not it.rotated and it.line.text == "职"]
    assert upright and any(it.rotated and it.line.text == "G342" for it in heads)
    body = [it for it in placed.items if isinstance(it, TextItem) and it.kind == "body"]
    assert max(it.x + it.line.measure for it in body) < min(it.x for it in heads)  # the body beside
    assert not [p for p in placed.problems if p.kind not in ("underfill",)]


def test_vertical_text_extracts_with_nothing_lost(tmp_path):
    out = tmp_path / "v.pdf"
    assert main(["render", str(_page(tmp_path)), "-o", str(out), "-q"]) == 0
    with pdfplumber.open(out) as pdf:
        chars = "".join(c["text"] for c in pdf.pages[0].chars)
    got = Counter(unicodedata.normalize("NFKC", chars).replace(" ", ""))
    want = Counter(unicodedata.normalize("NFKC", "开发区2020年“巧媳妇”工程职业技能提升培训班首期开班（G342沿线）"))
    assert not want - got


@pytest.mark.parametrize("rows, columns, message", [
    (1, "1-3", "does not fit the story's height"),
    (8, "1", "leaves"),
])
def test_vertical_headline_too_tall_or_too_wide_is_reported_and_strict_fails(tmp_path, rows, columns, message):
    page = _page(tmp_path, headline="职业技能提升培训班首期开班" * (1 if rows > 1 else 3), columns=columns,
                 rows=rows)
    placed = place_page(load_layout(page))
    assert any(p.kind == "vertical" and message in p.message for p in placed.problems), placed.problems
    assert main(["render", str(page), "-o", str(tmp_path / "o.pdf"), "-q", "--strict"]) == 1


def test_the_vertical_sample_renders_clean(tmp_path):
    out = tmp_path / "v.pdf"
    assert main(["render", str(ROOT / "samples" / "vertical-headline.yaml"), "-o", str(out), "-q", "--strict"]) == 0


def test_a_label_too_wide_beside_a_full_headline_stands_upright_left_of_it():
    from layout.place.items import BoxItem

    placed = place_page(load_layout(ROOT / "samples" / "kaifaqu-news.yaml"))
    label = [it for it in placed.items if isinstance(it, TextItem) and it.story == "wenming" and it.kind == "label"]
    head = [it for it in placed.items if isinstance(it, TextItem) and it.story == "wenming" and it.kind == "headline"]
    assert [it.line.text for it in label] == ["开", "发", "区"]
    assert len({round(it.x, 3) for it in label}) == 1  # one above the other
    assert label[0].baseline > label[1].baseline > label[2].baseline
    assert max(it.x + it.line.measure for it in label) < head[0].x + head[0].line.xs[0]  # left of the headline
    size = head[0].line.sizes[0]
    top, bottom = head[0].baseline + 0.88 * size, head[0].baseline - 0.12 * size
    assert top > label[0].baseline and label[2].baseline > bottom  # beside the headline, not a row above it
    frames = [it for it in placed.items if isinstance(it, BoxItem) and it.story == "wenming"]
    assert frames and frames[0].rect.x1 < head[0].x + head[0].line.xs[0]


def test_a_headline_given_as_lines_keeps_the_users_vertical_lines(tmp_path):
    page = write_layout(tmp_path, PAGE.format(headline="x", columns="1-3", rows=24).replace(
        'headline: "x"', "headline: [职业技能, 提升培训班首期开班]"))
    placed = place_page(load_layout(page))
    heads = [it for it in placed.items if isinstance(it, TextItem) and it.kind == "headline"]
    xs = sorted({round(it.x) for it in heads}, reverse=True)
    first = [it.line.text for it in heads if round(it.x) == xs[0]]
    assert "".join(first) == "职业技能" and len(xs) == 2
