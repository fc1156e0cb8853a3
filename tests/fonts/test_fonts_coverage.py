"""Coverage and fallback: a character no face has is reported with its code point and
every place it occurs; a character missing from the primary face comes from the
next face along the chain."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.fonts import FaceSpec, check_text, default_fontset, missing_chars

# U+20000 (CJK Ext. B) is outside GBK, so outside every bundled face; U+E000 is private use.
EXT_B = "\U00020000"
PUA = "\ue000"


def test_missing_characters_with_code_points_and_places(fonts):
    text = f"第一行{EXT_B}文字\n第二行\r\n{PUA}与{EXT_B}。\n"
    missing = missing_chars(text, fonts)
    assert [(m.char, m.code) for m in missing] == [(EXT_B, "U+20000"), (PUA, "U+E000")]
    ext_b, pua = missing
    assert [(o.line, o.column) for o in ext_b.occurrences] == [(1, 4), (3, 3)]
    assert [text[o.offset] for o in ext_b.occurrences] == [EXT_B, EXT_B]
    assert [str(o) for o in pua.occurrences] == ["3:1"]
    assert ext_b.describe().startswith(f"{EXT_B} U+20000 (CJK UNIFIED IDEOGRAPH-20000) x2 at 1:4, 3:3")
    assert "private use" in pua.describe()
    assert fonts.missing(text) == [0x20000, 0xE000]


def test_full_coverage_of_a_newspaper_sentence(fonts):
    text = "本报讯（记者 王某）8月10日，濮阳经济技术开发区召开“三比一创”推进会——会议指出……\t■ 提要"
    report = check_text(text, fonts)
    assert report.complete and report.missing == ()
    assert report.distinct == len(set(text) - {"\t"})


def test_long_lists_of_places_are_shortened(fonts):
    text = (EXT_B + "\n") * 9
    (m,) = missing_chars(text, fonts)
    assert len(m.occurrences) == 9
    assert m.describe(limit=3).endswith("1:1, 2:1, 3:1, ... (6 more)")


def test_character_missing_from_the_primary_face_falls_back(small_ttc):
    """A user set whose primary face has only a few characters: the rest come
    from the chain, in order, and the report says which face gave them."""
    fonts = default_fontset().with_faces([FaceSpec("tiny", str(small_ttc), 1)], {"tiny": ["kai", "song"]})
    assert fonts.chain("tiny")[:3] == ("tiny", "kai", "song")
    assert fonts.resolve(ord("楷"), "tiny").role == "tiny"
    assert fonts.resolve(ord("濮"), "tiny").role == "kai"
    report = check_text("楷书濮阳", fonts, role="tiny")
    assert report.complete and report.fallback == {"kai": "濮阳"}


def test_with_faces_keeps_faces_already_loaded(fonts):
    song = fonts.face("song")
    other = fonts.with_faces([], {"song": ["kai"]})
    assert other.face("song") is song
    assert other.chain("song")[:2] == ("song", "kai")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(["中", "文", "\n", " ", EXT_B, PUA, "a", "。"]), max_size=40))
def test_places_point_at_the_character(text):
    fonts = default_fontset()
    lines = text.split("\n")
    for m in missing_chars(text, fonts):
        assert m.char in (EXT_B, PUA)
        for o in m.occurrences:
            assert text[o.offset] == m.char
            assert lines[o.line - 1][o.column - 1] == m.char
    assert {m.char for m in missing_chars(text, fonts)} == set(text) & {EXT_B, PUA}
