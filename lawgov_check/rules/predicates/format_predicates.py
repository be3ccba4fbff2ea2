"""Predicates for official-document format (GB/T 9704-2012) that the check kinds cannot express."""

from __future__ import annotations

from typing import Iterator

from ..context import CheckContext
from ..hits import Hit
from . import predicate

_FULL = "，：；（）"
_HALF = ",:;()"


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
        kept = set(origin[seg.start:seg.end])
        for i in range(s, e):
            if i not in kept:
                continue
            ch = source[i]
            if ch in _FULL:
                full += 1
            elif ch in _HALF:
                before = source[i - 1] if i > 0 else " "
                after = source[i + 1] if i + 1 < len(source) else " "
                if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                    continue
                if ch in "()" and (before.isascii() and before.isalnum() or after.isascii() and after.isalnum()) \
                        and not ("\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"):
                    continue
                found.append(i)
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
