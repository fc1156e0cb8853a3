"""Every mistake a user can make is a LayoutError at the right file, line and
column, saying what is wrong and what is allowed."""

from __future__ import annotations

from model_helpers import BASE, at, col_of, line_of


def story(extra: str) -> str:
    """BASE with lines added to its story (4-space indented)."""
    return BASE + extra


def test_unknown_key_suggests_the_nearest(page):
    text = story("    colums: 1-2\n")
    err = page.error(text)
    assert "unknown key 'colums'" in err.message and "allowed: id, columns" in err.message
    assert err.hint == "did you mean 'columns'?"
    at(err, line_of(text, "colums"), 5)
    assert err.where.file.endswith("page.yaml")


def test_unknown_top_level_and_style_keys(page):
    err = page.error("extends: house\nstoires: []\n")
    assert err.hint == "did you mean 'stories'?"
    at(err, 2, 1)
    text = BASE + "styles:\n  headline: {face: hei, sise: 二号}\n"
    err = page.error(text)
    assert "unknown key 'sise' in layout.styles.headline" in err.message and err.hint == "did you mean 'size'?"
    at(err, line_of(text, "sise"), col_of(text, "sise"))


def test_wrong_type(page):
    text = story("    box: maybe\n")
    err = page.error(text)
    assert "expected true or false" in err.message and "'maybe'" in err.message
    at(err, line_of(text, "box:"), 10)
    err = page.error(story("    photos: photos/a.png\n"))
    assert "expected a list" in err.message
    err = page.error(BASE.replace("title: 开发区新闻", "title: [a, b]"))
    assert "expected text" in err.message
    at(err, 3, 10)


def test_bad_length_and_size(page):
    text = BASE + "page:\n  bleed: 3mmm\n"
    err = page.error(text)
    assert "cannot read length '3mmm'" in err.message and "12mm" in err.hint
    at(err, line_of(text, "3mmm"), 10)
    err = page.error(BASE + "page:\n  bleed: -3mm\n")
    assert "-3mm is not allowed" in err.message and "non-negative" in err.message
    err = page.error(BASE + "styles:\n  headline: {size: 大五}\n")
    assert "大五" in err.message and "小五" in err.hint
    err = page.error(BASE + "page:\n  margins: 2em\n")
    assert "em is not allowed" in err.message
    err = page.error(BASE + "grid:\n  body: {leading: 0.5}\n")
    assert "factor 0.5 is out of range" in err.message
    err = page.error(BASE + "page:\n  margins: 200mm\n")
    assert "leave no type area" in err.message


def test_bad_enum_suggests(page):
    text = BASE + "styles:\n  label: {frame: boxed}\n"
    err = page.error(text)
    assert "'boxed' is not allowed; allowed: box, reversed" in err.message and err.hint == "did you mean 'box'?"
    err = page.error(BASE.replace("page: 3", "page: 3\n  date2: 1"))
    assert err.hint == "did you mean 'date'?"


def test_area_outside_the_grid_says_the_grid_size(page):
    text = BASE.replace("columns: 1-3", "columns: 4-7")
    err = page.error(text)
    assert "columns 4-7 is outside the grid" in err.message
    assert "5 columns (1-5)" in err.message and "67 rows (1-67)" in err.message
    at(err, line_of(text, "columns: 4-7"), col_of(text, "4-7"))
    err = page.error(BASE.replace("rows: 1-20", "rows: 60-80"))
    assert "rows 60-80 is outside the grid" in err.message and "60-end" in err.hint
    err = page.error(BASE.replace("rows: 1-20", "rows: 20-3"))
    assert "not a span" in err.message


def test_overlapping_stories_name_both_and_the_cells(page):
    text = story("""\
  - id: qiao
    columns: 3-4
    rows: 15-30
    headline: 巧媳妇
""")
    err = page.error(text)
    assert "story 'qiao' overlaps story 'wenming' (line 7)" in err.message
    assert "grid columns 3, rows 15-20" in err.message
    at(err, line_of(text, "id: qiao"), 5)


