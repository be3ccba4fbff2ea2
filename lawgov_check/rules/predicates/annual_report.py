"""Predicates for annual reports on rule-of-law government construction (ruleset AR).

The four parts required by 《法治政府建设与责任落实督察工作规定》 are recognised by meaning: real
reports word and order them differently, put the first-responsible-person part in a part of its
own or in a subsection, and some organise their achievements by topic with no "成效" heading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from ...identify.report_parts import FIRST_RESPONSIBLE, YEAR, parts_named
from ...model import Document
from ..context import CheckContext
from ..hits import Hit
from . import predicate

PART_NAMES = {
    "measures": ("主要举措和成效", "main measures and results"),
    "shortcomings": ("存在的不足和原因", "shortcomings and their causes"),
    "first_responsible": ("党政主要负责人履行推进法治建设第一责任人职责情况",
                          "how the principal leaders fulfilled their first-responsible-person duty"),
    "plans": ("下一年度推进法治政府建设的主要安排", "next year's main plans"),
}

_CAUSES = re.compile(r"原因|分析|根源|成因|症结|究其|归因|在于")
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]+\s*((?:19|20)\d{2})")
_UNMARKED_HEADING_MAX = 40


@dataclass(frozen=True)
class Anchor:
    """Where a part starts: a heading, or a short line standing as an unmarked heading."""

    start: int
    end: int
    text: str
    level: int  # 1–4 for headings, 5 for an unmarked line, 6 for a paragraph lead


def _anchors(doc: Document) -> list[Anchor]:
    anchors = [Anchor(h.start, h.end, _lead_phrase(h.text) if h.level > 1 else h.text, h.level)
               for h in doc.headings]
    heading_starts = {h.start for h in doc.headings}
    for node in doc.root.walk():
        if node.kind != "paragraph" or node.start in heading_starts:
            continue
        line = node.text.strip()
        if 2 <= len(line) <= _UNMARKED_HEADING_MAX and not re.search(r"[。;；]", line[:-1]):
            anchors.append(Anchor(node.start, node.end, line, 5))
        elif FIRST_RESPONSIBLE.search(line[:40]):
            anchors.append(Anchor(node.start, node.end, line[:40], 6))
    return sorted(anchors, key=lambda a: a.start)


def _lead_phrase(text: str) -> str:
    """A sub-heading's own words: up to its first full stop (many run on into their paragraph)."""
    return re.split(r"[。;；]", text, maxsplit=1)[0][:40]


def report_parts(doc: Document) -> dict[str, Anchor]:
    """The anchor of every required part the report has, found level by level."""
    year = body_year(doc)
    anchors = _anchors(doc)
    found: dict[str, Anchor] = {}
    for levels in ((1,), (2,), (3, 4, 5), (6,)):
        for anchor in (a for a in anchors if a.level in levels):
            if levels == (6,) and not _run_in_heading(anchor.text):
                continue
            for part in parts_named(anchor.text, year):
                if part == "measures" and levels == (6,):
                    continue
                if part == "first_responsible" and anchor.level > 1 and _inside_other_part(doc, anchor, found):
                    continue
                found.setdefault(part, anchor)
    if "measures" not in found:
        topical = _topical_sections(doc, found)
        if topical is not None:
            found["measures"] = topical
    return found


_FUTURE = re.compile(r"将|纳入|列入|拟|计划|作为.{0,8}(?:内容|重要内容)")


def _run_in_heading(text: str) -> bool:
    """A paragraph that opens on the duty (一是压实责任。落实第一责任人职责规定…), not a sentence that
    mentions it as a plan in passing (将履行第一责任人职责情况纳入年终述职)."""
    match = FIRST_RESPONSIBLE.search(text[:40])
    if match is None:
        return False
    clause_start = max(text.rfind(p, 0, match.start()) for p in "，,。；;：:") + 1
    ends = [i for i in (text.find(p, match.end()) for p in "，,。；;") if i != -1]
    clause = text[clause_start:min(ends) if ends else len(text)]
    return not _FUTURE.search(clause)


def _inside_other_part(doc: Document, anchor: Anchor, found: dict[str, Anchor]) -> bool:
    """The anchor sits inside the plans or the shortcomings part: there the duty is a plan or a
    problem, not the part on how it was fulfilled."""
    for key in ("plans", "shortcomings"):
        part = found.get(key)
        if part is not None and part.level <= 5 and part.start < anchor.start:
            start, end = section_span(doc, part)
            if start < anchor.start < end:
                return True
    return False


