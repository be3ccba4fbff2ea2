"""The command line: exit codes, output shapes, rules list/show, validate, parse."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgov_check.cli import app

REPO = Path(__file__).resolve().parent.parent

CLEAN = "某县人民政府关于印发某县行政执法公示办法的通知\n\n各乡镇人民政府，县政府各部门：\n\n现将办法印发给你们，请认真贯彻执行。\n\n某县人民政府\n2021年3月5日\n"
WARNS = CLEAN.replace("2021年3月5日", "2021-03-05")
NUMBERS = "全年共审结行政复议案件40件，其中维持25件，驳回8件，纠错10件。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"clean.txt": CLEAN, "warns.txt": WARNS, "numbers.txt": NUMBERS}.items():
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    return out


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("lawgov-check ")


def test_version_does_not_import_heavy_modules():
    code = ("import sys\nfrom lawgov_check.cli import main\nsys.argv=['lawgov-check','--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('lark','docx','pypdf','opencc','jsonschema','rich','yaml','regex') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_exit_0_when_nothing_at_threshold(runner, files):
    result = runner.invoke(app, ["check", str(files["clean.txt"]), "--select", "GF,NC"])
    assert result.exit_code == 0, result.output
    warned = runner.invoke(app, ["check", str(files["warns.txt"])])
    assert warned.exit_code == 0  # warnings do not fail under the default --fail-on error


def test_exit_1_on_findings_at_threshold(runner, files):
    result = runner.invoke(app, ["check", str(files["warns.txt"]), "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    assert "GF05" in result.output


def test_exit_2_on_missing_file_but_others_checked(runner, files, tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), str(files["warns.txt"]),
                                 "--format", "json"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.txt'}:" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_exit_2_on_usage_errors(runner, files):
    for args in (["--format", "yaml"], ["--fail-on", "sometimes"], ["--lang", "fr"],
                 ["--doc-type", "poem"], ["--ruleset", "ZZ"]):
        result = runner.invoke(app, ["check", str(files["clean.txt"]), *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


@pytest.mark.parametrize("args, said", [
    (["--select", "XX99"], "--select: 未知的规则代码或前缀 XX99"),
    (["--ignore", "GF9"], "是否为 GF09"),
    (["--ruleset", "GG"], "是否为 GR"),
    (["--jurisdiction", "火星省"], "--jurisdiction: 未知的辖区 火星省"),
])
def test_unknown_names_on_the_command_line_are_usage_errors_with_a_suggestion(runner, files, args, said):
    result = runner.invoke(app, ["check", str(files["clean.txt"]), "--no-config", *args])
    assert result.exit_code == 2 and said in result.stderr, result.output


@pytest.mark.parametrize("args", [["--select", "GF"], ["--ignore", "nd0"], ["--jurisdiction", "浙江"],
                                  ["--jurisdiction", "某市某县"]])
def test_known_prefixes_and_places_are_accepted(runner, files, args):
    assert runner.invoke(app, ["check", str(files["clean.txt"]), "--no-config", *args]).exit_code in (0, 1)


def test_bad_meta_is_exit_2(runner, files, tmp_path):
    meta = tmp_path / "meta.yml"
    meta.write_text("legality_review:\n  conclusion: 基本合法\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(files["clean.txt"]), "--meta", str(meta)])
    assert result.exit_code == 2
    assert str(meta) in result.stderr and "legality_review.conclusion" in result.stderr


def test_json_output_shape(runner, files, tmp_path):
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["check", str(files["numbers.txt"]), str(files["clean.txt"]),
                                 "--format", "json", "--output", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = data["documents"]
    assert [Path(d["path"]).name for d in docs] == ["numbers.txt", "clean.txt"]
    [finding] = [f for f in docs[0]["findings"] if f["code"] == "NC01"]
    assert finding["severity"] == "warning" and finding["location"]["line"] == 1
    assert {r["id"] for r in docs[0]["rulesets_applied"]} >= {"GF", "NC"}


def test_select_ignore_and_lang(runner, files):
    result = runner.invoke(app, ["check", str(files["warns.txt"]), "--format", "json", "--ignore", "GF05"])
    codes = {f["code"] for d in json.loads(result.output)["documents"] for f in d["findings"]}
    assert "GF05" not in codes
    english = runner.invoke(app, ["check", str(files["warns.txt"]), "--format", "json", "--lang", "en",
                                  "--select", "GF05"])
    [f] = json.loads(english.output)["documents"][0]["findings"]
    assert f["code"] == "GF05" and "date of issue" in f["message"]


def test_directory_walk(runner, files, tmp_path):
    (tmp_path / "skip.md").write_text("不检查", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json", "--fail-on", "never"])
    names = [Path(d["path"]).name for d in json.loads(result.output)["documents"]]
    assert names == ["clean.txt", "numbers.txt", "warns.txt"]


def test_rules_list(runner):
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.split()[:2] == ["GF01", "warning"] for line in lines)
    assert "GB/T 9704-2012" in result.output
    assert any(line.split()[:1] == ["NC01"] for line in lines)
    as_json = json.loads(runner.invoke(app, ["rules", "list", "--format", "json"]).output)
    assert {"code", "severity", "basis", "applies_to", "ruleset_version", "source"} <= set(as_json[0])


def test_rules_show(runner):
    result = runner.invoke(app, ["rules", "show", "gf12"])
    assert result.exit_code == 0
    assert "GF12" in result.output and "中办发〔2012〕14号" in result.output and "示例" in result.output
    missing = runner.invoke(app, ["rules", "show", "ZZ99"])
    assert missing.exit_code == 2 and "ZZ99" in missing.stderr


def test_validate(runner, tmp_path):
    good = runner.invoke(app, ["validate", str(REPO / "rulesets" / "GF.yml")])
    assert good.exit_code == 0, good.output
    bad = tmp_path / "bad.yml"
    bad.write_text("id: gf\nname: {zh: 坏, en: bad}\nversion: '1'\ndescription: x\napplies_to: {}\n"
                   "rules:\n  - code: GF01\n    name: Bad_Name\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"{bad}: ") for line in lines)
    assert any(": id:" in line for line in lines) and any("GF01: name:" in line for line in lines)


def test_parse_command(runner, files):
    tree = runner.invoke(app, ["parse", str(files["clean.txt"])])
    assert tree.exit_code == 0 and "title" in tree.output
    as_json = runner.invoke(app, ["parse", str(files["clean.txt"]), "--format", "json"])
    assert as_json.exit_code == 0 and json.loads(as_json.output)
    missing = runner.invoke(app, ["parse", "/nonexistent/file.txt"])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_standard_input(runner):
    result = runner.invoke(app, ["check", "-", "--format", "json", "--select", "GF05"], input=WARNS)
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)["documents"]
    assert doc["path"] == "-" and [f["code"] for f in doc["findings"]] == ["GF05"]


@pytest.mark.parametrize("jobs, timeout", [("1", "0"), ("1", "30"), ("3", "30")])
def test_same_result_in_process_and_in_workers(runner, files, jobs, timeout):
    result = runner.invoke(app, ["check", *map(str, files.values()), "--format", "json", "--jobs", jobs,
                                 "--timeout", timeout, "--fail-on", "never"])
    assert result.exit_code == 0
    docs = json.loads(result.stdout)["documents"]
    assert [Path(d["path"]).name for d in docs] == ["clean.txt", "warns.txt", "numbers.txt"]
    assert [f["code"] for f in docs[2]["findings"] if f["code"] == "NC01"] == ["NC01"]


def test_text_output_quotes_the_source_line(runner, files):
    result = runner.invoke(app, ["check", str(files["numbers.txt"]), "--select", "NC01"])
    assert "     1 | 全年共审结行政复议案件40件" in result.stdout
    assert "^^^" in result.stdout


def test_parse_facts_shows_the_facts_stage(runner, tmp_path):
    doc = tmp_path / "notice.txt"
    doc.write_text("某县人民政府办公室关于公开征求意见的通知\n某政办〔2024〕5号\n"
                   "征求意见时间为2024年3月1日至3月30日，共30日。\n", encoding="utf-8")
    text = runner.invoke(app, ["parse", str(doc), "--facts"])
    assert text.exit_code == 0 and "事实 (facts):" in text.stdout and "doc_numbers (1)" in text.stdout
    assert "“某政办〔2024〕5号”" in text.stdout
    data = json.loads(runner.invoke(app, ["parse", str(doc), "--facts", "--format", "json"]).stdout)
    assert [f["text"] for f in data["facts"]["doc_numbers"]] == ["某政办〔2024〕5号"]
    assert {"2024-03-01", "2024-03-30"} <= {f["value"] for f in data["facts"]["dates"]}
    assert "facts" not in json.loads(runner.invoke(app, ["parse", str(doc), "--format", "json"]).stdout)


def test_facts_are_derived_once_per_document():
    from lawgov_check.pipeline import document_from_text

    doc = document_from_text("某政办〔2024〕5号\n3月1日起施行。\n")
    assert doc.facts is doc.facts
    doc.identity.state(year=2020)  # restating the year re-dates year-less dates
    assert [f.value.year for f in doc.facts.dates] == [2020]
