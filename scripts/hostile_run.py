"""Run the CLI over every hostile input, measuring wall time and peak memory of each run.

    python scripts/hostile_run.py DIR [--timeout 300] [--no-batch] [--max-seconds 5 --max-mb 300]

DIR is made by scripts/hostile_inputs.py (its manifest.json lists the inputs and what the
checker must do). Each input is checked alone in a fresh process (`lawgov-check check --format
json -- NAME`, run inside DIR); peak resident memory comes from GNU time (/usr/bin/time -f %M), else getrusage(RUSAGE_CHILDREN).
A final batch run checks every input at once and verifies that the readable ones still get
their results. Prints a table; exit status 1 if any input misbehaved.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Outcome:
    name: str
    description: str
    expect: str
    exit_code: int | None
    seconds: float
    peak_mb: float
    message: str
    problems: list[str]


GNU_TIME = "/usr/bin/time"


def run_cli(args: list[str], cwd: Path, timeout: float) -> tuple[int | None, str, str, float, float]:
    """(exit code or None on timeout, stdout, stderr, seconds, peak RSS in MB) of one CLI run.

    Peak memory comes from GNU time (`%M`) when it is installed: the rusage of a direct child
    would also count this process's own memory, which a forked child starts out with.
    """
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak_file:
        command = [sys.executable, "-m", "lawgov_check.cli", *args]
        if os.path.exists(GNU_TIME):
            command = [GNU_TIME, "-f", "%M", "-o", peak_file.name, *command]
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        try:
            process.wait(timeout=timeout)
            code = process.returncode
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code = None
        seconds = time.monotonic() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_text = peak_file.read().strip().splitlines()
        # GNU time reports KB; without it fall back to the children's high-water mark (an upper bound).
        peak_mb = int(peak_text[-1]) / 1024 if peak_text and peak_text[-1].isdigit() else usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        stderr = "\n".join(line for line in stderr.splitlines()
                           if not line.startswith(("Command exited with non-zero status", "Command terminated by signal")))
        return code, out.read().decode("utf-8", "replace"), stderr, seconds, peak_mb


def judge(case: dict, code: int | None, stdout: str, stderr: str) -> tuple[str, list[str]]:
    """The one-line message (or a summary of the result) and every broken expectation."""
    problems = []
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code is None:
        return "", ["timed out"]
    if "Traceback" in stderr or "Traceback" in stdout:
        problems.append("traceback")
    try:
        documents = json.loads(stdout)["documents"]
    except (ValueError, KeyError):
        documents = None
        problems.append("no JSON result")
    if documents == []:
        problems.append("nothing checked: no document in the result")
    document = documents[0] if documents else {"errors": [], "findings": []}
    if document["errors"]:
        message = lines[0] if lines else document["errors"][0]
        if code != 2:
            problems.append(f"exit {code} with errors")
        if len(lines) != len(document["errors"]):
            problems.append(f"{len(lines)} stderr lines for {len(document['errors'])} errors")
        if not all(case["name"] in line for line in lines):
            problems.append("error line does not name the file")
        if case["expect"] == "ok":
            problems.append("refused a readable input")
        if case.get("cause") and case["cause"] not in message:
            problems.append(f"cause lacks “{case['cause']}”")
    else:
        message = f"读取成功：{len(document['findings'])} 条发现 ({document.get('media_type')})"
        if document.get("warnings"):
            message += f"；警告：{document['warnings'][0][:60]}"
        if code not in (0, 1):
            problems.append(f"exit {code} without errors")
        if case["expect"] == "error":
            problems.append("accepted an input that must be refused")
    return message, problems


def run_all(directory: Path, timeout: float, max_seconds: float | None = None,
            max_mb: float | None = None) -> list[Outcome]:
    cases = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    outcomes = []
    for case in cases:
        code, stdout, stderr, seconds, peak = run_cli(["check", "--format", "json", "--", case["name"]],
                                                      directory, timeout)
        message, problems = judge(case, code, stdout, stderr)
        if max_seconds is not None and seconds > max_seconds:
            problems.append(f"{seconds:.1f} s > {max_seconds:g} s")
        if max_mb is not None and peak > max_mb:
            problems.append(f"{peak:.0f} MB > {max_mb:g} MB")
        outcomes.append(Outcome(case["name"], case["description"], case["expect"], code, seconds, peak,
                                message, problems))
        print(f"{case['name']}: exit {code}, {seconds:.1f} s, {peak:.0f} MB {problems or ''}", file=sys.stderr)
    return outcomes


def run_batch(directory: Path, timeout: float) -> tuple[list[str], float, float]:
    """Check all inputs in one run; every document must be present and readable ones must pass."""
    cases = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    names = [c["name"] for c in cases]
    code, stdout, stderr, seconds, peak = run_cli(["check", "--format", "json", "--", *names],
                                                  directory, timeout * 4)
    problems = []
    if code != 2:
        problems.append(f"batch exit {code}, expected 2")
    if "Traceback" in stderr:
        problems.append("traceback in batch")
    try:
        documents = {d["path"]: d for d in json.loads(stdout)["documents"]}
    except (ValueError, KeyError):
        return ["batch produced no JSON"], seconds, peak
    for case in cases:
        document = next((d for path, d in documents.items() if path.startswith(case["name"])), None)
        if document is None:
            problems.append(f"{case['name']}: missing from batch result")
        elif case["expect"] == "ok" and document["errors"]:
            problems.append(f"{case['name']}: refused in batch")
        elif case["expect"] == "error" and not document["errors"]:
            problems.append(f"{case['name']}: accepted in batch")
    return problems, seconds, peak


def table(outcomes: list[Outcome]) -> str:
    rows = ["| 输入 input | 内容 what | 退出码 exit | 时间 s | 峰值内存 MB | 结果 result |",
            "|---|---|---|---|---|---|"]
    for o in outcomes:
        verdict = o.message.replace("|", "\\|")
        if o.problems:
            verdict += " **问题: " + "; ".join(o.problems) + "**"
        rows.append(f"| `{o.name}` | {o.description} | {o.exit_code} | {o.seconds:.1f} | {o.peak_mb:.0f} | {verdict} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run counts as hung")
    parser.add_argument("--no-batch", action="store_true", help="skip the all-inputs-at-once run")
    parser.add_argument("--max-seconds", type=float, help="an input taking longer is a problem (issue 11: 5)")
    parser.add_argument("--max-mb", type=float, help="an input with a higher peak is a problem (issue 11: 300)")
    args = parser.parse_args(argv)
    outcomes = run_all(args.directory, args.timeout, args.max_seconds, args.max_mb)
    print(table(outcomes))
    failed = [o for o in outcomes if o.problems]
    if not args.no_batch:
        problems, seconds, peak = run_batch(args.directory, args.timeout)
        print(f"\nbatch of {len(outcomes)} inputs: {seconds:.1f} s, peak {peak:.0f} MB, "
              f"{'; '.join(problems) if problems else 'all results present and correct'}")
        if problems:
            failed.append(None)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
