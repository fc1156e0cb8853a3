"""Han-Latin spacing and Western clusters (spec typography.md §3, §1 "never split")."""

import pytest
from compose_helpers import SIZE, compose, following, glyph, texts

WIDE = 40


def test_quarter_em_between_han_and_latin_or_digits(fonts):
    cp = compose("国道G342线", WIDE)
    face = fonts.face("song")
    dao, g = glyph(cp, "道")[0], glyph(cp, "G")[0]
    assert g.left - (dao.left + SIZE) == pytest.approx(SIZE / 4)
    two, xian = glyph(cp, "2")[0], glyph(cp, "线")[0]
    assert xian.left - (two.left + face.advance(ord("2")) * SIZE) == pytest.approx(SIZE / 4)


def test_no_gap_next_to_full_width_marks_or_inside_the_number(fonts):
    cp = compose("他说“G5”，3.8亿", WIDE)
    face = fonts.face("song")
    quote, g = glyph(cp, "“")[0], glyph(cp, "G")[0]
    assert g.left == pytest.approx(quote.left + quote.advance)
    five, close = glyph(cp, "5")[0], glyph(cp, "”")[0]
    assert close.left == pytest.approx(five.left + five.advance)
    for a, b in ("G5", "3.", ".8"):
        ga = glyph(cp, a)[0]
        gb = following(cp, a)
        assert gb.ch == b
        assert gb.left == pytest.approx(ga.left + face.advance(ord(a)) * SIZE)


def test_no_gap_at_line_start_or_end():
    cp = compose("一二三四ABCD五六七八", 6)
    for ln in cp.lines:
        assert abs(ln.right - ln.measure) < 0.01 or ln.final
    starts = [ln for ln in cp.lines if ln.text[0] in "ABCD"]
    for ln in starts:
        assert ln.glyphs[0].x == 0.0


def test_latin_is_proportional(fonts):
    cp = compose("illumination", WIDE)
    i, m = glyph(cp, "i")[0], glyph(cp, "m")[0]
    face = fonts.face("song")
    assert i.advance == pytest.approx(face.advance(ord("i")) * SIZE)
    assert m.advance > i.advance


@pytest.mark.parametrize("unit", ["G342", "3.8", "2020", "80%", "1,000", "10:30", "¥100", "COVID"])
def test_words_and_numbers_are_never_split(unit):
    text = "一二三" + unit + "四五六七八九"
    for tenths in range(40, 90, 3):
        cp = compose(text, tenths / 10)
        joined = [ln.text for ln in cp.lines]
        assert any(unit in t for t in joined), cp.dump()


def test_url_breaks_only_after_its_separators():
    url = "https://www.example.com/news/2020/08/03/index.html"
    cp = compose("详见" + url + "。", 8)
    parts = [ln.text for ln in cp.lines]
    assert "".join(parts) == "详见" + url + "。"
    for a, b in zip(parts, parts[1:], strict=False):
        if a[-1].isascii() and b[0].isascii():
            assert a[-1] in "/.-_?&=#@:~" and b[0] not in "/.", parts
    assert not any(ln.forced for ln in cp.lines)


def test_email_breaks_only_at_its_natural_points():
    text = "来信请寄wang.jinyong@example.org，谢谢大家的支持和关注"
    for measure in range(6, 16):
        cp = compose(text, measure)
        parts = texts(cp)
        assert "".join(parts) == text
        for a, b in zip(parts, parts[1:], strict=False):
            if a[-1].isascii() and b[0].isascii():
                assert a[-1] in ".@", parts


def test_latin_word_spaces_stretch_first_then_the_rest():
    cp = compose("这是 a test of spaces 的一个例子啊啊啊啊啊啊", 9)
    first = cp.lines[0]
    assert not first.final and abs(first.right - 9 * SIZE) < 0.01


def test_overlong_word_is_split_as_a_reported_last_resort():
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"
    cp = compose(word, 5)
    assert "".join(texts(cp)) == word
    assert any(p.kind == "forced-split" for p in cp.problems)
    assert all(ln.right <= 5 * SIZE + 0.01 for ln in cp.lines)


