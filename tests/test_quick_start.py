"""The README's first command: it checks the sample with defects and shows what findings look
like; CI runs the same command and accepts exactly its exit code 1."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from lawgov_check.cli import app

REPO = Path(__file__).resolve().parent.parent
FIRST_CHECK = "lawgov-check check fixtures/sample_annual_report_defects.txt"


def _first_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"```sh\n(.*?)\n```", readme, re.DOTALL).group(1)


def test_readme_first_command_checks_the_sample_with_defects():
    assert _first_command().endswith("&& " + FIRST_CHECK)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{FIRST_CHECK} || status=$?" in ci and '[ "$status" -ne 1 ]' in ci


def test_the_defective_sample_shows_typical_findings_and_exits_1(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["check", "fixtures/sample_annual_report_defects.txt"])
    assert result.exit_code == 1
    codes = re.findall(r"^\S+:\d+:\d+\s+(\w{4}) ", result.output, re.MULTILINE)
    assert sorted(codes) == ["AR03", "CN09", "GF01", "GF03", "GF05", "GF06", "GF14", "NC01"]
    assert "松政[2023]06号" in result.output and "写作“2023年3月8日”" in result.output


def test_the_clean_sample_has_no_findings(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["check", "fixtures/sample_annual_report.txt"])
    assert result.exit_code == 0 and "未发现问题" in result.output
