from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.facts import FactContext
from lawgov_check.facts.dates import extract_dates, field_date, parse_date

D = dt.date


@pytest.mark.parametrize("text, expected, style", [
    ("成文日期: 2020-02-28  公开方式: 主动公开", D(2020, 2, 28), "iso"),
    ("发文日期:2021/3/29", D(2021, 3, 29), "slash"),
    ("印发日期 2020.3.29。", D(2020, 3, 29), "dot"),
    ("中共某某市委办公室 2020年2月28日印发", D(2020, 2, 28), "cjk"),
    ("湖南省人民政府办公厅\n2018年11月 12 日", D(2018, 11, 12), "cjk"),
    ("本办法自2023年1月1日起施行。", D(2023, 1, 1), "cjk"),
    ("四川省司法厅\n2022年12月30日", D(2022, 12, 30), "cjk"),
    ("中共张家口市委  张家口市人民政府\n二〇一七年四月二十四日", D(2017, 4, 24), "chinese_numerals"),
    ("某某县人民政府\n二〇一七年四月廿四日", D(2017, 4, 24), "chinese_numerals"),
    ("二O一九年十二月三十一日", D(2019, 12, 31), "chinese_numerals"),
    ("发布时间: 2024-12-17 15:16", D(2024, 12, 17), "iso"),
])
def test_full_dates(doc_facts, text, expected, style):
    doc, facts = doc_facts(text)
    dates = facts.dates
    assert [f.value for f in dates] == [expected]
    assert dates[0].attrs["style"] == style
    assert dates[0].attrs["year_inferred"] is False
    assert doc.text[dates[0].start:dates[0].end] == dates[0].text


def test_zero_padded_and_spaced():
    # The pure family function works on any text, spaces included (the normalizer drops lone ones).
    text = "2020年02月08日;2018年11月 12 日;2019年3月5日"
    padded, spaced, plain = extract_dates(text, FactContext())
    assert padded.value == D(2020, 2, 8) and padded.attrs["zero_padded"] is True
    assert spaced.attrs["spaced"] is True and spaced.attrs["zero_padded"] is False
    assert plain.attrs["zero_padded"] is False and plain.attrs["spaced"] is False


def test_chinese_numerals_attr(facts_of):
    (fact,) = facts_of("二〇一七年四月二十四日").dates
    assert fact.attrs["numerals"] == "chinese"
    assert fact.text == "二〇一七年四月二十四日"


def test_yearless_date_takes_document_year(facts_of):
    (fact,) = facts_of("请于6月5日前反馈意见。", year=2021).dates
    assert fact.value == D(2021, 6, 5)
    assert fact.attrs["year_inferred"] is True and fact.attrs["year_source"] == "document"


def test_yearless_date_prefers_year_in_same_sentence(facts_of):
    dates = facts_of("征求意见时间为2022年3月1日至3月10日。4月1日起施行。", year=2021).dates
    assert [f.value for f in dates] == [D(2022, 3, 1), D(2022, 3, 10), D(2021, 4, 1)]
    assert dates[1].attrs["year_source"] == "sentence"


def test_yearless_date_without_any_year(facts_of):
    (fact,) = facts_of("6月5日").dates
    assert fact.value is None and fact.attrs["year_inferred"] is True and not fact.attrs.get("invalid")


def test_date_from_document_date_when_no_year(facts_of):
    (fact,) = facts_of("5月底前完成,6月30日前报送。", date=D(2019, 3, 1)).dates
    assert fact.value == D(2019, 6, 30)


def test_month_precision(facts_of):
    (fact,) = facts_of("截至2021年3月,全市共有规范性文件120件。").dates
    assert fact.value == D(2021, 3, 1) and fact.attrs["precision"] == "month"


def test_year_alone_is_a_year_mention_not_a_date(facts_of):
    facts = facts_of("2019年,全区以习近平新时代中国特色社会主义思想为指导。2020年度工作要点。")
    assert facts.dates == []
    assert [f.value for f in facts.years] == [2019, 2020]


def test_chinese_year_alone_is_a_year_mention(facts_of):
    facts = facts_of("二〇二一年是“十四五”开局之年")
    assert facts.dates == [] and [f.value for f in facts.years] == [2021]


def test_invalid_date(facts_of):
    (fact,) = facts_of("定于2021年2月30日召开听证会。").dates
    assert fact.value is None and fact.attrs["invalid"] is True


def test_invalid_iso_date(facts_of):
    (fact,) = facts_of("2019-02-29").dates
    assert fact.value is None and fact.attrs["invalid"] is True


@pytest.mark.parametrize("text", [
    "咨询电话:0576-88512345",
    "通过96345群众挑刺热线接收投诉",
    "全区政务服务事项1319项",
    "- 3 -",
    "第12页 共30页",
    "纠错率为17.6%",
    "索引号: 11331002002673575G/2020-137764",
    "《实施方案(2016-2020年)》",
    "版本号 1.2.3",
    "涉及合同标的137.16亿",
])
def test_non_dates(facts_of, text):
    assert facts_of(text).dates == []


def test_dates_keep_text_order(facts_of):
    text = "2019年1月1日至2019年3月31日期间;二〇一九年五月一日;2019/6/1"
    values = [f.value for f in facts_of(text).dates]
    assert values == [D(2019, 1, 1), D(2019, 3, 31), D(2019, 5, 1), D(2019, 6, 1)]


@pytest.mark.parametrize("value,expected", [
    ("20240315", dt.date(2024, 3, 15)), ("20240315 10:30", dt.date(2024, 3, 15)),
    ("2024.3.15", dt.date(2024, 3, 15)), ("2024/03/15 10:30:00", dt.date(2024, 3, 15)),
    ("2024年03月15日", dt.date(2024, 3, 15)), ("20241345", None), ("202403151", None), ("2024", None), ("", None),
])
def test_field_date_reads_digits_only_dates(value, expected):
    assert field_date(value) == expected


def test_eight_digits_in_running_text_are_no_date():
    assert parse_date("合同编号20240315") is None
