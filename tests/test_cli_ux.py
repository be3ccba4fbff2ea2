"""What a newcomer touches first: help pages and `rules list` that fit the terminal, `rules show`
with real messages."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner
from wcwidth import wcswidth

from lawgov_check.cli import app
from lawgov_check.cli_help import wrap

HELP_PAGES = [[], ["check"], ["parse"], ["validate"], ["rules"], ["rules", "list"], ["rules", "show"], ["jurisdictions"]]


def _invoke(args: list[str], columns: int = 80):
    return CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})


def _joined(text: str) -> str:
    """The text with line breaks and indentation removed, to find wrapped sentences whole."""
    return re.sub(r"\s*\n\s*", "", text)


@pytest.mark.parametrize("args", HELP_PAGES, ids=lambda a: " ".join(a) or "root")
def test_help_fits_80_columns_and_cuts_nothing(args):
    result = _invoke([*args, "--help"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(wcswidth(line) for line in lines) <= 80, [l for l in lines if wcswidth(l) > 80]
    assert "…" not in result.output


@pytest.mark.parametrize("args", [["check"], ["parse"], ["rules", "show"], ["check", "--bogus", "x"]])
def test_a_usage_error_writes_the_usage_line_as_the_help_page_does(args):
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 2
    usage = next(line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Usage:"))
    assert usage == _invoke([*args[:2 if args[0] == "rules" else 1], "--help"]).output.splitlines()[0]
    assert "{" not in usage and "Traceback" not in result.output


def test_check_help_shows_every_description_whole():
    result = _invoke(["check", "--help"])
    whole = _joined(result.output)
    for text in ("输出格式：text、json、sarif、junit、github、html。",
                 "达到该严重程度即以1退出：error（默认）、warning、info、never。",
                 "配置文件（默认从被检查的路径向上查找lawgov-check.toml或pyproject.toml）。"):
        assert text.replace(" ", "") in whole.replace(" ", "")
    assert "-f, --format FORMAT" in result.output and "<str>" not in result.output


def test_wrap_breaks_between_cjk_characters_but_not_before_closing_marks():
    lines = wrap("甲乙丙丁戊己庚辛，壬癸 abc", 10)
    assert all(wcswidth(line) <= 10 for line in lines)
    assert not any(line.startswith("，") for line in lines)
    assert "".join(lines).replace(" ", "") == "甲乙丙丁戊己庚辛，壬癸abc"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_rules_list_fits_the_terminal(columns):
    result = _invoke(["rules", "list"], columns)
    assert result.exit_code == 0
    assert max(wcswidth(line) for line in result.output.splitlines()) <= min(columns, 100)
    assert re.search(r"^GF 公文格式 \S+（内置）$", result.output, re.MULTILINE)
    assert re.search(r"^  GF01  warning  doc-number-brackets$", result.output, re.MULTILINE)


def test_rules_list_json_says_where_each_ruleset_came_from():
    rows = json.loads(_invoke(["rules", "list", "--format", "json"]).output)
    gf01 = next(r for r in rows if r["code"] == "GF01")
    assert gf01["source"]["origin"] == "bundled" and gf01["ruleset_version"]


def test_rules_show_gives_example_messages_for_templates():
    result = _invoke(["rules", "show", "AR06"])  # a message with values the check fills in
    assert result.exit_code == 0
    example_lines = [line for line in result.output.splitlines() if line.lstrip().startswith("- 消息:")]
    assert example_lines and all("{" not in line for line in example_lines)
    assert any("写的是 2021 年，报告年度为 2021 年，应为 2022 年" in line for line in example_lines)
    english = _invoke(["rules", "show", "AR06", "--lang", "en"]).output
    assert "names 2021; the report is for 2021, so the plans should be for 2022" in english


def test_rules_show_says_what_the_check_reads():
    output = _invoke(["rules", "show", "AR05"]).output
    assert "读取: 事实 report_parts" in output and "读取: 字段 identity.truncated, document.title" in output
    assert "读取: 词表 causes: 原因、分析" in output
    assert "读取: 参数 department_deadline = '03-01'" in _invoke(["rules", "show", "AR09"]).output


def test_rules_show_in_english_labels_everything_in_english_and_says_what_the_check_reads():
    out = _invoke(["rules", "show", "ND02", "--lang", "en"]).output
    for label in ("Ruleset:", "Summary:", "Basis:", "Applies to: document types", "Check kind:",
                  "Reads: parameter registration_required", "Examples (pass):", "(bundled)"):
        assert label in out
    assert not any(zh in out for zh in ("规则集:", "摘要:", "适用范围", "检查类型", "内置"))
    assert "读取: 参数 registration_required" in _invoke(["rules", "show", "ND02"]).output
