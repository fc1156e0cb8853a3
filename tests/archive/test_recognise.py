"""Recognition of every element, on the seed and on our own archives."""

from __future__ import annotations

import pytest
from archive_helpers import DATA

from layout.archive.normalize import normalize
from layout.archive.parse import parse_page
from layout.archive.read import read_archive


def page_of(path):
    return parse_page(normalize(read_archive(path).text).text, str(path))


@pytest.fixture(scope="module")
def seed(seed_path):
    return page_of(seed_path)


def test_seed_page_name_and_stories(seed):
    assert seed.name == "开发区新闻"
    assert [s.headline for s in seed.stories] == [
        "全国文明城市创建工作再加压再推进", "2020“巧媳妇”工程职业技能提升培训班首期开班",
        "前漳消村举办庆“八一”文艺活动", "梦想从这里起航", "扎实做好意识形态工作责任制专项督查工作",
        "多措并举推进人口普查工作", "打出组合拳 防止道路扬尘污染"]
    assert [s.label for s in seed.stories] == ["开发区", "区妇联", None, None, "区宣传办", "区统计局", "区交通局"]


def test_seed_leads_bylines_credit(seed):
    first, _, third, dream = seed.stories[:4]
    assert len(first.leads) == 4 and all(x.startswith("■") for x in first.leads)
    assert first.byline == "本报讯" and first.paragraphs[0].startswith("8月3日，开发区召开")
    assert first.credit == "（尚丰军 施民法 宋香芬）"
    assert third.byline == "本报讯 （记者 王金勇 通讯员 周雨琪）"
    assert third.paragraphs[0].startswith("7月31日晚")
    assert dream.byline is None and dream.byline_line == "本报记者 王金勇 通讯员 施民法 宋钢豹 王争阳"
    assert len(dream.leads) == 2 and len(dream.paragraphs) == 7


def test_seed_captions_broken_and_cut_off(seed):
    caps = seed.stories[3].captions
    assert [c.text for c in caps] == ["开展政策宣讲。", "右图 产业园工作人员在园区的特色展览馆。",
                                      "上图 位于濮阳电子商务产", "开发区电子商务产业园一角。"]
    broken = caps[1]
    assert broken.lines == ("右图 产业园工作人员在", "园区的特色展览馆。") and not broken.truncated
    assert broken.marker == "右图"
    cut = caps[2]
    assert cut.truncated and cut.text == "上图 位于濮阳电子商务产"  # kept, never completed
    assert all(not c.truncated for c in caps if c is not cut)
    # the unmarked ones are flagged as unsure
    unsure = {n.element for n in seed.stories[3].notes if n.unsure}
    assert {"captions.0", "captions.3"} <= unsure


def test_seed_has_no_subheads_and_every_story_has_a_byline(seed):
    assert all(not s.subheads for s in seed.stories)
    assert all(s.byline or s.byline_line for s in seed.stories)


def test_renmin_kicker_subtitle_datelines_subheads_credit():
    p = page_of(DATA / "renmin-yaowen.txt")
    a, b, c, d = p.stories
    assert (a.kicker, a.headline) == ("外交部发言人——", "中方愿同各方加强沟通协调")
    assert a.byline == "本报北京1月20日电（记者 张三）"
    assert a.paragraphs[0].startswith("外交部发言人汪某20日")
    assert (b.headline, b.subtitle) == ("全国春运首日发送旅客超3800万人次", "——铁路、公路、民航运力全面提升")
    assert [s.text for s in b.subheads] == ["一、铁路运力再创新高", "二、公路出行平稳有序", "三、民航航班正点率保持高位"]
    assert [s.before for s in b.subheads] == [1, 2, 3]
    assert "上午8:30" in b.paragraphs[1] and "10,236列" in b.paragraphs[1] and "约为1:2" in b.paragraphs[2]
    assert c.headline is None and c.byline == "新华社北京1月20日电"  # a brief without headline
    assert d.headline == "让创新成为高质量发展的第一动力" and d.byline is None
    assert d.credit == "（作者为中国科学技术发展战略研究院研究员）"


def test_evening_byline_line_label_caption_with_photo_credit_and_name_credit():
    p = page_of(DATA / "evening-shehui.txt")
    park, metro, toys = p.stories
    assert (park.label, park.byline_line) == ("市民热线", "本报记者 李明 通讯员 王芳")
    assert [c.text for c in park.captions] == ["图为市民在口袋公园内休闲。（本报记者 李明 摄）"]
    assert "gongyuan@cityparks.gov.cn，或登录https://www.cityparks.gov.cn/feedback留言" in park.paragraphs[2]
    assert (metro.label, metro.credit, metro.byline) == ("交通", "（赵刚）", "本报讯（记者 赵刚）")
    assert toys.headline == "家长们注意！这些“网红玩具”存在安全隐患"
    assert toys.byline == "本报讯（记者 孙丽 实习生 钱多）"


