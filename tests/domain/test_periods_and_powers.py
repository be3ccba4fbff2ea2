"""Comment periods stated as lengths, unit conversion, subject classes, and content that sets powers."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.facts import calendar
from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.loader import load_catalogue
from lawgov_check.rules.context import CheckContext
from lawgov_check.rules.kinds._classes import classify, document_places
from lawgov_check.rules.predicates.issuing import internal_division
from lawgov_check.rules.predicates.powers import setting_sentences


def _context(text: str, ruleset: str) -> CheckContext:
    catalogue = load_catalogue(packages=False)
    rs = catalogue.ruleset(ruleset)
    return CheckContext(document_from_text(text), params=dict(rs.parameters), vocabularies=rs.vocabularies)


def _comment_durations(text: str) -> list:
    ctx = _context(text, "CN")
    return [f for f in ctx.facts.durations if f.attrs["subject"] == "public_comment"
            and f.attrs["qualifier"] not in ("at_most", "within")]


@pytest.mark.parametrize(("text", "amount", "unit"), [
    ("各单位在门户网站挂出草案，做了5天的公开征求意见", 5, "day"),
    ("各单位在门户网站挂出草案，做了五天的公开征求意见", 5, "day"),
    ("办法草案面向社会征求意见,期限为二十日", 20, "day"),
    ("公开征求意见时间不少于8个工作日", 8, "working_day"),
])
def test_a_stated_comment_period_is_a_duration_about_comments(text, amount, unit):
    [fact] = _comment_durations(text)
    assert (fact.value.amount, fact.value.unit) == (amount, unit)


def test_a_reply_deadline_or_an_upper_bound_is_not_a_comment_period():
    assert _comment_durations("意见收集结束后10个工作日内答复采纳情况，征求意见") == []
    assert _comment_durations("征求意见时间最长不超过6日") == []


def test_a_public_notice_is_not_a_comment_period():
    assert _comment_durations("拟表彰人选公示5个工作日") == []


def test_conversion_never_makes_a_document_look_worse():
    assert calendar.convert(7, "calendar_days", "working_days") == (5, False)
    assert calendar.convert(10, "calendar_days", "working_days") == (7, False)
    assert calendar.convert(5, "working_days", "calendar_days") == (7, False)
    assert calendar.convert(30, "months", "years") == (2.5, True)
    assert calendar.convert(3, "years", "years") == (3, True)
    assert calendar.convert(1, "months", "working_days") == (21, False)  # 30.4 days, 5 of every 7
    with pytest.raises(ValueError):
        calendar.convert(1, "weeks", "calendar_days")


def test_counting_uses_the_holiday_calendar():
    # National Day 2021: 1–7 October off, Saturday 9 October a working day.
    assert calendar.count(dt.date(2021, 9, 28), dt.date(2021, 10, 8), "working_days") == 4
    assert calendar.count(dt.date(2021, 9, 28), dt.date(2021, 10, 8), "calendar_days") == 11
    assert calendar.count(dt.date(2021, 5, 1), dt.date(2026, 4, 30), "years") == 5


@pytest.mark.parametrize(("title", "expected"), [
    ("关于公开征求《某县停车场管理办法（草案）》意见的通知\n为提高政府立法质量，现将规章草案公布", "rule"),
    ("关于《某市湿地保护条例（草案）》公开征求意见的公告", "regulation"),
    ("关于某区公交线网优化重大行政决策事项征求意见的公告", "major_decision"),
    ("关于征求《某县扶持小微企业发展若干措施》意见的通知", "market"),
    ("关于征求《某县村庄保洁办法（征求意见稿）》意见的通知", "normative"),
    ("关于召开年度工作座谈会的通知", None),
])
def test_what_a_notice_puts_out_for_comment(title, expected):
    ctx = _context(title + "\n请于2022年5月30日前反馈意见。", "CN")
    cn01 = next(r for r in ctx_rules("CN") if r.code == "CN01")
    found = classify(ctx, cn01.check["classes"], document_places(ctx, ["title", "opening"]))
    assert (found or {}).get("class") == expected


def ctx_rules(ruleset: str):
    return load_catalogue(packages=False).ruleset(ruleset).rules


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("在人行道上私自设摊的，由执法部门处500元以上3000元以下罚款。", True),
    ("违反本规定的，由执法部门依照《市容环境卫生管理条例》的规定处理。", False),
    ("在公园内举办商业活动，须经园林管理部门批准。", True),
    ("申请登记一律不得收取任何费用。", False),
    ("按每车每日10元的标准收取停车管理费。", True),
    ("本年度罚没收入全部上缴财政。", False),
])
def test_setting_sentences(sentence, flagged):
    ctx = _context(sentence, "ND")
    args = {k: ctx.value(v) for k, v in next(r for r in ctx_rules("ND") if r.code == "ND07").check["args"].items()}
    assert bool(list(setting_sentences(ctx, **args))) is flagged


@pytest.mark.parametrize(("organ", "division"), [
    ("某某区住房和城乡建设局房产科", "房产科"),
    ("某某县农业农村局办公室", "办公室"),
    ("某某省民政厅社会救助处", "社会救助处"),
    ("某某区人民政府办公室", None),
    ("某某区住房和城乡建设局", None),
    ("中共某某市委办公室", None),
])
def test_internal_division(organ, division):
    text = f"{organ}关于印发某项管理办法的通知\n各有关单位：\n现将办法印发给你们。\n\n{organ}\n2021年3月5日"
    ctx = _context(text, "ND")
    args = {k: ctx.value(v) for k, v in next(r for r in ctx_rules("ND") if r.code == "ND08").check["args"].items()}
    found = [h.values["division"] for h in internal_division(ctx, **args)]
    assert found[:1] == ([division] if division else [])
