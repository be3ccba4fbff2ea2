"""Run the applicable rules over a document and stamp their hits as findings."""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Finding, RulesetDecision
from .context import DEFAULT_REGEX_TIMEOUT, CheckContext, DocumentView
from .hits import Hit, RuleTimeout
from .reasons import Reason, worded as worded_reasons
from .kinds import kind_module
from .loader import Catalogue, Rule, Ruleset
from .selection import Selection, Subject, code_selected, jurisdiction_matches, rule_applies, ruleset_decision
from .fixers import fix_for
from .templates import fill, shorten


@dataclass
class Evaluation:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    applied: list[RulesetDecision] = field(default_factory=list)
    skipped: list[RulesetDecision] = field(default_factory=list)


def parameters_for(catalogue: Catalogue, ruleset: Ruleset, subject: Subject) -> dict[str, Any]:
    """Ruleset parameters, overridden by every matching jurisdiction file (province, then city…)."""
    params = dict(ruleset.parameters)
    for name in subject.jurisdictions:
        for jurisdiction, by_ruleset in catalogue.jurisdiction_parameters.items():
            if jurisdiction_matches(jurisdiction, (name,)):
                params.update(by_ruleset.get(ruleset.id, {}))
    return params


def run_rule(rule: Rule, ctx: CheckContext) -> list[Hit]:
    """The hits of one rule; raises whatever the check raises."""
    return list(kind_module(rule.check["kind"]).run(rule.check, ctx))


def fingerprint(code: str, evidence: str, heading_path: str, doc_type: str | None, ordinal: int) -> str:
    key = "\x1f".join([code, " ".join(evidence.split()), heading_path, doc_type or "", str(ordinal)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def worded(values: dict[str, Any], labels: dict[str, dict[str, str]], lang: str) -> dict[str, Any]:
    """The hit's values, with each `NAME_code` value also put into words as `NAME` from the
    ruleset's labels (a code without a label stays as written)."""
    words = dict(values)
    for key, value in values.items():
        if key.endswith("_code") and key[:-5] not in values:
            label = labels.get(str(value)) or {}
            words[key[:-5]] = label.get(lang) or label.get("zh") or value
    return words


def stamp(rule: Rule, hit: Hit, doc: Document, doc_type: str | None, lang: str,
          labels: dict[str, dict[str, str]] | None = None) -> Finding:
    start = max(0, min(hit.start, len(doc.text)))
    end = max(start, min(hit.end, len(doc.text)))
    evidence = doc.norm.original(start, end) if end > start else ""
    lang = lang if lang in rule.message else "zh"
    values = {**worded(hit.values, labels or {}, lang), "evidence": shorten(evidence)}
    span = doc.norm.source_span(start, end) if end > start else (doc.norm.to_source(start),) * 2
    return Finding(
        code=rule.code, name=rule.name, severity=rule.severity,
        message=fill(rule.template(hit.variant, lang), values),
        suggestion=fill(rule.suggestion.get(lang, rule.suggestion["zh"]), values),
        basis=_cited(rule, hit), location=doc.locate(start), heading_path=heading_path_at(doc, start),
        evidence=evidence, ruleset=rule.ruleset_id, ruleset_version=rule.ruleset_version,
        span=span, fix=fix_for(rule.fix, doc.source.text, span, hit.values) if rule.fix else None)


def _cited(rule: Rule, hit: Hit) -> list:
    """The rule's bases, or only those the hit names when it names any that the rule has."""
    named = [b for b in rule.basis if b.number in hit.basis or b.title in hit.basis]
    return named or list(rule.basis)


def heading_path_at(doc: Document, offset: int) -> str:
    """`doc.heading_path(offset)` by binary search: headings are in document order."""
    index = bisect.bisect_right(doc.headings, offset, key=lambda h: h.start)
    return doc.headings[index - 1].path if index else ""


def _add_fingerprints(findings: list[Finding], doc: Document, doc_type: str | None) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in findings:
        key = (f.code, " ".join(f.evidence.split()), f.heading_path)
        f.fingerprint = fingerprint(f.code, f.evidence, f.heading_path, doc_type, seen[key])
        seen[key] += 1


def evaluate(doc: Document, catalogue: Catalogue, subject: Subject, selection: Selection, *,
             manifest: dict[str, Any] | None = None, lang: str = "zh",
             regex_timeout: float = DEFAULT_REGEX_TIMEOUT) -> Evaluation:
    result = Evaluation()
    view = DocumentView(doc)  # nodes and facts shared by every ruleset
    for ruleset in catalogue.rulesets:
        applies, reason = ruleset_decision(ruleset, subject, selection)
        rules = [r for r in ruleset.rules
                 if r.status != "deprecated" and code_selected(r.code, selection)]
        if applies and not rules:
            applies, reason = False, [Reason("no-rules-left")]
        decision = RulesetDecision(ruleset.id, ruleset.version, worded_reasons(reason, lang))
        (result.applied if applies else result.skipped).append(decision)
        if not applies:
            continue
        ctx = CheckContext(doc, manifest, parameters_for(catalogue, ruleset, subject), regex_timeout, view,
                           ruleset.vocabularies)
        for rule in rules:
            if not rule_applies(rule, subject):
                continue
            try:
                hits = run_rule(rule, ctx)
            except RuleTimeout as exc:
                result.errors.append(f"规则 {rule.code} 执行超时: {exc}")
                continue
            except Exception as exc:  # a broken rule must not stop the others
                result.errors.append(f"规则 {rule.code} 执行出错: {type(exc).__name__}: {exc}")
                continue
            unworded = sorted({h.variant for h in hits if h.variant and h.variant not in rule.messages})
            if unworded:  # worded by the default message meanwhile; the rule's examples fail on this
                result.errors.append(f"规则 {rule.code} 的消息变体 {'、'.join(unworded)} 未在 messages 中定义")
            result.findings += [stamp(rule, hit, doc, subject.doc_type, lang, ruleset.labels) for hit in hits]
    unique = {(f.code, f.span, f.message): f for f in result.findings}
    result.findings = sorted(unique.values(), key=Finding.sort_key)
    _add_fingerprints(result.findings, doc, subject.doc_type)
    return result
