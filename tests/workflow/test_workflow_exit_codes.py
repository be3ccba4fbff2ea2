"""Exit codes as DESIGN.md defines them: 0, 1 (findings at or above --fail-on), 2 (usage or input)."""

from __future__ import annotations

from pathlib import Path

from lawgov_check.cli import app

from .conftest import CLEAN, NOTICE, REPORT, codes, run_json, write


def test_exit_0_when_nothing_reaches_the_threshold(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    status, data, _ = run_json(runner, str(notice))
    assert status == 0
    assert ("notice.txt", "GF05") in codes(data)  # a warning: below the default threshold


def test_exit_1_on_an_error_finding(runner, tmp_path):
    status, data, _ = run_json(runner, str(write(tmp_path / "report.txt", REPORT)))
    assert status == 1
    assert {"AR03", "AR04"} <= {code for _, code in codes(data)}


def test_fail_on_warning(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    assert run_json(runner, str(notice), "--fail-on", "warning")[0] == 1
    clean = write(tmp_path / "clean.txt", CLEAN)
    assert run_json(runner, str(clean), "--select", "GF05", "--fail-on", "warning")[0] == 0


def test_fail_on_never(runner, tmp_path):
    status, data, _ = run_json(runner, str(write(tmp_path / "report.txt", REPORT)), "--fail-on", "never")
    assert status == 0 and codes(data)


def test_usage_error_is_2(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    for args in (["--fail-on", "sometimes"], ["--jobs", "0"], ["--max-bytes", "lots"],
                 ["--config", str(tmp_path / "missing.toml")], ["--baseline", str(tmp_path / "none.json")]):
        result = runner.invoke(app, ["check", str(notice), *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output + result.stderr


def test_batch_with_one_bad_file_is_2_and_reports_the_others(runner, tmp_path):
    write(tmp_path / "a_report.txt", REPORT)
    (tmp_path / "b_broken.docx").write_bytes(b"PK\x03\x04 this is not a word file")
    write(tmp_path / "c_notice.txt", NOTICE)
    status, data, stderr = run_json(runner, str(tmp_path), "--fail-on", "never")
    assert status == 2
    docs = data["documents"]
    assert [Path(d["path"]).name for d in docs] == ["a_report.txt", "b_broken.docx", "c_notice.txt"]
    assert docs[1]["errors"] and not docs[0]["errors"] and not docs[2]["errors"]
    assert docs[0]["findings"] and docs[2]["findings"]
    [line] = [line for line in stderr.splitlines() if "b_broken.docx" in line]
    assert line.startswith(str(tmp_path / "b_broken.docx") + ": ")


def test_input_error_outranks_findings(runner, tmp_path):
    report = write(tmp_path / "report.txt", REPORT)
    status, data, _ = run_json(runner, str(report), str(tmp_path / "missing.txt"))
    assert status == 2 and len(data["documents"]) == 2


def test_unmatched_glob_is_an_input_error(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    status, data, stderr = run_json(runner, str(notice), str(tmp_path / "*.pdf"))
    assert status == 2
    assert "没有匹配的文件" in stderr
    assert Path(data["documents"][0]["path"]).name == "notice.txt"
