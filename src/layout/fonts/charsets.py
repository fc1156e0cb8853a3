"""The Han repertoires of GB 2312 and GBK, for reporting a face's coverage.

Why these two: GB 2312's 6,763 Han characters are what every mainland body face
must have; GBK's ~21,000 are what an archive of names and places needs (the bundled
faces are subset to GBK, see scripts/build_fonts.py).  Both are derived from
Python's own codecs, not from a table typed into the code.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# GB 2312 places its Han characters in rows 16-87 (lead bytes 0xB0-0xF7, trail
# bytes 0xA1-0xFE): 3,755 level-1 characters by pinyin, 3,008 level-2 by radical.
GB2312_HAN_LEADS = range(0xB0, 0xF8)
GB2312_TRAILS = range(0xA1, 0xFF)

# GBK extends the code space to lead bytes 0x81-0xFE and trail bytes 0x40-0xFE
# (except 0x7F).
GBK_LEADS = range(0x81, 0xFF)
GBK_TRAILS = range(0x40, 0xFF)


def is_han(ch: str) -> bool:
    """A CJK unified or compatibility ideograph (any block)."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _decode_all(codec: str, leads: range, trails: range) -> frozenset[int]:
    out: set[int] = set()
    for lead in leads:
        for trail in trails:
            if trail == 0x7F:
                continue
            try:
                ch = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and is_han(ch):
                out.add(ord(ch))
    return frozenset(out)


@lru_cache(maxsize=1)
def gb2312_han() -> frozenset[int]:
    """The 6,763 Han characters of GB 2312."""
    return _decode_all("gb2312", GB2312_HAN_LEADS, GB2312_TRAILS)


@lru_cache(maxsize=1)
def gbk_han() -> frozenset[int]:
    """Every Han character GBK can encode."""
    return _decode_all("gbk", GBK_LEADS, GBK_TRAILS)