def test_a_url_fragment_alone_on_a_line_is_spread_but_a_word_is_not():
    cp = compose("详见https://www.stats.gov.cn/t20200810_1781611.html。", 7)
    alone = [ln for ln in cp.lines if ln.text == "t20200810_"]
    assert alone and abs(alone[0].right - 7 * SIZE) < 0.01
    assert not any(p.kind == "underfull" for p in cp.problems)
    # 9.7 em: too short for the word and 八 even with its letters set solid
    # (LETTER_SQUEEZE_EM), too wide for the word alone
    word = compose("一二三四五六七Supercalifragilistic八九十", 9.7)
    short = [ln for ln in word.lines if ln.text == "Supercalifragilistic"]
    assert short and short[0].right < 9.7 * SIZE - 1  # never letterspaced (§3)
    assert any(p.kind == "underfull" for p in word.problems)


def test_loose_lines_are_balanced_with_the_line_above():
    text = "近年来，社区引入智慧养老平台（Smart Elderly Care Platform），为老人服务。"
    cp = compose(text, 7)
    for ln in cp.lines[:-1]:
        if ln.text.startswith("（") or ln.text.endswith("（"):
            raise AssertionError(cp.dump())
    # first-fit alone would leave "（Smart" with 3.6 em in its one gap
    worst = max(ln.adjust / max(1, sum(1 for _ in ln.text) - 1) for ln in cp.lines[:-1])
    assert worst < 1.5 * SIZE, cp.dump()


@pytest.mark.parametrize("measure", [8, 9])
def test_a_quoted_word_too_long_for_the_room_left_goes_down_whole_and_is_set_short(measure):
    """``本届论坛以“Green Development…”为主题`` in an 8-9-em column, 2-em indent: the
    word with its quote does not fit after 本届论坛以, and balancing the two lines
    took 坛以 down to fill the quote's line, leaving ``本届论`` spread 1.5-2 em a gap
    (pdfcheck splits the row there and reads 孤字).  The first line keeps its five
    characters (½ em a gap at most) and ``“Green``, one word and its quote, is set
    flush left: nothing may be spread inside the word (§3), and the slack put
    between it and its quote tore them apart.  The short line is reported."""
    text = "本届论坛以“Green Development for a Better Future”为主题，来自58个国家和地区的代表参加。"
    cp = compose(text, measure, indent=2.0)
    assert texts(cp)[:2] == ["本届论坛以", "“Green"], cp.dump()
    first, word = cp.lines[0], cp.lines[1]
    assert max(b - a for a, b in zip(first.xs, first.xs[1:], strict=False)) <= 1.5 * SIZE + 0.01, cp.dump()
    assert word.adjust == 0 and word.lefts[1] - word.lefts[0] <= 0.5 * SIZE + 0.01  # the quote at its word
    assert word.right < (measure - 1) * SIZE
    assert [p.offset for p in cp.problems if p.kind == "underfull"] == [word.start]
    # a line all within the limit is still preferred to a word set short (main's setting)
    loose = compose("近年来，社区引入智慧养老平台（Smart Elderly Care Platform），为老人服务。", 7)
    assert "Care" not in texts(loose), loose.dump()


def test_forced_split_of_an_overlong_address_avoids_a_leading_full_stop():
    cp = compose("见http://www.example.cn/u26aw54236.html", 6)
    assert not any(ln.text.startswith(".") for ln in cp.lines), cp.dump()
    assert "".join(texts(cp)) == "见http://www.example.cn/u26aw54236.html"


def test_addresses_as_archives_write_them_break_at_their_separators_and_justify():
    """``http：//`` (full-width colon) and bare hosts (``example.com/…``,
    ``a.gov.cn``) are addresses (archives.md): they break after / . _ and a line
    of address alone is spread to the measure, never left short (§1, §4)."""
    for url in ("http：//linchuan.org.cn/zwgk/tzgg/202001/t20200109_884512.shtml",
                "example.com/news/2020/0121/c1024-31557.html", "www.jb.gov.cn", "jiangbin.gov.cn"):
        text = "市民可登录" + url + "查询，也可拨打服务热线咨询。"
        for measure in (7, 9, 12):
            cp = compose(text, measure)
            assert "".join(texts(cp)) == text
            assert not any(p.kind in ("underfull", "forced-split") for p in cp.problems), cp.dump()
            for ln in cp.lines[:-1]:
                assert abs(ln.right - measure * SIZE) < 0.05, cp.dump()


