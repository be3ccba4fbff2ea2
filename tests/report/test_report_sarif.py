import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from lawgov_check.report import render
from lawgov_check.report.common import DOCS_URL, PROJECT_URL
from lawgov_check.report.sarif import help_uri, pascal_case

SARIF_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-2.1.0.json"
MULTITOOL = "@microsoft/sarif-multitool"
REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


@pytest.fixture
def log(run):
    return json.loads(render("sarif", run))


def test_sarif_validates_against_the_schema(log):
    if not SARIF_SCHEMA.is_file():
        pytest.skip("the SARIF 2.1.0 schema is not present")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_driver_rules_and_results(log, run):
    sarif_run = log["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in run.rules]
    md01 = rules[[r["id"] for r in rules].index("MD01")]
    assert md01["name"] == "CommentPeriod" and md01["properties"]["name"] == "comment-period"
    assert md01["defaultConfiguration"]["level"] == "warning"
    assert "《重大行政决策程序暂行条例》" in md01["help"]["markdown"]
    assert rules[[r["id"] for r in rules].index("AR05")]["defaultConfiguration"]["level"] == "note"
    results = sarif_run["results"]
    assert len(results) == 6
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["error", "warning", "note", "error", "warning", "warning"]


def test_region_is_computed_from_the_span(log):
    results = log["runs"][0]["results"]
    nc01 = next(r for r in results if r["ruleId"] == "NC01")
    location = nc01["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "reports/%E6%A2%A7%E6%A1%90%E5%8C%BA2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt",
                                            "uriBaseId": "%SRCROOT%", "index": 0}
    assert location["region"] == {"startLine": 7, "startColumn": 39, "endLine": 7, "endColumn": 45,
                                  "snippet": {"text": "1,300件"}}
    assert location["contextRegion"]["snippet"]["text"].startswith("（二）规范行政执法行为")
    assert nc01["locations"][0]["logicalLocations"] == [{"name": "一、（二）", "fullyQualifiedName": "一、（二）"}]
    assert nc01["partialFingerprints"] == {"lawgovFingerprint/v1": "nc01-0184-0190"}
    nd03 = next(r for r in results if r["ruleId"] == "ND03")
    assert nd03["properties"]["page"] == 2 and nd03["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    md01 = next(r for r in results if r["ruleId"] == "MD01")
    assert md01["properties"]["paragraph"] == 4
    assert md01["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("docs/")


def test_input_errors_are_notifications(log):
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "压缩包已损坏" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 3
    assert len(log["runs"][0]["artifacts"]) == 4


def test_unknown_codes_still_get_a_rule(run):
    run.rules = []
    log = json.loads(render("sarif", run))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {"AR02", "NC01", "AR05", "ND03", "ND04", "MD01"}


def test_tool_and_every_rule_link_to_the_documentation(log, run):
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == PROJECT_URL
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"{DOCS_URL}#{rule['id'].lower()}"
    run.rules = []  # codes the run's rule list does not know get a link too
    driver = json.loads(render("sarif", run, docs_url="https://docs.example.org/lawgov/rules.html"))["runs"][0]["tool"]["driver"]
    assert {r["helpUri"] for r in driver["rules"]} >= {"https://docs.example.org/lawgov/rules.html#nc01"}
    assert all(r["helpUri"].startswith("https://docs.example.org/lawgov/rules.html#") for r in driver["rules"])


def test_help_uris_point_at_headings_of_the_rule_reference():
    """Every bundled rule's helpUri fragment is a heading of docs/rules.md, and that page is
    what scripts/rule_reference.py makes of the rulesets today (regenerate it when this fails)."""
    from lawgov_check.rules.loader import load_catalogue
    from lawgov_check.rules.reference import reference_markdown

    catalogue = load_catalogue(packages=False)  # installed rule packages (CI installs one) are not ours
    page = REFERENCE.read_text(encoding="utf-8")
    assert page == reference_markdown(catalogue), "docs/rules.md is stale: run python scripts/rule_reference.py"
    headings = {line[4:].strip().lower() for line in page.splitlines() if line.startswith("### ")}
    codes = [rule.code for _, rule in catalogue.rules()]
    assert codes and {help_uri(DOCS_URL, c).rsplit("#", 1)[1] for c in codes} == headings


def test_rules_of_a_users_file_or_package_link_their_own_reference_not_ours():
    from lawgov_check.model import RuleInfo
    from lawgov_check.report.sarif import _rule_descriptor

    ours = RuleInfo(code="GF05", name="x", severity="error", summary={"zh": "x"}, basis=[], ruleset="GF",
                    ruleset_version="1")
    theirs = RuleInfo(code="HN01", name="x", severity="error", summary={"zh": "x"}, basis=[], ruleset="HN",
                      ruleset_version="1", documented=False, help_url="https://rules.example.gov.cn/hn.html")
    undocumented = RuleInfo(code="HN02", name="x", severity="error", summary={"zh": "x"}, basis=[], ruleset="HN",
                            ruleset_version="1", documented=False)
    assert _rule_descriptor(ours, "zh", DOCS_URL)["helpUri"].endswith("#gf05")
    assert _rule_descriptor(theirs, "zh", DOCS_URL)["helpUri"] == "https://rules.example.gov.cn/hn.html#hn01"
    assert "helpUri" not in _rule_descriptor(undocumented, "zh", DOCS_URL)


RULESET_FILE = """\
id: {id}
{extends}name: {{zh: 本地规则, en: Local rules}}
version: "0.1"
description: 本地规则
{docs}applies_to: {{doc_types: ["*"]}}
rules:
  - code: {id}91
    name: local-rule
    status: active
    severity: warning
    summary: {{zh: 不应出现“法制办”。, en: No 法制办.}}
    message: {{zh: "出现“{{evidence}}”", en: "Found “{{evidence}}”"}}
    suggestion: {{zh: 改为现行机构。, en: Name the current organ.}}
    basis: [{{title: 本地规定, certainty: unverified}}]
    check: {{kind: absence, scope: body, regex: '法制办'}}
    examples:
      pass: [{{text: "县司法局审核。"}}]
      fail: [{{text: "县法制办审核。"}}]
"""


def _driver_rules(tmp_path, ruleset: str, *extra: str) -> dict[str, dict]:
    from typer.testing import CliRunner

    from lawgov_check.cli import app

    (tmp_path / "local.yml").write_text(ruleset, encoding="utf-8")
    doc = tmp_path / "通知.txt"
    doc.write_text("某县人民政府关于印发某办法的通知\n某政发[2021]5号\n县法制办审核。\n某县人民政府\n2021-03-05\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(doc), "--format", "sarif", "--no-config",
                                      "--ruleset-file", str(tmp_path / "local.yml"), *extra])
    assert result.exit_code in (0, 1), result.output
    return {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}


def test_a_ruleset_files_rules_link_the_page_its_docs_url_names(tmp_path):
    rules = _driver_rules(tmp_path, RULESET_FILE.format(id="LC", extends="", docs="docs_url: https://rules.example.gov.cn/lc.md\n"))
    assert rules["LC91"]["helpUri"] == "https://rules.example.gov.cn/lc.md#lc91"
    assert rules["GF01"]["helpUri"] == f"{DOCS_URL}#gf01"


def test_an_extends_file_keeps_the_bundled_codes_links_and_links_its_own_rules_to_its_page(tmp_path):
    ruleset = RULESET_FILE.format(id="GF", extends="extends: GF\n", docs="docs_url: https://rules.example.gov.cn/gf.md\n")
    rules = _driver_rules(tmp_path, ruleset, "--docs-url", "https://mirror.example/rules.md")
    assert rules["GF01"]["helpUri"] == "https://mirror.example/rules.md#gf01"  # the bundled rule, as before
    assert rules["GF91"]["helpUri"] == "https://rules.example.gov.cn/gf.md#gf91"  # the file's own rule


def test_docs_url_must_be_a_web_address(tmp_path):
    from lawgov_check.rules.loader import RulesetError, load_ruleset

    path = tmp_path / "local.yml"
    path.write_text(RULESET_FILE.format(id="LC", extends="", docs="docs_url: rules.md\n"), encoding="utf-8")
    with pytest.raises(RulesetError, match="docs_url"):
        load_ruleset(path)


def test_pascal_case():
    assert pascal_case("part-exceeds-total") == "PartExceedsTotal"


def _multitool_available() -> bool:
    if shutil.which("npx") is None:
        return False
    try:
        probe = subprocess.run(["npx", "--offline", "--yes", MULTITOOL, "--version"],
                               capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def test_official_sarif_validator_finds_no_problems(run, tmp_path):
    if not _multitool_available():
        pytest.skip("the SARIF multitool is not in the npm cache")
    source = tmp_path / "report.sarif"
    source.write_text(render("sarif", run), encoding="utf-8")
    output = tmp_path / "validation.sarif"
    subprocess.run(["npx", "--offline", "--yes", MULTITOOL, "validate", str(source), "-o", str(output)],
                   capture_output=True, text=True, timeout=600, check=True)
    found = json.loads(output.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    problems = [r for r in found if r.get("level", "warning") in ("error", "warning")]
    assert not problems, problems
