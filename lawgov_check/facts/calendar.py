"""Calendar arithmetic for periods and deadlines, with the official Chinese holiday calendar.

One counting convention for the whole project (README, "Counting of periods"): a period runs from
its first to its last day, both included, in calendar days or in working days by the official
calendar (adjusted working weekends count as working days). Years the `chinese_calendar` package
does not cover fall back to Monday–Friday, and the `*_checked` variants say whether an answer is
exact.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

UNIT_NAMES = {"calendar_days": "日", "working_days": "个工作日", "months": "个月"}
UNITS = ("calendar_days", "working_days", "months", "years")
# The units of a written length (facts.types.Duration) as the units periods are counted in.
DURATION_UNITS = {"day": "calendar_days", "working_day": "working_days", "month": "months", "year": "years"}
DAYS_PER_YEAR = 365.25
WORKING_DAYS_PER_WEEK = 5
_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=8192)
def is_workday_checked(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, exact): exact is False when the year is outside the calendar's data."""
    try:
        import chinese_calendar  # imported only when a working day is asked about

        return bool(chinese_calendar.is_workday(day)), True
    except (ImportError, NotImplementedError):
        return day.weekday() < 5, False


def is_workday(day: dt.date) -> bool:
    return is_workday_checked(day)[0]


def count_checked(start: dt.date, end: dt.date, unit: str, *, inclusive: bool = True) -> tuple[int, bool]:
    """The length of [start, end] in the unit and whether it is exact; `inclusive` counts the first
    day too (False: the period starts the day after `start`). An `end` before the first day gives 0
    working days and a negative number of calendar days."""
    if unit == "months":
        months = (end.year - start.year) * 12 + end.month - start.month
        return months - (1 if end.day < start.day else 0), True
    first = start if inclusive else start + _ONE_DAY
    if unit == "years":  # to two decimals: a 5-year period ending on the eve of its fifth anniversary is 5
        return round(((end - first).days + 1) / DAYS_PER_YEAR, 2), True
    if unit == "calendar_days":
        return (end - first).days + 1, True
    days, exact, day = 0, True, first
    while day <= end:
        workday, day_exact = is_workday_checked(day)
        days += workday
        exact = exact and day_exact
        day += _ONE_DAY
    return days, exact


def count(start: dt.date, end: dt.date, unit: str, *, inclusive: bool = True) -> int:
    return count_checked(start, end, unit, inclusive=inclusive)[0]


def add_checked(start: dt.date, amount: int, unit: str) -> tuple[dt.date, bool]:
    """The day `amount` units after `start` (before it for a negative amount), and whether exact."""
    if unit == "months":
        month_index = start.month - 1 + amount
        year, month = start.year + month_index // 12, month_index % 12 + 1
        for day in range(start.day, 0, -1):
            try:
                return dt.date(year, month, day), True
            except ValueError:
                continue
    if unit == "calendar_days":
        return start + dt.timedelta(days=amount), True
    day, step, left, exact = start, (_ONE_DAY if amount >= 0 else -_ONE_DAY), abs(amount), True
    while left:
        day += step
        workday, day_exact = is_workday_checked(day)
        exact = exact and day_exact
        left -= workday
    return day, exact


def add(start: dt.date, amount: int, unit: str) -> dt.date:
    return add_checked(start, amount, unit)[0]


def convert(amount: float, unit: str, to_unit: str) -> tuple[float, bool]:
    """A length written in one unit, in another, and whether that is exact. Between calendar and
    working days a week has five working days: calendar days convert down (7 days ≈ 5 working
    days, rounded down) and working days up (5 working days ≈ 7 days, rounded up), so that a
    converted length never makes a document look worse than it is."""
    if unit == to_unit:
        return amount, True
    if {unit, to_unit} == {"months", "years"}:
        return (amount / 12 if to_unit == "years" else amount * 12), True
    if unit == "calendar_days" and to_unit == "working_days":
        return math.floor(amount * WORKING_DAYS_PER_WEEK / 7), False
    if unit == "working_days" and to_unit == "calendar_days":
        return math.ceil(amount * 7 / WORKING_DAYS_PER_WEEK), False
    days = {"calendar_days": 1, "months": DAYS_PER_YEAR / 12, "years": DAYS_PER_YEAR}
    if unit in days and to_unit in days:
        return amount * days[unit] / days[to_unit], False
    if unit == "working_days":  # to months or years, by way of calendar days
        return convert(convert(amount, unit, "calendar_days")[0], "calendar_days", to_unit)[0], False
    if to_unit == "working_days" and unit in days:
        return convert(convert(amount, unit, "calendar_days")[0], "calendar_days", to_unit)[0], False
    raise ValueError(f"cannot convert {unit} to {to_unit}")