def test_a_loose_line_ending_an_address_spreads_inside_it_not_all_before_the_stop():
    """``…example.com。`` alone on a line: its one junction (before 。) took all the
    slack, a hole of 1-2 em the checker reads as a line break.  The address
    shares the spread (§2 spread evenly; an address is the last place, not no place)."""
    worst = 0.0
    for pre in ("欢迎读者来信来稿，投稿邮箱：", "投稿邮箱：", "欢迎来稿，邮箱：", "来稿邮箱："):
        for mail in ("tougao@jiangbin.gov.cn", "zhang.wei@example.com", "www.qingzhou.edu.cn"):
            text = pre + mail + "。“您说的‘最后一公里’，我们记下了！”"
            for measure in range(8, 20):
                cp = compose(text, measure, indent=2.0)
                assert "".join(texts(cp)) == text
                for ln in cp.lines[:-1]:
                    gl = ln.glyphs
                    for a, b in zip(gl, gl[1:], strict=False):
                        if b.ch == "。" and a.ch.isascii():
                            worst = max(worst, a.advance - compose(a.ch, 5).lines[0].advances[0])
    assert worst < 0.5 * SIZE


def _widest_gap(ln) -> float:
    """The widest blank between two neighbouring glyphs' rooms of a line (pt)."""
    lefts, advs = ln.lefts, ln.advances
    gaps = [lefts[k + 1] - lefts[k] for k in range(len(lefts) - 1)]
    return max((g - a for g, a in zip(gaps, advs, strict=False)), default=0.0)


@pytest.mark.parametrize("word", ["iPhone", "COVID-19", "USB-C"])
def test_a_short_first_line_before_a_word_that_misses_by_a_hair_is_saved_by_setting_the_word_solid(word):
    """``他们推出|iPhone、`` at 10 em with a 2-em indent: the word and its 、 miss the
    first line by 0.6 pt after the whole §2 tighten order, and pushing the word down
    spread 他们推出 over the line (1.3 em per gap: four 孤字 to a reader).  The last
    tighten step (letters set solid, 3 % em a gap at most) takes the word up."""
    text = f"他们推出{word}、4K等新技术应用，搭载终端已覆盖全部网点。"
    for measure in (10, 11):
        cp = compose(text, measure, indent=2.0)
        assert "".join(texts(cp)) == text
        first = cp.lines[0]
        assert first.text != "他们推出", cp.dump()
        for ln in cp.lines[:-1]:
            assert abs(ln.right - measure * SIZE) < 0.01, cp.dump()
            # never letterspaced, and a letter gap loses at most 3 % em
            assert ln.adjust >= -ln.measure, cp.dump()
        glyphs = [g for ln in cp.lines for g in ln.glyphs if g.ch.isascii() and g.ch.isalnum()]
        for a, b in zip(glyphs, glyphs[1:], strict=False):
            if b.left > a.left:
                assert b.left - a.left >= a.advance - 0.03 * SIZE - 0.01


def test_the_letter_squeeze_is_not_used_when_the_line_would_not_be_loose():
    """A line that only ends short of an em or so keeps its Latin at natural width
    (the letter squeeze is a last resort, not a tighten step of §2)."""
    cp = compose("这一天他们发布了两款新的iPhone手机和一台新电脑以及更多的配件产品", 12)
    for ln in cp.lines:
        s = ln.chars
        for k in range(len(s) - 1):
            if s[k].isascii() and s[k].isalpha() and s[k + 1].isascii() and s[k + 1].isalpha():
                assert ln.lefts[k + 1] - ln.lefts[k] == pytest.approx(ln.advances[k])


