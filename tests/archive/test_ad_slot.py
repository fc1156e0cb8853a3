"""An archive's ad slot (a line ``广告``, also ``广　告``; spec archives.md) printed as
a newspaper prints one: a ruled, screened box with its label, no story furniture
(headline, byline, rules inside it), in ``layout reprint`` and in the YAML of
``layout import`` (``ad: true``) rendered by ``layout render``.  The label is the
archive's text: copy in the PDF, never an artifact.  Our own wording."""

from __future__ import annotations

import pdfplumber
import pytest
import yaml

from layout.archive.import_page import recognise
from layout.cli import main

ARCHIVE = """\
滨川日报 2026年3月4日 第06版

东湖公园樱花进入盛花期

　　本报讯 （记者 林一舟）连日来，东湖公园二千余株樱花相继开放，每天吸引大量市民前来赏花。公园管理处增设了临时停车点和志愿服务岗，提醒游客文明赏花、不攀折花枝。

　　据介绍，今年花期预计持续两周左右，公园将延长夜间开放时间至晚上九点。

广　告

社区食堂开到家门口

　　本报讯 （通讯员 许晴）城南街道第三家社区食堂近日开业，每天供应早餐和午餐，六十岁以上老人就餐享受八折优惠。

　　食堂负责人说，菜单每周更换一次，居民可以通过社区公众号提前预订。
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ad")
    path = folder / "ad-slot.txt"
    path.write_text(ARCHIVE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reprinted(archive):
    pdf = archive.with_suffix(".pdf")
    assert main(["reprint", str(archive), "-o", str(pdf), "-q"]) == 0  # the reprint's own check: nothing lost
    return pdf


@pytest.fixture(scope="module")
def imported(archive):
    """The import's YAML beside the archive (its ``archive:`` key names it), rendered
    with the archive check."""
    out = archive.with_name("ad-slot.yaml")
    assert main(["import", str(archive), "-q", "-o", str(out)]) == 0
    pdf = archive.with_name("ad-slot-render.pdf")
    assert main(["render", str(out), "-o", str(pdf), "-q"]) == 0  # checked against the archive: exit 0
    return out, pdf


def _slot(pdf_path):
    """(label characters, the screened boxes, every other character) on page 1."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        label = [c for c in page.chars if c["text"] in "广告" and c["size"] < 12]
        boxes = [r for r in page.rects if r.get("fill") and r["width"] > 20 and r["height"] > 10]
        return label, boxes, page.chars


def test_the_slot_line_is_an_ad_slot_story(archive):
    page, _, _ = recognise(archive)
    first, slot, second = page.stories
    assert slot.ad and slot.paragraphs == ("广\u3000告",)
    assert (slot.headline, slot.kicker, slot.byline, slot.credit) == (None, None, None, None)
    assert not first.ad and not second.ad
    assert second.headline == "社区食堂开到家门口"  # the slot is never the next story's kicker
    note = next(n for n in slot.notes if n.element == "paragraphs.0")
    assert "ad slot" in note.reason


def test_import_writes_the_slot_as_ad_true_with_its_label_only(imported):
    out, _ = imported
    stories = yaml.safe_load(out.read_text(encoding="utf-8"))["stories"]
    slot = stories[1]
    assert slot["ad"] is True and slot["body"] == "广\u3000告"
    assert not {"headline", "kicker", "byline", "byline_line", "credit", "content"} & set(slot)
    assert not any(s.get("ad") for s in (stories[0], stories[2]))


@pytest.mark.parametrize("which", ["reprint", "render"])
def test_the_slot_prints_as_a_screened_box_with_its_label_as_copy(which, reprinted, imported):
    pdf = reprinted if which == "reprint" else imported[1]
    label, boxes, chars = _slot(pdf)
    assert "".join(c["text"] for c in label) == "广告"
    assert all(c.get("tag") != "Artifact" for c in label)  # the archive's text: copy, not furniture
    (box,) = [b for b in boxes if all(b["x0"] < c["x0"] and c["x1"] < b["x1"] and b["top"] < c["top"]
                                      and c["bottom"] < b["bottom"] for c in label)]
    assert box["stroke"]  # ruled
    # the label centred in the box, across and down
    mid_x = (label[0]["x0"] + label[-1]["x1"]) / 2
    mid_y = (label[0]["top"] + label[0]["bottom"]) / 2
    assert abs(mid_x - (box["x0"] + box["x1"]) / 2) < 1.0
    assert abs(mid_y - (box["top"] + box["bottom"]) / 2) < 2.0
    # nothing else inside the slot: no headline, byline or body lines of a story
    inside = [c for c in chars if c not in label and box["x0"] <= c["x0"] <= box["x1"]
              and box["top"] <= c["top"] <= box["bottom"]]
    assert inside == []


def test_an_ad_slot_holds_its_label_only(tmp_path, capsys):
    page = tmp_path / "p.yaml"
    page.write_text("extends: house\nheader: {title: 城事}\nstories:\n  - columns: 1\n    rows: 1-6\n"
                    "    ad: true\n    headline: 招商热线\n    body: 广告\n", encoding="utf-8")
    assert main(["render", str(page), "-o", str(tmp_path / "p.pdf"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "p.yaml:7:" in err and "ad slot" in err and "headline" in err
    assert not (tmp_path / "p.pdf").exists()
