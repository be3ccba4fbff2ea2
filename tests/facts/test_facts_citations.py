from __future__ import annotations

from lawgov_check.facts import FactContext
from lawgov_check.facts.citations import extract_citations


def test_title_with_number(facts_of):
    text = "依照《某某省林地保护利用规划(2011-2015年)》(某政发〔2013〕41号),编制本计划。"
    (fact,) = facts_of(text).citations
    assert fact.value == {"title": "某某省林地保护利用规划(2011-2015年)", "number": "某政发〔2013〕41号",
                          "number_first": False}
    assert fact.text == "《某某省林地保护利用规划(2011-2015年)》(某政发〔2013〕41号)"


def test_title_with_order_number(facts_of):
    (fact,) = facts_of("《某某市道路停车收费管理规定》(某某市人民政府令第58号)").citations
    assert fact.value["number"] == "某某市人民政府令第58号"
    assert fact.attrs["number_kind"] == "order"


def test_title_alone(facts_of):
    (fact,) = facts_of("认真落实《某某县农村宅基地审批办法》,").citations
    assert fact.value == {"title": "某某县农村宅基地审批办法", "number": None, "number_first": False}


def test_number_before_title(facts_of):
    text = "按照某农发〔2021〕9号《关于做好冬春农田水利建设工作的通知》部署"
    (fact,) = facts_of(text).citations
    assert fact.value["number_first"] is True
    assert fact.value["number"] == "某农发〔2021〕9号"
    assert fact.text.startswith("某农发〔2021〕9号《")


def test_nested_titles_and_order(facts_of):
    text = ("印发《关于印发《某某市重大行政决策程序规定》的通知》;"
            "宣讲《某某省河道管理条例》和《某某市养犬管理规定》。")
    titles = [f.value["title"] for f in facts_of(text).citations]
    assert titles == ["关于印发《某某市重大行政决策程序规定》的通知", "某某省河道管理条例", "某某市养犬管理规定"]
    assert facts_of(text).citations[0].attrs["inner_titles"] == ["某某市重大行政决策程序规定"]


def test_unclosed_title_is_ignored(facts_of):
    assert facts_of("《没有结尾的书名\n下一行》").citations == []


def test_full_width_parentheses_in_raw_text():
    # The family function also accepts text the normalizer has not folded.
    text = "《某某县集贸市场管理细则》（某政办发〔2020〕19号）"
    (fact,) = extract_citations(text, FactContext())
    assert fact.value["number"] == "某政办发〔2020〕19号"
    assert fact.text == text
