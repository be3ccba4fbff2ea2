"""Named procedures (公开征求意见, 合法性审查, 集体讨论…), negation and what the clause attaches."""

from __future__ import annotations

import bisect
import re

from .dates import extract_dates
from .durations import extract_durations
from .keywords import PROCEDURE_NAMES, PROCEDURE_RE, canonical
from .segments import boundaries
from .types import Fact, FactContext

# A negator shortly before the procedure; 不断/不得/不少于… are not negations of it.
_NEGATION_RE = re.compile(r"尚未|未经|没有|未|不经|不(?![断得少低超仅同再定管论足够])")
NEGATION_WINDOW = 8


def extract_procedures(text: str, context: FactContext, durations: list[Fact] | None = None,
                       dates: list[Fact] | None = None) -> list[Fact]:
    if durations is None:
        durations = extract_durations(text, context)
    if dates is None:
        dates = extract_dates(text, context)
    bounds = boundaries(text, context)
    duration_starts = [f.start for f in durations]
    date_starts = [f.start for f in dates]
    out: list[Fact] = []
    for m in PROCEDURE_RE.finditer(text):
        clause_start, clause_end = bounds.clause(m.start())
        window_start = max(clause_start, m.start() - NEGATION_WINDOW)
        negator = None
        for neg in _NEGATION_RE.finditer(text, window_start, m.start()):
            negator = neg.group(0)
        d_lo = bisect.bisect_left(duration_starts, clause_start)
        d_hi = bisect.bisect_left(duration_starts, clause_end)
        t_lo = bisect.bisect_left(date_starts, clause_start)
        t_hi = bisect.bisect_left(date_starts, clause_end)
        out.append(Fact("procedure", m.start(), m.end(), m.group(0), canonical(m, PROCEDURE_NAMES), {
            "negated": negator is not None,
            "negator": negator,
            "durations": [durations[i].value for i in range(d_lo, d_hi)],
            "duration_indices": list(range(d_lo, d_hi)),
            "dates": [dates[i].value for i in range(t_lo, t_hi)],
            "date_indices": list(range(t_lo, t_hi)),
            "clause": (clause_start, clause_end),
        }))
    return out
