"""One odd item never stops the page (issue 13, class 8): a photo-news item (a
headline, one line of 本报讯 text, a ``上图`` caption), a picture set with more
captions than a page can frame, a story of captions only, a headline of hundreds
of characters -- alone, first, in the middle or last -- is set somewhere, in a
plainer form when no shape holds it (reported), and every other story with it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from autolayout_helpers import page_text
from storygen import story_set

from layout.archive.import_page import recognise
from layout.autolayout import auto_layout
from layout.cli import main
from layout.model.types import Photo, Span, Story

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt"
PHOTO_NEWS = "城郊荷花竞相开放\n\n本报讯 连日来，城郊湿地公园的荷花竞相开放。\n\n上图 市民在湿地公园赏荷。（本报记者 王某 摄）\n"


def _photo(caption: str) -> Photo:
    return Photo(file=None, rows=Span(1, 1), caption=caption, placeholder=True)


def _story(**kw) -> Story:
    return Story(id="odd", columns=Span(1, 1), rows=Span(1, 1), text_columns=1, **kw)


ODD = {
    "photo-news": _story(headline=("城郊荷花竞相开放",), byline="本报讯", paragraphs=("连日来，城郊湿地公园的荷花竞相开放。",),
                         photos=(_photo("上图 市民在湿地公园赏荷。（本报记者 王某 摄）"),)),
    "many-photos": _story(headline=("组图",), paragraphs=("一行文字。",),
                          photos=tuple(_photo(f"图{i} 说明文字。") for i in range(9))),
    "captions-only": _story(photos=(_photo("上图 市民在湿地公园赏荷。（本报记者 王某 摄）"),)),
    "long-headline": _story(headline=("很长的标题" * 40,), paragraphs=("一行文字。",)),
}


def _fold(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", sorted(ODD))
@pytest.mark.parametrize("where", [None, 0, 3, 6])
def test_odd_item_is_set_with_the_others(broadsheet, fonts, name, where):
    odd = ODD[name]
    stories = [odd] if where is None else story_set(6, 3)
    if where is not None:
        stories.insert(where, odd)
    result = auto_layout(stories, broadsheet, fonts)
    text = _fold(page_text(result))
    for s in stories:
        for t in (*s.headline, *s.paragraphs, *(p.caption for p in s.photos)):
            assert _fold(t) in text, (s.id, t[:20])
    assert {s.id.split("-")[0] for page in result.pages for s in page} == {s.id for s in stories}


def test_a_story_no_shape_holds_is_set_plainer_and_reported(broadsheet, fonts):
    result = auto_layout([ODD["many-photos"]], broadsheet, fonts)
    notes = [p for m in result.metrics.pages for p in m.problems]
    assert any("odd: fits no shape" in n and "captions set as text" in n for n in notes), notes
    assert "图8说明文字。" in _fold(page_text(result))


@pytest.mark.parametrize("with_seed", [False, True])
def test_reprint_of_a_photo_news_item(tmp_path, with_seed):
    archive = tmp_path / "photo.txt"
    seed = SEED.read_text(encoding="utf-8") + "\n" if with_seed and SEED.exists() else ""
    archive.write_text(seed + PHOTO_NEWS, encoding="utf-8")
    out = tmp_path / "photo.pdf"
    assert main(["reprint", str(archive), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    with pdfplumber.open(out) as pdf:
        text = _fold("".join(page.extract_text() or "" for page in pdf.pages))
    _page, _archive, normalized = recognise(archive)
    assert Counter(text) == Counter(_fold(normalized.text))  # every character once, the photo news too
