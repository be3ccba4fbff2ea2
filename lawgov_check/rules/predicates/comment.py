"""Predicates for public-comment periods (ruleset CN; helpers shared with ND and MD).

A comment period is judged against the minimum for what is put out for comment: 30 days for
government rules, local regulations, major decisions and market-related documents; 7 working days
(unit configurable per jurisdiction) for normative documents. Periods are counted inclusive of the
first and the last day — the reading most favourable to the document, so that a finding is never
an artefact of the counting convention.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, Iterator

from ...facts.calendar import is_workday
from ...facts.numerals import cn_to_int
from ...facts.segments import Boundaries
from ...model import Document
from ..context import CheckContext
from ..hits import Hit
from ..kinds._common import as_date
from . import predicate

UNIT_ZH = {"calendar_days": "日", "working_days": "个工作日"}
UNIT_EN = {"calendar_days": "days", "working_days": "working days"}
CLASS_ZH = {"rule": "规章草案", "regulation": "地方性法规草案", "major_decision": "重大行政决策",
            "market": "涉及市场主体生产经营活动的文件", "normative": "行政规范性文件"}
CLASS_EN = {"rule": "a draft government rule", "regulation": "a draft local regulation",
            "major_decision": "a major administrative decision",
            "market": "a document closely tied to market entities' business",
            "normative": "a normative document"}

_NUM = r"(?P<n>\d{1,3}|[一二三四五六七八九十两]{1,3})"
_UNIT = r"(?P<u>个工作日|工作日|个自然日|自然日|日|天)"
_COMMENT = r"征求(?:社会公众|公众|社会|各方|群众|各界|社会各界)?(?:的)?意见"
_STATED = [
    re.compile(_NUM + r"\s*" + _UNIT + r"(?:的|以上)?[^。;,，\n]{0,10}?" + _COMMENT),
    re.compile(_COMMENT + r"(?:稿)?(?:[,，]?(?:的)?(?:时间|期限|期|时限))?"
               r"(?:为|不少于|不得少于|不低于|至少|共|达|是)?\s*" + _NUM + r"\s*" + _UNIT + r"(?!内|以内|之内)"),
]
_CLASSES = [  # strictest first: a sentence naming several takes the highest minimum
    ("major_decision", re.compile(r"重大行政决策|重大决策")),
    ("regulation", re.compile(r"地方性法规|法规草案|条例(?:\(|（)?草案")),
    ("rule", re.compile(r"政府规章|规章|立法项目|立法")),
    ("normative", re.compile(r"规范性文件")),
]
# What CN09 cites for each kind of document a stated period concerns (its basis entries, by 文号
# or title).
CLASS_BASIS = {"major_decision": "国务院令第713号", "regulation": "各省、自治区、直辖市地方立法条例（法规草案公开征求意见）",
               "rule": "国务院令第695号", "normative": "市县法治政府建设示范指标体系"}
_MARKET_WORDS = re.compile(r"市场主体|经营主体|企业|营商环境|产业|招商引资|商事|个体工商户|民营经济")


@dataclass(frozen=True)
class Stated:
    start: int
    end: int
    amount: int
    unit: str  # calendar_days | working_days
    text: str
    label: str  # the length as written: 7天, 三十日

    def phrase(self, explain: str) -> str:
        return f"“{self.label}”{explain}"


def stated_periods(text: str, lo: int = 0, hi: int | None = None) -> list[Stated]:
    """Comment periods stated as a length: 进行7天公开征求意见, 征求意见期限为三十日."""
    hi = len(text) if hi is None else hi
    found: dict[tuple[int, int], Stated] = {}
    for pattern in _STATED:
        for m in pattern.finditer(text, lo, hi):
            amount = cn_to_int(m.group("n"))
            if not amount:
                continue
            before = text[max(0, m.start() - 4):m.start()]
            if re.search(r"不超过|不得超过|最长", before):
                continue
            unit = "working_days" if "工作日" in m.group("u") else "calendar_days"
            found[(m.start("n"), m.end("u"))] = Stated(m.start(), m.end(), amount, unit, m.group(0),
                                                      text[m.start("n"):m.end("u")])
    return sorted(found.values(), key=lambda s: s.start)


def classify_text(text: str) -> str | None:
    for name, pattern in _CLASSES:
        if pattern.search(text):
            return name
    return None


def classify_notice(doc: Document) -> str | None:
    """What a comment notice puts out for comment, from its title, then its opening."""
    title = doc.title or ""
    found = classify_text(title)
    if found:
        return found
    if re.search(r"条例[^》]{0,6}(?:\(|（)?草案", title):
        return "regulation"
    opening = _opening(doc, 600)
    found = classify_text(re.sub(r"《规章制定程序条例》", "规章", opening))
    if found:
        return found
    if re.search(r"征求意见稿", title + opening[:200]) and re.search(r"办法|规定|细则|意见|措施|通知|方案|规则", title):
        return "normative"
    return None


def is_market_related(ctx: CheckContext) -> bool:
    flag = (ctx.manifest or {}).get("market_related")
    if isinstance(flag, bool):
        return flag
    return bool(_MARKET_WORDS.search(ctx.doc.title or ""))


def _opening(doc: Document, chars: int) -> str:
    parts: list[str] = []
    for node in doc.root.walk():
        if node.kind in ("paragraph", "heading"):
            parts.append(node.text)
            if sum(map(len, parts)) >= chars:
                break
    return "".join(parts)[:chars]


def count_days(start: dt.date, end: dt.date) -> tuple[int, int]:
    """(calendar days, working days) from start to end, both included."""
    calendar = (end - start).days + 1
    working, day = 0, start
    while day <= end:
        working += is_workday(day)
        day += dt.timedelta(days=1)
    return calendar, working


def minimum_for(ctx: CheckContext, subject_class: str) -> tuple[int, str]:
    params = ctx.params
    if subject_class == "normative":
        return int(params.get("normative_comment_min", 7)), str(params.get("normative_comment_unit", "working_days"))
    return int(params.get(f"{subject_class}_comment_min_days", params.get("comment_min_days", 30))), "calendar_days"


def falls_short(amount: int, unit: str, minimum: int, min_unit: str) -> tuple[bool, str, str]:
    """Whether a stated length is below the minimum, with a Chinese and English explanation."""
    if unit == min_unit:
        return amount < minimum, "", ""
    if unit == "calendar_days":  # minimum in working days: a week has five of them
        equivalent = math.floor(amount * 5 / 7)
        return equivalent < minimum, f"（按自然日计，约合{equivalent}个工作日）", \
            f" (calendar days, about {equivalent} working days)"
    equivalent = math.ceil(amount * 7 / 5)
    return equivalent < minimum, f"（约合{equivalent}日）", f" (about {equivalent} calendar days)"


def period_values(subject_class: str, minimum: int, min_unit: str) -> dict[str, Any]:
    return {"subject": CLASS_ZH[subject_class], "subject_en": CLASS_EN[subject_class],
            "minimum": f"{minimum}{UNIT_ZH[min_unit]}", "minimum_en": f"{minimum} {UNIT_EN[min_unit]}"}


# ---- the period of a comment notice ---------------------------------------------------------------

@dataclass
class NoticePeriod:
    start: dt.date | None
    end: dt.date | None
    span: tuple[int, int]
    stated: Stated | None = None
    start_stated: bool = False  # the start is the manifest's or the text's, not the publication date


_RELEVANT = re.compile(r"意见|建议|反馈|截止|截至|征求|期限|时间")
_DEADLINE_WORDS = re.compile(r"截止|截至|反馈|提出|提交|发送|寄送|寄至|来函|邮箱|电子邮件|征求意见(?:时间|期限|期)")


def notice_period(ctx: CheckContext) -> NoticePeriod:
    doc = ctx.doc
    manifest_period = (ctx.manifest or {}).get("comment_period") or {}
    start = as_date(manifest_period.get("start"))
    end = as_date(manifest_period.get("end"))
    if start and end:
        return NoticePeriod(start, end, (0, 0), start_stated=True)
    bounds = Boundaries.of(doc.text)
    span = (0, 0)
    candidates = []  # (priority, order, start, end, span)
    for order, fact in enumerate(ctx.fact_family("date_ranges")):
        s, e = fact.value if isinstance(fact.value, tuple) else (None, None)
        sentence = doc.text[slice(*bounds.sentence(fact.start))]
        if not _RELEVANT.search(sentence) and not _RELEVANT.search(_heading_over(doc, fact.start)):
            continue
        if e is None:
            if s is not None and start is None:
                start = s
            continue
        priority = 0 if _DEADLINE_WORDS.search(sentence) else 1
        candidates.append((priority, order, s, e, (fact.start, fact.end)))
    for _, _, s, e, fact_span in sorted(candidates):
        if s is not None and start is None:
            start = s
        published = start or as_date(ctx.resolve("manifest.publication_date")) or doc.date
        if published and e < published and (published - e).days <= 180:
            continue  # an earlier date (a past consultation), not this notice's deadline
        end, span = e, fact_span
        break
    start_stated = start is not None
    if start is None:
        start = as_date(ctx.resolve("manifest.publication_date")) or doc.date or _metadata_date(doc)
    if start and end and end < start and (start - end).days > 180:
        end = end.replace(year=end.year + 1)
    stated = None
    if end is None:
        periods = stated_periods(doc.text)
        stated = periods[0] if periods else None
    return NoticePeriod(start, end, span, stated, start_stated)


_HEADING_REACH = 120  # a range right under its heading: 一、征求意见的时间 / 2023年3月6日至4月5日。


def _heading_over(doc: Document, offset: int) -> str:
    """The text of the heading a short section under it begins with, or ""."""
    above = [h for h in doc.headings if h.end <= offset]
    if above and offset - above[-1].end <= _HEADING_REACH:
        return above[-1].text
    return ""


_PUBLICATION_KEYS = ("发布日期", "发布时间", "公开日期")


def _metadata_date(doc: Document, keys: tuple[str, ...] = _PUBLICATION_KEYS + ("成文日期",)) -> dt.date | None:
    for key in keys:
        value = as_date((doc.metadata.get(key) or "").replace(" ", ""))
        if value:
            return value
    return None


def _notice_class(ctx: CheckContext) -> str | None:
    return classify_notice(ctx.doc)


def applicable_class(ctx: CheckContext) -> str | None:
    """The subject class whose minimum governs the notice (the one of CN01–CN05 that applies)."""
    found = _notice_class(ctx)
    if found in ("rule", "regulation", "major_decision"):
        return found
    if is_market_related(ctx):
        return "market"
    return found


@predicate("cn.period-from-publication")
def period_from_publication(ctx: CheckContext) -> Iterator[Hit]:
    """The page was published after the period's stated start, and the time left from publication to
    the deadline is below the minimum (while the period as stated is not: CN01–CN05 report that)."""
    subject_class = applicable_class(ctx)
    period = notice_period(ctx)
    published = as_date(ctx.resolve("manifest.publication_date")) or _metadata_date(ctx.doc, _PUBLICATION_KEYS)
    if subject_class is None or not period.start_stated or not (period.start and period.end and published):
        return
    if not period.start < published <= period.end:
        return
    minimum, min_unit = minimum_for(ctx, subject_class)
    stated_calendar, stated_working = count_days(period.start, period.end)
    calendar, working = count_days(published, period.end)
    pick = 1 if min_unit == "working_days" else 0
    if (stated_calendar, stated_working)[pick] < minimum or (calendar, working)[pick] >= minimum:
        return
    yield Hit(*period.span, {**period_values(subject_class, minimum, min_unit),
                             "start": period.start.isoformat(), "end": period.end.isoformat(),
                             "published": published.isoformat(), "calendar": calendar, "working": working})


@predicate("cn.comment-period")
def comment_period(ctx: CheckContext, subject_class: str) -> Iterator[Hit]:
    """The comment notice's period is shorter than the minimum for its subject class."""
    found = _notice_class(ctx)
    market = is_market_related(ctx)
    if subject_class == "market":
        if not market or found in ("rule", "regulation", "major_decision"):
            return
    elif found != subject_class or (subject_class == "normative" and market):
        return
    minimum, min_unit = minimum_for(ctx, subject_class)
    period = notice_period(ctx)
    values = period_values(subject_class, minimum, min_unit)
    if period.start and period.end:
        calendar, working = count_days(period.start, period.end)
        length = working if min_unit == "working_days" else calendar
        if length < minimum:
            yield Hit(*period.span, {**values, "start": period.start.isoformat(), "end": period.end.isoformat(),
                                     "calendar": calendar, "working": working,
                                     "length": f"{period.start}至{period.end}，共{calendar}日（其中{working}个工作日）",
                                     "length_en": f"{period.start} to {period.end}: {calendar} days ({working} working days)"})
    elif period.stated is not None:
        short, explain, explain_en = falls_short(period.stated.amount, period.stated.unit, minimum, min_unit)
        if short:
            yield Hit(period.stated.start, period.stated.end, {
                **values, "start": "", "end": "", "length": period.stated.phrase(explain),
                "length_en": period.stated.phrase(explain_en)})


