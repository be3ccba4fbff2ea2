"""The header zone of a page: what each line before the body is.

Real pages put many things before a document's body: site banners, column names, breadcrumbs, stale
dates, bylines, metadata in every layout (label: value; label and value on alternating lines; pipe
tables with or without colons; the same block twice), the issuing organ on its own line, the
发文字号, and the title — once, twice, over several lines, wrapped in 《》 or glued to its number.
This module gives every header line a role and lists the title candidates; `title.py` chooses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from ..facts.doc_numbers import find_doc_numbers
from ..lazyre import lazy
from ..model import NormalizedText

if TYPE_CHECKING:
    from ..parse.lines import Line
from . import vocabulary as v

HEADER_MAX_LINES = 40
TITLE_LINES_MAX = 4  # a title printed over more lines than this is not met
TITLE_MAX = 90
_SENTENCE_END = re.compile(r"[。!?;]\s*$")
_PARENTHETICAL = re.compile(r"^\s*[(\[【].*[)\]】]\s*$")
_NUMBER_KINDS = ("doc_number_line", "order_number_line")
_BODY_KINDS = ("heading1", "heading2", "heading3", "heading4", "chapter", "section", "article",
               "attachment_note", "copy_to", "printed_by")


@dataclass
class Field:
    key: str  # the label with its spaces removed
    value: str
    line: int  # index into the lines


@dataclass
class TitleCandidate:
    first: int  # indices into the lines (inclusive)
    last: int
    text: str  # cleaned: number and wrapping 《》 removed, lines joined
    cues: list[str] = field(default_factory=list)
    score: int = 0


@dataclass
class HeaderPlan:
    roles: dict[int, str]  # line index → chrome | metadata | doc_number | registration | org_mark |
    #                        issuer | title | note | subtitle | date
    fields: list[Field]
    candidates: list[TitleCandidate]
    body_start: int  # index of the first body line
    addressee: int | None = None
    number_texts: list[tuple[int, str]] = field(default_factory=list)  # numbers seen in header lines

    def metadata(self) -> dict[str, str]:
        """Each label once: its first non-empty value (a block may be printed twice)."""
        out: dict[str, str] = {}
        for f in self.fields:
            if not out.get(f.key):
                out[f.key] = f.value
        return out


def has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# A cell that is a label the vocabulary does not list (生成日期/有效期:, 语种:): never a value.
_OTHER_LABEL_CELL = re.compile(r"^(?P<key>[\u4e00-\u9fff/、 ]{2,12}):$")


def fields_of(text: str) -> list[tuple[str, str]]:
    """Label/value pairs of one metadata line: `a: 1 b: 2`, `| a: | 1 |`, `a | 1 | b | 2 |`,
    `[ a ]1 [ b ] 2`."""
    text = v.BULLET.sub("", text)
    if "[" in text or "【" in text or "［" in text:
        listed = _LISTED_BRACKET.match(text)  # 6. [发文字号] …: a grid written as a numbered list
        if listed:
            text = text[listed.end():]
            other = _OTHER_BRACKETED_LABEL.match(text)
            if other and not v.BRACKETED_LABEL.match(text):  # 3. [联合发文单位]: a key we do not list
                return [(other["key"], text[other.end():].strip())]
        text = v.BRACKETED_LABEL.sub(lambda m: f" {m['key']}:", text).strip()
    alone = v.LABEL_CELL.match(text)
    if alone:  # a label alone on its line: its value stands on the next one
        return [(_key(alone["key"]), "")]
    if "|" in text:
        cells = [c.strip() for c in text.split("|")]
        cells = [c for c in cells if c]
        pairs: list[tuple[str, str]] = []
        i = 0
        while i < len(cells):
            label = v.LABEL_CELL.match(cells[i]) or _OTHER_LABEL_CELL.match(cells[i])
            if label:
                nxt = cells[i + 1] if i + 1 < len(cells) else ""
                if nxt and not v.LABEL_CELL.match(nxt) and not _OTHER_LABEL_CELL.match(nxt):
                    pairs.append((_key(label["key"]), nxt))
                    i += 2
                    continue
                pairs.append((_key(label["key"]), ""))
            elif ":" in cells[i] and v.LABEL_WITH_COLON.match(cells[i]):
                pairs.extend(_colon_pairs(cells[i]))
            i += 1
        return pairs
    return _colon_pairs(text) or _glued_pairs(text)


_LISTED_BRACKET = re.compile(r"^\d{1,2}[.．、]\s*(?=[\[【［])")
_OTHER_BRACKETED_LABEL = re.compile(r"^[\[【［]\s*(?P<key>[\u4e00-\u9fff]{2,8})\s*[\]】］]")
GLUED_LABELS_MIN = 2


def _glued_pairs(text: str) -> list[tuple[str, str]]:
    """Labels written without colons and glued to their values once the normalizer took the spaces
    away (索 引 号 000/2024-00012 文 号 某政发〔2024〕9号): the line starts with a label and another
    follows a value's digit, bracket or 号."""
    matches = list(v.GLUED_LABEL.finditer(text))
    if len(matches) < GLUED_LABELS_MIN or matches[0].start() != 0:
        return []
    return [(_key(match["key"]), text[match.end(): following.start() if following else len(text)].strip())
            for match, following in zip(matches, matches[1:] + [None])]


