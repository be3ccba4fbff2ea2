"""One authority for what a document is: its type and subtype, title, 发文字号, date, issuer, report
year and jurisdiction, each decided once from all the evidence and carried with that evidence.

The parse output, the rules and the reporters read these decisions; none derives them again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Heading, Jurisdiction, Node, NormalizedText
from .doc_type import UNSURE, TypeInputs, decide_type
from .evidence import Decision, Evidence
from .fields import (decide_body_year, decide_date, decide_doc_number, decide_issuer, decide_report_year,
                     decide_truncation, note_date, note_number, number_after_title, publication_note)
from .header import HeaderPlan, ends_with_kind, scan_header
from .jurisdiction import jurisdiction_of
from .title import decide_title
from . import vocabulary as v

__all__ = ["Identity", "identify", "scan_header", "HeaderPlan", "Decision", "Evidence"]

OPENING_CHARS = 600
MAX_WRITTEN = 200


@dataclass
class Identity:
    doc_type: Decision[str]
    subtype: Decision[str]
    title: Decision[str]
    doc_number: Decision[str]
    date: Decision[dt.date]
    issuer: Decision[str]
    year: Decision[int]  # for an annual report the year reported on, else the year of the date
    body_year: Decision[int]  # the year an annual report's body says it reports on (AR07 compares)
    truncated: Decision[bool]  # the text stops mid-sentence: what would follow cannot be judged
    jurisdiction: Jurisdiction
    title_candidate: int | None = None  # which header title candidate was chosen (index into the plan)
    notes: list[str] = field(default_factory=list)  # what a reader should know (an uncertain type)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name).to_dict()
                for name in ("doc_type", "subtype", "title", "doc_number", "date", "issuer", "year", "body_year",
                             "truncated")}

    def state(self, **values: Any) -> "Identity":
        """Replace decisions with values a caller states (a test, an example, a workflow manifest)."""
        for name, value in values.items():
            setattr(self, name, Decision(value, 1.0, (Evidence("option", "调用方指定 (stated by the caller)", str(value)),)))
        return self

    def with_type(self, doc_type: str) -> "Identity":
        """The identity with the type a user stated (--doc-type) instead of the recognised one."""
        self.doc_type = Decision(doc_type, 1.0, (Evidence("option", "用户指定 (--doc-type)", doc_type),))
        self.subtype = Decision(None)
        self.notes = [n for n in self.notes if "--doc-type" not in n]
        return self


_GAP = re.compile(r"[ \t\u3000]*\n[ \t\u3000\n]*")


def _as_written(norm: NormalizedText, decision: Decision[str]) -> Decision[str]:
    """The decision with its value in the original characters: the first place the normalized text
    holds the value (lines of a title split over several are joined again)."""
    value = decision.value
    if not value:
        return decision
    start = norm.text.find(value)
    end = start + len(value)
    if start < 0:
        parts = re.finditer(r"\s*".join(re.escape(ch) for ch in value[:MAX_WRITTEN]), norm.text)
        match = next(parts, None) if len(value) <= MAX_WRITTEN else None
        if match is None:
            return decision
        start, end = match.span()
    written = _GAP.sub("", norm.original(start, end)).strip()
    return replace(decision, written=written) if written != value else decision


def _opening_parts(root: Node) -> list[str]:
    """The texts of the first paragraphs, headings and articles, up to OPENING_CHARS in all."""
    text: list[str] = []
    total = 0
    for node in root.walk():
        if node.kind in ("paragraph", "heading", "article") and not node.attrs.get("header"):
            text.append(node.text)
            total += len(node.text)
            if total >= OPENING_CHARS:
                break
    return text


def _named_first(root: Node, locate: Any) -> tuple[str, int, str] | None:
    """The name the first paragraph gives the document, with its line and the cue: the rule an order
    publishes (《…》已经…通过，现予公布), or the subject of an encyclopedia's lead (《…》是…发布的…)."""
    children = root.children
    start = next((i for i, n in enumerate(children) if n.kind == "paragraph" and not n.attrs.get("header")), None)
    if start is None:
        return None
    first, joined = children[start], children[start].text
    for node in children[start + 1: start + 4]:
        if node.kind != "paragraph" or "。" in joined:
            break
        joined += node.text  # a sentence wrapped over lines
    match = v.PROMULGATION_SENTENCE.match(joined)
    if match:
        return match["name"], locate(first.start).line, "令所公布的规章名称 (the name of the rule the order publishes)"
    match = v.ENCYCLOPEDIA_LEAD.match(joined)
    if match and ends_with_kind(match["name"]):
        return match["name"], locate(first.start).line, "百科条目开头所述的文件名称 (the document an encyclopedia's lead names)"
    return None


