"""The performance targets of issue 14, measured in one run, as ratios.

    python bench/targets.py [--corpus DIR] [--command "lawgov-check"] [--rounds 5] [--skip-scaling]
    python bench/targets.py --source /tmp/before --command "python -m lawgov_check.cli"   # an older tree

1. batch: `check --jobs 1|2 --format json` over 300 generated documents against the floor script
   `../shared/tools/floor_scan.py` on the same folder (bench/floor.py when it is absent); the three
   are run in turn, round after round, so that load from other processes falls on all of them;
2. cold: `check` of one ~20 KB .txt with the user cache warm, empty (first run) and off
   (`LAWGOV_CHECK_CACHE_DIR=""`), `--version`, `--help`, and a bare interpreter for scale;
3. scaling (in process): one document of 10 KB … 10 MB, and the longest paragraph the input limits
   accept (just under 1,000,000 characters, about 2.9 MB) as one whole document;
4. memory: peak RSS of `--jobs 1` over 100 and 300 documents.

Wall times are the best of the rounds (cold ones the median); CPU is user + system of the process
and its workers. The machine's load average is printed before and after: on a shared machine wall
ratios move with it, CPU ratios much less. Run by hand; never in the tests.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import generate  # noqa: E402

FLOOR = REPO.parent / "shared" / "tools" / "floor_scan.py"
CWD = [REPO]  # where the children start: the source tree, so that `python -m` imports from it

SCALING_SCRIPT = """
import resource, sys, time
from lawgov_check.api import check_text, load_rules
load_rules()
check_text("一、总则\\n")
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
result = check_text(text)
print(time.perf_counter() - t, len(result.errors), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, workers included) and peak RSS in KB."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=CWD[0])
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {shlex.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, value: str, ratio: str = "", note: str = "") -> None:
        self.rows.append((what, value, ratio, note))
        print(f"{what}: {value} {ratio} {note}", file=sys.stderr)

    def markdown(self) -> str:
        lines = ["| measurement | value | ratio | notes |", "|---|---:|---:|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(lines)


def batch(table: Table, command: list[str], folder: Path, rounds: int, env: dict[str, str]) -> None:
    floor = [sys.executable, str(FLOOR if FLOOR.is_file() else BENCH / "floor.py"), str(folder)]
    check = [*command, "check", "--format", "json", "--fail-on", "never"]
    runs: dict[str, list[tuple[float, float, int]]] = {"floor": [], "jobs1": [], "jobs2": []}
    for _ in range(rounds):
        runs["floor"].append(run(floor, env))
        runs["jobs1"].append(run([*check, "--jobs", "1", str(folder)], env))
        runs["jobs2"].append(run([*check, "--jobs", "2", str(folder)], env))
    best = {k: min(r[0] for r in v) for k, v in runs.items()}
    cpu = {k: min(r[1] for r in v) for k, v in runs.items()}
    paired2 = statistics.median(j[0] / f[0] for j, f in zip(runs["jobs2"], runs["floor"]))
    speedup = statistics.median(a[0] / b[0] for a, b in zip(runs["jobs1"], runs["jobs2"]))
    table.add("floor_scan.py, 300 txt", f"{best['floor']:.3f} s", "1.0×", f"CPU {cpu['floor']:.2f} s")
    for jobs in ("jobs1", "jobs2"):
        table.add(f"check --{jobs[:4]} {jobs[4]} --format json, 300 txt", f"{best[jobs]:.3f} s",
                  f"{best[jobs] / best['floor']:.1f}×", f"CPU {cpu[jobs]:.2f} s ({cpu[jobs] / cpu['floor']:.1f}× the floor's)")
    table.add("--jobs 2 / floor, median of the paired rounds", f"{paired2:.1f}×")
    table.add("--jobs 1 / --jobs 2 (speed-up), median of the paired rounds", f"{speedup:.2f}×",
              note=f"best of each: {best['jobs1'] / best['jobs2']:.2f}×")


def cold(table: Table, command: list[str], one: Path, rounds: int, env: dict[str, str]) -> None:
    def median(args: list[str], extra: dict[str, str] | None = None) -> tuple[float, float]:
        results = [run(args, {**env, **(extra or {})}) for _ in range(max(rounds, 5))]
        return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)

    run([*command, "--help"], env)  # warm the help page
    bare, _ = median([sys.executable, "-c", "pass"])
    wall, cpu = median([*command, "check", str(one)])
    size = f"{one.stat().st_size / 1000:.0f} KB"
    table.add(f"cold `check` of one {size} txt (user cache warm)", f"{wall:.3f} s", note=f"median; CPU {cpu:.3f} s")
    with tempfile.TemporaryDirectory(prefix="lawgov-first-") as first:
        wall_first, cpu_first, _ = run([*command, "check", str(one)], {**env, "LAWGOV_CHECK_CACHE_DIR": first})
    table.add("cold `check`, empty user cache (first run)", f"{wall_first:.3f} s", note=f"CPU {cpu_first:.3f} s")
    wall_off, cpu_off = median([*command, "check", str(one)], {"LAWGOV_CHECK_CACHE_DIR": ""})
    table.add("cold `check`, no user cache (read-only or off)", f"{wall_off:.3f} s", note=f"median; CPU {cpu_off:.3f} s")
    for flag in ("--version", "--help"):
        wall, cpu = median([*command, flag])
        table.add(f"cold `{flag}`", f"{wall:.3f} s", note=f"median; CPU {cpu:.3f} s")
    wall, _ = median([*command, "--help"], {"LAWGOV_CHECK_CACHE_DIR": ""})
    table.add("cold `--help`, no user cache", f"{wall:.3f} s", note="median")
    table.add("bare `python -c pass`", f"{bare:.3f} s", note="median, for scale")