GLUED_LINE_MAX = 80


def glued_pair(text: str) -> list[tuple[str, str]]:
    """One label glued to its value on a short line (发文字号某政发〔2021〕6号), without a sentence's
    punctuation; read only in a run of such lines, where the labels show a metadata block."""
    match = v.GLUED_LABEL.match(text)
    if match is None or len(text) > GLUED_LINE_MAX or _SENTENCE_PUNCTUATION.search(text):
        return []
    value = text[match.end():].strip()
    glued = v.TRAILING_LABEL.search(value)  # 10001-01-2024-00122失效时间: the next, empty label glued on
    if glued and glued.start() > 0:
        value = value[: glued.start()].strip()
    return [(_key(match["key"]), value)] if value else []


_SENTENCE_PUNCTUATION = re.compile(r"[。，,；;！!？?]")


def _colon_pairs(text: str) -> list[tuple[str, str]]:
    matches = list(v.LABEL_WITH_COLON.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return []
    pairs = []
    for match, following in zip(matches, matches[1:] + [None]):
        value = text[match.end(): following.start() if following else len(text)]
        pairs.append((_key(match["key"]), value.strip()))
    return pairs


_GRID_GAP = re.compile(r"[ \t\u3000]+")
# A known label in a grid line: at its start, after a space, or — four characters or more, or padded —
# glued to the value before it (the normalizer drops a lone space between 号 and 公开时限).
_GRID_LABEL = lazy("|".join(v.spaced(k) for k in sorted(set(v.METADATA_LABELS), key=len, reverse=True)))
GLUED_LABEL_MIN = 4
# 主题(一级), 效力状况, 体裁: a short key of a grid whose labels the vocabulary does not list
_GRID_KEY = lazy(r"^[\u4e00-\u9fff]{2,6}(?:\([\u4e00-\u9fff]{1,4}\))?$")
GRID_MAX = 200


def _grid_label_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _GRID_LABEL.finditer(text):
        start, end = match.span()
        label = match.group()
        # a padded label (文 号) is one even when glued to the value before it: the padding says so
        if start == 0 or text[start - 1] in " \t\u3000" or len(_key(label)) >= GLUED_LABEL_MIN or _key(label) != label:
            spans.append((start, end))
    return spans


def _cells(key: str, rest: str) -> list[tuple[str, str]]:
    """A key and the words after it: its value is the first word (and words that are no key);
    a short unknown key with a word after it starts the next pair (有效期 长期 体裁 通知)."""
    tokens = [t for t in _GRID_GAP.split(rest.strip()) if t]
    pairs = [(key, tokens[0] if tokens else "")]
    k = 1
    while k < len(tokens):
        token = tokens[k]
        if k + 1 < len(tokens) and _GRID_KEY.match(token) and not ends_with_kind(token):
            pairs.append((token, tokens[k + 1]))
            k += 2
        else:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]} {token}".strip())
            k += 1
    return pairs


