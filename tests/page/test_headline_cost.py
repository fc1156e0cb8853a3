"""Breaking a headline by sense composes each candidate piece to see whether it
fits one line; a piece whose Han characters alone are wider than the measure is
told without composing it (``place.sense._surely_wider``, issue 13 class 7).
That shortcut must never disagree with the composer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.fonts import default_fontset
from layout.model.types import TextStyle
from layout.place import sense

FONTS = default_fontset()
HAN = "城郊荷花竞相开放社区义诊进万家夜市烟火气回来了科技小院助农增收"
OTHER = ["，", "、", "“", "”", "《", "》", "·", "：", " ", "\u3000", "2020", "iPhone", "——", "…"]
pieces = st.lists(st.one_of(st.text(alphabet=HAN, min_size=1, max_size=4), st.sampled_from(OTHER)),
                  min_size=1, max_size=8).map("".join)
styles = st.builds(lambda face, size, tracking, punct: TextStyle(name="headline", face=face, size=size, leading=size * 1.3,
                                                                  align="center", breaks="words", tracking=tracking,
                                                                  punct=punct),
                   st.sampled_from(["hei-bold", "song"]), st.sampled_from([16.0, 18.0, 22.0, 26.0]),
                   st.sampled_from([0.0, 0.05, -0.05]), st.sampled_from(["gb", "kaiming", "full"]))


@settings(max_examples=300, deadline=None)
@given(pieces, styles, st.floats(min_value=10.0, max_value=300.0))
def test_a_piece_surely_wider_never_fits_one_line(text, style, width):
    if sense._surely_wider(text, style, width, FONTS):
        assert len(sense._compose(text, style, width, FONTS, "left")) != 1


def test_the_shortcut_takes_the_pieces_too_wide():
    """Seven Han characters of 18 pt are wider than 108 pt (six fit): told at once;
    six are not."""
    style = TextStyle(name="headline-3", face="hei-bold", size=18.0, leading=24.0, align="center", breaks="words")
    assert sense._surely_wider("城郊荷花竞相开", style, 108.0, FONTS)
    assert not sense._surely_wider("城郊荷花竞相", style, 108.0, FONTS)
    assert not sense._surely_wider("城，郊，荷，花，竞，相，开", style, 108.0, FONTS)  # no two Han side by side
