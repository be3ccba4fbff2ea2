"""Years an annual report names against the year it reports on (ruleset AR).

The report year is the identity's (`doc.year`, what `parse` reports) and the year the body says it
reports on (`identity.body_year`); the parts are the `report_parts` facts.
"""

from __future__ import annotations

from typing import Any, Iterator

from ...facts.dates import years_and_spans
from ...identify.report_parts import parts_named
from ..context import CheckContext
from ..hits import Hit
from . import predicate


def _body_year(ctx: CheckContext) -> int | None:
    return ctx.doc.identity.body_year.value or ctx.doc.year


def _title(ctx: CheckContext) -> Any:
    return next((n for n in ctx.nodes() if n.kind == "title" and not n.attrs.get("embedded")), None)


def _part(ctx: CheckContext, code: str) -> Any:
    return next((f for f in ctx.fact_family("report_parts") if f.value == code), None)


@predicate("ar.plan-year")
def plan_year(ctx: CheckContext) -> Iterator[Hit]:
    """The plans part's heading names a year, but not the year after the report year."""
    part, year = _part(ctx, "plans"), _body_year(ctx)
    if part is None or year is None or part.attrs["level"] > 5:
        return
    singles, spans = years_and_spans(part.attrs["words"])
    expected = year + 1
    if (not singles and not spans) or expected in singles or any(a <= expected <= b for a, b in spans):
        return
    stated = "、".join(str(y) for y in sorted(singles)) or "、".join(f"{a}—{b}" for a, b in spans)
    yield Hit(part.start, part.end, {"stated": stated, "expected": expected, "year": year})


@predicate("ar.title-year")
def title_year(ctx: CheckContext) -> Iterator[Hit]:
    """The one year the title names is not the year the body reports on."""
    node, year = _title(ctx), _body_year(ctx)
    singles = years_and_spans(node.text)[0] if node is not None else set()
    if len(singles) == 1 and year is not None and year not in singles:
        yield Hit(node.start, node.end, {"stated": next(iter(singles)), "body_year": year})


@predicate("ar.part-year")
def part_year(ctx: CheckContext, outline: list[str], since_year: list[str]) -> Iterator[Hit]:
    """A part heading (the plans part excepted: see plan-year), or a report outline the text cites
    (`outline`), names one year other than the report year, where title and body agree on it.
    A year followed by words of `since_year` (2019年以来) is a starting point, not a report year."""
    year, title = ctx.doc.year, _title(ctx)
    if year is None or title is None or years_and_spans(title.text)[0] != {year} or _body_year(ctx) != year:
        return
    named = [(h, parts_named(h.text, year)) for h in ctx.doc.headings if h.level == 1]
    spans = {(h.start, h.end) for h, parts in named if parts and "plans" not in parts}
    spans |= {(m.start(), m.end()) for m in ctx.phrase_pattern(outline).finditer(ctx.doc.text)}
    since = ctx.phrase_pattern(since_year)
    for start, end in sorted(spans):
        text = ctx.doc.text[start:end]
        singles, ranges = years_and_spans(text)
        if ranges or len(singles) != 1 or since.search(text):
            continue
        stated = next(iter(singles))
        if stated != year:
            yield Hit(start, end, {"stated": stated, "year": year})