def grid_pairs(text: str, in_grid: bool = False, grid_seen: bool = False) -> list[tuple[str, str]]:
    """Label/value pairs of a flattened metadata grid, keys and values separated by spaces only:
    `信息索引号 X 生成日期 2020-12-10 公开日期 2020-12-14`. A line is a grid line when it starts with
    a known label and holds another one; on a page with a grid (`grid_seen`), also when it starts with
    a known label (内容概述 …); right after a grid line (`in_grid`), also when it is short key/value
    cells (主题(一级) 司法 关键词 政法)."""
    text = v.BULLET.sub("", text).strip()
    if len(text) > GRID_MAX or "。" in text:
        return []
    spans = _grid_label_spans(text)
    if spans and spans[0][0] == 0 and (len(spans) >= 2 or grid_seen) and len(text) > spans[0][1]:
        pairs: list[tuple[str, str]] = []
        bounds = spans + [(len(text), len(text))]
        for (a, b), (c, _) in zip(bounds, bounds[1:]):
            pairs.extend(_cells(_key(text[a:b]), text[b:c]))
        return pairs
    tokens = _GRID_GAP.split(text)
    if in_grid and len(tokens) >= 2 and _GRID_KEY.match(tokens[0]) and not ends_with_kind(tokens[0]) \
            and "关于" not in text:
        return _cells(tokens[0], text[len(tokens[0]):])
    return []


def _key(label: str) -> str:
    return re.sub(r"[ \u3000]", "", label)


# 编辑人员: 王某 — an unknown label; 号: 1234/2018-01 — a label whose first characters were lost
_LABEL_VALUE = lazy(r"^\s*[\u4e00-\u9fff]{1,6}\s*:\s*\S")


def is_titleish(text: str) -> bool:
    text = text.strip()
    return (2 <= len(text) <= TITLE_MAX and not _SENTENCE_END.search(text) and "," not in text
            and not text.endswith(":")  # a lead-in (现就…作如下解读:) or a label, never a title
            and not _LABEL_VALUE.match(text) and not v.LABEL_WITH_COLON.search(text)
            and "。" not in text and not v.PAGE_DATE.search(text) and not v.STALE_DATE.search(text))


_NOT_ADDRESSEE = re.compile(r"如下|现将|现就|根据|为了|特此|报告|通知|公告|。")


def is_addressee(text: str) -> bool:
    """各县(市、区)人民政府,市政府各部门: — organs and a colon, not a lead-in sentence (…报告如下:)
    nor a label (归档时间:)."""
    named = text.strip().rstrip(":").strip()
    return len(text) <= 150 and not _NOT_ADDRESSEE.search(text) and bool(
        v.ORGAN_AT_END.search(named) or v.ADDRESSEE_END.search(named))


# A short line with one colon inside and no sentence in it: a headline (某县:…) or a banner's slogan.
_COLON_HEADLINE = re.compile(r"^[^:,。;!?]{2,30}:[^:,。;!?、\s]{6,40}$")
_COLON_BANNER = re.compile(r"^[^:,。;!?]{2,30}:[^:,。;!?]{2,40}$")
_SET_APART = re.compile(r"\S\s+\S|[:|!]")
WHOLE_TITLE_MIN = 8  # a line this long that ends with a kind is a title by itself
_ORDER_HEADING = re.compile(r"^\S{2,30}令$")
_GLUED_TITLE_LABEL = re.compile(
    "^(?P<key>" + "|".join(v.spaced(k) for k in ("标题", "文件名称", "信息名称", "题名")) + ")[ \u3000]*(?=[\u4e00-\u9fff《])")
_CONTINUATION = re.compile(r"^(?:有关|有关事项|相关事项|事项|工作|问题|情况)?的?(?:通知|通告|公告|决定|批复|意见|复函|函)$")
_LAW_SITE_YEAR = re.compile(r"\((?:19|20)\d{2}年(?:修订|修正)?\)$")  # an edition (2021年版) is the title's own


def _continues_title(text: str) -> bool:
    """A short last line that finishes a title whose previous line already ended in a kind word:
    …关于政府信息公开工作年度报告 / 有关事项的通知."""
    return bool(_CONTINUATION.match(text.strip()))


# A title begun and not finished: it ends on 关于, 印发, an opening 《 or a joining word (…关于印发《 /
# 某县人民政府关于 / …和), or it says 关于 and has not yet said 的 after it (关于印发某某办法 / 实施细则的通知).
_OPEN_END = re.compile(r"(?:关于|印发|转发|公布|发布|《|、|和|及|与|暨|的)$")
_AFTER_GUANYU = re.compile(r"关于(?P<rest>[^关]*)$")
_CLOSING_KIND = re.compile(r"的(?:通知|通告|公告|决定|批复|意见|报告|复函|函|请示)$")
CLOSING_LINE_MAX = 30


def is_open_title(text: str) -> bool:
    """A title line, or lines, that cannot end here (the rest of the title follows)."""
    text = text.strip()
    if _OPEN_END.search(text) or text.count("《") > text.count("》") or text.count("〈") > text.count("〉"):
        return True  # …关于印发 / …《某市贯彻落实〈关于稳住经济: a name opened and not closed
    after = _AFTER_GUANYU.search(text)
    return after is not None and "的" not in after["rest"]


