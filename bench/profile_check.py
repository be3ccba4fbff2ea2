"""Where a check spends its time, in one process: stages, then cProfile's heaviest functions.

    python bench/profile_check.py /tmp/lawgov-bench-corpus/txt [--limit 300] [--top 40] [--sort tottime]
    python bench/profile_check.py FOLDER --rules        # time per rule (check) instead of cProfile
    python bench/profile_check.py --cold                # import time per top-level module of a cold check

Stages are timed over every document (grammar, rules and regexes warmed on the first one first):
ingest, normalize, parse, facts, rules (the rule engine after the facts are in place). `--rules`
times each check's evaluation. Run by hand; never in the tests.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def stages(paths: list[Path], *, clock: Callable[[], float] = time.process_time,
           results: list[Any] | None = None) -> dict[str, float]:
    """Seconds per stage over `paths` (CPU by default: the machine is shared); the documents'
    results are appended to `results` when given."""
    from lawgov_check.api import check_document, load_rules
    from lawgov_check.facts import extract_facts
    from lawgov_check.ingest import load
    from lawgov_check.ingest.normalize import normalize
    from lawgov_check.parse import parse

    catalogue = load_rules()
    check_document(parse(normalize(load(str(paths[0])))), catalogue=catalogue)  # compiled before timing
    totals: dict[str, float] = defaultdict(float)
    for path in paths:
        t0 = clock()
        source = load(str(path))
        t1 = clock()
        norm = normalize(source)
        t2 = clock()
        doc = parse(norm)
        t3 = clock()
        extract_facts(doc)  # not kept: the rules stage is its time less this one
        t4 = clock()
        result = check_document(doc, catalogue=catalogue)  # extracts the facts again, then runs the rules
        t5 = clock()
        if results is not None:
            results.append(result)
        for name, seconds in (("ingest", t1 - t0), ("normalize", t2 - t1), ("parse", t3 - t2),
                              ("facts", t4 - t3), ("rules", max(0.0, (t5 - t4) - (t4 - t3)))):
            totals[name] += seconds
    return dict(totals)


def profile(paths: list[Path], top: int, sort: str) -> str:
    from lawgov_check.api import check_path, load_rules

    load_rules()
    check_path(str(paths[0]), timeout=None)
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        check_path(str(path), timeout=None)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


def per_rule(paths: list[Path], top: int) -> list[tuple[str, float]]:
    """Seconds per check, by wrapping the engine's per-check call."""
    from lawgov_check.api import check_path, load_rules
    from lawgov_check.rules import engine

    times: dict[str, float] = defaultdict(float)
    run_rule = engine.run_rule

    def timed(rule, ctx):
        t = time.perf_counter()
        try:
            return run_rule(rule, ctx)
        finally:
            times[rule.code] += time.perf_counter() - t

    engine.run_rule = timed
    load_rules()
    for path in paths:
        check_path(str(path), timeout=None)
    return sorted(times.items(), key=lambda kv: -kv[1])[:top]


def cold(top: int) -> str:
    sample = REPO / "fixtures" / "sample_annual_report_defects.txt"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c",
                           "import sys; from lawgov_check.cli import main; sys.argv[0]='lawgov-check'; main()",
                           "check", "--fail-on", "never", str(sample)], capture_output=True, text=True, cwd=REPO)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
        if self_us.strip().isdigit():
            rows.append((int(cumulative_us), int(self_us), name.rstrip()))
    top_level = [(c, s, n.strip()) for c, s, n in rows if not n[1:].startswith(" ")]
    top_level.sort(reverse=True)
    return "\n".join(f"{c / 1000:8.1f} ms cumulative {s / 1000:7.1f} ms self  {n}" for c, s, n in top_level[:top])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative", "ncalls"])
    parser.add_argument("--rules", action="store_true", help="time per rule check instead of cProfile")
    parser.add_argument("--cold", action="store_true", help="import times of a cold check")
    parser.add_argument("--no-profile", action="store_true", help="stages only")
    options = parser.parse_args()
    if options.cold:
        print(cold(options.top))
        return
    if options.folder is None:
        parser.error("a folder of .txt documents is needed")
    paths = sorted(options.folder.rglob("*.txt"))[: options.limit]
    totals = stages(paths)
    whole = sum(totals.values())
    print(f"{len(paths)} documents, {whole:.3f} s of CPU in process, {whole / len(paths) * 1000:.2f} ms per document")
    for name, seconds in totals.items():
        print(f"  {name:10s} {seconds:7.3f} s  {seconds / whole:5.1%}")
    if options.rules:
        for code, seconds in per_rule(paths, options.top):
            print(f"  {code:8s} {seconds * 1000 / len(paths):7.3f} ms/doc")
    elif not options.no_profile:
        print(profile(paths, options.top, options.sort))


if __name__ == "__main__":
    main()
