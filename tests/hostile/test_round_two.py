"""Issue 11, "hostile input, round two": each case a one-line error with exit 2, or a correct result.

The generated inputs (table-rule backtracking, numbering bombs, ToUnicode surrogates…) are in
scripts/hostile_inputs.py and run through test_hostile_inputs.py; here are the cases that need
their own set-up: caches, configuration, auxiliary files, templates, links, interrupts, names.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from lawgov_check.api import CheckOptions, check_bytes, check_path, check_text
from lawgov_check.model import RunResult

from hostile_support import HANG_GUARD_SECONDS, REPO, hostile_inputs, run_cli

SAMPLE = (REPO / "fixtures" / "sample_annual_report.txt").read_text(encoding="utf-8")


def cli(args: list[str], cwd: Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    done = run_cli(args, cwd, stdin=stdin)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def one_line_error(stderr: str, name: str, cause: str = "") -> None:
    lines = [line for line in stderr.splitlines() if not line.startswith("使用配置文件")]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(name) and cause in lines[0], lines[0]
    assert "Traceback" not in stderr


# ---------------------------------------------------------------- 1. regular expressions

def test_every_pattern_returns_on_adversarial_50kb_lines(tmp_path):
    """Each pattern of grammar/, lawgov_check/ and rulesets/ on 50 KB lines of its own characters.

    Linear patterns finish in seconds; a nested quantifier would not finish in the guard's time
    (the old TABLE_RULE needed 3^k steps). The progress file names the pattern that hung."""
    progress = tmp_path / "progress.txt"
    try:
        done = subprocess.run([sys.executable, str(REPO / "tests" / "hostile" / "regex_audit.py"),
                               "--progress", str(progress)], capture_output=True, timeout=HANG_GUARD_SECONDS,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    except subprocess.TimeoutExpired:
        last = progress.read_text(encoding="utf-8").splitlines()[-1]
        pytest.fail(f"a pattern did not return within {HANG_GUARD_SECONDS} s: {last}")
    assert done.returncode == 0, done.stderr.decode()
    assert int(done.stdout.split()[0]) > 100  # the grammar, the modules and the rulesets were all found


def test_the_audit_lines_catch_the_old_table_rule(tmp_path):
    """The audit's lines make the pattern this issue found backtrack, so the audit can fail: on
    one of them Python's re does not return within a few seconds (it needs about 3^1000 steps)."""
    script = tmp_path / "old.py"
    script.write_text(
        "import re, sys\n"
        f"sys.path.insert(0, {str(REPO / 'tests' / 'hostile')!r})\n"
        "import regex_audit\n"
        "old = r'[ \\t]*\\|?[ \\t]*-{3,}[ \\t]*(\\|[ \\t]*-*[ \\t]*)+\\|?[ \\t]*(?=\\n|$)'\n"
        "for line in regex_audit.adversarial_lines(regex_audit.own_characters(old), 3000):\n"
        "    re.match(old, line)\n", encoding="utf-8")
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, str(script)], timeout=5, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(REPO)})


def test_table_rules_still_recognised():
    from lawgov_check.parse.lines import grammar_lines

    for line in ("---|---|---", "| --- | --- |", "|---|:---|", " ---- | ---- "):
        kinds = [l.kind for l in grammar_lines(line)]
        assert kinds in (["table_rule"], ["paragraph"]) and (kinds == ["table_rule"] or ":" in line), line
    assert grammar_lines("---" + "|  " * 40 + "x")[0].kind == "paragraph"


# ---------------------------------------------------------------- 2. docx numbering

def test_number_formats_never_raise():
    from lawgov_check.ingest.docx_numbering import format_number

    for value in (-5, 0, 1, 3999, 4000, 32767, 10 ** 13, 10 ** 17, 10 ** 40):
        for fmt in ("ideographDigital", "chineseCounting", "chineseLegalSimplified", "upperRoman",
                    "upperLetter", "decimalEnclosedCircle", "ideographTraditional", "decimal"):
            assert len(format_number(value, fmt)) <= 64
    assert format_number(-5, "ideographDigital") == "-5"
    assert format_number(10 ** 17, "chineseCounting") == str(10 ** 17)