_FORWARDS = re.compile(r"(?:转发|印发|批转|转)$")


def begun_title(text: str) -> bool:
    """An open title that has said 关于 or opened a 《 (not a column name ending in 发布)."""
    return ("关于" in text or "《" in text) and is_open_title(text)


def _whole_title_after(run_text: str, line: str) -> bool:
    """A line that is a whole 关于 title by itself under words that do not say 关于 and do not forward
    it (某县政府信息发布 / 某县人民政府办公室关于印发…的通知): the two are not one title. An organ
    forwarding another's title (某县人民政府办公室转发 / 某市人民政府关于…的通知) is one."""
    line = line.strip()
    return "关于" in line and "关于" not in run_text and not _FORWARDS.search(run_text) and _title_shaped(line)


def _closes_title(run_text: str, line: str) -> bool:
    """A next line that finishes an open 关于 title: …关于印发某县执法公示办法 / 实施细则的通知."""
    line = line.strip()
    return is_open_title(run_text) and len(line) <= CLOSING_LINE_MAX and bool(_CLOSING_KIND.search(line))
_TRAILING_PAGE_DATE = lazy(r"[\[(【]?(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[ \t]{1,3}\d{1,2}:\d{2}(?::\d{2})?)?[\])】]?[ \t]*$")


def _dated_title(text: str) -> bool:
    """A title with the page's date after it (某县2023年度法治政府建设情况报告 2024-03-28)."""
    if len(text) > TITLE_MAX + 20:
        return False
    match = _TRAILING_PAGE_DATE.search(text)
    head = text[: match.start()].rstrip() if match else ""
    return len(head) >= 8 and is_titleish(head) and ends_with_kind(head)


# 某县2023年度法治政府建设情况报告_某县人民政府门户网站: a page's own title with the site after it
_SITE_SUFFIX = re.compile(r"[_|–—-][ \t]{0,3}(?P<site>[^_|–—\-\s]{2,30})$")
SITE_SUFFIX_REACH = 40  # the site's name is looked for at the end of the line only


def without_site(text: str) -> str:
    """A title line without the site's name put after it (…报告_某县人民政府网, …报告 - 某县人民政府)."""
    text = text.strip()
    match = _SITE_SUFFIX.search(text, max(0, len(text) - SITE_SUFFIX_REACH))
    if match is None or not (v.SITE_NAME.search(match["site"]) or v.ORGAN_AT_END.search(match["site"])):
        return text
    head = text[: match.start()].rstrip()
    return head if len(head) >= 8 and is_titleish(head) and ends_with_kind(head) else text


def _title_shaped(text: str) -> bool:
    """A line that reads as a title rather than a field's value: long enough and naming a kind."""
    return len(text) >= 6 and is_titleish(text) and ends_with_kind(text)


def is_organ_line(text: str) -> bool:
    text = text.strip()
    if not (2 <= len(text) <= 40) or "关于" in text or not is_titleish(text) or v.EVENT_VERB.search(text) \
            or v.SITE_NAME.search(text) or without_site(text) != text or text.count("《") != text.count("》"):
        # 《某市人民代表大会及其常务委员会 — a name a title quotes, broken over lines, is no organ
        return False
    return all(v.ORGAN_AT_END.search(part) for part in text.split())


MENU_ITEM_MAX = 10
BYLINE_MAX = 30
_CLAUSE_MARK = re.compile(r"[。，,；;]")  # a clause of running text, not a control's label
_LEAD_IN = re.compile(r"(?:如下|下列|以下)\s*:?$")  # 现就有关事项公告如下: opens an untitled body
SHORT_CHROME_MAX = 20  # a line this short above any title is a page's control or label
_LIST_SEPARATOR = re.compile(r"[,，、|]")
_SENTENCE_MARK = re.compile(r"[。！？!?：:；;]")
KEYWORD_ITEMS_MIN = 4
KEYWORD_ITEM_MAX = 20
SITE_NAME_MAX = 10
_LATIN_WORDS = re.compile(r"[A-Za-z]{2}[ _|,.-]+[A-Za-z]{2}")  # two words of Latin letters


_LIST_LABEL = re.compile(r"^[^:：,，、|]{2,12}[:：]\s*")  # 社会主义核心价值观: 富强、民主、…


