from __future__ import annotations

from lawgov_check.facts import FactContext
from lawgov_check.facts.citations import extract_citations


def test_title_with_number(facts_of):
    text = "根据《甘肃省法治政府建设实施方案(2016-2020年)》(甘发〔2016〕23号),制定本方案。"
    (fact,) = facts_of(text).citations
    assert fact.value == {"title": "甘肃省法治政府建设实施方案(2016-2020年)", "number": "甘发〔2016〕23号",
                          "number_first": False}
    assert fact.text == "《甘肃省法治政府建设实施方案(2016-2020年)》(甘发〔2016〕23号)"


def test_title_with_order_number(facts_of):
    (fact,) = facts_of("《重大行政决策程序暂行条例》(国务院令第713号)").citations
    assert fact.value["number"] == "国务院令第713号"
    assert fact.attrs["number_kind"] == "order"


def test_title_alone(facts_of):
    (fact,) = facts_of("严格执行《浙江省行政规范性文件管理办法》,").citations
    assert fact.value == {"title": "浙江省行政规范性文件管理办法", "number": None, "number_first": False}


def test_number_before_title(facts_of):
    text = "按照国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》要求"
    (fact,) = facts_of(text).citations
    assert fact.value["number_first"] is True
    assert fact.value["number"] == "国办发〔2018〕37号"
    assert fact.text.startswith("国办发〔2018〕37号《")


def test_nested_titles_and_order(facts_of):
    text = ("印发《关于印发《某某市重大行政决策程序规定》的通知》;"
            "学习《中华人民共和国行政复议法》和《信访工作条例》。")
    titles = [f.value["title"] for f in facts_of(text).citations]
    assert titles == ["关于印发《某某市重大行政决策程序规定》的通知", "中华人民共和国行政复议法", "信访工作条例"]
    assert facts_of(text).citations[0].attrs["inner_titles"] == ["某某市重大行政决策程序规定"]


def test_unclosed_title_is_ignored(facts_of):
    assert facts_of("《没有结尾的书名\n下一行》").citations == []


def test_full_width_parentheses_in_raw_text():
    # The family function also accepts text the normalizer has not folded.
    text = "《江苏省行政规范性文件管理规定》（苏政办发〔2020〕19号）"
    (fact,) = extract_citations(text, FactContext())
    assert fact.value["number"] == "苏政办发〔2020〕19号"
    assert fact.text == text
