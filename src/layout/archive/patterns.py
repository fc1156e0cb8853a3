"""What one archive line looks like, on its own: the recogniser's vocabulary.

Each predicate reads a single stripped line (after punctuation normalisation, so
brackets may be full- or half-width) and is deliberately narrow; deciding what a
line *is* also needs its neighbours, which ``parse`` does.  The conventions come
from Chinese newspapers (spec typography.md §7; issue 6):

- a byline opener starts the first paragraph: 本报讯, 本报电, 本报北京1月20日电,
  新华社北京3月5日电, 中新社…电, optionally with the reporters in brackets
  （记者 王金勇 通讯员 郭艳红）;
- a byline line stands alone: 本报记者 王金勇 通讯员 施民法, 新华社记者 …, □本报记者 …;
- a credit is a whole line in brackets at a story's end: （尚丰军 施民法 宋香芬）,
  （作者为…）, （据新华社电）;
- a caption starts with a picture reference: 上图 / 右图 / 图为 / 图① …;
- display lines (label, kicker, headline, subtitle, subhead) are short and do not
  end a sentence -- nor are they a table row (cells apart by white space), an
  interview's turn (记者：…？) or an ornament (＊　＊　＊);
- leads start with ■ or ●; 广告 alone is an ad slot; a page line may run its parts
  together or set separators between them (江滨日报2020年01月21日第07版, 版次：07).
"""

from __future__ import annotations

import re
from enum import Enum

HAN = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
# display lines: longer than this is a paragraph, not a headline (a two-line main
# headline in a 6-column banner holds about 2 x 18 characters)
DISPLAY_MAX = 36
# a department label (区妇联, 区统计局, 开发区) is a few characters
LABEL_MAX = 8
# a photo caption line, or a short unmarked line that follows captions
CAPTION_LINE_MAX = 40
# a caption is a sentence or two
CAPTION_MAX = 160
# a byline line or a credit line is short
BYLINE_MAX = 60
CREDIT_MAX = 80

SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)》\]\"']*$")
# a line that stops on these is broken mid-sentence (a wrapped caption or lead)
CONTINUES = "，、；,;"
_DISPLAY_END = re.compile(r"[！？!?][”’」』）)》\]\"']*$")
_QUESTION_END = re.compile(r"[？?][”’」』）)》\]\"']*$")
DASH_START = re.compile(r"^(?:——|—|--|──|－－|―)")
KICKER_END = re.compile(r"(?:——|—|--|──|：|:)$")

# a name, or a two-character name spaced out as papers print it (张 明)
_NAME = rf"(?:[{HAN}·•]{{2,5}}|[{HAN}][ \u3000\u00a0][{HAN}](?![{HAN}]))"
_NAMES = rf"{_NAME}(?:[ \u3000、，,]+{_NAME})*"
# 本报记者, 本报驻京记者, 本报全媒体记者, 人民日报记者, 特约撰稿人 …
_MEDIA = rf"(?:本报|新华社|中新社|[{HAN}]{{2,6}}(?:日报|晚报|时报|早报|晨报|商报|周报|都市报|青年报|电视台))"
_ROLE = (rf"(?:{_MEDIA})?(?:驻[{HAN}]{{1,4}})?(?:特约|见习|实习|首席|全媒体|融媒体|融媒|全媒)?"
         r"(?:记者|通讯员|实习生|摄影记者|评论员|撰稿人)")
_AGENCY = r"(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|光明网|央广网|国际在线|中国新闻网)"
_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
# 本报讯 / 本报电 / 本报北京1月20日电 / 新华社北京3月5日电 / 据新华社电 / 本报郑州讯; a place
# without a date must be followed by a space, bracket or digit ("新华社发布通讯说" is no byline)
_PLACE = rf"(?!记者|通讯员)[{HAN}]{{1,8}}?"
_OPENER = re.compile(
    rf"^(?P<open>据?{_AGENCY}(?:电|讯)"
    rf"|据?{_AGENCY}(?:{_PLACE})?{_DATE}(?:电|讯)"
    rf"|据?{_AGENCY}{_PLACE}(?:电|讯)(?=$|[\s（(【\d“\"]))")
