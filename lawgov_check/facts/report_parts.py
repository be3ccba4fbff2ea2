"""The required parts of an annual report (督察工作规定 第二十五条), found once per document.

Parts are recognised by meaning: real reports word and order them differently, put the
first-responsible-person part in a part of its own or in a subsection, and some organise their
achievements by topic with no "成效" heading. A passing mention inside another part (the plans part
saying the duty will be included in year-end reviews) is not the part.

Each fact is one part: `value` its code (measures, shortcomings, first_responsible, plans), the span
its anchor (a heading, an unmarked heading line, or a paragraph opening on the duty), `attrs.level`
(1–4 heading levels, 5 an unmarked line, 6 a paragraph lead), `attrs.words` the anchor's own words
(a heading without its number, up to its first full stop) and `attrs.section` the span of the whole
part (to the next heading at the same or a higher level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..identify.report_parts import FIRST_RESPONSIBLE, parts_named
from ..model import Document
from .types import Fact

_UNMARKED_HEADING_MAX = 40
_SENTENCE_STOP = re.compile(r"[。;；]")
# A sentence that mentions the duty as something to be done, not as how it was fulfilled.
_FUTURE = re.compile(r"将|纳入|列入|拟|计划|作为.{0,8}(?:内容|重要内容)")
PART_CODES = ("measures", "shortcomings", "first_responsible", "plans")


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    level: int


def _anchors(doc: Document) -> list[Anchor]:
    anchors = [Anchor(h.start, h.end, _lead_phrase(h.text) if h.level > 1 else h.text, h.level)
               for h in doc.headings]
    heading_starts = {h.start for h in doc.headings}
    for node in doc.root.walk():
        if node.kind != "paragraph" or node.start in heading_starts:
            continue
        line = node.text.strip()
        if 2 <= len(line) <= _UNMARKED_HEADING_MAX and not _SENTENCE_STOP.search(line[:-1]):
            anchors.append(Anchor(node.start, node.end, line, 5))
        elif FIRST_RESPONSIBLE.search(line[:40]):
            anchors.append(Anchor(node.start, node.end, line[:40], 6))
    return sorted(anchors, key=lambda a: a.start)


def _lead_phrase(text: str) -> str:
    """A sub-heading's own words: up to its first full stop (many run on into their paragraph)."""
    return _SENTENCE_STOP.split(text, maxsplit=1)[0][:40]


def _run_in_heading(text: str) -> bool:
    """A paragraph that opens on the duty (一是压实责任。落实第一责任人职责规定…), not a sentence that
    mentions it as a plan in passing (将履行第一责任人职责情况纳入年终述职)."""
    match = FIRST_RESPONSIBLE.search(text[:40])
    if match is None:
        return False
    clause_start = max(text.rfind(p, 0, match.start()) for p in "，,。；;：:") + 1
    ends = [i for i in (text.find(p, match.end()) for p in "，,。；;") if i != -1]
    return not _FUTURE.search(text[clause_start:min(ends) if ends else len(text)])


def section_span(doc: Document, start: int, level: int) -> tuple[int, int]:
    """From `start` to the next heading at the same or a higher level."""
    level = min(level, 4)
    return start, next((h.start for h in doc.headings if h.start > start and h.level <= level), len(doc.text))


def _inside_other_part(doc: Document, anchor: Anchor, found: dict[str, Anchor]) -> bool:
    """The anchor sits inside the plans or the shortcomings part: there the duty is a plan or a
    problem, not the part on how it was fulfilled."""
    for part in (found.get("plans"), found.get("shortcomings")):
        if part is not None and part.level <= 5 and part.start < anchor.start:
            if anchor.start < section_span(doc, part.start, part.level)[1]:
                return True
    return False


def _topical_sections(doc: Document, found: dict[str, Anchor]) -> Anchor | None:
    """Reports that set out their achievements by topic (一、依法全面履行政府职能…) have measures."""
    first_other = min((a.start for a in found.values()), default=len(doc.text))
    for h in doc.headings:
        if h.level == 1 and h.start < first_other and not parts_named(h.text, None):
            return Anchor(h.start, h.end, h.text, 1)
    if not any(h.level == 1 for h in doc.headings):
        body = [n for n in doc.root.walk() if n.kind == "paragraph" and n.end <= first_other]
        if sum(len(n.text) for n in body) >= 600:
            return Anchor(body[0].start, body[0].end, body[0].text[:40], 6)
    return None


def _find(doc: Document) -> dict[str, Anchor]:
    year = doc.identity.body_year.value or doc.year
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


def extract_report_parts(doc: Document) -> list[Fact]:
    """The anchor of every required part the document has, in text order."""
    facts = [Fact("report_part", a.start, a.end, doc.text[a.start:a.end], part,
                  {"level": a.level, "words": a.text, "section": section_span(doc, a.start, a.level)})
             for part, a in _find(doc).items()]
    return sorted(facts, key=lambda f: (f.start, f.value))
