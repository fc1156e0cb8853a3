"""Made-up archived pages in the forms of ``shared/spec/archives.md`` (issue 14).

For the batch tests and ``benchmarks/batch.py``: a folder of archives such as an
archive job meets -- page lines in several forms (or none), labels, kickers ending
``——``, headlines with column tags, subtitles, ■ leads, bylines inside the first
paragraph (NBSP or two spaces between the parts) or on a line of their own,
subheads, photo captions with credits, end credits and page credits; UTF-8 with
and without BOM, GB18030 and UTF-16; LF or CRLF; paragraphs indented with two
U+3000 or not; mixed full- and half-width characters.

All text is composed here from a small vocabulary written for the purpose (no
article is quoted).  Same seed, same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

PAPERS = ("青禾日报", "滨江晚报", "临川日报", "北岸商报")
SECTIONS = ("开发区新闻", "城市生活", "经济观察", "社区之声", "文化周刊")
LABELS = ("区妇联", "医学资讯", "法律援助", "科技前沿", "民生关注", "基层一线")
TAGS = ("（评论员观察）", "（基层治理新实践）", "（无影灯）", "（百姓身边事）")
WHO = ("区交通局", "街道办事处", "社区党支部", "区卫健委", "市图书馆", "开发区管委会", "志愿服务队",
       "区教育局", "农业合作社", "青年创业园", "老年大学", "区文旅局")
DID = ("组织开展", "深入推进", "全面启动", "认真落实", "持续优化", "集中部署", "稳步实施", "精心筹办")
WHAT = ("老旧小区改造工作", "夜间经济提升行动", "垃圾分类宣传周活动", "义诊进社区服务", "全民阅读推广计划",
        "农产品直播带货培训", "校园安全隐患排查", "文明交通劝导行动", "智慧停车系统建设", "河道清淤整治工程",
        "便民服务中心升级", "非遗技艺展示活动")
HOW = ("按照“一户一策”的思路", "坚持问题导向", "结合群众反映的意见建议", "以“小切口”推动“大民生”",
       "联合多个部门", "在前期试点的基础上", "采取线上线下相结合的方式")
RESULT = ("累计服务群众{n}余人次", "完成投资{n}万元", "覆盖{k}个社区", "群众满意度达到{p}％",
          "同比增长{p}%", "新增就业岗位{n}个", "受理各类诉求{n}件", "实现7×24小时不间断服务")
QUOTE = ("“以前办事要跑好几趟，现在一次就办好了。”居民{name}说。",
         "“我们将继续做好跟踪服务，让好事办好、实事办实。”{who}负责人{name}表示。",
         "{name}告诉记者，下一步还将在{year}—{year2}年间分批推广。",
         "据了解，相关信息可登录http：//www.example.com查询，或拨打电话咨询。")
NAMES = ("张 明", "李晓华", "王 芳", "赵建国", "陈 静", "刘思远", "周 婷", "吴海峰")
HEADS = ("{who}{did}{what}", "{what}取得阶段性成效", "让{what}惠及更多群众", "{who}：把实事办到群众心坎上",
         "小区焕新颜  居民笑开颜", "{what}跑出“加速度”")
SUBHEADS = ("一、聚焦重点抓落实", "二、创新方式提质效", "●  精准服务暖民心", "■ 多方联动形成合力", "三、久久为功见长效")


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return rng.choice(QUOTE).format(name=rng.choice(NAMES).replace(" ", ""), who=rng.choice(WHO),
                                        year=rng.randint(2016, 2019), year2=rng.randint(2020, 2023))
    head = f"{rng.choice(HOW)}，{rng.choice(WHO)}{rng.choice(DID)}{rng.choice(WHAT)}"
    tail = rng.choice(RESULT).format(n=rng.randint(12, 9800), k=rng.randint(3, 48), p=rng.randint(12, 99))
    mid = rng.choice(("，", ",", "，目前已", "，截至目前，"))
    return f"{head}{mid}{tail}。"


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def headline(rng: random.Random) -> str:
    text = rng.choice(HEADS).format(who=rng.choice(WHO), did=rng.choice(DID), what=rng.choice(WHAT))
    if rng.random() < 0.15:
        text += rng.choice(TAGS)
    return text


def article(rng: random.Random, size: int, indent: str) -> list[str]:
    """An article's lines (blank lines between), ``size`` roughly its characters."""
    out: list[str] = []
    if rng.random() < 0.35:
        out.append(rng.choice(LABELS))
    if rng.random() < 0.25:
        out.append(f"{rng.choice(WHO)}{rng.choice(DID)}{rng.choice(WHAT)}——")
    out.append(headline(rng))
    if rng.random() < 0.25:
        out.append(f"——{rng.choice(WHO)}{rng.choice(DID)}{rng.choice(WHAT)}纪实")
    if rng.random() < 0.2:
        out += [f"■{rng.choice(DID)}{rng.choice(WHAT)}" for _ in range(rng.randint(2, 4))]
    own_byline = rng.random() < 0.25
    if own_byline:
        out.append(f"本报记者  {rng.choice(NAMES)}")
    sep = rng.choice(("\u00a0", "  ", " "))
    dateline = rng.choice((f"本报讯{sep}（记者 {rng.choice(NAMES)} 通讯员 {rng.choice(NAMES)}）",
                           f"本报讯{sep}", f"本报临川{rng.randint(1, 12)}月{rng.randint(1, 28)}日电{sep}（记者{rng.choice(NAMES)}）"))
    body, written, n = [], 0, 0
    while written < size:
        para = paragraph(rng, rng.randint(2, 5))
        if n == 0 and not own_byline:
            para = dateline + para
        body.append(indent + para)
        written += len(para)
        n += 1
        if n == 3 and size > 1200 and rng.random() < 0.5:
            body.append(rng.choice(SUBHEADS))
    out += body
    if rng.random() < 0.3:
        out.append(f"图为{rng.choice(WHO)}工作人员在{rng.choice(WHAT)}现场。（本报记者 {rng.choice(NAMES)}摄）")
    if rng.random() < 0.4:
        out.append(f"（{rng.choice(NAMES).replace(' ', '')} {rng.choice(NAMES).replace(' ', '')}）")
    return out


