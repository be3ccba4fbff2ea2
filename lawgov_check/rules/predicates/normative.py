"""Predicates for normative documents (ruleset ND): numbering, registration, validity, content
that sets powers a normative document may not set, the issuing organ, and the procedure evidenced
by the document or the workflow manifest."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

import regex

from ...facts.numerals import cn_to_int
from ...facts.segments import Boundaries
from ...facts.doc_numbers import find_doc_numbers
from ...model import Document
from ..context import CheckContext, Segment
from ..hits import Hit
from ..kinds._common import as_date
from . import predicate
from .comment import (count_days, falls_short, is_market_related, minimum_for, period_values,
                      stated_periods)

def _title_span(doc: Document) -> tuple[int, int]:
    node = next((n for n in doc.root.walk() if n.kind == "title"), None)
    return (node.start, node.end) if node else (0, 0)


@predicate("nd.doc-number")
def doc_number(ctx: CheckContext) -> Iterator[Hit]:
    """The normative document has no 发文字号, or one without organ code, year, serial and 号."""
    doc = ctx.doc
    number = (doc.doc_number or "").strip()
    if not number:
        yield Hit(*_title_span(doc), {"problem": "未载明发文字号", "problem_en": "has no document number",
                                      "number": ""})
    elif not find_doc_numbers(number, ("doc_number",)):
        node = next((n for n in doc.root.walk() if n.kind == "doc_number"), None)
        span = (node.start, node.end) if node else _title_span(doc)
        yield Hit(*span, {"problem": f"发文字号“{number}”缺少机关代字、年份、序号或“号”",
                          "problem_en": f"document number “{number}” lacks the organ code, year, serial or 号",
                          "number": number})


@predicate("nd.registration-number")
def registration_number(ctx: CheckContext, required: bool = False, pattern: str = "", label: str = "统一编号",
                        example: str = "", labels: list[str] | None = None) -> Iterator[Hit]:
    """The registration number where the jurisdiction's form is known or a number is required:
    recognised by its form, or by a label (the jurisdiction's `label` or one of `labels`) in the
    page's metadata, the header above the title or the 版记 at the end. Variants: `bad-form` (a
    labelled number not in the form), `missing` (none where one is required); with `-unshown`
    when the jurisdiction gives no example of its form."""
    if not (required or pattern):
        return
    values = {"label": label, "example": example}
    suffix = "" if example else "-unshown"
    declared = str((ctx.manifest or {}).get("registration_number") or "").strip()
    if declared:
        if pattern and not ctx.search(pattern, declared):
            yield Hit(*_title_span(ctx.doc), {**values, "number": declared}, variant="bad-form" + suffix)
        return
    zones = _registration_zones(ctx)
    if pattern and any(next(ctx.finditer(pattern, zone), None) for zone in zones):
        return
    words = "|".join(regex.escape(w) for w in dict.fromkeys([label, *(labels or ())]) if w)
    labelled = rf"(?:{words})\s*[:：]?\s*(?P<hit>[^\s，。；：:]{{3,40}})" if words else None
    found = next((m for zone in zones for m in ctx.finditer(labelled, zone)  # a number has a digit
                  if any(c.isdigit() for c in ctx.doc.text[m[0]:m[1]])), None) if labelled else None
    if found and pattern:
        yield Hit(found[0], found[1], {**values, "number": ctx.doc.text[found[0]:found[1]]},
                  variant="bad-form" + suffix)
    elif not found and required:
        yield Hit(*_title_span(ctx.doc), values, variant="missing" + suffix)


def _registration_zones(ctx: CheckContext) -> list[Segment]:
    """Where a registration number is printed: the page's metadata, the header down to the title
    (at most 1,500 characters) and the last 400 characters (版记)."""
    text_end = len(ctx.doc.text)
    title_end = _title_span(ctx.doc)[1]
    header = Segment(0, min(title_end or 600, 1500, text_end))
    footer = Segment(max(header.end, text_end - 400), text_end)
    return [*ctx.scope("metadata"), header, *([footer] if footer.end > footer.start else [])]


# ---- validity ------------------------------------------------------------------------------------

_NUM = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_VALID_YEARS = re.compile(r"有效期(?:为|是|暂定为?)?(?:自[^。;]{0,30}?起)?\s*" + _NUM + r"\s*年")
_VALID_MONTHS = re.compile(r"有效期(?:为|是|暂定为?)?(?:自[^。;]{0,30}?起)?\s*" + _NUM + r"\s*个月")
_VALID_UNTIL = re.compile(r"有效期(?:至|到|截至)\s*" + _DATE)
_FROM_TO = re.compile(r"自\s*" + _DATE + r"\s*起[^。;]{0,12}?(?:施行|实施|生效)?[^。;]{0,6}?(?:至|到)\s*" + _DATE
                      + r"\s*(?:止|废止|失效|截止)?")
_EFFECTIVE = re.compile(r"自\s*" + _DATE + r"\s*(?:起|之日起)")
_FROM_ISSUE = re.compile(r"自(?:印发|发布|公布)之日起(?:施行|实施)")


def _date(groups: tuple[str, str, str]) -> dt.date | None:
    try:
        return dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None


def validity_statements(doc: Document) -> list[tuple[int, int, float | None]]:
    """(start, end, length in years) of every validity statement; None when it cannot be measured."""
    text = doc.text
    out: list[tuple[int, int, float | None]] = []
    for m in _VALID_YEARS.finditer(text):
        amount = cn_to_int(m.group(1))
        out.append((m.start(), m.end(), float(amount) if amount else None))
    for m in _VALID_MONTHS.finditer(text):
        amount = cn_to_int(m.group(1))
        out.append((m.start(), m.end(), amount / 12 if amount else None))
    effective = _EFFECTIVE.search(text)
    start = _date(effective.groups()[:3]) if effective else None
    if start is None and _FROM_ISSUE.search(text):
        start = doc.date
    for m in _VALID_UNTIL.finditer(text):
        end = _date(m.groups()[:3])
        out.append((m.start(), m.end(), _years_between(start or doc.date, end)))
    for m in _FROM_TO.finditer(text):
        out.append((m.start(), m.end(), _years_between(_date(m.groups()[:3]), _date(m.groups()[3:6]))))
    return sorted(out)


def _years_between(start: dt.date | None, end: dt.date | None) -> float | None:
    if start is None or end is None:
        return None
    return ((end - start).days + 1) / 365.25


def is_provisional(doc: Document) -> bool:
    return bool(re.search(r"暂行|试行", doc.title or "")) or bool(
        re.search(r"本(?:暂行)?(?:办法|规定|细则|意见|措施)(?:\(试行\))?自", doc.text) and "试行" in (doc.title or "")
    )


@predicate("nd.validity-missing")
def validity_missing(ctx: CheckContext, required: bool = True) -> Iterator[Hit]:
    """The document states no validity period."""
    if required and not validity_statements(ctx.doc) and not re.search(r"有效期", ctx.doc.text):
        yield Hit(*_title_span(ctx.doc))


@predicate("nd.validity-too-long")
def validity_too_long(ctx: CheckContext, max_years: float = 5, provisional_max_years: float = 2) -> Iterator[Hit]:
    """A stated validity period longer than the jurisdiction's maximum (暂行/试行: a shorter one)."""
    provisional = is_provisional(ctx.doc)
    limit = provisional_max_years if provisional else max_years
    for start, end, years in validity_statements(ctx.doc):
        if years is not None and years > limit + 0.01:
            shown = f"{years:.0f}" if abs(years - round(years)) < 0.05 else f"{years:.1f}"
            yield Hit(start, end, {"years": shown, "limit": f"{limit:g}",
                                   "kind": "暂行或试行文件" if provisional else "行政规范性文件",
                                   "kind_en": "a provisional or trial document" if provisional
                                   else "a normative document"})


