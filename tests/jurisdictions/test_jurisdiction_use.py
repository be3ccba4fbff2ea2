"""Jurisdiction files in use: the CLI commands, the config, provenance in the JSON output, the
severity cap on unverified parameters, and ND02 on the real documents of ../shared/corpus."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgov_check.api import CheckOptions, check_path
from lawgov_check.cli import app
from lawgov_check.pipeline import document_from_text
from lawgov_check.resources import schema_path
from lawgov_check.rules.engine import evaluate
from lawgov_check.rules.hits import Hit
from lawgov_check.rules.loader import load_catalogue
from lawgov_check.rules.predicates import PREDICATES, predicate
from lawgov_check.rules.selection import Selection, Subject
from ruleset_builder import make_ruleset_text

HUNAN_DOC = """\
湖南省人民政府办公厅文件
{number}
湘政办发〔2023〕11号
湖南省人民政府办公厅关于印发某某管理办法的通知
各市州人民政府，省政府各厅委、各直属机构：
现将《某某管理办法》印发给你们，请认真贯彻执行。
第一条 为规范某某管理，根据有关法律法规，结合本省实际，制定本办法。
第二条 本办法自2023年5月1日起施行，有效期5年。
"""

MY_HUNAN = """\
jurisdiction: 湖南省
level: province
within: null
sources:
  mine: {title: 我的登记规定, number: 某令第1号, article: 第二条, certainty: verified}
