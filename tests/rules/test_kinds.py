"""Check kinds driven by small rulesets: presence, absence, fact, period, deadline, order, numbering."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.model import Heading
from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.engine import evaluate
from lawgov_check.facts import calendar
from lawgov_check.rules.kinds.consistency import rate_is_consistent
from lawgov_check.rules.kinds.numbering import numbering_problems
from lawgov_check.rules.loader import load_catalogue
from lawgov_check.rules.selection import Selection, Subject
from ruleset_builder import make_ruleset_text


def _hits(write_ruleset, check, text="正文", *, manifest=None, year=None, date=None, parameters="{}",
          extra=""):
    path = write_ruleset(make_ruleset_text([{"code": "XX01", "check": check, "extra": extra}], parameters=parameters))
    catalogue = load_catalogue([str(path)], bundled=False)
    doc = document_from_text(text)
    doc.identity.state(year=year, date=date)
    result = evaluate(doc, catalogue, Subject("notice", year=year, date=date), Selection(), manifest=manifest)
    assert not result.errors, result.errors
    return result.findings


def test_presence_and_groups(write_ruleset):
    check = "{kind: presence, keywords: [存在的不足, 短板]}"
    assert _hits(write_ruleset, check, "一、成效\n二、存在的不足") == []
    [missing] = _hits(write_ruleset, check, "一、成效\n二、下一步安排")
    assert missing.evidence == ""
    groups = "{kind: presence, groups: [[成效, 举措], [不足, 问题]]}"
    assert len(_hits(write_ruleset, groups, "主要举措")) == 1


def test_absence_keywords_are_folded(write_ruleset):
    # The normalizer folds full-width parentheses; a keyword written with them still matches.
    found = _hits(write_ruleset, "{kind: absence, keywords: ['（试行）']}", "某市管理办法(试行)")
    assert [f.evidence for f in found] == ["(试行)"]


def test_fact_where(write_ruleset):
    check = "{kind: fact, family: durations, where: {value.unit: {eq: working_day}, value.amount: {lt: 5}}}"
    assert len(_hits(write_ruleset, check, "审核时间为3个工作日。")) == 1
    assert _hits(write_ruleset, check, "审核时间为7个工作日。") == []


@pytest.mark.parametrize(("start", "end", "unit", "expected"), [
    ("2021-03-01", "2021-03-07", "calendar_days", 7),
    ("2021-09-27", "2021-10-08", "working_days", 5),   # National Day holiday, adjusted weekends
    ("2021-01-15", "2021-03-14", "months", 1),
    ("2021-01-15", "2021-03-15", "months", 2),
])
def test_date_counting(start, end, unit, expected):
    assert calendar.count(dt.date.fromisoformat(start), dt.date.fromisoformat(end), unit) == expected


def test_period_from_manifest(write_ruleset):
    check = ("{kind: period, subject: {manifest: comment_period}, unit: working_days, "
             "min: {param: min_days}}")
    short = {"comment_period": {"start": "2021-03-01", "end": "2021-03-05"}}
    ok = {"comment_period": {"start": "2021-03-01", "end": "2021-03-09"}}
    [f] = _hits(write_ruleset, check, manifest=short, parameters="{min_days: 7}", extra=PERIOD_MESSAGES)
    assert f.location.line == 1 and f.message == "2021-03-01—2021-03-05 共 5working_days"  # no labels here
    assert _hits(write_ruleset, check, manifest=ok, parameters="{min_days: 7}") == []
    assert _hits(write_ruleset, check, manifest=None, parameters="{min_days: 7}") == []


PERIOD_MESSAGES = """\
    messages:
      too-short: {zh: "{start}—{end} 共 {length}{unit}", en: "{start} to {end}: {length} {unit}"}
      stated-too-short: {zh: "“{evidence}”少于{min}{unit}", en: "“{evidence}” below {min} {unit}"}
      converted-too-short: {zh: "“{evidence}”约合{converted}{unit}", en: "“{evidence}” about {converted} {unit}"}
      missing: {zh: 未写明, en: not stated}