def _keyword_list(text: str) -> bool:
    """A line of short phrases between commas and no sentence (a site's keywords, injected spam, a
    slogan's words under a label): page furniture, not joint organs (甲局、乙局、丙局、丁局) nor a title."""
    label = _LIST_LABEL.match(text)
    text = text[label.end():].rstrip("。 ") if label else text
    items = [item.strip() for item in _LIST_SEPARATOR.split(text)]
    if len(items) < KEYWORD_ITEMS_MIN or not all(0 < len(item) <= KEYWORD_ITEM_MAX for item in items):
        return False
    if _SENTENCE_MARK.search(text) or "关于" in text or ends_with_kind(text):
        return False
    return not all(v.ORGAN_AT_END.search(item) for item in items)


def _furniture(text: str) -> bool:
    """A site's menu (首页 | 政务公开 | …), greeting, advert or link line — not joint organs set apart
    by spaces, not a title line that names such a word (关于规范扫码点餐…)."""
    if v.NAV_MENU.match(text):
        return not is_organ_line(text)
    if _keyword_list(text) or (len(text) <= BYLINE_MAX and v.BYLINE.search(text) and "关于" not in text):
        return True
    if text.isascii() and _LATIN_WORDS.search(text):
        return True  # jav …|… tube: spam or a menu in Latin letters, no Chinese at all
    names = [item.strip() for item in _LIST_SEPARATOR.split(text)]
    if len(names) >= 2 and all(len(name) <= SITE_NAME_MAX and v.SITE_NAME.search(name) for name in names):
        return True  # 某某网,某网: the names of a site (a mirror's own, or injected)
    item = v.BULLET.sub("", text)
    if item != text and len(item) <= MENU_ITEM_MAX and "关于" not in item:
        return True  # - 征集公告 / • 新法规速递: a tab or a menu's item, not a title however it ends
    return bool(v.PAGE_FURNITURE.search(text)) and not ends_with_kind(text) and "关于" not in text


def ends_with_kind(text: str) -> bool:
    return bool(v.KIND_AT_END.search(v.without_qualifiers(text.strip())))


