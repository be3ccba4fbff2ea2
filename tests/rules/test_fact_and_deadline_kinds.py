"""The `fact` kind (scope, scopes with variants, when, report: absent, where_any, variant_from,
values) and the `deadline` kind (when, values, a parameter month_day, the identity's year)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.engine import evaluate
from lawgov_check.rules.loader import RulesetError, load_catalogue, load_ruleset
from lawgov_check.rules.selection import Selection, Subject

HEAD = """\
id: XX
name: {zh: 测试, en: Test}
version: '0.1'
description: test
applies_to: {doc_types: ["*"]}
parameters: {since: "2012-07-01", deadline: "04-01"}
vocabularies:
  endings: [备]
rules:
  - code: XX01
    name: test-rule
    status: active
    severity: warning
    summary: {zh: 摘要, en: summary}
    message: {zh: '默认 {evidence}', en: 'default {evidence}'}
    messages:
      own: {zh: '本文 {evidence}', en: 'own {evidence}'}
      cited: {zh: '引用 {evidence}', en: 'cited {evidence}'}
      invalid: {zh: '无效 {evidence}', en: 'invalid {evidence}'}
    suggestion: {zh: 建议, en: suggestion}
    basis: [{title: 测试依据, certainty: unverified}]
    examples: {pass: ["通过"], fail: ["不通过"]}
"""


def _findings(write_ruleset, check: str, text: str, doc_type: str = "notice", lang: str = "zh", head: str = HEAD):
    catalogue = load_catalogue([str(write_ruleset(head + f"    check: {check}\n"))], bundled=False)
    doc = document_from_text(text)
    if doc_type != doc.doc_type:
        doc.identity.with_type(doc_type)
    result = evaluate(doc, catalogue, Subject(doc_type=doc_type), Selection(), lang=lang)
    assert not result.errors, result.errors
    return result.findings


NUMBERS = "某市人民政府文件\n\n某政发[2019]12号\n\n关于加强管理的通知\n根据某办发[2018]3号文件精神，某规备[2019]2号备案。\n\n某市人民政府\n2019年5月6日"
OWN_OR_CITED = ("{kind: fact, family: doc_numbers, where: {attrs.bracket_original: {ne: '〔〕'}, "
                "value.prefix: {ends_with_none: {vocab: endings}}}, scopes: ["
                "{scope: node:doc_number, variant: own}, "
                "{scope: document, variant: cited, when: {document.date: {ge: {param: since}}}}]}")


def test_scopes_give_each_fact_its_variant(write_ruleset):
    found = [f.message for f in _findings(write_ruleset, OWN_OR_CITED, NUMBERS)]
    assert found == ["本文 某政发[2019]12号", "引用 某办发[2018]3号"]


def test_a_scope_whose_condition_fails_takes_no_fact(write_ruleset):
    undated = NUMBERS.replace("2019年5月6日", "")
    assert [f.message for f in _findings(write_ruleset, OWN_OR_CITED, undated)] == ["本文 某政发[2019]12号"]


def test_report_absent_is_one_finding_at_the_title(write_ruleset):
    check = "{kind: fact, family: citations, report: absent}"
    [finding] = _findings(write_ruleset, check, "某县关于加强管理的通知\n请遵照执行。")
    assert finding.evidence == "某县关于加强管理的通知"
    assert not _findings(write_ruleset, check, "某县关于加强管理的通知\n执行《某县管理办法》。")


def test_when_conditions_on_document_fields(write_ruleset):
    check = "{kind: fact, family: citations, report: absent, when: {document.title: {contains_none: [通知]}}}"
    assert not _findings(write_ruleset, check, "某县关于加强管理的通知\n请遵照执行。")


def test_variant_from_a_fact_attribute_and_where_any(write_ruleset):
    check = ("{kind: fact, family: dates, where_any: [{attrs.invalid: {eq: true}}, {attrs.zero_padded: {eq: true}}], "
             "variant_from: attrs.problem}")
    findings = _findings(write_ruleset, check, "定于2021年6月31日和2021年07月1日召开。")
    assert [f.evidence for f in findings] == ["2021年6月31日", "2021年07月1日"]
    check = "{kind: fact, family: task_deadlines, where: {attrs.problem: {exists: true}}, variant_from: attrs.problem}"
    plan = ("某县实施方案\n一、任务\n（一）清理。2021年6月31日前完成。（牵头单位：县司法局，责任单位：各部门）\n"
            "（二）公开。（牵头单位：县政府办，责任单位：各部门）")
    assert [f.message for f in _findings(write_ruleset, check, plan)] == ["无效 2021年6月31日"]


@pytest.mark.parametrize("check, expected", [
    ("{kind: fact, family: datez}", "未知的事实类别 datez"),
    ("{kind: fact, family: dates, scope: body, scopes: [{scope: body}]}", "scope 与 scopes 只能二选一"),
    ("{kind: fact, family: dates, when: {document.title: {contains_all: [x]}}}", "check"),
    ("{kind: deadline, date: document.date, must_be: before, reference: {month_day: {param: deadline}}, "
     "when: {nowhere.x: {eq: 1}}}", "check"),
])
def test_arguments_are_checked_when_loaded(write_ruleset, check, expected):
    with pytest.raises(RulesetError) as caught:
        load_ruleset(write_ruleset(HEAD + f"    check: {check}\n"))
    assert expected in str(caught.value)


DEADLINE = ("{kind: deadline, date: [document.date], must_be: before, "
            "reference: {year_offset: 1, month_day: {param: deadline}}, "
            "when: {facts.report_subject.attrs.organ: {ends_with_any: [局]}}, values: {entity: facts.report_subject.value}}")


def test_deadline_on_the_identity_year_with_conditions_and_values(write_ruleset):
    report = "某市司法局2021年度法治政府建设情况报告\n一、主要举措和成效\n全年办案36件。\n\n某市司法局\n2022年5月6日"
    head = HEAD.replace("'默认 {evidence}'", "'{entity} {date} {limit} {year}'")
    [finding] = _findings(write_ruleset, DEADLINE, report, doc_type="annual_report", head=head)
    assert finding.message == "某市司法局 2022-05-06 2022-04-01 2021"
    assert not _findings(write_ruleset, DEADLINE, report.replace("某市司法局2021", "某市2021"), doc_type="annual_report")