# the reporters in brackets after an opener
_OPENER_PAREN = re.compile(r"[ \u3000]*(?P<paren>[（(](?P<inner>[^（）()\n]{1,60})[）)])")
_PAREN_ROLE = re.compile(r"记者|通讯员|实习生|见习|特约|摄影|摄|文/图|文／图|图/文|编译|报道|整理")
# a column a reporter writes is no name: 记者手记, 记者观察 are headings, not bylines
_COLUMN_WORDS = r"(?:手记|观察|调查|札记|感言|见闻|日记|笔记|视角|探访|连线|来信|体验|蹲点|走基层)"
# 本报记者 某某 (also signed off with a dash: ——本报记者 某某)
_BYLINE_LINE = re.compile(
    rf"^(?:[□◎○◇]\s*|——\s*)?(?:(?:文|图|文/图|文／图|图/文|图／文)\s*[/／:：]?\s*)?"
    rf"(?:{_ROLE}(?!{_COLUMN_WORDS})\s*(?:{_NAMES})?)(?:\s*{_ROLE}\s*{_NAMES})*"
    rf"(?:\s*(?:文/图|文／图|图/文|摄影?|报道|整理|采写))?$")
# an author credited by the kind of work: 文/李某, 文／图 王某, 作者：张三, □李某某, 撰文 赵某;
# several kinds in one line: 口述：张某　整理：李某, 文/张某 图/李某
_AUTHOR_KIND = r"(?:文|图|文/图|文／图|图/文|图／文|文·图|撰文|作者|口述|整理|执笔)"
_AUTHOR_LINE = re.compile(
    rf"^(?:[□◎○◇]\s*)?(?:{_AUTHOR_KIND}\s*[/／:：]\s*"
    rf"|(?:文/图|文／图|图/文|图／文|撰文|执笔|作者)[ \u3000\u00a0]+|[□◎○◇]\s*)"
    rf"{_NAMES}(?:\s*[（(][^（）()]{{1,20}}[）)])?(?:[ \u3000]+{_AUTHOR_KIND}\s*[/／:：]\s*{_NAMES})*$")
# reporters named after the opener and closed by a colon: 本报讯 记者 孙某 报道：
_OPENER_REPORTERS = re.compile(
    rf"[ \u3000]*(?:(?:本报)?(?:特约|见习|实习)?(?:记者|通讯员)[ \u3000]*{_NAMES}[ \u3000]*)+(?:报道)?[：:]")
# an editor's note opens a story (编者按：…, 【编者按】…); 核心阅读 titles its summary block
EDITORS_NOTE = re.compile(r"^[【\[]?编者按[】\]]?[：:\s]?")
DIGEST_TITLE = re.compile(r"[【\[]?(?:核心阅读|阅读提示|导读)[】\]]?")
_CREDIT = re.compile(r"^[（(](?P<inner>[^\n]{1,78})[）)]$")
# an author's note without brackets (作者为滨川大学教授, 作者系…, 作者单位：…): the credit
# （作者为…） as some exports print it (spec archives.md, "Credits at the end")
_AUTHOR_NOTE = re.compile(rf"^(?:本文)?作者(?:为(?!了|何|什么|此|之)|系|单位[：:]|简介[：:])[ \u3000]*[{HAN}A-Za-z]")
AUTHOR_NOTE_MAX = 40  # one clause: 作者为滨川大学退休教师; a sentence about the author is text
_CREDIT_WORDS = re.compile(
    r"^(?:本文)?作者|^(?:据|来源|稿件来源|供稿|编译|整理|摘自|转自|原载|综合|文/|图/|文／|图／)"
    r"|^(?:本报)?(?:特约|见习|实习)?(?:记者|通讯员)|(?:供稿|报道|整理|编译|摄|摄影|撰文|执笔)$")
