"""The registration number of a normative document (ND02): recognised by the jurisdiction's form
or label where it is printed, and judged against that form."""

from __future__ import annotations

from typing import Iterator

import regex

from ..context import CheckContext, Segment
from ..hits import Hit
from ..kinds._common import title_span as _title_span
from . import predicate


@predicate("nd.registration-number")
def registration_number(ctx: CheckContext, required: bool = False, pattern: str = "", label: str = "统一编号",
                        example: str = "", labels: list[str] | None = None) -> Iterator[Hit]:
    """The registration number where the jurisdiction's form is known or a number is required:
    recognised by its form, or by a label (the jurisdiction's `label` or one of `labels`) in the
    page's metadata, the header above the title or the 版记 at the end. Variants: `bad-form` (a
    labelled number not in the form), `missing` (none where one is required); with `-unshown`
    when the jurisdiction gives no example of its form."""
    if not (required or pattern):
        return
    values = {"label": label, "example": example}
    suffix = "" if example else "-unshown"
    declared = str((ctx.manifest or {}).get("registration_number") or "").strip()
    if declared:
        if pattern and not ctx.search(pattern, declared):
            yield Hit(*_title_span(ctx.doc), {**values, "number": declared}, variant="bad-form" + suffix)
        return
    zones = _registration_zones(ctx)
    if pattern and any(next(ctx.finditer(pattern, zone), None) for zone in zones):
        return
    words = "|".join(regex.escape(w) for w in dict.fromkeys([label, *(labels or ())]) if w)
    labelled = rf"(?:{words})\s*[:：]?\s*(?P<hit>[^\s，。；：:]{{3,40}})" if words else None
    found = next((m for zone in zones for m in ctx.finditer(labelled, zone)  # a number has a digit
                  if any(c.isdigit() for c in ctx.doc.text[m[0]:m[1]])), None) if labelled else None
    if found and pattern:
        yield Hit(found[0], found[1], {**values, "number": ctx.doc.text[found[0]:found[1]]},
                  variant="bad-form" + suffix)
    elif not found and required:
        yield Hit(*_title_span(ctx.doc), values, variant="missing" + suffix)


def _registration_zones(ctx: CheckContext) -> list[Segment]:
    """Where a registration number is printed: the page's metadata, the header down to the title
    (at most 1,500 characters) and the last 400 characters (版记)."""
    text_end = len(ctx.doc.text)
    title_end = _title_span(ctx.doc)[1]
    header = Segment(0, min(title_end or 600, 1500, text_end))
    footer = Segment(max(header.end, text_end - 400), text_end)
    return [*ctx.scope("metadata"), header, *([footer] if footer.end > footer.start else [])]
