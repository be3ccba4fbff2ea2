"""Score the checker on documents the rules were never tuned on (eval/unseen/).

    python eval/score_unseen.py [--verbose]

Each document of eval/unseen/labels.yml carries the expected document type, year, the codes of
the AR, ND, CN, MD, IP and NC rulesets (`expected`) and the codes of the GF ruleset
(`expected_gf`). Prints precision and recall per ruleset over (document, code) pairs, and the
accuracy of the document type and the year.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
UNSEEN = HERE / "unseen"
sys.path.insert(0, str(HERE.parent))

from lawgov_check.api import CheckOptions, check_path  # noqa: E402

DOMAIN = ("AR", "ND", "CN", "MD", "IP", "NC")
RULESETS = (*DOMAIN, "GF")


@dataclass
class UnseenScore:
    rows: dict[str, dict[str, float]]
    documents: int
    doc_type_correct: int
    year_correct: int
    mismatches: list[str] = field(default_factory=list)

    @property
    def doc_type_accuracy(self) -> float:
        return self.doc_type_correct / self.documents if self.documents else 1.0

    @property
    def year_accuracy(self) -> float:
        return self.year_correct / self.documents if self.documents else 1.0


def _row(tp: int, fp: int, fn: int) -> dict[str, float]:
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}


def score(directory: Path = UNSEEN) -> UnseenScore:
    labels = yaml.safe_load((directory / "labels.yml").read_text(encoding="utf-8"))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    types = years = 0
    mismatches: list[str] = []
    for name, entry in sorted(labels.items()):
        result = check_path(directory / name, options=CheckOptions())
        if result.errors:
            mismatches.append(f"{name}: error {'; '.join(result.errors)}")
        got = {f.code for f in result.findings if f.ruleset in RULESETS}
        expected = set(entry.get("expected") or []) | set(entry.get("expected_gf") or [])
        for code in got & expected:
            tp[code[:2]] += 1
        for code in got - expected:
            fp[code[:2]] += 1
        for code in expected - got:
            fn[code[:2]] += 1
        types += result.doc_type == entry["doc_type"]
        years += result.year == entry["year"]
        problems = []
        if result.doc_type != entry["doc_type"]:
            problems.append(f"type {result.doc_type} (expected {entry['doc_type']})")
        if result.year != entry["year"]:
            problems.append(f"year {result.year} (expected {entry['year']})")
        if got - expected:
            problems.append(f"false positives {sorted(got - expected)}")
        if expected - got:
            problems.append(f"false negatives {sorted(expected - got)}")
        if problems:
            mismatches.append(f"{name}: " + "; ".join(problems))
    rows = {rs: _row(tp[rs], fp[rs], fn[rs]) for rs in RULESETS}
    rows["DOMAIN"] = _row(*(sum(c[rs] for rs in DOMAIN) for c in (tp, fp, fn)))
    rows["ALL"] = _row(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return UnseenScore(rows, len(labels), types, years, mismatches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list documents that differ from their labels")
    args = parser.parse_args()
    result = score()
    if args.verbose:
        for line in result.mismatches:
            print(line)
        print()
    print(f"{result.documents} documents  doc_type accuracy {result.doc_type_accuracy:.2f}  "
          f"year accuracy {result.year_accuracy:.2f}")
    print(f"{'ruleset':8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for rs, row in result.rows.items():
        print(f"{rs:8} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} {row['precision']:>10.2f} {row['recall']:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
