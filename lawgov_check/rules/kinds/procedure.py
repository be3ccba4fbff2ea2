"""`procedure`: a required step is evidenced by the workflow manifest or by the document's text.

The text's evidence is the `procedures` fact family (`facts/procedures.py`): every mention of a
named procedure, with whether a negator (未, 未经, 没有…) precedes it. A non-negated mention, or a
manifest section, evidences the step; a negated mention says it was skipped.

    check:
      kind: procedure
      procedure: public_participation      # the fact's value
      also: [public_comment]               # other procedures that evidence it too
      manifest: [comment_period, hearing]  # manifest sections that evidence it
      report_missing: always               # always (default) | after_later_stage
      later_stages: [collective_deliberation, publication_date]   # for after_later_stage

Variants: `skipped` (the text says it was not done; the hit is the clause that says so), `missing`
(neither the document nor the manifest records it), `missing-before-later-stage` (the manifest
records a later stage but not this step: a manifest is often partial, so only then is silence a
finding).
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import title_span

def reads(check: dict[str, Any]) -> dict[str, list[str]]:
    return {"facts": [f"procedures ({', '.join([check['procedure'], *check.get('also', [])])})"],
            "manifest": list(check.get("manifest", [])) + list(check.get("later_stages", []))}


def evidence(ctx: CheckContext, names: list[str], manifest_keys: list[str]) -> tuple[bool, Any]:
    """(evidenced, the first negated mention or None)."""
    manifest = ctx.manifest or {}
    if any(manifest.get(key) for key in manifest_keys):
        return True, None
    negated = None
    for fact in ctx.fact_family("procedures"):
        if fact.value not in names:
            continue
        if not (fact.attrs or {}).get("negated"):
            return True, None
        negated = negated or fact
    return False, negated


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    evidenced, negated = evidence(ctx, [check["procedure"], *check.get("also", [])], check.get("manifest", []))
    if evidenced:
        return
    procedure_code = {"procedure_code": check["procedure"]}
    if negated is not None:
        start, end = (negated.attrs or {}).get("clause", (negated.start, negated.end))
        yield Hit(start, end, procedure_code, variant="skipped")
        return
    when = check.get("report_missing", "always")
    if when == "always":
        yield Hit(*title_span(ctx.doc), procedure_code, variant="missing")
    elif when == "after_later_stage" and any((ctx.manifest or {}).get(s) for s in check["later_stages"]):
        yield Hit(*title_span(ctx.doc), procedure_code, variant="missing-before-later-stage")
