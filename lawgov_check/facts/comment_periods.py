"""The comment period a notice opens: which of its date ranges is the period for comments.

A comment notice names other dates too (the draft's own dates, a past consultation, office
hours), so a range counts when its sentence, or the heading just above it, speaks of comments or
deadlines; one whose sentence says where or by when to send comments comes first. An end that is
shortly before the publication date is an earlier consultation's, not this notice's. Where the
text states no start, the period runs from the publication date (the document's date, else the
page's 发布日期), and the fact says so (`start_stated: False`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .dates import field_date
from .segments import Boundaries
from .types import Fact

_RELEVANT = re.compile(r"意见|建议|反馈|截止|截至|征求|期限|时间")
_DEADLINE_WORDS = re.compile(r"截止|截至|反馈|提出|提交|发送|寄送|寄至|来函|邮箱|电子邮件|征求意见(?:时间|期限|期)")
PUBLICATION_KEYS = ("发布日期", "发布时间", "公开日期")
_HEADING_REACH = 120  # a range right under its heading: 一、征求意见的时间 / 2023年3月6日至4月5日。
_EARLIER_CONSULTATION_DAYS = 180


def page_publication_date(doc: Any, keys: tuple[str, ...] = PUBLICATION_KEYS) -> dt.date | None:
    """The page's publication date from its metadata fields (发布日期…), or None."""
    for key in keys:
        value = (doc.metadata.get(key) or "").replace(" ", "")
        if not value:
            continue
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            found = field_date(doc.metadata[key])
            if found:
                return found
    return None


def _heading_over(doc: Any, offset: int) -> str:
    above = [h for h in doc.headings if h.end <= offset]
    if above and offset - above[-1].end <= _HEADING_REACH:
        return above[-1].text
    return ""


def extract_comment_periods(doc: Any, date_ranges: list[Fact]) -> list[Fact]:
    """At most one fact: the notice's comment period, value `{start, end}`, attrs `start_stated`
    and `published` (the page's publication date, when its metadata gives one)."""
    text = doc.text
    bounds = Boundaries.of(text)
    start: dt.date | None = None
    candidates = []
    for order, fact in enumerate(date_ranges):
        s, e = fact.value if isinstance(fact.value, tuple) else (None, None)
        sentence = text[slice(*bounds.sentence(fact.start))]
        if not _RELEVANT.search(sentence) and not _RELEVANT.search(_heading_over(doc, fact.start)):
            continue
        if e is None:
            start = start or s
            continue
        candidates.append((0 if _DEADLINE_WORDS.search(sentence) else 1, order, s, e, fact))
    published = page_publication_date(doc)
    chosen = None
    for _, _, s, e, fact in sorted(candidates, key=lambda c: c[:2]):
        start = start or s
        reference = start or doc.date
        if reference and e < reference and (reference - e).days <= _EARLIER_CONSULTATION_DAYS:
            continue
        chosen = (e, fact)
        break
    if chosen is None:
        return []
    end, fact = chosen
    start_stated = start is not None
    start = start or doc.date or page_publication_date(doc, PUBLICATION_KEYS + ("成文日期",))
    if start and end < start and (start - end).days > _EARLIER_CONSULTATION_DAYS:
        end = end.replace(year=end.year + 1)
    return [Fact("comment_period", fact.start, fact.end, fact.text, {"start": start, "end": end},
                 {"start_stated": start_stated, "published": published})]