_CAPTION = re.compile(
    r"^(?P<marker>[（(]?(?:左上|右上|左下|右下|上左|上右|下左|下右|上|下|左|右|中|顶|底)图[）)]?"
    r"|图[①-⑳]|图\s?\d{1,2}(?=[\s：:])|图[一二三四五六七八九十]{1,2}(?=[\s：:])|图为|[①-⑳](?=[\s：:]))"
    rf"(?=[\s：:{HAN}“\"《（(\dA-Za-z])")
# ▲ / △ open a caption in local papers when the line ends with the photo credit
_CREDITED_MARK = re.compile(r"^(?P<marker>[▲△])(?=.*(?:摄影?|供图|提供)[）)]?$)")
_EDITOR_WORDS = r"(?:责任编辑|本版责编|责编|本版编辑|本版主编|版面编辑|文字编辑|编辑|美编|校对|版式设计|版式|组版|审校|值班编辑|制图|图片编辑)"
_EDITOR = re.compile(rf"^{_EDITOR_WORDS}\s*[：:\s]")
# a page's contact line, printed with its credits (投稿邮箱：…, 本版邮箱：…, 新闻热线：…; spec archives.md)
_CONTACT = re.compile(r"^(?:投稿|本版|新闻|读者|来稿|联系|报料|编辑部)?(?:电子)?(?:邮箱|信箱|E-?mail|电话|热线|传真)\s*[：:]",
                      re.IGNORECASE)
# numbered subheads: 一、 （一） 1. 1、 第一， ① ■ ● ◆ …
SUBHEAD_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]\s*\D"
    r"|第[一二三四五六七八九十\d]{1,3}[，、,：:是章节部]|[①-⑳]|[■●◆▲★◎□])")
# endings of organisation names: a line like 区妇联 or 区统计局 is a department label
ORG_SUFFIX = re.compile(
    r"(?:局|办|委|会|联|院|部|厅|处|所|站|队|区|县|市|州|镇|乡|村|街道|社区|中心|公司|集团|银行|学校|大学|"
    r"医院|政府|协会|团|社|署|组|司|馆|园|台|校)$")


_DIGITS_DATE = r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|\.\d{1,2}\.\d{1,2}|/\d{1,2}/\d{1,2})"
_HEADER_TOKENS = (
    ("date", re.compile(rf"(?:{_DIGITS_DATE}|[〇一二三四五六七八九零]{{4}}年\d{{1,2}}月\d{{1,2}}日)"
                        r"(?:[ \u3000]?(?:星期|周)[一二三四五六日天])?")),
    ("weekday", re.compile(r"(?:星期|周)[一二三四五六日天]")),
    # 第07版, 第A07版, 第07版：要闻, A07 (evening papers), 版次：07
    ("page", re.compile(rf"第[A-Z]?\d{{1,3}}版(?:[：:·][{HAN}·]{{1,10}})?|[A-Z]\d{{1,3}}版?(?![\dA-Za-z])"
                        r"|版次[：:][ \u3000]?[A-Z]?\d{1,3}")),
    ("date", re.compile(rf"(?:出版)?日期[：:][ \u3000]?{_DIGITS_DATE}")),
    ("section", re.compile(rf"(?:版名|栏目)[：:][ \u3000]?[{HAN}·]{{1,10}}")),
    ("paper", re.compile(rf"[{HAN}]{{2,8}}(?:日报|晚报|时报|早报|商报|周报|都市报|导报|周刊|画报|晨报|青年报|法制报)")),
)
_HEADER_EDITOR = re.compile(rf"{_EDITOR_WORDS}\s*[：:\s]")
# a section name on a page line (第07版 要闻, 要闻 第07版 …): a short Han run
_SECTION = re.compile(rf"[{HAN}·]{{1,8}}")
# what may stand between the parts of a page line besides white space (kept as written)
_HEADER_SEPARATORS = re.compile(r"[ \t\u3000/／|｜·•—–\-【】\[\]《》〈〉]+")


