"""Archived pages with the text real dailies carry, generated (issue 13, realtext).

``rawgen`` makes the forms of ``../shared/spec/archives.md`` right, but its sentences
come from a small, repetitive vocabulary: hardly a book title, an ellipsis, a dash
pair, a nested quote, a number with a unit or a Latin word.  Real pages have all of
them, and they are what the composer's line-breaking rules (typography.md §1-§4:
kinsoku, pairs never split, Latin and number runs, URLs, 孤字) meet at page scale.

This module writes sentences from varied templates (all text written here for the
purpose: invented places, names, events and addresses) with:

- 《》 titles (also nested 《…〈…〉》), ``……`` and ``——`` pairs (mid-sentence and at a
  paragraph's end), nested quotes “‘’”, （） asides, 、 enumerations, ：and ； lists;
- percentages (``12.5%`` / ``35％``), dates (``2020年1月21日``), ranges (``2016—2020年``),
  long numbers (``1,234.5``), units (万元, km, ℃, ㎡), ratios ``3∶1``, ``7×24小时``, ``Ⅱ``;
- Latin words and abbreviations (GDP, 5G, APP, ``Mate30 Pro`` with NBSP), URLs and
  e-mail addresses (also ``http：//`` with a full-width colon);
- quotes closing paragraphs, very short paragraphs (one short sentence) and very
  long ones;
- (session 8) notice paragraphs whose items are separated by U+3000 runs, a stray
  NBSP after 。, foreign names with the 间隔号 (``约翰·史密斯``, ``让-皮埃尔·勒菲弗``),
  times and ranges (``8:30—17:30``, ``5%—8%``, ``10%～15%``), stock codes
  (``600519.SH``), an English theme with spaces, （一）/① list marks, fractions
  (``1/3``), minus temperatures, and ``; :`` between Han in local papers.

Two page shapes: ``generate_raw`` (rawgen's raw day-page, the same article
structure) and ``generate_seed`` (the seed's shape: a section line, department
labels, ■ leads, ``本报讯 (记者 …)`` with half-width marks, names credits).  A daily
page is 3,000-6,000 characters; ``long`` pages 7,000-12,000.

Deterministic in the seed.  ``python tests/archive/textgen.py N OUT_DIR`` writes files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rawgen
from rawgen import GeneratedPage, _Writer

ORGS = ("市发展改革委", "区科技局", "市生态环境局", "县农业农村局", "市交通运输局", "区卫生健康委",
        "市文化广电和旅游局", "高新区管委会", "市统计局", "区市场监管局")
DOCS = ("关于加快推进{t}的实施意见", "{p}{t}三年行动计划（2020—2022年）", "{t}工作方案",
        "{p}国民经济和社会发展统计公报", "关于进一步做好{t}工作的通知")
BOOKS = ("山河新语", "小城故事", "我和我的家乡", "田野上的春天", "守望", "灯火", "江水长流")
LATIN = ("GDP", "5G", "APP", "CPI", "PM2.5", "AI", "VR", "ETC", "PPP", "LED", "WTO", "CBD", "GPS", "NBA",
         "Wi-Fi", "iPhone", "CEO", "IPO", "O2O", "B2B", "3D", "4K", "USB-C", "COVID-19")
PRODUCTS = ("Mate30\u00a0Pro", "Model\u00a03", "Windows\u00a010", "Galaxy\u00a0S20", "Office\u00a0365")
UNITS = ("万元", "亿元", "吨", "公里", "km", "平方米", "㎡", "℃", "千瓦时", "kW", "MW", "万人次", "mm", "亩", "%")
DOMAINS = ("jiangbin.gov.cn", "nanling-news.com.cn", "qingzhou.edu.cn", "example.com", "linchuan.org.cn")
PATHS = ("news/2020/0121/c1024-31557.html", "zwgk/tzgg/202001/t20200109_884512.shtml", "service/index.htm",
         "wsbs/bmfw/", "art/2019/12/31/art_1299_58731.html?from=timeline")
USERS = ("tougao", "rexian", "service", "news_desk", "zhang.wei", "lc12345")
ITEMS = ("草莓", "蓝莓", "葡萄", "猕猴桃", "小番茄", "甜瓜", "香菇", "木耳", "茶叶", "蜂蜜", "核桃", "板栗")
FACILITIES = ("图书馆", "体育馆", "养老服务中心", "菜市场", "停车场", "公共卫生间", "口袋公园", "充电桩",
              "便民服务站", "污水处理厂")
VOICES = ("老人", "村民", "店主", "志愿者", "快递员", "护士", "出租车司机", "老师", "大学生", "创业者")
SHORT_PARAS = ("变化，正在发生。", "答案是肯定的。", "这并不容易。", "数字背后，是民生。", "一切从头开始。",
               "路，越走越宽。", "好消息接连传来。", "他做到了。", "为什么？", "这是一次大考……")
WEEKDAYS = "一二三四五六日"
# forms added in session 8 (richtext): what real dailies carry that the first set lacked
FOREIGN = ("约翰·史密斯", "玛丽亚·加西亚", "让-皮埃尔·勒菲弗", "安娜·伊万诺娃", "迈克尔·布朗")
COMPANIES = (("江滨电气", "600519.SH"), ("南岭科技", "000725.SZ"), ("清河食品", "002714.SZ"), ("东湖传媒", "601888.SH"))
THEMES = ("Green Development for a Better Future", "Smart City Expo 2020", "Made in China", "One World One Dream")
TASKS = ("完善工作制度", "加强日常监管", "强化便民服务", "压实各方责任", "推进信息公开")


class RichWriter(_Writer):
    """``rawgen``'s writer with real-like sentences (same page structure)."""

    def __init__(self, seed: int, long: bool = False):
        super().__init__(seed, long)
        self.sentences = (3, 9) if long else (2, 6)
        self.paragraphs = (4, 10) if long else (3, 7)

    # ------------------------------------------------------------ pieces
    def num(self) -> str:
        r = self.r.random()
        if r < 0.3:
            return str(self.r.randint(2, 99))
        if r < 0.55:
            return f"{self.r.randint(1, 999)}.{self.r.randint(1, 9)}"
        if r < 0.75:
            return f"{self.r.randint(1, 99)},{self.r.randint(0, 999):03d}.{self.r.randint(0, 9)}"
        return str(self.r.randint(100, 99999))

    def pct(self) -> str:
        return f"{self.r.randint(1, 99)}.{self.r.randint(0, 9)}{self.pick(('%', '%', '％'))}"

    def date(self) -> str:
        y = self.pick((2019, 2020))
        return f"{y}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def doc(self) -> str:
        return "《" + self.pick(DOCS).format(t=self.pick(rawgen.TOPICS), p=self.pick(rawgen.PLACES)) + "》"

    def url(self) -> str:
        scheme = self.pick(("http://", "https://", "http：//", "", "www."))
        host = self.pick(DOMAINS)
        if scheme == "www.":
            return "www." + host
        return f"{scheme}{'www.' if self.r.random() < 0.5 else ''}{host}/{self.pick(PATHS)}"

    def email(self) -> str:
        return f"{self.pick(USERS)}@{self.pick(DOMAINS)}"

    def enum(self, seq: tuple[str, ...], lo: int = 3, hi: int = 6) -> str:
        return "、".join(self.r.sample(seq, self.r.randint(lo, min(hi, len(seq)))))

    # ------------------------------------------------------------ sentences
    def sentence(self) -> str:  # a table of templates
        P, A, T = self.pick(rawgen.PLACES), self.pick(rawgen.ACTORS), self.pick(rawgen.TOPICS)
        forms = (
            lambda: f"{self.date()}，{self.pick(ORGS)}印发{self.doc()}，明确到{self.pick(('2022', '2025', '2035'))}年"
                    f"{T}主要指标达到全省先进水平。",
            lambda: f"{P}今年前三季度实现地区生产总值（{self.pick(('GDP', 'GDP'))}）{self.num()}亿元，同比增长{self.pct()}，"
                    f"增速比上半年加快{self.r.randint(1, 9)}.{self.r.randint(0, 9)}个百分点。",
            lambda: f"“{self.pick(rawgen.QUOTES)}，大家都说这是‘{self.pick(('家门口的好事', '暖心工程', '民生账本', '定心丸'))}’。”"
                    f"{self.pick(VOICES)}{self.name()}说。",
            lambda: f"{self.pick(VOICES)}{self.name()}告诉记者：“以前办这件事要跑{self.r.randint(3, 9)}趟，"
                    f"现在在{self.pick(('手机', 'APP', '微信小程序', '自助终端'))}上点一点就行了。”",
            lambda: f"园区里种着{self.enum(ITEMS)}……一年四季都有收成。",
            lambda: f"这条路——用当地人的话说——是一条“{self.pick(('致富路', '连心路', '幸福路'))}”。",
            lambda: f"记者了解到，{P}共有{self.enum(FACILITIES)}等公共设施{self.r.randint(12, 480)}处"
                    f"（其中新建{self.r.randint(2, 40)}处），服务人口约{self.num()}万人。",
            lambda: f"下一步，{A}将重点做好三方面工作：一是{self.pick(rawgen.ACTIONS)}；二是加快{T}；"
                    f"三是{self.pick(rawgen.DETAILS)}。",
            lambda: f"全年累计完成投资{self.num()}{self.pick(('万元', '亿元'))}，新建道路{self.num()}km，"
                    f"改造管网{self.r.randint(3, 90)}.{self.r.randint(0, 9)}公里。",
            lambda: f"当天最高气温{self.r.randint(30, 41)}℃，最低气温{self.r.randint(-15, 5)}℃，"
                    f"{self.pick(('PM2.5', 'AQI'))}浓度为{self.r.randint(12, 180)}微克/立方米。",
            lambda: f"市民可登录{self.url()}查询，也可拨打服务热线{self.pick(('12345', '0393-8912345', '400-820-1234'))}咨询。",
            lambda: f"欢迎读者来信来稿，投稿邮箱：{self.email()}。",
            lambda: f"比赛中，{P}队以{self.r.randint(0, 5)}∶{self.r.randint(0, 5)}战胜对手，"
                    f"{self.pick(('获得', '夺得', '取得'))}第{self.pick(('Ⅰ', 'Ⅱ', 'Ⅲ'))}阶段冠军。",
            lambda: f"“{self.pick(('我们的目标', '这件事', '这一步'))}，”{self.name()}顿了顿，“必须在年底前完成。”",
            lambda: f"他们推出{self.pick(LATIN)}、{self.pick(LATIN)}等新技术应用，"
                    f"搭载{self.pick(PRODUCTS)}的终端已覆盖{self.pct()}的网点。",
            lambda: f"据统计，{self.pick(('2016—2020年', '2019年', '“十三五”期间'))}，全市{T}项目累计"
                    f"{self.pick(('完成', '实现'))}{self.num()}{self.pick(UNITS)}。",
            lambda: f"{self.date()}（星期{self.pick(WEEKDAYS)}）上午，{self.pick(ORGS)}召开新闻发布会，"
                    f"通报{T}有关情况。",
            lambda: f"在{self.pick(('电视剧', '纪录片', '图书', '话剧'))}《{self.pick(BOOKS)}》里，"
                    f"观众看到了“{self.pick(('小人物', '普通人', '基层干部'))}”的“{self.pick(('大情怀', '新生活', '真本色'))}”。",
            lambda: f"该中心实行7×24小时值守，日均接听电话{self.num()}个，群众满意率达{self.pct()}。",
            lambda: f"“您说的‘{self.pick(('最后一公里', '堵点', '痛点'))}’，我们记下了！”"
                    f"{self.pick(rawgen.ACTORS)}当场回应。",
            lambda: f"{self.pick(('据悉', '另据了解', '值得一提的是'))}，{P}{self.pick(FACILITIES)}"
                    f"面积达{self.num()}平方米，可容纳{self.r.randint(100, 5000)}人。",
            lambda: f"{A}采取“线上+线下”“白天+夜间”的方式，{self.pick(rawgen.ACTIONS)}。",
            lambda: f"《{self.pick(BOOKS)}》一书收录了{self.r.randint(12, 80)}篇文章——有回忆，有记录，也有思考。",
            lambda: f"据《{self.pick(rawgen.PAPERS)}》报道，{P}{self.pick(rawgen.ACTIONS)}；"
                    f"与此同时，{self.pick(rawgen.PLACES)}{self.pick(rawgen.DETAILS)}。",
            lambda: f"{self.pick(rawgen.REASONS)}，{P}{A}{self.pick(rawgen.ACTIONS)}，{self.pick(rawgen.DETAILS)}。",
            lambda: f"“{self.pick(('好！', '太好了！', '真没想到……', '行不行？'))}”{self.pick(VOICES)}们纷纷议论。",
            # session 8: foreign names with 间隔号 (and a hyphen), times and ranges,
            # stock codes, an English theme with spaces, list marks, fractions, minus
            lambda: f"{self.pick(('美国', '法国', '俄罗斯', '西班牙'))}专家{self.pick(FOREIGN)}在接受采访时表示，"
                    f"{P}的做法“值得借鉴”。",
            lambda: f"开放时间为每天{self.r.randint(7, 9)}:{self.pick(('00', '30'))}—{self.r.randint(17, 21)}:"
                    f"{self.pick(('00', '30'))}，节假日照常开放，每周一上午{self.r.randint(8, 10)}时至12时闭馆维护。",
            lambda: (lambda c: f"{c[0]}（{c[1]}）当日收盘价为{self.num()}元，涨幅为{self.pct()}。")(self.pick(COMPANIES)),
            lambda: f"本届论坛以“{self.pick(THEMES)}”为主题，来自{self.r.randint(12, 60)}个国家和地区的代表参加。",
            lambda: f"主要任务包括：（一）{self.pick(TASKS)}；（二）{self.pick(TASKS)}；（三）{self.pick(TASKS)}。",
            lambda: f"①{self.pick(TASKS)}；②{self.pick(TASKS)}；③{self.pick(TASKS)}。",
            lambda: f"其中约{self.pick(('1/3', '2/5', '3/4'))}的项目已经开工，增幅在{self.r.randint(3, 6)}%—"
                    f"{self.r.randint(7, 12)}%之间，部分地区达到{self.r.randint(10, 15)}%～{self.r.randint(16, 25)}%。",
            lambda: f"受寒潮影响，最低气温降至-{self.r.randint(3, 18)}℃，较常年同期偏低{self.r.randint(1, 5)}.{self.r.randint(0, 9)}℃。",
        )
        return self.pick(forms)()

    def notice(self) -> str:
        """A notice paragraph: items separated by U+3000 runs inside it (archives.md)."""
        sep = self.pick(("\u3000", "\u3000\u3000"))
        return (f"活动时间：{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日（星期{self.pick(WEEKDAYS)}）"
                f"上午{self.r.randint(8, 10)}:{self.pick(('00', '30'))}{sep}地点：{self.pick(rawgen.PLACES)}"
                f"{self.pick(FACILITIES)}{sep}主办单位：{self.pick(ORGS)}。欢迎广大市民踊跃参加，"
                f"咨询电话：{self.pick(('0393-8912345', '12345'))}。")

    def paragraph(self, n: int | None = None) -> str:
        roll = self.r.random()
        if n is None and roll < 0.06:
            return self.pick(SHORT_PARAS)
        if n is None and roll < 0.08:
            return self.notice()
        text = ""
        for k in range(n or self.r.randint(*self.sentences)):
            if k and text.endswith("。") and self.r.random() < 0.05:
                text += "\u00a0"  # a stray NBSP after 。 (archives.md, CMS exports)
            text += self.sentence()
        if n is None and roll < 0.18:  # a paragraph closed by a quote
            text += f"“{self.pick(rawgen.QUOTES)}{self.pick(('。', '！', '……'))}”"
        elif n is None and roll < 0.24 and text.endswith("。"):  # or by an ellipsis / dash
            text = text[:-1] + self.pick(("……", "——"))
        return text


