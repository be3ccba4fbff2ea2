"""Documents and helpers shared by the workflow tests (batches, config, baselines, annotation)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lawgov_check.cli import app

# An annual report with two errors (AR03, AR04: missing parts) and two warnings
# (NC01: parts exceed the total, AR05: shortcomings without causes).
REPORT = """某县司法局2022年法治政府建设年度报告

2022年，县司法局在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下。

一、主要举措和成效

（一）行政复议工作

全年共审结行政复议案件40件，其中维持25件，驳回8件，纠错10件。

（二）行政执法监督

开展行政执法案卷评查，评查案卷120卷，发现问题15个，均已督促整改。

二、存在的不足

行政执法人员培训覆盖面不够广。

某县司法局
2023年1月20日
"""

# A notice with nothing at error level and one GF05 warning (date written 2021-03-05).
NOTICE = ("某县人民政府关于印发某县行政执法公示办法的通知\n\n各乡镇人民政府，县政府各部门：\n\n"
          "现将办法印发给你们，请认真贯彻执行。\n\n某县人民政府\n2021-03-05\n")

CLEAN = NOTICE.replace("2021-03-05", "2021年3月5日")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(runner: CliRunner, *args: str) -> tuple[int, dict[str, Any], str]:
    """Run `check --format json` and return (exit code, parsed output, stderr)."""
    result = runner.invoke(app, ["check", "--format", "json", "--no-progress", *args])
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data, result.stderr


def codes(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(Path(d["path"]).name, f["code"]) for d in data["documents"] for f in d["findings"]]
