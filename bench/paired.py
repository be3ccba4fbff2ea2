"""Two source trees measured in one run, round after round, as ratios: before and after a change.

    git archive main | tar -x -C /tmp/perf-base                     # the tree before
    python bench/paired.py --before /tmp/perf-base --corpus /tmp/perf-corpus/txt [--rounds 5]
    python bench/paired.py --before /tmp/perf-base --cold DOCUMENT [--rounds 9]

Each round runs, for both trees in turn (the order swapped every round, so that load from other
processes falls on both alike): `check --jobs 1` and `--jobs 2 --format json` over the folder, a
cold `check` of its first document, and `bench/profile_check.py --no-profile` (stages in CPU, in
process); then the floor script once. Each tree has a user cache of its own, warmed first, so that
the trees do not replace each other's cached catalogue. CPU is user + system of a process and its
workers; wall times move with the machine's load (printed before and after), CPU times much less.
Printed: a Markdown table of medians, with after / before and the ratio to the floor. Run by hand;
never in the tests.

With `--cold DOCUMENT` only start-up is measured, each round and tree: `check DOCUMENT` with the
tree's warm cache, `--version`, `--help`, and `check DOCUMENT` with a cache folder that does not
exist yet (created and filled: a first run), with a read-only one (as root, run without the
capability to override file modes, so that the folder really is read-only), and with none
(LAWGOV_CHECK_CACHE_DIR=""). Children write bytecode (to a folder per tree), as an installed tool
has its .pyc files, whatever PYTHONDONTWRITEBYTECODE says here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import targets  # noqa: E402  (run(), load(), FLOOR)

STAGE_LINE = re.compile(r"^\s+(\w+)\s+([\d.]+) s")
PER_DOCUMENT = re.compile(r"([\d.]+) ms per document")


def stages(tree: Path, folder: Path, env: dict[str, str]) -> dict[str, float]:
    """Milliseconds of CPU per document, in all and per stage, from the tree's own profile_check."""
    out = subprocess.run([sys.executable, str(tree / "bench" / "profile_check.py"), str(folder), "--no-profile"],
                         capture_output=True, text=True, env=env, cwd=tree, check=True).stdout
    count = int(out.split()[0])
    found = {"in process": float(PER_DOCUMENT.search(out).group(1))}
    for line in out.splitlines():
        m = STAGE_LINE.match(line)
        if m:
            found[m.group(1)] = float(m.group(2)) * 1000 / count
    return found


def measure(tree: Path, folder: Path, env: dict[str, str], into: dict[str, list[float]]) -> None:
    targets.CWD[0] = tree
    check = [sys.executable, "-m", "lawgov_check", "check", "--fail-on", "never"]
    for jobs in ("1", "2"):
        wall, cpu, _ = targets.run([*check, "--format", "json", "--jobs", jobs, str(folder)], env)
        into[f"batch --jobs {jobs}: wall s"].append(wall)
        into[f"batch --jobs {jobs}: CPU s"].append(cpu)
    one = sorted(folder.glob("*.txt"))[0]
    wall, cpu, _ = targets.run([*check, str(one)], env)
    into["cold check of one document: wall s"].append(wall)
    into["cold check of one document: CPU s"].append(cpu)
    for name, ms in stages(tree, folder, env).items():
        into[f"{name}: CPU ms per document"].append(ms)


