"""The integration guide's example runs; the pre-commit hook is well formed; startup stays light."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from lawgov_check.cli import app

from .conftest import NOTICE, write

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("lark", "docx", "pypdf", "opencc", "jsonschema", "rich", "yaml", "lxml", "regex")


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


def test_documented_api_example_runs(tmp_path, monkeypatch, capsys):
    guide = (REPO / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in python_blocks(guide) if "lawgov_check.api" in b]
    assert 5 <= len(example.strip().splitlines()) <= 12
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "通知.txt", NOTICE)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "GF05" in out


def test_pre_commit_hook():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lawgov-check" and hook["language"] == "python"
    assert hook["entry"] == "lawgov-check check"
    files = re.compile(hook["files"])
    for name in ("年报.txt", "docs/决定.DOCX", "a/b/c.pdf"):
        assert files.search(name), name
    for name in ("README.md", "report.txt.bak", "pdf"):
        assert not files.search(name), name
    assert "check" in {c.name or c.callback.__name__ for c in app.registered_commands}


def test_pre_commit_style_invocation(tmp_path, runner):
    """pre-commit passes file names; documents excluded in the config are skipped silently."""
    write(tmp_path / "lawgov-check.toml", 'exclude = ["templates"]\n')
    notice = write(tmp_path / "notice.txt", NOTICE)
    template = write(tmp_path / "templates" / "t.txt", "模板")
    result = runner.invoke(app, ["check", str(notice), str(template)])
    assert result.exit_code == 0 and "templates" not in result.stdout


def test_version_imports_nothing_heavy():
    code = ("import sys\nfrom lawgov_check.cli import main\nsys.argv=['lawgov-check','--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().splitlines() == ["lawgov-check 0.1.0", "[]"] or \
        out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_text_report_marks_the_offending_span(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    result = runner.invoke(app, ["check", str(notice), "--select", "GF05"])
    lines = result.stdout.splitlines()
    [i] = [n for n, line in enumerate(lines) if line.rstrip().endswith("| 2021-03-05")]
    assert lines[i + 1].rstrip().endswith("^" * len("2021-03-05"))


def test_html_and_output_file(runner, tmp_path):
    notice = write(tmp_path / "notice.txt", NOTICE)
    for fmt in ("html", "sarif", "junit", "github", "text", "json"):
        out = tmp_path / f"r.{fmt}"
        result = runner.invoke(app, ["check", str(notice), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0 and result.stdout == "" and out.stat().st_size > 0, fmt
