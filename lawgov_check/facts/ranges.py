"""Date ranges (`自2021年3月1日起至3月10日止`) and deadlines (`截止日期为…`, `…前反馈`)."""

from __future__ import annotations

import re

from .dates import extract_dates
from .types import Fact, FactContext

_RANGE_LINK = re.compile(r"[ \u3000]{0,2}(?:起[ \u3000]{0,2})?(?:至|到|—{1,2}|–|-|－|~|～)[ \u3000]{0,2}")
_RANGE_FROM = re.compile(r"(?:自|从|由|于)[ \u3000]{0,2}$")
_RANGE_STOP = re.compile(r"[ \u3000]{0,2}止")
_DEADLINE_BEFORE = re.compile(
    r"(?:截止(?:日期|时间)?(?:为|是|:|：|到|至)?|截至|最迟于|最迟|不晚于)[ \u3000]{0,2}$")
# A range that starts on the day of publication: 自即日起至10月9日, 自本公告发布之日起至…止.
_FROM_PUBLICATION_TO = re.compile(
    r"(?:即日|今日|(?:本?(?:公告|通知|征求意见稿)?(?:发布|公布|公告|印发|刊登)之日))[ \u3000]{0,2}起?[ \u3000]{0,2}(?:至|到)[ \u3000]{0,2}$")
_FROM_LOOKBACK = 24
_DEADLINE_AFTER = re.compile(r"[ \u3000]{0,2}(?:之前|以前|前)")
_START_AFTER = re.compile(r"[ \u3000]{0,2}起")
_LOOKBACK = 12


def extract_date_ranges(text: str, context: FactContext, dates: list[Fact] | None = None) -> list[Fact]:
    if dates is None:
        dates = extract_dates(text, context)
    out: list[Fact] = []
    i = 0
    while i < len(dates):
        first = dates[i]
        before = text[max(0, first.start - _LOOKBACK):first.start]
        link = _RANGE_LINK.match(text, first.end)
        if link and i + 1 < len(dates) and dates[i + 1].start == link.end():
            second = dates[i + 1]
            start = first.start
            prefix = _RANGE_FROM.search(before)
            if prefix:
                start -= len(prefix.group(0))
            end = second.end
            stop = _RANGE_STOP.match(text, end)
            if stop:
                end = stop.end()
            out.append(Fact("date_range", start, end, text[start:end], (first.value, second.value),
                            {"kind": "range", "marker": None, "dates": (first.span, second.span)}))
            i += 2
            continue
        from_publication = _FROM_PUBLICATION_TO.search(text[max(0, first.start - _FROM_LOOKBACK):first.start])
        if from_publication:
            start = first.start - len(from_publication.group(0))
            while start > 0 and text[start - 1] in "自从由":
                start -= 1
            end = first.end
            stop = _RANGE_STOP.match(text, end) or _DEADLINE_AFTER.match(text, end)
            if stop:
                end = stop.end()
            out.append(Fact("date_range", start, end, text[start:end], (None, first.value),
                            {"kind": "deadline", "marker": "至", "dates": (first.span,)}))
            i += 1
            continue
        deadline_before = _DEADLINE_BEFORE.search(before)
        if deadline_before:
            start = first.start - len(deadline_before.group(0))
            end = first.end
            after = _DEADLINE_AFTER.match(text, end)
            if after:
                end = after.end()
            marker = deadline_before.group(0).strip(" \u3000:：")
            out.append(Fact("date_range", start, end, text[start:end], (None, first.value),
                            {"kind": "deadline", "marker": marker, "dates": (first.span,)}))
            i += 1
            continue
        after = _DEADLINE_AFTER.match(text, first.end)
        if after:
            start = first.start
            if before.endswith("于"):
                start -= 1
            end = after.end()
            out.append(Fact("date_range", start, end, text[start:end], (None, first.value),
                            {"kind": "deadline", "marker": after.group(0).strip(), "dates": (first.span,)}))
            i += 1
            continue
        prefix = _RANGE_FROM.search(before)
        starting = _START_AFTER.match(text, first.end)
        if prefix and starting and prefix.group(0)[0] in "自从":
            start = first.start - len(prefix.group(0))
            end = starting.end()
            out.append(Fact("date_range", start, end, text[start:end], (first.value, None),
                            {"kind": "start", "marker": "起", "dates": (first.span,)}))
        i += 1
    return out
