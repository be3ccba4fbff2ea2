"""The installed command works from any directory, without the repository beside it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "sample_annual_report.txt"


def _installed_cli() -> str:
    """The console script of an installed lawgov-check, not the checkout's source tree."""
    script = shutil.which("lawgov-check", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("lawgov-check is not installed in this environment")
    return script


def test_installed_command_checks_from_another_directory(tmp_path):
    copy = tmp_path / "报告.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    result = subprocess.run([_installed_cli(), "check", "--format", "json", copy.name], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert document["doc_type"] == "annual_report"
    assert {r["id"] for r in document["rulesets_applied"]} >= {"AR", "GF", "NC"}


def test_installed_rules_list_shows_every_bundled_ruleset(tmp_path):
    result = subprocess.run([_installed_cli(), "rules", "list"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for code in ("AR01", "CN01", "GF01", "IP01", "MD01", "NC01", "ND01"):
        assert code in result.stdout
