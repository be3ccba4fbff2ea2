"""`deadline`: a date must fall before/after a date computed from the report year or another date.

    check:
      kind: deadline
      date: [manifest.publication_date, metadata.发布日期]   # the first one present
      must_be: before               # before | on_or_before | after | on_or_after
      reference:
        year: document.year         # base year (a reference or a number): by default the
        year_offset: 1              # authoritative year, the identity's (what `parse` reports)
        month_day: "04-01"          # or {param: NAME}
        # ... or another date, shifted:
        # date: manifest.filing.date
        # add: 30
        # unit: calendar_days
      if_missing: pass              # pass (default) or fail when the date is unknown
      when:                         # conditions on the document (see _common.lookup); else no hit
        facts.report_subject.attrs.organ: {ends_with_any: {vocab: department_endings}}
      values: {entity: facts.report_subject.value}   # document-level values quoted in the message
      variant: late                 # the message variant

A hit carries `date`, `limit` (ISO dates), `year` (the base year, when the reference has one) and
`field` (which reference gave the date).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ...facts import calendar
from ._common import as_date, lookup, reads, when_holds  # noqa: F401  (reads: rules show)

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
        year = _base_year(reference, ctx)
        if year is None:
            return None
        month, day = (int(p) for p in str(ctx.value(reference["month_day"])).split("-"))
        return dt.date(int(year) + int(reference.get("year_offset", 0)), month, day)
    base, _ = _first(ctx, reference["date"])
    if base is None:
        return None
    return calendar.add(base, int(ctx.value(reference.get("add", 0))), reference.get("unit", "calendar_days"))


def _base_year(reference: dict[str, Any], ctx: CheckContext) -> Any:
    base = reference.get("year", "document.year")
    return ctx.resolve(base) if isinstance(base, str) else base


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    if not when_holds(check.get("when"), ctx):
        return
    date, ref = _first(ctx, check["date"])
    limit = reference_date(check["reference"], ctx)
    if limit is None:
        return
    values = {name: lookup(ctx, path) for name, path in (check.get("values") or {}).items()}
    if "month_day" in check["reference"]:
        values["year"] = _base_year(check["reference"], ctx)
    variant = check.get("variant")
    if date is None:
        if check.get("if_missing", "pass") == "fail":
            yield Hit(0, 0, {**values, "date": "", "limit": limit.isoformat(), "field": ""}, variant=variant)
        return
    if not _COMPARE[check["must_be"]](date, limit):
        yield Hit(0, 0, {**values, "date": date.isoformat(), "limit": limit.isoformat(), "field": ref},
                  variant=variant)
