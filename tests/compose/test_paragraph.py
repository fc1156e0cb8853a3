"""Paragraph rules (spec typography.md §4): justification, the last line, 孤字,
hanging leads, inline runs in other faces, the character grid; and what the
composer does with input it cannot set well."""

import pickle

import pytest
from compose_helpers import SIZE, TOL, compose, texts

from layout.compose import Line, ParagraphStyle, Run, compose_paragraph

STORY = ("陈晓华指出，要提高站位，认清形势，以志在必得的决心打赢创建攻坚战。今年是我市迎接全国文明城市三年总评的"
         "又一次大考之年，开发区作为全市全国文明城市创建的主战场之一，创建工作虽然取得了一定的成绩，但由于今年"
         "测评标准更严、迎检难度更大、问题仍然很多，创建形势十分严峻。截至目前，入驻企业产值累计超过80亿元，"
         "实缴税收超过3.8亿元，带动就业超过2万余人，培育孵化企业累计超过1000家。")


@pytest.mark.parametrize("measure", [6, 8, 10, 12, 14, 17, 22])
def test_every_line_but_the_last_is_flush_both_sides(measure):
    cp = compose(STORY, measure, indent=2)
    for ln in cp.lines[:-1]:
        assert abs(ln.right - measure * SIZE) < TOL, cp.dump()
    last = cp.lines[-1]
    # never loosened; it may have been tightened to take in the paragraph's end
    assert last.final and last.adjust <= 0.0 and last.right <= measure * SIZE + TOL
    assert not cp.problems


def test_the_last_line_is_flush_left_at_natural_spacing():
    cp = compose("一二三四五六七八九十一二", 10)
    last = cp.lines[-1]
    assert [g.x for g in last.glyphs] == [0.0, SIZE]


def test_pure_han_lines_sit_on_the_character_grid():
    cp = compose("国" * 100, 12, indent=2)
    for ln in cp.lines:
        for g in ln.glyphs:
            assert g.x / SIZE == int(g.x / SIZE)  # exact, not approximately


def test_first_line_indent():
    cp = compose(STORY, 10, indent=2)
    assert cp.lines[0].glyphs[0].x == 2 * SIZE
    assert cp.lines[0].indent == 2 * SIZE
    assert cp.lines[1].glyphs[0].x == 0.0


def test_orphan_is_avoided_by_pulling_a_character_down():
    # 9 Han + 。 in 8 em: natural lines "一…八" + "九。" -> one Han on the last line
    text = "一二三四五六七八九。"
    cp = compose(text, 8)
    last = cp.lines[-1]
    content = [c for c in last.text if c not in "。，、"]
    assert len(content) >= 2, cp.dump()
    assert abs(cp.lines[-2].right - 8 * SIZE) < TOL


def test_orphan_avoidance_can_be_switched_off():
    cp = compose("一二三四五六七八九。", 8, avoid_orphan=False)
    assert cp.lines[-1].text == "九。"


def test_orphan_avoidance_in_real_text():
    for measure in range(5, 30):
        cp = compose(STORY, measure, indent=2)
        last = cp.lines[-1].text.rstrip("。，、”）")
        assert len(last) >= 2 or len(cp.lines) == 1, cp.dump()


def test_lead_bullet_hangs():
    text = "■严格对照标准抓创建，逐项逐条吃透测评规则、摸清评分标准"
    cp = compose(text, 10, hanging=True)
    bullet = cp.lines[0].glyphs[0]
    assert bullet.ch == "■" and bullet.x == 0.0
    text_x = cp.lines[0].glyphs[1].left
    assert text_x == pytest.approx(SIZE)
    for ln in cp.lines[1:]:
        assert ln.glyphs[0].left == pytest.approx(text_x)
        assert ln.indent == pytest.approx(text_x)
    for ln in cp.lines[:-1]:
        assert abs(ln.right - 10 * SIZE) < TOL