def scaling(table: Table, seeds: list[str], work: Path, env: dict[str, str]) -> None:
    results = []
    for size, one_paragraph in ((10_000, False), (100_000, False), (1_000_000, False), (10_000_000, False),
                                (3_000_000, True)):
        parts, total, i = [], 0, 0
        while total < size:
            parts.append(seeds[i % len(seeds)])
            total += len(parts[-1].encode("utf-8")) + 1
            i += 1
        text = "\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
        if one_paragraph:  # a longer line is refused as not a document (ingest/limits.py)
            text = text.replace("\n", "")[:990_000]
            size = len(text.encode("utf-8"))
        path = work / f"scale_{size}_{int(one_paragraph)}.txt"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", SCALING_SCRIPT, str(path)], capture_output=True, text=True,
                             env=env, cwd=CWD[0], check=True).stdout.split()
        seconds, errors, peak = float(out[0]), int(out[1]), int(out[2])
        results.append((size, one_paragraph, seconds, errors, peak))
    base = results[0][2] / results[0][0]
    for size, one_paragraph, seconds, errors, peak in results:
        label = f"{size // 1000:,} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
        label = f"{size / 1e6:.1f} MB in one paragraph" if one_paragraph else label
        table.add(f"scaling: one {label} document (in process)", f"{seconds:.3f} s",
                  f"{seconds / size / base:.2f}×", f"time per byte vs the 10 KB one; peak {peak // 1024} MB; "
                  f"{errors} rule errors (timeouts)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "lawgov-targets-corpus")
    parser.add_argument("--command", default=f"{shlex.quote(sys.executable)} -m lawgov_check",
                        help="how to start the checker (default: this interpreter, -m lawgov_check)")
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the source tree to import lawgov_check from (e.g. `git archive` of an older commit)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--markdown", type=Path)
    options = parser.parse_args()
    folder = options.corpus / "txt"
    if not folder.is_dir():
        generate(options.corpus, txt=300, docx=0, pdf=0)
    paths = sorted(folder.glob("*.txt"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    CWD[0] = options.source.resolve()
    env["PYTHONPATH"] = str(options.source.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    command = shlex.split(options.command)
    table = Table()
    table.add("machine", f"{os.cpu_count()} CPUs", note=f"load average before {load()}; Python {sys.version.split()[0]}")
    run([*command, "check", str(paths[0])], env)  # bytecode and user cache written once
    batch(table, command, folder, options.rounds, env)
    one = min(paths, key=lambda p: abs(p.stat().st_size - 20_000))
    cold(table, command, one, options.rounds, env)
    with tempfile.TemporaryDirectory(prefix="lawgov-memory-") as small:
        for path in paths[:100]:
            shutil.copy(path, Path(small) / path.name)
        peak_small = run([*command, "check", "--jobs", "1", "--format", "json", str(small)], env)[2]
    peak_all = run([*command, "check", "--jobs", "1", "--format", "json", str(folder)], env)[2]
    table.add("peak memory, --jobs 1, 100 vs 300 txt", f"{peak_small // 1024} MB vs {peak_all // 1024} MB")
    if not options.skip_scaling:
        with tempfile.TemporaryDirectory() as work:
            scaling(table, [p.read_text(encoding="utf-8") for p in paths[:30]], Path(work), env)
    table.add("machine, after", "", note=f"load average after {load()}")
    print(table.markdown())
    if options.markdown:
        options.markdown.write_text(table.markdown() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
