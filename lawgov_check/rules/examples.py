"""Run a rule on the pass/fail examples of its ruleset entry (used by tests and `rules show`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Finding
from .engine import evaluate
from .loader import Catalogue, Rule
from .selection import Selection, Subject


def example_fields(example: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": example} if isinstance(example, str) else dict(example)


def run_example(catalogue: Catalogue, rule: Rule, example: str | dict[str, Any],
                *, manifest: dict[str, Any] | None = None, lang: str = "zh") -> tuple[list[Finding], list[str]]:
    """Findings of `rule` on an example document, and rule errors."""
    from ..manifest import validate_manifest
    from ..pipeline import document_from_text

    fields = example_fields(example)
    doc = document_from_text(fields["text"], f"<{rule.code} example>")
    if "date" in fields:
        doc.identity.state(date=dt.date.fromisoformat(fields["date"]))
    if "year" in fields:
        doc.identity.state(year=fields["year"])
    if fields.get("meta") is not None:
        manifest = validate_manifest(fields["meta"], f"<{rule.code} example meta>")
    doc_type = fields.get("doc_type") or (manifest or {}).get("doc_type") or doc.doc_type
    if doc_type != doc.doc_type:
        doc.identity.with_type(doc_type)
    place = fields.get("jurisdiction") or (manifest or {}).get("jurisdiction")
    subject = Subject(doc_type=doc_type, jurisdictions=(place,) if place else tuple(doc.jurisdiction.names()),
                      date=doc.date, year=doc.year, subtype=doc.subtype)
    evaluation = evaluate(doc, catalogue, subject,
                          Selection(rulesets=(rule.ruleset_id,), select=(rule.code,)), manifest=manifest,
                          lang=lang)
    return [f for f in evaluation.findings if f.code == rule.code], evaluation.errors
