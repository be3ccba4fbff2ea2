"""SARIF 2.1.0 log, for code-scanning dashboards and editors."""

from __future__ import annotations

from typing import Any, TextIO
from urllib.parse import quote

from ..model import Basis, DocumentResult, Finding, RuleInfo, RunResult
from .common import (
    DOCS_URL, PROJECT_URL, TOOL_NAME, TextRegion, cite_all, colon, label, line_starts, relative_path,
    resolve_lang, rule_anchor, text_region,
)
from .json_text import dumps
from .spool import Spool

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lawgovFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _sentence(text: str) -> str:
    """SARIF wants plain-text messages to end with a period; Chinese text ends with 。"""
    text = text.strip()
    if not text or text[-1] in ".。!！?？":
        return text
    return text + ("。" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ".")


def artifact_location(path: str) -> dict[str, Any]:
    rel = relative_path(path)
    if rel.startswith("/"):
        return {"uri": "file://" + quote(rel, safe="/")}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def _basis_markdown(basis: list[Basis]) -> str:
    return "\n".join(f"- {b.cite()}" + (f"（{b.effective}施行）" if b.effective else "") for b in basis)


def help_uri(docs_url: str, code: str) -> str:
    """The rule's section of the rule reference (`…/rules.md#gf05`)."""
    return f"{docs_url.split('#', 1)[0]}#{rule_anchor(code)}"


def _rule_descriptor(rule: RuleInfo, lang: str, docs_url: str) -> dict[str, Any]:
    summary = rule.summary.get(lang) or rule.summary.get("zh") or rule.name
    suggestion = rule.suggestion.get(lang) or rule.suggestion.get("zh") or ""
    help_text = summary
    help_md = f"**{rule.code} {rule.name}**\n\n{summary}"
    if suggestion:
        help_text += f"\n{label(lang, 'suggestion')}{colon(lang)}{suggestion}"
        help_md += f"\n\n{label(lang, 'suggestion')}{colon(lang)}{suggestion}"
    if rule.basis:
        help_text += f"\n{label(lang, 'basis')}{colon(lang)}{cite_all(rule.basis)}"
        help_md += f"\n\n{label(lang, 'basis')}{colon(lang)}\n\n{_basis_markdown(rule.basis)}"
    descriptor = {
        "id": rule.code,
        "name": pascal_case(rule.name),
        "shortDescription": {"text": _sentence(summary)},
        "fullDescription": {"text": _sentence(help_text.replace("\n", " "))},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {
            "name": rule.name,
            "basis": [b.cite() for b in rule.basis],
            "ruleset": rule.ruleset,
            "ruleset_version": rule.ruleset_version,
            "status": rule.status,
            "tags": [rule.ruleset],
        },
    }
    if rule.documented:
        descriptor["helpUri"] = help_uri(docs_url, rule.code)
    elif rule.help_url:  # a file's or package's rule: its ruleset's own reference
        descriptor["helpUri"] = help_uri(rule.help_url, rule.code)
    return descriptor


def _rule_from_finding(f: Finding) -> RuleInfo:
    """A descriptor for a code the run's rule list does not know (e.g. an input-reading rule)."""
    return RuleInfo(code=f.code, name=f.name, severity=f.severity, summary={"zh": f.name, "en": f.name},
                    basis=f.basis, ruleset=f.ruleset, ruleset_version=f.ruleset_version)


def _context_region(doc: DocumentResult, region: TextRegion) -> dict[str, Any] | None:
    """The whole lines the finding touches, so viewers can show it without the file."""
    if doc.text is None:
        return None
    starts = line_starts(doc.text)  # not text.split per finding: that made a report quadratic
    if not 1 <= region.start_line <= len(starts):
        return None
    first = starts[region.start_line - 1]
    after = starts[region.end_line] - 1 if region.end_line < len(starts) else len(doc.text)
    lines = doc.text[first:max(first, after)].split("\n")
    return {"startLine": region.start_line, "endLine": region.start_line + len(lines) - 1,
            "snippet": {"text": "\n".join(line.rstrip("\r") for line in lines)}}


def pascal_case(kebab: str) -> str:
    """SARIF wants rule names as Pascal-case identifiers: `comment-period` → `CommentPeriod`."""
    return "".join(part[:1].upper() + part[1:] for part in kebab.replace("_", "-").split("-") if part)


def sarif_region(region: TextRegion) -> dict[str, Any]:
    """A SARIF region (also what a fix's `deletedRegion` takes)."""
    return {"startLine": region.start_line, "startColumn": region.start_column,
            "endLine": region.end_line, "endColumn": region.end_column}


