"""JUnit XML: a test suite per document, a test case per applicable rule."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..model import DocumentResult, Finding, RuleInfo, RunResult
from .common import (
    colon,
    TOOL_NAME, by_severity, cite_all, label, location_suffix, resolve_lang, severity_label, xml_safe,
)
from .spool import Spool

FAILING = ("error", "warning")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text:
        el.text = xml_safe(text)
    return el


def _applicable_rules(doc: DocumentResult, rules: list[RuleInfo]) -> list[str]:
    """Codes of the rules that ran on the document, plus any code that produced a finding."""
    applied = {d.id for d in doc.rulesets_applied}
    codes = [r.code for r in rules
             if r.ruleset in applied and (not r.doc_types or doc.doc_type in r.doc_types)]
    for f in doc.findings:
        if f.code not in codes:
            codes.append(f.code)
    return codes


def _finding_details(doc: DocumentResult, f: Finding, lang: str) -> str:
    where = f"{doc.path}:{f.location.line}:{f.location.column}"
    suffix = location_suffix(f, lang)
    lines = [f"{where}{' ' + suffix if suffix else ''} [{f.code} {severity_label(lang, f.severity)}] {f.message}"]
    if f.heading_path:
        lines.append(f"  {label(lang, 'heading_path')}{colon(lang)}{f.heading_path}")
    if f.evidence:
        lines.append(f"  “{f.evidence}”")
    if f.suggestion:
        lines.append(f"  {label(lang, 'suggestion')}{colon(lang)}{f.suggestion}")
    if f.basis:
        lines.append(f"  {label(lang, 'basis')}{colon(lang)}{cite_all(f.basis)}")
    return "\n".join(lines)


def _testcase(suite: ET.Element, doc: DocumentResult, code: str, findings: list[Finding],
              lang: str) -> bool:
    """Add one rule's test case; True when it failed."""
    case = _el(suite, "testcase", name=code, classname=doc.path, time="0")
    failing = [f for f in by_severity(findings) if f.severity in FAILING]
    if failing:
        worst = failing[0]
        message = worst.message if len(failing) == 1 else f"{worst.message}（+{len(failing) - 1}）"
        _el(case, "failure", "\n\n".join(_finding_details(doc, f, lang) for f in failing),
            message=message, type=worst.severity)
    infos = [f for f in findings if f.severity not in FAILING]
    if infos:
        _el(case, "system-out", "\n\n".join(_finding_details(doc, f, lang) for f in infos))
    return bool(failing)


def _suite(root: ET.Element, doc: DocumentResult, rules: list[RuleInfo], lang: str) -> dict[str, int]:
    suite = _el(root, "testsuite", name=doc.path)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for code in _applicable_rules(doc, rules):
        failed = _testcase(suite, doc, code, [f for f in doc.findings if f.code == code], lang)
        counts["tests"] += 1
        counts["failures"] += int(failed)
    for decision in doc.rulesets_skipped:
        codes = [r.code for r in rules if r.ruleset == decision.id] or [decision.id]
        for code in codes:
            case = _el(suite, "testcase", name=code, classname=doc.path, time="0")
            _el(case, "skipped", message=f"{decision.id} {decision.version}{colon(lang)}{decision.reason}")
            counts["tests"] += 1
            counts["skipped"] += 1
    for error in doc.errors:
        case = _el(suite, "testcase", name=label(lang, "input_error"), classname=doc.path, time="0")
        _el(case, "error", error, message=error, type="InputError")
        counts["tests"] += 1
        counts["errors"] += 1
    if doc.warnings:
        _el(suite, "system-err", "\n".join(doc.warnings))
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return counts


class JunitStream:
    """The suites are written as each document comes and parked; the root, which carries the
    totals, is written before them at the end. The text is what `ET.indent` gives the whole tree."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None) -> None:
        self.out = out
        self.lang_wanted = lang
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        self.suites = Spool()

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)
        self.rules = run.rules

    def add(self, doc: DocumentResult) -> None:
        holder = ET.Element("testsuites")
        for key, value in _suite(holder, doc, self.rules, self.lang).items():
            self.totals[key] += value
        suite = holder[0]
        ET.indent(suite, level=1)
        self.suites.write("\n  " + ET.tostring(suite, encoding="unicode"))

    def finish(self, run: RunResult) -> None:
        root = ET.Element("testsuites", {"name": TOOL_NAME})
        for key, value in self.totals.items():
            root.set(key, str(value))
        root.set("time", "0")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if self.suites.empty:
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        opening = ET.tostring(root, encoding="unicode")  # `<testsuites … />`
        self.out.write(opening[: -len(" />")] + ">")
        self.suites.copy_to(self.out)
        self.out.write("\n</testsuites>\n")


def render_junit(run: RunResult, *, color: bool = False, lang: str | None = None) -> str:
    from . import render

    return render("junit", run, color=color, lang=lang)
