"""Score the domain rulesets on the labelled evaluation set.

    python eval/score.py [--verbose]

Runs the checker on every document of eval/labels.yml (with its workflow manifest, if any), keeps
the codes of the AR, ND, CN, MD and IP rulesets, and prints precision and recall per ruleset over
(document, code) pairs. A document's expected codes are a set: several findings of one code on one
document count once.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lawgov_check.api import CheckOptions, check_path  # noqa: E402

RULESETS = ("AR", "ND", "CN", "MD", "IP")


def score(labels_path: Path = HERE / "labels.yml", verbose: bool = False) -> dict[str, dict[str, float]]:
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for name, entry in sorted(labels.items()):
        meta = entry.get("meta")
        options = CheckOptions(meta=str(HERE / "docs" / meta) if meta else None)
        result = check_path(HERE / "docs" / name, options=options)
        if result.errors:
            print(f"{name}: {'; '.join(result.errors)}", file=sys.stderr)
        got = {f.code for f in result.findings if f.ruleset in RULESETS}
        expected = set(entry.get("expected") or [])
        for code in got & expected:
            tp[code[:2]] += 1
        for code in got - expected:
            fp[code[:2]] += 1
        for code in expected - got:
            fn[code[:2]] += 1
        if verbose and got != expected:
            print(f"{name}: expected {sorted(expected)} got {sorted(got)}")
    table: dict[str, dict[str, float]] = {}
    for rs in (*RULESETS, "ALL"):
        t = sum(tp.values()) if rs == "ALL" else tp[rs]
        p = sum(fp.values()) if rs == "ALL" else fp[rs]
        n = sum(fn.values()) if rs == "ALL" else fn[rs]
        table[rs] = {"tp": t, "fp": p, "fn": n,
                     "precision": t / (t + p) if t + p else 1.0, "recall": t / (t + n) if t + n else 1.0}
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list documents whose codes differ from the labels")
    args = parser.parse_args()
    labels = yaml.safe_load((HERE / "labels.yml").read_text(encoding="utf-8"))
    table = score(verbose=args.verbose)
    print(f"{len(labels)} documents")
    print(f"{'ruleset':8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for rs, row in table.items():
        print(f"{rs:8} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} {row['precision']:>10.2f} {row['recall']:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
