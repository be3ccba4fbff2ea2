"""Working-day arithmetic with the official Chinese holiday calendar (`chinese_calendar`).

Counting follows the usual rule for legal periods: the day an act happens is not counted; the
period starts the next day. Years the library does not cover fall back to Monday–Friday, and the
`*_checked` variants say whether the answer is exact.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=8192)
def is_workday_checked(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, exact): exact is False when the year is outside the library's data."""
    import chinese_calendar  # imported only when a working day is asked about

    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


def is_workday(day: dt.date) -> bool:
    return is_workday_checked(day)[0]


def calendar_days_between(start: dt.date, end: dt.date) -> int:
    """Calendar days from `start` to `end` (negative when `end` is earlier)."""
    return (end - start).days


def working_days_between_checked(start: dt.date, end: dt.date, inclusive_end: bool = True) -> tuple[int, bool]:
    """Working days after `start` up to `end` (included unless `inclusive_end` is False).

    Returns (count, exact). An `end` on or before `start` gives 0.
    """
    count, exact = 0, True
    last = end if inclusive_end else end - _ONE_DAY
    day = start + _ONE_DAY
    while day <= last:
        workday, day_exact = is_workday_checked(day)
        count += workday
        exact = exact and day_exact
        day += _ONE_DAY
    return count, exact


def working_days_between(start: dt.date, end: dt.date, inclusive_end: bool = True) -> int:
    return working_days_between_checked(start, end, inclusive_end)[0]


def add_working_days_checked(start: dt.date, n: int) -> tuple[dt.date, bool]:
    """The n-th working day after `start` (n = 0 gives `start`), and whether it is exact."""
    if n < 0:
        raise ValueError("n must not be negative")
    day, exact = start, True
    remaining = n
    while remaining > 0:
        day += _ONE_DAY
        workday, day_exact = is_workday_checked(day)
        exact = exact and day_exact
        remaining -= workday
    return day, exact


def add_working_days(start: dt.date, n: int) -> dt.date:
    return add_working_days_checked(start, n)[0]