def test_keji_leads_then_lead_shaped_subheads_and_question_headline():
    p = page_of(DATA / "keji-weekly.txt")
    g5, phone = p.stories
    assert g5.label == "5G应用" and len(g5.leads) == 2 and g5.byline == "本报电"
    assert [s.text for s in g5.subheads] == ["■车间里的“新同事”", "■数据驱动决策"]
    assert g5.credit == "（作者单位：市工业和信息化局）"
    assert "“Made in China 2025”" in g5.paragraphs[-1] and "http://www.miit.gov.cn。" in g5.paragraphs[-1]
    assert (phone.label, phone.headline) == ("科普", "你的手机真的需要“清理内存”吗？")
    assert phone.byline_line == "本报记者 吴一帆" and "kepu@keji-weekly.cn" in phone.paragraphs[-1]
    assert "8\u00a0GB" in phone.paragraphs[0]


def test_briefs_without_blank_lines_and_headless_items():
    p = page_of(DATA / "city-briefs.txt")
    assert p.name == "城市新闻"
    assert [s.headline for s in p.stories] == ["图书馆少儿阅览室恢复开放", "马拉松赛3月1日开始报名", None, None]
    assert [s.byline for s in p.stories] == ["本报讯 （通讯员 孙七）", "本报讯 （记者 周八）", "本报讯", "本报讯 （记者 吴九）"]
    assert "9:00至17:00，周一闭馆" in p.stories[0].paragraphs[0]
    assert "www.citymarathon.cn，名额" in p.stories[1].paragraphs[0]


def test_commentary_author_lines_and_credits():
    p = page_of(DATA / "pinglun.txt")
    a, b = p.stories
    assert (a.label, a.headline, a.byline_line, a.credit) == ("今日谈", "让“口袋公园”多起来", "本报评论员", "（作者为本报评论员）")
    assert (b.label, b.headline, b.byline_line) == ("人民时评", "破解“停车难”需要绣花功夫", "李某某")
    assert b.credit == "（作者为城市交通问题研究者）" and len(b.paragraphs) == 3
    assert any(n.element == "byline_line" and n.unsure for n in b.notes)


def test_photo_story_captions_over_lines_and_cut_off():
    p = page_of(DATA / "tupian.txt")
    spring, market = p.stories
    assert spring.headline == "春到田间" and not spring.paragraphs
    assert [c.marker for c in spring.captions] == ["图①", "图②", "图③"]
    assert spring.captions[0].lines == ("图① 3月5日，农民在城郊麦田里", "操作植保无人机喷洒农药。")
    assert spring.captions[1].text == "图② 村民在温室大棚内采摘草莓，今年草莓亩产预计可达3000斤。"
    assert spring.captions[2].truncated and spring.captions[2].text == "图③ 技术员（右）向种植户讲解"
    assert spring.byline_line == "本报记者 张三 摄"
    assert market.headline == "夜市“烟火气”回来了" and "6:00至次日凌晨1:00" in market.paragraphs[0]
    assert [(c.marker, c.truncated) for c in market.captions] == [("上图", False), ("下图", True)]


def test_wire_story_latin_urls_and_agency_credit():
    p = page_of(DATA / "guoji.txt")
    who, ecb = p.stories
    assert who.headline == "世卫组织：全球疫苗接种超过130亿剂"
    assert who.byline == "新华社日内瓦3月5日电（记者 刘某）"
    assert who.paragraphs[0].startswith("世界卫生组织（WHO）总干事谭德塞（Tedros Adhanom Ghebreyesus）")
    assert '他说："We must not let our guard down." 谭德塞' in who.paragraphs[1]
    assert "（https://www.who.int/emergencies）" in who.paragraphs[2] and "3.8%" in who.paragraphs[2]
    assert who.credit == "（据新华社电）"
    assert ecb.byline == "新华社法兰克福3月5日电" and '"We are not there yet!"' in ecb.paragraphs[1]
    assert "media@ecb.europa.eu咨询" in ecb.paragraphs[2]


def test_notes_carry_a_confidence_for_every_element(seed):
    for story in seed.stories:
        refs = {ref for ref, _ in story.elements()}
        noted = {n.element for n in story.notes}
        assert refs <= noted
        assert all(0.0 < n.confidence <= 1.0 and n.reason for n in story.notes)


