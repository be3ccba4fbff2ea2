from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


@pytest.mark.parametrize("text, start, end, kind", [
    ("征求意见时间自2021年3月1日起至2021年3月10日止。", D(2021, 3, 1), D(2021, 3, 10), "range"),
    ("公示期为2021年3月1日至3月10日。", D(2021, 3, 1), D(2021, 3, 10), "range"),
    ("反馈时间:3月1日-3月10日", D(2020, 3, 1), D(2020, 3, 10), "range"),
    ("对2017年1月1日至2019年3月31日承办的合同进行排摸", D(2017, 1, 1), D(2019, 3, 31), "range"),
    ("征求意见截止日期为2021年3月10日。", None, D(2021, 3, 10), "deadline"),
    ("截至2020年12月31日,全县共有执法人员560名。", None, D(2020, 12, 31), "deadline"),
    ("请于2021年3月10日前将意见反馈至市司法局。", None, D(2021, 3, 10), "deadline"),
    ("请各单位6月5日前反馈。", None, D(2020, 6, 5), "deadline"),
    ("本规定自2022年5月1日起施行。", D(2022, 5, 1), None, "start"),
])
def test_ranges_and_deadlines(doc_facts, text, start, end, kind):
    doc, facts = doc_facts(text, year=2020)
    (fact,) = facts.date_ranges
    assert fact.value == (start, end)
    assert fact.attrs["kind"] == kind
    assert doc.text[fact.start:fact.end] == fact.text


def test_range_span_includes_markers(facts_of):
    (fact,) = facts_of("自2021年3月1日起至2021年3月10日止").date_ranges
    assert fact.text == "自2021年3月1日起至2021年3月10日止"


def test_plain_date_is_not_a_range(facts_of):
    assert facts_of("某某市人民政府\n2021年3月10日").date_ranges == []
