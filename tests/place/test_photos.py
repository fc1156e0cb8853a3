"""Photos in a story: the frame in its text columns and rows, the caption under it,
the body flowing around it without overlapping."""

from __future__ import annotations

from PIL import Image
from place_helpers import BODY

from layout.place.items import ImageItem, TextItem

STORY = f"""
- id: pic
  columns: 1-2
  rows: 1-30
  headline: 两栏
  headline_style: headline-2
  body: {BODY * 2}
  photos:
    - file: p.png
      rows: 1-6
      columns: 1-1
      caption: 图片说明文字。
"""


def test_photo_frame_caption_and_body_around_it(place, tmp_path):
    Image.new("RGB", (300, 200), "gray").save(tmp_path / "p.png")
    p = place(STORY)
    pic = next(it for it in p.page.items if isinstance(it, ImageItem))
    lines = p.lines("pic")
    image_at = next(i for i, ln in enumerate(lines) if ln.startswith("image"))
    assert lines[image_at].startswith("image c1-c1 ")  # one text column wide: grid column 1
    assert lines[image_at + 1].startswith("text caption") and lines[image_at + 1].endswith("图片说明文字。")
    caption = next(it for it in p.page.items if isinstance(it, TextItem) and it.kind == "caption")
    assert caption.baseline < pic.rect.y0  # under the picture
    for it in p.page.items:
        if isinstance(it, TextItem) and it.kind == "body":
            inside_x = pic.rect.x0 - 0.01 <= it.x < pic.rect.x1
            assert not (inside_x and pic.rect.y0 - 1 <= it.baseline <= pic.rect.y1), it.line.chars
    assert "over 0/0" in p.story_line("pic")


def test_missing_file_is_an_error_with_the_place(place):
    import pytest

    from layout.errors import LayoutError

    with pytest.raises(LayoutError, match="not found"):
        place(STORY.replace("p.png", "nothere.png"))


GROWN = f"""
- id: grown
  columns: 1-3
  rows: 1-16
  balance: true
  headline: 三栏的稿子标题要长到几乎占满整个宽度
  body: {BODY * 2}
  photos:
    - placeholder: true
      rows: 1-{{rows}}
      columns: 3-3
      caption: 图为说明文字。
"""


def _grown_picture(place, rows: int, balance: bool):
    p = place(GROWN.format(rows=rows).replace("balance: true", f"balance: {str(balance).lower()}"))
    story = next(s for s in p.page.stories if s.id == "grown")
    pic = next(it for it in p.page.items if isinstance(it, ImageItem))
    caption = next(it for it in p.page.items if isinstance(it, TextItem) and it.kind == "caption")
    assert story.frame.y0 - 0.01 <= caption.baseline < pic.rect.y0, rows
    assert "over 0/0" in p.story_line("grown")
    return pic.rect


def test_head_air_never_pushes_a_picture_out_of_its_story(place):
    """A picture deeper than the text beside it (autolayout.levers grows one to its
    story's foot): the balanced story's headline air counts the picture's rows, so
    the picture keeps its full height inside the story, its caption under it."""
    for rows in (12, 13):  # the text area is 13 rows deep under the headline
        balanced, plain = _grown_picture(place, rows, True), _grown_picture(place, rows, False)
        assert balanced.height >= plain.height - 0.01, rows  # air may move the picture, never cut it
