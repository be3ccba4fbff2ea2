"""Which rulesets and rules apply to a document, and why (reasons in Chinese)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loader import Applicability, Rule, Ruleset

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


def _reason_outside(applies: Applicability, subject: Subject) -> str | None:
    """Why the subject falls outside the applicability, or None when it falls inside."""
    if "*" not in applies.doc_types and subject.doc_type not in applies.doc_types:
        return f"文档类型 {subject.doc_type or '未识别'} 不在适用范围 ({', '.join(applies.doc_types)})"
    if "*" not in applies.subtypes and subject.subtype is not None and subject.subtype not in applies.subtypes:
        return f"文档子类型 {subject.subtype} 不在适用范围 ({', '.join(applies.subtypes)})"
    if "*" not in applies.jurisdictions and not any(
            jurisdiction_matches(j, subject.jurisdictions) for j in applies.jurisdictions):
        where = "、".join(subject.jurisdictions) or "未识别"
        return f"辖区 {where} 不在适用范围 ({', '.join(applies.jurisdictions)})"
    if subject.date and applies.date_from and subject.date < applies.date_from:
        if applies.in_force_title:
            return f"成文日期 {subject.date} 早于《{applies.in_force_title}》施行（{applies.in_force_date}）"
        return f"成文日期 {subject.date} 早于适用起始日期 {applies.date_from}"
    if subject.date and applies.date_to and subject.date > applies.date_to:
        return f"成文日期 {subject.date} 晚于适用截止日期 {applies.date_to}"
    if subject.year and applies.year_from and subject.year < applies.year_from:
        if applies.in_force_title:
            return f"{subject.year} 年度报告早于《{applies.in_force_title}》施行（{applies.in_force_date}）"
        return f"报告年度 {subject.year} 早于适用起始年度 {applies.year_from}"
    if subject.year and applies.year_to and subject.year > applies.year_to:
        return f"报告年度 {subject.year} 晚于适用截止年度 {applies.year_to}"
    return None


def _reason_inside(applies: Applicability, subject: Subject) -> str:
    parts = []
    parts.append("适用于所有文档类型" if "*" in applies.doc_types else f"文档类型 {subject.doc_type} 在适用范围内")
    if "*" not in applies.jurisdictions:
        parts.append(f"辖区 {'、'.join(subject.jurisdictions)} 在适用范围内")
    if (applies.date_from or applies.date_to) and subject.date is None:
        parts.append("成文日期未识别，未按日期排除")
    if (applies.year_from or applies.year_to) and subject.year is None:
        parts.append("报告年度未识别，未按年度排除")
    return "；".join(parts)


def ruleset_decision(ruleset: Ruleset, subject: Subject, selection: Selection) -> tuple[bool, str]:
    if selection.rulesets:
        if ruleset.id not in selection.rulesets:
            return False, "未在 --ruleset 中选定"
        return True, "由 --ruleset 指定"
    outside = _reason_outside(ruleset.applies_to, subject)
    if outside:
        return False, outside
    return True, _reason_inside(ruleset.applies_to, subject)


def rule_applies(rule: Rule, subject: Subject) -> bool:
    return _reason_outside(rule.applies_to, subject) is None


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(code.startswith(p.upper()) for p in patterns)


def code_selected(code: str, selection: Selection) -> bool:
    if selection.select and not _matches(code, selection.select):
        return False
    return not _matches(code, selection.ignore)