def identify(norm: NormalizedText, plan: HeaderPlan, root: Node, headings: list[Heading],
             metadata: dict[str, str], header_texts: list[str], line_numbers: list[int]) -> Identity:
    """`header_texts[i]` and `line_numbers[i]` are the text and the original line of grammar line i."""
    locate = norm.locate
    # the title of a document standing under a page's lead, else of one issued under a covering notice
    lead = next(((n.text, locate(n.start).line) for n in root.children if n.kind == "title" and n.attrs.get("lead")), None)
    embedded = next(((n.text, locate(n.start).line) for n in root.children
                     if n.kind == "title" and n.attrs.get("embedded")), None)
    first_line = next(((t.strip(), line_numbers[i]) for i, t in enumerate(header_texts) if t.strip()), None)
    opening_parts = _opening_parts(root)
    opening = "".join(opening_parts)[:OPENING_CHARS]
    title = decide_title(plan, line_numbers, lead or embedded, first_line, _named_first(root, locate))
    number_node = next((n for n in root.walk() if n.kind == "doc_number" and n.attrs.get("form") != "registration"), None)
    doc_number = decide_doc_number(plan, header_texts, line_numbers, number_node,
                                   locate(number_node.start).line if number_node else None)
    if doc_number.value is None and title.decision.value and first_line and first_line[0].startswith(title.decision.value):
        doc_number = number_after_title(first_line, len(title.decision.value))
    signature = next((n for n in root.walk() if n.kind == "signature_date"), None)
    closing = [(n.text, locate(n.start).line) for n in root.walk() if n.kind == "paragraph"][-8:][::-1]
    date = decide_date((signature.text, locate(signature.start).line) if signature else None,
                       plan, header_texts, line_numbers, closing)
    organs = [n.text for n in root.walk() if n.kind == "signature_organ"]
    issuer = decide_issuer(organs, plan, header_texts, title.decision.value, line_numbers)
    notes_text = [header_texts[i] for i, role in plan.roles.items() if role == "note"]
    order_note = None if notes_text else publication_note(header_texts, line_numbers)
    if order_note is not None:  # a page whose header ended before the note (a wiki's summary first)
        notes_text = [order_note[0]]
        doc_number = doc_number if doc_number.value else note_number(order_note)
        date = date if date.value else note_date(order_note)
    doc_type, subtype = decide_type(TypeInputs(
        title=title.decision.value, metadata=metadata, headings=headings, opening=opening, text=norm.text,
        doc_number=doc_number.value, has_addressee=any(n.kind == "addressee" for n in root.children),
        embedded_title=embedded[0] if embedded else None, header_notes=notes_text))
    body_year = decide_body_year(headings, opening) if doc_type.value == "annual_report" else Decision(None)
    if doc_type.value == "annual_report":
        year = decide_report_year(title.decision.value, headings, opening, body_year, date)
    elif date.value is not None:
        year = Decision(date.value.year, date.confidence, date.evidence)
    else:
        year = Decision(None)
    truncated = decide_truncation(root, locate)
    notes = []
    if truncated.value:
        notes.append("文本在句中截断，似不完整：其后应有的内容（如年度报告的其余部分）未予判断 "
                     "(the text stops mid-sentence: what should follow it is not judged)")
    if doc_type.confidence <= UNSURE:
        notes.append(f"文档类型不确定（识别为 {doc_type.value}），可用 --doc-type 指定 "
                     f"(the document type is uncertain: state it with --doc-type)")
    return Identity(
        doc_type=doc_type, subtype=subtype, title=_as_written(norm, title.decision),
        doc_number=_as_written(norm, doc_number), date=date,
        issuer=issuer, year=year, body_year=body_year, truncated=truncated,
        # the opening's parts kept apart: 市长 张三 / 市人民政府决定… would read as a city 张三市
        jurisdiction=jurisdiction_of(metadata, issuer.value, title.decision.value or "", "\n".join(opening_parts),
                                     norm.text),
        title_candidate=plan.candidates.index(title.candidate) if title.candidate is not None else None,
        notes=notes)