# ---- content that sets licensing, penalties, compulsory measures, fees -------------------------------

_SETTING = re.compile(
    r"处以?[^。;,，]{0,24}?罚款|并处[^。;]{0,12}罚款|罚款\d|(?<!罚)没收(?!入)|吊销|暂扣[^。;,，]{0,6}(?:许可证|执照|证照)|"
    r"查封|扣押|冻结(?:其|当事人)?(?:存款|汇款|账户|财产|资金)|责令停产停业|行政拘留|"
    r"(?:须|必须|应当|应)(?:先)?(?:经|报经|取得)[^。;]{1,30}?(?:批准|审批|许可|核准)|"
    r"未经[^。;]{1,30}?(?:批准|许可|审批|核准)[^。;]{0,4}不得|"
    r"(?:收取|缴纳|交纳|征收)[^。;,，]{0,20}?费|按[^。;]{0,20}?标准(?:收取|缴纳|交纳)"
)
# The sentence only applies a higher law (依照《…法》的规定予以处罚) or forbids the act.
_CITES_HIGHER_LAW = re.compile(
    r"(?:依照|依据|按照|根据|违反)(?:《[^》]+》|有关法律|相关法律|法律、?(?:行政)?法规|法律法规|有关规定|相关规定|"
    r"国家(?:有关)?规定|有关法律法规)|依法|由[^。;]{0,12}(?:依照|按照|依据)|法律、?法规(?:另有)?规定")