def test_a_run_of_spaces_is_one_gap_when_a_line_is_spread():
    """The byline's em space after （记者…） took two shares of a loose line's spread
    (one each side), opening over 1.2 em after ） on a narrow column (pdfcheck read
    the line as two): a run of spaces is one spread point, and a run an em wide or
    more (em space, U+3000) takes no share at all."""
    from layout.compose import ParagraphStyle, Run, compose_paragraph
    from layout.fonts import default_fontset

    runs = [Run("本报讯", "hei", SIZE), Run("（记者 孙东）", "song", SIZE), Run("\u2003", "song", SIZE),
            Run("据统计，2019年，全市生态保护项目累计完成投资。", "song", SIZE)]
    cp = compose_paragraph(runs, 13 * SIZE, ParagraphStyle(indent=0.0), default_fontset())
    line = cp.lines[0]
    assert line.chars.endswith("\u2003据统") and line.adjust > 1, cp.dump()
    k = line.chars.index("\u2003")
    share = line.lefts[k + 2] - line.lefts[k + 1] - SIZE  # 据|统: one share
    assert share > 0.4
    assert line.lefts[k + 1] - line.lefts[k - 1] == pytest.approx(2 * SIZE)  # ） and the em space: none
    j = line.chars.index(" ")  # 记者 孙东: a word space takes one share, on one side only
    assert line.advances[j] <= 0.5 * SIZE + 1e-6  # the space itself: loosened to ½ em at most (§2)
    assert line.lefts[j] - line.lefts[j - 1] == pytest.approx(SIZE + share)


def test_a_stock_code_breaks_after_its_suffix_dot_not_inside_a_decimal():
    """``江滨电气（600519.SH）`` opening a paragraph in a 12-em column: the code was one
    unbreakable word, so 江滨电气 stood alone on the first line spread 1.5 em a gap.
    The dot between a digit and a letter ends a line like an address's; a decimal
    point never does (§1: ``3.8`` is never split)."""
    cp = compose("江滨电气（600519.SH）当日收盘价为38284元，涨幅为96.2%。", 12, indent=2.0)
    assert cp.lines[0].text == "江滨电气（600519.", cp.dump()
    for ln in cp.lines[:-1]:
        assert abs(ln.right - 12 * SIZE) < 0.01
    for text in ("增长3.8个百分点，全年达到1,234.5万元", "PM2.5浓度为33微克"):
        for measure in range(4, 12):
            ends = {ln.end for ln in compose(text, measure).lines}
            assert not ends & {i + 1 for i, ch in enumerate(text) if ch == "."}, measure


@pytest.mark.parametrize("company", ["南岭科技（000725.SZ）", "江滨电气（600519.SH）", "清河食品（002714.SZ）"])
def test_a_code_after_a_name_on_a_narrow_first_line_is_set_solid_with_its_dot(company):
    """``南岭科技（000725.|SZ）`` opening a paragraph in a 10-em column (2-em indent):
    with its digits set solid the code still missed the first line by 0.12 pt at
    9 pt, so 南岭科技 stood alone spread 1.3 em a gap (pdfcheck, rich set: four
    孤字 on one line).  The letter squeeze takes every gap inside the code, the one
    before its dot too, and never more than 3 % em a gap."""
    text = f"{company}当日收盘价为94,156.4元，涨幅为86.4％。"
    cp = compose(text, 10, indent=2.0)
    assert "".join(texts(cp)) == text
    assert cp.lines[0].text == company[:company.index(".") + 1], cp.dump()
    for ln in cp.lines[:-1]:
        assert abs(ln.right - 10 * SIZE) < 0.01, cp.dump()
        for k in range(len(ln.chars) - 1):  # two Han side by side: never 1.5 em apart
            if "\u4e00" <= ln.chars[k] <= "\u9fff" and "\u4e00" <= ln.chars[k + 1] <= "\u9fff":
                assert ln.xs[k + 1] - ln.xs[k] < 1.5 * SIZE, cp.dump()
    first = cp.lines[0]
    k = first.chars.index("（") + 1
    for j in range(k, len(first.chars) - 1):  # 000725. : at most 3 % em a gap off its natural width
        natural = compose(first.chars[j], 10).lines[0].advances[0]
        assert first.lefts[j + 1] - first.lefts[j] >= natural - 0.03 * SIZE - 0.01, first.chars[j]