def header_tokens(text: str) -> list[tuple[str, int, int]] | None:
    """(kind, start, end) of each part when a whole line is page-header matter --
    dates (2020年1月21日, 2020-01-21, with the weekday), page numbers (第07版, A07,
    版次：07), the paper's name, a section name beside them, editor credits (the rest of
    the line from an editor word on) -- else None.  Parts may touch
    (江滨日报2020年01月21日第07版) or stand between separators (/ | 【】); a section
    name counts only on a line that also has a page number or a date and a paper."""
    out: list[tuple[str, int, int]] = []
    pos, end = 0, len(text.rstrip())
    while pos < end:
        sep = _HEADER_SEPARATORS.match(text, pos)
        if sep:
            pos = sep.end()
            continue
        if _HEADER_EDITOR.match(text, pos):
            out.append(("editor", pos, end))
            break
        hit = next(((k, m) for k, rx in _HEADER_TOKENS if (m := rx.match(text, pos))), None)
        if hit is None:
            m = _SECTION.match(text, pos)
            if m is None:
                return None
            hit = ("section", m)
        out.append((hit[0], pos, hit[1].end()))
        pos = hit[1].end()
    kinds = [k for k, _, _ in out]
    # a bare A07 or a section name needs the company of a date or the paper (G20峰会 is a headline)
    dated = "date" in kinds or "paper" in kinds
    bare = all(re.fullmatch(r"[A-Z]\d{1,3}", text[a:b]) for k, a, b in out if k == "page")
    if "page" in kinds and bare and not dated:
        return None
    if "section" in kinds and not ("page" in kinds or ("date" in kinds and "paper" in kinds)):
        return None
    if kinds.count("section") > 1:
        return None
    if kinds == ["paper"] and is_section_name(text.strip()):
        return None  # 文化周刊 alone is the page's name, not a paper's
    return out or None


def header_parts_apart(text: str, tokens: list[tuple[str, int, int]]) -> bool:
    """True when the page line's parts are separated by white space only: then each
    part can be printed on its own; otherwise (separators, parts run together) the
    line is kept whole as written."""
    prev = 0
    for _, a, b in tokens:
        gap = text[prev:a]
        if prev and (not gap or gap.strip(" \t\u3000")):
            return False
        if not prev and gap.strip(" \t\u3000"):
            return False
        prev = b
    return not text[prev:].strip(" \t\u3000")


# the jump line opening a story's part continued from another page (转版): （上接第1版）;
# archives keep it as printed (spec archives.md: "an article continued from page 1 may
# appear whole again on the inside page")
JUMP_FROM = re.compile(r"[（(](?:上接|接|上承)(?:第)?[A-Z]?[\d一二三四五六七八九十]{1,3}版[）)]")
# … and the one ending the part before it, at a paragraph's end: …（下转第5版）
JUMP_TO = re.compile(r"[（(](?:下转|转|下接)(?:第)?[A-Z]?[\d一二三四五六七八九十]{1,3}版[）)]$")

# lead bullets (spec archives.md: "lines starting with ■ or ●")
LEAD_MARKS = ("■", "●")
# an ad slot stored as a line of its own (spec archives.md: "Ad slots may appear as a line 广告"), also
# spaced as two-character words are (广　告)
AD_SLOT = re.compile(r"[【\[（(]?广[ \u3000\u00a0]{0,2}告[】\]）)]?")
# a speaker's turn in an interview (记者：… / 问：… / 马建国：…): a paragraph, never a display line
SPEAKER = re.compile(rf"[{HAN}]{{1,6}}[：:](?=\S)")
# a row of a table set as text: cells apart by runs of white space (``is_table_row``)
_CELL_GAP = re.compile(r"(?<=\S)[ \u3000\u00a0\t]+(?=\S)")


