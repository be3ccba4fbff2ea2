"""Durations: `7天`, `七日`, `15个工作日内`, `不少于30日`, `两个月`, `5年`, with what they qualify."""

from __future__ import annotations

import re

from .keywords import SUBJECT_NAMES, SUBJECT_RE, canonical
from .numerals import cn_to_int
from .segments import boundaries
from .types import Duration, Fact, FactContext

_CN_NUM = "一二三四五六七八九十两俩百千"
_CN_ANY = _CN_NUM + "〇零○廿卅"
_PREFIX_QUALIFIERS = {
    "不少于": "at_least", "不得少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不短于": "at_least", "满": "at_least",
    "不超过": "at_most", "不得超过": "at_most", "不多于": "at_most", "最长": "at_most",
    "最多": "at_most", "不超出": "at_most", "最长不超过": "at_most", "最长不得超过": "at_most",
}
_SUFFIX_QUALIFIERS = {"内": "within", "以内": "within", "之内": "within", "以上": "at_least",
                      "以下": "at_most"}
_UNITS = {"个工作日": "working_day", "工作日": "working_day", "自然日": "day", "日": "day",
          "天": "day", "个月": "month", "年": "year"}

DURATION_RE = re.compile(
    rf"(?=[\d{_CN_NUM}不至满最])"  # lets the engine skip most positions quickly
    r"(?:(?P<q>" + "|".join(sorted(_PREFIX_QUALIFIERS, key=len, reverse=True)) + r")[ \u3000]{0,2})?"
    rf"(?<![\d.{_CN_ANY}第年月])"
    rf"(?P<n>\d{{1,3}}|[{_CN_NUM}]{{1,4}})[ \u3000]{{0,2}}"
    r"(?P<u>个工作日|工作日|自然日|个月|日|天|年)"
    r"(?P<s>以内|之内|以上|以下|内)?"
)
# A `年` after a number is a duration only when it is not part of a year/term name.
_YEAR_UNIT_EXCLUDED = re.compile(r"年(?:度|级|底|初|末|份|代|前|号)")
# A clause whose duration describes the previous clause's procedure: `…公开征求意见,期限不少于30日`,
# or follows a topic clause ending in 的: `举行听证的,应当提前七日通知`.
_CONTINUATION = re.compile(r"[ \u3000]{0,2}(?:期限|时限|时间|期间|为期)")
SUBJECT_WINDOW = 30


def extract_durations(text: str, context: FactContext) -> list[Fact]:
    return context.memo("durations", text, lambda: _extract(text, context))


def _extract(text: str, context: FactContext) -> list[Fact]:
    bounds = boundaries(text, context)
    out: list[Fact] = []
    for m in DURATION_RE.finditer(text):
        unit_raw = m.group("u")
        if unit_raw == "年" and _YEAR_UNIT_EXCLUDED.match(text, m.start("u")):
            continue
        amount = cn_to_int(m.group("n"))
        if amount is None or amount <= 0:
            continue
        qualifier = None
        if m.group("q"):
            qualifier = _PREFIX_QUALIFIERS[m.group("q")]
        elif m.group("s"):
            qualifier = _SUFFIX_QUALIFIERS[m.group("s")]
        duration = Duration(amount, _UNITS[unit_raw])
        attrs = {
            "qualifier": qualifier,
            "subject": _subject(text, bounds, m.start(), m.end()),
            "numerals": "arabic" if m.group("n").isdigit() else "chinese",
        }
        out.append(Fact("duration", m.start(), m.end(), m.group(0), duration, attrs))
    return out


def _subject(text: str, bounds, start: int, end: int) -> str | None:
    """The procedure named nearest to the duration, in its clause (or the clause it continues)."""
    clause_start, clause_end = bounds.clause(start)
    lo = max(clause_start, start - SUBJECT_WINDOW)
    hi = min(clause_end, end + SUBJECT_WINDOW)
    best: tuple[int, str] | None = None
    for km in SUBJECT_RE.finditer(text, lo, hi):
        if km.start() < end and km.end() > start:
            continue
        distance = start - km.end() if km.end() <= start else km.start() - end
        if best is None or distance < best[0]:
            best = (distance, canonical(km, SUBJECT_NAMES))
    if best is not None:
        return best[1]
    if clause_start > 0 and (_CONTINUATION.match(text, clause_start, start)
                             or text[max(0, clause_start - 2)] == "的"):
        prev_start = max(bounds.clause(clause_start - 1)[0], clause_start - 1 - SUBJECT_WINDOW)
        found = None
        for km in SUBJECT_RE.finditer(text, prev_start, clause_start - 1):
            found = canonical(km, SUBJECT_NAMES)
        return found
    return None
