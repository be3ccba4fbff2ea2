"""The 成文日期 as the signature writes it, and its standard form."""

from __future__ import annotations

import datetime as dt

from lawgov_check.facts import extract_facts
from lawgov_check.pipeline import document_from_text


def _dates(text: str):
    return extract_facts(document_from_text(text)).signature_dates


def test_a_numeric_date_gets_its_standard_form() -> None:
    [date] = _dates("各乡镇：\n现将名单予以公布。\n\n某县农业农村局\n2022.03.07")
    assert (date.attrs["standard"], date.attrs["suggested"], date.value) == (False, "2022年3月7日", dt.date(2022, 3, 7))


def test_the_standard_form_is_a_fact_too() -> None:
    [date] = _dates("各乡镇：\n现将名单予以公布。\n\n某县农业农村局\n2022年3月7日")
    assert date.attrs["standard"] and date.attrs["suggested"] == "2022年3月7日"


def test_a_two_digit_year_reads_as_this_century() -> None:
    [date] = _dates("各乡镇：\n现将名单予以公布。\n\n某县农业农村局\n22年3月7日")
    assert date.attrs["suggested"] == "2022年3月7日" and not date.attrs["standard"]
