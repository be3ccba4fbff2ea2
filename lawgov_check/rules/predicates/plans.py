"""Predicates for implementation plans and work-point documents (ruleset IP).

They judge only documents whose body assigns tasks with 牵头单位/责任单位 — there is no doc type of
its own for plans, so every predicate gates on the content.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from ...model import Document, Heading
from ..context import CheckContext
from ..hits import Hit
from ..kinds.numbering import numbering_problems
from . import predicate

_LEAD = r"牵头(?:单位|部门)"
_RESP = r"(?:责任|落实|承办|实施)(?:单位|部门)"
_OTHERS_RESPONSIBLE = re.compile(r"(?:各|相关|有关)[^,，;；:：()（）]{0,12}(?:负责|落实|配合)")
_LABEL = re.compile(rf"(?P<lead>{_LEAD}|牵头\s*[:：])|(?P<resp>{_RESP})|(?P<help>配合(?:单位|部门)|协办单位)")
# One level of nesting: （牵头单位：市司法局；责任单位：各县（市、区）人民政府）.
_PAREN = re.compile(r"[(（](?P<inner>(?:[^()（）\n]|[(（][^()（）\n]{0,40}[)）]){2,400})[)）]")
_UNIT_LIST = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:[、,，][\u4e00-\u9fff]{2,20})*[,，;；]?$")
_UNIT_END = re.compile(r"(?:办|局|委|部|院|厅|中心|政府|室|会|处|所|队|站|行|司|团|社|公司)$")
_LINE_ANNOTATION = re.compile(rf"(?m)^[ \t]*(?:{_LEAD}|{_RESP})\s*[:：][^\n]*")
MIN_LEADS = 2


@dataclass
class Annotation:
    start: int
    end: int
    inner: str
    has_lead: bool
    has_resp: bool
    unlabelled_lead: str | None  # units listed before the first label without 牵头单位


@dataclass
class Clause:
    heading: Heading
    start: int
    end: int
    annotations: list[Annotation]


def assigns_tasks(doc: Document) -> bool:
    return len(re.findall(_LEAD, doc.text)) >= MIN_LEADS


def annotations(text: str, start: int, end: int) -> list[Annotation]:
    out = []
    for m in _PAREN.finditer(text, start, end):
        inner = m.group("inner")
        labels = list(_LABEL.finditer(inner))
        if not labels and not re.search(r"[\u4e00-\u9fff]{2,}牵头", inner):
            continue
        before = inner[:labels[0].start()].strip(" :：,，;；") if labels else ""
        unlabelled = None
        if before and "牵头" not in before and _UNIT_LIST.match(before) and all(_UNIT_END.search(u) for u in re.split(r"[、,，;；]", before) if u):
            unlabelled = before
        out.append(Annotation(m.start(), m.end(), inner,
                              has_lead="牵头" in inner,
                              has_resp=any(x.group("resp") for x in labels) or bool(_OTHERS_RESPONSIBLE.search(inner)),
                              unlabelled_lead=unlabelled))
    for m in _LINE_ANNOTATION.finditer(text, start, end):
        if any(a.start <= m.start() < a.end for a in out):
            continue
        line = m.group(0)
        out.append(Annotation(m.start(), m.end(), line, bool(re.search(_LEAD, line)),
                              bool(re.search(_RESP, line)), None))
    return sorted(out, key=lambda a: a.start)


def task_clauses(doc: Document) -> list[Clause]:
    """Clauses (headings at the level that carries unit annotations) under parts that assign tasks."""
    headings = doc.headings
    spans = []
    for i, h in enumerate(headings):
        end = next((g.start for g in headings[i + 1:] if g.level <= h.level), len(doc.text))
        spans.append((h, h.start, end))
    annotated_levels: dict[int, int] = {}
    for h, start, end in spans:
        own_end = next((g.start for g in headings if g.start > h.start), end)
        if annotations(doc.text, start, own_end):
            annotated_levels[h.level] = annotated_levels.get(h.level, 0) + 1
    if not annotated_levels:
        return []
    level = max(annotated_levels, key=lambda lvl: (annotated_levels[lvl], -lvl))
    clauses = [Clause(h, s, e, annotations(doc.text, s, e)) for h, s, e in spans if h.level == level]
    # Only parts where some clause carries an annotation assign tasks (总体要求 does not).
    parents: dict[int, int] = {}
    for clause in clauses:
        parent = _parent_start(headings, clause.heading)
        parents[parent] = parents.get(parent, 0) + bool(clause.annotations)
    return [c for c in clauses if parents.get(_parent_start(headings, c.heading), 0) > 0]


def _parent_start(headings: list[Heading], heading: Heading) -> int:
    parent = -1
    for h in headings:
        if h.start >= heading.start:
            break
        if h.level < heading.level:
            parent = h.start
    return parent


@predicate("ip.lead-label")
def lead_label(ctx: CheckContext) -> Iterator[Hit]:
    """Lead units listed before 责任单位 without the 牵头单位 label."""
    doc = ctx.doc
    if not assigns_tasks(doc):
        return
    for a in annotations(doc.text, 0, len(doc.text)):
        if a.unlabelled_lead and not a.has_lead:
            yield Hit(a.start, a.end, {"units": a.unlabelled_lead})


@predicate("ip.task-units")
def task_units(ctx: CheckContext) -> Iterator[Hit]:
    """A task clause that names no lead unit or (where the plan names them) no responsible unit."""
    doc = ctx.doc
    if not assigns_tasks(doc):
        return
    clauses = task_clauses(doc)
    with_resp = sum(any(a.has_resp for a in c.annotations) for c in clauses)
    expects_resp = with_resp * 2 >= len(clauses) and with_resp > 0
    for c in clauses:
        lead = any(a.has_lead or a.unlabelled_lead for a in c.annotations)
        resp = any(a.has_resp for a in c.annotations)
        missing = [name for name, ok in (("牵头单位", lead), ("责任单位", resp or not expects_resp)) if not ok]
        if missing:
            end = c.heading.end
            yield Hit(c.heading.start, end, {"missing": "和".join(missing),
                                             "missing_en": " and ".join(
                                                 {"牵头单位": "lead unit", "责任单位": "responsible unit"}[m]
                                                 for m in missing)})


_INVALID_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)")
_DEADLINE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?:年底|底|年末|末|上半年|(?P<m>\d{1,2})\s*月"
                       r"(?:\s*(?P<d>\d{1,2})\s*日)?(?:底|末)?)?\s*(?:前|以前|之前)")


@predicate("ip.task-deadline")
def task_deadline(ctx: CheckContext) -> Iterator[Hit]:
    """A task deadline that is no real date, or that had passed when the plan was issued."""
    doc = ctx.doc
    if not assigns_tasks(doc):
        return
    clauses = task_clauses(doc)
    spans = [(c.start, c.end) for c in clauses] or [(0, len(doc.text))]
    inside = lambda pos: any(s <= pos < e for s, e in spans)  # noqa: E731
    reported: set[int] = set()
    for fact in ctx.fact_family("dates"):
        if inside(fact.start) and (fact.attrs or {}).get("invalid"):
            reported.add(fact.start)
            yield Hit(fact.start, fact.end, {"problem": "不是有效日期", "problem_en": "is not a valid date"})
    for m in _INVALID_MONTH.finditer(doc.text):
        if inside(m.start()) and not 1 <= int(m.group(2)) <= 12 and m.start() not in reported:
            reported.add(m.start())
            yield Hit(m.start(), m.end(), {"problem": "不是有效日期", "problem_en": "is not a valid date"})
    issued = doc.date
    if issued is None:
        return
    for m in _DEADLINE.finditer(doc.text):
        if not inside(m.start()) or m.start() in reported:
            continue
        deadline = _deadline_date(m)
        if deadline is None or deadline >= issued:
            continue
        sentence_start = max(doc.text.rfind(p, 0, m.start()) for p in "。;\n")
        if re.search(r"已|截至目前", doc.text[sentence_start + 1:m.start()]):
            continue
        yield Hit(m.start(), m.end(), {"problem": f"早于方案印发日期 {issued.isoformat()}",
                                       "problem_en": f"is earlier than the plan's date {issued.isoformat()}"})


def _deadline_date(m: re.Match[str]) -> dt.date | None:
    year = int(m.group("y"))
    month = int(m.group("m")) if m.group("m") else 12
    if not 1 <= month <= 12:
        return None
    if m.group("d"):
        try:
            return dt.date(year, month, int(m.group("d")))
        except ValueError:
            return None
    if "上半年" in m.group(0):
        return dt.date(year, 6, 30)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@predicate("ip.clause-numbering")
def clause_numbering(ctx: CheckContext) -> Iterator[Hit]:
    """The task clauses are numbered without gaps, repeats or reversals."""
    doc = ctx.doc
    if not assigns_tasks(doc):
        return
    clauses = task_clauses(doc)
    if not clauses:
        return
    level = clauses[0].heading.level
    relevant = [h for h in doc.headings if h.level <= level]
    for h, problem, values in numbering_problems(relevant, ("gap", "repeat", "out_of_order")):
        if h.level != level:
            continue
        names = {"gap": "跳号", "repeat": "重复", "out_of_order": "倒序"}
        yield Hit(h.start, h.start + max(1, len(h.marker)), {"problem": names[problem],
                                                              "expected": values.get("expected", "")})
