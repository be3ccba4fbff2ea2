"""Parts of the OpenAPI contract FastAPI cannot infer (request bodies read by hand), and the JSON
view of one rule."""

from __future__ import annotations

from typing import Any

from ..model import DOC_TYPES
from ..report.json_report import basis_dict
from ..rules.cli_tables import rule_rows

DESCRIPTION = (
    "Check Chinese rule-of-law-government documents against the lawgov-check rulesets.\n\n"
    "Documents are sent as multipart files (.txt in any encoding, .docx, .pdf) or as JSON text. "
    "Options are those of `lawgov-check check`, as query parameters, form fields or JSON keys. "
    "Every response carries an `X-Request-ID` header. Errors have the `Error` body. "
    "Check and annotate responses carry `X-Lawgov-Exit-Code` (0, 1, 2 as the CLI) and "
    "`X-Lawgov-Outcome` (pass, warn, block, error).")

_OPTION_PROPERTIES: dict[str, Any] = {
    "doc_type": {"type": "string", "enum": list(DOC_TYPES),
                 "description": "Override the detected document type."},
    "jurisdiction": {"type": "string", "description": "Assume this jurisdiction, e.g. 浙江省."},
    "ruleset": {"type": "string", "description": "Only these rulesets (comma-separated or repeated)."},
    "select": {"type": "string", "description": "Only these rule codes or prefixes (comma-separated or repeated)."},
    "ignore": {"type": "string", "description": "Never these rule codes or prefixes (comma-separated or repeated)."},
    "lang": {"type": "string", "enum": ["zh", "en"], "description": "Language of messages (default zh)."},
    "fail_on": {"type": "string", "enum": ["error", "warning", "info", "never"],
                "description": "Threshold for X-Lawgov-Exit-Code 1 / outcome block (default error)."},
    "format": {"type": "string", "enum": ["json", "sarif", "html"],
               "description": "Response format; otherwise chosen by Accept (default json)."},
}

_MULTIPART = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "The documents (every file part counts, whatever its field name)."},
        "meta": {"type": "string", "format": "binary",
                 "description": "Workflow manifest (YAML or JSON; schema manifest.schema.json)."},
        **_OPTION_PROPERTIES,
    },
}

_JSON_DOCUMENT = {"type": "object", "required": ["text"], "properties": {
    "text": {"type": "string"}, "name": {"type": "string", "description": "Names the document in the result."}}}

_JSON = {
    "type": "object",
    "description": "One document (`text`, `name`) or several (`documents`), and options.",
    "properties": {
        "text": {"type": "string"}, "name": {"type": "string"},
        "documents": {"type": "array", "items": _JSON_DOCUMENT},
        "meta": {"type": "object", "description": "Workflow manifest."},
        "rulesets": {"type": "array", "items": {"type": "string"}},
        **{k: v for k, v in _OPTION_PROPERTIES.items() if k != "ruleset"},
    },
}

_QUERY = [{"name": name, "in": "query", "required": False, "schema": {k: v for k, v in schema.items()
                                                                         if k != "description"},
           "description": schema["description"]}
          for name, schema in _OPTION_PROPERTIES.items()]

CHECK_BODY = {
    "parameters": _QUERY,
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": _MULTIPART},
                                                  "application/json": {"schema": _JSON}}},
}
ANNOTATE_BODY = {
    "parameters": [p for p in _QUERY if p["name"] not in ("format",)],
    "requestBody": {"required": True, "description": "Exactly one document.",
                    "content": {"multipart/form-data": {"schema": _MULTIPART}, "application/json": {"schema": _JSON}}},
}

CHECK_OK = {
    "description": "The result. JSON follows lawgov_check/schemas/result.schema.json (as `check --format json`); "
                   "a document that could not be read is an entry with `errors`, as in a batch.",
    "content": {"application/json": {"schema": {"type": "object"}},
                "application/sarif+json": {"schema": {"type": "object"}},
                "text/html": {"schema": {"type": "string"}}},
    "headers": {"X-Lawgov-Exit-Code": {"schema": {"type": "integer", "enum": [0, 1, 2]}},
                "X-Lawgov-Outcome": {"schema": {"type": "string", "enum": ["pass", "warn", "block", "error"]}}},
}
ANNOTATE_OK = {
    "description": "The annotated Word copy: every finding as a review comment.",
    "content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                {"schema": {"type": "string", "format": "binary"}}},
}


def rule_detail(ruleset: Any, rule: Any, *, lang: str = "zh") -> dict[str, Any]:
    """One rule as `GET /v1/rules` lists it, plus its message, suggestion, basis and examples."""
    pick = lambda d: d.get(lang, d.get("zh")) if isinstance(d, dict) else d  # noqa: E731
    row = next(r for r in rule_rows_for(ruleset, rule, lang))
    return {**row, "message": pick(rule.message), "suggestion": pick(rule.suggestion),
            "basis": [basis_dict(b) for b in rule.basis], "check_kind": rule.check.get("kind"),
            "examples": {"pass": list(rule.examples.get("pass", [])), "fail": list(rule.examples.get("fail", []))}}


def rule_rows_for(ruleset: Any, rule: Any, lang: str) -> list[dict[str, Any]]:
    class _One:
        def rules(self) -> list[tuple[Any, Any]]:
            return [(ruleset, rule)]

    return rule_rows(_One(), lang)  # type: ignore[arg-type]
