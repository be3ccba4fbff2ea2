"""`period`: a span of time for a subject is compared with a minimum and/or maximum.

The subject is either a manifest object with `start`/`end` (`manifest: comment_period`), two
references (`from: manifest.legality_review.start`, `to: manifest.legality_review.end`), or facts
of a family (`fact: durations` / `fact: date_ranges`, with optional `where`).

    check:
      kind: period
      subject: {manifest: comment_period}
      unit: working_days            # calendar_days | working_days | months
      min: {param: comment_period_min_working_days}
      max: 15
      inclusive: true               # count the first and last day (default)
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ...facts import calendar
from ._common import as_date, get_path, where_holds

_UNIT_ALIASES = {"day": "calendar_days", "days": "calendar_days", "calendar_day": "calendar_days",
                 "natural_day": "calendar_days", "working_day": "working_days", "workday": "working_days",
                 "workdays": "working_days", "month": "months"}


def _fact_length(fact: Any, unit: str, inclusive: bool) -> int | None:
    """Length of a duration fact (`value` amount + unit) or a date-range fact in the wanted unit."""
    value = get_path(fact, "value")
    start = as_date(get_path(value, "start")) if value is not None else None
    end = as_date(get_path(value, "end")) if value is not None else None
    if start and end:
        return calendar.count(start, end, unit, inclusive=inclusive)
    amount = get_path(value, "amount") if isinstance(value, dict) or hasattr(value, "amount") else value
    fact_unit = get_path(fact, "attrs.unit") or get_path(value, "unit")
    fact_unit = _UNIT_ALIASES.get(str(fact_unit), fact_unit)
    if isinstance(amount, (int, float)) and fact_unit == unit:
        return int(amount)
    return None


def _subjects(check: dict[str, Any], ctx: CheckContext, unit: str, inclusive: bool):
    subject = check["subject"]
    if "manifest" in subject:
        obj = ctx.resolve(f"manifest.{subject['manifest']}")
        if isinstance(obj, dict):
            start, end = as_date(obj.get("start")), as_date(obj.get("end"))
            if start and end:
                yield 0, 0, calendar.count(start, end, unit, inclusive=inclusive), f"{start}—{end}"
        return
    if "from" in subject:
        start, end = as_date(ctx.resolve(subject["from"])), as_date(ctx.resolve(subject["to"]))
        if start and end:
            yield 0, 0, calendar.count(start, end, unit, inclusive=inclusive), f"{start}—{end}"
        return
    for fact in ctx.fact_family(subject["fact"]):
        if where_holds(fact, subject.get("where"), ctx):
            length = _fact_length(fact, unit, inclusive)
            if length is not None:
                yield get_path(fact, "start"), get_path(fact, "end"), length, get_path(fact, "text")


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    unit = check.get("unit", "calendar_days")
    inclusive = check.get("inclusive", True)
    minimum, maximum = ctx.value(check.get("min")), ctx.value(check.get("max"))
    for start, end, length, text in _subjects(check, ctx, unit, inclusive):
        too_short = minimum is not None and length < minimum
        too_long = maximum is not None and length > maximum
        if too_short or too_long:
            yield Hit(start, end, {"length": length, "min": minimum, "max": maximum, "span": text,
                                   "unit": calendar.UNIT_NAMES[unit],
                                   "bound": minimum if too_short else maximum,
                                   "problem": "少于" if too_short else "多于"})
