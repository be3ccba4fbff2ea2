r"""`order`: elements must appear in the given order.

Dated elements (references such as `manifest.legality_review.end`) are compared by date; text
elements (`regex:`) by position within each segment of the scope.

    check:
      kind: order
      elements:
        - manifest.legality_review.end
        - manifest.collective_deliberation.date
      allow_equal: true              # same day is in order (default true)

    check:
      kind: order
      scope: node:paragraph
      elements:
        - regex: '《[^》]+》'
        - regex: '〔\d{4}〕\d+号'
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import as_date, regex_problems


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    for i, element in enumerate(check.get("elements", [])):
        if isinstance(element, dict):
            problems += regex_problems(f"check.elements[{i}].regex", element.get("regex"))
    return problems


def _dated(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    allow_equal = check.get("allow_equal", True)
    dated = [(ref, as_date(ctx.resolve(ref))) for ref in check["elements"]]
    dated = [(ref, d) for ref, d in dated if d is not None]
    for (first, d1), (second, d2) in zip(dated, dated[1:]):
        if d2 < d1 or (d2 == d1 and not allow_equal):
            yield Hit(0, 0, {"first": first, "second": second, "first_date": d1.isoformat(),
                             "second_date": d2.isoformat()})


def _textual(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    patterns = [element["regex"] for element in check["elements"]]
    for seg in ctx.scope(check.get("scope", "document")):
        found = []
        for pattern in patterns:
            first = next(ctx.finditer(pattern, seg), None)
            found.append(first)
        present = [f for f in found if f is not None]
        for earlier, later in zip(present, present[1:]):
            if later[0] < earlier[0]:
                yield Hit(later[0], earlier[1], {"first": ctx.doc.text[earlier[0]:earlier[1]],
                                                 "second": ctx.doc.text[later[0]:later[1]]})


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    if all(isinstance(e, str) for e in check["elements"]):
        yield from _dated(check, ctx)
    else:
        yield from _textual(check, ctx)
