"""What every reporter shares: labels in both languages, counts, and positions within the text."""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from ..model import SEVERITIES, SEVERITY_RANK, Basis, DocumentResult, Finding, RunResult

TOOL_NAME = "lawgov-check"

_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "error": "错误", "warning": "警告", "info": "提示",
        "errors": "错误", "warnings": "警告", "infos": "提示",
        "report_title": "法治政府文件合规检查报告",
        "document": "文件", "documents": "文件数", "doc_type": "文种", "year": "年度",
        "title": "标题", "date": "成文日期", "jurisdiction": "地区",
        "rulesets_applied": "适用规则集", "rulesets_skipped": "未适用规则集",
        "input_error": "输入错误", "input_errors": "输入错误", "doc_warning": "读取提示",
        "suggestion": "建议", "basis": "依据", "heading_path": "所在章节",
        "location": "位置", "page": "第{n}页", "paragraph": "第{n}段", "line": "第{n}行",
        "no_findings": "未发现问题", "no_text": "原文不可用",
        "summary": "共检查 {documents} 份文件：错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条，输入错误 {input_errors} 个",
        "filter_severity": "严重程度", "filter_code": "规则", "all_codes": "全部规则",
        "shown": "显示 {shown} / {total} 条问题", "findings": "问题", "source_text": "原文",
        "tool": "检查工具", "jump": "定位原文", "none": "无",
        "waivers_applied": "已豁免", "waivers_unused": "未使用的豁免",
        "counts": "问题统计", "code": "规则编号", "severity": "严重程度", "message": "说明",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "errors": "errors", "warnings": "warnings", "infos": "infos",
        "report_title": "Rule-of-law government document check report",
        "document": "Document", "documents": "Documents", "doc_type": "Type", "year": "Year",
        "title": "Title", "date": "Date", "jurisdiction": "Jurisdiction",
        "rulesets_applied": "Rulesets applied", "rulesets_skipped": "Rulesets skipped",
        "input_error": "input error", "input_errors": "Input errors", "doc_warning": "Reading note",
        "suggestion": "Suggestion", "basis": "Basis", "heading_path": "Section",
        "location": "Location", "page": "page {n}", "paragraph": "paragraph {n}", "line": "line {n}",
        "no_findings": "No findings", "no_text": "Original text not available",
        "summary": "{documents} documents checked: {errors} errors, {warnings} warnings, {infos} infos, {input_errors} input errors",
        "filter_severity": "Severity", "filter_code": "Rule", "all_codes": "All rules",
        "shown": "Showing {shown} of {total} findings", "findings": "Findings", "source_text": "Original text",
        "tool": "Tool", "jump": "Show in text", "none": "none",
        "waivers_applied": "Waivers applied", "waivers_unused": "Unused waivers",
        "counts": "Counts", "code": "Code", "severity": "Severity", "message": "Message",
    },
}

_DOC_TYPE_LABELS = {
    "zh": {
        "annual_report": "法治政府建设年度报告", "normative_document": "行政规范性文件",
        "notice": "通知", "comment_notice": "征求意见通知", "drafting_explanation": "起草说明",
        "review_record": "审查记录", "major_decision": "重大行政决策",
        "implementation_plan": "实施方案", "other": "其他",
    },
    "en": {
        "annual_report": "annual report", "normative_document": "normative document",
        "notice": "notice", "comment_notice": "comment notice",
        "drafting_explanation": "drafting explanation", "review_record": "review record",
        "major_decision": "major decision", "implementation_plan": "implementation plan",
        "other": "other",
    },
}


def resolve_lang(run: RunResult, lang: str | None) -> str:
    chosen = lang or run.lang or "zh"
    return chosen if chosen in _LABELS else "zh"


def label(lang: str, key: str, **values: object) -> str:
    text = _LABELS.get(lang, _LABELS["zh"])[key]
    return text.format(**values) if values else text


def doc_type_label(lang: str, doc_type: str | None) -> str:
    if not doc_type:
        return ""
    return _DOC_TYPE_LABELS.get(lang, _DOC_TYPE_LABELS["zh"]).get(doc_type, doc_type)


def severity_label(lang: str, severity: str) -> str:
    return label(lang, severity) if severity in SEVERITIES else severity


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then infos; the given order within each severity."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK.get(f.severity, 0))