def test_stories_that_touch_do_not_overlap(page):
    lay = page.load(story("  - id: b\n    columns: 4-5\n    rows: 1-20\n    headline: 乙\n"
                          "  - id: c\n    columns: 1-5\n    rows: 21-end\n    headline: 丙\n"))
    assert [s.id for s in lay.stories] == ["wenming", "b", "c"]


def test_missing_image(page):
    text = story("    photos:\n      - {file: photos/nope.png, rows: 1-5}\n")
    err = page.error(text)
    assert "photo 'photos/nope.png' not found" in err.message
    at(err, line_of(text, "nope"), col_of(text, "photos/nope"))


def test_unreadable_image(page):
    (page.folder / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)
    (page.folder / "text.jpg").write_text("not a picture")
    for name in ("bad.png", "text.jpg"):
        text = story(f"    photos:\n      - {{file: {name}, rows: 1-5}}\n")
        err = page.error(text)
        assert f"photo {name!r}" in err.message, err
        assert "damaged" in err.message or "not a picture" in err.message
        at(err, line_of(text, name))


def test_image_in_an_unsupported_format(page):
    from PIL import Image

    Image.new("RGB", (8, 8)).save(page.folder / "p.gif")
    err = page.error(story("    photos:\n      - {file: p.gif, rows: 1-5}\n"))
    assert "is GIF; allowed formats: PNG, JPEG, TIFF" in err.message


def test_empty_story(page):
    text = BASE + "  - id: leer\n    columns: 4-5\n    rows: 1-5\n    label: 区妇联\n"
    err = page.error(text)
    assert "story 'leer' is empty" in err.message and "headline" in err.hint
    at(err, line_of(text, "id: leer"), 5)


def test_unknown_style_and_face_names(page):
    text = story("    headline_style: headline2\n")
    err = page.error(text)
    assert "unknown style 'headline2'" in err.message and err.hint == "did you mean 'headline-2'?"
    at(err, line_of(text, "headline_style"), 21)
    text = BASE + "styles:\n  credit: {face: kia}\n"
    err = page.error(text)
    assert "unknown face 'kia'" in err.message and "song, song-bold, hei, hei-bold, kai" in err.message
    assert err.hint == "did you mean 'kai'?"
    at(err, line_of(text, "kia"), col_of(text, "kia"))
    err = page.error(BASE + "styles:\n  Headline: {face: hei}\n")
    assert "not a style name" in err.message
    err = page.error(BASE + "styles:\n  body: {face: hei}\n")
    assert "grid: body" in err.message


def test_element_without_its_style(page):
    text = """\
    page: {size: A4, margins: 15mm}
    grid: {columns: 3, gutter: 1em, body: {size: 五号, leading: 1.5}}
    stories:
      - columns: 1-3
        rows: 1-10
        kicker: 引题
        body: 正文
    """
    err = page.error(text)
    assert "has a kicker but no style 'kicker' is defined" in err.message and "extends: house" in err.hint
    at(err, 6)


def test_duplicate_story_ids(page):
    text = story("  - id: wenming\n    columns: 4-5\n    rows: 1-5\n    headline: 又一\n")
    err = page.error(text)
    assert "duplicate story id 'wenming' (first used at line 7)" in err.message
    at(err, 13, 9)  # the second id


def test_too_many_text_columns(page):
    text = story("    text_columns: 9\n")
    err = page.error(text)
    assert "text_columns 9 do not fit grid columns 1-3 (45.1 characters wide)" in err.message
    assert "at most 6 text columns" in err.hint
    at(err, line_of(text, "text_columns"), 19)


def test_photo_rows_outside_the_story(page):
    page.image("a.png")
    text = story("    photos:\n      - file: a.png\n        rows: 15-25\n")
    err = page.error(text)
    assert "photo 'a.png' rows 15-25 is outside the story, which has 20 rows (1-20)" in err.message
    at(err, line_of(text, "rows: 15-25"), 15)
    err = page.error(story("    text_columns: 2\n    photos:\n      - {file: a.png, rows: 1-3, columns: 2-3}\n"))
    assert "columns 2-3 is outside the story, which has 2 text columns" in err.message


def test_overlapping_photos(page):
    page.image("a.png")
    err = page.error(story("    photos:\n      - {file: a.png, rows: 1-5}\n      - {file: a.png, rows: 5-9}\n"))
    assert "overlaps the photo" in err.message and "rows 5" in err.message


