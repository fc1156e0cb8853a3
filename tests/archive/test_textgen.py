"""The real-like text generator (``textgen``, issue 13): deterministic, pages of a
daily's length with the marks real text carries, and its paragraphs set by the
composer without a broken rule, a short line or a 孤字 (spec typography.md §1-§4)
at the widths our templates use."""

from __future__ import annotations

import textgen

from layout.compose import ParagraphStyle, Run, compose_paragraph
from layout.fonts import default_fontset

FEATURES = ("《", "……", "——", "‘", "（", "、", "；", "%", "年", "℃", "GDP", "@", "//", "∶", "×",
            "\u3000地点", "·", ".S", "①", "（一）", "—1", "～")


def test_pages_are_deterministic_long_enough_and_varied():
    assert textgen.generate_raw(3).text == textgen.generate_raw(3).text
    assert textgen.generate_seed(3) == textgen.generate_seed(3)
    assert textgen.generate_seed(3) != textgen.generate_seed(4)
    seed_pages = [textgen.generate_seed(k) for k in range(4)]
    assert all(3000 <= len(t) <= 8000 for t in seed_pages)
    assert all(len(textgen.generate_seed(k, long=True)) >= 7000 for k in range(2))
    text = "".join(seed_pages) + "".join(textgen.generate_raw(k).text for k in range(4))
    assert all(f in text for f in FEATURES), [f for f in FEATURES if f not in text]


def _paragraphs(k: int) -> list[str]:
    text = textgen.generate_seed(k) + textgen.generate_raw(k, long=True).text
    return [p.strip("\u3000 ") for p in text.split("\n") if len(p.strip()) > 20]


def test_generated_paragraphs_set_clean_as_body_and_as_leads():
    fonts = default_fontset()
    body, lead = ParagraphStyle(indent=2.0), ParagraphStyle(indent=0.0, hanging=True, words=True)
    for k in range(2):
        for text in _paragraphs(k):
            for chars, style, face, t in ((14, body, "song", text), (11, lead, "kai", "■" + text[:80])):
                cp = compose_paragraph([Run(t, face, 9.0)], chars * 9.0, style, fonts)
                assert cp.text == t
                assert not cp.problems, (chars, [ln.text for ln in cp.lines], cp.problems)
                for ln in cp.lines[:-1]:
                    assert abs(ln.right - chars * 9.0) < 0.05, (chars, [ln.text for ln in cp.lines])
