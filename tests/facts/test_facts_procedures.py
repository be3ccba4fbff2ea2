from __future__ import annotations

import pytest

from lawgov_check.facts import Duration


@pytest.mark.parametrize("text, name", [
    ("向社会公开征求意见", "public_comment"),
    ("广泛征求意见", "public_comment"),
    ("进行7天公开征求公众意见", "public_comment"),
    ("由司法局进行合法性审查", "legality_review"),
    ("经合法性审核", "legality_review"),
    ("提交集体讨论决定", "collective_deliberation"),
    ("经区政府常务会议审议通过", "collective_deliberation"),
    ("组织专家论证", "expert_argumentation"),
    ("开展社会稳定风险评估", "risk_assessment"),
    ("扩大公众参与", "public_participation"),
    ("依法举行听证", "public_participation"),
    ("实行“统一登记、", "registration"),
    ("报市人大常委会备案", "filing"),
    ("开展公平竞争审查", "fair_competition_review"),
])
def test_procedure_names(facts_of, text, name):
    (fact,) = facts_of(text).procedures
    assert fact.value == name


@pytest.mark.parametrize("text, negated", [
    ("在作出重大行政决策前不经合法性审查", True),
    ("未经合法性审查的,不得提交讨论", True),
    ("尚未开展公平竞争审查", True),
    ("没有组织专家论证", True),
    ("不断完善合法性审查机制", False),
    ("严格落实合法性审查", False),
])
def test_negation(facts_of, text, negated):
    (fact,) = [f for f in facts_of(text).procedures]
    assert fact.attrs["negated"] is negated


def test_attached_duration_and_date(facts_of):
    text = "于2021年3月1日公开征求意见,期限不少于30日。"
    facts = facts_of(text)
    (fact,) = facts.procedures
    assert fact.attrs["durations"] == []  # the duration is in the next clause
    assert [d.isoformat() for d in fact.attrs["dates"]] == ["2021-03-01"]
    (same_clause,) = facts_of("进行7天公开征求公众意见").procedures
    assert same_clause.attrs["durations"] == [Duration(7, "day")]
    assert same_clause.attrs["duration_indices"] == [0]


def test_three_registrations(facts_of):
    facts = facts_of("严格执行“统一登记、统一编号、统一印发”制度")
    assert [f.text for f in facts.procedures] == ["统一登记", "统一编号", "统一印发"]
