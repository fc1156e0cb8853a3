"""Deterministic story sets for the automatic layout's tests and benchmark.

Text is cut from the seed archive's paragraphs (real newspaper Chinese, so line
breaking and punctuation behave as on a real page), in sizes from a two-paragraph
brief to a long feature; some stories get labels, leads, bylines on their own line,
credits and photo captions.  Same seed, same stories.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from layout.model.types import Photo, Span, Story

SEED_ARCHIVE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt"
_FALLBACK = ("开发区召开全国文明城市创建工作加压推进会，传达全市全国文明城市创建工作加压推进会精神，"
             "对全区全国文明城市创建工作再安排再部署。") * 3


def corpus() -> list[str]:
    """Body sentences of the seed archive (a built-in paragraph when it is absent)."""
    text = SEED_ARCHIVE.read_text(encoding="utf-8") if SEED_ARCHIVE.exists() else _FALLBACK
    paras = [p.strip() for p in text.splitlines() if len(p.strip()) > 60]
    sentences = [s for p in paras for s in re.findall(r"[^。！？]+[。！？]", p)]
    return sentences or [_FALLBACK]


HEADLINES = ("多措并举推进人口普查工作", "打出组合拳 防止道路扬尘污染", "梦想从这里起航",
             "全国文明城市创建工作再加压再推进", "前漳消村举办庆“八一”文艺活动", "扎实做好意识形态工作",
             "夜市“烟火气”回来了", "科技小院助农增收", "老旧小区改造惠及千户居民", "全民健身运动会开幕")
LABELS = ("区妇联", "区统计局", "区交通局", "区宣传办", None, None)


def story_set(n: int, seed: int = 1, *, min_chars: int = 120, max_chars: int = 1500,
              photo_share: float = 0.25) -> list[Story]:
    """``n`` stories in reading order (the first the longest, as a lead is)."""
    rng = random.Random(seed)
    sentences = corpus()
    out = []
    for i in range(n):
        target = max_chars if i == 0 else rng.randint(min_chars, max_chars)
        paras = _paragraphs(rng, sentences, target)
        photos = ()
        if i > 0 and rng.random() < photo_share:
            photos = tuple(Photo(file=None, rows=Span(1, 1), caption=rng.choice(sentences)[:rng.randint(8, 30)],
                                 placeholder=True) for _ in range(rng.randint(1, 2)))
        out.append(Story(
            id=f"s{i + 1}", columns=Span(1, 1), rows=Span(1, 1), text_columns=1,
            label=rng.choice(LABELS), headline=(rng.choice(HEADLINES),),
            leads=tuple(s[:40] for s in rng.sample(sentences, 2)) if i == 0 else (),
            byline="本报讯" if rng.random() < 0.7 else None,
            paragraphs=paras, credit="（王金勇 李荣娟）" if rng.random() < 0.4 else None, photos=photos))
    return out


def _paragraphs(rng: random.Random, sentences: list[str], target: int) -> tuple[str, ...]:
    paras, size = [], 0
    while size < target:
        para = "".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
        paras.append(para)
        size += len(para)
    return tuple(paras)
