"""Configuration files: discovery, validation, settings, per-path overrides and waivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_check.config import ConfigError, find_config, load_config

from .conftest import NOTICE, REPORT, codes, run_json, write


def test_found_by_walking_up_from_the_checked_path(tmp_path):
    config = write(tmp_path / "lawgov-check.toml", 'lang = "en"\n')
    doc = write(tmp_path / "reports" / "2022" / "report.txt", REPORT)
    assert find_config(doc) == config
    assert find_config(doc.parent) == config


def test_pyproject_table_is_used_and_other_pyprojects_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.lawgov-check]\nfail-on = "warning"\n')
    write(tmp_path / "docs" / "pyproject.toml", '[project]\nname = "other"\n')
    doc = write(tmp_path / "docs" / "notice.txt", NOTICE)
    assert find_config(doc) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").settings.fail_on == "warning"


def test_cli_reads_the_discovered_config(runner, tmp_path):
    write(tmp_path / "lawgov-check.toml", 'fail-on = "warning"\nlang = "en"\n')
    notice = write(tmp_path / "notice.txt", NOTICE)
    status, data, _ = run_json(runner, str(notice))
    assert status == 1 and data["lang"] == "en"
    assert run_json(runner, str(notice), "--no-config")[0] == 0
    assert run_json(runner, str(notice), "--fail-on", "error")[0] == 0  # the command line wins


@pytest.mark.parametrize("text, key", [
    ('fail_on = "warning"\n', "fail_on"),
    ('[overrides."drafts/*"]\nlang = "en"\n', 'overrides."drafts/*".lang'),
    ('[[waivers]]\npath = "*.txt"\ncode = "NC01"\nreason = "已核对"\nexpires = 2025\n', "waivers[0].expires"),
    ('severity = { NC01 = "fatal" }\n', "severity.NC01"),
    ('[[waivers]]\npath = "*.txt"\ncode = "NC01"\nreason = "  "\n', "waivers[0].reason"),
    ('[[waivers]]\npath = "*.txt"\ncode = "NC01"\n', "waivers[0]"),
])
def test_schema_problems_name_the_file_and_key(runner, tmp_path, text, key):
    config = write(tmp_path / "lawgov-check.toml", text)
    notice = write(tmp_path / "notice.txt", NOTICE)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert any(p.startswith(f"{config}: {key}: ") for p in caught.value.problems), caught.value.problems
    status, _, stderr = run_json(runner, str(notice))
    assert status == 2 and f"{config}: {key}: " in stderr


def test_pyproject_keys_are_named_in_full(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.lawgov-check]\nlanguage = "en"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.problems[0].startswith(f"{config}: tool.lawgov-check.language: 未知的配置项")


@pytest.mark.parametrize("text, key", [
    ('ignore = ["ZZ"]\n', "ignore[0]"),
    ('severity = { GF99 = "info" }\n', "severity.GF99"),
    ('rulesets = ["GF", "QQ"]\n', "rulesets[1]"),
    ('[overrides."x/*"]\nselect = ["XY01"]\n', 'overrides."x/*".select[0]'),
    ('[[waivers]]\npath = "*.txt"\ncode = "NC77"\nreason = "已核对"\n', "waivers[0].code"),
])
def test_unknown_codes_are_errors(runner, tmp_path, text, key):
    config = write(tmp_path / "lawgov-check.toml", text)
    notice = write(tmp_path / "notice.txt", NOTICE)
    status, data, stderr = run_json(runner, str(notice))
    assert status == 2 and not data
    assert f"{config}: {key}: " in stderr


def test_bad_toml_is_exit_2(runner, tmp_path):
    config = write(tmp_path / "lawgov-check.toml", "fail-on = \n")
    status, _, stderr = run_json(runner, str(write(tmp_path / "n.txt", NOTICE)))
    assert status == 2 and stderr.startswith(f"{config}: TOML 语法错误")


def test_settings_and_severity_overrides(runner, tmp_path):
    write(tmp_path / "lawgov-check.toml", 'ignore = ["AR05"]\nseverity = { AR03 = "info", AR04 = "info" }\n')
    status, data, _ = run_json(runner, str(write(tmp_path / "report.txt", REPORT)))
    found = {f["code"]: f["severity"] for d in data["documents"] for f in d["findings"]}
    assert "AR05" not in found and found["AR03"] == found["AR04"] == "info"
    assert status == 0  # nothing is at error level any more


def test_per_path_overrides(runner, tmp_path):
    write(tmp_path / "lawgov-check.toml",
          'fail-on = "warning"\n\n[overrides."drafts/**"]\nfail-on = "never"\nignore = ["NC01"]\n'
          '\n[overrides."*.txt"]\nseverity = { GF05 = "error" }\n')
    draft = write(tmp_path / "drafts" / "report.txt", REPORT)
    notice = write(tmp_path / "notice.txt", NOTICE)
    status, data, _ = run_json(runner, str(draft))
    assert status == 0 and "NC01" not in {c for _, c in codes(data)}
    status, data, _ = run_json(runner, str(notice))
    [gf05] = [f for f in data["documents"][0]["findings"] if f["code"] == "GF05"]
    assert status == 1 and gf05["severity"] == "error"


def test_explicit_config_file(runner, tmp_path):
    config = write(tmp_path / "conf" / "strict.toml", 'fail-on = "warning"\n')
    notice = write(tmp_path / "docs" / "notice.txt", NOTICE)
    assert run_json(runner, str(notice))[0] == 0
    assert run_json(runner, str(notice), "--config", str(config))[0] == 1


def test_config_exclude(runner, tmp_path):
    write(tmp_path / "lawgov-check.toml", 'exclude = ["archive"]\n')
    write(tmp_path / "archive" / "old.txt", REPORT)
    write(tmp_path / "notice.txt", NOTICE)
    status, data, _ = run_json(runner, str(tmp_path))
    assert status == 0 and [Path(d["path"]).name for d in data["documents"]] == ["notice.txt"]


WAIVERS = '''
[[waivers]]
path = "reports/*.txt"
code = "NC01"
reason = "合计数含上年结转案件，已与统计口径核对"
match = "共审结行政复议案件40件"

[[waivers]]
path = ["reports/*.txt"]
code = "AR05"
reason = "原因分析另文报送"
match = "这段文字不存在"

[[waivers]]
path = "notices/*.txt"
code = "GF05"
reason = "旧格式"
'''


def test_waivers_applied_and_unused(runner, tmp_path):
    config = write(tmp_path / "lawgov-check.toml", WAIVERS)
    report = write(tmp_path / "reports" / "report.txt", REPORT)
    status, data, _ = run_json(runner, str(report), "--fail-on", "warning")
    assert "NC01" not in {c for _, c in codes(data)} and "AR05" in {c for _, c in codes(data)}
    [applied] = data["waivers"]["applied"]
    assert applied["code"] == "NC01" and applied["reason"].startswith("合计数")
    assert applied["document"] == str(report) and applied["line"] == 9
    assert applied["waiver"] == f"{config}: waivers[0]"
    unused = {w["waiver"]: w for w in data["waivers"]["unused"]}
    assert set(unused) == {f"{config}: waivers[1]", f"{config}: waivers[2]"}
    assert unused[f"{config}: waivers[1]"]["why"] == "匹配的文件中没有相应的问题"
    assert status == 1  # AR05 is still there


def test_waivers_are_listed_in_the_text_report(runner, tmp_path):
    from lawgov_check.cli import app

    write(tmp_path / "lawgov-check.toml", WAIVERS)
    report = write(tmp_path / "reports" / "report.txt", REPORT)
    result = runner.invoke(app, ["check", str(report), "--no-progress"])
    assert "已豁免 (1)" in result.stdout and "合计数含上年结转案件" in result.stdout
    assert "未使用的豁免 (2)" in result.stdout
