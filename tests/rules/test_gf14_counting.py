"""GF14 counts by regex exactly what the loop over every character counted (kept here as the reference;
which half-width marks count is one function both use)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.context import CheckContext, DocumentView
from lawgov_check.rules.predicates.format_predicates import is_chinese_half_mark, mixed_punctuation_width


def reference(ctx: CheckContext, full_width_share: float = 0.8, min_marks: int = 10) -> list[tuple]:
    source, origin = ctx.doc.source.text, ctx.doc.norm.origin
    found, full = [], 0
    for seg in ctx.scope("body"):
        s, e = ctx.doc.norm.source_span(seg.start, seg.end)
        kept = set(origin[seg.start:seg.end])
        for i in range(s, e):
            if i not in kept:
                continue
            ch = source[i]
            if ch in "，：；（）":
                full += 1
            elif ch in ",:;()" and is_chinese_half_mark(source, i):
                found.append(i)
    total = full + len(found)
    if not found or total < min_marks or full / total < full_width_share:
        return []
    return [(ctx.norm_offset(i), source[i]) for i in found]


def same(text: str) -> None:
    doc = document_from_text(text)
    ctx = CheckContext(doc, None, {}, 2.0, DocumentView(doc))
    assert [(h.start, h.values["mark"]) for h in mixed_punctuation_width(ctx, 0.6, 3)] == reference(ctx, 0.6, 3)


PIECES = ["法治政府建设", "，", "：", "；", "（一）", "(二)", ",", ":", ";", "(", ")", "關(guān)于", "公(gong)开",
          "2020,1", "a(b)", "08:46", "\u200b", "法 治", "\n", "一、总则\n", "索引号: 1\n", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=5, max_size=80))
def test_random_documents(pieces):
    same("".join(pieces))


def test_a_page_with_pinyin_and_mixed_marks():
    same("關(guān)于公开征求意见的通知\n" + "为进一步规范，提高效率：现将有关事项通知如下；（一）时间。" * 4
         + "联系电话:1234,地址(某路)。" * 2)
