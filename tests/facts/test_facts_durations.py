from __future__ import annotations

import pytest

from lawgov_check.facts import Duration


@pytest.mark.parametrize("text, amount, unit, qualifier", [
    ("在区政府网站上进行7天公开征求公众意见", 7, "day", None),
    ("公示期为七日", 7, "day", None),
    ("应当在收到材料之日起7个工作日内作出答复", 7, "working_day", "within"),
    ("公开征求意见,期限不少于30日", 30, "day", "at_least"),
    ("征求意见期限一般为三十日", 30, "day", None),
    ("有效期为5年", 5, "year", None),
    ("试行有效期不超过两年", 2, "year", "at_most"),
    ("报送备案的时限为一个月", 1, "month", None),
    ("延长期限最长不超过两个月", 2, "month", "at_most"),
    ("应当在15个工作日内完成合法性审核", 15, "working_day", "within"),
    ("企业开办全流程1个工作日办结", 1, "working_day", None),
    ("审批时限压缩至 20 天以内", 20, "day", "within"),
    ("规章实施满3年后开展评估", 3, "year", "at_least"),
    ("交付期限为六个月", 6, "month", None),
    ("审查期限为俩个月", 2, "month", None),
    ("征求意见时间不少于俩周,公示十五日", 15, "day", None),
])
def test_duration_forms(facts_of, text, amount, unit, qualifier):
    (fact,) = facts_of(text).durations
    assert fact.value == Duration(amount, unit)
    assert fact.attrs["qualifier"] == qualifier


@pytest.mark.parametrize("text, subject", [
    ("出台前全部在区政府网站上进行7天公开征求公众意见", "public_comment"),
    ("公开征求意见的时间一般不少于30日", "public_comment"),
    ("涉及公共利益的要在报纸上公开征求意见,期限不少于30日", "public_comment"),
    ("拟任人选公示5个工作日", "public_notice"),
    ("合法性审核时间一般不少于5个工作日", "legality_review"),
    ("应当自公布之日起30日内报送备案", "filing"),
    ("规范性文件有效期一般不超过5年", "validity"),
    ("举行听证的,应当提前七日通知当事人", "hearing"),
    ("企业开办全流程1个工作日办结", None),
    ("连续12年成功创建平安县", None),
])
def test_duration_subject(facts_of, text, subject):
    (fact,) = facts_of(text).durations
    assert fact.attrs["subject"] == subject


def test_subject_does_not_cross_sentence(facts_of):
    (fact,) = facts_of("起草单位应当公开征求意见。审查机关应当在10个工作日内作出决定").durations
    assert fact.attrs["subject"] is None


@pytest.mark.parametrize("text", [
    "2019年,全区以习近平新时代中国特色社会主义思想为指导",
    "二〇一七年四月二十四日",
    "2020年3月15日",
    "2018年11月12日",
    "上一年度法治政府建设先进单位",
    "全区政务服务事项1319项",
    "通过96345群众挑刺热线",
    "咨询电话:0571-87054321",
    "第3页",
    "纠错率为17.6%",
    "第十九届四中全会",
    "2021年度工作要点",
])
def test_non_durations(facts_of, text):
    assert facts_of(text).durations == []