parameters:
  ND:
    registration_required: {value: true, source: mine}
    registration_pattern: {value: 'XN\\d{6}', source: mine, examples: [{number: XN202301, url: 'https://example.org/a', date: 2023-01-02}]}
    registration_example: {value: XN202301, source: mine}
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _doc(tmp_path: Path, number: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(HUNAN_DOC.format(number=number), encoding="utf-8")
    return path


def _codes(result) -> list[str]:
    return [f.code for f in result.findings]


# ---- commands -----------------------------------------------------------------------------------

def test_jurisdictions_table_and_json(runner):
    table = runner.invoke(app, ["jurisdictions"])
    assert table.exit_code == 0
    lines = table.output.splitlines()
    assert lines[0].split()[:3] == ["辖区", "级别", "所属"] and len(lines) >= 32
    hunan = next(line for line in lines if line.startswith("湖南省"))
    assert "ND.registration_pattern" in hunan and "已观察" in hunan
    assert any(line.startswith("惠州市") and "广东省" in line for line in lines)
    english = runner.invoke(app, ["jurisdictions", "--lang", "en"]).output.splitlines()[0]
    assert english.split()[:2] == ["jurisdiction", "level"]
    rows = json.loads(runner.invoke(app, ["jurisdictions", "--format", "json"]).output)
    liaoning = next(r for r in rows if r["name"] == "辽宁省")
    assert liaoning["parameters"][0]["name"] == "filing_days" and liaoning["parameters"][0]["value"] == 15
    assert liaoning["parameters"][0]["source"]["certainty"] == "verified" and liaoning["certainty"] == "verified"
    assert runner.invoke(app, ["jurisdictions", "--format", "xml"]).exit_code == 2


def test_the_json_catalogue_with_a_jurisdiction(runner):
    rows = json.loads(runner.invoke(app, ["rules", "list", "--format", "json", "--jurisdiction", "惠州市"]).output)
    nd02 = {p["name"]: p for p in next(r for r in rows if r["code"] == "ND02")["parameters"]}
    assert nd02["registration_pattern"]["set_by"] == "惠州市" and nd02["registration_label"]["set_by"] == "national"
    assert nd02["registration_example"]["source"]["url"].startswith("http")
    assert "parameters" not in json.loads(runner.invoke(app, ["rules", "list", "--format", "json"]).output)[0]
    assert runner.invoke(app, ["rules", "list", "--format", "json", "--jurisdiction", "火星省"]).exit_code == 2


def test_rules_show_with_a_jurisdiction(runner, tmp_path):
    plain = runner.invoke(app, ["rules", "show", "ND02"]).output
    assert "设定其参数的辖区文件: " in plain and "湖南省（registration_required" in plain
    assert "设定其参数的辖区文件" not in runner.invoke(app, ["rules", "show", "GF01"]).output
    result = runner.invoke(app, ["rules", "show", "ND02", "--jurisdiction", "湖南省"])
    assert result.exit_code == 0
    tail = result.output.split("施行参数 湖南省")[1]
    assert "registration_pattern" in tail and "湖南省.yml" in tail and "HHCR-2023-01005" in tail
    assert "registration_label = '登记号'" in tail and "http://" in tail
    city = runner.invoke(app, ["rules", "show", "ND02", "--jurisdiction", "惠州市"]).output
    assert "全国默认 → 广东省 → 惠州市" in city and "HFGS" in city
    changsha = runner.invoke(app, ["rules", "show", "ND02", "--jurisdiction", "长沙市"]).output
    assert "全国默认 → 湖南省" in changsha  # a city without a file: its province's parameters
    unknown = runner.invoke(app, ["rules", "show", "ND02", "--jurisdiction", "湖男省"])
    assert unknown.exit_code == 2 and "湖南省" in unknown.output
    mine = tmp_path / "mine.yml"
    mine.write_text(MY_HUNAN, encoding="utf-8")
    own = runner.invoke(app, ["rules", "show", "ND02", "--jurisdiction", "湖南", "--jurisdiction-file", str(mine)])
    assert own.exit_code == 0 and str(mine) in own.output and "XN202301" in own.output


# ---- check: provenance, user files, config -------------------------------------------------------

def test_json_output_says_which_file_set_each_parameter(runner, tmp_path):
    import jsonschema

    result = runner.invoke(app, ["check", "--format", "json", str(_doc(tmp_path, "HNPR—2023—01007"))])
    out = json.loads(result.output)
    jsonschema.validate(out, json.loads(schema_path("result.schema.json").read_text(encoding="utf-8")))
    [nd] = [d for d in out["documents"][0]["rulesets_applied"] if d["id"] == "ND"]
    by_name = {p["name"]: p for p in nd["parameters"]}
    assert by_name["registration_pattern"]["set_by"] == "湖南省"
    assert by_name["registration_pattern"]["file"].endswith("湖南省.yml")
    assert by_name["registration_required"]["source"]["certainty"] == "observed"
    assert "filing_days" not in by_name  # at its national default
    assert "ND02" not in [f["code"] for f in out["documents"][0]["findings"]]


def test_the_text_report_names_the_files_that_set_parameters(runner, tmp_path):
    output = runner.invoke(app, ["check", "--no-config", str(_doc(tmp_path, "HNPR—2023—01007"))]).output
    assert "ND 1.0.0（" in output and "参数取自 湖南省 的辖区文件" in output
    english = runner.invoke(app, ["check", "--no-config", "--lang", "en", str(_doc(tmp_path, "HNPR—2023—01007"))]).output
    assert "parameters from the files of 湖南省" in english


def test_a_jurisdiction_file_from_the_command_line_and_the_config(runner, tmp_path):
    mine = tmp_path / "mine.yml"
    mine.write_text(MY_HUNAN, encoding="utf-8")
    doc = _doc(tmp_path, "HNPR—2023—01007")
    assert "ND02" not in _codes(check_path(doc))
    assert "ND02" in _codes(check_path(doc, options=CheckOptions(jurisdiction_files=[str(mine)])))
    out = runner.invoke(app, ["check", "--no-config", "--format", "json", "--jurisdiction-file", str(mine), str(doc)])
    assert "ND02" in [f["code"] for f in json.loads(out.output)["documents"][0]["findings"]]
    (tmp_path / "lawgov-check.toml").write_text('jurisdiction-files = ["mine.yml"]\n', encoding="utf-8")
    out = runner.invoke(app, ["check", "--format", "json", "--output", str(tmp_path / "out.json"), str(doc)])
    assert out.exit_code == 0, out.output
    findings = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert [f["message"] for f in findings if f["code"] == "ND02"] == ["规范性文件未载明统一编号（本辖区格式如“XN202301”）"]


def test_messages_without_an_example_of_the_form(tmp_path):
    mine = tmp_path / "mine.yml"
    mine.write_text(MY_HUNAN.replace("    registration_example: {value: XN202301, source: mine}\n", ""), encoding="utf-8")
    options = CheckOptions(jurisdiction_files=[str(mine)], lang="en")
    [missing] = [f for f in check_path(_doc(tmp_path, ""), options=options).findings if f.code == "ND02"]
    assert missing.message == "The normative document gives no registration number (统一编号)"
    [bad] = [f for f in check_path(_doc(tmp_path, "统一编号：XN-1"), options=options).findings if f.code == "ND02"]
    assert bad.message == "Registration number (统一编号) “XN-1” is not in this jurisdiction's form"
    assert bad.evidence == "XN-1" and bad.location.line == 2


def test_validate_takes_jurisdiction_files(runner, tmp_path):
    good = tmp_path / "good.yml"
    good.write_text(MY_HUNAN, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and "辖区 湖南省" in result.output and "3 个参数" in result.output
    bad = tmp_path / "bad.yml"
    bad.write_text(MY_HUNAN.replace("source: mine}", "source: mein}", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2 and "未定义的来源 mein（是否为 mine？" in result.output


def test_a_bad_jurisdiction_file_is_a_usage_error(runner, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(MY_HUNAN.replace("registration_example", "registration_exampel"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-config", "--jurisdiction-file", str(bad), str(_doc(tmp_path, "X"))])
    assert result.exit_code == 2
    assert f"{bad}: parameters.ND.registration_exampel: 规则集 ND 没有参数 registration_exampel" in result.output
    assert "registration_example" in result.output
    (tmp_path / "lawgov-check.toml").write_text('jurisdiction-files = [3]\n', encoding="utf-8")
    assert runner.invoke(app, ["check", str(_doc(tmp_path, "X"))]).exit_code == 2


# ---- the severity cap -----------------------------------------------------------------------------

if "test.jurisdiction-flag" not in PREDICATES:
    @predicate("test.jurisdiction-flag")
    def _flag(ctx, flag: bool = False):
        if flag:
            yield Hit(0, 1, {})


@pytest.mark.parametrize("certainty, severity", [("verified", "error"), ("observed", "warning"),
                                                 ("unverified", "warning")])
def test_an_error_on_an_unverified_parameter_is_at_most_a_warning(tmp_path, certainty, severity):
    ruleset = tmp_path / "XX.yml"
    ruleset.write_text(make_ruleset_text([{"code": "XX01", "severity": "error", "check":
                                           "{kind: predicate, name: test.jurisdiction-flag, args: {flag: {param: flag}}}"}],
                                         parameters="{flag: false}"), encoding="utf-8")
    place = tmp_path / "p.yml"
    place.write_text(textwrap.dedent(f"""\
        jurisdiction: 某某省
        level: province
        sources: {{s: {{title: 某规定, number: 某令第2号, certainty: {certainty}}}}}
        parameters: {{XX: {{flag: {{value: true, source: s}}}}}}
        """), encoding="utf-8")
    catalogue = load_catalogue([str(ruleset)], bundled=False, jurisdiction_files=[str(place)])
    result = evaluate(document_from_text("某文\n正文"), catalogue, Subject("notice", ("某某省",)), Selection())
    assert [(f.code, f.severity) for f in result.findings] == [("XX01", severity)]
    assert result.applied[0].parameters[0]["source"]["certainty"] == certainty
    assert not evaluate(document_from_text("某文\n正文"), catalogue, Subject("notice", ("别的省",)), Selection()).findings


# ---- real documents ---------------------------------------------------------------------------------

def test_real_normative_documents_are_judged_by_their_province(corpus_dir):
    """Each labelled normative document is placed in its labelled province, judged by that
    province's file, and gets no ND02 finding when it carries a number of the form or when its
    province requires none."""
    labels_path = corpus_dir / "real" / "labels.json"
    if not labels_path.is_file():
        pytest.skip("../shared/corpus/real/labels.json is not present")
    catalogue = load_catalogue()
    places = catalogue.jurisdictions
    nd = catalogue.ruleset("ND")
    checked = 0
    for label in json.loads(labels_path.read_text(encoding="utf-8")):
        path = corpus_dir / "real" / label["file"]
        if label.get("type") != "normative_document" or not label.get("province") or not path.is_file():
            continue
        province = places.find(label["province"])
        assert province is not None, label["province"]
        result = check_path(path)
        assert result.jurisdiction.province == province.name, label["file"]
        [decision] = [d for d in result.rulesets_applied if d.id == "ND"] or [None]
        if decision is None:
            continue
        resolved = places.resolve("ND", nd.parameters, result.jurisdiction.names())
        assert resolved.chain[:1] == (province.name,), label["file"]
        set_by = {p["name"]: p["set_by"] for p in decision.parameters}
        assert set_by == {p.name: p.set_by for p in resolved.from_files()}
        pattern = resolved.values()["registration_pattern"]
        import regex

        text = path.read_text(encoding="utf-8", errors="replace")
        carries = bool(pattern) and regex.search(pattern, text[:3000]) is not None
        if carries or not resolved.values()["registration_required"]:
            assert "ND02" not in _codes(result), label["file"]
        checked += 1
    assert checked >= 1


@pytest.mark.parametrize("place, filed, expected", [("辽宁省", "2021-04-28", "warning"), ("辽宁省", "2021-04-24", None),
                                                    ("浙江省", "2021-04-28", None), ("江西省", "2021-04-28", "warning")])
def test_a_provincial_filing_deadline_replaces_the_national_one(tmp_path, place, filed, expected):
    """辽宁省 (verified) and 江西省 (observed) file within 15 days, not the national 30: ND16 follows,
    and the finding carries no more than the rule's severity."""
    doc = tmp_path / "doc.txt"
    doc.write_text("某市城市道路管理办法\n第一条 根据《城市道路管理条例》，制定本办法。\n", encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"publication_date": "2021-04-10", "filing": {"date": filed}}), encoding="utf-8")
    result = check_path(doc, options=CheckOptions(doc_type="normative_document", jurisdiction=place, meta=str(meta)))
    assert [f.severity for f in result.findings if f.code == "ND16"] == ([expected] if expected else [])
