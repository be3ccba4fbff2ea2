"""JUnit XML: a test case per document, failed by its findings at or above `--fail-on`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Callable, TextIO

from ..model import SEVERITY_RANK, DocumentResult, Finding, RunResult
from .common import (
    colon,
    TOOL_NAME, by_severity, cite_all, label, location_suffix, resolve_lang, severity_label, xml_safe,
)
from .spool import Spool


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text:
        el.text = xml_safe(text)
    return el


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


def _failure_message(failing: list[Finding], lang: str) -> str:
    """`2 条问题：AR02 缺少…（+1）` — the count and the worst finding."""
    worst = failing[0]
    more = f"（+{len(failing) - 1}）" if len(failing) > 1 else ""
    return f"{label(lang, 'failing_findings', n=len(failing))}{colon(lang)}{worst.code} {worst.message}{more}"


def _skipped_note(doc: DocumentResult, lang: str) -> str:
    return "\n".join(f"{label(lang, 'rulesets_skipped')}{colon(lang)}{d.id} {d.version}{colon(lang)}{d.reason}"
                      for d in doc.rulesets_skipped)


def _testcase(root: ET.Element, doc: DocumentResult, threshold: str, lang: str) -> dict[str, int]:
    """The document's one test case: failed by findings at or above `threshold`, in error when
    the document could not be read. Findings below the threshold and the rulesets that did not
    apply go to its standard output."""
    case = _el(root, "testcase", name=doc.path, classname=f"{TOOL_NAME}.{doc.doc_type or 'unknown'}",
               file=doc.path, time="0")
    ordered = by_severity(doc.findings)
    failing = [f for f in ordered if at_or_above(f.severity, threshold)]
    if failing:
        _el(case, "failure", "\n\n".join(_finding_details(doc, f, lang) for f in failing),
            message=_failure_message(failing, lang), type=failing[0].severity)
    if doc.errors:
        _el(case, "error", "\n".join(doc.errors), message=doc.errors[0], type="InputError")
    passing = [f for f in ordered if f not in failing]
    out = "\n\n".join([*(_finding_details(doc, f, lang) for f in passing), _skipped_note(doc, lang)]).strip()
    if out:
        _el(case, "system-out", out)
    if doc.warnings:
        _el(case, "system-err", "\n".join(doc.warnings))
    return {"tests": 1, "failures": int(bool(failing)), "errors": int(bool(doc.errors)), "skipped": 0}


def at_or_above(severity: str, threshold: str) -> bool:
    return threshold in SEVERITY_RANK and SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK[threshold]


class JunitStream:
    """One test suite, one test case per document. The test cases are written as each document
    comes and parked; the root and the suite, which carry the totals, are written before them at
    the end. The text is what `ET.indent` gives the whole tree."""

    def __init__(self, out: TextIO, *, color: bool = False, lang: str | None = None,
                 fail_on: str | Callable[[DocumentResult], str] = "error", **_options: object) -> None:
        self.out = out
        self.lang_wanted = lang
        self.fail_on = fail_on
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        self.cases = Spool()

    def begin(self, run: RunResult) -> None:
        self.lang = resolve_lang(run, self.lang_wanted)

    def add(self, doc: DocumentResult) -> None:
        threshold = self.fail_on(doc) if callable(self.fail_on) else self.fail_on
        holder = ET.Element("testsuite")
        for key, value in _testcase(holder, doc, threshold, self.lang).items():
            self.totals[key] += value
        case = holder[0]
        ET.indent(case, level=2)
        self.cases.write("\n    " + ET.tostring(case, encoding="unicode"))

    def finish(self, run: RunResult) -> None:
        root = ET.Element("testsuites", {"name": TOOL_NAME})
        suite = ET.SubElement(root, "testsuite", {"name": TOOL_NAME})
        for element in (root, suite):
            for key, value in self.totals.items():
                element.set(key, str(value))
            element.set("time", "0")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if self.cases.empty:
            ET.indent(root)
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        suite_open = ET.tostring(suite, encoding="unicode")[: -len(" />")] + ">"
        root.remove(suite)
        root_open = ET.tostring(root, encoding="unicode")[: -len(" />")] + ">"
        self.out.write(f"{root_open}\n  {suite_open}")
        self.cases.copy_to(self.out)
        self.out.write("\n  </testsuite>\n</testsuites>\n")


def render_junit(run: RunResult, *, color: bool = False, lang: str | None = None,
                 fail_on: str = "error") -> str:
    from . import render

    return render("junit", run, color=color, lang=lang, fail_on=fail_on)
