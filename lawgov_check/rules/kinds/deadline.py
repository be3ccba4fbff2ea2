"""`deadline`: a date must fall before/after a date computed from the report year or another date.

    check:
      kind: deadline
      date: [manifest.publication_date, metadata.发布日期]   # the first one present
      must_be: before               # before | on_or_before | after | on_or_after
      reference:
        year: document.year         # base year (a reference or a number) ...
        year_offset: 1
        month_day: "04-01"
        # ... or another date, shifted:
        # date: manifest.filing.date
        # add: 30
        # unit: calendar_days
      if_missing: pass              # pass (default) or fail when the date is unknown
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ...facts import calendar
from ._common import as_date

_COMPARE = {
    "before": lambda d, r: d < r, "on_or_before": lambda d, r: d <= r,
    "after": lambda d, r: d > r, "on_or_after": lambda d, r: d >= r,
}


def _first(ctx: CheckContext, refs: str | list[str]) -> tuple[dt.date | None, str | None]:
    for ref in [refs] if isinstance(refs, str) else refs:
        value = as_date(ctx.resolve(ref))
        if value:
            return value, ref
    return None, None


def reference_date(reference: dict[str, Any], ctx: CheckContext) -> dt.date | None:
    if "month_day" in reference:
        base = reference.get("year", "document.year")
        year = ctx.resolve(base) if isinstance(base, str) else base
        if year is None:
            return None
        month, day = (int(p) for p in reference["month_day"].split("-"))
        return dt.date(int(year) + int(reference.get("year_offset", 0)), month, day)
    base, _ = _first(ctx, reference["date"])
    if base is None:
        return None
    return calendar.add(base, int(ctx.value(reference.get("add", 0))), reference.get("unit", "calendar_days"))


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    date, ref = _first(ctx, check["date"])
    limit = reference_date(check["reference"], ctx)
    if limit is None:
        return
    if date is None:
        if check.get("if_missing", "pass") == "fail":
            yield Hit(0, 0, {"date": "", "limit": limit.isoformat(), "field": ""})
        return
    if not _COMPARE[check["must_be"]](date, limit):
        yield Hit(0, 0, {"date": date.isoformat(), "limit": limit.isoformat(), "field": ref})
