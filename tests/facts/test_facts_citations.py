"""Citations of documents: 《title》(number), 《title》 alone, and number《title》 (number first).

The sentences are invented for these tests."""

from __future__ import annotations

from lawgov_check.facts import FactContext
from lawgov_check.facts.citations import extract_citations


def test_title_followed_by_its_number(facts_of):
    text = "对照《甲县耕地保护专项规划(2021-2030年)》(甲政发〔2022〕17号),拟定年度计划。"
    (fact,) = facts_of(text).citations
    assert fact.value == {"title": "甲县耕地保护专项规划(2021-2030年)", "number": "甲政发〔2022〕17号",
                          "number_first": False}
    assert fact.text == "《甲县耕地保护专项规划(2021-2030年)》(甲政发〔2022〕17号)"


def test_title_followed_by_an_order_number(facts_of):
    (fact,) = facts_of("《乙市公共自行车管理办法》(乙市人民政府令第31号)").citations
    assert fact.value["number"] == "乙市人民政府令第31号"
    assert fact.attrs["number_kind"] == "order"


def test_title_without_a_number(facts_of):
    (fact,) = facts_of("继续执行《丙县村庄规划编制导则》,").citations
    assert fact.value == {"title": "丙县村庄规划编制导则", "number": None, "number_first": False}


def test_number_written_before_the_title(facts_of):
    text = "依照丁水发〔2020〕4号《关于开展河湖清障行动的通知》安排"
    (fact,) = facts_of(text).citations
    assert fact.value["number_first"] is True
    assert fact.value["number"] == "丁水发〔2020〕4号"
    assert fact.text.startswith("丁水发〔2020〕4号《")


def test_a_title_inside_a_title_and_titles_in_a_row(facts_of):
    text = ("转发《关于印发《戊市政府投资项目管理规定》的通知》;"
            "学习《戊省森林防火条例》和《戊市物业管理办法》。")
    citations = facts_of(text).citations
    assert [f.value["title"] for f in citations] == [
        "关于印发《戊市政府投资项目管理规定》的通知", "戊省森林防火条例", "戊市物业管理办法"]
    assert citations[0].attrs["inner_titles"] == ["戊市政府投资项目管理规定"]


def test_a_title_left_open_at_the_end_of_a_line_is_no_citation(facts_of):
    assert facts_of("《这个书名号没有合上\n到了下一行》").citations == []


def test_full_width_parentheses_in_text_not_yet_normalized():
    # The family function also reads text the normalizer has not folded.
    text = "《己县农贸市场管理细则》（己政办发〔2019〕26号）"
    (fact,) = extract_citations(text, FactContext())
    assert fact.value["number"] == "己政办发〔2019〕26号"
    assert fact.text == text
