"""The engine: selection and skip reasons, select/ignore, rule errors, stamping."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.api import CheckOptions, check_document, check_text
from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.engine import evaluate, parameters_for
from lawgov_check.rules.loader import Catalogue, RulesetError, load_catalogue, load_ruleset
from lawgov_check.rules.predicates import PREDICATES, predicate
from lawgov_check.rules.selection import Selection, Subject
from ruleset_builder import make_ruleset_text

PATTERN_CHECK = "{kind: pattern, regex: '违规'}"


def _catalogue(write_ruleset, rules, **kwargs) -> Catalogue:
    return load_catalogue([str(write_ruleset(make_ruleset_text(rules, **kwargs)))], bundled=False)


def _run(catalogue, text, subject=None, selection=Selection(), **kwargs):
    doc = document_from_text(text)
    subject = subject or Subject(doc_type="notice")
    return evaluate(doc, catalogue, subject, selection, **kwargs)


def test_finding_is_stamped(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}])
    result = _run(catalogue, "第一行\n这里有违规内容")
    [f] = result.findings
    assert (f.code, f.severity, f.ruleset, f.ruleset_version) == ("XX01", "warning", "XX", "0.1")
    assert f.message == "问题“违规”"
    assert (f.location.line, f.location.column) == (2, 4)
    assert f.evidence == "违规" and f.basis[0].title == "测试依据"
    assert len(f.fingerprint) == 64


def test_fingerprint_survives_line_shift(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}])
    a = _run(catalogue, "有违规").findings[0]
    b = _run(catalogue, "\n\n\n有违规").findings[0]
    assert a.fingerprint == b.fingerprint and a.location.line != b.location.line


def test_english_messages(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}])
    [f] = _run(catalogue, "有违规", lang="en").findings
    assert f.message == "problem “违规”" and f.suggestion == "suggestion"


def test_output_is_deterministic_and_sorted(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX02", "check": PATTERN_CHECK},
                                           {"code": "XX01", "check": "{kind: pattern, regex: '内容'}"}])
    text = "违规内容\n又一处违规"
    first = [(f.code, f.span, f.fingerprint) for f in _run(catalogue, text).findings]
    second = [(f.code, f.span, f.fingerprint) for f in _run(catalogue, text).findings]
    assert first == second
    assert [c for c, _, _ in first] == ["XX02", "XX01", "XX02"]


def test_doc_type_skip_reason(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}],
                           applies_to="{doc_types: [annual_report]}")
    result = _run(catalogue, "违规", Subject(doc_type="notice"))
    assert not result.findings and not result.applied
    assert result.skipped[0].reason == "文档类型 notice 不在适用范围 (annual_report)"


def test_report_year_skip_reason(write_ruleset):
    applies = ("{doc_types: [annual_report], year_from: 2019, in_force: "
               "{title: 法治政府建设与责任落实督察工作规定, effective: '2019-04-15'}}")
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}], applies_to=applies)
    result = _run(catalogue, "违规", Subject(doc_type="annual_report", year=2017))
    assert result.skipped[0].reason == "2017 年度报告早于《法治政府建设与责任落实督察工作规定》施行（2019-04-15）"
    assert _run(catalogue, "违规", Subject(doc_type="annual_report", year=2019)).findings


def test_jurisdiction_and_date_skip_reasons(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}],
                           applies_to="{jurisdictions: [浙江省], date_from: '2020-01-01'}")
    gansu = _run(catalogue, "违规", Subject(doc_type="notice", jurisdictions=("甘肃省", "张掖市")))
    assert "辖区 甘肃省、张掖市 不在适用范围" in gansu.skipped[0].reason
    old = _run(catalogue, "违规", Subject(doc_type="notice", jurisdictions=("浙江省",), date=dt.date(2019, 5, 1)))
    assert old.skipped[0].reason == "成文日期 2019-05-01 早于适用起始日期 2020-01-01"
    ok = _run(catalogue, "违规", Subject(doc_type="notice", jurisdictions=("浙江",), date=dt.date(2020, 5, 1)))
    assert ok.findings and ok.applied


def test_forced_ruleset_applies_outside_its_scope(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}],
                           applies_to="{doc_types: [annual_report]}")
    result = _run(catalogue, "违规", Subject(doc_type="notice"), Selection(rulesets=("XX",)))
    assert result.findings and result.applied[0].reason == "由 --ruleset 指定"


def test_select_and_ignore(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK},
                                           {"code": "XX11", "check": PATTERN_CHECK}])
    codes = lambda sel: sorted({f.code for f in _run(catalogue, "违规", selection=sel).findings})  # noqa: E731
    assert codes(Selection()) == ["XX01", "XX11"]
    assert codes(Selection(select=("XX0",))) == ["XX01"]
    assert codes(Selection(ignore=("XX01",))) == ["XX11"]
    result = _run(catalogue, "违规", selection=Selection(ignore=("XX",)))
    assert not result.applied and "排除" in result.skipped[0].reason


def test_rule_level_applicability(write_ruleset):
    path = write_ruleset(make_ruleset_text([{"code": "XX01", "check": PATTERN_CHECK}]).replace(
        "    check:", "    applies_to: {date_from: '2012-07-01'}\n    check:"))
    catalogue = load_catalogue([str(path)], bundled=False)
    assert not _run(catalogue, "违规", Subject(doc_type="notice", date=dt.date(2010, 1, 1))).findings
    assert _run(catalogue, "违规", Subject(doc_type="notice", date=dt.date(2013, 1, 1))).findings
    assert _run(catalogue, "违规", Subject(doc_type="notice")).findings  # date unknown: judged


def test_catastrophic_regex_times_out_as_rule_error(write_ruleset):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": "{kind: pattern, regex: '(a+)+$'}"},
                                           {"code": "XX02", "check": "{kind: pattern, regex: 'b'}"}])
    result = _run(catalogue, "a" * 5000 + "b", regex_timeout=0.2)
    assert len(result.errors) == 1 and result.errors[0].startswith("规则 XX01 执行超时")
    assert [f.code for f in result.findings] == ["XX02"]


def test_raising_predicate_is_a_rule_error(write_ruleset):
    @predicate("test.explodes")
    def explodes(ctx):
        raise ValueError("故意出错")

    try:
        catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": "{kind: predicate, name: test.explodes}"},
                                               {"code": "XX02", "check": PATTERN_CHECK}])
        result = _run(catalogue, "违规")
        assert result.errors == ["规则 XX01 执行出错: ValueError: 故意出错"]
        assert [f.code for f in result.findings] == ["XX02"]
    finally:
        PREDICATES.pop("test.explodes")


def test_malformed_ruleset_names_file_code_and_field(write_ruleset):
    text = make_ruleset_text([{"code": "XX01", "check": "{kind: pattern, regex: 42}"},
                         {"code": "XX02", "check": "{kind: absence}"},
                         {"code": "XX03", "severity": "fatal", "check": PATTERN_CHECK}])
    path = write_ruleset(text)
    with pytest.raises(RulesetError) as info:
        load_ruleset(path)
    problems = info.value.problems
    assert any(p.startswith(f"{path}: XX01: check.regex:") for p in problems), problems
    assert any(p.startswith(f"{path}: XX02: check") for p in problems), problems
    assert any(p.startswith(f"{path}: XX03: severity:") for p in problems), problems
    assert all("\n" not in p for p in problems)


@pytest.mark.parametrize(("check", "field"), [
    ("{kind: pattern, regex: '(unclosed'}", "check.regex"),
    ("{kind: predicate, name: no.such.predicate}", "check.name"),
    ("{kind: period, subject: {manifest: comment_period}, unit: calendar_days, min: {param: nope}}", "check"),
    ("{kind: telepathy}", "check.kind"),
])
def test_semantic_problems(write_ruleset, check, field):
    path = write_ruleset(make_ruleset_text([{"code": "XX01", "check": check}]))
    with pytest.raises(RulesetError) as info:
        load_ruleset(path)
    assert any(p.startswith(f"{path}: XX01: {field}") for p in info.value.problems), info.value.problems


def test_code_must_match_ruleset_id(write_ruleset):
    path = write_ruleset(make_ruleset_text([{"code": "YY01", "check": PATTERN_CHECK}]))
    with pytest.raises(RulesetError) as info:
        load_ruleset(path)
    assert info.value.problems == [f"{path}: YY01: code: 规则代码应以规则集标识 XX 开头"]


def test_yaml_syntax_error_is_one_line(write_ruleset):
    path = write_ruleset("id: XX\nrules: [\n")
    with pytest.raises(RulesetError) as info:
        load_ruleset(path)
    assert len(info.value.problems) == 1 and str(path) in info.value.problems[0]


def test_jurisdiction_parameters_override(write_ruleset, tmp_path):
    catalogue = _catalogue(write_ruleset, [{"code": "XX01", "check": PATTERN_CHECK}], parameters="{min_days: 7}")
    src = "sources: {s: {title: 某规定, certainty: verified}}\n"
    (tmp_path / "zj.yml").write_text("jurisdiction: 浙江省\nlevel: province\n" + src
                                     + "parameters: {XX: {min_days: {value: 10, source: s}}}\n", encoding="utf-8")
    (tmp_path / "tz.yml").write_text("jurisdiction: 台州市\nlevel: city\nwithin: 浙江省\n" + src
                                     + "parameters: {XX: {min_days: {value: 15, source: s}}}\n", encoding="utf-8")
    catalogue = load_catalogue([catalogue.rulesets[0].path], bundled=False,
                               jurisdiction_files=[str(tmp_path / "zj.yml"), str(tmp_path / "tz.yml")])
    ruleset = catalogue.rulesets[0]
    assert parameters_for(catalogue, ruleset, Subject("notice", ("甘肃省",))).values()["min_days"] == 7
    assert parameters_for(catalogue, ruleset, Subject("notice", ("浙江省",))).values()["min_days"] == 10
    assert parameters_for(catalogue, ruleset, Subject("notice", ("浙江省", "台州市"))).values()["min_days"] == 15


def test_bundled_rulesets_run_on_any_text():
    result = check_text("")
    assert not result.errors
    assert {d.id for d in result.rulesets_applied} >= {"GF", "NC"}


def test_check_document_with_bad_manifest_reports_error():
    doc = document_from_text("某县人民政府\n2021年3月5日")
    result = check_document(doc, options=CheckOptions(meta={"comment_period": {"start": "2021-13-01"}}))
    assert result.errors and "元数据清单无效" in result.errors[0]