def _topical_sections(doc: Document, found: dict[str, Anchor]) -> Anchor | None:
    """Reports that set out their achievements by topic (一、依法全面履行政府职能…) have measures."""
    others = [a.start for a in found.values()]
    first_other = min(others) if others else len(doc.text)
    for h in doc.headings:
        if h.level == 1 and h.start < first_other and not parts_named(h.text, None):
            return Anchor(h.start, h.end, h.text, 1)
    if not any(h.level == 1 for h in doc.headings):
        body = [n for n in doc.root.walk() if n.kind == "paragraph" and n.end <= first_other]
        if sum(len(n.text) for n in body) >= 600:
            return Anchor(body[0].start, body[0].end, body[0].text[:40], 6)
    return None


def _anchor_for_missing(doc: Document) -> tuple[int, int]:
    title = next((n for n in doc.root.walk() if n.kind == "title"), None)
    if title is not None:
        return title.start, title.end
    if doc.headings:
        return doc.headings[0].start, doc.headings[0].start
    return 0, 0


@predicate("ar.required-part")
def required_part(ctx: CheckContext, part: str) -> Iterator[Hit]:
    """A hit when the report lacks the part (measures, shortcomings, first_responsible, plans)."""
    if _is_disclosure_report(ctx.doc):
        return
    if ctx.doc.identity.truncated.value:
        return  # a page cut short: the part may stand after the cut (the document's warning says so)
    if part not in report_parts(ctx.doc):
        start, end = _anchor_for_missing(ctx.doc)
        zh, en = PART_NAMES[part]
        yield Hit(start, end, {"part": zh, "part_en": en})


def section_span(doc: Document, anchor: Anchor) -> tuple[int, int]:
    """From the anchor to the next heading at the same or a higher level."""
    level = min(anchor.level, 4)
    for h in doc.headings:
        if h.start > anchor.start and h.level <= level:
            return anchor.start, h.start
    return anchor.start, len(doc.text)


@predicate("ar.causes-missing")
def causes_missing(ctx: CheckContext) -> Iterator[Hit]:
    """The shortcomings part names no causes (原因, 分析 …) in its heading or its body."""
    part = report_parts(ctx.doc).get("shortcomings")
    if part is None or _is_disclosure_report(ctx.doc):
        return
    start, end = section_span(ctx.doc, part)
    if not _CAUSES.search(ctx.doc.text[start:end]):
        yield Hit(part.start, part.end, {"heading": part.text})


def _years_in(text: str) -> tuple[set[int], list[tuple[int, int]]]:
    ranges = [(int(a), int(b)) for a, b in _YEAR_RANGE.findall(text)]
    singles = {int(y) for y in YEAR.findall(_YEAR_RANGE.sub("", text))}
    return singles, ranges


def body_year(doc: Document) -> int | None:
    """The report year as the body states it, as the recogniser decided it, else the report year."""
    return doc.identity.body_year.value or doc.year


@predicate("ar.plan-year")
def plan_year(ctx: CheckContext) -> Iterator[Hit]:
    """The plan part's heading names a year other than the report year + 1."""
    doc = ctx.doc
    part = report_parts(doc).get("plans")
    year = body_year(doc)
    if part is None or year is None or part.level > 5:
        return
    singles, ranges = _years_in(part.text)
    if not singles and not ranges:
        return
    expected = year + 1
    if expected in singles or any(a <= expected <= b for a, b in ranges):
        return
    stated = "、".join(str(y) for y in sorted(singles)) or "、".join(f"{a}—{b}" for a, b in ranges)
    yield Hit(part.start, part.end, {"stated": stated, "expected": expected, "year": year})


def _title_node(doc: Document):
    return next((n for n in doc.root.walk() if n.kind == "title" and not n.attrs.get("embedded")), None)


@predicate("ar.title-year")
def title_year(ctx: CheckContext) -> Iterator[Hit]:
    """The year in the title contradicts the year the body reports on."""
    doc = ctx.doc
    node = _title_node(doc)
    if node is None:
        return
    singles, _ = _years_in(node.text)
    if len(singles) != 1:
        return
    stated = next(iter(singles))
    year = body_year(doc)
    if year is not None and year != stated:
        yield Hit(node.start, node.end, {"stated": stated, "body_year": year})


_OUTLINE = re.compile(r"《[^《》\n]{0,60}提纲[^《》\n]{0,20}》|[^。\n《》]{0,30}报告提纲")


