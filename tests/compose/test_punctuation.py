"""Punctuation width (标点挤压, spec typography.md §2): adjacent marks, line-end
marks, line-start brackets, the three modes, and the ink side read from the font."""

import pytest
from compose_helpers import SIZE, TOL, compose, following, glyph

WIDE = 30  # em: everything on one line


def pair_width(cp, a: str) -> float:
    """Room from the left of mark ``a`` to the left of the glyph after its pair."""
    g, ln = glyph(cp, a)
    k = ln.glyphs.index(g)
    return ln.glyphs[k + 2].left - g.left


@pytest.mark.parametrize("pair", ["。”", "）。", "”，", "》、", "，“", "“《"])
def test_adjacent_marks_take_one_and_a_half_em(pair):
    cp = compose(f"一{pair}二", WIDE)
    assert pair_width(cp, pair[0]) == pytest.approx(1.5 * SIZE)


@pytest.mark.parametrize("pair", ["。”", "）。", "”，", "》、"])
def test_full_mode_keeps_adjacent_marks_full_width(pair):
    cp = compose(f"一{pair}二", WIDE, punct="full")
    assert pair_width(cp, pair[0]) == pytest.approx(2 * SIZE)


def test_the_blank_halves_between_the_marks_are_removed():
    cp = compose("一。”二", WIDE)
    stop, _ = glyph(cp, "。")
    quote = following(cp, "。")
    # 。 keeps its ink (left half) and loses its blank right half
    assert stop.advance == pytest.approx(SIZE / 2) and stop.x == stop.left
    # “《: the second mark loses its blank LEFT half: drawn half an em left of its room
    cp2 = compose("一“《二", WIDE)
    book = following(cp2, "“")
    assert book.x == pytest.approx(book.left - SIZE / 2)
    assert quote.ch == "”"


def test_line_end_mark_is_set_half_an_em_with_its_ink_at_the_edge():
    cp = compose("一二三四五六七，八九十", 7.5)
    first = cp.lines[0]
    assert first.text == "一二三四五六七，"
    comma = first.glyphs[-1]
    assert comma.advance == pytest.approx(SIZE / 2)
    assert comma.left + comma.advance == pytest.approx(7.5 * SIZE, abs=TOL)
    assert comma.x + SIZE == pytest.approx(8 * SIZE)  # the blank half lies outside the measure


def test_line_start_opening_bracket_loses_its_blank_half():
    cp = compose("一二三四五“六七八”九十", 5)
    second = cp.lines[1]
    assert second.text.startswith("“")
    quote = second.glyphs[0]
    assert quote.left == 0.0
    assert quote.x == pytest.approx(-SIZE / 2)  # origin half an em left: the ink starts at the edge


def test_indented_first_line_keeps_the_brackets_blank_half():
    cp = compose("“一二三”四五六七八九十", 6, indent=2)
    quote = cp.lines[0].glyphs[0]
    assert quote.x == pytest.approx(2 * SIZE) == quote.left
    cut = compose("“一二三”四五六七八九十", 6, indent=2, keep_bracket_in_indent=False)
    assert cut.lines[0].glyphs[0].x == pytest.approx(1.5 * SIZE)


def test_kaiming_halves_in_sentence_marks_but_not_sentence_ends():
    cp = compose("一，二、三；四：五。六？七！八", WIDE, punct="kaiming")
    for mark in "，、；：":
        assert glyph(cp, mark)[0].advance == pytest.approx(SIZE / 2), mark
    for mark in "。？！":
        assert glyph(cp, mark)[0].advance == pytest.approx(SIZE), mark


def test_gb_mode_keeps_single_marks_full_width_mid_line():
    cp = compose("一，二。三", WIDE)
    assert glyph(cp, "，")[0].advance == pytest.approx(SIZE)
    assert glyph(cp, "。")[0].advance == pytest.approx(SIZE)


def test_middle_dot_takes_half_an_em_centred(fonts):
    cp = compose("马克思·韦伯", WIDE)
    dot, _ = glyph(cp, "·")
    assert dot.advance == pytest.approx(SIZE / 2)
    face = fonts.face(dot.face)
    cp_ = ord("·")
    ink_centre = (face.blank_left(cp_) + face.advance(cp_) - face.blank_right(cp_)) / 2 * SIZE
    box_centre = dot.left + SIZE / 4
    # the glyph box is centred in the half-em room; its ink is centred in its box
    glyph_centre = dot.x + face.advance(cp_) * SIZE / 2
    assert glyph_centre == pytest.approx(box_centre)
    assert abs(dot.x + ink_centre - box_centre) < 0.05 * SIZE


def test_ink_side_comes_from_the_font():
    # In song the quotes are full-width marks with the ink in one half; in kai
    # they are proportional (0.35 em, ink centred): nothing to compress there.
    song = compose("一。”二", WIDE)
    kai = compose("一。”二", WIDE, face="kai")
    assert glyph(song, "”")[0].advance == pytest.approx(SIZE)
    quote = glyph(kai, "”")[0]
    assert quote.advance < 0.5 * SIZE and quote.x == quote.left
    # 。 in kai still squeezes against a full-width closing bracket
    kai2 = compose("一。）二", WIDE, face="kai")
    assert glyph(kai2, "。")[0].advance == pytest.approx(SIZE / 2)


def test_compressed_marks_are_counted_on_the_line():
    cp = compose("一。”二，三", WIDE)
    assert cp.lines[0].compressed == 1


def test_tighten_order_commas_before_full_stops():
    # the line needs half an em: the comma gives it (§2: ，、； before 。？！)
    cp = compose("一，二。三四五六，七八", 8)
    first = cp.lines[0]
    assert first.text == "一，二。三四五六，"
    assert abs(first.right - 8 * SIZE) < TOL
    assert glyph(cp, "，")[0].advance == pytest.approx(SIZE / 2)
    assert glyph(cp, "。")[0].advance == pytest.approx(SIZE)


@pytest.mark.parametrize("pair", ["，“", "）（", "。「"])
def test_style_may_set_facing_blanks_in_one_em(pair):
    assert pair_width(compose(f"一{pair}二", WIDE, pair_em=1.0), pair[0]) == pytest.approx(SIZE)
    assert pair_width(compose(f"一{pair}二", WIDE), pair[0]) == pytest.approx(1.5 * SIZE)


def test_kaiming_comma_before_a_quote_is_one_and_a_half_em():
    assert pair_width(compose("一，“二", WIDE, punct="kaiming"), "，") == pytest.approx(1.5 * SIZE)