def is_table_row(text: str) -> bool:
    """指标　　数值　　增幅 / 水质达标天数　　260天　331天: three cells or more, apart by
    white space, one gap at least two wide (a headline in two parts has one gap;
    Latin words have single spaces)."""
    gaps = [m.group() for m in _CELL_GAP.finditer(text)]
    return len(gaps) >= 2 and any(len(g) >= 2 or "\t" in g for g in gaps)


class Kind(Enum):
    """What a line looks like on its own (before its context is known)."""

    LEAD = "lead"  # ■ …
    OPENER = "opener"  # 本报讯 … starting a paragraph
    BYLINE_LINE = "byline line"  # 本报记者 … alone
    CREDIT = "credit"  # （尚丰军 施民法） / （作者为…）
    CAPTION = "caption"  # 上图 … / 图为 …
    EDITOR = "editor"  # 责任编辑 …
    NOTE = "note"  # 编者按：… (an editor's note at a story's start)
    DIGEST = "digest"  # 核心阅读 (the title of a summary block under the headline)
    AD = "ad"  # 广告: an ad slot
    DISPLAY = "display"  # short, does not end a sentence: label/kicker/headline/subtitle/subhead
    TEXT = "text"  # a paragraph


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends on 。！？… (closing quotes/brackets may follow)."""
    return bool(SENTENCE_END.search(text))


def classify(text: str) -> Kind:
    """The kind of one stripped, normalised line (see ``Kind``)."""
    if text.startswith(LEAD_MARKS):
        return Kind.LEAD
    if AD_SLOT.fullmatch(text):
        return Kind.AD
    if EDITORS_NOTE.match(text):
        return Kind.NOTE
    if DIGEST_TITLE.fullmatch(text):
        return Kind.DIGEST
    if (_CAPTION.match(text) or _CREDITED_MARK.match(text)) and len(text) <= CAPTION_MAX:
        return Kind.CAPTION
    if split_opener(text) is not None:
        return Kind.OPENER
    if len(text) <= BYLINE_MAX and (_BYLINE_LINE.match(text) or _AUTHOR_LINE.match(text)):
        return Kind.BYLINE_LINE
    if credit_confidence(text) > 0:
        return Kind.CREDIT
    if _EDITOR.match(text) and len(text) <= BYLINE_MAX:
        return Kind.EDITOR
    if is_display(text):
        return Kind.DISPLAY
    return Kind.TEXT


def is_contact_line(text: str) -> bool:
    """A short contact line (投稿邮箱：name@example.com): it stands with the page credits."""
    return len(text) <= BYLINE_MAX and bool(_CONTACT.match(text))


def is_display(text: str) -> bool:
    """Short, and does not end (or break) a sentence: a display line candidate.  A
    headline may end on ！ or ？ (你的手机真的需要“清理内存”吗？), never on 。."""
    if len(text) > DISPLAY_MAX or "。" in text or text[-1] in CONTINUES:
        return False
    if not re.search(r"[^\W_]", text):
        return False  # ＊　＊　＊, ——, ……: an ornament or a break in the text, never a headline
    if is_table_row(text):
        return False
    if _DISPLAY_END.search(text):
        return not SPEAKER.match(text)  # 记者：…吗？ is a question in an interview
    return not ends_sentence(text)


# a headline may run longer than DISPLAY_MAX (a banner over two lines); such a line is
# a headline only when an anchor (a dateline, a byline line) follows it
LONG_HEADLINE_MAX = 2 * DISPLAY_MAX


def is_long_headline(text: str) -> bool:
    """Longer than a display line, yet shaped like one: no 。 inside, not ending on
    a comma or a sentence's end (！ and ？ aside), no clause after a full stop."""
    return (DISPLAY_MAX < len(text) <= LONG_HEADLINE_MAX and "。" not in text and text[-1] not in CONTINUES
            and (not ends_sentence(text) or bool(_DISPLAY_END.search(text))) and not SPEAKER.match(text))


