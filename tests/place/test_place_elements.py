"""Placement of the content form's elements and of page items, read from the dump."""

from __future__ import annotations

from place_helpers import Placed, page_yaml

from layout.model import load_layout
from layout.place.page import place_page


def placed(tmp_path, stories: str, items: str = "") -> Placed:
    path = tmp_path / "p.yaml"
    path.write_text(page_yaml(stories) + items, encoding="utf-8")
    return Placed(place_page(load_layout(path)))


def test_subhead_box_and_marks_in_the_dump(tmp_path):
    p = placed(tmp_path, """
        - id: s
          columns: 1-2
          rows: 1-30
          text_columns: 1
          content:
            - headline: 标题
            - box: {title: 编者按, text: 编者的话。}
            - paragraph: 第一段{hei|黑体}和{dot|着重}。
            - subhead: 小标题
            - paragraph: 第二段。
        """)
    assert p.lines("s", "box")[0].startswith("box ")
    assert [ln.split()[-1] for ln in p.lines("s", "text box")] == ["编者按", "编者的话。"]
    (sub,) = p.lines("s", "text subhead")
    assert " hei " in sub and sub.endswith("小标题")
    assert p.lines("s", "dots") == [p.lines("s", "dots")[0]] and p.lines("s", "dots")[0].startswith("dots 2 ")
    body = p.lines("s", "text body")
    assert body[0].endswith("第一段黑体和着重。") and body[1].endswith("第二段。")


