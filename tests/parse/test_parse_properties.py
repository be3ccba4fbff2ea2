"""Any text parses, and every node's span maps back into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.model import Source
from lawgov_check.pipeline import document_from_source, document_from_text

FRAGMENTS = ["一、", "(一)", "（一）", "1.", "1、", "(1)", "第一条", "第一章", "附件:", "抄送:", "2021年3月5日",
             "某市人民政府", "关于印发的通知", "索引号: 123", "| 发布机构: | 某局 |", "\n", "\n\n", " ", "。", ":",
             "〔2020〕", "号", "①", "\u3000", "\ufeff", "\r"]

text_strategy = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_any_text_parses(text):
    doc = document_from_text(text)
    assert doc.root.kind == "document"


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_spans_map_back_to_the_original(text):
    source = Source.from_plain_text("<t>", text)
    doc = document_from_source(source)
    for node in doc.root.walk():
        assert 0 <= node.start <= node.end <= len(doc.text)
        start, end = doc.norm.source_span(node.start, node.end)
        assert 0 <= start <= end <= len(text)
        location = doc.locate(node.start)
        assert location.line >= 1 and location.column >= 1
    for heading in doc.headings:
        assert doc.norm.original(heading.start, heading.end).strip()
