"""The 发文字号, the date, the issuing organ and the report year, each decided from all its signals."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..facts.dates import DATE_RE, field_date, parse_date, run_together_date, stated_years
from ..facts.doc_numbers import find_doc_numbers
from ..lazyre import lazy
from ..model import Heading, Node
from . import vocabulary as v
from .evidence import Decision, Evidence, shorten
from .header import HeaderPlan, is_organ_line, leading_number, unwrapped

_ISSUER_IN_TITLE = re.compile(r"^(?!关于)(?P<issuer>[^《》【】\[\]]{2,40}?)(?:关于|印发|转发)")  # the organ, outside any 《》; not 关于印发…
_INLINE_SIGNATURE = lazy(
    r"(?:^|(?<=[\s。;!?,]))(?P<organ>[\u4e00-\u9fff()]{2,30}?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[\s。]*$")
_NOT_A_NUMBER = re.compile(r"^(?:无|暂无|无文号|没有文号|/|-|—)?$")


def _numbers_in(text: str) -> list[str]:
    """发文字号 and orders in a piece of text (not registration numbers), in text order."""
    return [f.text for f in find_doc_numbers(text)]


def decide_doc_number(plan: HeaderPlan, header_lines: list[str], line_numbers: list[int],
                      first_number_node: Node | None, number_node_line: int | None) -> Decision[str]:
    for index, text in plan.number_texts:
        numbers = _numbers_in(text) if plan.roles.get(index) in ("doc_number", "registration", "metadata") else []
        if numbers:
            # a number line as written (its organ code may hold letters); a field's value as found in it
            number = unwrapped(v.SIGNER.sub("", text)) if plan.roles[index] != "metadata" else numbers[0]
            return Decision(number, 0.95, (Evidence("header", "页首的发文字号行 (the number line of the header)",
                                                    text.strip(), line_numbers[index]),))
    metadata = plan.metadata()
    for key in v.NUMBER_KEYS:
        value = (metadata.get(key) or "").strip()
        if value and not _NOT_A_NUMBER.match(value):
            return Decision(value, 0.9, (Evidence("metadata", f"页面元数据“{key}” (the page's {key} field)", value),))
    for key in v.CHECKED_NUMBER_KEYS:
        numbers = _numbers_in(metadata.get(key) or "")
        if numbers:
            return Decision(numbers[0], 0.85, (Evidence("metadata", f"页面元数据“{key}” (the page's {key} field)",
                                                        numbers[0]),))
    for index, role in sorted(plan.roles.items()):
        if role == "title_line":
            number = leading_number(header_lines[index])
            if number:
                return Decision(number, 0.85, (Evidence("header", "标题行中的发文字号 (a number glued to the title)",
                                                        number, line_numbers[index]),))
        if role == "note":
            numbers = _numbers_in(header_lines[index])
            if numbers:
                return Decision(numbers[0], 0.85, (Evidence("header", "题注中的令号 (the order number in the note)",
                                                            numbers[0], line_numbers[index]),))
    if first_number_node is not None and _numbers_in(first_number_node.text):
        return Decision(v.SIGNER.sub("", first_number_node.text).strip("()（） "), 0.7, (Evidence(
            "body", "正文前部的发文字号行 (a number line near the start)", first_number_node.text, number_node_line),))
    return Decision(None)


def decide_date(signature_date: tuple[str, int] | None, plan: HeaderPlan, header_lines: list[str],
                line_numbers: list[int], closing_lines: list[tuple[str, int]]) -> Decision[dt.date]:
    """成文日期: the signature's date, else the metadata's, else the date a note says the document was
    published or passed, else a signature run into the last line, else the page's publication date."""
    if signature_date is not None:
        date = parse_date(signature_date[0])
        if date:
            return Decision(date, 0.95, (Evidence("signature", "落款日期 (the date of the signature)",
                                                  signature_date[0], signature_date[1]),))
    metadata = plan.metadata()
    for key in v.DATE_KEYS:
        date = field_date(metadata.get(key) or "")
        if date:
            return Decision(date, 0.85, (Evidence("metadata", f"页面元数据“{key}” (the page's {key} field)",
                                                  metadata[key]),))
    for index, role in sorted(plan.roles.items()):
        if role == "note" and re.search(r"公布|通过|发布|印发", header_lines[index]):
            date = published_date(header_lines[index])
            if date:
                return Decision(date, 0.85, (Evidence("header", "题注中的公布或通过日期 (the date in the note)",
                                                      shorten(header_lines[index]), line_numbers[index]),))
    for text, line in closing_lines:
        match = _INLINE_SIGNATURE.search(text)
        if match and v.ORGAN_AT_END.search(match["organ"].split()[-1]):
            date = parse_date(match["date"])
            if date:
                return Decision(date, 0.75, (Evidence("body", "句末的落款和日期 (a signature run into the last line)",
                                                      shorten(match.group(0)), line),))
    for (text, line), (above, _) in zip(closing_lines, closing_lines[1:]):  # closing_lines run upwards
        date = run_together_date(text)
        if date and above.split() and v.ORGAN_AT_END.search(above.split()[-1]):
            return Decision(date, 0.6, (Evidence("signature", "落款日期，月日数字粘连 (a signature date run together)",
                                                 text.strip(), line),))
    dated = _dated_line_under_title(plan, header_lines)
    if dated is not None:
        index, date = dated
        return Decision(date, 0.7, (Evidence("header", "标题下的日期 (the date under the title)",
                                             header_lines[index].strip(), line_numbers[index]),))
    for key in ("发布日期", "发布时间", "公开日期"):
        date = field_date(metadata.get(key) or "")
        if date:
            return Decision(date, 0.5, (Evidence("metadata", f"网页发布日期“{key}” (the page's publication date)",
                                                 metadata[key]),))
    return Decision(None)