def test_body_and_body_file_together_and_bad_body_files(page):
    err = page.error(story("    body_file: a.txt\n"))
    assert "both body and body_file" in err.message
    no_body = BASE.replace("    body: |\n      8月3日，开发区召开全国文明城市创建工作加压推进会。\n", "")
    (page.folder / "gbk.txt").write_bytes("第一段\n第二段".encode("gb18030"))
    text = no_body + "    body_file: gbk.txt\n"
    err = page.error(text)
    assert "body_file 'gbk.txt': not UTF-8 text" in err.message and "gbk.txt:1:1" in err.message
    assert "iconv" in err.hint
    at(err, line_of(text, "body_file"), 16)
    (page.folder / "empty.txt").write_text("\n\n")
    assert "is empty" in page.error(no_body + "    body_file: empty.txt\n").message
    assert "not found" in page.error(no_body + "    body_file: none.txt\n").message


def test_required_keys(page):
    text = BASE.replace("    rows: 1-20\n", "")
    err = page.error(text)
    assert "'rows' is missing" in err.message
    at(err, line_of(text, "id: wenming"), 5)
    err = page.error("page: {size: A4, margins: 15mm}\nstories: []\n")
    assert "'grid' is missing" in err.message


def test_grid_that_does_not_fit(page):
    text = BASE + "grid:\n  columns: 12\n"
    err = page.error(text)
    assert "12 columns do not fit the type area" in err.message and "each would be 4 characters" in err.message
    assert "at most 10 columns of at least 6 characters" in err.hint
    at(err, line_of(text, "columns: 12"), 12)


def test_header_needs_its_styles_and_dates_must_be_real(page):
    err = page.error(BASE.replace("date: 2020-08-10", "date: 2020年2月30日"))
    assert "not a real date" in err.message
    err = page.error("""\
page: {size: A4, margins: 15mm}
grid: {columns: 3, gutter: 1em, body: {size: 五号, leading: 1.5}}
header: {title: 版面}
""")
    assert "the header needs a style 'header-title'" in err.message


def test_extends_errors(page):
    err = page.error("extends: hous\n")
    assert "house style 'hous' not found" in err.message
    at(err, 1, 10)
    page.write("a.yaml", "extends: b\n")
    page.write("b.yaml", "extends: a\n")
    err = page.error("extends: a\n", name="c.yaml")
    assert "a loop" in err.message


def test_fonts(page):
    (page.folder / "fake.ttf").write_text("not a font")
    err = page.error(BASE + "fonts:\n  song: fake.ttf\n")
    assert "not a TrueType/OpenType font" in err.message
    err = page.error(BASE + "fonts:\n  fallback: {song: [hie]}\n")
    assert "unknown face 'hie'" in err.message and err.hint == "did you mean 'hei'?"


def test_display_style_must_fit_its_rows(page):
    text = BASE + "styles:\n  headline: {rows: 1}\n"
    err = page.error(text)
    assert "22pt type does not fit 1 grid line (14.4pt)" in err.message and "rows: 2" in err.hint
    at(err, line_of(text, "rows: 1}"), col_of(text, "1}"))


def test_a_picture_replaced_by_a_damaged_one_is_verified_again(page, tmp_path, monkeypatch):
    """Image sizes are cached by file identity (path, size, mtime): a good picture
    loads from the cache the second time, a damaged file put in its place is read
    afresh and reported."""
    import os

    from PIL import Image

    monkeypatch.setenv("LAYOUT_CACHE_DIR", str(tmp_path / "cache"))
    Image.new("RGB", (40, 30), "white").save(page.folder / "p.png")
    text = story("    photos:\n      - {file: p.png, rows: 1-5}\n")
    for _ in range(2):
        lay = page.load(text)
        assert lay.stories[0].photos[0].pixel_size == (40, 30)
    assert len(list((tmp_path / "cache" / "image-sizes").glob("*.size"))) == 1
    st = os.stat(page.folder / "p.png")
    (page.folder / "p.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)
    os.utime(page.folder / "p.png", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    err = page.error(text)
    assert "photo 'p.png'" in err.message and ("damaged" in err.message or "not a picture" in err.message)
