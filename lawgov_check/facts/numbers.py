"""Totals with their parts (`共审结34件,其中维持18件,…`) and rates (`纠错率为17.6%`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .segments import Boundaries, boundaries
from .types import Fact, FactContext

_CJK = r"\u4e00-\u9fff"
_SP = r"[ \u3000]{0,2}"
_UNITS = ("户次|人次|件次|万元|亿元|元|件|项|家|个|人|名|次|条|户|场|起|份|篇|宗|所|处|批|部|台|辆|套|间|座")
# Each expression starts with what it must match (the look-behinds come after the first character,
# where they say the same), so the regex engine skips ahead to those characters: 3-5× faster scans.
COUNT_RE = re.compile(
    rf"(?P<n>\d(?<![\d.第]\d)\d*(?:\.\d+)?){_SP}(?P<u>{_UNITS})(?!月|工作日|百分点|小时)")
PAREN_RE = re.compile(r"[(（][^()（）\n]{0,120}[)）]")
TOTAL_MARKER_RE = re.compile(r"共计|合计|总计|累计|总共|共有|共(?<!公共)(?![同享建治识性产青存赢商])")
# After the total: parenthetical notes and a little text, then the breakdown connector.
_CONNECTOR_RE = re.compile(
    r"(?:[(（][^()（）\n]{0,120}[)）]|[^\d,，;；。!?！？\n(（)）]){0,30}?"
    rf"{_SP}[,，:：]?{_SP}(?P<c>其中|分别为|分别是|包括|含){_SP}[:：,，]?")
# A last item naming the rest (其他12件) closes the list; 等 after it leaves the list open.
_REST_LABEL_RE = re.compile(r"^(?:其他|其余|其它|剩余|另有)")
_NESTED_RE = re.compile(r"其中")
_SEPARATORS = ",，、;；:："
_SEPARATOR_SET = frozenset(_SEPARATORS)
_MAX_CLAUSE_LOOKAHEAD = 40
_MAX_PARTS_WINDOW = 1000
_MAX_LABEL = 16
_MAX_PARTS = 50

# Anchored on 率 (the name before it is found by scanning back) or on 达/达到 without a name.
RATE_RE = re.compile(
    rf"(?=[率达])(?:(?P<rate>率){_SP}(?:为|达到|达|是|提高到|提高至|提升到|提升至|保持在|稳定在|超过)?|(?P<verb>达到|达))"
    rf"{_SP}(?P<num>\d+(?:\.\d+)?){_SP}[%％](?:{_SP}(?P<q>以上|以下))?")
MAX_RATE_NAME = 4


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    number: float
    unit: str
    in_paren: bool

    @property
    def value(self) -> int | float:
        return int(self.number) if self.number.is_integer() else self.number


class _Index:
    """Counts and parenthetical notes of a text, with lookups by position."""

    def __init__(self, text: str, bounds: Boundaries) -> None:
        self.text = text
        self.bounds = bounds
        self.parens = [m.span() for m in PAREN_RE.finditer(text)]
        self.paren_starts = [s for s, _ in self.parens]
        self.counts: list[Count] = []
        for m in COUNT_RE.finditer(text):
            self.counts.append(Count(m.start(), m.end(), float(m.group("n")), m.group("u"),
                                     self._in_paren(m.start())))
        self.count_starts = [c.start for c in self.counts]

    def _in_paren(self, pos: int) -> bool:
        i = bisect.bisect_right(self.paren_starts, pos) - 1
        return i >= 0 and self.parens[i][0] < pos < self.parens[i][1]

    def counts_between(self, lo: int, hi: int) -> list[Count]:
        i = bisect.bisect_left(self.count_starts, lo)
        j = bisect.bisect_left(self.count_starts, hi)
        return self.counts[i:j]

    def clause_end(self, pos: int) -> int:
        """The end of the clause at `pos`, not stopping at a comma inside a parenthetical note."""
        end = self.bounds.clause(pos)[1]
        for _ in range(8):
            i = bisect.bisect_right(self.paren_starts, end) - 1
            if i >= 0 and self.parens[i][0] < end < self.parens[i][1]:
                end = self.bounds.clause(self.parens[i][1])[1]
            else:
                break
        return end

    def label(self, lo: int, count: Count) -> tuple[str, int]:
        """The words naming a count: from the last separator (or `lo`) up to the number."""
        start = count.start
        floor = max(lo, count.start - _MAX_LABEL)
        while start > floor and self.text[start - 1] not in _SEPARATOR_SET:
            start -= 1
        return self.text[start:count.start].strip(), start


def extract_totals_and_rates(text: str, context: FactContext) -> tuple[list[Fact], list[Fact]]:
    return context.memo("numbers", text, lambda: _extract(text, context))


def extract_totals(text: str, context: FactContext) -> list[Fact]:
    return extract_totals_and_rates(text, context)[0]


def extract_rates(text: str, context: FactContext) -> list[Fact]:
    return extract_totals_and_rates(text, context)[1]


def _extract(text: str, context: FactContext) -> tuple[list[Fact], list[Fact]]:
    index = _Index(text, boundaries(text, context))
    totals: list[Fact] = []
    # Marker positions that begin a "total"; used to stop part lists and to find denominators.
    markers = [m for m in TOTAL_MARKER_RE.finditer(text)]
    marker_starts = [m.start() for m in markers]
    marker_totals: dict[int, Count] = {}
    last_end = -1
    for k, marker in enumerate(markers):
        if marker.start() < last_end:
            continue
        sentence_end = index.bounds.sentence(marker.start())[1]
        total = _total_after_marker(index, marker, sentence_end)
        if total is None:
            continue
        marker_totals[marker.start()] = total
        next_marker = marker_starts[k + 1] if k + 1 < len(markers) else len(text)
        fact = _total_first(index, marker, total, sentence_end, next_marker)
        if fact is None:
            fact = _parts_first(index, marker, total)
        if fact is not None:
            totals.append(fact)
            last_end = fact.end
    rates = _rates(index, totals, marker_totals)
    totals.sort(key=lambda f: f.start)
    return totals, rates


def _total_after_marker(index: _Index, marker: re.Match[str], sentence_end: int) -> Count | None:
    """The count a total marker introduces: the last count (outside notes) of its clause."""
    clause_end = min(index.clause_end(marker.start()), sentence_end,
                     marker.end() + _MAX_CLAUSE_LOOKAHEAD)
    candidates = [c for c in index.counts_between(marker.end(), clause_end) if not c.in_paren]
    return candidates[-1] if candidates else None


def _total_first(index: _Index, marker: re.Match[str], total: Count, sentence_end: int,
                 next_marker: int) -> Fact | None:
    text = index.text
    conn = _CONNECTOR_RE.match(text, total.end, sentence_end)
    if conn is None:
        return None
    between = index.counts_between(total.end, conn.start("c"))
    if any(c.unit == total.unit and not c.in_paren for c in between):
        return None
    limit = min(sentence_end, conn.end() + _MAX_PARTS_WINDOW, max(next_marker, conn.end()))
    nested = _NESTED_RE.search(text, conn.end(), limit)
    if nested:
        limit = nested.start()
    parts = []
    label_floor = conn.end()
    for c in index.counts_between(conn.end(), limit):
        if c.in_paren or c.unit != total.unit:
            continue
        label, label_start = index.label(label_floor, c)
        parts.append((label, c.value, (label_start, c.end)))
        label_floor = c.end
    if not parts:
        return None
    connector = conn.group("c")
    region = text[conn.start("c"):parts[-1][2][1]]
    complete = connector.startswith("分别") or any(word in region for word in ("分别", "全部", "均")) \
        or bool(_REST_LABEL_RE.match(parts[-1][0]))
    open_ended = text.startswith("等", parts[-1][2][1])
    complete = complete and not open_ended
    start, end = marker.start(), parts[-1][2][1]
    return Fact("total", start, end, text[start:end],
                {"total": total.value, "unit": total.unit, "parts": parts, "complete": complete},
                {"order": "total_first", "connector": connector,
                 "parts_sum": sum(p[1] for p in parts), "total_span": (total.start, total.end),
                 "nested_breakdown": nested is not None, "open_ended": open_ended})


def _parts_first(index: _Index, marker: re.Match[str], total: Count) -> Fact | None:
    """`保留18家、撤销31家、合并8家,共57家`: a short list of same-unit counts right before 共."""
    text = index.text
    gap = text[marker.end():total.start]
    if len(gap) > 4 or any(ch.isdigit() for ch in gap):
        return None
    sentence_start = index.bounds.sentence(marker.start())[0]
    pos = marker.start()
    while pos > sentence_start and text[pos - 1] in " \u3000":
        pos -= 1
    parts = []
    while pos > sentence_start and text[pos - 1] in _SEPARATOR_SET and len(parts) < _MAX_PARTS:
        sep = pos - 1
        before = index.counts_between(max(sentence_start, sep - 40), sep)
        if not before:
            break
        c = before[-1]
        if c.in_paren or c.unit != total.unit or text[c.end:sep].strip(" \u3000"):
            break
        label, label_start = index.label(sentence_start, c)
        if not label or any(ch.isdigit() for ch in label) or len(label) > 12:
            break
        parts.append((label, c.value, (label_start, c.end)))
        pos = label_start
    if len(parts) < 2:
        return None
    parts.reverse()
    start, end = parts[0][2][0], total.end
    return Fact("total", start, end, text[start:end],
                {"total": total.value, "unit": total.unit, "parts": parts, "complete": True},
                {"order": "parts_first", "connector": marker.group(0),
                 "parts_sum": sum(p[1] for p in parts), "total_span": (total.start, total.end),
                 "nested_breakdown": False, "open_ended": False})


def _rates(index: _Index, totals: list[Fact], marker_totals: dict[int, Count]) -> list[Fact]:
    text = index.text
    part_owner: dict[int, Fact] = {}  # keyed by the end of each part's count
    for fact in totals:
        for _, _, span in fact.value["parts"]:
            part_owner[span[1]] = fact
    marker_positions = sorted(marker_totals)
    rates: list[Fact] = []
    previous_rate_end = 0
    for m in RATE_RE.finditer(text):
        start = m.start()
        name = None
        if m.group("rate"):
            while start > 0 and m.start() - start < MAX_RATE_NAME and "\u4e00" <= text[start - 1] <= "\u9fff":
                start -= 1
            if start == m.start():
                continue  # a bare 率 is not a named rate
            name = text[start:m.start()]
            if "的" in name:
                start += name.rindex("的") + 1
                name = text[start:m.start()] or None
        number = m.group("num")
        decimals = len(number.split(".")[1]) if "." in number else 0
        attrs: dict[str, object] = {"numerator": None, "denominator": None,
                                    "numerator_span": None, "denominator_span": None}
        if name:
            _attach_counts(index, start, previous_rate_end, name, part_owner, marker_positions,
                           marker_totals, attrs)
        previous_rate_end = m.end()
        rates.append(Fact("rate", start, m.end(), text[start:m.end()],
                          {"name": name, "percent": float(number), "decimals": decimals,
                           "qualifier": m.group("q")}, attrs))
    return rates


def _attach_counts(index: _Index, rate_start: int, previous_rate_end: int, name: str,
                   part_owner: dict[int, Fact], marker_positions: list[int], marker_totals: dict[int, Count],
                   attrs: dict[str, object]) -> None:
    """Numerator: the count right before the rate (after any earlier rate) named like the rate;
    denominator: the total it is a part of, or the sentence's preceding 共… count in its unit."""
    sentence_start = index.bounds.sentence(rate_start)[0]
    floor = max(sentence_start, previous_rate_end)
    before = [c for c in index.counts_between(floor, rate_start) if not c.in_paren]
    if not before:
        return
    numerator = before[-1]
    label, _ = index.label(sentence_start, numerator)
    stem = name[-2:]
    if stem not in label:
        return
    attrs["numerator"], attrs["numerator_span"] = numerator.value, (numerator.start, numerator.end)
    owner = part_owner.get(numerator.end)
    if owner is not None:
        attrs["denominator"] = owner.value["total"]
        attrs["denominator_span"] = owner.attrs["total_span"]
        return
    i = bisect.bisect_left(marker_positions, max(sentence_start, numerator.start - _MAX_PARTS_WINDOW))
    candidates = []
    while i < len(marker_positions) and marker_positions[i] < numerator.start:
        total = marker_totals[marker_positions[i]]
        if total.unit == numerator.unit and total.end <= numerator.start and total is not numerator:
            candidates.append(total)
        i += 1
    if candidates:
        total = candidates[-1]
        attrs["denominator"], attrs["denominator_span"] = total.value, (total.start, total.end)