"""


def test_period_from_duration_fact(write_ruleset):
    check = "{kind: period, subject: {fact: durations}, unit: calendar_days, min: 30}"
    assert len(_hits(write_ruleset, check, "征求意见时间为15日。", extra=PERIOD_MESSAGES)) == 1
    assert _hits(write_ruleset, check, "征求意见时间为30日。") == []


def test_deadline_by_report_year(write_ruleset):
    check = ("{kind: deadline, date: [manifest.publication_date, document.date], must_be: before, "
             "reference: {year: document.year, year_offset: 1, month_day: '04-01'}}")
    assert _hits(write_ruleset, check, year=2019, date=dt.date(2020, 2, 28)) == []
    late = _hits(write_ruleset, check, year=2019, date=dt.date(2020, 4, 3))
    assert len(late) == 1
    via_manifest = _hits(write_ruleset, check, year=2019, manifest={"publication_date": "2020-05-01"})
    assert len(via_manifest) == 1


def test_deadline_relative_to_another_date(write_ruleset):
    check = ("{kind: deadline, date: manifest.filing.date, must_be: on_or_before, "
             "reference: {date: manifest.publication_date, add: 30, unit: calendar_days}}")
    on_time = {"publication_date": "2021-03-01", "filing": {"date": "2021-03-31"}}
    late = {"publication_date": "2021-03-01", "filing": {"date": "2021-04-01"}}
    assert _hits(write_ruleset, check, manifest=on_time) == []
    assert len(_hits(write_ruleset, check, manifest=late)) == 1


def test_order_of_manifest_dates(write_ruleset):
    check = "{kind: order, elements: [manifest.legality_review.end, manifest.collective_deliberation.date]}"
    good = {"legality_review": {"end": "2021-03-01"}, "collective_deliberation": {"date": "2021-03-05"}}
    bad = {"legality_review": {"end": "2021-03-10"}, "collective_deliberation": {"date": "2021-03-05"}}
    assert _hits(write_ruleset, check, manifest=good) == []
    assert len(_hits(write_ruleset, check, manifest=bad)) == 1


def test_order_of_text_elements(write_ruleset):
    check = "{kind: order, scope: document, elements: [{regex: '《[^》]+》'}, {regex: '〔\\d{4}〕\\d+号'}]}"
    assert _hits(write_ruleset, check, "《某办法》(某发〔2016〕23号)") == []
    [f] = _hits(write_ruleset, check, "某发〔2016〕23号《某办法》")
    assert f.evidence == "〔2016〕23号《某办法》"


def _h(level, number, style="std", start=0):
    default = {1: "cn_dun", 2: "cn_paren", 3: "arabic_dot", 4: "arabic_paren"}
    return Heading(level=level, marker=f"{number}", number=number, text="", line=start + 1, start=start,
                   end=start + 1, style=default[level] if style == "std" else style)


def _problems(specs, wanted=("gap", "repeat", "out_of_order", "level_skip", "lower_first",
                             "deviant_marker", "mixed_style")):
    headings = [_h(*spec[:2], *(spec[2:] or ["std"]), start=i) for i, spec in enumerate(specs)]
    return [(h.start, p) for h, p, _ in numbering_problems(headings, wanted)]


def test_numbering_restart_and_continuous_both_accepted():
    assert _problems([(1, 1), (2, 1), (2, 2), (1, 2), (2, 1), (2, 2)]) == []
    assert _problems([(1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 4), (1, 3), (2, 5)]) == []


def test_numbering_problems():
    assert _problems([(1, 1), (1, 3)]) == [(1, "gap")]
    assert _problems([(1, 1), (1, 2), (1, 2)]) == [(2, "repeat")]
    assert _problems([(1, 1), (2, 1), (2, 3), (2, 2)]) == [(2, "gap"), (3, "out_of_order")]
    assert _problems([(1, 1), (2, 1), (2, 2), (1, 2), (2, 2)]) == [(4, "repeat")]  # neither restart nor continued
    assert _problems([(1, 1), (2, 1), (2, 2), (1, 2), (2, 5)]) == [(4, "gap")]
    assert _problems([(1, 1), (4, 1)]) == [(1, "level_skip")]
    assert _problems([(2, 1), (2, 2), (1, 1)]) == [(0, "lower_first")]


def test_level_skip_reported_once_per_parent():
    # 一、 (1) (2) (3) 二、 (1): the skipped level is one problem under each parent, at its first sibling
    assert _problems([(1, 1), (4, 1), (4, 2), (4, 3), (1, 2), (4, 1)]) == [(1, "level_skip"), (5, "level_skip")]
    # a deeper run under a new parent is a new problem
    assert _problems([(1, 1), (3, 1), (3, 2), (2, 1), (4, 1), (4, 2)]) == [(1, "level_skip"), (4, "level_skip")]
    assert _problems([(1, 1), (2, 1), (3, 1, "arabic_dun")]) == [(2, "deviant_marker")]


def test_rate_rounding():
    assert rate_is_consistent(91, 0, None, 108, 119)
    assert rate_is_consistent(17.6, 1, None, 6, 34)
    assert rate_is_consistent(33, 0, None, 1, 3)
    assert rate_is_consistent(90, 0, "以上", 183, 200)
    assert not rate_is_consistent(25, 0, None, 8, 40)
    assert not rate_is_consistent(99.21, 2, None, 2700, 2800)