@dataclass(frozen=True)
class Counts:
    documents: int
    errors: int
    warnings: int
    infos: int
    input_errors: int

    def as_dict(self) -> dict[str, int]:
        return {"documents": self.documents, "errors": self.errors, "warnings": self.warnings,
                "infos": self.infos, "input_errors": self.input_errors}


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        if f.severity in counts:
            counts[f.severity] += 1
    return counts


def run_counts(run: RunResult) -> Counts:
    """Totals for a run; `input_errors` counts the error messages of all documents."""
    findings = [f for d in run.documents for f in d.findings]
    sev = severity_counts(findings)
    return Counts(len(run.documents), sev["error"], sev["warning"], sev["info"],
                  sum(len(d.errors) for d in run.documents))


class CountsTally:
    """`run_counts` kept up as documents come, for streams that never hold the whole run."""

    def __init__(self) -> None:
        self.documents = self.input_errors = 0
        self.severities = {s: 0 for s in SEVERITIES}

    def add(self, doc: DocumentResult) -> None:
        self.documents += 1
        self.input_errors += len(doc.errors)
        for f in doc.findings:
            if f.severity in self.severities:
                self.severities[f.severity] += 1

    def counts(self) -> Counts:
        sev = self.severities
        return Counts(self.documents, sev["error"], sev["warning"], sev["info"], self.input_errors)


def summary_line(run: RunResult, lang: str, counts: Counts | None = None) -> str:
    return label(lang, "summary", **(counts or run_counts(run)).as_dict())


def cite_all(basis: list[Basis]) -> str:
    return "；".join(b.cite() for b in basis)


def location_suffix(f: Finding, lang: str) -> str:
    """`第N页` for pdf, `第N段` for docx, or nothing for plain text."""
    parts = []
    if f.location.page is not None:
        parts.append(label(lang, "page", n=f.location.page))
    if f.location.paragraph is not None:
        parts.append(label(lang, "paragraph", n=f.location.paragraph))
    return " ".join(parts)


def jurisdiction_text(doc: DocumentResult) -> str:
    return "".join(doc.jurisdiction.names())


def posix_path(path: str) -> str:
    """The path with forward slashes (reports must not depend on the platform that wrote them)."""
    if "\\" in path and not path.startswith("/"):
        return PureWindowsPath(path).as_posix()
    return PurePath(path).as_posix()


def relative_path(path: str) -> str:
    """The path relative to the working directory when it lies below it, else as given."""
    p = posix_path(path)
    if PurePosixPath(p).is_absolute():
        try:
            rel = os.path.relpath(p, os.getcwd())
        except ValueError:
            return p
        if not rel.startswith(".."):
            return posix_path(rel)
    return p


# ---------------------------------------------------------------------------------------------
# Positions inside DocumentResult.text

@dataclass(frozen=True)
class TextRegion:
    """A span of the original text as 1-based lines and columns (end column exclusive)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def clamp_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start = max(0, min(span[0], len(text)))
    end = max(start, min(span[1], len(text)))
    return start, end


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of `text` start (kept for the last two texts: every finding of a
    document asks, and recounting a long text per finding made reports quadratic). Do not modify."""
    return _line_starts(text)


@lru_cache(maxsize=2)
def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def position(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """1-based (line, column) of a string offset; columns count code points."""
    starts = starts if starts is not None else line_starts(text)
    index = max(0, bisect.bisect_right(starts, offset) - 1)
    return index + 1, offset - starts[index] + 1


def text_region(doc: DocumentResult, f: Finding) -> TextRegion:
    """Where the finding sits in `doc.text`; the finding's own location when there is no text."""
    if doc.text is None:
        line, col = f.location.line, f.location.column
        width = max(1, len(f.evidence.split("\n", 1)[0]))
        return TextRegion(line, col, line, col + width)
    text = doc.text
    start, end = clamp_span(text, f.span)
    starts = line_starts(text)
    start_line, start_col = position(text, start, starts)
    end_line, end_col = position(text, end, starts)
    return TextRegion(start_line, start_col, end_line, end_col)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (form feeds from PDFs, stray control codes)."""
    return _CONTROL.sub("", text)


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese, `: ` in English."""
    return "：" if lang == "zh" else ": "