def test_inline_run_in_another_face(fonts):
    runs = [Run("本报讯", "hei", SIZE), Run(" 8月3日，开发区召开全国文明城市创建工作加压推进会。", "song", SIZE)]
    cp = compose_paragraph(runs, 12 * SIZE, ParagraphStyle(indent=2), fonts)
    first = cp.lines[0]
    assert [g.face for g in first.glyphs[:3]] == ["hei"] * 3
    assert first.glyphs[3].face == "song"
    assert cp.text.startswith("本报讯 8月")
    assert abs(first.right - 12 * SIZE) < TOL


def test_mixed_sizes_line_size_is_the_largest(fonts):
    runs = [Run("大字", "hei", 14.0), Run("小字正文内容继续排下去直到换行为止的一段文字", "song", SIZE)]
    cp = compose_paragraph(runs, 8 * SIZE, ParagraphStyle(indent=0), fonts)
    assert cp.lines[0].size == 14.0
    assert cp.lines[-1].size == SIZE
    for ln in cp.lines[:-1]:
        assert abs(ln.right - 8 * SIZE) < TOL


def test_missing_glyph_is_kept_and_reported():
    cp = compose("一二\ue000三四", 10)  # a private-use character no face has
    assert "\ue000" in cp.lines[0].text
    problems = [p for p in cp.problems if p.kind == "missing-glyph"]
    assert len(problems) == 1 and problems[0].offset == 2


def test_empty_and_blank_paragraphs():
    assert compose("", 10).lines == ()
    assert compose("   ", 10).lines == ()


def test_measure_narrower_than_a_character_does_not_hang():
    cp = compose("一二三", 0.5)
    assert texts(cp) == ["一", "二", "三"]
    assert any(p.kind in ("overfull", "forced-overfull") for p in cp.problems)


def test_bad_style_values_are_refused():
    with pytest.raises(ValueError, match="punctuation mode"):
        compose("一二", 5, punct="half")
    with pytest.raises(ValueError, match="kinsoku"):
        compose("一二", 5, kinsoku="loose")


def test_lines_pickle_and_compare():
    cp = compose(STORY, 12)
    _ = cp.lines[0].glyphs  # cached glyphs are not pickled
    back = pickle.loads(pickle.dumps(cp))
    assert back == cp
    assert back.lines[0].glyphs == cp.lines[0].glyphs


def test_line_from_glyphs_round_trips():
    ln = compose(STORY, 12).lines[1]
    again = Line.from_glyphs(ln.glyphs, measure=ln.measure, start=ln.start, end=ln.end)
    assert again.glyphs == ln.glyphs and again.right == ln.right


def test_an_ideographic_space_inside_a_paragraph_is_a_separator_discarded_at_a_break():
    """Archives separate items with U+3000 inside a paragraph (archives.md): at a
    line break it goes like a space -- kept, it ended a line an em short of the
    measure (pdfcheck: justification 9 pt) or indented the next (a false paragraph
    start).  Mid-line it keeps its em; a leading U+3000 (a hand-made indent) stays.
    A line ending at one is flush on both sides, or -- when it would be spread loose
    with an em or more to share -- set ragged at natural spacing (a cell's end)."""
    text = "时间：2020年1月10日\u3000\u3000地点：市民中心三楼\u3000主办：区文化馆\u3000承办：各街道办事处，欢迎市民参加。"
    for measure in range(8, 20):
        cp = compose(text, measure, indent=2.0)
        assert "".join(ln.text for ln in cp.lines).replace("\u3000", "") == text.replace("\u3000", "")
        for ln in cp.lines:
            assert not ln.text.startswith("\u3000") and not ln.text.endswith("\u3000"), (measure, cp.dump())
        for ln in cp.lines[:-1]:
            if text[ln.end] == "\u3000" and ln.adjust == 0:
                assert ln.right <= (measure - 1) * SIZE + 0.01, (measure, cp.dump())
                continue
            assert abs(ln.right - measure * SIZE) < 0.01, (measure, cp.dump())
            for k, ch in enumerate(ln.chars):
                if ch == "\u3000":
                    assert ln.advances[k] >= SIZE - 0.01  # never squeezed below its em
    kept = compose("\u3000\u3000（张明）", 10)
    assert kept.lines[0].text == "\u3000\u3000（张明）"