# Fees a business charges its customers are not administrative charges.
_PRIVATE_CHARGE = re.compile(r"(?:企业|公司|物业|经营者|平台|商户|中介机构|服务机构)[^。;,，]{0,12}(?:收取|收费)")
_PROHIBITION = re.compile(r"不得|禁止|严禁|不准|取消|免收|免征|免予|免于|不予|不再|一律不|清理|规范[^。;]{0,6}收费|违规收费|乱收费")


def setting_sentences(text: str) -> Iterator[tuple[int, int, str]]:
    bounds = Boundaries.of(text)
    seen: set[tuple[int, int]] = set()
    for m in _SETTING.finditer(text):
        start, end = bounds.sentence(m.start())
        if (start, end) in seen:
            continue
        seen.add((start, end))
        sentence = text[start:end]
        if _CITES_HIGHER_LAW.search(sentence) or _PROHIBITION.search(sentence):
            continue
        if "费" in m.group(0) and _PRIVATE_CHARGE.search(sentence):
            continue
        while start < end and text[start] in " \t\u3000":
            start += 1
        yield start, end, m.group(0)


@predicate("nd.sets-powers")
def sets_powers(ctx: CheckContext) -> Iterator[Hit]:
    """A sentence that itself sets a penalty, licence, compulsory measure or fee."""
    body = ctx.scope("body")
    lo = body[0].start if body else 0
    for start, end, trigger in setting_sentences(ctx.doc.text):
        if start >= lo:
            yield Hit(start, end, {"trigger": trigger})


# ---- issuing organ ---------------------------------------------------------------------------------

_ORGAN_BEFORE_DIVISION = regex.compile(
    # A match is at most 48 characters of Han and ends at the end: the lookahead skips every start
    # further back at once (the lazy repeats would otherwise be tried 30×12 ways at each).
    r"(?=\p{Han}{3,48}$)(?P<organ>\p{Han}{2,30}?(?:局|委员会|厅|署|委|办|中心))(?P<division>\p{Han}{1,12}?(?:处|科|股|室|办公室))$")
_NOT_DIVISIONS = regex.compile(r"(?:人民政府|政府|党委|[省市县区州]委|领导小组|委员会)办公(?:室|厅)$|"
                               r"(?:研究室|参事室|事务所|派出所|管理处|管理所)$")


def issuing_organs(doc: Document) -> list[tuple[int, int, str]]:
    """Organs named in the signature, else the title's issuer; not the web page's publisher."""
    organs = [(n.start, n.end, n.text.strip()) for n in doc.root.walk() if n.kind == "signature_organ"]
    if organs:
        out = []
        for start, end, text in organs:
            for name in re.split(r"[ \u3000]+", text):
                if name:
                    offset = doc.text.find(name, start, end)
                    out.append((offset if offset >= 0 else start, (offset if offset >= 0 else start) + len(name), name))
        return out
    title = next((n for n in doc.root.walk() if n.kind == "title"), None)
    if title is not None:
        m = re.match(r"^(?P<issuer>.{2,40}?)关于", title.text)
        if m:
            return [(title.start, title.start + len(m.group("issuer")), m.group("issuer"))]
    return []


