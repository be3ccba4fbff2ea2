from __future__ import annotations

import pytest

REVIEW = ("共审结案件34件(含审结2018年受理的案件4件),其中维持18件,驳回2件,纠错6件,纠错率为17.6%,"
          "经实体审查后调解撤诉的10件,调解结案率为31.3%。")


def test_total_with_parts_and_note(facts_of):
    (total,) = facts_of(REVIEW).totals
    assert total.value["total"] == 34 and total.value["unit"] == "件"
    assert [(label, n) for label, n, _ in total.value["parts"]] == [
        ("维持", 18), ("驳回", 2), ("纠错", 6), ("经实体审查后调解撤诉的", 10)]
    assert total.attrs["parts_sum"] == 36
    assert total.value["complete"] is False


def test_part_spans_point_at_the_parts(doc_facts):
    doc, facts = doc_facts(REVIEW)
    (total,) = facts.totals
    assert [doc.text[s:e] for _, _, (s, e) in total.value["parts"]] == [
        "维持18件", "驳回2件", "纠错6件", "经实体审查后调解撤诉的10件"]


def test_rate_gets_numerator_and_denominator(facts_of):
    rates = facts_of(REVIEW).rates
    assert [r.value["name"] for r in rates] == ["纠错", "调解结案"]
    first = rates[0]
    assert first.value == {"name": "纠错", "percent": 17.6, "decimals": 1, "qualifier": None}
    assert (first.attrs["numerator"], first.attrs["denominator"]) == (6, 34)
    assert rates[1].attrs["numerator"] is None  # "调解撤诉的10件" does not name 调解结案


def test_parts_before_total(facts_of):
    (total,) = facts_of("机构改革后,保留18家、撤销31家、合并8家,共57家。").totals
    assert total.value["total"] == 57
    assert [n for _, n, _ in total.value["parts"]] == [18, 31, 8]
    assert total.attrs["order"] == "parts_first"


def test_complete_breakdown_with_fenbie(facts_of):
    (total,) = facts_of("全年共办理行政复议案件20件,分别为维持12件、撤销5件、确认违法3件。").totals
    assert total.value["complete"] is True and total.attrs["parts_sum"] == 20


def test_nested_breakdown_is_not_double_counted(facts_of):
    text = "共受理申请40件,其中受理30件,不予受理10件,其中补正后受理4件。"
    (total,) = facts_of(text).totals
    assert [n for _, n, _ in total.value["parts"]] == [30, 10]
    assert total.attrs["nested_breakdown"] is True


def test_parts_with_other_units_are_ignored(facts_of):
    text = "共清理规范性文件256件,其中继续有效的199件,废止的45件,涉及部门12个,宣布失效的12件。"
    (total,) = facts_of(text).totals
    assert total.attrs["parts_sum"] == 256


@pytest.mark.parametrize("text", [
    "全区共受理矛盾纠纷2794件,调处成功2772件,调处成功率为99.21%,其中涉及非正常死亡纠纷案件66件。",
    "共有生效合同1488件,标的总额99577.3万。其中,已经履行完毕的1186件,正在履行中的301件。",
    "全区政务服务事项1319项,已实现“最多跑一次”1319项,实现率100%。",
    "提供法律服务837件,参与规范性文件审查282件,共出具法律意见1082条。",
    "通过96345群众挑刺热线接收群众投诉",
])
def test_no_total_without_clear_structure(facts_of, text):
    assert facts_of(text).totals == []


@pytest.mark.parametrize("text, name, percent, decimals, qualifier", [
    ("实现率100%", "实现", 100.0, 0, None),
    ("民生事项“就近办理”实现率达80%以上", "实现", 80.0, 0, "以上"),
    ("全区执法证持证率为91.1%", "持证", 91.1, 1, None),
    ("检查完成率98.56%", "检查完成", 98.56, 2, None),
    ("群众满意度达到95%以上", None, 95.0, 0, "以上"),
])
def test_rate_forms(facts_of, text, name, percent, decimals, qualifier):
    (rate,) = facts_of(text).rates
    assert rate.value["percent"] == percent and rate.value["decimals"] == decimals
    assert rate.value["qualifier"] == qualifier
    if name is not None:
        assert rate.value["name"].endswith(name)
    else:
        assert rate.value["name"] is None


def test_rate_with_denominator_from_total_marker(facts_of):
    (rate,) = facts_of("开展法律知识考试,共119名执法人员参加,通过108名,通过率91%。").rates
    assert (rate.attrs["numerator"], rate.attrs["denominator"]) == (108, 119)


def test_numerator_not_taken_across_an_earlier_rate(facts_of):
    first, second = facts_of("开通账号361户,实现账号开通率100%,掌上执法开通率100%。").rates
    assert first.attrs["numerator"] == 361
    assert second.attrs["numerator"] is None


@pytest.mark.parametrize("text", ["分值比去年提高了50%", "增长12.5%", "占全部检查数的90%以上"])
def test_other_percentages_are_not_rates(facts_of, text):
    assert facts_of(text).rates == []
