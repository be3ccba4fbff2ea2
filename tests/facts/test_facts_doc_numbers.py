from __future__ import annotations

import pytest

from facts_support import folded_document
from lawgov_check.facts import extract_facts


@pytest.mark.parametrize("text, prefix, year, serial, bracket, kind", [
    ("市委发〔2017〕23号", "市委发", 2017, 23, "〔〕", "doc_number"),
    ("根据国办发〔2018〕37号文件精神", "国办发", 2018, 37, "〔〕", "doc_number"),
    ("浙政办发〔2019〕5号", "浙政办发", 2019, 5, "〔〕", "doc_number"),
    ("按照厅字〔2019〕28号要求", "厅字", 2019, 28, "〔〕", "doc_number"),
    ("湘政发[2016]12号", "湘政发", 2016, 12, "[]", "doc_number"),
    ("川府发【2020】8号", "川府发", 2020, 8, "【】", "doc_number"),
    ("京政办发(2015)44号", "京政办发", 2015, 44, "()", "doc_number"),
    ("皖政﹝2021﹞3号", "皖政", 2021, 3, "﹝﹞", "doc_number"),
    ("粤府办〔13〕7号", "粤府办", 2013, 7, "〔〕", "doc_number"),
    ("台政发〔2019〕023号", "台政发", 2019, 23, "〔〕", "doc_number"),
    ("鲁政字〔2018〕第23号", "鲁政字", 2018, 23, "〔〕", "doc_number"),
    ("杨管规〔2012〕001", "杨管规", 2012, 1, "〔〕", "registration"),
    # legacy forms: the year first, the organ code ending in 字 after it
    ("(79)某公路字415号", "某公路字", 1979, 415, "()", "doc_number"),
    ("根据（86）某财字第23号文件", "某财字", 1986, 23, "()", "doc_number"),
    ("〔1990〕某计字第7号", "某计字", 1990, 7, "〔〕", "doc_number"),
])
def test_bracketed_numbers(facts_of, text, prefix, year, serial, bracket, kind):
    (fact,) = facts_of(text).doc_numbers
    assert (fact.value["prefix"], fact.value["year"], fact.value["serial"]) == (prefix, year, serial)
    assert fact.attrs["bracket"] == bracket and fact.attrs["kind"] == kind
    assert fact.value["raw"] == fact.text


@pytest.mark.parametrize("text", ["(2019)年度报告5号", "(12)某某字", "(1930)某字5号", "(79)某公路415号"])
def test_year_first_needs_a_year_an_organ_code_with_zi_and_hao(facts_of, text):
    assert not facts_of(text).doc_numbers


def test_year_first_form_attributes(facts_of):
    (fact,) = facts_of("(79)某公路字第415号").doc_numbers
    assert fact.attrs["year_digits"] == 2 and fact.attrs["has_di"] is True and fact.attrs["year_first"] is True


def test_form_attributes(facts_of):
    two_digit, padded, di = facts_of("粤府办〔13〕7号、台政发〔2019〕023号、鲁政字〔2018〕第23号").doc_numbers
    assert two_digit.attrs["year_digits"] == 2 and padded.attrs["year_digits"] == 4
    assert padded.attrs["zero_padded"] is True and two_digit.attrs["zero_padded"] is False
    assert di.attrs["has_di"] is True and padded.attrs["has_di"] is False


@pytest.mark.parametrize("text, prefix, serial", [
    ("《重大行政决策程序暂行条例》(国务院令第713号)", "国务院令", 713),
    ("省政府令第216号", "省政府令", 216),
    ("根据令第216号公布", "令", 216),
])
def test_orders(facts_of, text, prefix, serial):
    (fact,) = facts_of(text).doc_numbers
    assert fact.attrs["kind"] == "order"
    assert fact.value["prefix"] == prefix and fact.value["serial"] == serial and fact.value["year"] is None


@pytest.mark.parametrize("text, prefix, year, serial", [
    ("登记编号:HFGS—2017—9", "HFGS", 2017, 9),
    ("ZJSP01-2019-0003", "ZJSP01", 2019, 3),
])
def test_registration_codes(facts_of, text, prefix, year, serial):
    (fact,) = facts_of(text).doc_numbers
    assert fact.attrs["kind"] == "registration"
    assert (fact.value["prefix"], fact.value["year"], fact.value["serial"]) == (prefix, year, serial)


def test_original_full_width_bracket_is_recorded():
    doc = folded_document("苏政办发（2020）19号")
    (fact,) = extract_facts(doc).doc_numbers
    assert fact.attrs["bracket"] == "()"
    assert fact.attrs["bracket_original"] == "（）"
    assert fact.attrs["standard_bracket"] is False


@pytest.mark.parametrize("text", [
    "《张掖市法治政府建设实施方案(2016-2020年)》",
    "各街道(镇)便民服务中心4家",
    "联系电话:0931-8928123",
    "通过96345群众挑刺热线接收群众投诉",
    "全区政务服务事项1319项",
    "(2019)",
    "共审结案件34件(含审结2018年受理的案件4件)",
    "第3页",
])
def test_non_doc_numbers(facts_of, text):
    assert facts_of(text).doc_numbers == []
