from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.facts import Fact, FactContext, Facts, extract_text_facts

SAMPLE = ("2019年,共审结案件34件,其中维持18件,驳回2件。请于2021年3月10日前反馈,期限不少于30日。"
          "根据《某某办法》(浙政办发〔2019〕5号),纠错率为17.6%,开展合法性审查。")


def test_all_is_in_text_order_and_of_selects_kind():
    facts = extract_text_facts(SAMPLE, FactContext(default_year=2020))
    everything = facts.all()
    assert [f.start for f in everything] == sorted(f.start for f in everything)
    assert {f.kind for f in everything} == {"year", "total", "date", "date_range", "duration", "citation",
                                            "doc_number", "rate", "procedure"}
    assert facts.of("date") == facts.dates == facts.of("dates")
    assert facts.of("total") == facts.totals


def test_facts_are_hashable_and_default_attrs_empty():
    fact = Fact("date", 0, 3, "6月5日", dt.date(2020, 6, 5))
    assert fact.attrs == {} and fact in {fact}
    assert Facts().all() == []


_ALPHABET = st.sampled_from(list("0123456789年月日号共件其中,、。;()〔〕《》率%第令天个工作日至前起自截止分别为-/. 二〇一七十两\n"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_any_text_gives_consistent_facts(text):
    facts = extract_text_facts(text, FactContext(default_year=2020))
    for fact in facts.all():
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text
