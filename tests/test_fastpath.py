"""The entry point's fast path prints what the command line prints, and distrusts its cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RUN = "import sys; sys.argv[0] = 'lawgov-check'; from {module} import main; main()"


def run(module: str, args: list[str], cache: Path | str, *, columns: str = "80") -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(REPO), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "LAWGOV_CHECK_CACHE_DIR": str(cache), "COLUMNS": columns}
    return subprocess.run([sys.executable, "-c", RUN.format(module=module), *args], capture_output=True,
                          text=True, cwd=REPO, env=env)


def test_version_is_the_command_lines():
    fast, full = run("lawgov_check.fastpath", ["--version"], ""), run("lawgov_check.cli", ["--version"], "")
    assert fast.returncode == full.returncode == 0
    assert fast.stdout == full.stdout and fast.stdout.startswith("lawgov-check ")


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["rules", "list", "--help"]])
def test_help_from_the_cache_is_the_rendered_page(tmp_path, args):
    expected = run("lawgov_check.cli", args, "")
    first = run("lawgov_check.fastpath", args, tmp_path)
    (cached,) = tmp_path.glob("help-*.txt")
    assert cached.stat().st_mode & 0o077 == 0
    second = run("lawgov_check.fastpath", args, tmp_path)
    assert expected.returncode == first.returncode == second.returncode == 0
    assert expected.stdout == first.stdout == second.stdout
    assert "Usage: lawgov-check" in second.stdout


def test_each_width_has_its_own_page(tmp_path):
    narrow = run("lawgov_check.fastpath", ["check", "--help"], tmp_path, columns="40")
    wide = run("lawgov_check.fastpath", ["check", "--help"], tmp_path, columns="100")
    assert narrow.stdout == run("lawgov_check.cli", ["check", "--help"], "", columns="40").stdout
    assert wide.stdout == run("lawgov_check.cli", ["check", "--help"], "", columns="100").stdout
    assert narrow.stdout != wide.stdout and len(list(tmp_path.glob("help-*.txt"))) == 2


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"wrong-key\nUsage: fake\n", "KEY\nUsage:\x1b[31m red\n",
                                     "KEY\n"])
def test_a_bad_cache_file_is_rendered_again(tmp_path, content):
    expected = run("lawgov_check.cli", ["--help"], "").stdout
    run("lawgov_check.fastpath", ["--help"], tmp_path)
    (cached,) = tmp_path.glob("help-*.txt")
    key = cached.read_text(encoding="utf-8").partition("\n")[0]
    cached.write_bytes(content.replace("KEY", key).encode() if isinstance(content, str) else content)
    assert run("lawgov_check.fastpath", ["--help"], tmp_path).stdout == expected
    assert cached.read_text(encoding="utf-8") == f"{key}\n{expected}"  # and written again


def test_a_cache_file_open_to_others_is_not_read(tmp_path):
    run("lawgov_check.fastpath", ["--help"], tmp_path)
    (cached,) = tmp_path.glob("help-*.txt")
    key = cached.read_text(encoding="utf-8").partition("\n")[0]
    cached.write_text(f"{key}\nUsage: planted\n", encoding="utf-8")
    cached.chmod(0o666)
    assert "planted" not in run("lawgov_check.fastpath", ["--help"], tmp_path).stdout


def test_everything_else_goes_to_the_command_line(tmp_path):
    done = run("lawgov_check.fastpath", ["check", "--nonsense"], tmp_path)
    assert done.returncode == 2 and not list(tmp_path.glob("help-*.txt"))
    done = run("lawgov_check.fastpath", ["nosuchcommand", "--help"], tmp_path)
    assert done.returncode == 2 and not list(tmp_path.glob("help-*.txt"))


def test_help_and_version_import_nothing_heavy(tmp_path):
    code = ("import sys\nsys.argv=['lawgov-check', sys.argv[1]]\nfrom lawgov_check.fastpath import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('typer', 'lark', 'yaml', 'regex') if m in sys.modules))")
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LAWGOV_CHECK_CACHE_DIR": str(tmp_path)}
    for flag in ("--version", "--help", "--help"):  # the second --help comes from the cache
        out = subprocess.run([sys.executable, "-c", code, flag], capture_output=True, text=True, cwd=REPO, env=env)
        last = out.stdout.strip().splitlines()[-1]
    assert last == "[]", out.stdout + out.stderr