def test_generated_numbering_counts_against_max_inflated(tmp_path):
    path = tmp_path / "n.docx"
    hostile_inputs.write_docx_numbering_long_level_text(path, 2000)
    from lawgov_check.ingest.limits import Limits
    from lawgov_check.ingest.zip_guard import check_docx_package

    inflated = check_docx_package(str(path), path.read_bytes(), Limits())
    # Room for the package, not for 2,000 markers of 64 characters on top of it.
    result = check_path(path, options=CheckOptions(max_inflated=inflated + 50_000))
    assert len(result.errors) == 1 and "自动编号" in result.errors[0], result.errors
    assert not check_path(path).errors  # within the default limit: read, with markers cut short


def test_huge_start_is_clamped(tmp_path):
    from lawgov_check.ingest import load

    path = tmp_path / "n.docx"
    hostile_inputs.write_docx_numbering_huge_start(path)
    text = load(str(path)).text
    assert "\n32767.条目\n32768.条目" in text  # Word's largest start; beyond MMMCMXCIX Roman is digits
    assert max(len(line) for line in text.splitlines()) < 200


# ---------------------------------------------------------------- 3. surrogates and names

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_lone_surrogates_in_text_and_name_reach_every_writer(fmt):
    from lawgov_check.report import render

    result = check_text("关于\ud800的通知\n" + SAMPLE, name="bad\udcffname-\ud801.txt")
    assert not result.errors
    assert result.path == "bad\\xffname-\\ud801.txt"
    assert any("代理项" in w for w in result.warnings)
    run = RunResult(documents=[result], rules=[], tool_version="t")
    out = render(fmt, run)
    out.encode("utf-8")
    if fmt in ("json", "sarif"):
        json.loads(out)


def test_check_bytes_with_a_surrogate_name_never_raises():
    result = check_bytes(SAMPLE.encode("utf-8"), "x\udc80.txt")
    assert result.path == "x\\x80.txt" and not result.errors and result.findings is not None
    for finding in result.findings:
        finding.fingerprint.encode("utf-8")


def test_non_utf8_file_name_through_the_cli(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-report.txt"
    with open(raw, "wb") as fh:
        fh.write(SAMPLE.encode("utf-8"))
    for fmt in ("json", "html", "text"):
        out = tmp_path / f"r.{fmt}"
        code, _, stderr = cli(["check", "--format", fmt, "-o", str(out), str(tmp_path)], tmp_path)
        assert code in (0, 1) and "Traceback" not in stderr, stderr
        written = out.read_text(encoding="utf-8")
        if fmt == "json":
            written = "".join(d["path"] for d in json.loads(written)["documents"])
        assert "\\xff\\xfe-report.txt" in written


def test_control_characters_are_escaped_in_text_and_github(tmp_path):
    path = tmp_path / "esc.txt"
    hostile_inputs.write_escape_codes(path)
    for fmt in ("text", "github"):
        code, stdout, _ = cli(["check", "--format", fmt, "--fail-on", "never", str(path)], tmp_path)
        assert code == 0 and "\x1b" not in stdout and "\x07" not in stdout


# ---------------------------------------------------------------- 4. the cache

def test_cache_directory_of_another_user_is_not_used(tmp_path, monkeypatch):
    from lawgov_check import user_cache

    if os.geteuid() != 0:
        pytest.skip("changing a directory's owner needs root")
    foreign = tmp_path / "foreign"
    foreign.mkdir(mode=0o700)
    os.chown(foreign, 65534, 65534)
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(foreign))
    user_cache.user_cache_dir.cache_clear()
    try:
        assert user_cache.user_cache_dir() is None
    finally:
        user_cache.user_cache_dir.cache_clear()


