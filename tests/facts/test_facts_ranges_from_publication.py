"""A comment period that runs from the day of publication to a date (自即日起至10月9日)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize("text", [
    "公众可自即日起至10月9日，通过电子邮件提出意见建议。",
    "征求意见时间为自本公告发布之日起至2024年10月9日止。",
    "请从公布之日起至10月9日前反馈意见。",
])
def test_from_publication_to_a_date_is_a_deadline(doc_facts, text):
    doc, facts = doc_facts(text, year=2024)
    (fact,) = facts.date_ranges
    assert fact.value == (None, dt.date(2024, 10, 9))
    assert fact.attrs["kind"] == "deadline"
    assert doc.text[fact.start:fact.end] == fact.text