def generate_raw(seed: int, long: bool = False) -> GeneratedPage:
    """A raw day-page in rawgen's structure with real-like text (deterministic in ``seed``)."""
    real = rawgen._Writer
    rawgen._Writer = lambda s, lg=False: RichWriter(s, lg)  # type: ignore[assignment,misc]
    try:
        page = rawgen.generate(seed, long)
    finally:
        rawgen._Writer = real  # type: ignore[misc]
    return page


def _half_width(text: str, w: RichWriter) -> str:
    """Local papers (the seed) carry half-width , ( ) between Han characters."""
    if w.r.random() < 0.5:
        return text
    text = text.replace("，", ",").replace("（", "(").replace("）", ")")
    if w.r.random() < 0.3:  # some also ; : between Han (archives.md)
        text = text.replace("；", ";").replace("：", ":")
    return text


def generate_seed(seed: int, long: bool = False) -> str:
    """A page in the seed's shape: a section line, then stories (label, headline, ■
    leads, 本报讯 (记者 …) first paragraph, body, a names credit), one feature with a
    byline line and caption fragments."""
    w = RichWriter(seed + 100_000, long)
    month, day = w.r.randint(1, 12), w.r.randint(1, 28)
    out = ["", "", w.pick(("开发区新闻", "城区新闻", "综合新闻", "县域经济", "民生")), ""]
    target = w.r.randint(7000, 12000) if long else w.r.randint(3000, 6000)
    size = 0
    while size < target:
        story: list[str] = []
        if w.r.random() < 0.5:
            story += [w.pick(rawgen.LABELS + ("区宣传办", "区教体局")), ""]
        story += [w.headline(), ""]
        if w.r.random() < 0.3:
            story += ["■" + w.sentence().rstrip("。") for _ in range(w.r.randint(2, 4))] + [""]
        if w.r.random() < 0.2:
            story += [f"本报记者 {w.name()} 通讯员 {w.name()} {w.name()}", ""]
            first = w.paragraph()
        else:
            first = f"本报讯 （记者 {w.name()} 通讯员 {w.name()}） {month}月{day}日，" + w.paragraph()
        story += [_half_width(first, w), ""]
        for _ in range(w.r.randint(*w.paragraphs) if long else w.r.randint(1, 5)):
            story += [_half_width(w.paragraph(), w), ""]
        if w.r.random() < 0.5:
            story += [f"（{w.name()} {w.name()} {w.name()}）", ""]
        out += story
        size += sum(len(s) for s in story)
    return "\n".join(out) + "\n"


def write(n: int, folder: Path, start: int = 0, long: bool = False) -> list[Path]:
    """Write ``n`` raw pages and ``n`` seed-shape pages (``rich-raw-NNN.txt``,
    ``rich-seed-NNN.txt``; ``long`` in the name for long pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = "long-" if long else ""
    out = []
    for k in range(start, start + n):
        raw = folder / f"rich-raw-{tag}{k:03d}.txt"
        raw.write_text(generate_raw(k, long).text, encoding="utf-8")
        shaped = folder / f"rich-seed-{tag}{k:03d}.txt"
        shaped.write_text(generate_seed(k, long), encoding="utf-8")
        out += [raw, shaped]
    return out


if __name__ == "__main__":
    for p in write(int(sys.argv[1]), Path(sys.argv[2])):
        print(p)
