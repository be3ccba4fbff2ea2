"""Helpers behind the domain predicates: periods, classification, issuers, parts."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.predicates.comment import (classify_text, count_days, falls_short,
                                                   stated_periods)
from lawgov_check.rules.predicates.normative import internal_division, setting_sentences


@pytest.mark.parametrize(("text", "amount", "unit"), [
    ("出台前全部在区政府网站上进行7天公开征求公众意见", 7, "calendar_days"),
    ("出台前全部在区政府网站上进行七天公开征求公众意见", 7, "calendar_days"),
    ("规章草案公开征求意见,期限为三十日", 30, "calendar_days"),
    ("公开征求意见时间不少于10个工作日", 10, "working_days"),
])
def test_stated_periods(text: str, amount: int, unit: str) -> None:
    [stated] = stated_periods(text)
    assert (stated.amount, stated.unit) == (amount, unit)


def test_reply_deadline_is_not_a_comment_period() -> None:
    assert stated_periods("征求意见结束后15个工作日内反馈采纳情况") == []
    assert stated_periods("征求意见时间最长不超过5日") == []


def test_calendar_days_against_working_days() -> None:
    assert falls_short(7, "calendar_days", 7, "working_days")[0]
    assert not falls_short(10, "calendar_days", 7, "working_days")[0]
    assert not falls_short(7, "calendar_days", 7, "calendar_days")[0]
    assert falls_short(3, "calendar_days", 7, "calendar_days")[0]


def test_count_days_uses_the_holiday_calendar() -> None:
    # National Day 2021: 1–7 October off, Saturday 9 October a working day.
    assert count_days(dt.date(2021, 9, 28), dt.date(2021, 10, 8)) == (11, 4)
    assert count_days(dt.date(2021, 3, 1), dt.date(2021, 3, 12)) == (12, 10)


@pytest.mark.parametrize(("text", "expected"), [
    ("关于公开征求《某市电梯安全管理办法（草案）》意见的公告，为提高政府立法质量", "rule"),
    ("某市养犬管理条例（草案）征求意见，地方性法规", "regulation"),
    ("老旧小区改造重大行政决策事项", "major_decision"),
    ("制定区级规范性文件14件", "normative"),
    ("全年办理复议案件36件", None),
])
def test_classify_text(text: str, expected: str | None) -> None:
    assert classify_text(text) == expected


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("擅自占用城市道路的，由城市管理部门处2000元以上1万元以下罚款。", True),
    ("违反本办法规定的，由城市管理部门依照《城市道路管理条例》的规定予以处罚。", False),
    ("在城市道路上设置摊点，须经街道办事处批准。", True),
    ("办理许可不得收取任何费用。", False),
    ("按每平方米200元的标准收取道路占用费。", True),
    ("全年罚没收入上缴国库。", False),
    ("对违法行为由有关部门依法予以查处。", False),
])
def test_setting_sentences(sentence: str, flagged: bool) -> None:
    assert bool(list(setting_sentences(sentence))) is flagged


@pytest.mark.parametrize(("organ", "division"), [
    ("某某市市场监督管理局法规科", "法规科"),
    ("某某县交通运输局办公室", "办公室"),
    ("某某省教育厅高等教育处", "高等教育处"),
    ("某某市人民政府办公室", None),
    ("某某市市场监督管理局", None),
    ("中共某某县委办公室", None),
    ("某某市深化改革领导小组办公室", None),
])
def test_internal_division(organ: str, division: str | None) -> None:
    assert internal_division(organ) == division
