"""Properties that hold for any paragraph (spec typography.md §1-§4): random mixes
of Han, punctuation (—— …… brackets quotes), Latin, digits, URLs, spaces, at any
measure and style."""

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.compose import ParagraphStyle, Run, compose_paragraph, count_lines, linebreak
from layout.compose.classes import NEWSPAPER_START_OK, prohibitions
from layout.compose.prepare import CREDIT
from layout.compose.segment import find_clusters
from layout.fonts import default_fontset

SIZE = 9.0
TOL = 0.01
FONTS = default_fontset()

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
PUNCT = list("，。、；：？！“”‘’（）《》「」【】·") + ["——", "……", "—", "/"]
ASCII_PUNCT = list(",.;:()%")
WORDS = ["G342", "3.8", "2020", "80%", "COVID-19", "iPhone", "the", "news", "¥100", "1,000", "10:30",
         "Pneumonoultramicroscopic",
         # codes and numbers whose joiners the letter squeeze tightens too (rich archives)
         "000725.SZ", "94,156.4", "400-820-1234", "8:30", "1/3", "-13℃"]
URLS = ["https://www.example.com/a/b?x=1", "mail@example.org", "www.pyrd.gov.cn",
        "http：//jb.gov.cn/zwgk/t20200109_884512.shtml", "example.com/news/2020/0121/c1024-31557.html"]

token = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=6),
    st.sampled_from(PUNCT),
    st.sampled_from(ASCII_PUNCT),
    st.sampled_from(WORDS),
    st.sampled_from(URLS),
    st.just(" "),
    # archives' other blanks: an em space (the byline gap), U+3000 separators, NBSP after 。
    st.sampled_from(["\u2003", "\u3000", "\u3000\u3000", "。\u00a0"]),
)
DISCARDED = " \u2003\u3000"  # blanks a line break may discard (U+3000 only inside a paragraph)


def _visible(s: str) -> str:
    return s.translate({ord(c): None for c in DISCARDED})
paragraph = st.lists(token, min_size=1, max_size=40).map("".join)
styles = st.builds(
    ParagraphStyle,
    indent=st.sampled_from([0.0, 1.0, 2.0]),
    kinsoku=st.sampled_from(["none", "basic", "gb", "strict", "newspaper"]),
    punct=st.sampled_from(["full", "kaiming", "gb"]),
    hanging=st.booleans(),
    avoid_orphan=st.booleans(),
    words=st.booleans(),  # breaking by sense (leads): the same properties hold
)
measures = st.floats(min_value=2.0, max_value=30.0).map(lambda em: round(em * SIZE, 2))

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def compose(text, measure, style):
    return compose_paragraph([Run(text, "song", SIZE)], measure, style, FONTS)


@PROPS
@given(paragraph, measures, styles)
def test_no_character_lost_duplicated_or_reordered(text, measure, style):
    cp = compose(text, measure, style)
    assert cp.text == text
    pos = 0
    for ln in cp.lines:
        assert text[pos:ln.start].strip(DISCARDED) == "", cp.dump()  # only discarded spaces between lines
        assert ln.chars == text[ln.start:ln.end]
        assert len(ln.xs) == len(ln.advances) == len(ln.lefts) == len(ln.chars)
        pos = ln.end
    assert text[pos:].strip(DISCARDED) == ""
    assert _visible("".join(ln.chars for ln in cp.lines)) == _visible(text)


@PROPS
@given(paragraph, measures, styles)
def test_count_lines_counts_the_lines_composed(text, measure, style):
    runs = [Run(text, "song", SIZE)]
    assert count_lines(runs, measure, style, FONTS) == len(compose_paragraph(runs, measure, style, FONTS).lines)


@PROPS
@given(paragraph, measures, styles)
def test_no_line_wider_than_its_measure(text, measure, style):
    cp = compose(text, measure, style)
    overfull = any(p.kind in ("overfull", "forced-overfull") for p in cp.problems)
    for ln in cp.lines:
        if ln.right > measure + TOL:
            assert overfull, cp.dump()
        for left, adv in zip(ln.lefts, ln.advances, strict=True):
            assert left >= -TOL and adv >= -TOL
        rooms = list(zip(ln.lefts, ln.advances, strict=True))
        for (l0, a0), (l1, _a1) in zip(rooms, rooms[1:], strict=False):
            assert abs(l0 + a0 - l1) < 1e-6  # rooms tile the line
        assert ln.xs == tuple(sorted(ln.xs)) or ln.forced, cp.dump()  # extraction order = text order


