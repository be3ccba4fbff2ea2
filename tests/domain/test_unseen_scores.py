"""Documents the rules were not tuned on (eval/unseen/): classification and findings stay accurate."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score_unseen", EVAL / "score_unseen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_unseen_set_is_labelled_and_large_enough() -> None:
    documents = {p.name for p in (EVAL / "unseen").glob("*.txt")}
    labels = yaml.safe_load((EVAL / "unseen" / "labels.yml").read_text(encoding="utf-8"))
    assert len(documents) >= 24
    assert documents == set(labels)


def test_unseen_classification_and_findings() -> None:
    result = _scorer().score()
    assert result.doc_type_accuracy >= 0.95, result.mismatches
    assert result.year_accuracy >= 0.95, result.mismatches
    for row_name in ("DOMAIN", "GF"):
        row = result.rows[row_name]
        assert row["precision"] >= 0.9, (row_name, row, result.mismatches)
        assert row["recall"] >= 0.9, (row_name, row, result.mismatches)
