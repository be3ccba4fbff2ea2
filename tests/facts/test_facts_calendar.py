from __future__ import annotations

import datetime as dt

from lawgov_check.facts.calendar import (add_working_days, add_working_days_checked, calendar_days_between,
                                         is_workday, working_days_between, working_days_between_checked)

D = dt.date


def test_adjusted_working_weekend_counts():
    # 2019-09-29 (Sunday) was a working day before the National Day holiday.
    assert is_workday(D(2019, 9, 29)) is True
    assert is_workday(D(2019, 10, 1)) is False


def test_working_days_across_national_day():
    # Sep 30 (Mon) working; Oct 1–7 holiday; Oct 8 (Tue) working.
    assert working_days_between(D(2019, 9, 29), D(2019, 10, 8)) == 2
    assert working_days_between(D(2019, 9, 29), D(2019, 10, 8), inclusive_end=False) == 1


def test_add_working_days_skips_spring_festival():
    # Spring Festival 2021: Feb 11–17 off; Feb 7 (Sun) and Feb 20 (Sat) were working days.
    assert add_working_days(D(2021, 2, 10), 1) == D(2021, 2, 18)
    assert add_working_days(D(2021, 2, 5), 1) == D(2021, 2, 7)
    assert add_working_days(D(2021, 2, 10), 0) == D(2021, 2, 10)


def test_plain_week():
    assert working_days_between(D(2021, 3, 1), D(2021, 3, 8)) == 5
    assert calendar_days_between(D(2021, 3, 1), D(2021, 3, 31)) == 30


def test_end_before_start_gives_zero():
    assert working_days_between(D(2021, 3, 8), D(2021, 3, 1)) == 0


def test_outside_covered_years_falls_back_and_says_so():
    count, exact = working_days_between_checked(D(2099, 3, 1), D(2099, 3, 8))
    assert (count, exact) == (5, False)
    day, exact = add_working_days_checked(D(2099, 3, 6), 1)  # Friday
    assert (day, exact) == (D(2099, 3, 9), False)
    assert working_days_between_checked(D(2021, 3, 1), D(2021, 3, 8)) == (5, True)