@PROPS
@given(paragraph, measures, styles)
def test_justified_lines_are_flush(text, measure, style):
    cp = compose(text, measure, style)
    underfull = {p.offset for p in cp.problems if p.kind in ("underfull", "overfull", "forced-overfull")}
    for ln, nxt in zip(cp.lines, cp.lines[1:], strict=False):
        if ln.start in underfull or any(o in range(ln.start, ln.end) for o in underfull):
            continue
        if "\u3000" in text[ln.end:nxt.start] and ln.adjust == 0 and ln.right <= measure - SIZE + TOL:
            continue  # a cell's end, set ragged: the separator's white runs to the line's end
        credit = CREDIT.search(text)
        if credit and nxt.start == credit.start("credit") and ln.adjust == 0 and ln.right <= measure + TOL:
            assert nxt is cp.lines[-1] or len(credit["credit"]) * SIZE > measure, cp.dump()
            continue  # the text's end before its closing credit: set as a last line (§4)
        assert abs(ln.right - measure) < TOL, cp.dump()


@PROPS
@given(paragraph, measures, styles)
def test_prohibited_marks_only_as_a_reported_last_resort(text, measure, style):
    cp = compose(text, measure, style)
    narrow = measure / SIZE < 14
    no_start, no_end, dash_runs = prohibitions(style.kinsoku, narrow)
    for a, b in zip(cp.lines, cp.lines[1:], strict=False):
        first, last = b.chars[0], a.chars[-1]
        pair_dash = text[b.start:b.start + 2] in ("——", "……")  # (the pair may be split later, forced)
        bad_start = first in no_start and not (pair_dash and not dash_runs)
        if style.kinsoku == "newspaper" and narrow and first in NEWSPAPER_START_OK:
            bad_start = False
        if dash_runs and pair_dash:
            bad_start = True
        url_break = any(cl.kind == "url" and a.end in cl.soft for cl in find_clusters(text))
        if bad_start or (last in no_end and not url_break):
            assert a.forced, cp.dump()
            assert any(p.kind.startswith("forced") for p in cp.problems)


@PROPS
@given(paragraph, measures, styles)
def test_words_numbers_urls_dashes_split_only_at_their_break_points(text, measure, style):
    cp = compose(text, measure, style)
    breaks = {ln.end: ln for ln in cp.lines[:-1]}
    for cl in find_clusters(text):
        for k in range(cl.start + 1, cl.end):
            if k in breaks and k not in cl.soft:
                assert breaks[k].forced, cp.dump()


runs_strategy = st.lists(
    st.tuples(paragraph, st.sampled_from(["song", "hei", "kai"]), st.sampled_from([7.5, 9.0, 10.5, 14.0])),
    min_size=1, max_size=4,
).map(lambda rs: [Run(t, f, s) for t, f, s in rs])


@PROPS
@given(runs_strategy, measures, styles)
def test_mixed_faces_and_sizes(runs, measure, style):
    cp = compose_paragraph(runs, measure, style, FONTS)
    text = "".join(r.text for r in runs)
    assert _visible("".join(ln.chars for ln in cp.lines)) == _visible(text)
    overfull = any(p.kind in ("overfull", "forced-overfull") for p in cp.problems)
    for ln in cp.lines:
        assert ln.right <= measure + TOL or overfull, cp.dump()
        assert ln.size == max(ln.sizes)


def test_an_opening_mark_after_a_tightened_space_stays_right_of_it():
    """Found by the property above in CI: a line tightened to fit cut both the em
    space (to ¼ em) and the “ after it by half an em, so the mark was drawn left of the
    space (drawing order != text order).  The mark after a space keeps its left blank."""
    style = ParagraphStyle(indent=0.0, kinsoku="none", punct="full", han_latin=0.25, hanging=True, align="justify",
                           avoid_orphan=False, keep_bracket_in_indent=True, pair_em=1.5, fill_last=0.0, words=False)
    cp = compose("一http：//jb.gov.cn/zwgk/t20200109_884512.shtml一G342一3.8\u2003“G342", 90.0, style)
    tight = [ln for ln in cp.lines if "\u2003“" in ln.chars]
    assert tight and all(ln.xs == tuple(sorted(ln.xs)) for ln in tight), cp.dump()