def internal_division(name: str) -> str | None:
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name.strip())
    if _NOT_DIVISIONS.search(name):
        return None
    m = _ORGAN_BEFORE_DIVISION.search(name)
    if not m:
        return None
    return m.group("division")


@predicate("nd.internal-division")
def internal_division_issuer(ctx: CheckContext) -> Iterator[Hit]:
    """The document is issued in the name of an internal division (处、科、股、室) of a department."""
    for start, end, name in issuing_organs(ctx.doc):
        division = internal_division(name)
        if division:
            yield Hit(start, end, {"organ": name, "division": division})


# ---- procedure -------------------------------------------------------------------------------------

def procedure_evidence(ctx: CheckContext, procedure: str, manifest_keys: tuple[str, ...]) -> tuple[bool, Any]:
    """(evidenced, negated fact or None): the manifest or a non-negated mention in the document."""
    manifest = ctx.manifest or {}
    if any(manifest.get(k) for k in manifest_keys):
        return True, None
    negated = None
    for fact in ctx.fact_family("procedures"):
        if fact.value != procedure:
            continue
        if (fact.attrs or {}).get("negated"):
            negated = negated or fact
        else:
            return True, None
    return False, negated


@predicate("nd.procedure-evidenced")
def procedure_evidenced(ctx: CheckContext, procedure: str, manifest_key: str,
                        after: list[str] | tuple[str, ...] = ()) -> Iterator[Hit]:
    """A required procedure the text says was skipped, or that a manifest leaves out.

    A manifest is often partial; the procedure counts as missing only when the manifest records a
    later stage (`after`: e.g. the deliberation or the publication) but not the procedure itself.
    """
    evidenced, negated = procedure_evidence(ctx, procedure, (manifest_key,))
    if evidenced:
        return
    if negated is not None:
        start, end = (negated.attrs or {}).get("clause", (negated.start, negated.end))
        yield Hit(start, end, {"how": "文中写明未履行该程序", "how_en": "the text says it was not done"})
        return
    manifest = ctx.manifest
    if manifest is None or not any(manifest.get(stage) for stage in after):
        return
    yield Hit(*_title_span(ctx.doc), {"how": "元数据清单记录了后续环节，但文档和清单均无该程序记载",
                                      "how_en": "the manifest records a later stage, but neither it nor the "
                                                "document records this procedure"})


@predicate("nd.review-conclusion")
def review_conclusion(ctx: CheckContext, forbidden: str = "不合法") -> Iterator[Hit]:
    review = (ctx.manifest or {}).get("legality_review") or {}
    deliberation = (ctx.manifest or {}).get("collective_deliberation")
    if review.get("conclusion") == forbidden:
        yield Hit(*_title_span(ctx.doc), {"conclusion": forbidden,
                                          "then": "仍提交集体审议" if deliberation else "仍予印发"})


@predicate("nd.comment-period")
def comment_period(ctx: CheckContext, subject_class: str = "normative") -> Iterator[Hit]:
    """The comment period in the manifest (or stated in the text) is below the minimum."""
    market = is_market_related(ctx)
    if subject_class == "market" and not market:
        return
    if subject_class == "normative" and market:
        return  # the stricter market-related rule judges it
    minimum, min_unit = minimum_for(ctx, subject_class)
    values = period_values(subject_class, minimum, min_unit)
    period = (ctx.manifest or {}).get("comment_period") or {}
    start, end = as_date(period.get("start")), as_date(period.get("end"))
    if start and end:
        calendar, working = count_days(start, end)
        length = working if min_unit == "working_days" else calendar
        if length < minimum:
            yield Hit(*_title_span(ctx.doc), {**values, "length": f"{start}至{end}，共{calendar}日（其中{working}个工作日）",
                                              "length_en": f"{start} to {end}: {calendar} days ({working} working days)"})
        return
    for stated in stated_periods(ctx.doc.text):
        short, explain, explain_en = falls_short(stated.amount, stated.unit, minimum, min_unit)
        if short:
            yield Hit(stated.start, stated.end, {**values, "length": stated.phrase(explain),
                                                 "length_en": stated.phrase(explain_en)})
