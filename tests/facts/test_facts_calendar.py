from __future__ import annotations

import datetime as dt

from lawgov_check.facts.calendar import add, add_checked, count, count_checked, is_workday

D = dt.date


def test_adjusted_working_weekend_counts():
    # 2019-09-29 (Sunday) was a working day before the National Day holiday.
    assert is_workday(D(2019, 9, 29)) is True
    assert is_workday(D(2019, 10, 1)) is False


def test_working_days_across_national_day_count_both_ends():
    # Sep 29 (working Sunday), Sep 30; Oct 1–7 holiday; Oct 8 (Tue) working.
    assert count(D(2019, 9, 29), D(2019, 10, 8), "working_days") == 3
    assert count(D(2019, 9, 29), D(2019, 10, 8), "working_days", inclusive=False) == 2


def test_add_working_days_skips_spring_festival():
    # Spring Festival 2021: Feb 11–17 off; Feb 7 (Sun) and Feb 20 (Sat) were working days.
    assert add(D(2021, 2, 10), 1, "working_days") == D(2021, 2, 18)
    assert add(D(2021, 2, 5), 1, "working_days") == D(2021, 2, 7)
    assert add(D(2021, 2, 10), 0, "working_days") == D(2021, 2, 10)


def test_plain_week_and_month():
    assert count(D(2021, 3, 1), D(2021, 3, 8), "working_days") == 6
    assert count(D(2021, 3, 1), D(2021, 3, 31), "calendar_days") == 31
    assert count(D(2021, 1, 31), D(2021, 2, 28), "months") == 0
    assert add(D(2021, 1, 31), 1, "months") == D(2021, 2, 28)


def test_end_before_start_gives_no_working_days():
    assert count(D(2021, 3, 8), D(2021, 3, 1), "working_days") == 0


def test_outside_covered_years_falls_back_and_says_so():
    assert count_checked(D(2099, 3, 2), D(2099, 3, 8), "working_days") == (5, False)
    assert add_checked(D(2099, 3, 6), 1, "working_days") == (D(2099, 3, 9), False)
    assert count_checked(D(2021, 3, 1), D(2021, 3, 8), "working_days") == (6, True)