def without_override() -> list[str]:
    """A prefix that runs a command as root without the power to write where modes forbid it."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        sys.exit("--cold needs setpriv when run as root (a read-only folder is not read-only for root)")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def measure_cold(tree: Path, document: Path, env: dict[str, str], into: dict[str, list[float]]) -> None:
    targets.CWD[0] = tree
    command = [sys.executable, "-m", "lawgov_check"]
    check = [*command, "check", "--fail-on", "never", str(document)]
    scratch = Path(tempfile.mkdtemp(prefix="lawgov-paired-cold-"))
    read_only = scratch / "read-only"
    read_only.mkdir(mode=0o500)
    runs = {
        "cold check, warm cache": (check, env, []),
        "cold --version": ([*command, "--version"], env, []),
        "cold --help": ([*command, "--help"], env, []),
        "cold check, cache folder absent (first run)": (check, dict(env, LAWGOV_CHECK_CACHE_DIR=str(scratch / "new")), []),
        "cold check, read-only cache folder": (check, dict(env, LAWGOV_CHECK_CACHE_DIR=str(read_only)), without_override()),
        "cold check, no cache (LAWGOV_CHECK_CACHE_DIR='')": (check, dict(env, LAWGOV_CHECK_CACHE_DIR=""), []),
    }
    try:
        for name, (args, run_env, prefix) in runs.items():
            wall, cpu, _ = targets.run([*prefix, *args], run_env)
            into[f"{name}: wall s"].append(wall)
            into[f"{name}: CPU s"].append(cpu)
    finally:
        read_only.chmod(0o700)
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the source tree before the change")
    parser.add_argument("--after", type=Path, default=BENCH.parent, help="the tree after (default: this one)")
    parser.add_argument("--corpus", type=Path, help="a folder of .txt documents")
    parser.add_argument("--cold", type=Path, metavar="DOCUMENT", help="measure start-up only, checking this file")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    if (options.corpus is None) == (options.cold is None):
        parser.error("give --corpus or --cold")
    trees = {"before": options.before.resolve(), "after": options.after.resolve()}
    caches = {name: tempfile.mkdtemp(prefix=f"lawgov-paired-{name}-") for name in trees}
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = {name: dict(base_env, PYTHONPATH=str(tree), LAWGOV_CHECK_CACHE_DIR=caches[name],
                       PYTHONPYCACHEPREFIX=os.path.join(caches[name], "pycache"))
            for name, tree in trees.items()}
    if options.cold is not None:
        cold(trees, envs, options.cold.resolve(), options.rounds)
        return
    floor = [sys.executable, str(targets.FLOOR if targets.FLOOR.is_file() else BENCH / "floor.py"), str(options.corpus)]
    print(f"load average before: {targets.load()}", file=sys.stderr)
    for name, tree in trees.items():  # warm each tree's user cache
        targets.CWD[0] = tree
        targets.run([sys.executable, "-m", "lawgov_check", "check", "--fail-on", "never",
                     str(sorted(options.corpus.glob("*.txt"))[0])], envs[name])
    results: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in trees}
    floors: list[tuple[float, float]] = []
    for round_ in range(options.rounds):
        order = list(trees) if round_ % 2 == 0 else list(trees)[::-1]
        for name in order:
            measure(trees[name], options.corpus, envs[name], results[name])
        wall, cpu, _ = targets.run(floor)
        floors.append((wall, cpu))
        print(f"round {round_ + 1} done, load {targets.load()}", file=sys.stderr)
    floor_wall = statistics.median(w for w, _ in floors)
    floor_cpu = statistics.median(c for _, c in floors)
    print(f"load average after: {targets.load()}", file=sys.stderr)
    print(f"\nfloor ({Path(floor[1]).name}): wall {floor_wall:.3f} s, CPU {floor_cpu:.3f} s (medians of {len(floors)})\n")
    print("| measurement (median of the rounds) | before | after | after / before | before / floor | after / floor |")
    print("|---|---:|---:|---:|---:|---:|")
    for key in results["before"]:
        before = statistics.median(results["before"][key])
        after = statistics.median(results["after"][key])
        to_floor = ["", ""]
        if key.startswith("batch"):
            base = floor_cpu if "CPU" in key else floor_wall
            to_floor = [f"{before / base:.1f}×", f"{after / base:.1f}×"]
        print(f"| {key} | {before:.3f} | {after:.3f} | {after / before:.2f} | {to_floor[0]} | {to_floor[1]} |")


def cold(trees: dict[str, Path], envs: dict[str, dict[str, str]], document: Path, rounds: int) -> None:
    print(f"load average before: {targets.load()}", file=sys.stderr)
    for name, tree in trees.items():  # bytecode written, the user cache warmed, the help page kept
        targets.CWD[0] = tree
        for _ in range(2):
            targets.run([sys.executable, "-m", "lawgov_check", "check", "--fail-on", "never", str(document)], envs[name])
        targets.run([sys.executable, "-m", "lawgov_check", "--help"], envs[name])
    results: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in trees}
    bare: list[float] = []
    for round_ in range(rounds):
        for name in (list(trees) if round_ % 2 == 0 else list(trees)[::-1]):
            measure_cold(trees[name], document, envs[name], results[name])
        bare.append(targets.run([sys.executable, "-c", "pass"])[0])
        print(f"round {round_ + 1} done, load {targets.load()}", file=sys.stderr)
    print(f"load average after: {targets.load()}", file=sys.stderr)
    print(f"\n{document.name}, {document.stat().st_size:,} bytes; `python -c pass`: wall {statistics.median(bare):.3f} s\n")
    print(f"| measurement (median of {rounds} rounds) | before | after | after / before |")
    print("|---|---:|---:|---:|")
    for key in results["before"]:
        before = statistics.median(results["before"][key])
        after = statistics.median(results["after"][key])
        print(f"| {key} | {before:.3f} | {after:.3f} | {after / before:.2f} |")


if __name__ == "__main__":
    main()