def test_hard_wrapped_archive_is_joined_back_into_paragraphs():
    p = page_of(DATA / "tiyu-wrapped.txt")
    assert any(n.decision == "hard-wrapped at 36 cells" for n in p.notes)
    football, basketball = p.stories
    assert (football.label, football.headline, football.byline_line) == ("中超联赛", "主场3:1逆转 城市队终结三连败", "本报记者 赵六")
    assert football.paragraphs[0] == (
        "昨晚19:30，中超联赛第12轮在市体育中心打响。城市队在先失一球的情况下连入三球，最终以3:1逆转战胜对手，"
        "终结了近期的三连败。本场比赛吸引了超过4.2万名球迷到场观战，上座率达到85.6%。")
    assert "外援Marcos头球扳平比分，第71分钟" in football.paragraphs[1]
    assert football.paragraphs[2].endswith("俱乐部官网www.citysports.com.cn查询。")
    assert [c.text for c in football.captions] == ["图为城市队球员庆祝进球。（新华社发）"]
    assert (basketball.label, basketball.headline, basketball.byline) == ("篮球", "市青年队98:95险胜对手", "本报讯（通讯员 钱七）")
    assert len(basketball.paragraphs) == 2 and basketball.paragraphs[1].endswith("全国青年篮球联赛。")


def test_archives_of_whole_paragraphs_are_not_taken_for_wrapped(seed):
    assert not any(n.element == "lines" for n in seed.notes)


def test_short_line_ending_in_a_colon_stays_body_text():
    text = "要闻\n\n措施出台\n\n本报讯 近日，市里出台新措施。\n\n主要内容如下：\n\n一是加强监管。\n"
    story = parse_page(normalize(text).text).stories[0]
    assert story.paragraphs == ("近日，市里出台新措施。", "主要内容如下：", "一是加强监管。") and not story.subheads


HEADED = ("濮阳日报\n开发区新闻\n2020年8月10日 星期一　第3版\n责任编辑：王某\n\n"
          "区妇联\n\n巧媳妇培训班开班\n\n本报讯 记者 王金勇 报道：8月4日，培训班开班。\n\n本版编辑：李某\n")


def test_page_header_lines_above_and_below_the_stories():
    p = parse_page(normalize(HEADED).text)
    assert p.name == "开发区新闻"
    assert [(h.kind, h.text) for h in p.header] == [
        ("paper", "濮阳日报"), ("date", "2020年8月10日 星期一"), ("page", "第3版"), ("editor", "责任编辑：王某"),
        ("editor", "本版编辑：李某")]
    (story,) = p.stories
    assert (story.label, story.headline, story.byline) == ("区妇联", "巧媳妇培训班开班", "本报讯 记者 王金勇 报道：")
    assert story.paragraphs == ("8月4日，培训班开班。",)


def test_author_credited_by_kind_of_work():
    text = "副刊\n\n春天的约定\n\n文/李某\n\n三月的风吹过田野，油菜花开得正旺。\n"
    (story,) = parse_page(normalize(text).text).stories
    assert (story.headline, story.byline_line) == ("春天的约定", "文/李某")


def _shape(page):
    return [(s.label, s.headline, s.byline, s.byline_line, s.leads, s.paragraphs[:1], s.credit) for s in page.stories]


@pytest.mark.parametrize(("codec", "transform"), [
    ("gbk", lambda t: t.replace("\n", "\r\n")),
    ("utf-16", lambda t: "\n".join(("\u3000\u3000" + ln if len(ln) > 40 else ln) for ln in t.split("\n"))),
    ("utf-8-sig", lambda t: "\n".join(ln + " \u3000 " for ln in t.split("\n"))),
    ("gb18030", lambda t: t.replace("\n\n", "\n\n\n")),
    ("utf-8", lambda t: "\n".join(ln for ln in t.split("\n") if ln.strip())),  # no blank lines at all
])
def test_the_seed_written_other_ways_reads_the_same(seed_path, tmp_path, codec, transform):
    text = seed_path.read_text(encoding="utf-8")
    variant = tmp_path / "v.txt"
    variant.write_bytes(transform(text).encode(codec))
    assert _shape(page_of(variant)) == _shape(page_of(seed_path))


def test_in_an_archive_without_bylines_display_lines_head_stories():
    text = ("要闻简报\n我市新增3家国家级科技企业孵化器\n近日，科技部公布了新一批孵化器名单，我市3家榜上有名。\n"
            "全市一季度GDP增长5.2%\n据市统计局数据，一季度全市生产总值同比增长5.2%。\n"
            "一、工业生产稳步回升\n规模以上工业增加值增长6.1%。\n")
    p = parse_page(normalize(text).text)
    assert [s.headline for s in p.stories] == ["我市新增3家国家级科技企业孵化器", "全市一季度GDP增长5.2%"]
    assert [s.text for s in p.stories[1].subheads] == ["一、工业生产稳步回升"]  # numbered: still a subhead
