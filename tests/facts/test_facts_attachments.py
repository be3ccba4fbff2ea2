"""The attachment note's items as facts."""

from __future__ import annotations

from lawgov_check.facts import extract_facts
from lawgov_check.pipeline import document_from_text


def _items(text: str):
    return extract_facts(document_from_text(text)).attachment_items


def test_numbered_items_over_several_lines() -> None:
    items = _items("请遵照执行。\n\n附件：1.甲县河长制工作规则\n      2、甲县河湖巡查办法。\n\n甲县人民政府\n2022年4月6日")
    assert [i.value for i in items] == ["甲县河长制工作规则", "甲县河湖巡查办法。"]
    assert [(i.attrs["marker"], i.attrs["marker_standard"]) for i in items] == [("1.", True), ("2、", False)]
    assert [i.attrs["name_punctuated"] for i in items] == [False, True]
    assert {(i.attrs["note_items"], i.attrs["note_numbered"]) for i in items} == {(2, True)}


def test_a_single_unnumbered_attachment() -> None:
    [item] = _items("请认真落实。\n附件:乙区文件清理目录\n乙区人民政府\n2020年1月8日")
    assert item.value == "乙区文件清理目录" and item.attrs["marker"] is None


def test_no_note_no_items() -> None:
    assert _items("请认真落实。\n\n丙县人民政府\n2020年1月8日") == []
