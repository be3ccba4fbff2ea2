"""The versioned JSON contract (schema: lawgov_check/schemas/result.schema.json)."""

from __future__ import annotations

from typing import Any, TextIO

from ..model import Basis, DocumentResult, Finding, Fix, RulesetDecision, RunResult
from .common import TOOL_NAME, CountsTally, run_counts
from .json_text import dumps

SCHEMA_VERSION = "1.0"


def basis_dict(b: Basis) -> dict[str, Any]:
    return {"title": b.title, "number": b.number, "article": b.article, "effective": b.effective,
            "certainty": b.certainty}


def fix_dict(fix: Fix) -> dict[str, Any]:
    return {"kind": fix.kind, "edits": [{"span": [e.start, e.end], "text": e.text} for e in fix.edits]}


def finding_dict(f: Finding) -> dict[str, Any]:
    location: dict[str, Any] = {"line": f.location.line, "column": f.location.column}
    if f.location.page is not None:
        location["page"] = f.location.page
    if f.location.paragraph is not None:
        location["paragraph"] = f.location.paragraph
    location["heading_path"] = f.heading_path
    out = {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "suggestion": f.suggestion,
        "basis": [basis_dict(b) for b in f.basis],
        "location": location,
        "span": [f.span[0], f.span[1]],
        "evidence": f.evidence,
        "ruleset": f.ruleset,
        "ruleset_version": f.ruleset_version,
        "fingerprint": f.fingerprint,
    }
    if f.fix is not None:
        out["fix"] = fix_dict(f.fix)
    return out


def _decision(d: RulesetDecision) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "version": d.version, "reason": d.reason}
    if d.parameters:
        out["parameters"] = d.parameters
    return out


def document_dict(doc: DocumentResult) -> dict[str, Any]:
    out = {
        "path": doc.path,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "doc_type": doc.doc_type,
        "year": doc.year,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "jurisdiction": doc.jurisdiction.to_dict(),
        "rulesets_applied": [_decision(d) for d in doc.rulesets_applied],
        "rulesets_skipped": [_decision(d) for d in doc.rulesets_skipped],
        "findings": [finding_dict(f) for f in doc.findings],
        "errors": list(doc.errors),
        "warnings": list(doc.warnings),
    }
    if doc.fixed is not None:
        out["fixed"] = {"path": doc.fixed.path, "applied": doc.fixed.applied, "skipped": doc.fixed.skipped}
    return out


def run_dict(run: RunResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": run.tool_version},
        "lang": run.lang,
        "documents": [document_dict(d) for d in run.documents],
        "summary": run_counts(run).as_dict(),
        "waivers": {"applied": list(run.waivers_applied), "unused": list(run.waivers_unused)},
    }


class JsonStream:
    """`run_dict` as indented JSON, each document written as it comes.

    The text is exactly `json.dumps(run_dict(run), ensure_ascii=False, indent=2, default=str)`.
    """

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 **_options: object) -> None:
        # Messages are already in the run's language; `lang` changes nothing in a data format.
        self.out = out
        self.counts = CountsTally()

    def begin(self, run: RunResult) -> None:
        head = dumps({"schema_version": SCHEMA_VERSION, "tool": {"name": TOOL_NAME, "version": run.tool_version},
                      "lang": run.lang})
        self.out.write(head[:-2] + ',\n  "documents": [')  # head ends with "\n}"
        self.separator = "\n    "

    def add(self, doc: DocumentResult) -> None:
        self.counts.add(doc)
        self.out.write(self.separator + dumps(document_dict(doc), level=2))
        self.separator = ",\n    "

    def finish(self, run: RunResult) -> None:
        tail = dumps({"summary": self.counts.counts().as_dict(),
                      "waivers": {"applied": list(run.waivers_applied), "unused": list(run.waivers_unused)}})
        self.out.write(("]" if self.separator == "\n    " else "\n  ]") + "," + tail[1:] + "\n")


def render_json(run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    from . import render

    return render("json", run, color=color, lang=lang)
