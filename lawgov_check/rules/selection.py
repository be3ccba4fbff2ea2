"""Which rulesets and rules apply to a document, and why (reasons as codes, worded by `reasons`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loader import Applicability, Rule, Ruleset
from .reasons import Reason

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "特别行政区", "省", "市", "区", "县", "盟", "旗")


@dataclass(frozen=True)
class Subject:
    """What applicability is decided on: the document's (or the user's) type, place and dates."""

    doc_type: str | None
    jurisdictions: tuple[str, ...] = ()
    subtype: str | None = None  # None: not recognised, so not excluded by a rule's subtypes
    date: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True)
class Selection:
    rulesets: tuple[str, ...] = ()   # --ruleset: only these, applied whatever the document
    select: tuple[str, ...] = ()     # --select: codes or prefixes
    ignore: tuple[str, ...] = ()     # --ignore: codes or prefixes


def _bare(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def jurisdiction_matches(wanted: str, names: tuple[str, ...]) -> bool:
    return any(name == wanted or _bare(name) == _bare(wanted) for name in names)


def _reason_outside(applies: Applicability, subject: Subject) -> Reason | None:
    """Why the subject falls outside the applicability, or None when it falls inside."""
    if "*" not in applies.doc_types and subject.doc_type not in applies.doc_types:
        return Reason("type-outside", {"doc_type": subject.doc_type, "allowed": ", ".join(applies.doc_types)})
    if "*" not in applies.subtypes and subject.subtype is not None and subject.subtype not in applies.subtypes:
        return Reason("subtype-outside", {"subtype": subject.subtype, "allowed": ", ".join(applies.subtypes)})
    if "*" not in applies.jurisdictions and not any(
            jurisdiction_matches(j, subject.jurisdictions) for j in applies.jurisdictions):
        return Reason("place-outside", {"place": "、".join(subject.jurisdictions) or None,
                                        "allowed": ", ".join(applies.jurisdictions)})
    law = {"law": applies.in_force_title, "effective": applies.in_force_date}
    if subject.date and applies.date_from and subject.date < applies.date_from:
        if applies.in_force_title:
            return Reason("before-law", {"date": subject.date, **law})
        return Reason("before-start", {"date": subject.date, "start": applies.date_from})
    if subject.date and applies.date_to and subject.date > applies.date_to:
        return Reason("after-end", {"date": subject.date, "end": applies.date_to})
    if subject.year and applies.year_from and subject.year < applies.year_from:
        if applies.in_force_title:
            return Reason("year-before-law", {"year": subject.year, **law})
        return Reason("year-before-start", {"year": subject.year, "start": applies.year_from})
    if subject.year and applies.year_to and subject.year > applies.year_to:
        return Reason("year-after-end", {"year": subject.year, "end": applies.year_to})
    return None


def _reasons_inside(applies: Applicability, subject: Subject) -> list[Reason]:
    reasons = [Reason("all-types") if "*" in applies.doc_types else Reason("type-inside", {"doc_type": subject.doc_type})]
    if "*" not in applies.jurisdictions:
        reasons.append(Reason("place-inside", {"place": "、".join(subject.jurisdictions)}))
    if (applies.date_from or applies.date_to) and subject.date is None:
        reasons.append(Reason("date-unknown"))
    if (applies.year_from or applies.year_to) and subject.year is None:
        reasons.append(Reason("year-unknown"))
    return reasons


def ruleset_decision(ruleset: Ruleset, subject: Subject, selection: Selection) -> tuple[bool, list[Reason]]:
    if selection.rulesets:
        if ruleset.id not in selection.rulesets:
            return False, [Reason("not-chosen")]
        return True, [Reason("chosen")]
    outside = _reason_outside(ruleset.applies_to, subject)
    if outside:
        return False, [outside]
    return True, _reasons_inside(ruleset.applies_to, subject)


def rule_applies(rule: Rule, subject: Subject) -> bool:
    return _reason_outside(rule.applies_to, subject) is None


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(code.startswith(p.upper()) for p in patterns)


def code_selected(code: str, selection: Selection) -> bool:
    if selection.select and not _matches(code, selection.select):
        return False
    return not _matches(code, selection.ignore)