def test_the_breaker_counts_no_shrink_the_line_setter_will_not_use():
    """The breaker took a line for fitting by cutting the 《 after a separator U+3000 by
    half an em, which the line setter then refused (the rule above): 0.75 pt over the
    measure, set in a 10-em column of a hand-written archive (tests/archive/data/pages,
    a timeline ``2024年5月　《…》施行``).  Both now use ``tightening_space``: U+3000 keeps
    its em, so the mark after it may shed its blank half; after a word or em space not."""
    fonts = default_fontset()
    for text in ("2024年5月\u3000《滨川市白鹭河保护条例》施行", "2024年5月\u2003《滨川市白鹭河保护条例》施行"):
        cp = compose_paragraph([Run(text, "song", 10.5)], 105.0, ParagraphStyle(indent=2.0), fonts)
        assert cp.text == text and not cp.problems, cp.dump()
        assert all(ln.right <= 105.0 + 1e-6 for ln in cp.lines), cp.dump()
        assert all(ln.xs == tuple(sorted(ln.xs)) for ln in cp.lines), cp.dump()


# a table row typed as text: cells (words, numbers with units) apart by U+3000 runs (archives.md)
CELL_HAN = "指标去年今年水质达标天数沿河绿化面积项目单位合计增长人口总量"
cell = st.one_of(st.text(alphabet=CELL_HAN, min_size=1, max_size=6),
                 st.sampled_from(["260天", "3.2万平方米", "12.5%", "1,234", "8:30—21:30", "66,775.5亿元"]))
table_row = st.lists(st.tuples(cell, st.integers(1, 6)), min_size=2, max_size=5).map(
    lambda cs: "".join(c + "\u3000" * k for c, k in cs[:-1]) + cs[-1][0])


@PROPS
@given(table_row, st.integers(min_value=6, max_value=14), st.sampled_from([0.0, 2.0]))
def test_a_table_row_as_text_keeps_every_character_and_no_cell_spread_apart(row, measure_em, indent):
    """Every character once and in order; every line but the last flush, or ragged
    at a cell's end (natural spacing, an em short or more); no two Han characters
    of a line more than 1.2 em of spread apart (a reader, and pdfcheck, then read
    the line as two)."""
    measure = measure_em * SIZE
    cp = compose_paragraph([Run(row, "song", SIZE)], measure, ParagraphStyle(indent=indent), FONTS)
    assert _visible("".join(ln.chars for ln in cp.lines)) == _visible(row)
    assert [ln.start for ln in cp.lines] == sorted(ln.start for ln in cp.lines)
    underfull = {p.offset for p in cp.problems if p.kind == "underfull"}  # nothing to spread between: reported
    for ln in cp.lines[:-1]:
        if row[ln.end] == "\u3000" and ln.adjust == 0 and ln.right <= measure - SIZE + TOL or ln.start in underfull:
            continue
        assert abs(ln.right - measure) < TOL, cp.dump()
        # a line holding a separator gives the slack to it (linebreak.to_cells): a cell's
        # characters at most ½ em of spread apart (LOOSE_EM), not 2 em inside one cell
        limit = 1.5 if "\u3000" in ln.chars else 2.2
        for k in range(len(ln.chars) - 1):
            if ln.chars[k] in CELL_HAN and ln.chars[k + 1] in CELL_HAN:
                assert ln.xs[k + 1] - ln.xs[k] <= limit * SIZE + TOL, cp.dump()


@PROPS
@given(paragraph, st.floats(min_value=6.0, max_value=14.0).map(lambda em: round(em * SIZE, 2)), styles)
def test_the_look_back_sets_the_same_characters_in_as_many_lines(text, measure, style):
    """``linebreak._refit`` (a loose line takes characters from up to REFIT_LINES
    lines above) moves breaks only: the same lines count, every character once,
    in order; kinsoku and the rest hold as the properties above check."""
    cp = compose(text, measure, style)
    with mock.patch.object(linebreak, "REFIT_LINES", 0):
        plain = compose(text, measure, style)
    assert len(cp.lines) == len(plain.lines), (cp.dump(), plain.dump())
    assert [ln.start for ln in cp.lines] == sorted(ln.start for ln in cp.lines)
    assert _visible("".join(ln.chars for ln in cp.lines)) == _visible(text)