class _Scanner:
    def __init__(self, norm: NormalizedText, lines: list[Line]) -> None:
        self.norm = norm
        self.lines = lines
        self.roles: dict[int, str] = {}
        self.fields: list[Field] = []
        self.numbers: list[tuple[int, str]] = []
        self.title_lines: list[int] = []  # lines that may be (part of) the title

    def _kind_title_seen(self) -> bool:
        """A title line naming a document kind has been found above."""
        return any(ends_with_kind(self.lines[j].text.strip()) for j in self.title_lines)

    def adjacent(self, i: int, j: int) -> bool:
        """Lines i and j follow each other with no blank line between them."""
        return self.norm.text.count("\n", self.lines[i].end, self.lines[j].start) <= 1

    def scan(self) -> HeaderPlan:
        lines = self.lines
        addressee = None
        pending_label: str | None = None  # a label whose value stands on the next line
        in_grid = grid_seen = False  # the last line was / a line has been a flattened grid's (grid_pairs)
        i = 0
        limit = min(len(lines), HEADER_MAX_LINES)
        while i < limit:
            line = lines[i]
            text = line.text.strip()
            pairs = fields_of(text)
            if not pairs and line.kind not in _BODY_KINDS:
                pairs = grid_pairs(text, in_grid, grid_seen)
            if not pairs and line.kind not in _BODY_KINDS and (
                    self.roles.get(i - 1) == "metadata" or (i + 1 < limit and glued_pair(lines[i + 1].text.strip()))):
                pairs = glued_pair(text)  # 发文机关某厅 / 发文日期2021年12月21日: one label a line, no colons
            grid = bool(pairs) and ":" not in text  # labels and values between spaces, no colons
            in_grid, grid_seen = grid, grid_seen or grid
            if pairs:
                for key, value in pairs:
                    self.fields.append(Field(key, value, i))
                self.roles[i] = "metadata"
                pending_label = pairs[-1][0] if not pairs[-1][1] and len(pairs) == 1 else None
                i += 1
                continue
            if pending_label is not None and line.kind not in _BODY_KINDS and line.kind != "colon_line" \
                    and len(text) <= TITLE_MAX and (pending_label in v.TITLE_KEYS or not _title_shaped(text)):
                glued = v.TRAILING_LABEL.search(text)
                value = text[: glued.start()].strip() if glued and glued.start() > 0 else text
                self.fields.append(Field(pending_label, value, i))
                self.roles[i] = "metadata"
                if line.kind in _NUMBER_KINDS:
                    self.numbers.append((i, text))
                pending_label = _key(glued["key"]) if glued and glued.start() > 0 else None
                i += 1
                continue
            pending_label = None
            text = single_cell(text)
            if line.kind == "chrome" or not has_content(text) or line.kind == "table_rule":
                self.roles[i] = "chrome"
            elif line.kind in _NUMBER_KINDS:
                self.roles[i] = "doc_number"
                above = max((j for j in self.roles if j < i and self.roles[j] != "chrome"), default=None)
                if above is not None and self.roles[above] == "title_line" and _ORDER_HEADING.match(lines[above].text.strip()):
                    # 某市人民政府令 / 第123号: the order's heading and number, not a title (a site's
                    # furniture may stand between them)
                    self.roles[above] = "doc_number"
                    self.title_lines.remove(above)
                    self.numbers.append((i, lines[above].text.strip() + text))
                else:
                    self.numbers.append((i, text))
            elif line.kind == "registration_line":
                self.roles[i] = "registration"
                self.numbers.append((i, text))  # 发改办财金规〔2019〕860号 is a 发文字号 despite its 规
            elif _number_alone(text):
                self.roles[i] = "doc_number"  # a form the line grammar does not know: (78)交公路字412号
                self.numbers.append((i, text))
            elif (len(text) <= 160 and (v.BREADCRUMB.search(text) or _furniture(text))) or _keyword_list(text):
                self.roles[i] = "chrome"
            elif line.kind in _BODY_KINDS or v.CONTENTS.match(text) or v.PROMULGATION.match(text):
                break
            elif line.kind == "colon_line" and is_addressee(text):
                self.roles[i] = "addressee"
                addressee = i
                i += 1
                break
            elif line.kind == "date_line":
                if i > 0 and self.roles.get(i - 1) == "issuer":
                    i -= 1  # an organ over a date is a signature block, not a header: the body starts
                    del self.roles[i]
                    break
                self.roles[i] = "date"
            elif _GLUED_TITLE_LABEL.match(text) and ends_with_kind(text) and len(text) > 8:
                # 标题关于印发某办法的通知: a title label glued to its value without a colon
                label = _GLUED_TITLE_LABEL.match(text)
                self.fields.append(Field(_key(label["key"]), text[label.end():].strip(), i))
                self.roles[i] = "metadata"
            elif _dated_title(text) or without_site(text) != text:
                self.roles[i] = "title_line"
                self.title_lines.append(i)
            elif (v.STALE_DATE.search(text) and len(text) <= 40) or (
                    v.PAGE_DATE.search(text) and len(text) <= 80 and not _SENTENCE_END.search(text)):
                self.roles[i] = "chrome"
            elif v.DASH_SUBTITLE.match(text) and self.roles.get(i - 1) in ("title_line", "issuer") \
                    and len(text) <= TITLE_MAX:
                self.roles[i] = "subtitle"  # a news headline's subtitle (——部署全年工作)
            elif _PARENTHETICAL.match(text) and len(text) <= 160:
                self.roles[i] = "note" if re.search(r"(?:19|20)\d{2}年", text) and len(text) > 24 else "subtitle"
            elif re.match(r"^\S.{1,30}?\s*文件$", text) and "关于" not in text:
                self.roles[i] = "org_mark"
            elif _category_prefix(text) is not None:
                self.roles[i] = "title_line"
                self.title_lines.append(i)
            elif is_organ_line(text) and not ends_with_kind(text.split()[-1]):
                self.roles[i] = "issuer"
            elif is_titleish(text) or self._headline(i):
                self.roles[i] = "title_line"
                self.title_lines.append(i)
            elif self._colon_banner(i):
                self.roles[i] = "chrome"
            elif len(text) <= SHORT_CHROME_MAX and not _CLAUSE_MARK.search(text) and not _LEAD_IN.search(text) \
                    and not self._kind_title_seen():
                self.roles[i] = "chrome"  # 没有账号? / 注册 | over the title: a page's controls, not its body
            else:
                break
            i += 1
        body_start = i
        self._banners()
        candidates = self._candidates()
        return HeaderPlan(self.roles, self.fields, candidates, body_start, addressee, self.numbers)

    def _headline(self, i: int) -> bool:
        """A news headline with a colon (某县:以法治护航发展) standing over its byline or subtitle."""
        text = self.lines[i].text.strip()
        if not _COLON_HEADLINE.match(text) or i + 1 >= len(self.lines):
            return False
        following = self.lines[i + 1].text.strip()
        return bool(v.DASH_SUBTITLE.match(following) or fields_of(following))

    def _colon_banner(self, i: int) -> bool:
        """A banner's slogan with a colon (奋进新征程:建设法治某县) over a line that is a whole title."""
        if i + 1 >= len(self.lines) or self.lines[i + 1].kind in _BODY_KINDS:
            return False
        following = self.lines[i + 1].text.strip()
        return bool(_COLON_BANNER.match(self.lines[i].text.strip())) and len(following) >= WHOLE_TITLE_MIN \
            and _title_shaped(following)

    def _slogan_over_title(self, i: int) -> bool:
        """A slogan or banner (words set apart by a space, a colon or a bar) over a line that is a
        whole title by itself: not the title's first line."""
        text = self.lines[i].text.strip()
        following = self.lines[i + 1].text.strip() if i + 1 < len(self.lines) else ""
        return (self.roles.get(i + 1) == "title_line" and _SET_APART.search(text) is not None and "关于" not in text
                and not is_open_title(text) and not ends_with_kind(text)
                and len(following) >= WHOLE_TITLE_MIN and _title_shaped(following))

    def _banners(self) -> None:
        """A short line before a longer title line is a site banner or a column name (通知公告, 福州市)."""
        for n, i in enumerate(self.title_lines):
            text = self.lines[i].text.strip()
            later = [j for j in self.title_lines[n + 1:] if j - i <= 4]
            if begun_title(text) and later and later[0] == i + 1:
                continue  # 关于印发 / 《…办法》 / 的通知: the first line of a split title (not 信息发布, a column)
            if (len(text) <= 6 and later and len(self.lines[later[0]].text.strip()) > len(text) + 2) \
                    or v.SITE_NAME.search(text) and len(text) <= 10:
                self.roles[i] = "chrome"
        self.title_lines = [i for i in self.title_lines if self.roles[i] == "title_line"]

    def _candidates(self) -> list[TitleCandidate]:
        """Runs of title lines (an issuer line may lead a run that goes on with 关于…), joined."""
        out: list[TitleCandidate] = []
        starts = sorted(set(self.title_lines) | {i for i, r in self.roles.items() if r == "issuer"})
        used: set[int] = set()
        for i in starts:
            if i in used:
                continue
            run = [i]
            if self.roles[i] == "issuer":
                nxt = i + 1
                if nxt not in self.roles or self.roles[nxt] != "title_line" \
                        or not self.lines[nxt].text.strip().startswith("关于"):
                    continue
                run.append(nxt)
            elif self._slogan_over_title(i):
                self.roles[i] = "chrome"
                continue
            most = TITLE_LINES_MAX + (self.roles[i] == "issuer")  # the organ's line does not count
            while len(run) < most:
                joined = _clean(self._joined(run))
                nxt = run[-1] + 1
                if self.roles.get(nxt) != "title_line" or _clean(self.lines[nxt].text) == _clean(self.lines[run[-1]].text):
                    break
                if ends_with_kind(joined) and not _closes_title(joined, self.lines[nxt].text):
                    break
                # a title left open may go on past a blank line (lines of a page spaced apart)
                if not self.adjacent(run[-1], nxt) and not begun_title(joined):
                    break
                if _whole_title_after(joined, self.lines[nxt].text):
                    break
                run.append(nxt)
            nxt = run[-1] + 1
            if self.roles.get(nxt) == "title_line" and self.adjacent(run[-1], nxt) and len(run) < most \
                    and _continues_title(self.lines[nxt].text):
                run.append(nxt)
            if not ends_with_kind(_clean(self._joined(run))) and len(run) > 1:
                run = run[: 2 if self.roles[i] == "issuer" else 1]
            used.update(run)
            text = _clean(self._joined(run))
            if text:
                out.append(TitleCandidate(run[0], run[-1], text))
            for j in run:
                self.roles[j] = "title_line"
        return out

    def _joined(self, run: list[int]) -> str:
        return "".join(self.lines[j].text.strip() for j in run)


