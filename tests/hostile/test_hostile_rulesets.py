"""Rulesets from third parties: regex timeouts, safe YAML, exact schema errors, failing rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_support import run_cli
from ruleset_builder import make_ruleset_text
from lawgov_check.api import CheckOptions, check_text
from lawgov_check.rules.loader import RulesetError, load_ruleset
from lawgov_check.rules.predicates import PREDICATES


CATASTROPHIC = r"{kind: pattern, regex: '(a|aa)+(a|aa)+b'}"
PLAIN = "{kind: pattern, regex: '违规'}"


def ruleset_text(*rules: tuple[str, str], rid: str = "ZZ") -> str:
    return make_ruleset_text([{"code": code, "name": f"rule-{code.lower()}", "check": check}
                              for code, check in rules], rid=rid)


@pytest.fixture
def write(tmp_path):
    def write_file(text: str, name: str = "third.yml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write_file


def test_catastrophic_regex_times_out_and_other_rules_run(write, tmp_path):
    rules = write(ruleset_text(("ZZ01", CATASTROPHIC), ("ZZ02", PLAIN)))
    document = tmp_path / "doc.txt"
    document.write_text("标题\n" + "a" * 40 + "\n这里有违规内容\n", encoding="utf-8")
    result = run_cli(["check", "--format", "json", "--ruleset", "ZZ", "--ruleset-file", str(rules),
                      "--", str(document)], tmp_path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in stderr
    [line] = stderr.splitlines()
    assert line.startswith(f"{document}: ") and "ZZ01" in line and "超时" in line
    [doc] = json.loads(result.stdout)["documents"]
    assert [f["code"] for f in doc["findings"]] == ["ZZ02"]


def test_regex_timeout_through_the_api(write):
    rules = write(ruleset_text(("ZZ01", CATASTROPHIC), ("ZZ02", PLAIN)))
    options = CheckOptions(rulesets=["ZZ"], ruleset_files=[str(rules)], regex_timeout=0.05)
    result = check_text("a" * 60 + "\n违规\n", options=options)
    assert any("ZZ01" in e and "超时" in e for e in result.errors)
    assert [f.code for f in result.findings] == ["ZZ02"]


def test_python_tags_do_not_execute(write, tmp_path):
    marker = tmp_path / "executed"
    path = write(f'id: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    assert not marker.exists()
    [problem] = caught.value.problems
    assert problem.startswith(f"{path}: ") and "python/object" in problem


@pytest.mark.parametrize("yaml_text, fragment", [
    ("a: &a [*a]\n", "循环"),
    ("l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)), "别名展开"),
    ("rules: " + "[" * 50_000 + "]" * 50_000 + "\n", "嵌套"),
    ("rules: " + "[" * 500 + "]" * 500 + "\n", "嵌套"),
])
def test_yaml_bombs_are_refused(write, yaml_text, fragment):
    path = write("id: ZZ\n" + yaml_text)
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    [problem] = caught.value.problems
    assert problem.startswith(f"{path}: ") and fragment in problem


def test_non_utf8_ruleset_is_one_line(tmp_path):
    path = tmp_path / "gbk.yml"
    path.write_bytes(ruleset_text(("ZZ01", PLAIN)).replace("第三方", "第三方规则").encode("gbk"))
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    assert caught.value.problems[0].startswith(f"{path}: ")


def test_schema_errors_name_file_rule_and_field(write):
    text = ruleset_text(("ZZ01", PLAIN), ("ZZ02", PLAIN)).replace("severity: warning", "severity: fatal", 1)
    text = text.replace("regex: '违规'}", "regex: '(违规'}", 2)
    path = write(text)
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    problems = caught.value.problems
    assert any(p.startswith(f"{path}: ZZ01: severity: ") for p in problems)
    result = run_cli(["validate", str(path)], path.parent)
    lines = result.stderr.decode("utf-8").splitlines()
    assert result.returncode == 2 and lines and all(line.startswith(f"{path}: ZZ0") for line in lines)


def test_invalid_regex_names_the_field(write):
    path = write(ruleset_text(("ZZ01", "{kind: pattern, regex: '(违规'}")))
    with pytest.raises(RulesetError) as caught:
        load_ruleset(path)
    assert any(p.startswith(f"{path}: ZZ01: check.regex: ") for p in caught.value.problems)


def test_bad_ruleset_file_via_cli_is_exit_2(write, tmp_path):
    path = write("id: [unclosed\n")
    document = tmp_path / "doc.txt"
    document.write_text("标题\n正文\n", encoding="utf-8")
    result = run_cli(["check", "--ruleset-file", str(path), "--", str(document)], tmp_path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in stderr
    assert stderr.splitlines()[0].startswith(f"{path}: ")


def test_a_rule_that_raises_is_a_rule_error_and_others_run(write, monkeypatch):
    def broken(ctx, **args):
        raise ZeroDivisionError("整除以零")
        yield  # pragma: no cover

    monkeypatch.setitem(PREDICATES, "test.broken", broken)
    rules = write(ruleset_text(("ZZ01", "{kind: predicate, name: test.broken}"), ("ZZ02", PLAIN)))
    options = CheckOptions(rulesets=["ZZ"], ruleset_files=[str(rules)])
    result = check_text("这里有违规内容\n", options=options)
    assert len(result.errors) == 1
    assert "ZZ01" in result.errors[0] and "ZeroDivisionError" in result.errors[0]
    assert [f.code for f in result.findings] == ["ZZ02"]
