from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lawgov_check.facts import Facts, extract_facts
from lawgov_check.pipeline import load_document


def _facts(corpus_dir: Path, name: str) -> Facts:
    return extract_facts(load_document(str(corpus_dir / name)))


@pytest.fixture
def jiaojiang(corpus_dir: Path) -> Facts:
    return _facts(corpus_dir, "jiaojiang-district-2019-annual-report.txt")


def _total(facts: Facts, value: int):
    (fact,) = [f for f in facts.totals if f.value["total"] == value]
    return fact


def test_review_cases_parts_exceed_total(jiaojiang):
    fact = _total(jiaojiang, 34)
    assert [n for _, n, _ in fact.value["parts"]] == [18, 2, 6, 10]
    assert fact.attrs["parts_sum"] == 36


def test_cleanup_parts_sum_exactly(jiaojiang):
    fact = _total(jiaojiang, 256)
    assert [n for _, n, _ in fact.value["parts"]] == [199, 45, 12]
    assert fact.attrs["parts_sum"] == 256


def test_correction_rate(jiaojiang):
    (rate,) = [r for r in jiaojiang.rates if r.value["name"] == "纠错"]
    assert rate.value["percent"] == 17.6
    assert (rate.attrs["numerator"], rate.attrs["denominator"]) == (6, 34)


def test_comment_period_subject(jiaojiang):
    (duration,) = [d for d in jiaojiang.durations if d.text == "7天"]
    assert duration.attrs["subject"] == "public_comment"


def test_zhangye_number_and_date(corpus_dir):
    facts = _facts(corpus_dir, "zhangye-city-2017-implementation-plan-notice.txt")
    raws = [f.value["raw"] for f in facts.doc_numbers]
    assert "市委发〔2017〕23号" in raws
    assert dt.date(2017, 4, 24) in [f.value for f in facts.dates]
    cited = [c for c in facts.citations if c.value["number"]]
    assert [c.value["number"] for c in cited] == ["甘发〔2016〕23号"]


def test_every_fact_span_matches_its_text(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        doc = load_document(str(path))
        for fact in extract_facts(doc).all():
            assert doc.text[fact.start:fact.end] == fact.text, (path.name, fact)