@predicate("ar.part-year")
def part_year(ctx: CheckContext) -> Iterator[Hit]:
    """A part heading, or the report outline the text cites, names a year other than the report year
    that the title states (the plans part, judged on year + 1 by the plan-year rule, excepted)."""
    doc = ctx.doc
    year = doc.year
    title = _title_node(doc)
    # Only where title and body agree: otherwise the title-year rule reports the title.
    if year is None or title is None or set(_years_in(title.text)[0]) != {year} or body_year(doc) != year:
        return
    spans = [(h.start, h.end, h.text) for h in doc.headings
             if h.level == 1 and parts_named(h.text, year) - {"plans"} and "plans" not in parts_named(h.text, year)]
    spans += [(m.start(), m.end(), m.group(0)) for m in _OUTLINE.finditer(doc.text)]
    for start, end, text in spans:
        singles, ranges = _years_in(text)
        if ranges or len(singles) != 1 or re.search(r"(?:19|20)\d{2}\s*年(?:度)?以来", text):
            continue
        stated = next(iter(singles))
        if stated != year:
            yield Hit(start, end, {"stated": stated, "year": year})


_GOVERNMENT = re.compile(r"(人民政府|政府|自治区|自治州|自治县|[省市县区州旗盟])$")
_DEPARTMENT = re.compile(r"(局|委员会|委|办公室|办公厅|厅|署|办|中心|院)$")
_ENTITY_IN_TITLE = regex.compile(r"^(?:关于)?(?P<e>[\p{Han}()（）]{2,30}?)(?:关于|(?:19|20)\d{2}\s*年|法治政府|依法行政)")
_ENTITY_IN_OPENING = regex.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]?\s*(?:我|全)?(?P<e>[\p{Han}]{2,20}?(?:人民政府|局|委员会|厅|办公室|县|区|市|州|旗))")


def reporting_entity(doc: Document) -> str | None:
    """Who the report is about: the title's prefix, the signature organ or the opening's subject.

    The web page's publisher (发布机构) is not used: departments publish their government's report.
    """
    node = _title_node(doc)
    if node is not None:
        match = _ENTITY_IN_TITLE.match(node.text.strip())
        if match:
            return match.group("e")
        return None
    organs = [n.text.strip() for n in doc.root.walk() if n.kind == "signature_organ" and n.text.strip()]
    if organs:
        return organs[0]
    for node in doc.root.walk():
        if node.kind == "paragraph":
            match = _ENTITY_IN_OPENING.match(node.text)
            return match.group("e") if match else None
    return None


def is_department(entity: str | None) -> bool:
    if not entity:
        return False
    entity = re.sub(r"[(（][^()（）]*[)）]$", "", entity.strip())
    return bool(_DEPARTMENT.search(entity)) and not _GOVERNMENT.search(entity) \
        and not re.search(r"人民政府办公(室|厅)$", entity)


@predicate("ar.department-deadline")
def department_deadline(ctx: CheckContext, month_day: str = "03-01") -> Iterator[Hit]:
    """A department's report dated on or after 1 March of the following year."""
    doc = ctx.doc
    entity = reporting_entity(doc)
    if not is_department(entity):
        return
    year = body_year(doc) or doc.year
    date = _publication_date(ctx)
    if year is None or date is None:
        return
    month, day = (int(p) for p in month_day.split("-"))
    limit = dt.date(year + 1, month, day)
    if date >= limit:
        yield Hit(0, 0, {"entity": entity, "date": date.isoformat(), "limit": limit.isoformat(), "year": year})


@predicate("ar.publication-deadline")
def publication_deadline(ctx: CheckContext, month_day: str = "04-01") -> Iterator[Hit]:
    """The report is dated (or, per the manifest, published) on or after 1 April of the next year.

    The year is the one the body reports on, so that a wrong year in the title is reported once
    (by the title-year rule) rather than again as a late publication.
    """
    doc = ctx.doc
    year = body_year(doc)
    date = _publication_date(ctx)
    if year is None or date is None:
        return
    month, day = (int(p) for p in month_day.split("-"))
    limit = dt.date(year + 1, month, day)
    if date >= limit:
        yield Hit(0, 0, {"date": date.isoformat(), "limit": limit.isoformat(), "year": year})


def _publication_date(ctx: CheckContext) -> dt.date | None:
    from ..kinds._common import as_date

    for ref in ("manifest.publication_date", "document.date"):
        value = as_date(ctx.resolve(ref))
        if value:
            return value
    return None


def _is_disclosure_report(doc: Document) -> bool:
    """政府信息公开工作年度报告 is a different document under a different regulation."""
    title = doc.title or ""
    return bool(re.search(r"政府信息公开", title))


__all__ = ["report_parts", "body_year", "reporting_entity", "is_department"]
