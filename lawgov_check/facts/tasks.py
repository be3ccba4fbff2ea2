"""Tasks a plan assigns (实施方案、工作要点): unit annotations, task clauses and their deadlines.

Only a document whose text names 牵头单位 (or 牵头部门) at least twice assigns tasks; for any other
the three families are empty. There is no doc type for plans, so this is the gate.

- `task_annotations`: a unit annotation — `（牵头单位：…；责任单位：…）` or a line `责任单位：…`;
  `value` its inner text, `attrs.has_lead`, `attrs.has_resp`, `attrs.unlabelled_lead` (units listed
  before the first label without 牵头单位, or None).
- `task_clauses`: a heading at the level that carries the annotations, under a part where some
  clause carries one; the span is the heading, `attrs.section` the clause, `attrs.missing` what it
  lacks (`lead`, `responsible`, `lead-and-responsible` or None — responsible units only where at
  least half the clauses name them).
- `task_deadlines`: a deadline inside a clause (2021年6月30日前, 2021年底前); `value` the last day it
  allows (None when it is no date), `attrs.problem` `invalid`, `before-issue` (earlier than the
  document's date, unless the sentence reports it done) or None, `attrs.issued` that date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..lazyre import lazy
from ..model import Document, Heading
from .types import Fact

_LEAD = r"牵头(?:单位|部门)"
_RESP = r"(?:责任|落实|承办|实施)(?:单位|部门)"
_OTHERS_RESPONSIBLE = lazy(r"(?:各|相关|有关)[^,，;；:：()（）]{0,12}(?:负责|落实|配合)")
_LABEL = lazy(rf"(?P<lead>{_LEAD}|牵头\s*[:：])|(?P<resp>{_RESP})|(?P<help>配合(?:单位|部门)|协办单位)")
# One level of nesting: （牵头单位：市司法局；责任单位：各县（市、区）人民政府）.
_PAREN = lazy(r"[(（](?P<inner>(?:[^()（）\n]|[(（][^()（）\n]{0,40}[)）]){2,400})[)）]")
_UNIT_LIST = lazy(r"^[\u4e00-\u9fff]{2,20}(?:[、,，][\u4e00-\u9fff]{2,20})*[,，;；]?$")
_UNIT_END = re.compile(r"(?:办|局|委|部|院|厅|中心|政府|室|会|处|所|队|站|行|司|团|社|公司)$")
_LINE_ANNOTATION = re.compile(rf"(?m)^[ \t]*(?:{_LEAD}|{_RESP})\s*[:：][^\n]*")
_INVALID_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)")
_DEADLINE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?:年底|底|年末|末|上半年|(?P<m>\d{1,2})\s*月"
                       r"(?:\s*(?P<d>\d{1,2})\s*日)?(?:底|末)?)?\s*(?:前|以前|之前)")
_DONE = re.compile(r"已|截至目前")
MIN_LEADS = 2


@dataclass(frozen=True)
class _Annotation:
    start: int
    end: int
    inner: str
    has_lead: bool
    has_resp: bool
    unlabelled_lead: str | None

    def fact(self, text: str) -> Fact:
        return Fact("task_annotation", self.start, self.end, text[self.start:self.end], self.inner,
                    {"has_lead": self.has_lead, "has_resp": self.has_resp, "unlabelled_lead": self.unlabelled_lead})


def _unlabelled(before: str) -> str | None:
    units = [u for u in re.split(r"[、,，;；]", before) if u]
    if before and "牵头" not in before and _UNIT_LIST.match(before) and all(_UNIT_END.search(u) for u in units):
        return before
    return None


def _annotations(text: str, start: int, end: int) -> list[_Annotation]:
    out = []
    for m in _PAREN.finditer(text, start, end):
        inner = m.group("inner")
        labels = list(_LABEL.finditer(inner))
        if not labels and not re.search(r"[\u4e00-\u9fff]{2,}牵头", inner):
            continue
        before = inner[:labels[0].start()].strip(" :：,，;；") if labels else ""
        has_resp = any(x.group("resp") for x in labels) or bool(_OTHERS_RESPONSIBLE.search(inner))
        out.append(_Annotation(m.start(), m.end(), inner, "牵头" in inner, has_resp, _unlabelled(before)))
    for m in _LINE_ANNOTATION.finditer(text, start, end):
        if not any(a.start <= m.start() < a.end for a in out):
            line = m.group(0)
            out.append(_Annotation(m.start(), m.end(), line, bool(re.search(_LEAD, line)),
                                   bool(re.search(_RESP, line)), None))
    return sorted(out, key=lambda a: a.start)


def _parent_start(headings: list[Heading], heading: Heading) -> int:
    parent = -1
    for h in headings:
        if h.start >= heading.start:
            break
        if h.level < heading.level:
            parent = h.start
    return parent


def _clauses(doc: Document) -> list[tuple[Heading, int, list[_Annotation]]]:
    """Headings at the level that carries unit annotations, under parts that assign tasks."""
    headings, text = doc.headings, doc.text
    spans = [(h, next((g.start for g in headings[i + 1:] if g.level <= h.level), len(text)))
             for i, h in enumerate(headings)]
    annotated: dict[int, int] = {}
    for h, end in spans:
        own_end = next((g.start for g in headings if g.start > h.start), end)
        if _annotations(text, h.start, own_end):
            annotated[h.level] = annotated.get(h.level, 0) + 1
    if not annotated:
        return []
    level = max(annotated, key=lambda lvl: (annotated[lvl], -lvl))
    clauses = [(h, end, _annotations(text, h.start, end)) for h, end in spans if h.level == level]
    parents: dict[int, int] = {}
    for h, _, notes in clauses:
        parents[_parent_start(headings, h)] = parents.get(_parent_start(headings, h), 0) + bool(notes)
    return [c for c in clauses if parents.get(_parent_start(headings, c[0]), 0) > 0]


def _clause_facts(doc: Document, clauses: list[tuple[Heading, int, list[_Annotation]]]) -> list[Fact]:
    with_resp = sum(any(a.has_resp for a in notes) for _, _, notes in clauses)
    expects_resp = with_resp > 0 and with_resp * 2 >= len(clauses)
    out = []
    for h, end, notes in clauses:
        lead = any(a.has_lead or a.unlabelled_lead for a in notes)
        resp = any(a.has_resp for a in notes) or not expects_resp
        missing = None if lead and resp else "responsible" if lead else "lead" if resp else "lead-and-responsible"
        out.append(Fact("task_clause", h.start, h.end, doc.text[h.start:h.end], h.marker,
                        {"level": h.level, "section": (h.start, end), "missing": missing}))
    return out


def _last_day(m: re.Match[str]) -> dt.date | None:
    year, month = int(m.group("y")), int(m.group("m")) if m.group("m") else 12
    if not 1 <= month <= 12:
        return None
    if m.group("d"):
        try:
            return dt.date(year, month, int(m.group("d")))
        except ValueError:
            return None
    if "上半年" in m.group(0):
        return dt.date(year, 6, 30)
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def _deadline_facts(doc: Document, spans: list[tuple[int, int]], dates: list[Fact]) -> list[Fact]:
    text, issued = doc.text, doc.date
    inside = lambda pos: any(s <= pos < e for s, e in spans)  # noqa: E731
    found: dict[int, Fact] = {}

    def add(start: int, end: int, value: dt.date | None, problem: str | None) -> None:
        found.setdefault(start, Fact("task_deadline", start, end, text[start:end], value,
                                     {"problem": problem, "issued": issued.isoformat() if issued else None}))

    for date in dates:
        if inside(date.start) and date.attrs.get("invalid"):
            add(date.start, date.end, None, "invalid")
    for m in _INVALID_MONTH.finditer(text):
        if inside(m.start()) and not 1 <= int(m.group(2)) <= 12:
            add(m.start(), m.end(), None, "invalid")
    for m in _DEADLINE.finditer(text):
        if not inside(m.start()) or m.start() in found:
            continue
        day = _last_day(m)
        sentence_start = max(text.rfind(p, 0, m.start()) for p in "。;\n") + 1
        late = issued is not None and day is not None and day < issued and not _DONE.search(text[sentence_start:m.start()])
        add(m.start(), m.end(), day, "before-issue" if late else None)
    return sorted(found.values(), key=lambda f: f.start)


def extract_tasks(doc: Document, dates: list[Fact]) -> tuple[list[Fact], list[Fact], list[Fact]]:
    """(task_annotations, task_clauses, task_deadlines) of a document that assigns tasks; `dates`
    are the document's date facts."""
    if len(re.findall(_LEAD, doc.text)) < MIN_LEADS:
        return [], [], []
    clauses = _clauses(doc)
    spans = [(h.start, end) for h, end, _ in clauses] or [(0, len(doc.text))]
    annotations = [a.fact(doc.text) for a in _annotations(doc.text, 0, len(doc.text))]
    return annotations, _clause_facts(doc, clauses), _deadline_facts(doc, spans, dates)