# 1996年12月13日,财政部 under the title of a law database's page: the date and the organ that issued it.
_DATE_AND_ORGAN = lazy(r"^\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[,，\s]+(?P<organ>[\u4e00-\u9fff、]{2,40})\s*$")


def _dated_line_under_title(plan: HeaderPlan, header_lines: list[str]) -> tuple[int, dt.date] | None:
    """A line just under the title giving the issuing date and organ (1996年12月13日,财政部)."""
    title_lines = [index for index, role in plan.roles.items() if role in ("title", "title_line")]
    if not title_lines:
        return None
    last_title = max(title_lines)
    for index in range(last_title + 1, min(last_title + 3, len(header_lines))):
        match = _DATE_AND_ORGAN.match(header_lines[index])
        if match and v.ORGAN_AT_END.search(match["organ"]):
            date = parse_date(match["date"])
            if date:
                return index, date
    return None


def decide_issuer(signature_organs: list[str], plan: HeaderPlan, header_lines: list[str], title: str | None,
                  line_numbers: list[int]) -> Decision[str]:
    if signature_organs:
        organs = " ".join(dict.fromkeys(signature_organs))
        return Decision(organs, 0.9, (Evidence("signature", "落款机关 (the organ that signs)", organs),))
    for index, role in sorted(plan.roles.items()):
        if role == "issuer" or (role == "title_line" and is_organ_line(header_lines[index])):
            text = header_lines[index].strip()
            return Decision(text, 0.8, (Evidence("header", "标题上方的机关名称 (the organ above the title)", text,
                                                 line_numbers[index]),))
    match = _ISSUER_IN_TITLE.match(title or "")
    if match:
        return Decision(match["issuer"], 0.75, (Evidence("title", "标题中“关于”前的机关 (the organ before 关于)",
                                                         match["issuer"]),))
    metadata = plan.metadata()
    for key in v.ISSUER_KEYS:
        value = (metadata.get(key) or "").strip()
        if key in v.SOURCE_KEYS and not v.ORGAN_AT_END.search(value):
            continue  # 来源: a newspaper, a site's code or a byline is no issuing organ
        if value and not v.SITE_NAME.search(value):
            return Decision(value, 0.5, (Evidence("metadata", f"页面元数据“{key}” (the page's {key} field)", value),))
    return Decision(None)