def _result(doc: DocumentResult, f: Finding, rule_index: int, artifact_index: int) -> dict[str, Any]:
    """One result. Optional members (`partialFingerprints`, and `fixes` where a rule knows the
    replacement) are added at the end, after the required ones."""
    region = text_region(doc, f)
    located = sarif_region(region)
    if f.evidence:
        located["snippet"] = {"text": f.evidence}
    physical: dict[str, Any] = {
        "artifactLocation": {**artifact_location(doc.path), "index": artifact_index},
        "region": located,
    }
    context = _context_region(doc, region)
    if context:
        physical["contextRegion"] = context
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.heading_path:
        location["logicalLocations"] = [{"name": f.heading_path, "fullyQualifiedName": f.heading_path}]
    properties: dict[str, Any] = {}
    if f.location.page is not None:
        properties["page"] = f.location.page
    if f.location.paragraph is not None:
        properties["paragraph"] = f.location.paragraph
    properties.update({"heading_path": f.heading_path, "ruleset": f.ruleset,
                       "ruleset_version": f.ruleset_version})
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": _sentence(f.message)},
        "locations": [location],
        "properties": properties,
    }
    if f.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    fixes = _fixes(doc, f, region, artifact_index)
    if fixes:
        result["fixes"] = fixes
    return result


def _fixes(doc: DocumentResult, f: Finding, region: TextRegion, artifact_index: int) -> list[dict[str, Any]]:
    """The finding's fix as SARIF replacements. Fixes sit within the evidence's one line, so each
    edit's columns count from the finding's own start. Only a text file gets them: a replacement by
    line and column is a text region, which a binary artifact (.docx) cannot take; applied to a
    .docx it would break the file (`check --fix` corrects inside its runs, and JSON has `fix`)."""
    if f.fix is None or region.start_line != region.end_line or doc.media_type != "text/plain":
        return []
    replacements = []
    for edit in f.fix.edits:
        start = region.start_column + edit.start - f.span[0]
        end = region.start_column + edit.end - f.span[0]
        deleted = {"startLine": region.start_line, "startColumn": start, "endLine": region.start_line,
                   "endColumn": end}
        replacement: dict[str, Any] = {"deletedRegion": deleted}
        if edit.text:
            replacement["insertedContent"] = {"text": edit.text}
        replacements.append(replacement)
    return [{"description": {"text": _sentence(f.suggestion or f.message)},
             "artifactChanges": [{"artifactLocation": {**artifact_location(doc.path), "index": artifact_index},
                                  "replacements": replacements}]}]


def _artifact(doc: DocumentResult) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": artifact_location(doc.path)}
    if doc.media_type:
        artifact["mimeType"] = doc.media_type
    if doc.encoding:
        artifact["encoding"] = doc.encoding
    return artifact


def _notification(doc: DocumentResult, error: str, artifact_index: int) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": _sentence(error)},
        "locations": [{"physicalLocation": {"artifactLocation": {
            **artifact_location(doc.path), "index": artifact_index}}}],
    }


def _driver(run: RunResult, rules: list[RuleInfo], lang: str, docs_url: str) -> dict[str, Any]:
    return {"driver": {
        "name": TOOL_NAME,
        "version": run.tool_version,
        "semanticVersion": run.tool_version,
        "informationUri": PROJECT_URL,
        "rules": [_rule_descriptor(r, lang, docs_url) for r in rules],
    }}


class SarifStream:
    """The SARIF log. Results are rendered as each document comes and parked; what precedes them
    in the log (rules, notifications, artifacts) is small and kept until the end."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 docs_url: str | None = None, **_options: object) -> None:
        self.out = out
        self.lang_wanted = lang
        self.docs_url = docs_url or DOCS_URL
        self.results = Spool()
        self.artifacts: list[dict[str, Any]] = []
        self.artifact_index: dict[str, int] = {}
        self.notifications: list[dict[str, Any]] = []

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)
        self.rules = list(run.rules)
        self.rule_index = {r.code: i for i, r in enumerate(self.rules)}

    def add(self, doc: DocumentResult) -> None:
        if doc.path not in self.artifact_index:
            self.artifact_index[doc.path] = len(self.artifacts)
            self.artifacts.append(_artifact(doc))
        index = self.artifact_index[doc.path]
        parts = []
        for f in doc.findings:
            if f.code not in self.rule_index:  # a code the run's rule list does not know
                self.rule_index[f.code] = len(self.rules)
                self.rules.append(_rule_from_finding(f))
            parts.append(",\n        " + dumps(_result(doc, f, self.rule_index[f.code], index), level=4))
        self.results.write("".join(parts))
        self.notifications += [_notification(doc, error, index) for error in doc.errors]

    def finish(self, run: RunResult) -> None:
        log_run = {
            "tool": _driver(run, self.rules, self.lang, self.docs_url),
            "invocations": [{
                "executionSuccessful": not self.notifications,
                "toolExecutionNotifications": self.notifications,
            }],
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The directory lawgov-check was run from."}}},
            "artifacts": self.artifacts,
            "columnKind": "unicodeCodePoints",
            "results": [],
            "properties": {"lang": self.lang},
        }
        text = dumps({"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [log_run]})
        head, tail = text.split('\n      "results": [],\n', 1)
        self.out.write(head + '\n      "results": [')
        if self.results.empty:
            self.out.write("],\n" + tail + "\n")
            return
        self.results.write("\n      ],\n" + tail + "\n")
        self.results.skip_first(1)  # every parked result starts with `,\n`; the first must not
        self.results.copy_to(self.out)


def render_sarif(run: RunResult, *, color: bool = False, lang: str | None = None,
                 docs_url: str | None = None) -> str:
    from . import render

    return render("sarif", run, color=color, lang=lang, docs_url=docs_url)