def _glued_number(text: str) -> tuple[int, int] | None:
    """The span of a 发文字号 glued to the front of a title line (京政办发〔2016〕26号《…》) or standing
    in parentheses at its end (关于…的通知(浙政办发〔2020〕5号))."""
    numbers = find_doc_numbers(text)
    if not numbers:
        return None
    first, last = numbers[0], numbers[-1]
    if first.start == 0 and first.end < len(text):
        return first.start, first.end
    tail = text[last.end:].strip()
    if last.start > 0 and text[last.start - 1] in "(（" and tail in (")", "）"):
        return last.start - 1, len(text)
    return None


# 【政策解读】, 【图解】, 【文字解读】, [转载]: a site column's tag put before a title — page chrome.
_COLUMN_TAG = re.compile(r"^\s*[【\[［〖](?P<tag>[\u4e00-\u9fff]{2,8})[】\]］〗]\s*(?=\S)")


def without_column_tag(text: str) -> str:
    """The title without a column tag before it (【政策解读】关于…的解读 → 关于…的解读)."""
    match = _COLUMN_TAG.match(text)
    return text[match.end():] if match and len(text) - match.end() >= 6 else text


# 北京:关于印发《…》的通知, 政务服务丨某市人民政府关于… — a site's category (a place, a column) and a
# colon or a bar before the title.
_CATEGORY_PREFIX = re.compile(r"^(?P<prefix>[\u4e00-\u9fff]{2,6})[ \t\u3000]*[:丨｜][ \t\u3000]*(?P<rest>\S.{7,})$")


