"""Word boundaries of short Chinese strings (headlines, ■ leads), so a display line
breaks between words and never inside one (issue 15: breaks by sense).

Why jieba's dictionary and not jieba: ``import jieba`` and its first ``cut`` cost
about a second per process (it builds a 350,000-entry prefix dict), which a page
render cannot pay for the 20 characters of a headline.  We read the dictionary
file that the installed ``jieba`` package ships (``dict.txt``: word, frequency,
tag; MIT licence) without importing the package, and write once a plain sorted
word list (``word<TAB>frequency`` lines, sorted by their UTF-8 bytes) into the
layout cache (``layout.cache``: plain bytes behind a digest).  A process reads it
once when a headline first needs it (~5 MB, ~10 ms with the digest check) and
finds words by binary search on the bytes: a headline costs a few hundred probes.

Segmentation is jieba's own model without its HMM for unknown words: the route
through the word graph of a run of Han characters with the greatest product of
word probabilities (freq / total).  Runs of Latin letters and digits are one
word; punctuation and spaces stand alone.  Without the dictionary (jieba not
installed, cache unwritable and file unreadable) every Han character is its own
word: breaks fall back to the character grid, never an error.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

FORMAT = b"LAYOUTWORDS1"  # header magic + version of the cached word list
MAX_WORD = 8  # longest dictionary word tried (longer entries are names of things, rare in headlines)


class Dictionary(NamedTuple):
    """A sorted word list: ``data[start:]`` holds the lines."""

    data: bytes
    start: int
    log_total: float


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


def _is_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff5a"


def jieba_dict_path() -> Path | None:
    """``dict.txt`` of the installed jieba package, found without importing it
    (``find_spec`` locates the package; executing its ``__init__`` would cost
    ~0.25 s)."""
    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        p = Path(folder) / "dict.txt"
        if p.is_file():
            return p
    return None


def build_word_list(source: Path) -> bytes:
    """The cache file's bytes from jieba's ``dict.txt``: a header with the total
    frequency, then ``word\\tfreq\\n`` lines sorted by UTF-8 bytes (the order a
    byte-wise binary search needs)."""
    entries: dict[bytes, int] = {}
    total = 0
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, freq = parts[0], int(parts[1])
            total += freq
            if len(word) <= MAX_WORD and "\t" not in word:
                entries[word.encode("utf-8")] = freq
    body = b"".join(w + b"\t" + str(f).encode() + b"\n" for w, f in sorted(entries.items()))
    return FORMAT + b" " + str(max(total, 1)).encode() + b"\n" + body


def _cache_file(source: Path) -> Path:
    from layout.cache import cache_dir

    st = source.stat()
    key = f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}|{FORMAT.decode()}"
    return cache_dir() / "words" / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.txt"


@lru_cache(maxsize=1)
def dictionary() -> Dictionary | None:
    """The word list, built into the cache on first use; None without jieba."""
    source = jieba_dict_path()
    if source is None:
        return None
    try:
        cfile = _cache_file(source)
    except OSError:
        return None
    from layout.cache import read_entry, write_entry

    data = read_entry(cfile)  # digest-checked: a damaged entry is rebuilt, never misread
    total = _total(data)
    if data is None or total is None:
        try:
            data = build_word_list(source)
        except (OSError, UnicodeDecodeError):
            return None
        write_entry(cfile, data)
        total = _total(data)
    assert total is not None
    return Dictionary(data, data.find(b"\n") + 1, math.log(total))


def _total(data: bytes | None) -> int | None:
    """The total frequency from a word list's header; None if it is not one."""
    if data is None or not data.startswith(FORMAT + b" "):
        return None
    head = data[len(FORMAT) + 1:data.find(b"\n")]
    return int(head) if head.isdigit() and int(head) > 0 else None


def probe(d: Dictionary, word: bytes) -> tuple[int, bool]:
    """(frequency of ``word`` or 0, whether some entry starts with ``word``).
    Memoised per dictionary: headlines share their characters and words (a page
    of a thousand briefs probes the same few thousand strings again and again,
    issue 13 class 7), and a probe is a binary search in Python."""
    memo = _PROBES.get(id(d))
    if memo is None or memo[0] is not d:
        memo = _PROBES[id(d)] = (d, {})
    found = memo[1].get(word)
    if found is None:
        found = _probe(d, word)
        if len(memo[1]) >= PROBES_KEPT:
            memo[1].clear()
        memo[1][word] = found
    return found


PROBES_KEPT = 100_000  # probes remembered per dictionary (~10 MB at most), then forgotten at once
_PROBES: dict[int, tuple[Dictionary, dict[bytes, tuple[int, bool]]]] = {}