def test_a_separator_never_leaves_one_character_alone_beside_it_at_a_line_edge():
    """U+3000 separators are a gap of their own (no share of the spread); a line
    ending ``…　　地`` or starting ``主　　…`` left one Han character beside a 2-em
    gap, read as a 孤字 within the line."""
    text = ("活动时间：5月13日（星期二）上午8:00\u3000\u3000地点：临川县养老服务中心\u3000\u3000主办单位：市统计局。"
            "欢迎广大市民踊跃参加，咨询电话：12345。")
    for measure in range(10, 20):
        cp = compose(text, measure, indent=2.0)
        for ln in cp.lines:
            t = ln.text
            assert not (len(t) >= 2 and t[-2] == "\u3000" and "\u4e00" <= t[-1] <= "\u9fff"), (measure, cp.dump())
            assert not (len(t) >= 2 and t[1] == "\u3000" and "\u4e00" <= t[0] <= "\u9fff"), (measure, cp.dump())
            k = t.find("\u3000")
            if 0 < k < len(t) - 1:
                j = k
                while t[j] == "\u3000":
                    j += 1
                assert ln.lefts[j] - ln.lefts[k] == pytest.approx(sum(ln.advances[k:j]))
                assert sum(ln.advances[k:j]) == pytest.approx((j - k) * SIZE)  # no share of the spread


def _han_gap(cp) -> float:
    """The widest blank between two Han characters on a justified line, in em (a
    1-em box each: what lies between is spread)."""
    gaps = [ln.xs[k + 1] - ln.xs[k] - SIZE for ln in cp.lines[:-1] for k in range(len(ln.chars) - 1)
            if "\u4e00" <= ln.chars[k] <= "\u9fff" and "\u4e00" <= ln.chars[k + 1] <= "\u9fff"]
    return max(gaps, default=0.0) / SIZE


REPORT = ("本报讯  其中约3/4的项目已经开工，增幅在4%—12%之间，部分地区达到15%～24%。据《北川日报》报道，"
          "北川高新区引进了一批新设备；与此同时，清河村预计年内全面完工。全年累计完成投资38,124.7亿元，"
          "新建道路30,482.0km，改造管网9.2公里。")


def test_a_line_before_a_number_that_does_not_fit_takes_from_lines_further_up():
    """``新建道路|30,482.0km，`` in an 8-em column: the number did not fit, the
    line above had only 元， to give, and 新建道路 was spread 1.33 em a gap
    (rich set: pdfcheck splits a row at gaps over 1.2 em and reads 孤字).  The
    look-back sets the lines above again, each giving a character or two: no two
    Han characters over 0.6 em apart, in as many lines as first-fit took."""
    cp = compose(REPORT, 8, indent=2.0)
    assert "".join(texts(cp)) == REPORT
    assert len(cp.lines) == 16 and "新建道路" not in texts(cp), cp.dump()
    assert _han_gap(cp) < 0.6, cp.dump()
    for ln in cp.lines[:-1]:
        assert abs(ln.right - 8 * SIZE) < 0.01, cp.dump()


def test_a_character_pulled_down_for_the_last_line_does_not_leave_the_line_above_loose():
    """The 孤字 fix pulled 万 down to 人。 and left ``人口约711.4`` spread 0.7 em a
    gap (over 1 em after 约): the look-back runs after that fix too."""
    text = ("值得一提的是,青州湾便民服务站面积达65平方米,可容纳1635人。记者了解到,青州湾共有停车场、口袋公园、"
            "公共卫生间、养老服务中心、菜市场等公共设施394处(其中新建29处),服务人口约711.4万人。")
    cp = compose(text, 8, indent=2.0)
    assert texts(cp)[-1] == "万人。" and _han_gap(cp) < 0.5, cp.dump()
