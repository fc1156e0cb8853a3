"""Raw archived day-pages, generated: the forms of ``../shared/spec/archives.md``
with text written here for the purpose (invented places, names and events).

A raw archive has no markup: a page line (paper, date, zero-padded 第N版, maybe a
section), then articles in page order, each as printed -- 引题 / 主题 / 副题, a
dateline opening the first paragraph (本报北京1月9日电（记者…）, 新华社…电, 本报讯),
编者按 or 核心阅读 blocks, subheads (some in pairs with a longer deck line), photo
captions ending in 摄, credits, and page credits (版式设计：…, 责任编辑：…) at the
end.  Some pages carry stray control characters (form feed, VT, U+FFFE …) the way
broken exports do.

``generate(seed)`` is deterministic; ``GeneratedPage.expected`` says what each
article is, so tests can check boundaries and roles, not only that text survived.
Run as a script to write archives: ``python tests/archive/rawgen.py N OUT_DIR``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

PAPERS = ("江滨日报", "南岭日报", "东湖晚报", "北川日报", "清河日报")
SECTIONS = ("要闻", "综合新闻", "经济", "社会", "文化", "国际", "评论", "科教")
CITIES = ("北京", "江滨", "南岭", "青州", "临川", "云阳")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
GIVEN = "明华建国平安立新志强海燕晓东文静佳宁春晖子涵宇航雪梅"
PLACES = ("城东新区", "临川县", "青州湾", "云阳镇", "滨江街道", "南岭山区", "北川高新区", "清河村")
ACTORS = ("当地政府", "区教育局", "市场监管部门", "社区志愿者", "科研团队", "农技人员", "企业负责人", "基层干部",
          "交通部门", "文化馆工作人员")
ACTIONS = ("推出了一批便民举措", "启动了新一轮改造工程", "完成了年度重点任务", "召开了专题推进会",
           "举办了主题宣传活动", "开展了安全隐患排查", "组织了技能培训", "发布了最新统计数据",
           "建成了综合服务中心", "引进了一批新设备")
DETAILS = ("惠及居民两万余人", "比去年同期增长12.5%", "覆盖全部乡镇", "总投资约3.2亿元",
           "预计年内全面完工", "受到群众广泛好评", "参与人数超过1500人次", "为下一步工作打下基础",
           "实现了全程网上办理", "平均用时缩短到15分钟")
REASONS = ("为进一步提升服务水平", "按照年初确定的工作计划", "针对群众反映集中的问题", "结合本地实际",
           "在前期试点的基础上", "围绕高质量发展目标")
QUOTES = ("我们会把这件事一直做下去", "今后办事方便多了", "这项工作关系到每一户家庭",
          "下一步还要继续完善机制", "大家的积极性明显提高了")
TOPICS = ("老旧小区改造", "乡村振兴", "智慧交通", "文明创建", "科技创新", "生态保护", "民生实事", "营商环境",
          "校园安全", "冬季供暖")
HEAD_VERBS = ("跑出加速度", "交出新答卷", "迈出新步伐", "见到新成效", "提速增效", "稳步推进", "再上新台阶",
              "惠及千家万户")
COLUMN_TAGS = ("（基层治理新实践）", "（评论员观察）", "（民生一线）", "（新时代新征程）")
SUBHEADS = ("把实事办到群众心坎上", "织密基层服务网络", "让数据多跑路", "补齐短板强弱项",
            "守护一方碧水蓝天", "念好人才经", "答好发展考题", "算好民生账")
LABELS = ("区妇联", "医学资讯", "法律援助", "区统计局")
CONTROLS = ("\x0c", "\x0b", "\ufffe", "\uffff", "\x1c", "\x1d", "\x1e", "\x1f", "\x07", "\x85")


@dataclass
class Article:
    """What one generated article is: the lines it was written with, by role."""

    label: str | None = None
    kicker: str | None = None
    headline: str = ""
    byline_line: str | None = None
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credit: str | None = None
    boxes: list[tuple[str | None, list[str]]] = field(default_factory=list)  # 编者按 / 核心阅读: (title, paragraphs)


@dataclass
class GeneratedPage:
    """A raw archive: its text, the page line as written, the articles, the
    control characters planted in it (as (character, line))."""

    text: str
    page_line: str | None
    section: str | None
    expected: list[Article]
    controls: list[str] = field(default_factory=list)
    page_credits: list[str] = field(default_factory=list)


class _Writer:
    def __init__(self, seed: int, long: bool = False):
        self.sentences = (2, 5) if long else (1, 4)  # per paragraph
        self.paragraphs = (3, 10) if long else (1, 5)  # per article, after the first
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def name(self) -> str:
        n = self.pick(SURNAMES) + "".join(self.r.sample(GIVEN, self.r.choice((1, 2))))
        return n

    def sentence(self) -> str:
        forms = (
            lambda: f"{self.pick(REASONS)}，{self.pick(PLACES)}{self.pick(ACTORS)}{self.pick(ACTIONS)}，"
                    f"{self.pick(DETAILS)}。",
            lambda: f"据介绍，{self.pick(PLACES)}今年围绕{self.pick(TOPICS)}{self.pick(ACTIONS)}，{self.pick(DETAILS)}。",
            lambda: f"“{self.pick(QUOTES)}。”{self.pick(PLACES)}居民{self.name()}说。",
            lambda: f"{self.pick(ACTORS)}表示，将继续推进{self.pick(TOPICS)}工作，{self.pick(DETAILS)}。",
            lambda: f"截至{self.r.randint(1, 12)}月底，全市已有{self.r.randint(12, 980)}个项目{self.pick(HEAD_VERBS)}。",
        )
        return self.pick(forms)()

    def paragraph(self, n: int | None = None) -> str:
        return "".join(self.sentence() for _ in range(n or self.r.randint(*self.sentences)))

    def headline(self) -> str:
        h = f"{self.pick(PLACES)}{self.pick(TOPICS)}{self.pick(HEAD_VERBS)}"
        roll = self.r.random()
        if roll < 0.15:
            h += self.pick(COLUMN_TAGS)
        elif roll < 0.25:
            h = self.pick(TOPICS) + self.pick(("\u3000", "  ", " ")) + self.pick(HEAD_VERBS)
        return h

    def dateline(self, month: int, day: int) -> str:
        city = self.pick(CITIES)
        forms = (
            f"本报{city}{month}月{day}日电（记者{self.name()}）",
            f"本报{city}{month}月{day}日电\u00a0（记者 {self.name()}、{self.name()}）",
            f"新华社{city}{month}月{day}日电（记者{self.name()}）",
            f"本报讯 （记者 {self.name()} 通讯员 {self.name()}）",
            "本报讯  ",
        )
        return self.pick(forms)


def _article(w: _Writer, month: int, day: int, lines: list[str], indent: str, sep: str) -> Article:
    a = Article()
    if w.r.random() < 0.1:
        a.label = w.pick(LABELS)
        lines.append(a.label)
    if w.r.random() < 0.4:
        a.kicker = f"{w.pick(PLACES)}{w.pick(ACTIONS)}——"
        lines.append(a.kicker)
    a.headline = w.headline()
    lines.append(a.headline)
    if w.r.random() < 0.45:
        a.subtitle = f"——{w.pick(PLACES)}推进{w.pick(TOPICS)}工作纪实"
        lines.append(a.subtitle)
    lines.append(sep)
    roll = w.r.random()
    if roll < 0.12:
        note = f"编者按：{w.paragraph(2)}"
        a.boxes.append((None, [note]))
        lines += [indent + note, sep]
    elif roll < 0.22:
        lines += ["核心阅读", sep]
        summary = w.paragraph(1)
        a.boxes.append(("核心阅读", [summary]))
        lines += [indent + summary, sep]
    roll = w.r.random()
    if roll < 0.1 and not a.boxes:  # commentary: no dateline, no byline
        first = w.paragraph()
    elif roll < 0.25 and not a.boxes:  # a byline on its own line, no dateline
        a.byline_line = f"本报记者 {w.name()} 通讯员 {w.name()}"
        lines += [a.byline_line, sep]
        first = w.paragraph()
    else:
        first = w.dateline(month, day) + w.paragraph()
    a.paragraphs.append(first)
    lines += [indent + first, sep]
    numbered = w.r.random() < 0.2
    for n in range(w.r.randint(*w.paragraphs)):
        if numbered:
            sub = f"{'一二三四五六七八九十'[n]}、{w.pick(SUBHEADS)}"
            a.subheads.append(sub)
            lines += [indent + sub, sep]
        elif w.r.random() < 0.25:
            sub = w.pick(SUBHEADS)
            a.subheads.append(sub)
            lines += [indent + sub, sep]
            if w.r.random() < 0.4:  # a deck line under the subhead: longer, still no stop
                deck = f"{w.pick(PLACES)}把{w.pick(TOPICS)}作为今年的重点工作来抓"
                a.subheads.append(deck)
                lines += [indent + deck, sep]
        para = w.paragraph()
        a.paragraphs.append(para)
        lines += [indent + para, sep]
    if w.r.random() < 0.3:
        cap = w.pick((f"图为{w.pick(PLACES)}{w.pick(ACTORS)}在现场开展工作。本报记者 {w.name()}摄",
                      f"上图：{w.pick(PLACES)}新建的综合服务中心。新华社记者 {w.name()}摄"))
        a.captions.append(cap)
        lines += [cap, sep]
    if w.r.random() < 0.35:
        a.credit = w.pick((f"（{w.name()} {w.name()}）", f"（作者为{w.pick(PLACES)}{w.pick(ACTORS)}）"))
        lines += [a.credit, sep]
    return a


def generate(seed: int, long: bool = False) -> GeneratedPage:
    """One raw day-page (deterministic in ``seed``).  ``long``: articles of a
    daily's real length (4-11 paragraphs of 2-5 sentences, pages of ~1,500-7,500
    characters, some running to two pages); otherwise short ones (~700-3,300)."""
    w = _Writer(seed, long)
    month, day = w.r.randint(1, 12), w.r.randint(1, 28)
    indent = w.pick(("\u3000\u3000", "", "  "))
    sep = w.pick(("", "", ""))  # one blank line between paragraphs (written below)
    blank = w.r.random() < 0.7
    lines: list[str] = []
    page_line = section = None
    form = w.r.random()
    number = w.r.randint(1, 16)
    if form < 0.5:
        page_line = f"{w.pick(PAPERS)} 2020年{month}月{day}日 第{number:02d}版"
    elif form < 0.7:
        section = w.pick(SECTIONS)
        page_line = f"{w.pick(PAPERS)} 2020年{month}月{day}日 第{number:02d}版：{section}"
    elif form < 0.85:
        section = w.pick(SECTIONS)
    if page_line:
        lines += [page_line, sep]
    elif section:
        lines += [section, sep]
    count = w.r.randint(2, 5) if w.r.random() < 0.85 else w.r.randint(7, 10)  # some run to several pages
    articles = [_article(w, month, day, lines, indent, sep) for _ in range(count)]
    credits: list[str] = []
    if w.r.random() < 0.6:
        credits.append(f"版式设计：{w.name()}")
    if w.r.random() < 0.6:
        credits.append(f"责任编辑：{w.name()}")
    lines += credits
    if not blank:
        lines = [ln for ln in lines if ln != sep]
    text = "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"
    controls: list[str] = []
    if w.r.random() < 0.25:
        text, controls = _plant_controls(w, text)
    return GeneratedPage(text, page_line, section, articles, controls, credits)


def _plant_controls(w: _Writer, text: str) -> tuple[str, list[str]]:
    """A few stray control characters inside paragraphs (after a 。)."""
    stops = [i for i, ch in enumerate(text) if ch == "。"]
    chosen = sorted(w.r.sample(stops, min(len(stops), w.r.randint(1, 3))), reverse=True)
    planted = []
    for i in chosen:
        ch = w.pick(CONTROLS)
        text = text[:i + 1] + ch + text[i + 1:]
        planted.append(ch)
    return text, planted


def write(n: int, folder: Path, start: int = 0, long: bool = False) -> list[Path]:
    """Write archives ``start`` … ``start + n - 1`` as ``raw-NNN.txt`` (UTF-8;
    ``long-NNN.txt`` with ``long``)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(start, start + n):
        path = folder / f"{'long' if long else 'raw'}-{k:03d}.txt"
        path.write_text(generate(k, long).text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write(int(sys.argv[1]), Path(sys.argv[2])):
        print(p)
