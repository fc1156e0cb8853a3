"""The YAML emitter: deterministic, readable, and read back by the layout loader
as exactly the recognised page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from archive_helpers import ARCHIVES, SEED
from hypothesis import given
from hypothesis import strategies as st

from layout.archive.emit import emit_page, scalar, story_ids
from layout.archive.import_page import Placement, import_archive, recognise
from layout.model import load_layout

PHOTO = Path(__file__).parents[2] / "samples" / "photos" / "training.jpg"


def stacked(page):
    """A test placement (not a layout algorithm): stories one under another across
    the house grid's 5 columns, 9 rows each, photos side by side in the top 3 rows."""
    out = {}
    for n, sid in enumerate(story_ids(page)):
        photos = [{"file": "photo.jpg", "rows": "1-3", "columns": i + 1} for i in range(len(page.stories[n].captions))]
        out[sid] = {"columns": "1-5", "rows": f"{1 + 9 * n}-{9 + 9 * n}", "photos": photos}
    return Placement(out, {"extends": "house"})


def stacked_tall(page):
    """Like ``stacked`` on a page tall enough for every story's text (no overflow),
    so a render of it holds all the text."""
    out, row = {}, 1
    for sid, story in zip(story_ids(page), page.stories, strict=True):
        chars = sum(len(p) for p in story.body()) + len(story.credit or "") + 40
        height = 18 + 2 * len(story.leads) + (8 if story.captions else 0) + chars // 150
        photos = [{"file": "photo.jpg", "rows": "1-8", "columns": i + 1} for i in range(len(story.captions))]
        out[sid] = {"columns": "1-5", "rows": f"{row}-{row + height - 1}", "photos": photos}
        row += height
    return Placement(out, {"extends": "house", "page": {"size": ["600mm", "1500mm"], "margins": "15mm"}})


@pytest.mark.parametrize("path", [*ARCHIVES, SEED], ids=lambda p: p.name)
def test_the_loader_reads_back_every_element(path, tmp_path):
    if not path.exists():
        pytest.skip("seed not available")
    result = import_archive(path, place=stacked)
    shutil.copy(PHOTO, tmp_path / "photo.jpg")
    (tmp_path / "page.yaml").write_text(result.yaml_text, encoding="utf-8")
    layout = load_layout(tmp_path / "page.yaml")
    page = result.page
    # the title is the page name, or without one the page line's first part (paper)
    first = page.name or next((h.text for h in page.header if h.kind != "editor"), page.editor)
    assert (layout.header.title if layout.header else None) == first
    assert len(layout.stories) == len(page.stories)
    for got, want in zip(layout.stories, page.stories, strict=True):
        assert (got.label, got.kicker, got.subtitle) == (want.label, want.kicker, want.subtitle)
        assert got.headline == ((want.headline,) if want.headline else ())
        assert got.leads == want.leads
        assert (got.byline, got.byline_line, got.credit) == (want.byline, want.byline_line, want.credit)
        assert _body_lines(got) == want.body()  # subheads in their places, a deck under its subhead
        # a photo credit closing a caption is the photo's credit: caption + credit read as archived
        # (the blank before a split credit is dropped; a caption cut off in its credit keeps it)
        assert [(p.caption or "") + (p.credit or "") for p in got.photos] == [
            c.text.replace(" （", "（") if p.credit else c.text for p, c in zip(got.photos, want.captions, strict=True)]
        assert all(p.placeholder for p in got.photos)


def _body_lines(story) -> tuple[str, ...]:
    """The story's body as read back: each paragraph, and each line of a subhead
    (a subhead and its deck line are one subhead of two lines)."""
    if not story.flow:
        return story.paragraphs
    return tuple(t for el in story.flow for t in getattr(el, "lines", (el.text,)))