_PART_HEADING = re.compile(r"成效|成绩|主要做法|工作情况|举措|开展情况|不足|短板|问题|第一责任人")
_REPORT_SENTENCE = re.compile(r"(?:现将|现就|现对|将)(?P<what>[^。]{0,40}?)(?:报告|汇报|总结)如下")


def _opening_years(opening: str) -> list[int]:
    """The years the opening names as the one reported on (现将2021年…报告如下 / 2021年，…)."""
    sentence = _REPORT_SENTENCE.search(opening)
    years = stated_years(sentence["what"]) if sentence else []
    start = v.YEAR_OPENING.match(opening)
    if not years and start:
        years = stated_years(start["year"] + "年")  # 2021 or 二〇二一, read by the one date parser
    return years


def decide_body_year(headings: list[Heading], opening: str) -> Decision[int]:
    """The year the body of an annual report says it reports on: the year most often named by the
    level-1 headings of its required parts together with the opening (the opening breaks a tie, so
    one stray heading does not outvote it), else the year its opening names."""
    votes = [ys[0] for ys in (stated_years(h.text) for h in headings if h.level == 1 and _PART_HEADING.search(h.text))
             if len(set(ys)) == 1]
    years = _opening_years(opening)
    if votes:
        opening_year = years[0] if years else None
        tally = Counter(votes + ([opening_year] if opening_year is not None else []))
        year = max(tally, key=lambda y: (tally[y], y == opening_year))
        return Decision(year, 0.85, (Evidence("headings", "各部分标题所述年度 (the year the part headings name)", str(year)),))
    if years:
        return Decision(years[0], 0.8, (Evidence("opening", "开头所述年度 (the year the opening names)",
                                                 shorten(opening, 30)),))
    return Decision(None)


# 2023年，我局… / 2022年度以来，… — a sentence of the opening that starts with the year it looks back on
_YEAR_SENTENCE = lazy(r"(?:^|[。;!?])\s*(?P<year>(?:19|20)\d{2})\s*年度?(?:以来)?\s*,")


def _later_year(headings: list[Heading], opening: str) -> Decision[int]:
    """For a report whose title and opening name no year: the one year its first part's heading
    names (一、2023年总体情况), else the year a later sentence of the opening starts with."""
    first_part = next((h.text for h in headings if h.level == 1), "")
    years = set(stated_years(first_part))
    if len(years) == 1:
        return Decision(years.pop(), 0.6, (Evidence("headings", "第一部分标题所述年度 (the year the first part names)",
                                                     shorten(first_part)),))
    match = _YEAR_SENTENCE.search(opening)
    if match:
        return Decision(int(match["year"]), 0.55, (Evidence(
            "opening", "以年度开头的句子 (a sentence that starts with the year)", shorten(match.group().strip("。;!? "), 30)),))
    return Decision(None)


def decide_report_year(title: str | None, headings: list[Heading], opening: str, body: Decision[int],
                       date: Decision[dt.date]) -> Decision[int]:
    """The year an annual report reports on: the title's, unless the first part's heading and the
    opening agree on another one (a title carried over from last year is the error then); without a
    title year, the year the body names; last, the year before the signature's date."""
    first_part = next((h.text for h in headings if h.level == 1), "")
    heading_years = stated_years(first_part)
    opening_years = _opening_years(opening)
    title_years = stated_years(title or "")
    if title_years:
        if heading_years and opening_years and heading_years[0] == opening_years[0] != title_years[0]:
            return Decision(heading_years[0], 0.8, (Evidence(
                "headings", "第一部分标题与开头一致 (the first part and the opening agree)", shorten(first_part)),))
        return Decision(title_years[0], 0.95, (Evidence("title", "标题中的年度 (the year in the title)", title or ""),))
    if body.value is not None:
        return body
    later = _later_year(headings, opening)
    if later.value is not None:
        return later
    if date.value is not None and date.confidence >= 0.85:
        return Decision(date.value.year - 1, 0.5, (Evidence("signature", "成文日期的上一年 (the year before the date)",
                                                            date.value.isoformat()),))
    return Decision(None)


