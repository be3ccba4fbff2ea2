"""Classify a parsed document: type, year, date, issuer and jurisdiction.

Decided from the title, the metadata and the body together — never from the title alone, since
scraped documents often lose their title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..facts.numerals import cn2an_smart
from ..model import Heading, Jurisdiction, Node

# Administrative division codes (GB/T 2260), first two digits → province-level unit. The unified
# social credit code of a government body (and the 索引号 built from it) carries the division code
# in characters 3–8.
PROVINCES = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省", "33": "浙江省",
    "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省", "41": "河南省", "42": "湖北省",
    "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省", "50": "重庆市", "51": "四川省",
    "52": "贵州省", "53": "云南省", "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省",
    "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
}
_PROVINCE_SHORT = {name[:2] if not name.startswith(("内蒙古", "黑龙江")) else name[:3]: name
                   for name in PROVINCES.values()}

# The four required parts of an annual report (督察工作规定 第二十五条), as real headings word them.
REPORT_PARTS = {
    "measures": re.compile(r"成效|主要做法|工作情况|主要举措|开展情况|工作成绩|主要工作|进展|做法和成效|推进情况"),
    "shortcomings": re.compile(r"不足|短板|问题|差距|薄弱"),
    "first_responsible": re.compile(r"第一责任人"),
    "plans": re.compile(r"工作思路|主要安排|工作计划|下一步|下一年|工作打算|工作安排|工作重点|工作设想|主要任务"),
}

_YEAR = r"((?:19|20)[0-9]{2})"
_DATE_PATTERNS = (
    re.compile(_YEAR + r"\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"),
    re.compile(_YEAR + r"\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})"),
)
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十廿卅]{1,3})日")
_TITLE_YEAR = re.compile(_YEAR + r"\s*年(?!\s*[-—至~])")
_RANGE_YEAR = re.compile(r"(?:[(（]\s*)?" + _YEAR + r"\s*[-—–~至]\s*" + _YEAR + r"\s*年?")
_REGION = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,8}?(?P<suffix>自治区|省|自治州|市|州|盟|自治县|县|区|旗))")
_REGION_STOP = re.compile(r"^(全|本|各|我|该|市区|城区|县区|辖区|地区|社区|园区|景区|新区|开发区|片区|小区|街区|管区|学区|军区)")
_NOT_A_PLACE = re.compile(r"[的各和与及或在对为关于印发通知办法规定报告年度是了等个]")
# An untitled notice that invites comment says so in its opening: 现将…公开征求意见 / 现向社会公开征求意见.
_COMMENT_INVITATION = re.compile(r"(现将|现就|现向|特向|予以公布|予以公示).{0,40}(公开)?征求.{0,8}意见")
# A normative document's 发文字号 carries 规 in its organ code (浙政办规〔2022〕3号, 江交规〔2022〕2号):
# alone on a header line, in the metadata, or kept in a scraped title.
_NORMATIVE_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}规\s*[〔\[(【［﹝]\s*(?:19|20)[0-9]{2}\s*[〕\])】］﹞]\s*第?[0-9]{1,5}\s*号")
_NUMBER_LINE = re.compile(r"(?m)^[ \t]*(?P<n>[^\n]{2,30}号)[ \t]*$")
# A notice that sets rules itself: 本通知自2022年9月1日起施行，有效期5年.
_NOTICE_IN_FORCE = re.compile(r"本(通知|决定)自.{2,20}(起)?(施行|实施|生效)[^\n]{0,20}有效期")
_ISSUER_IN_TITLE = re.compile(r"^(?P<issuer>.{2,40}?)(关于|印发|转发)")


def parse_date(text: str) -> dt.date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    match = _CN_DATE.search(text)
    if match:
        try:
            year = int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in match[1]))
            month = int(cn2an_smart(match[2]))
            day = int(cn2an_smart(match[3].replace("廿", "二十").replace("卅", "三十")))
            return dt.date(year, month, day)
        except (ValueError, KeyError, TypeError):
            return None
    return None


def report_parts(headings: list[Heading]) -> dict[str, Heading]:
    """Which of the four required parts the level-1 and level-2 headings cover."""
    found: dict[str, Heading] = {}
    for level in (1, 2):
        for heading in (h for h in headings if h.level == level):
            for part, pattern in REPORT_PARTS.items():
                if part not in found and pattern.search(heading.text):
                    found[part] = heading
        if len(found) >= 3:
            break
    return found


def _first(root: Node, kind: str, *, embedded: bool | None = None) -> Node | None:
    for node in root.children:
        if node.kind == kind and (embedded is None or bool(node.attrs.get("embedded")) == embedded):
            return node
    return None


def body_opening(root: Node, chars: int = 400) -> str:
    text = []
    for node in root.walk():
        if node.kind in ("paragraph", "heading"):
            text.append(node.text)
            if sum(map(len, text)) >= chars:
                break
    return "".join(text)[:chars]


def _has_normative_number(title: str, metadata: dict[str, str], text: str) -> bool:
    """A 规 document number in the header, the metadata or the title (not one merely cited)."""
    if _NORMATIVE_NUMBER.search(title) or any(
            _NORMATIVE_NUMBER.search(metadata.get(key, "")) for key in ("文号", "发文字号")):
        return True
    return any(_NORMATIVE_NUMBER.fullmatch(m["n"].strip()) for m in _NUMBER_LINE.finditer(text[:1500]))


def classify_type(title: str, metadata: dict[str, str], headings: list[Heading], text: str, opening: str) -> str:
    raw_title = title
    title = re.sub(r"\s*[(（][^()（）]*号[)）]\s*$", "", title.strip())
    if re.search(r"政府信息公开.{0,8}(年度)?报告", title):
        return "other"
    parts = report_parts(headings)
    if re.search(r"征求意见|意见征集|征集意见|公开征求", title) or (
            not title and len(parts) < 3 and _COMMENT_INVITATION.search(opening)):
        return "comment_notice"
    if re.search(r"起草说明|编制说明|制定说明|政策解读|的说明$", title):
        return "drafting_explanation"
    if re.search(r"合法性(审查|审核)(意见|报告)|(审查|审核)意见书", title):
        return "review_record"
    if (re.search(r"法治政府", title) and re.search(r"报告|工作情况|年度", title)) or (
            len(parts) >= 3 and "法治" in text[:20000]):
        return "annual_report"
    if re.search(r"重大行政决策", title) and not re.search(r"办法|规定|细则|程序|目录|制度", title):
        return "major_decision"
    if _has_normative_number(raw_title, metadata, text) or _NOTICE_IN_FORCE.search(text):
        return "normative_document"
    if re.search(r"(办法|规定|细则|规则|实施意见|暂行|试行|若干措施|管理制度)(》)?(的通知|的决定)?$", title) or any(
            k in metadata for k in ("有效性", "统一编号", "登记编号", "登记号", "生效日期", "失效日期")) or re.search(
            r"本(办法|规定|细则|规则|意见)自.{2,20}(起)?(施行|实施|生效)", text):
        return "normative_document"
    if re.search(r"(通知|通告|公告|通报|决定)$", title):
        return "notice"
    return "other"


def document_date(root: Node, metadata: dict[str, str]) -> dt.date | None:
    for node in root.walk():
        if node.kind == "signature_date":
            date = parse_date(node.text)
            if date:
                return date
    for key in ("成文日期", "发文日期", "印发日期", "发布日期", "公开日期", "发布时间"):
        if metadata.get(key):
            date = parse_date(metadata[key])
            if date:
                return date
    return None


def _stated_year(text: str) -> int | None:
    match = _TITLE_YEAR.search(_RANGE_YEAR.sub("", text or ""))
    return int(match[1]) if match else None


def report_year(title: str, headings: list[Heading], opening: str, date: dt.date | None) -> int | None:
    """The year reported on: the title's, unless the body (the first part's heading and the
    opening) agrees on another one — a title carried over from last year's report is the error
    then, not the body."""
    first_part = [h.text for h in headings if h.level == 1][:1]
    body = [y for y in (_stated_year(t) for t in (*first_part, opening[:200])) if y is not None]
    title_year = _stated_year(title)
    if title_year is not None:
        if len(body) == 2 and body[0] == body[1] != title_year:
            return body[0]
        return title_year
    if body:
        return body[0]
    return date.year - 1 if date else None


def issuer_of(root: Node, metadata: dict[str, str], title: str) -> str | None:
    organs = [n.text for n in root.walk() if n.kind == "signature_organ"]
    if organs:
        return " ".join(dict.fromkeys(organs))
    match = _ISSUER_IN_TITLE.match(title)
    if match:
        return match["issuer"]
    for key in ("发文机关", "信息来源", "来源", "发布机构"):
        value = metadata.get(key, "").strip()
        if value:
            return value
    return None


def jurisdiction_of(metadata: dict[str, str], issuer: str | None, title: str, opening: str, text: str) -> Jurisdiction:
    jurisdiction = Jurisdiction()
    index = metadata.get("索引号") or metadata.get("信息索引号") or ""
    code = re.match(r"\s*[0-9A-Z]{2}([0-9]{6})", index)
    if code and code[1][:2] in PROVINCES:
        jurisdiction.province = PROVINCES[code[1][:2]]
    for candidate in (issuer or "", title, opening[:120]):
        for match in _REGION.finditer(candidate):
            name, suffix = match["name"], match["suffix"]
            if _REGION_STOP.match(name) or len(name) < 3 or _NOT_A_PLACE.search(name[:-1]):
                continue
            name = re.sub(r"^(中共|中国共产党)", "", name)
            if suffix in ("省", "自治区"):
                known = _PROVINCE_SHORT.get(name[:2]) or _PROVINCE_SHORT.get(name[:3])
                if known and not jurisdiction.province:
                    jurisdiction.province = known
            elif suffix in ("市", "州", "盟", "自治州") and not jurisdiction.city and not jurisdiction.county:
                if name in PROVINCES.values():
                    jurisdiction.province = jurisdiction.province or name
                else:
                    jurisdiction.city = name
            elif suffix in ("县", "区", "旗", "自治县") and not jurisdiction.county:
                jurisdiction.county = name
        if jurisdiction.county:
            break
    if not jurisdiction.province:
        mentions = Counter(m for m in re.findall(r"《?([\u4e00-\u9fff]{2,3}(?:省|自治区))", text[:50000])
                           if m[:2] in _PROVINCE_SHORT or m[:3] in _PROVINCE_SHORT)
        if mentions:
            name = mentions.most_common(1)[0][0]
            jurisdiction.province = _PROVINCE_SHORT.get(name[:2]) or _PROVINCE_SHORT.get(name[:3]) or name
    return jurisdiction
