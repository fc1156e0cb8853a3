"""Headlines broken by sense (place.sense via blocks.compose_balanced, issue 15):
between words, at the writer's pause first, evenly where the words allow, and
the user's own lines kept."""

from __future__ import annotations

import pytest

from layout.fonts import default_fontset
from layout.model.types import TextStyle
from layout.place.blocks import compose_balanced
from layout.place.sense import sense_lines

FONTS = default_fontset()
HEAD = TextStyle(name="headline", face="hei-bold", size=22.0, leading=30.0, rows=3, align="center",
                 breaks="words")

# Headlines written for this test; "|" marks the words a line must never split.
HEADLINES = [
    "开发区|召开|全国|文明城市|创建|工作|推进会",
    "濮阳|电子商务|产业园|入驻|企业|突破|两千家",
    "我市|启动|第七次|全国|人口普查|入户|登记",
    "黄河|滩区|迁建|群众|喜迁新居",
    "高新技术|企业|数量|实现|三年|翻番",
    "扬尘|污染|防治|攻坚战|取得|阶段性|成效",
    "退役军人|服务站|实现|乡镇|全覆盖",
    "夏季|消防安全|检查|覆盖|全部|人员|密集|场所",
    "中小学校|新学期|开学|准备|工作|全面|就绪",
    "城乡居民|医疗保险|参保|缴费|工作|启动",
    "农村|人居|环境|整治|提升|行动|深入开展",
    "志愿|服务队|进社区|开展|义诊|活动",
    "2020|“巧媳妇”|工程|职业技能|提升|培训班|首期|开班",
    "扎实|做好|意识形态|工作|责任制|专项|督查|工作",
    "《红灯记》|演出|赢得|观众|阵阵|掌声",
    "老旧小区|改造|惠及|一万二千余户|居民",
]


def _protected(marked: str) -> tuple[str, set[int]]:
    text, inside, k = "", set(), 0
    for w in marked.split("|"):
        inside.update(range(k + 1, k + len(w)))
        text += w
        k += len(w)
    return text, inside


@pytest.mark.parametrize("ems", [6, 7, 8, 9, 10, 12, 14])
def test_no_headline_breaks_inside_a_word(ems: int):
    sensed = 0
    for marked in HEADLINES:
        text, inside = _protected(marked)
        lines, _dx = compose_balanced([text], HEAD, ems * HEAD.size, FONTS)
        assert "".join(ln.text for ln in lines) == text
        by_sense = sense_lines([text], HEAD, ems * HEAD.size, FONTS)
        if by_sense is None:
            continue  # the even break: no cut by sense fits without a visibly short line
        sensed += 1
        assert [ln.text for ln in by_sense] == [ln.text for ln in lines]
        assert not inside & _breaks_at([ln.text for ln in lines]), [ln.text for ln in lines]
        widths = [ln.right - ln.xs[0] for ln in lines]
        assert min(widths) >= 0.6 * max(widths) - 1e-6
    # narrow measures leave full lines: a word cannot move without a stranded line
    assert sensed >= len(HEADLINES) * (3 if ems >= 8 else 1) // 4


def _breaks_at(pieces: list[str]) -> set[int]:
    out, k = set(), 0
    for p in pieces[:-1]:
        k += len(p)
        out.add(k)
    return out


def test_the_even_break_would_split_words_that_sense_keeps():
    text, inside = _protected("2020|“巧媳妇”|工程|职业技能|提升|培训班|首期|开班")
    plain = TextStyle(name="headline", face="hei-bold", size=22.0, leading=30.0, rows=3, align="center")
    even, _ = compose_balanced([text], plain, 13 * 22.0, FONTS)
    sense, _ = compose_balanced([text], HEAD, 13 * 22.0, FONTS)
    assert len(even) == len(sense) == 2
    assert inside & _breaks_at([ln.text for ln in even])
    assert not inside & _breaks_at([ln.text for ln in sense])


def test_a_space_is_the_first_place_to_break_and_stays_a_pause_on_one_line():
    two, _ = compose_balanced(["打出组合拳 防止道路扬尘污染"], HEAD, 9 * 22.0, FONTS)
    assert [ln.text for ln in two] == ["打出组合拳", "防止道路扬尘污染"]
    one, _ = compose_balanced(["打出组合拳 防止道路扬尘污染"], HEAD, 20 * 22.0, FONTS)
    assert [ln.text for ln in one] == ["打出组合拳 防止道路扬尘污染"]


def test_the_users_lines_are_kept():
    lines, _ = compose_balanced(["全国文明城市", "创建工作再加压再推进"], HEAD, 14 * 22.0, FONTS)
    assert [ln.text for ln in lines] == ["全国文明城市", "创建工作再加压再推进"]


def test_a_visibly_short_line_falls_back_to_the_even_break():
    # one long word and a short tail: by sense 9 + 3 characters, a stranded line
    text = "喜迁新居喜迁新居喜迁新居"
    assert sense_lines([text], HEAD, 10 * 22.0, FONTS) is None
    lines, _ = compose_balanced([text], HEAD, 10 * 22.0, FONTS)
    assert len(lines) == 2 and abs(len(lines[0].text) - len(lines[1].text)) <= 1
