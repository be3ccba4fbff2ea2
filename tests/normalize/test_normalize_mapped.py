"""The offset-keeping edit primitive every normalizer step is built on."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.norm_mapped import MappedText


def test_deletions_keep_the_offsets_of_what_remains() -> None:
    mapped = MappedText.identity("甲(jiǎ)乙").delete([(1, 6)])
    assert mapped.text == "甲乙"
    assert mapped.origin == [0, 6, 7]


def test_shrinking_replacement_maps_first_to_first_and_last_to_last() -> None:
    mapped = MappedText.identity("x臺灣地區y").apply([(1, 5, "台湾")])
    assert mapped.text == "x台湾y"
    assert mapped.origin == [0, 1, 4, 5, 6]


def test_growing_replacement_stays_non_decreasing() -> None:
    mapped = MappedText.identity("a甲b").apply([(1, 2, "乙丙丁")])
    assert mapped.origin == [0, 1, 1, 1, 2, 3]


def test_edits_compose_through_the_source_offsets() -> None:
    mapped = MappedText.identity("  法 治").delete([(0, 2)]).delete([(1, 2)])
    assert mapped.text == "法治"
    assert mapped.origin == [2, 4, 5]


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        MappedText.identity("abcdef").apply([(0, 3, ""), (2, 4, "")])


def test_map_runs_refuses_a_length_change() -> None:
    with pytest.raises(ValueError):
        MappedText.identity("abc").map_runs([(0, 2)], lambda run: run + "!")
