"""Parse throughput on a generated corpus, and how parse time grows with document size.

    python bench/parse_throughput.py            # 300 documents + 10 KB / 100 KB / 1 MB scaling

Prints per-stage times (ingest, normalize, parse) and MB/s. Run by hand; never part of the tests.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus import generate

from lawgov_check.ingest import load
from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source
from lawgov_check.parse import parse


def stage_times(paths: list[Path]) -> dict[str, float]:
    totals = {"ingest": 0.0, "normalize": 0.0, "parse": 0.0}
    for path in paths:
        t0 = time.perf_counter()
        source = load(str(path))
        t1 = time.perf_counter()
        norm = normalize(source)
        t2 = time.perf_counter()
        parse(norm)
        t3 = time.perf_counter()
        totals["ingest"] += t1 - t0
        totals["normalize"] += t2 - t1
        totals["parse"] += t3 - t2
    return totals


def scaling(seed_text: str) -> list[tuple[int, float]]:
    rows = []
    for size in (10_000, 100_000, 1_000_000):
        text = (seed_text * (size // max(1, len(seed_text.encode("utf-8"))) + 1))
        text = text.encode("utf-8")[:size].decode("utf-8", "ignore")
        source = Source.from_plain_text("<bench>", text)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            parse(normalize(source))
            best = min(best, time.perf_counter() - t0)
        rows.append((size, best))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), args.count)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        parse(normalize(Source.from_plain_text("<warm-up>", "一、总则\n")))  # grammar compiled once
        totals = stage_times(paths)
        seed_text = paths[0].read_text(encoding="utf-8")
    elapsed = sum(totals.values())
    print(f"{len(paths)} documents, {megabytes:.2f} MB")
    for stage, seconds in totals.items():
        print(f"  {stage:<10} {seconds:7.3f} s  {megabytes / seconds if seconds else float('inf'):8.2f} MB/s")
    print(f"  {'total':<10} {elapsed:7.3f} s  {megabytes / elapsed:8.2f} MB/s  {len(paths) / elapsed:7.1f} docs/s")
    print("scaling (normalize + parse, best of 3):")
    base = None
    for size, seconds in scaling(seed_text):
        base = base or seconds / size
        print(f"  {size / 1000:>6.0f} KB  {seconds * 1000:8.1f} ms  {seconds / size / base:5.2f}× per byte vs 10 KB")


if __name__ == "__main__":
    main()
