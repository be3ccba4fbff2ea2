"""Typed facts extracted from a document's normalized text.

Every fact carries a span `(start, end)` into `Document.text`, the matched text, a typed value and
free-form attributes that rules use to judge the form (e.g. which bracket a document number used).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Callable, Mapping

# Fact kinds, one per family list of `Facts`.
KIND_BY_FIELD: dict[str, str] = {
    "dates": "date",
    "years": "year",
    "date_ranges": "date_range",
    "durations": "duration",
    "doc_numbers": "doc_number",
    "citations": "citation",
    "totals": "total",
    "rates": "rate",
    "procedures": "procedure",
}


@dataclass(frozen=True)
class Fact:
    kind: str
    start: int
    end: int
    text: str
    value: Any
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # attrs and value may hold dicts; identity is the span and kind
        return hash((self.kind, self.start, self.end, self.text))

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "value": plain(self.value), "attrs": plain(dict(self.attrs))}


def plain(value: Any) -> Any:
    """A fact's value or attributes as JSON values (dates as ISO strings, dataclasses as objects)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(frozen=True)
class Duration:
    """A length of time as written: `7个工作日` is Duration(7, "working_day")."""

    amount: int
    unit: str  # "day" | "working_day" | "month" | "year"

    def in_days(self) -> int | None:
        """Calendar days for day units; None for units whose length depends on the calendar."""
        return self.amount if self.unit == "day" else None


@dataclass(frozen=True)
class Facts:
    dates: list[Fact] = field(default_factory=list)
    years: list[Fact] = field(default_factory=list)
    date_ranges: list[Fact] = field(default_factory=list)
    durations: list[Fact] = field(default_factory=list)
    doc_numbers: list[Fact] = field(default_factory=list)
    citations: list[Fact] = field(default_factory=list)
    totals: list[Fact] = field(default_factory=list)
    rates: list[Fact] = field(default_factory=list)
    procedures: list[Fact] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Every family, its facts in text order (what `parse --facts` prints)."""
        return {f.name: [fact.to_dict() for fact in getattr(self, f.name)] for f in fields(self)}

    def all(self) -> list[Fact]:
        """Every fact of every family, in text order."""
        out: list[Fact] = []
        for f in fields(self):
            out.extend(getattr(self, f.name))
        out.sort(key=lambda fact: (fact.start, fact.end, fact.kind))
        return out

    def of(self, kind: str) -> list[Fact]:
        """The facts of one kind; accepts the kind ("date") or the list name ("dates")."""
        if kind in KIND_BY_FIELD:
            return list(getattr(self, kind))
        for name, fact_kind in KIND_BY_FIELD.items():
            if fact_kind == kind:
                return list(getattr(self, name))
        raise KeyError(f"unknown fact kind: {kind}")


@dataclass
class FactContext:
    """What extractors may know besides the text.

    `default_year` dates year-less dates (`6月5日`); `original(start, end)` returns the characters of
    the original file behind a normalized span (to tell `（）` from `()` after width folding).
    """

    default_year: int | None = None
    reference_date: dt.date | None = None
    original: Callable[[int, int], str] | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def from_document(doc: Any) -> "FactContext":
        year = doc.year if doc.year is not None else (doc.date.year if doc.date is not None else None)
        return FactContext(default_year=year, reference_date=doc.date, original=doc.norm.original)

    def original_text(self, start: int, end: int, fallback: str) -> str:
        if self.original is None:
            return fallback
        try:
            return self.original(start, end)
        except Exception:  # a broken offset map must not stop extraction
            return fallback

    def forget(self) -> None:
        """Drop the memo (and with it the reference to the text)."""
        self._cache.clear()

    def memo(self, key: str, text: str, build: Callable[[], Any]) -> Any:
        """Per-text memo for shared precomputations (sentence bounds, date facts...)."""
        entry = self._cache.get(key)
        if entry is not None and entry[0] is text:
            return entry[1]
        value = build()
        self._cache[key] = (text, value)
        return value