def split_opener(text: str) -> tuple[str, str] | None:
    """(byline, rest) when ``text`` starts with a byline opener, else None.  The byline
    keeps the archive's spacing and brackets: ``本报讯 （记者 王金勇 通讯员 郭艳红）``."""
    m = _OPENER.match(text)
    if not m:
        return None
    end = m.end("open")
    p = _OPENER_PAREN.match(text, end)
    if p and (_PAREN_ROLE.search(p.group("inner")) or re.fullmatch(_NAMES, p.group("inner").strip())):
        end = p.end("paren")
    r = _OPENER_REPORTERS.match(text, end)
    if r:
        end = r.end()
    return text[:end], text[end:]


def credit_confidence(text: str) -> float:
    """How surely a whole bracketed line is a credit: names only or a credit word
    (作者, 据, 供稿, 摄 …) -> 0.9; an author's note without brackets (作者为…) -> 0.7;
    other short bracketed lines -> 0.5; not bracketed or too long -> 0.  Position
    (the story's end) is judged by the caller."""
    m = _CREDIT.match(text)
    labelled = re.match(r"(?:本文)?作者(?:单位|简介)", text) is not None  # 作者简介：…，… is still one
    if (not m and _AUTHOR_NOTE.match(text) and len(text) <= AUTHOR_NOTE_MAX
            and (labelled or not re.search("[。，,；;]", text[:-1]))):
        return 0.7  # 作者为… unbracketed: a credit by its words, less sure than in brackets
    if not m or len(text) > CREDIT_MAX:
        return 0.0
    inner = m.group("inner").strip()
    if "（" in inner or "(" in inner or "）" in inner or ")" in inner:
        return 0.0
    if re.fullmatch(_NAMES, inner) or _CREDIT_WORDS.search(inner):
        return 0.9
    return 0.5 if len(inner) <= 30 and not ends_sentence(inner) else 0.0


# a photo credit on a line of its own (（本报记者 某某摄）, 新华社记者 某某摄, 本报记者 某某 摄影)
_PHOTO_CREDIT_LINE = re.compile(
    rf"[（(]?(?:{_AGENCY})?(?:特约|首席|见习)?(?:摄影)?记者[ \u3000]*{_NAMES}[ \u3000]*摄影?[）)]?"
    rf"|[（(]?{_NAMES}[ \u3000]*摄影?[）)]?"
    rf"|[（(]?(?:新华社发|中新社发|本报资料图片|资料图片|[{HAN}]{{2,10}}供图)(?:[ \u3000]*{_NAMES}[ \u3000]*摄影?)?[）)]?")


def is_photo_credit(text: str) -> bool:
    """A line that is only a photo credit (本报记者 某某摄, 新华社发, 资料图片, 某某供图):
    it closes the caption above it."""
    return bool(_PHOTO_CREDIT_LINE.fullmatch(text))


# a line ending with a photo credit: …（本报记者 某某摄）, …新华社记者 某某 摄, … 某某 摄,
# …（资料图片）, …（新华社发）; 摄 must close a credit (爱上摄影 is a headline)
_CREDIT_END = re.compile(
    rf"(?:[（(][^（）()]{{1,30}}(?:摄影?|供图|提供)[）)]|(?:记者|通讯员|摄影师?)[ \u3000]*{_NAMES}[ \u3000]*摄影?"
    rf"|[ \u3000]{_NAMES}[ \u3000]+摄影?|[ \u3000][{HAN}]{{2,12}}供图|[（(](?:资料图片|新华社发|中新社发)[）)])$")
_OPENING = "（(【["
_CLOSING = "）)】]"
# a line that reads as a sentence rather than a headline: a clause inside, and long
# enough not to be a two-part headline (稳就业，保民生); builder's standfirst lines too
CLAUSE = re.compile(r"[，；,;、]")
CLAUSE_MIN = 12


def reads_as_clause(text: str) -> bool:
    """A comma, 、 or ； inside and at least ``CLAUSE_MIN`` characters: a sentence's
    part (a standfirst, a caption), not a headline."""
    return len(text) >= CLAUSE_MIN and bool(CLAUSE.search(text[:-1]))


