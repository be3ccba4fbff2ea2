"""The compact offset map: an array of 8-byte offsets that behaves like the list it replaces."""

from __future__ import annotations

from array import array

from lawgov_check.ingest import norm_mapped
from lawgov_check.ingest.norm_mapped import MappedText, OffsetMap, identity_offsets
from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def test_offset_map_compares_like_a_list():
    offsets = OffsetMap([0, 2, 3])
    assert offsets == [0, 2, 3]
    assert offsets == (0, 2, 3)
    assert offsets == array("q", [0, 2, 3])
    assert offsets != [0, 2]
    assert offsets != [0, 2, 4]
    assert offsets.itemsize == 8


def test_identity_offsets_below_and_above_the_cached_prefix(monkeypatch):
    monkeypatch.setattr(norm_mapped, "_IDENTITY_LIMIT", 16)
    for count in (0, 1, 5, 16, 17, 40):
        offsets = identity_offsets(count)
        assert isinstance(offsets, OffsetMap)
        assert offsets == list(range(count))


def test_edits_keep_a_compact_map():
    mapped = MappedText.identity("关于  印发").delete([(2, 3)])
    assert isinstance(mapped.origin, OffsetMap)
    assert mapped.origin == [0, 1, 3, 4, 5, 6]


def test_normalized_text_carries_the_compact_map():
    result = normalize(Source.from_plain_text("a.txt", "（一）关 于\u200b印發"))
    assert isinstance(result.origin, OffsetMap)
    assert len(result.origin) == len(result.text) + 1
    assert result.original(0, 3) == "（一）"