def test_a_last_line_of_marks_alone_is_avoided_like_an_orphan():
    """``……”`` may start a line (§1, basic), so first-fit left it alone as a
    paragraph's last line (a column top read as a line of nothing): it is pulled
    into a line like a 孤字 (§4)."""
    text = "今年以来全区新建公园十二处，一年四季都有收成，村民们说：“日子越过越好了……”"
    for measure in range(8, 20):
        cp = compose(text, measure, indent=2.0)
        assert "".join(texts(cp)) == text
        last = cp.lines[-1].text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in last), (measure, cp.dump())


def test_a_table_row_typed_as_text_breaks_at_its_cells_and_leaves_a_cell_end_ragged():
    """A table row typed with U+3000 runs between cells (archives.md; forms-body)
    in an 8-em column: ``指标`` could not take ``去年`` on its line and was spread
    to the column's edges, 4 em between 指 and 标 (pdfcheck: 指 alone, a 孤字).
    The separator's white runs on to the line's end instead (a cell's end, set
    flush left at natural spacing), and a cell is not broken for a line it does
    not fit (``3.2万平方米　5.6|万平方米`` by the letter squeeze)."""
    rows = {"指标\u3000\u3000\u3000\u3000\u3000\u3000去年\u3000\u3000\u3000\u3000今年": ["指标", "去年\u3000\u3000\u3000\u3000今年"],
            "水质达标天数\u3000\u3000260天\u3000\u3000\u3000\u3000331天": ["水质达标天数", "260天", "331天"],
            "沿河绿化面积\u3000\u30003.2万平方米\u30005.6万平方米": ["沿河绿化面积", "3.2万平方米", "5.6万平方米"]}
    for row, want in rows.items():
        cp = compose(row, 8, indent=2.0)
        assert texts(cp) == want, cp.dump()
        for ln in cp.lines[:-1]:
            assert ln.adjust == 0, cp.dump()  # natural spacing: full, or ragged an em short or more
            assert abs(ln.right - 8 * SIZE) < TOL or ln.right <= 7 * SIZE + TOL, cp.dump()
    first = compose("指标\u3000\u3000\u3000\u3000\u3000\u3000去年\u3000\u3000\u3000\u3000今年", 8, indent=2.0).lines[0]
    assert first.xs == pytest.approx((2 * SIZE, 3 * SIZE))  # 指标 solid, from the indent


def test_a_line_ending_at_a_separator_is_justified_when_its_spread_is_small():
    """Ragged only where spreading would open the cell's characters (over ½ em a
    gap, with an em or more to share): a long line before a separator is flush
    as any other (§4), and so is a short cell line within ½ em a gap
    (``水质达标天数`` on an 8-em line, 0.4 em: a label set to the measure)."""
    text = "主办单位：市文化广电和旅游局\u3000\u3000协办单位：各街道办事处和社区居委会"
    cp = compose(text, 15, indent=0.0)
    assert texts(cp)[0] == "主办单位：市文化广电和旅游局", cp.dump()
    assert cp.lines[0].adjust > 0 and abs(cp.lines[0].right - 15 * SIZE) < TOL
    label = compose("水质达标天数\u3000\u3000260天\u3000\u3000\u3000\u3000331天", 10, indent=2.0).lines[0]
    assert label.text == "水质达标天数" and abs(label.right - 10 * SIZE) < TOL
    assert label.xs[1] - label.xs[0] == pytest.approx(1.4 * SIZE)


