"""Predicates for official-document format (GB/T 9704-2012) that the check kinds cannot express."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from ...ingest.norm_mapped import identity_offsets
from ..context import CheckContext
from ..hits import Hit
from . import predicate

_FULL = "，：；（）"
_HALF = ",:;()"
_FULL_MARKS = re.compile(f"[{_FULL}]")
_HALF_MARKS = re.compile(f"[{re.escape(_HALF)}]")
_IDENTITY_SPAN = 1 << 20


def _kept(origin, start: int, end: int, i: int) -> bool:
    """Whether a normalized character of start..end comes from source offset i (the map never decreases)."""
    j = bisect.bisect_left(origin, i, start, end)
    return j < end and origin[j] == i


def _all_kept(origin, start: int, end: int, s: int, e: int) -> bool:
    """Whether start..end maps one to one onto the source s..e (no character dropped or added)."""
    if end - start != e - s or e > _IDENTITY_SPAN:  # a longer one is asked mark by mark (no big copy)
        return False
    try:
        with memoryview(origin) as view, memoryview(identity_offsets(e)) as identity:
            return view[start:end] == identity[s:e]
    except TypeError:  # a map that is not an array of offsets: ask character by character
        return False


def is_chinese_half_mark(source: str, i: int) -> bool:
    """Whether the half-width mark at i punctuates Chinese text (not 1,000 / 08:46 / a(b))."""
    ch = source[i]
    before = source[i - 1] if i > 0 else " "
    after = source[i + 1] if i + 1 < len(source) else " "
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return False
    return not (ch in "()" and (before.isascii() and before.isalnum() or after.isascii() and after.isalnum())
                and not ("\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"))


@predicate("gf.mixed-punctuation-width")
def mixed_punctuation_width(ctx: CheckContext, full_width_share: float = 0.8,
                            min_marks: int = 10) -> Iterator[Hit]:
    """Half-width , : ; ( ) in a body that otherwise uses the full-width forms.

    Judged on the original characters (the normalized text folds widths). Marks between ASCII
    letters or digits (1,000 / 08:46 / a(b)) are not punctuation of Chinese text and are not counted,
    nor are characters the normalizer dropped as a converter's artefacts (the parentheses of 關(guān)于).
    """
    source = ctx.doc.source.text
    origin = ctx.doc.norm.origin
    found: list[int] = []
    full = 0
    for seg in ctx.scope("body"):
        s, e = ctx.doc.norm.source_span(seg.start, seg.end)
        if _all_kept(origin, seg.start, seg.end, s, e):
            full += len(_FULL_MARKS.findall(source, s, e))
            marks = (m.start() for m in _HALF_MARKS.finditer(source, s, e))
        else:
            full += sum(1 for m in _FULL_MARKS.finditer(source, s, e) if _kept(origin, seg.start, seg.end, m.start()))
            marks = (m.start() for m in _HALF_MARKS.finditer(source, s, e)
                     if _kept(origin, seg.start, seg.end, m.start()))
        found += [i for i in marks if is_chinese_half_mark(source, i)]
    total = full + len(found)
    if not found or total < min_marks or full / total < full_width_share:
        return
    share = f"{full / total:.0%}"
    for i in found:
        start = ctx.norm_offset(i)
        yield Hit(start, max(start + 1, ctx.norm_offset(i + 1)), {"mark": source[i], "share": share})


@predicate("gf.attachment-note")
def attachment_note(ctx: CheckContext) -> Iterator[Hit]:
    """附件说明 (the `attachment_items` facts): each number written `1.`, no punctuation after a
    name, and every attachment numbered when there are several."""
    notes_reported = set()
    for item in ctx.fact_family("attachment_items"):
        attrs = item.attrs
        if attrs["marker"] and not attrs["marker_standard"]:
            yield Hit(*attrs["marker_span"], variant="marker-form")
        if attrs["name_punctuated"]:
            yield Hit(*attrs["name_span"], variant="punctuation-after-name")
        if attrs["note_items"] > 1 and not attrs["note_numbered"] and attrs["note"] not in notes_reported:
            notes_reported.add(attrs["note"])
            yield Hit(*attrs["note"], variant="unnumbered")