def test_open_cache_directory_is_closed_and_planted_files_are_not_read(tmp_path, monkeypatch):
    import pickle

    from lawgov_check import user_cache

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(shared))
    user_cache.user_cache_dir.cache_clear()
    try:
        assert user_cache.user_cache_dir() == shared
        assert shared.stat().st_mode & 0o777 == 0o700
        planted = shared / "planted.pickle"
        planted.write_bytes(pickle.dumps({"x": 1}))
        planted.chmod(0o666)  # writable by others: refused
        assert user_cache.read_private(planted, pickle.load) is None
        planted.chmod(0o600)
        assert user_cache.read_private(planted, pickle.load) == {"x": 1}
        link = shared / "link.pickle"
        link.symlink_to(planted)  # a link: refused (O_NOFOLLOW)
        assert user_cache.read_private(link, pickle.load) is None
    finally:
        user_cache.user_cache_dir.cache_clear()


def test_grammar_cache_is_written_private_and_reused(tmp_path, monkeypatch):
    from lawgov_check import user_cache
    from lawgov_check.parse import lines

    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(tmp_path / "c"))
    user_cache.user_cache_dir.cache_clear()
    lines._parser.cache_clear()
    try:
        lines._parser()
        (cached,) = (tmp_path / "c").glob("grammar-*.pickle")
        assert cached.stat().st_mode & 0o077 == 0
        lines._parser.cache_clear()
        assert lines.grammar_lines("一、总则")[0].kind == "heading1"
    finally:
        user_cache.user_cache_dir.cache_clear()
        lines._parser.cache_clear()


# ---------------------------------------------------------------- 5. configuration discovery

def test_config_above_the_repository_is_not_used(tmp_path):
    (tmp_path / "lawgov-check.toml").write_text('exclude = ["*.txt", "*.docx", "*.pdf"]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.txt").write_text(SAMPLE, encoding="utf-8")
    code, _, stderr = cli(["check", "--format", "json", "a.txt"], repo)
    assert code in (0, 1) and "使用配置文件" not in stderr
    code, _, stderr = cli(["check", "--format", "json", "a.txt"], tmp_path / "repo")
    (repo / ".git").rmdir()
    code, _, stderr = cli(["check", "--format", "json", "repo/a.txt"], tmp_path)
    assert code == 2 and f"使用配置文件 {tmp_path / 'lawgov-check.toml'}" in stderr
    assert "所有输入都被排除" in stderr


def test_config_search_stops_at_home(tmp_path):
    from lawgov_check.config import find_config

    home = tmp_path / "home"
    (home / "work").mkdir(parents=True)
    (tmp_path / "lawgov-check.toml").write_text("", encoding="utf-8")
    old = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        assert find_config(home / "work") is None
    finally:
        os.environ["HOME"] = old or ""


# ---------------------------------------------------------------- 6. auxiliary files

@pytest.fixture
def doc(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def _config(tmp_path: Path, body: str | bytes) -> Path:
    path = tmp_path / "cfg.toml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


@pytest.mark.parametrize("body, cause", [
    ('timeout = nan\n', "NaN"),
    ('timeout = inf\n', "NaN"),
    ('timeout = 1e308\n', "timeout"),
    ('exclude = ["[z-a]"]\n', "通配符"),
    ('jurisdiction = "浙江省"\n'.encode("gbk"), "UTF-8"),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "嵌套"),
    ("x = { " * 3000 + "}" * 3000, "嵌套"),
])
def test_bad_config_values_are_one_line_errors(tmp_path, doc, body, cause):
    config = _config(tmp_path, body)
    code, _, stderr = cli(["check", "--config", str(config), str(doc)], tmp_path)
    assert code == 2
    one_line_error(stderr, str(config), cause)


def test_many_stars_in_an_exclude_glob_return(tmp_path, doc):
    code, _, stderr = cli(["check", "--format", "json", "--exclude", "*" * 37 + "x", str(doc)], tmp_path)
    assert code in (0, 1), stderr
    code, _, stderr = cli(["check", "--exclude", "[z-a]", str(doc)], tmp_path)
    assert code == 2 and stderr.startswith("--exclude: 无效的通配符")


@pytest.mark.parametrize("timeout", ["nan", "inf", "1e308", "-1"])
def test_bad_timeout_option(tmp_path, doc, timeout):
    code, _, stderr = cli(["check", "--timeout", timeout, str(doc)], tmp_path)
    assert code == 2 and "Traceback (most recent" not in stderr  # one line, or typer's usage block for nan, -1


@pytest.mark.parametrize("option", ["--meta", "--config", "--baseline", "--ruleset-file"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "directory"])
def test_auxiliary_files_must_be_regular(tmp_path, doc, option, special):
    if special == "fifo":
        target = tmp_path / "pipe.yml"
        os.mkfifo(target)
    elif special == "directory":
        target = tmp_path / "dir.yml"
        target.mkdir()
    else:
        target = Path(special)
    code, _, stderr = cli(["check", option, str(target), str(doc)], tmp_path)
    assert code == 2 and "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1 and str(target) in stderr


@pytest.mark.parametrize("name, body, cause", [
    ("m.yml", "a: &a [*a, *a]\nb: *a\n", "循环"),
    ("m.yml", 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f'{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n' for p, c in zip("abcdefgh", "bcdefghi")),
     "别名"),
    ("m.json", "[" * 100_000 + "]" * 100_000, "嵌套"),
    ("m.json", '{"publication_date": NaN}', "NaN"),
    ("m.yml", "投稿".encode("gbk"), "UTF-8"),
])
def test_bad_manifests_are_one_line_errors(tmp_path, doc, name, body, cause):
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    code, _, stderr = cli(["check", "--meta", str(path), str(doc)], tmp_path)
    assert code == 2
    one_line_error(stderr, str(path), cause)


