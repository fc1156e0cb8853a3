"""``classify`` takes the CJK Unified Ideographs block as Han without asking the
Unicode database (a shortcut for speed): the database must agree on every one."""

from layout.compose.classes import HAN, URO_FIRST, URO_LAST, classify, classify_by_properties


def test_every_unified_ideograph_is_han_by_its_properties() -> None:
    block = range(ord(URO_FIRST), ord(URO_LAST) + 1)
    assert [hex(cp) for cp in block if classify_by_properties(chr(cp)) != HAN] == []


def test_next_to_the_block_the_properties_decide() -> None:
    for ch in ("\u4dbf", "\u4dc0", "\ua000", "\ua48c"):  # Ext. A, a Yijing hexagram, Yi
        assert classify(ch) == classify_by_properties(ch)
    assert classify("\u4dc0") != HAN
