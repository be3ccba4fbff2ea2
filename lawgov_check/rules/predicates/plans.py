"""The numbering of a plan's task clauses (ruleset IP); the clauses are the `task_clauses` facts."""

from __future__ import annotations

from typing import Iterator

from ..context import CheckContext
from ..hits import Hit
from ..kinds.numbering import numbering_problems
from . import predicate


@predicate("ip.clause-numbering")
def clause_numbering(ctx: CheckContext) -> Iterator[Hit]:
    """The task clauses are numbered without gaps, repeats or reversals (restarting under each
    part or running on across parts); the variant is the problem."""
    clauses = ctx.fact_family("task_clauses")
    if not clauses:
        return
    level = clauses[0].attrs["level"]
    relevant = [h for h in ctx.doc.headings if h.level <= level]
    for h, problem, values in numbering_problems(relevant, ("gap", "repeat", "out_of_order")):
        if h.level == level:
            yield Hit(h.start, h.start + max(1, len(h.marker)), {"expected": values.get("expected", "")},
                      variant=problem.replace("_", "-"))