def archive_text(seed: int, *, min_chars: int = 1200, max_chars: int = 5200) -> str:
    """One page's text (LF line ends)."""
    rng = random.Random(seed)
    lines: list[str] = []
    form = rng.random()
    if form < 0.5:
        lines.append(f"{rng.choice(PAPERS)} 2020年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 "
                     f"第{rng.randint(1, 24):02d}版")
    elif form < 0.85:
        lines.append(rng.choice(SECTIONS))
    indent = "\u3000\u3000" if rng.random() < 0.6 else ""
    total = rng.randint(min_chars, max_chars)
    articles = max(1, min(7, total // 700))
    unit = total // (articles + 1)  # the lead story is twice as long
    for i in range(articles):
        lines += article(rng, max(150, unit * (2 if i == 0 else 1)), indent)
    if rng.random() < 0.4:
        lines.append(f"版式设计：{rng.choice(NAMES)}  责任编辑：{rng.choice(NAMES)}")
    return "\n\n".join(lines) + "\n"


ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16")


def archive_bytes(seed: int, **kw: int) -> bytes:
    """The page as a file: an encoding and line ends of the forms above."""
    rng = random.Random(seed * 7919 + 1)
    text = archive_text(seed, **kw)
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    return text.encode(rng.choice(ENCODINGS))


def write_archives(folder: Path, count: int, seed: int = 1, **kw: int) -> list[Path]:
    """``count`` archives ``folder/NNNN.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{seed:02d}-{i + 1:04d}.txt"
        path.write_bytes(archive_bytes(seed * 1000 + i, **kw))
        paths.append(path)
    return paths
