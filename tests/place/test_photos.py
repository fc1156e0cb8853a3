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
