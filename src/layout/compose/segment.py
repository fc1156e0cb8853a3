"""Find the stretches of a paragraph that must not be split: Western words and
numbers, URLs and e-mail addresses, dash and ellipsis runs (spec typography.md §1,
§3), with the few places inside them where a line may still break.

Why a regular expression: in Chinese text these clusters are rare, and ``re``
scans the long runs of Han between them in C, so a paragraph of plain Han costs
almost nothing here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from layout.compose.classes import (
    CURRENCY_PREFIXES,
    DASH_MARKS,
    UNIT_SUFFIXES,
    URL_BREAK_AFTER,
    WESTERN_RANGES,
    WORD_BREAK_JOINERS,
    WORD_JOINERS,
)

WORD = "word"
URL = "url"
DASHES = "dashes"


class Cluster(NamedTuple):
    """``text[start:end]`` is one unit; a line may break only at ``soft`` (absolute
    boundary indices strictly inside it, kinsoku still applies)."""

    start: int
    end: int
    kind: str
    soft: tuple[int, ...]


def _cls(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


_W = f"[{WESTERN_RANGES}]"
_WORD_RE = (
    f"[{_cls(CURRENCY_PREFIXES)}]?{_W}+"
    f"(?:[{_cls(WORD_JOINERS + WORD_BREAK_JOINERS)}]{_W}+)*"
    f"[{_cls(UNIT_SUFFIXES)}]?"
)
# A URL runs to the first space, CJK character, full-width form or general
# punctuation mark (U+2010-U+206F: dashes, quotes, ……, which never stand in an
# address; ``x=1,……`` took the ellipsis into the URL and broke before it).
_URL_BODY = "[^\\s<>\"'\u2010-\u206f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
# A scheme is also written with a full-width colon in archives (``http：//``,
# archives.md "Characters to expect"); a bare host (``example.com/news/…``,
# ``a.gov.cn``) is an address too: a path after it, or two dots and a letter TLD.
_HOST = "[A-Za-z0-9][A-Za-z0-9\\-]*(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}"
_URL_RE = (
    f"(?:(?:https?|ftp)[:\uff1a]//|www\\.){_URL_BODY}+"
    f"|{_HOST}/{_URL_BODY}*"
    "|[a-z0-9][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+)+\\.[a-z]{2,}(?![A-Za-z0-9])"
)
_EMAIL_RE = "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+"
_DASH_RE = f"(?P<d>[{_cls(DASH_MARKS)}])(?P=d)+"
_OTHER_CLUSTERS = f"(?P<mail>{_EMAIL_RE})|(?P<word>{_WORD_RE})|(?P<dash>{_DASH_RE})"


@cache
def cluster_re(urls: bool = True) -> re.Pattern[str]:
    """The pattern of an unbreakable cluster (URL, e-mail, word, dashes).  Compiled on
    first use, and without its URL alternative for text that cannot hold a URL
    (``_may_hold_url``): the URL's negated class over the CJK ranges is half of the
    ~6 ms the whole pattern takes to compile, once per process."""
    return re.compile((f"(?P<url>{_URL_RE})|" if urls else "") + _OTHER_CLUSTERS)


def _may_hold_url(text: str) -> bool:
    """Could ``_URL_RE`` match anywhere in ``text``?  Only after one of its prefixes."""
    return "://" in text or "www." in text or "\uff1a//" in text or _BARE_HOST.search(text) is not None


# a letter-led host label then a dot and letters: the cheap test for a bare host
_BARE_HOST = re.compile("[A-Za-z0-9\\-]\\.[A-Za-z]{2,}")


# Every character a match of cluster_re() can begin with: a URL's h/f/w and an
# e-mail's first character (Latin letters, digits and ``._%+-``), a currency sign
# or letter opening a word, a dash.  ``re`` cannot skip ahead by itself through an
# alternation of groups (it tries all four at every character, ~85 ns each), but
# it finds the next character of one class in C: in Chinese text the rare places
# where a cluster may start are found this way and only there is cluster_re() tried.
_START_RE = re.compile(f"[{WESTERN_RANGES}{_cls('._%+-' + CURRENCY_PREFIXES + DASH_MARKS)}]")

# Characters a URL match may not end with: sentence punctuation after the address.
_URL_TRAILING = ".,;:!?)]}'\""
_URL_BREAKS = frozenset(URL_BREAK_AFTER)
_WORD_BREAKS = frozenset(WORD_BREAK_JOINERS)


def find_clusters(text: str) -> list[Cluster]:
    """Every multi-character unbreakable unit of ``text``, in order."""
    out: list[Cluster] = []
    search, match = _START_RE.search, cluster_re(_may_hold_url(text)).match
    pos = 0
    while (start := search(text, pos)) is not None:
        m = match(text, start.start())
        if m is None:
            pos = start.end()
            continue
        a, b = m.span()
        pos = b  # the next search starts where this match ended, as finditer's does
        kind = m.lastgroup
        if kind in ("url", "mail"):
            while b > a + 1 and text[b - 1] in _URL_TRAILING:
                b -= 1
            out.append(Cluster(a, b, URL, _url_soft(text, a, b)))
        elif kind == "word":
            if b - a > 1:
                out.append(Cluster(a, b, WORD, _word_soft(text, a, b)))
        else:
            out.append(Cluster(a, b, DASHES, ()))
    return out


def _url_soft(text: str, a: int, b: int) -> tuple[int, ...]:
    """Break after a URL separator, never between two of them (``//``, ``?&``)."""
    return tuple(
        k for k in range(a + 2, b)
        if text[k - 1] in _URL_BREAKS and text[k] not in _URL_BREAKS
    )


def _word_soft(text: str, a: int, b: int) -> tuple[int, ...]:
    """Hyphenation points of a word: after an explicit hyphen or solidus, and
    after the dot of a code's suffix (a digit before it, a letter after it: the
    stock code ``600519.SH``, which is no decimal number -- unbreakable, it left
    ``江滨电气`` alone on a lead's line, spread 1.5 em a gap)."""
    return tuple(k for k in range(a + 2, b) if text[k - 1] in _WORD_BREAKS
                 or (text[k - 1] == "." and text[k - 2].isdigit() and text[k].isalpha()))
