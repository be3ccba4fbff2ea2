"""Calendar arithmetic for `period` and `deadline`: calendar days, working days, months."""

from __future__ import annotations

import datetime as dt

UNIT_NAMES = {"calendar_days": "日", "working_days": "个工作日", "months": "个月"}


def is_workday(day: dt.date) -> bool:
    """A working day in the Chinese public-holiday calendar (weekdays outside its range)."""
    try:
        import chinese_calendar

        return chinese_calendar.is_workday(day)
    except (ImportError, NotImplementedError):
        return day.weekday() < 5


def count(start: dt.date, end: dt.date, unit: str, *, inclusive: bool = True) -> int:
    """The length of [start, end] in the unit; `inclusive` counts both the first and the last day."""
    if unit == "months":
        months = (end.year - start.year) * 12 + end.month - start.month
        return months - (1 if end.day < start.day else 0)
    first = start if inclusive else start + dt.timedelta(days=1)
    if unit == "calendar_days":
        return (end - first).days + 1
    days, day = 0, first
    while day <= end:
        days += is_workday(day)
        day += dt.timedelta(days=1)
    return days


def add(start: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "months":
        month_index = start.month - 1 + amount
        year, month = start.year + month_index // 12, month_index % 12 + 1
        for day in range(start.day, 0, -1):
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    if unit == "calendar_days":
        return start + dt.timedelta(days=amount)
    day, step, left = start, (1 if amount >= 0 else -1), abs(amount)
    while left:
        day += dt.timedelta(days=step)
        left -= is_workday(day)
    return day
