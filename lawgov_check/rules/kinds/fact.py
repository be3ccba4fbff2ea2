r"""`fact`: every extracted fact of a family that meets all `where` conditions is a hit.

    check:
      kind: fact
      family: doc_numbers            # dates, durations, doc_numbers, citations, totals, rates, ...
      where:
        attrs.bracket: {not_in: ['〔〕']}
        value.year: {lt: 2000}
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import get_path, where_holds


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    for fact in ctx.fact_family(check["family"]):
        if where_holds(fact, check.get("where"), ctx):
            values = {"text": get_path(fact, "text"), "value": get_path(fact, "value")}
            attrs = get_path(fact, "attrs")
            if isinstance(attrs, dict):
                values.update({k: v for k, v in attrs.items() if isinstance(v, (str, int, float))})
            yield Hit(get_path(fact, "start"), get_path(fact, "end"), values)