def test_without_placement_the_yaml_is_content_only(seed_path):
    text = import_archive(seed_path).yaml_text
    data = yaml.safe_load(text)
    assert data["header"] == {"title": "开发区新闻"}
    assert [s["id"] for s in data["stories"]] == [f"story{n}" for n in range(1, 8)]
    assert not any(k in s for s in data["stories"] for k in ("columns", "rows", "text_columns"))
    dream = data["stories"][3]
    assert dream["photos"][2] == {"caption": "上图 位于濮阳电子商务产", "placeholder": True}
    assert dream["byline_line"] == "本报记者 王金勇 通讯员 施民法 宋钢豹 王争阳"


def test_readable_and_deterministic(seed_path):
    a = import_archive(seed_path).yaml_text
    b = import_archive(seed_path).yaml_text
    assert a == b
    assert "\\u" not in a and "开发区新闻" in a  # CJK not escaped
    assert "    body: |-\n      8月3日，开发区召开" in a  # bodies are block scalars
    assert "# caption cut off in the archive: kept as it is" in a
    assert "# unsure: captions.0" in a


def test_subheads_are_written_as_subheads_in_their_place(tmp_path):
    page, _, _ = recognise(ARCHIVES[[p.name for p in ARCHIVES].index("renmin-yaowen.txt")])
    text = emit_page(page)
    content = yaml.safe_load(text)["stories"][1]["content"]
    kinds = [next(iter(e)) for e in content]
    assert kinds == ["headline", "subtitle", "byline", "paragraph", "subhead", "paragraph", "subhead", "paragraph",
                     "subhead", "paragraph"]
    assert content[4]["subhead"] == "一、铁路运力再创新高" and content[6]["subhead"] == "二、公路出行平稳有序"
    path = tmp_path / "p.yaml"
    path.write_text(emit_page(page, stacked(page).stories, stacked(page).head), encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(PHOTO.read_bytes())
    story = load_layout(path).stories[1]
    from layout.model.elements import Subhead

    assert [el.text for el in story.flow if isinstance(el, Subhead)] == [
        "一、铁路运力再创新高", "二、公路出行平稳有序", "三、民航航班正点率保持高位"]


def test_archive_braces_never_become_marks(tmp_path):
    """Imported text is escaped: '{hei|x}' in an archive stays those characters."""
    raw = "开发区新闻\n\n测试标题\n\n本报讯 文中有{hei|字样}和{{双括号}}以及}单个。\n"
    src = tmp_path / "a.txt"
    src.write_text(raw, encoding="utf-8")
    page, _, _ = recognise(src)
    path = tmp_path / "p.yaml"
    path.write_text(emit_page(page, stacked(page).stories, stacked(page).head), encoding="utf-8")
    story = load_layout(path).stories[0]
    assert "".join(story.paragraphs).endswith("文中有{hei|字样}和{{双括号}}以及}单个。")
    assert not story.flow


def test_placement_for_an_unknown_story_or_key_is_refused(seed_path):
    page, _, _ = recognise(seed_path)
    with pytest.raises(ValueError, match="unknown stories"):
        emit_page(page, {"story99": {"columns": "1-2"}})
    with pytest.raises(ValueError, match="unknown placement keys"):
        emit_page(page, {"story1": {"colums": "1-2"}})


@pytest.mark.parametrize("text", ["8:30", "3.8", "1:2", "true", "no", "null", "~", "2020-08-10", "- 列表", "a: b",
                                  "#号", "x #y", "'单引号'", '"双引号"', "[1]", "{a}", "*星", "&锚", "!叹", "|竖",
                                  "> 大于", "%百分", "@at", "`反引号", "行尾冒号:", " 前空格", "10\u00a0km", "1e3",
                                  "0x1F", "反斜杠\\n", "?问"])
def test_scalars_read_back_as_the_same_string(text):
    assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_any_text_reads_back(text):
    assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text


def test_header_parts_become_header_keys_without_adding_text(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("濮阳日报\n开发区新闻\n2020年8月10日 星期一　第3版\n责任编辑：王某\n\n巧媳妇培训班开班\n\n"
                   "本报讯 8月4日，培训班开班。\n", encoding="utf-8")
    header = yaml.safe_load(import_archive(src).yaml_text)["header"]
    assert header == {"title": "开发区新闻", "paper": "濮阳日报", "date": "2020-08-10", "page": 3,
                      "editor": "责任编辑：王某"}
    # a date the layout would print differently (no weekday, or a wrong one) stays text
    src.write_text("开发区新闻\n2020年8月10日\n\n巧媳妇培训班开班\n\n本报讯 8月4日，培训班开班。\n", encoding="utf-8")
    text = import_archive(src).yaml_text
    assert yaml.safe_load(text)["header"] == {"title": "开发区新闻", "paper": "2020年8月10日"}
    assert "kept as text in paper" in text
    src.write_text("开发区新闻\n2020年8月10日 星期五\n\n巧媳妇培训班开班\n\n本报讯 开班。\n", encoding="utf-8")
    assert "date" not in yaml.safe_load(import_archive(src).yaml_text)["header"]


def test_boxes_are_written_as_boxes(tmp_path):
    """A 核心阅读 / 编者按 block the recogniser found is written as a box: element of the
    sequence form, after the headline group, before the byline; its braces escaped."""
    from dataclasses import replace

    from layout.archive.model import ArchivedBox, Where
    from layout.autolayout.content import stories_from_archive

    page, _, _ = recognise(ARCHIVES[[p.name for p in ARCHIVES].index("renmin-yaowen.txt")])
    box = ArchivedBox("核心阅读", ("春运首日客流平稳。", "各地{加开}列车。"), Where(1, 1))
    story = replace(page.stories[1], boxes=(box,))
    page = replace(page, stories=(page.stories[0], story, *page.stories[2:]))
    text = emit_page(page)
    content = yaml.safe_load(text)["stories"][1]["content"]
    kinds = [next(iter(e)) for e in content]
    assert kinds.index("box") == kinds.index("subtitle") + 1 and kinds.index("byline") == kinds.index("box") + 1
    assert content[kinds.index("box")]["box"] == {"title": "核心阅读", "text": "春运首日客流平稳。\n\n各地{{加开}}列车。"}
    path = tmp_path / "p.yaml"
    path.write_text(emit_page(page, stacked(page).stories, stacked(page).head), encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(PHOTO.read_bytes())
    (loaded,) = load_layout(path).stories[1].boxes
    assert loaded.title == "核心阅读" and [p.text for p in loaded.paragraphs] == ["春运首日客流平稳。", "各地{加开}列车。"]
    assert [(b.title, [p.text for p in b.paragraphs]) for b in stories_from_archive(page)[1].boxes] == [
        ("核心阅读", ["春运首日客流平稳。", "各地{加开}列车。"])]
    refs = [r for r, _ in story.elements()]
    assert refs.index("boxes.0.title") < refs.index("boxes.0.1") < refs.index("byline")


PARA = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs", "Cf", "Co", "Cn")), min_size=1,
               max_size=30)


@given(st.lists(PARA, min_size=1, max_size=4), PARA)
def test_emitted_body_reads_back_unchanged(paragraphs, subhead):
    """Whatever the archive's text (braces included), the emitted layout reads back as
    exactly those paragraphs, with the subhead in its place: nothing becomes a mark."""
    import tempfile

    from layout.archive.model import ArchivedPage, ArchivedStory, Subhead, Where

    story = ArchivedStory(label=None, kicker=None, headline="标题", subtitle=None, leads=(), byline=None,
                          byline_line=None, paragraphs=tuple(paragraphs),
                          subheads=(Subhead(1, subhead, Where(2)),) if len(paragraphs) > 1 else (),
                          credit=None, captions=(), notes=(), where=())
    page = ArchivedPage(name="版", stories=(story,), notes=())
    text = emit_page(page, {"story1": {"columns": "1-5", "rows": "1-60"}}, {"extends": "house"})
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        got = load_layout(path).stories[0]
    assert got.paragraphs == story.body()
    assert all(not getattr(el, "marks", ()) for el in got.flow)
