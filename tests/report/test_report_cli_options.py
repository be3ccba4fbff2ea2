"""Report options on the command line and in the config file: --docs-url, --fail-on for JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from lawgov_check.cli import app

WARNS = "某县人民政府关于印发某县行政执法公示办法的通知\n\n各乡镇人民政府，县政府各部门：\n\n现将办法印发给你们。\n\n某县人民政府\n2021-03-05\n"


def _file(tmp_path: Path) -> str:
    path = tmp_path / "warns.txt"
    path.write_text(WARNS, encoding="utf-8")
    return str(path)


def _help_uris(output: str) -> set[str]:
    # rules of an installed package (CI installs one) have no page in our reference
    return {r["helpUri"] for r in json.loads(output)["runs"][0]["tool"]["driver"]["rules"] if "helpUri" in r}


def test_docs_url_option_and_config_key(tmp_path):
    runner = CliRunner()
    doc = _file(tmp_path)
    result = runner.invoke(app, ["check", doc, "--format", "sarif", "--no-config",
                                 "--docs-url", "https://intranet.example/lawgov/rules.md"])
    uris = _help_uris(result.stdout)
    assert "https://intranet.example/lawgov/rules.md#gf05" in uris
    (tmp_path / "lawgov-check.toml").write_text('docs-url = "https://mirror.example/rules.md"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", doc, "--format", "sarif"])
    assert "https://mirror.example/rules.md#gf05" in _help_uris(result.stdout)
    result = runner.invoke(app, ["check", doc, "--format", "sarif", "--no-config", "--docs-url", "rules.md"])
    assert result.exit_code == 2 and "--docs-url" in result.stderr


def test_junit_failures_follow_fail_on(tmp_path):
    runner = CliRunner()
    doc = _file(tmp_path)
    quiet = ET.fromstring(runner.invoke(app, ["check", doc, "--format", "junit", "--no-config"]).stdout)
    [case] = quiet.iter("testcase")
    assert case.find("failure") is None and "GF05" in case.find("system-out").text
    result = runner.invoke(app, ["check", doc, "--format", "junit", "--no-config", "--fail-on", "warning"])
    [case] = ET.fromstring(result.stdout).iter("testcase")
    assert result.exit_code == 1 and "GF05" in case.find("failure").text