@pytest.mark.parametrize("measure", [9, 11, 12, 13])
def test_a_line_with_a_separator_inside_gives_its_slack_to_the_separator(measure):
    """A table row typed with U+3000 runs (archives.md) reflowed in a narrow
    column: ``年　　　　8:30—`` has one junction (between 0 and —), and spreading
    the slack evenly (§4) opened 2 em there, the time torn from its dash.  A table
    typed with full-width spaces is set with each cell at natural spacing and the
    white between the cells widened: the separator takes what the word spaces
    and Han-Latin gaps leave (§2 loosen order, then the cells)."""
    row = "年\u3000\u3000\u3000\u30008:30—21:30\u3000\u3000\u3000量合合增年质"
    cp = compose(row, measure, indent=0.0)
    for ln in cp.lines[:-1]:
        if row[ln.end] == "\u3000":  # a cell's end: ragged (the test above)
            continue
        assert abs(ln.right - measure * SIZE) < TOL, cp.dump()
        if "\u3000" not in ln.text:
            continue
        for k in range(len(ln.chars) - 1):  # no cell opened beyond ½ em a gap (linebreak.LOOSE_EM)
            if "\u3000" not in ln.chars[k:k + 2]:
                natural = compose(ln.chars[k:k + 2], 4).lines[0]
                assert ln.xs[k + 1] - ln.xs[k] <= natural.xs[1] - natural.xs[0] + 0.5 * SIZE + TOL, cp.dump()
    line = next(ln for ln in cp.lines if ln.text.startswith("年"))
    assert line.xs[1] - line.xs[0] == pytest.approx(SIZE)  # the separator keeps its em ...
    assert line.lefts[line.chars.index("8")] > 5 * SIZE - TOL  # ... and takes the slack after it
    # a byline's em space in prose keeps its em: the even spread there is small
    prose = compose("本报讯（记者 林晓雨）\u3000十月十日上午，伴着锣鼓声，清河老街重新开街。", 19, indent=2.0)
    sp = prose.lines[0]
    k = sp.chars.index("\u3000")
    assert sp.adjust > 0.5 * SIZE and sp.xs[k + 1] - sp.xs[k] < 1.1 * SIZE, prose.dump()


CREDITED = "孩子的笑脸，是检验课后服务的最好标准。（林　溪）"


@pytest.mark.parametrize("measure", [11, 12, 12.5])
def test_a_closing_credit_on_a_line_of_its_own_goes_flush_right(measure):
    """``…标准。|（林　溪）`` (jiaoyu-hexin): the line before the credit was justified
    to the edge, 0.44 em a gap on a short line.  It is the text's last line, set
    as one (§4: flush left, natural spacing); the credit goes flush right."""
    cp = compose(CREDITED, measure, indent=2.0)
    assert texts(cp)[-1] == "（林\u3000溪）", cp.dump()
    text_end, credit = cp.lines[-2], cp.lines[-1]
    assert text_end.text.endswith("标准。") and text_end.adjust == 0, cp.dump()
    assert text_end.xs == pytest.approx(tuple(text_end.lefts))  # nothing spread
    assert credit.right == pytest.approx(measure * SIZE) and credit.adjust == 0
    for ln in cp.lines[:-2]:
        assert abs(ln.right - measure * SIZE) < TOL


def test_a_credit_that_fits_stays_on_the_last_line_and_a_bracket_inside_text_is_no_credit():
    wide = compose(CREDITED, 16, indent=2.0)  # 2 + 19 + 4 ems: the credit ends the last line
    assert texts(wide)[-1].endswith("标准。（林\u3000溪）") and wide.lines[-1].lefts[0] == 0.0
    # not after a sentence's end: a bracket of the text, not a credit
    plain = compose("孩子的笑脸是检验课后服务的最好标准的一种说法（林溪）", 12, indent=2.0)
    assert all(abs(ln.right - 12 * SIZE) < TOL for ln in plain.lines[:-1]), plain.dump()
    assert plain.lines[-1].lefts[0] == 0.0