def test_oversized_baseline_and_deep_baseline(tmp_path, doc):
    deep = tmp_path / "b.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    code, _, stderr = cli(["check", "--baseline", str(deep), str(doc)], tmp_path)
    assert code == 2
    one_line_error(stderr, str(deep), "嵌套")


# ---------------------------------------------------------------- 7. templates

def test_templates_substitute_names_only():
    from lawgov_check.rules.templates import fill

    values = {"evidence": "证据", "share": 0.1234, "total": 12345}
    assert fill("{evidence.__class__.__mro__}", values) == "{evidence.__class__.__mro__}"
    assert fill("{evidence:>100000000}", values) == "{evidence:>100000000}"
    assert fill("{evidence:>1000000}", values) == "证据"  # not a safe format: the plain value
    assert fill("{evidence[0]}{0}{}", values) == "{evidence[0]}{0}{}"
    assert fill("{share:.1%} {total:,} {{x}} {missing}", values) == "12.3% 12,345 {x} {missing}"


# ---------------------------------------------------------------- 8. links

def test_links_out_of_the_walked_tree_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("秘密内容：root:x:0:0\n" + SAMPLE, encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (tree / "leak.txt").symlink_to(outside / "secret.txt")
    (tree / "linkdir").symlink_to(outside)
    (tree / "sub" / "inside.txt").symlink_to(tree / "a.txt")
    code, stdout, _ = cli(["check", "--format", "json", "tree"], tmp_path)
    paths = [d["path"] for d in json.loads(stdout)["documents"]]
    assert paths == ["tree/a.txt", "tree/sub/inside.txt"]
    code, stdout, _ = cli(["check", "--format", "json", "--follow-symlinks", "tree"], tmp_path)
    paths = [d["path"] for d in json.loads(stdout)["documents"]]
    assert "tree/leak.txt" in paths and "tree/linkdir/secret.txt" in paths
    code, stdout, _ = cli(["check", "--format", "json", "tree/*.txt"], tmp_path)
    assert [d["path"] for d in json.loads(stdout)["documents"]] == ["tree/a.txt"]


# ---------------------------------------------------------------- 9. interrupted runs

def test_interrupt_keeps_the_old_report_and_exits_130(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(30):
        (inputs / f"big{i}.txt").write_text(SAMPLE * 200, encoding="utf-8")
    report = tmp_path / "out.json"
    report.write_text('{"old": true}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "lawgov_check.cli", "check", "--format", "json",
                                "-o", str(report), "-j", "2", str(inputs)], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               # a run started in the background inherits SIGINT ignored: undo that
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.json.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the report is being written: the workers are busy
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=HANG_GUARD_SECONDS)
    assert process.returncode == 130, stderr
    assert stderr.decode() == ""
    assert report.read_text(encoding="utf-8") == '{"old": true}'
    assert not list(tmp_path.glob(".out.json.*"))


def test_report_replaced_whole_on_success(tmp_path, doc):
    report = tmp_path / "out.json"
    report.write_text("old", encoding="utf-8")
    code, _, _ = cli(["check", "--format", "json", "-o", str(report), str(doc)], tmp_path)
    assert code in (0, 1) and json.loads(report.read_text(encoding="utf-8"))["documents"]
    code, _, _ = cli(["check", "--format", "json", "-o", "/dev/null", str(doc)], tmp_path)
    assert code in (0, 1) and Path("/dev/null").is_char_device()


# ---------------------------------------------------------------- API

def test_api_timeout_returns_an_error_instead_of_hanging(monkeypatch):
    import lawgov_check.api as api

    def hang(*args):
        time.sleep(3600)

    monkeypatch.setattr(api, "_check_text_now", hang)
    started = time.monotonic()
    result = api.check_text(SAMPLE, timeout=1)
    assert time.monotonic() - started < HANG_GUARD_SECONDS
    assert len(result.errors) == 1 and "处理超时" in result.errors[0]


@pytest.mark.parametrize("timeout", [float("nan"), float("inf"), -1, 0])
def test_api_invalid_timeout_is_an_error_entry(timeout):
    result = check_text(SAMPLE, timeout=timeout)
    assert result.errors and "timeout" in result.errors[0]


def test_api_never_raises(monkeypatch):
    import lawgov_check.pipeline as pipeline

    def broken(source):
        raise RecursionError("deep")

    monkeypatch.setattr(pipeline, "document_from_source", broken)
    for result in (check_text("x"), check_bytes(b"x", "a.txt"), check_path(REPO / "fixtures" / "sample_annual_report.txt"),
                   check_bytes(b"\x00" * 10, "\udcff.pdf"), check_text("a" * 2_000_000)):
        assert result.errors and "\n" not in result.errors[0]


# ---------------------------------------------------------------- low items

def test_annotated_copies_do_not_collide_or_overwrite_inputs(tmp_path):
    docx = (REPO / "fixtures" / "sample_annual_report.docx").read_bytes()
    (tmp_path / "X.docx").write_bytes(docx)
    (tmp_path / "X.DOCX").write_bytes(docx)
    code, _, stderr = cli(["check", "--fail-on", "never", "--annotate", ".", "X.docx", "X.DOCX"], tmp_path)
    assert code == 0, stderr
    assert (tmp_path / "X.lawgov-check.docx").exists() and (tmp_path / "X.DOCX.lawgov-check.docx").exists()
    original = (tmp_path / "X.lawgov-check.docx").read_bytes()
    code, _, stderr = cli(["check", "--fail-on", "never", "--annotate", ".", "X.docx", "X.lawgov-check.docx"], tmp_path)
    assert code == 2 and "不覆盖" in stderr
    assert (tmp_path / "X.lawgov-check.docx").read_bytes() == original


def test_stdin_docx_is_annotated(tmp_path):
    docx = (REPO / "fixtures" / "sample_annual_report.docx").read_bytes()
    code, _, stderr = cli(["check", "--fail-on", "never", "--annotate", "out", "-"], tmp_path, stdin=docx)
    assert code == 0, stderr
    copy = zipfile.ZipFile(io.BytesIO((tmp_path / "out" / "stdin.lawgov-check.docx").read_bytes()))
    assert "word/document.xml" in copy.namelist()


def test_format_sniffing_keeps_text_mentioning_pdf():
    from lawgov_check.ingest.sniff import sniff_format

    assert sniff_format("a.txt", "附件请勿以 %PDF-1.7 开头".encode()) == "txt"
    assert sniff_format("-", "附件请勿以 %PDF-1.7 开头".encode()) == "txt"
    assert sniff_format("-", b"\x00\x01\x02%PDF-1.4") == "pdf"
    assert sniff_format("a.pdf", b"junk%PDF-1.4") == "pdf"
