"""Predicates for major administrative decisions (ruleset MD, 《重大行政决策程序暂行条例》)."""

from __future__ import annotations

from typing import Iterator

from ..context import CheckContext
from ..hits import Hit
from ..kinds._common import as_date
from . import predicate
from .comment import count_days, falls_short, stated_periods
from .normative import _title_span, procedure_evidence

# Manifest sections that evidence each procedure (expert_argumentation and risk_assessment are read
# when a manifest carries them).
MANIFEST_KEYS = {
    "public_participation": ("comment_period", "public_participation", "hearing"),
    "expert_argumentation": ("expert_argumentation",),
    "risk_assessment": ("risk_assessment",),
    "legality_review": ("legality_review",),
    "collective_deliberation": ("collective_deliberation",),
}
# Public participation is also evidenced by a comment or a hearing.
_ALSO = {"public_participation": ("public_comment",)}


@predicate("md.procedure")
def procedure(ctx: CheckContext, procedure: str) -> Iterator[Hit]:
    """One of the five statutory procedures is not evidenced, or the text says it was skipped."""
    evidenced, negated = procedure_evidence(ctx, procedure, MANIFEST_KEYS[procedure])
    for alternative in _ALSO.get(procedure, ()):
        if not evidenced:
            evidenced, negated_alt = procedure_evidence(ctx, alternative, ())
            negated = negated or negated_alt
    if evidenced:
        return
    if negated is not None:
        start, end = (negated.attrs or {}).get("clause", (negated.start, negated.end))
        yield Hit(start, end, {"how": "文中写明未履行该程序", "how_en": "the text says it was not done"})
    else:
        yield Hit(*_title_span(ctx.doc), {"how": "文档和元数据清单中均无记载",
                                          "how_en": "neither the document nor the manifest records it"})


@predicate("md.comment-period")
def comment_period(ctx: CheckContext, min_days: int = 30) -> Iterator[Hit]:
    """The public comment period (manifest, or stated in the text) is shorter than the minimum."""
    period = (ctx.manifest or {}).get("comment_period") or {}
    start, end = as_date(period.get("start")), as_date(period.get("end"))
    if start and end:
        calendar, working = count_days(start, end)
        if calendar < min_days:
            yield Hit(*_title_span(ctx.doc), {"length": f"{start}至{end}，共{calendar}日",
                                              "length_en": f"{start} to {end}: {calendar} days",
                                              "minimum": min_days})
        return
    for stated in stated_periods(ctx.doc.text):
        short, explain, explain_en = falls_short(stated.amount, stated.unit, min_days, "calendar_days")
        if short:
            yield Hit(stated.start, stated.end, {"length": stated.phrase(explain),
                                                 "length_en": stated.phrase(explain_en), "minimum": min_days})


@predicate("md.subtype-states")
def subtype_states(ctx: CheckContext, subtype: str, items: list[dict[str, str]]) -> Iterator[Hit]:
    """For a document of `subtype` only — a hearing announcement, a catalogue; a major decision of
    unknown subtype gets none of these findings — a hit naming every item (`zh`, `en`, `regex`) the
    text never states."""
    if ctx.doc.subtype != subtype:
        return
    whole = ctx.scope("document")[0]
    missing = [item for item in items if not any(True for _ in ctx.finditer(item["regex"], whole))]
    if missing:
        yield Hit(*_title_span(ctx.doc), {"missing": "、".join(item["zh"] for item in missing),
                                          "missing_en": ", ".join(item["en"] for item in missing)})
