"""Predicates for official-document format (GB/T 9704-2012) that the check kinds cannot express."""

from __future__ import annotations

import re
from typing import Iterator

from ..context import CheckContext, Segment
from ..fixers import date_zh, numeric_date
from ..hits import Hit
from . import predicate


def _signature_dates(ctx: CheckContext, fallback_line: str) -> list[Segment]:
    """The signature-date nodes, or (before the parser finds them) lines that are only a date."""
    segments = ctx.scope("node:signature_date")
    if segments:
        return segments
    whole = ctx.scope("document")[0]
    return [Segment(s, e) for s, e, _ in ctx.finditer(fallback_line, whole)]


_NUMERIC_DATE_FORMS = (
    r"\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}"       # 2021.3.5 / 2021-03-05 / 2021/3/5
    r"|\d{4}\s*年\s*0\d\s*月\s*\d{1,2}\s*日"                # 2021年03月5日
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*0\d\s*日"                # 2021年3月05日
    r"|(?<!\d)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"     # 21年3月5日
)


@predicate("gf.signature-date-form")
def signature_date_form(ctx: CheckContext) -> Iterator[Hit]:
    """A zero-padded, abbreviated or non-CJK date in the signature (成文日期) of the body."""
    line = rf"^[ \t]*(?:{_NUMERIC_DATE_FORMS})[ \t]*$"
    for seg in _signature_dates(ctx, line):
        for start, end, _ in ctx.finditer(_NUMERIC_DATE_FORMS, seg):
            yield Hit(start, end, {"suggested": _rewritten(ctx, ctx.doc.norm.original(start, end))})


def _rewritten(ctx: CheckContext, written: str) -> str:
    """The date as written, in the standard form; for a two-digit year (21年3月5日) the document's
    own date when it agrees on month and day, else 20YY."""
    date = numeric_date(written)
    if date is not None:
        return date_zh(date)
    short = re.match(r"\s*(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", written)
    known = ctx.doc.date
    if short and known and (known.year % 100, known.month, known.day) == tuple(int(g) for g in short.groups()):
        return date_zh(known)
    if short:
        return f"20{short[1]}年{int(short[2])}月{int(short[3])}日"
    return written


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