_CLOSED = set("。！？!?；;…”’」』）)】》〕.:：|")
_OPEN_OR_MID = set("\ufffd“‘「『（(【《〔,，、")  # an undecodable byte, an opening mark, a pause
_CONTENT_KINDS = ("paragraph", "heading", "article", "chapter", "section")
_AFTER_BODY = ("signature", "attachment_note", "note", "imprint")


def decide_truncation(root: Node, locate) -> Decision[bool]:
    """Whether the text stops in the middle of a sentence with nothing after it (a page excerpt,
    a scrape cut short): its last body paragraph ends on a character or an undecodable byte."""
    last = None
    for node in root.children:
        if node.kind in _AFTER_BODY:
            return Decision(False, 0.9)
        if node.kind in _CONTENT_KINDS or node.kind == "heading":
            last = node
    for node in ([last] if last is not None else []):
        deepest = node
        while deepest.children and deepest.children[-1].kind in _CONTENT_KINDS:
            deepest = deepest.children[-1]
        text = deepest.text.rstrip()
        if text and (text[-1] in _OPEN_OR_MID or (text[-1] not in _CLOSED and text[-1].isalnum())):
            return Decision(True, 0.8, (Evidence("body", "正文在句中结束 (the text stops mid-sentence)",
                                                 shorten(text[-20:], 20), locate(deepest.start).line),))
    return Decision(False, 0.6)


NOTE_LINES = 80  # how far down a page a rule's publication note is looked for


def publication_note(texts: list[str], line_numbers: list[int]) -> tuple[str, int] | None:
    """The first of the page's first lines that is a rule's publication note, with its line."""
    for text, line in zip(texts[:NOTE_LINES], line_numbers):
        if v.PUBLICATION_NOTE.match(text.strip()):
            return text.strip(), line
        glued = v.NOTE_AFTER_TITLE.search(text.strip())
        if glued:
            return glued.group(), line
    return None


def note_number(note: tuple[str, int]) -> Decision[str]:
    numbers = _numbers_in(note[0])
    if not numbers:
        return Decision(None)
    return Decision(numbers[0], 0.8, (Evidence("body", "题注中的令号 (the order number in the note)", shorten(note[0]), note[1]),))


# what may stand between a date and 公布: the order's name and number, but no other date
_BEFORE_PUBLISHED = re.compile(r"(?:(?!\d{4}\s*年)[^。；;]){0,40}?(?:公布|发布)")


def published_date(note: str) -> dt.date | None:
    """The date a note says the text was published (…通过 …公布: the later one, before 公布/发布),
    else its first date."""
    published = [m for m in DATE_RE.finditer(note) if _BEFORE_PUBLISHED.match(note, m.end())]
    return parse_date(published[-1].group(0)) if published else parse_date(note)


def note_date(note: tuple[str, int]) -> Decision[dt.date]:
    date = published_date(note[0])
    if date is None:
        return Decision(None)
    return Decision(date, 0.8, (Evidence("body", "题注中的公布日期 (the date in the note)", shorten(note[0]), note[1]),))


def number_after_title(line: tuple[str, int], title_end: int) -> Decision[str]:
    """The 发文字号 right after a title run into the text (关于…的某府通〔2019〕2号为…)."""
    numbers = find_doc_numbers(line[0][title_end: title_end + 30])
    if not numbers or numbers[0].start != 0:
        return Decision(None)
    return Decision(numbers[0].text, 0.6, (Evidence("header", "紧接标题的发文字号 (the number right after the title)",
                                                    numbers[0].text, line[1]),))
