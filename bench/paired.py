"""Two source trees measured in one run, round after round, as ratios: before and after a change.

    git archive main | tar -x -C /tmp/perf-base                     # the tree before
    python bench/paired.py --before /tmp/perf-base --corpus /tmp/perf-corpus/txt [--rounds 5]

Each round runs, for both trees in turn (the order swapped every round, so that load from other
processes falls on both alike): `check --jobs 1` and `--jobs 2 --format json` over the folder, a
cold `check` of its first document, and `bench/profile_check.py --no-profile` (stages in CPU, in
process); then the floor script once. Each tree has a user cache of its own, warmed first, so that
the trees do not replace each other's cached catalogue. CPU is user + system of a process and its
workers; wall times move with the machine's load (printed before and after), CPU times much less.
Printed: a Markdown table of medians, with after / before and the ratio to the floor. Run by hand;
never in the tests.
"""

from __future__ import annotations

import argparse
import os
import re
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the source tree before the change")
    parser.add_argument("--after", type=Path, default=BENCH.parent, help="the tree after (default: this one)")
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of .txt documents")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": options.after.resolve()}
    caches = {name: tempfile.mkdtemp(prefix=f"lawgov-paired-{name}-") for name in trees}
    envs = {name: dict(os.environ, PYTHONPATH=str(tree), LAWGOV_CHECK_CACHE_DIR=caches[name])
            for name, tree in trees.items()}
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


if __name__ == "__main__":
    main()
