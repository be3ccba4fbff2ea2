"""Sentence boundaries kept for long texts are those of the text asked about, never another's."""

from __future__ import annotations

from lawgov_check.facts.segments import Boundaries, _scan


def test_kept_boundaries_belong_to_their_text() -> None:
    first = "第一句。第二句，有逗号；" * 200
    second = "另一句！" * 300
    third = "再一句?" * 400
    for text in (first, second, third, first, "短句。", second):
        assert Boundaries.of(text) == _scan(text)
    assert Boundaries.of(first) is Boundaries.of(first)  # a long text is scanned once


def test_sentence_and_clause_of_an_offset() -> None:
    text = "甲，乙。丙" * 300
    bounds = Boundaries.of(text)
    assert bounds.sentence(0) == (0, 3)
    assert bounds.clause(0) == (0, 1)
    assert bounds.sentence(len(text) - 1) == (len(text) - 1, len(text))