def _probe(d: Dictionary, word: bytes) -> tuple[int, bool]:
    m = d.data
    lo, hi = d.start, len(m)
    while lo < hi:  # lo and hi are always line starts
        mid = (lo + hi) // 2
        s = max(lo, m.rfind(b"\n", lo, mid) + 1)
        e = m.find(b"\n", s)
        if e < 0:
            e = len(m)
        tab = m.find(b"\t", s, e)
        w = m[s:tab]
        if w == word:
            return int(m[tab + 1:e]), True
        if w < word:
            lo = e + 1
        else:
            hi = s
    if lo >= len(m):
        return 0, False
    return 0, m[lo:lo + len(word)] == word  # the first entry after it


def _han_route(run: str, d: Dictionary) -> list[str]:
    """jieba's maximum-probability route through the words of a run of Han."""
    n = len(run)
    edges: list[list[tuple[int, float]]] = []
    for i in range(n):
        single, _ = probe(d, run[i].encode("utf-8"))
        ends = [(i + 1, math.log(single or 1))]
        for j in range(i + 2, min(n, i + MAX_WORD) + 1):
            freq, prefix = probe(d, run[i:j].encode("utf-8"))
            if freq:
                ends.append((j, math.log(freq)))
            if not prefix:
                break
        edges.append(ends)
    best = [0.0] * (n + 1)
    nxt = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i], nxt[i] = max((lp - d.log_total + best[j], j) for j, lp in edges[i])
    out, i = [], 0
    while i < n:
        out.append(run[i:nxt[i]])
        i = nxt[i]
    return out


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """``text`` cut into words; ``"".join(words(text)) == text``."""
    d = dictionary()
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if _is_han(text[i]):
            while j < n and _is_han(text[j]):
                j += 1
            out.extend(_han_route(text[i:j], d) if d is not None else text[i:j])
        elif _is_alnum(text[i]):
            while j < n and (_is_alnum(text[j]) or text[j] in ".%" and j + 1 < n and _is_alnum(text[j + 1])):
                j += 1
            out.append(text[i:j])
        else:
            out.append(text[i])
        i = j
    return tuple(out)


def inside_words(text: str, compounds: bool = False) -> list[int]:
    """Boundaries (index k: between ``text[k-1]`` and ``text[k]``) that fall inside a
    word of two or more characters (Han words, numbers), or inside a short quotation or title
    (“巧媳妇”, 《红灯记》): a display line must not break there.

    ``compounds``: a Han word of four or more characters may still break where it
    splits into two dictionary words of two or more (评分|标准, 文明|城市), as
    jieba's search mode cuts it: justified lines (leads) then never spread by a
    whole long word."""
    out: set[int] = set()
    k = 0
    for w in words(text):
        if len(w) > 1:
            out.update(range(k + 1, k + len(w)))
            if compounds and len(w) >= 4 and _is_han(w[0]):
                out.difference_update(k + j for j in _compound_joints(w))
        k += len(w)
    for a, b in quoted_spans(text):
        out.update(range(a + 1, b))
    return sorted(out)


def _compound_joints(word: str) -> list[int]:
    """Where ``word`` splits into two dictionary words of two or more characters."""
    d = dictionary()
    if d is None:
        return []
    return [j for j in range(2, len(word) - 1)
            if probe(d, word[:j].encode("utf-8"))[0] and probe(d, word[j:].encode("utf-8"))[0]]


QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉", "\"": "\""}
MAX_QUOTED = 10  # characters between the marks: a longer quotation may break inside


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of short quoted or titled spans, marks included."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        j = text.find(close, i + 1) if close else -1
        if j > 0 and j - i - 1 <= MAX_QUOTED:
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


WEAK = 1.0  # cost of a break next to a one-character Han word (a particle, a name cut up)
FORBIDDEN = math.inf


def break_costs(text: str) -> list[float]:
    """For every boundary k (0..len): 0 between words, ``WEAK`` beside a
    one-character Han word (嘉/祥 of an unknown name, 的 of a phrase), -``WEAK`` at
    a space or after a comma-like mark (the writer's own pause), ``FORBIDDEN``
    inside a word.  Kinsoku is the composer's business, not this."""
    n = len(text)
    cost = [0.0] * (n + 1)
    k = 0
    ws = words(text)
    for i, w in enumerate(ws):
        if i and (_single_han(w) or _single_han(ws[i - 1])):
            cost[k] = WEAK
        k += len(w)
    for k in range(1, n):
        if text[k - 1] in PAUSES or text[k] in " \u3000":
            cost[k] = -WEAK
    for k in inside_words(text):
        cost[k] = FORBIDDEN
    return cost


PAUSES = " \u3000，、；：！？。,;:!?"


def _single_han(w: str) -> bool:
    return len(w) == 1 and _is_han(w)


def clear_cache() -> None:
    """Forget the mapped dictionary and segmentations (tests, a changed jieba)."""
    dictionary.cache_clear()
    words.cache_clear()


__all__ = ["Dictionary", "break_costs", "build_word_list", "clear_cache", "dictionary", "inside_words", "jieba_dict_path",
           "probe", "quoted_spans", "words"]