def ends_with_photo_credit(text: str) -> bool:
    """Text before a photo credit that closes the line (…（本报记者 某某摄）); a
    line that is only a credit (本报记者 某某摄) is not meant."""
    return bool(_CREDIT_END.search(text)) and not is_photo_credit(text)


def caption_piece(text: str) -> str | None:
    """Why a short line without a picture marker is a piece of a caption, or None:
    it ends with a photo credit (…（本报记者 某某摄）: a caption whose marker was
    lost, or a caption's second half on a line of its own), or it leaves a bracket
    open (…（本报记者 某某: cut off, spec archives.md: "archives truncate
    captions").  Neither is ever a headline or a subhead."""
    if ends_with_photo_credit(text):
        return "it ends with a photo credit (…摄)"
    if sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING):
        return "a bracket opened and never closed: cut off in the archive"
    return None


def caption_marker(text: str) -> str | None:
    """The picture reference a caption starts with (上图, 右图, 图为, 图①), or None."""
    m = _CAPTION.match(text) or _CREDITED_MARK.match(text)
    return m.group("marker") if m else None


def caption_complete(text: str) -> bool:
    """A caption is complete when it ends a sentence or ends with a photo credit
    (…摄, （本报记者 王金勇 摄）); otherwise the archive cut it off."""
    return ends_sentence(text) or text.endswith(("摄", "摄影", "）", ")", "供图", "提供"))


def is_label(text: str) -> tuple[bool, float]:
    """(is it a department label, confidence): a few Han characters, no punctuation;
    ending like an organisation (区妇联, 区统计局) is surer than merely short."""
    if len(text) > LABEL_MAX or not re.fullmatch(rf"[{HAN}·A-Za-z0-9]+", text) or not re.search(f"[{HAN}]", text):
        return False, 0.0
    if ORG_SUFFIX.search(text):
        return True, 0.85
    return (True, 0.7) if len(text) <= 4 else (False, 0.0)


# a headline's column tag: 某某某（评论员观察）, （无影灯）, （基层治理新实践）
COLUMN_TAG = re.compile(rf"[{HAN}][（(][{HAN}·]{{2,10}}[）)]$")
# what pages are named after (版名): a short line ending so is a section name, not a label
SECTION_NAME = re.compile(
    rf"[{HAN}·]{{0,6}}(?:新闻|要闻|社会|国际|国内|经济|财经|文化|体育|评论|理论|科技|教育|健康|副刊|专版|综合|时事|地方|"
    r"法治|生活|视点|周刊|观察|专题|民生|城事|消费|旅游|读书)")


def is_section_name(text: str) -> bool:
    """要闻, 开发区新闻, 国际, 文化周刊 …: a page's name by its ending."""
    return bool(SECTION_NAME.fullmatch(text))


def is_name(text: str) -> bool:
    """A person's name alone on a line (李某某, 欧阳明月, a two-character name spaced
    as pages print it: 张　弛, spec archives.md): an author under a headline."""
    return bool(re.fullmatch(rf"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}·[{HAN}]{{1,6}}|[{HAN}][ \u3000\u00a0]{{1,2}}[{HAN}]",
                             text))


def is_question(text: str) -> bool:
    """Ends on a question mark (为什么？, 钱从哪里来？”): a rhetorical question in the
    text, or a subhead of a series that asks (``builder``)."""
    return bool(_QUESTION_END.search(text))


def is_numbered_subhead(text: str) -> bool:
    return bool(SUBHEAD_NUMBER.match(text))


def is_subtitle(text: str) -> bool:
    """副题 conventionally starts with a dash: ——记…"""
    return bool(DASH_START.match(text))


def is_kicker_shaped(text: str) -> bool:
    """引题 ending on a dash or colon: 外交部发言人——"""
    return bool(KICKER_END.search(text))
