"""SARIF `fixes` for findings whose rule knows the replacement: valid SARIF, and applying the
replacements to the file gives the corrected copy `check --fix` writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from lawgov_check.cli import app
from lawgov_check.fix import fixed_name
from test_report_sarif import MULTITOOL, SARIF_SCHEMA, _multitool_available

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "fix_format_defects.txt"


@pytest.fixture
def checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("通知.txt").write_bytes(FIXTURE.read_bytes())
    result = CliRunner().invoke(app, ["check", "通知.txt", "--format", "sarif", "-o", "report.sarif", "--fix"])
    assert result.exit_code == 0, result.output
    return json.loads(Path("report.sarif").read_text(encoding="utf-8")), tmp_path


def _apply(lines: list[str], replacements: list[dict]) -> list[str]:
    """Apply SARIF replacements (1-based line/column regions on single lines), last first."""
    lines = list(lines)
    for r in sorted(replacements, key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
                    reverse=True):
        region = r["deletedRegion"]
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        lines[region["startLine"] - 1] = (line[:region["startColumn"] - 1] + r.get("insertedContent", {}).get("text", "")
                                          + line[region["endColumn"] - 1:])
    return lines


def test_fixes_reproduce_the_corrected_copy(checked):
    log, folder = checked
    results = log["runs"][0]["results"]
    with_fixes = {r["ruleId"] for r in results if r.get("fixes")}
    assert with_fixes == {"GF01", "GF03", "GF05", "GF14"}
    replacements = [rep for r in results for fix in r.get("fixes", []) for change in fix["artifactChanges"]
                    for rep in change["replacements"]]
    for r in results:
        for fix in r.get("fixes", []):
            assert fix["artifactChanges"][0]["artifactLocation"]["uri"] == results[0]["locations"][0][
                "physicalLocation"]["artifactLocation"]["uri"]
    before = (folder / "通知.txt").read_text(encoding="utf-8").split("\n")
    after = fixed_name(str(folder / "通知.txt")).read_text(encoding="utf-8").split("\n")
    assert _apply(before, replacements) == after


def test_sarif_with_fixes_validates_against_the_schema(checked):
    if not SARIF_SCHEMA.is_file():
        pytest.skip("the SARIF 2.1.0 schema is not present")
    log, _ = checked
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_official_validator_finds_no_errors_in_fixes(checked):
    if not _multitool_available():
        pytest.skip("the SARIF multitool is not in the npm cache")
    _, folder = checked
    output = folder / "validation.sarif"
    subprocess.run(["npx", "--offline", "--yes", MULTITOOL, "validate", str(folder / "report.sarif"), "-o",
                    str(output)], capture_output=True, text=True, timeout=600, check=True)
    found = json.loads(output.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    # SARIF2005 (informationUri) is the tool descriptor's business, not the fixes'.
    problems = [r for r in found if r.get("level", "warning") in ("error", "warning") and r["ruleId"] != "SARIF2005"]
    assert not problems, problems


def test_a_word_file_gets_no_sarif_fixes_but_keeps_its_json_fix(tmp_path, monkeypatch):
    """A replacement by line and column is a text region; a .docx is a binary artifact, and applying
    such a replacement to it would break the file."""
    import docx

    monkeypatch.chdir(tmp_path)
    document = docx.Document()
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save("通知.docx")
    result = CliRunner().invoke(app, ["check", "通知.docx", "--format", "sarif", "--no-config"])
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"GF01", "GF05"}
    assert not [r for r in results if r.get("fixes")]
    result = CliRunner().invoke(app, ["check", "通知.docx", "--format", "json", "--no-config"])
    fixed = {f["code"] for f in json.loads(result.stdout)["documents"][0]["findings"] if f.get("fix")}
    assert {"GF01", "GF05"} <= fixed