def test_page_items_in_the_dump(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    Image.new("RGB", (90, 30), (200, 0, 0)).save(tmp_path / "logo.png")
    c = canvas.Canvas(str(tmp_path / "ad.pdf"), pagesize=(100, 50), invariant=1)
    c.rect(0, 0, 100, 50, fill=1)
    c.save()
    p = placed(tmp_path, """
        - {id: s, columns: 1-2, rows: 1-10, headline: 标题, body: 正文。}
        """, "items:\n  - image: {file: logo.png, columns: 3, rows: 1-2}\n"
             "  - ad: {file: ad.pdf, columns: 3-5, rows: 20-30}\n"
             "  - text: {id: dd, title: 导读, text: 看点。, columns: 4-5, rows: 1-4}\n")
    text = p.text
    assert "image c3" in text and "logo.png" in text
    assert "form " in text and "ad.pdf 100x50pt" in text
    after = text.split("\nitem dd\n", 1)[1].splitlines()
    assert after[0].strip().startswith("box ")
    assert [ln.split()[-1] for ln in after[1:3]] == ["导读", "看点。"]


def test_a_subhead_never_ends_a_column_nor_stands_over_one_line(tmp_path):
    """Wherever the text before it ends, a subhead has at least the first two lines
    of its paragraph under it in its column (place.flow keep rule)."""
    from layout.place.items import TextItem

    after = "后面的段落比较长，" * 6 + "完。"
    placed_n = 0
    for n in range(4, 40, 3):
        path = tmp_path / f"p{n}.yaml"
        path.write_text(page_yaml(f"""
            - id: s
              columns: 1-2
              rows: 1-8
              content:
                - paragraph: {"前" * (13 * n // 2)}。
                - subhead: 小标题
                - paragraph: {after}
            """), encoding="utf-8")
        page = place_page(load_layout(path))
        lines = [it for it in page.items if isinstance(it, TextItem) and it.kind in ("body", "subhead")]
        subs = [it for it in lines if it.kind == "subhead"]
        if not subs:  # the story ran over before its subhead: reported, never dropped
            assert page.stories[0].lines_over
            continue
        below = [it for it in lines if it.x == subs[0].x and it.baseline < subs[0].baseline]
        assert len(below) >= 2, n
        placed_n += 1
    assert placed_n >= 6


def test_a_continued_content_story_opens_without_an_indent(tmp_path):
    """A story carried on from another page opens mid-paragraph: its first line is not
    indented (it is no new paragraph, typography.md §4), in the content form as in the
    short form; the paragraphs after it are."""
    from dataclasses import replace

    path = tmp_path / "p.yaml"
    path.write_text(page_yaml("""
        - id: s
          columns: 1-2
          rows: 1-30
          text_columns: 1
          content:
            - paragraph: 接上一版的段落继续排下去，直到这一段结束为止，仍然是同一段。
            - subhead: 小标题
            - paragraph: 新的一段从这里开始，首行缩进两个字。
        """), encoding="utf-8")
    layout = load_layout(path)

    def first_xs(lay):
        """x of the first glyph of paragraph one and of the paragraph after the subhead."""
        text = [it for it in place_page(lay).items if getattr(it, "kind", "") in ("body", "subhead")]
        after = next(i for i, it in enumerate(text) if it.kind == "subhead") + 1
        return text[0].line.xs[0], text[after].line.xs[0]

    em = layout.geometry().em
    assert first_xs(layout) == (2 * em, 2 * em)  # every paragraph indented two characters ...
    carried = replace(layout, stories=(replace(layout.stories[0], continued=True),))
    assert first_xs(carried) == (0.0, 2 * em)  # ... but the one carried on from another page


def test_quotes_in_a_kai_box_are_full_width(tmp_path):
    """A box is set in 楷体, whose “ ” are narrow Latin quotes in the house Kai face:
    they are set in 黑体, one em wide (GB/T 15834), the rest of the text in 楷体, the
    编者按： lead-in in 黑体; a body paragraph's own quotes stay in its face."""
    from layout.place.items import TextItem

    p = placed(tmp_path, """
        - id: s
          columns: 1-3
          rows: 1-30
          content:
            - headline: 标题
            - box: {text: "{hei|编者按：}“今后办事方便多了。”居民说。"}
            - paragraph: “正文里的引号。”居民说。
        """)
    items = [it for it in p.page.items if isinstance(it, TextItem) and it.story == "s"]
    (box,) = [it.line for it in items if it.kind == "box"]
    faces = dict(zip(box.chars, box.faces, strict=True))
    assert (faces["编"], faces["“"], faces["”"], faces["今"]) == ("hei", "hei", "hei", "kai")
    quote = box.chars.index("“")
    assert box.advances[quote] >= 0.5 * box.sizes[quote]  # full-width (its blank half may be compressed)
    (body,) = [it.line for it in items if it.kind == "body"]
    assert set(body.faces) == {"song"}


def test_a_long_subhead_breaks_evenly_not_with_a_stub(tmp_path):
    """A subhead longer than its column is broken as a display line (by sense, else
    evenly), never as body text that leaves a stub of one or two characters; the line
    count stays the plain composition's (the automatic layout measures with it), and
    the lines stay centred in the column."""
    from layout.place.blocks import compose_text

    text = "三、北川高新区把科技创新作为今年的重点工作来抓"
    placed(tmp_path, f"""
        - id: s
          columns: 1
          rows: 1-30
          content:
            - headline: 标题
            - paragraph: 第一段。
            - subhead: {text}
            - paragraph: 第二段的文字在这里，排在小标题下面。
        """)
    layout = load_layout(tmp_path / "p.yaml")
    page = place_page(layout)
    subs = [it for it in page.items if getattr(it, "kind", "") == "subhead"]
    assert "".join(it.line.chars for it in subs) == text
    col = layout.geometry().text_columns(layout.stories[0].columns, 1)[0]
    plain = compose_text(text, layout.styles["subhead"], col[1] - col[0], layout.fonts.fontset())
    assert len(subs) == len(plain) == 2
    lengths = [len(it.line.chars) for it in subs]
    assert min(lengths) >= 3 and max(lengths) - min(lengths) <= 4, lengths
    for it in subs:  # centred: as much room left as right, within half an em
        left = it.x + it.line.xs[0] - col[0]
        right = col[1] - (it.x + it.line.xs[-1] + it.line.advances[-1])
        assert abs(left - right) <= 0.5 * layout.geometry().em + 0.01, (left, right)


def test_text_beside_the_headline_group(tmp_path):
    """``head_beside: true`` (文包题): the text columns right of ``headline_columns`` start
    on the story's first row, beside the headline group; the columns under it start
    below it; the text reads column after column, nothing lost."""
    body = "。".join(f"第{i}句话写在这里作为正文的一部分" for i in range(40)) + "。"
    stories = f"""
        - id: s
          columns: 1-4
          rows: 1-30
          text_columns: 4
          headline_columns: 1-2
          head_beside: true
          balance: true
          kicker: 城东新区推出了一批便民举措——
          headline: 文明创建交出新答卷
          body: {body}
        """
    p = placed(tmp_path, stories)
    layout = load_layout(tmp_path / "p.yaml")
    page = p.page
    assert page.stories[0].lines_over == 0
    cols = layout.geometry().text_columns(layout.stories[0].columns, 4)
    lines = [it for it in page.items if getattr(it, "kind", "") == "body"]
    head = [it for it in page.items if getattr(it, "kind", "") in ("kicker", "headline")]
    first = {c: max(it.baseline for it in lines if abs(it.x - cols[c][0]) < 1) for c in range(4)}
    assert first[2] == first[3] > max(it.baseline for it in head)  # beside: from the top row
    assert first[0] == first[1] < min(it.baseline for it in head)  # under the group
    assert "".join(it.line.chars for it in lines).replace(" ", "") == body.replace(" ", "")
    flat = placed(tmp_path, stories.replace("head_beside: true", "head_beside: false"))
    flat_lines = [it for it in flat.page.items if getattr(it, "kind", "") == "body"]
    assert max(it.baseline for it in flat_lines) < min(it.baseline for it in head)  # default: all under it


def test_pictures_and_boxes_beside_the_headline_group(tmp_path):
    """文包题 with a picture and a 核心阅读 box: the box stays in the group's columns,
    under its headline; a picture right of the group stands at the story's top row
    (its rows count from there), the text of its columns under it, nothing lost."""
    from layout.place.items import BoxItem, ImageItem

    body = "。".join(f"第{i}句话写在这里作为正文的一部分" for i in range(40)) + "。"
    p = placed(tmp_path, f"""
        - id: s
          columns: 1-4
          rows: 1-30
          text_columns: 4
          headline_columns: 1-2
          head_beside: true
          balance: true
          content:
            - headline: 文明创建交出新答卷
            - box: {{title: 核心阅读, text: 城东新区推出了一批便民举措。}}
            - paragraph: {body}
            - photo: {{rows: 1-8, columns: 4-4, placeholder: true, caption: 图片说明文字。}}
        """)
    layout = load_layout(tmp_path / "p.yaml")
    geo = layout.geometry()
    cols = geo.text_columns(layout.stories[0].columns, 4)
    items = p.page.items
    assert p.page.stories[0].lines_over == 0
    (pic,) = [it for it in items if isinstance(it, ImageItem)]
    assert abs(pic.rect.x0 - cols[3][0]) < 0.01 and geo.row_top(1) - pic.rect.y1 < geo.leading  # at the top
    frame = next(it for it in items if isinstance(it, BoxItem) and it.story == "s")
    assert frame.rect.x1 <= cols[1][1] + 0.01  # the box over the group's two columns only
    head = next(it for it in items if getattr(it, "kind", "") == "headline")
    assert frame.rect.y1 < head.baseline
    lines = [it for it in items if getattr(it, "kind", "") == "body"]
    first = {c: max(it.baseline for it in lines if abs(it.x - cols[c][0]) < 1) for c in range(4)}
    assert first[2] > head.baseline > first[0]  # beside the group from the top; under it below it
    assert first[3] < pic.rect.y0  # under the picture
    assert "".join(it.line.chars for it in lines).replace(" ", "") == body.replace(" ", "")


def test_a_credit_of_two_lines_breaks_between_names_and_stays_in_one_column(place):
    """``（李宇志 高华明 罗晖静）`` in a column narrower than the credit: it broke as
    ``…高华明 罗|晖静）`` (one name read as two people) and the lines went to two
    columns.  A credit is a list of names: it breaks at a space, and its lines
    are one block."""
    from layout.place.items import TextItem

    p = place("""
    - id: s
      columns: 1-1
      rows: 1-20
      text_columns: 2
      body: 加强组织领导，科学安排部署，明确职责分工，确保各项工作有序推进。
      credit: （李宇志 高华明 罗晖静 欧阳海燕 诸葛明 王平梅 陈静宁）
    """)
    credit = [it for it in p.page.items if isinstance(it, TextItem) and it.story == "s" and it.kind == "credit"]
    texts = [it.line.chars for it in credit]
    assert len(texts) >= 2, texts
    assert "".join(texts).replace(" ", "") == "（李宇志高华明罗晖静欧阳海燕诸葛明王平梅陈静宁）"
    names = ["李宇志", "高华明", "罗晖静", "欧阳海燕", "诸葛明", "王平梅", "陈静宁"]
    for t in texts:
        for word in t.strip("（）").split():
            assert word in names, texts  # never a part of a name
    assert len({it.x for it in credit}) == 1  # one column