@predicate("cn.deadline-missing")
def deadline_missing(ctx: CheckContext) -> Iterator[Hit]:
    """A comment notice states neither a deadline nor a length for its comment period."""
    period = notice_period(ctx)
    if period.end is None and period.stated is None:
        title = next((n for n in ctx.doc.root.walk() if n.kind == "title"), None)
        yield Hit(title.start, title.end) if title else Hit(0, 0)


@predicate("cn.stated-comment-period")
def stated_comment_period(ctx: CheckContext) -> Iterator[Hit]:
    """A report or explanation states a comment period shorter than the minimum for its subject."""
    text = ctx.doc.text
    bounds = Boundaries.of(text)
    for stated in stated_periods(text):
        s_start, s_end = bounds.sentence(stated.start)
        subject_class = classify_text(text[s_start:s_end])
        if subject_class is None and s_start > 0:
            p_start, _ = bounds.sentence(s_start - 1)
            if "\n" not in text[p_start:s_start]:
                subject_class = classify_text(text[p_start:s_start])
        if subject_class is None:
            continue
        minimum, min_unit = minimum_for(ctx, subject_class)
        short, explain, explain_en = falls_short(stated.amount, stated.unit, minimum, min_unit)
        if short:
            yield Hit(stated.start, stated.end, {**period_values(subject_class, minimum, min_unit),
                                                 "length": stated.phrase(explain),
                                                 "length_en": stated.phrase(explain_en)},
                      basis=(CLASS_BASIS[subject_class],))
