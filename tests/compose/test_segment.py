"""``find_clusters`` looks for a cluster only where one can start, and without the
URL alternative in text that holds no URL prefix (both for speed): it must find
exactly what scanning with the whole regular expression at every position finds."""

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.segment import cluster_re, find_clusters

# Every kind of character the patterns name, their neighbours and a few others.
ALPHABET = ("中文的。，、（）“”《》：　 \t" "abzAZhtpfw.:/@_%+-'’·,?&=#~;!)\"" "09" "$¥￥€£＄%％‰‱℃℉°′″"
            "àÀéØöøɏͰαϿЀжӿ" "—―⸺⸻…⋯‥～–")
WORDS = ["https://", "http://", "ftp://", "www.", "@example.org", "_m@a.io", "%x@b.cn", "3.8", "COVID-19", "and/or",
         "http：//", "a.cn/", "x-.gov.cn", "jb.gov.cn"]


def _reference(text: str) -> list[tuple[int, int, str]]:
    """The spans and kinds the whole pattern's finditer gives (trimming aside)."""
    return [(m.start(), m.end(), m.lastgroup) for m in cluster_re(urls=True).finditer(text)]


text = st.lists(st.one_of(st.text(alphabet=ALPHABET, min_size=1, max_size=8), st.sampled_from(WORDS)),
                max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(text)
def test_clusters_match_a_full_scan(text: str) -> None:
    ref = _reference(text)
    got = find_clusters(text)
    kinds = {"url": "url", "mail": "url", "word": "word", "dash": "dashes"}
    expect = [(a, kinds[k]) for a, b, k in ref if k != "word" or b - a > 1]
    assert [(c.start, c.kind) for c in got] == expect
    ends = {a: b for a, b, _k in ref}
    for c in got:  # a URL may give back trailing punctuation, nothing else changes the end
        assert c.end == ends[c.start] if c.kind != "url" else c.start < c.end <= ends[c.start]


def test_a_url_stops_before_dashes_and_ellipses() -> None:
    """General punctuation (U+2010-U+206F) never stands in an address: ``x=1,……``
    took the ellipsis into the URL, and the composer broke before it unreported
    (hypothesis, strict kinsoku forbids …… at a line start)."""
    text = "见https://www.example.com/a?x=1,……再说"
    dots = text.index("……")
    kinds = [(c.kind, c.start, c.end) for c in find_clusters(text)]
    assert kinds == [("url", 1, dots - 1), ("dashes", dots, dots + 2)]  # (the comma after it is text)
    url, dash = find_clusters("网址www.example.cn/news——详见")
    assert (url.end, dash.kind) == (len("网址www.example.cn/news"), "dashes")