def _category_prefix(text: str) -> int | None:
    """Where the title starts after a category prefix (北京: / 转载:), or None: the rest must be a
    whole title (关于… or ending in a kind), and the prefix no metadata label nor part of a title."""
    match = _CATEGORY_PREFIX.match(text.strip())
    if match is None or "关于" in match["prefix"] or v.LABEL_CELL.match(match["prefix"]) \
            or v.INTERPRETATION.search(match["prefix"]):  # 图解: / 政策解读: says what the page is
        return None
    rest = match["rest"]
    if not (is_titleish(rest) and (rest.startswith("关于") or ends_with_kind(rest))):
        return None
    return len(text) - len(text.lstrip()) + match.start("rest")


def unwrapped(text: str) -> str:
    """The text without the parentheses around all of it: ((78)交公路字412号) → (78)交公路字412号."""
    inner = text.strip()
    while len(inner) > 2 and inner[0] in "(（" and inner[-1] in ")）":
        depth = 0
        for n, ch in enumerate(inner):
            depth += 1 if ch in "(（" else -1 if ch in ")）" else 0
            if depth == 0 and n < len(inner) - 1:
                return inner  # the first parenthesis closes before the end: it wraps a part only
        inner = inner[1:-1].strip()
    return inner


def _number_alone(text: str) -> bool:
    """A line that is one 发文字号 and nothing else, maybe in parentheses."""
    inner = unwrapped(text)
    numbers = find_doc_numbers(inner) if len(inner) <= 40 else []
    return len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(inner)


def single_cell(text: str) -> str:
    """A table row with one cell of text and the rest empty (`某某的通知 | |||||`): that cell."""
    if "|" not in text:
        return text
    cells = [cell.strip() for cell in text.split("|") if cell.strip()]
    return cells[0] if len(cells) == 1 else text


_FILE_EXTENSION = lazy(r"(?<=[\u4e00-\u9fff)）》])\.(?:docx?|pdf|wps|txt)$", re.IGNORECASE)


def _clean(text: str) -> str:
    """A title line without a list bullet, the 发文字号 glued before or after it, a column tag or site
    name, outside its table cell, and without wrapping 《》."""
    text = _TRAILING_PAGE_DATE.sub("", v.BULLET.sub("", single_cell(text).strip())).rstrip()
    text = without_site(without_column_tag(text))
    prefix_end = _category_prefix(text)
    text = text[prefix_end:] if prefix_end is not None else text
    span = _glued_number(text)
    if span is not None:
        text = (text[: span[0]] + text[span[1]:]).strip()
    text = _FILE_EXTENSION.sub("", text.strip())  # a shared file's name: …管理办法.docx
    text = v.NOTE_AFTER_TITLE.sub("", text).strip()  # 《…办法》(…令第63号公布): the note, not the title
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    return _LAW_SITE_YEAR.sub("", text).strip()  # a law database's (2005年) after the title


def leading_number(text: str) -> str | None:
    """The 发文字号 glued to the front or the back of a title line, if any."""
    text = text.strip()
    span = _glued_number(text)
    return text[span[0]: span[1]].strip("()（） ") if span is not None else None


def scan_header(norm: NormalizedText, lines: list[Line]) -> HeaderPlan:
    return _Scanner(norm, lines).scan()
