"""Every hostile input: exit 2 with one line naming the file and the cause, or a normal result.

Never a traceback; in a batch, every other file's result is present and unchanged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgov_check.cli import app

from hostile_support import REPO, hostile_inputs, run_cli

SPECIAL = ["a-directory.txt", "fifo.txt", "loop-a.txt", "dangling.txt"]
CASE_NAMES = [case.name for case, _ in hostile_inputs.build_cases(small=True)] + SPECIAL


def check_json(runner: CliRunner, *args: str):
    result = runner.invoke(app, ["check", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_input(name, hostile_dir, hostile_cases, monkeypatch):
    case = next(c for c in hostile_cases if c["name"] == name)
    monkeypatch.chdir(hostile_dir)
    result, run = check_json(CliRunner(), "--", name)
    assert len(run["documents"]) == 1
    document = run["documents"][0]
    assert document["path"].startswith(name)
    lines = result.stderr.splitlines()
    if document["errors"]:
        assert case["expect"] in ("error", "either"), f"readable input refused: {lines}"
        assert result.exit_code == 2
        assert len(lines) == len(document["errors"]) == 1
        assert lines[0].startswith(f"{name}: ")
        assert case["cause"] in lines[0]
        assert "无法处理" not in lines[0], "the catch-all for unexpected exceptions answered"
    else:
        assert case["expect"] in ("ok", "either"), "input that must be refused was accepted"
        assert result.exit_code in (0, 1)
        assert not lines
        assert document["media_type"]


def test_readable_odd_inputs_keep_their_text(hostile_dir):
    from lawgov_check.ingest import load

    mixed = load(str(hostile_dir / "mixed-encodings.txt"))
    assert mixed.text.count(hostile_inputs.PARAGRAPH) == 3  # UTF-8, GB18030 and UTF-8 again
    assert any("GB18030" in w for w in mixed.warnings)
    sample = hostile_inputs.sample_text()
    for name in ("utf16-le-nobom.txt", "utf16-be-nobom.txt"):
        assert load(str(hostile_dir / name)).text == sample
    nul = load(str(hostile_dir / "nul-in-text.txt"))
    assert nul.text.replace("\0", "") == sample


def test_batch_keeps_every_other_result(hostile_dir, hostile_cases, fixtures_dir):
    """All hostile inputs and a good file in one run: every result present, the good one intact."""
    good = fixtures_dir / "sample_annual_report.txt"
    alone = run_cli(["check", "--format", "json", "--", str(good)], hostile_dir)
    names = [c["name"] for c in hostile_cases if c["name"] != "unreadable.txt"]
    batch = run_cli(["check", "--format", "json", "--", *names, str(good)], hostile_dir)
    stderr = batch.stderr.decode("utf-8")
    assert batch.returncode == 2
    assert "Traceback" not in stderr
    documents = json.loads(batch.stdout)["documents"]
    by_path = {d["path"]: d for d in documents}
    expected_paths = [n for n in names if n != "empty-directory"]
    assert [p for p in expected_paths if not any(path.startswith(p) for path in by_path)] == []
    for case in hostile_cases:
        found = [d for path, d in by_path.items() if path.startswith(case["name"])]
        if case["expect"] == "ok" and found:
            assert not found[0]["errors"], case["name"]
        if case["expect"] == "error" and found:
            assert found[0]["errors"], case["name"]
    single = json.loads(alone.stdout)["documents"][0]
    assert by_path[str(good)]["findings"] == single["findings"]
    error_lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(error_lines) == sum(len(d["errors"]) for d in documents)


def test_leading_dash_names(hostile_dir):
    after_separator = run_cli(["check", "--", "-x.txt"], hostile_dir)
    dotted = run_cli(["check", "./-x.txt"], hostile_dir)
    assert after_separator.returncode == dotted.returncode == 0
    assert b"-x.txt" in after_separator.stdout and b"./-x.txt" in dotted.stdout
    # Without "--" it reads as an unknown option: a usage error, not a traceback.
    as_option = run_cli(["check", "-x.txt"], hostile_dir)
    assert as_option.returncode == 2 and b"Traceback" not in as_option.stderr


@pytest.mark.parametrize("name", ["name with spaces.txt", "法治政府年度报告.txt"])
def test_odd_names_are_reported_verbatim(name, hostile_dir):
    result = run_cli(["check", "--format", "json", "--", name], hostile_dir)
    assert json.loads(result.stdout)["documents"][0]["path"] == name


def test_unreadable_file(hostile_dir, tmp_path):
    """Permission denied: as root the file would be readable, so the CLI runs as nobody."""
    secret = tmp_path / "secret.txt"
    secret.write_text(hostile_inputs.sample_text(), encoding="utf-8")
    secret.chmod(0)
    tmp_path.chmod(0o755)
    try:
        if os.geteuid() == 0:
            if not _nobody_can_run_cli():
                pytest.skip("the repository or interpreter is not readable by nobody")
            result = run_cli(["check", str(secret)], tmp_path, as_nobody=True)
        else:
            result = run_cli(["check", str(secret)], tmp_path)
    finally:
        secret.chmod(0o600)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in stderr
    assert stderr.strip() == f"{secret}: 没有读取权限 (permission denied)"


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """The same check in-process, whoever runs the tests."""
    from lawgov_check.api import check_paths
    from lawgov_check.ingest import reading

    target = tmp_path / "report.txt"
    target.write_text(hostile_inputs.sample_text(), encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "open", denied, raising=False)
    run = check_paths([str(target)])
    assert run.documents[0].errors == [f"{target}: 没有读取权限 (permission denied)"]


def _nobody_can_run_cli() -> bool:
    import subprocess
    import sys

    def demote() -> None:
        os.setgid(65534)
        os.setuid(65534)

    try:
        probe = subprocess.run([sys.executable, "-c", "import lawgov_check.cli"], env={"PYTHONPATH": str(REPO)},
                               cwd="/", capture_output=True, timeout=120, preexec_fn=demote)
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def test_stdin_noise_and_empty(hostile_dir):
    for data in (b"", os.urandom(4096) + b"\0" * 512):
        result = run_cli(["check", "-"], hostile_dir, stdin=data)
        assert result.returncode == 2
        assert result.stderr.decode("utf-8").startswith("-: ")
        assert b"Traceback" not in result.stderr


def test_empty_directory_is_an_input_error(hostile_dir, monkeypatch):
    monkeypatch.chdir(hostile_dir)
    result, run = check_json(CliRunner(), "--", "empty-directory")
    assert result.exit_code == 2
    assert "empty-directory" in result.stderr


def test_symlink_loop_names_the_loop(hostile_dir, monkeypatch):
    monkeypatch.chdir(hostile_dir)
    result, _ = check_json(CliRunner(), "--", "loop-a.txt")
    assert "符号链接" in result.stderr or "symbolic links" in result.stderr
