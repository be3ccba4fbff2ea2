"""Content a document may not set for itself: licensing, penalties, compulsory measures, fees.

A sentence is reported when it has one of the `settings` and none of the `exemptions` (it applies
a higher law, or forbids or abolishes the act); a fee (`fees`) that a business charges its
customers (`private_charges`) is not an administrative charge."""

from __future__ import annotations

from typing import Any, Iterator

from ...facts.segments import Boundaries
from ..context import CheckContext
from ..hits import Hit
from . import predicate


def setting_sentences(ctx: CheckContext, settings: Any, exemptions: Any, fees: Any,
                      private_charges: Any) -> Iterator[tuple[int, int, str]]:
    text = ctx.doc.text
    bounds = Boundaries.of(text)
    seen: set[tuple[int, int]] = set()
    for m in ctx.phrase_pattern(settings).finditer(text):
        start, end = bounds.sentence(m.start())
        if (start, end) in seen:
            continue
        seen.add((start, end))
        sentence = text[start:end]
        if ctx.phrase_pattern(exemptions).search(sentence):
            continue
        if ctx.phrase_pattern(fees).search(m.group(0)) and ctx.phrase_pattern(private_charges).search(sentence):
            continue
        while start < end and text[start] in " \t\u3000":
            start += 1
        yield start, end, m.group(0)


@predicate("nd.sets-powers")
def sets_powers(ctx: CheckContext, settings: Any, exemptions: Any, fees: Any, private_charges: Any) -> Iterator[Hit]:
    """A sentence of the body that itself sets a penalty, licence, compulsory measure or fee; the
    trigger is quoted from the document."""
    body = ctx.scope("body")
    lo = body[0].start if body else 0
    for start, end, trigger in setting_sentences(ctx, settings, exemptions, fees, private_charges):
        if start >= lo:
            yield Hit(start, end, {"trigger": trigger})
