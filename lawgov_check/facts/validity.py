"""Validity periods a document states for itself: 有效期5年, 有效期两年六个月 (as 有效期30个月),
有效期至2026年4月30日, 自2021年5月1日起施行…至2026年4月30日止.

Each is a `validity_period` fact whose value is a Duration (years, months) or `{start, end}` dates;
a bare mention of 有效期 that states no length is a fact too (value None), so that "no validity
period stated" and "a validity period too long" read the same family. A date given as the end
runs from the effective date the text states (自…起), else from the document's date.
"""

from __future__ import annotations

import datetime as dt
import re

from .numerals import cn_to_int
from .types import Duration, Fact, FactContext

_NUM = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_LEAD = r"有效期(?:为|是|暂定为?)?(?:自[^。;]{0,30}?起)?\s*"
_VALID_LENGTH = re.compile(_LEAD + _NUM + r"\s*(年|个月)")
_VALID_UNTIL = re.compile(r"有效期(?:至|到|截至)\s*" + _DATE)
_FROM_TO = re.compile(r"自\s*" + _DATE + r"\s*起[^。;]{0,12}?(?:施行|实施|生效)?[^。;]{0,6}?(?:至|到)\s*" + _DATE
                      + r"\s*(?:止|废止|失效|截止)?")
_EFFECTIVE = re.compile(r"自\s*" + _DATE + r"\s*(?:起|之日起)")
_FROM_ISSUE = re.compile(r"自(?:印发|发布|公布)之日起(?:施行|实施)")
_MENTION = re.compile(r"有效期")


def _date(groups: tuple[str | None, ...]) -> dt.date | None:
    try:
        return dt.date(int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0))
    except ValueError:
        return None


def extract_validity_periods(text: str, context: FactContext) -> list[Fact]:
    out: list[Fact] = []
    for m in _VALID_LENGTH.finditer(text):
        amount = cn_to_int(m.group(1))
        value = Duration(amount, "year" if m.group(2) == "年" else "month") if amount else None
        out.append(Fact("validity_period", m.start(), m.end(), m.group(0), value))
    effective = _EFFECTIVE.search(text)
    start = _date(effective.groups()[:3]) if effective else None
    if start is None and _FROM_ISSUE.search(text):
        start = context.reference_date
    for m in _VALID_UNTIL.finditer(text):
        begin = start or context.reference_date
        value = {"start": begin, "end": _date(m.groups()[:3])} if begin else None
        out.append(Fact("validity_period", m.start(), m.end(), m.group(0), value))
    for m in _FROM_TO.finditer(text):
        value = {"start": _date(m.groups()[:3]), "end": _date(m.groups()[3:6])}
        out.append(Fact("validity_period", m.start(), m.end(), m.group(0), value))
    measured = [(f.start, f.end) for f in out]
    for m in _MENTION.finditer(text):
        if not any(s <= m.start() < e for s, e in measured):
            out.append(Fact("validity_period", m.start(), m.end(), m.group(0), None))
    return sorted(out, key=lambda f: (f.start, f.end))
