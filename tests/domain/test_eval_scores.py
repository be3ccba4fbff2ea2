"""The labelled evaluation set (eval/): precision and recall of each domain ruleset."""

from __future__ import annotations

import importlib.util
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_set_is_large_enough() -> None:
    assert len(list((EVAL / "docs").glob("*.txt"))) >= 40


def test_precision_and_recall() -> None:
    table = _scorer().score()
    for ruleset in ("AR", "ND", "CN", "MD", "IP"):
        row = table[ruleset]
        assert row["tp"] > 0, ruleset
        assert row["precision"] >= 0.85, (ruleset, row)
        assert row["recall"] >= 0.85, (ruleset, row)
