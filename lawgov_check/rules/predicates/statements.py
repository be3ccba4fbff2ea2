"""What a document of a given subtype must state (a hearing announcement: the draft published in
advance, the time and place, how participants are chosen; a decision catalogue: the party
committee's consent), and what a workflow outcome forbids."""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ..kinds._common import title_span
from . import predicate


@predicate("md.subtype-states")
def subtype_states(ctx: CheckContext, subtype: str, items: list) -> Iterator[Hit]:
    """For a document of `subtype` only (a major decision of unknown subtype gets none of these
    findings): one hit per item (`{code, words}`, words a vocabulary) the text never states, with the
    item's code as `item_code` (the ruleset's labels word it)."""
    if ctx.doc.subtype != subtype:
        return
    text = ctx.doc.text
    for item in items:
        if not ctx.phrase_pattern(ctx.value(item["words"])).search(text):
            yield Hit(*title_span(ctx.doc), {"item_code": item["code"]})


@predicate("nd.review-conclusion")
def review_conclusion(ctx: CheckContext, forbidden: Any) -> Iterator[Hit]:
    """The manifest's legality review concluded one of `forbidden`, yet the document went ahead:
    variant `deliberated` when the manifest records a deliberation, else `issued`."""
    manifest = ctx.manifest or {}
    conclusion = (manifest.get("legality_review") or {}).get("conclusion")
    if conclusion and conclusion in list(forbidden):
        yield Hit(*title_span(ctx.doc), {"conclusion": conclusion},
                  variant="deliberated" if manifest.get("collective_deliberation") else "issued")
