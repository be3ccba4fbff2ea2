"""A Word copy of a checked document with every finding as a review comment, anchored on the
characters the finding is about (the whole paragraph only for document-level findings)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..ingest.docx import visible_runs
from ..model import DOCX_MEDIA_TYPE, DocumentResult, Finding, InputError
from .common import (
    TOOL_NAME, cite_all, clamp_span, colon, label, line_starts, position, severity_label, xml_safe,
)
from .docx_runs import RunMap
from .docx_text import render_text

OUTPUT_SUFFIX = ".lawgov-check.docx"
AUTHOR_INITIALS = "LC"


def output_path(source_path: str, out_dir: str) -> Path:
    return Path(out_dir) / (Path(source_path).stem + OUTPUT_SUFFIX)


def comment_text(f: Finding, lang: str) -> str:
    lines = [f"[{f.code} {severity_label(lang, f.severity)}] {f.message}"]
    if f.suggestion:
        lines.append(f"{label(lang, 'suggestion')}{colon(lang)}{f.suggestion}")
    if f.basis:
        lines.append(f"{label(lang, 'basis')}{colon(lang)}{cite_all(f.basis)}")
    return xml_safe("\n".join(lines))


def numbered_paragraphs(document: WordDocument) -> list[Paragraph]:
    """Body paragraphs and table rows in reading order, as the docx reader numbers them.

    Each top-level `w:p` counts once; each row of a top-level `w:tbl` counts once and is
    represented by the first paragraph of its first cell.
    """
    result: list[Paragraph] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            result.append(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for tr in child.tr_lst:
                cells = tr.tc_lst
                if not cells:
                    continue
                first = cells[0]
                p = first.p_lst[0] if first.p_lst else first.add_p()
                result.append(Paragraph(p, table))
    return result


def _add_comment(document: WordDocument, runs: list, f: Finding, lang: str) -> None:
    document.add_comment(runs, text=comment_text(f, lang), author=TOOL_NAME, initials=AUTHOR_INITIALS)


def _paragraph_runs(paragraph: Paragraph) -> list[Run]:
    runs = [Run(r, paragraph) for r in visible_runs(paragraph._p)]
    return runs if runs else [paragraph.add_run("")]


def _exact(text: str, f: Finding) -> tuple[int, int] | None:
    """The finding's span in `text` when it covers characters: document-level findings (an
    insertion point, no span) have none."""
    start, end = clamp_span(text, f.span)
    return (start, end) if text[start:end].strip() else None


def _cuts(text: str, findings: list[Finding]) -> set[int]:
    return {offset for f in findings if (span := _exact(text, f)) for offset in span}


def _annotate_word_file(doc_result: DocumentResult, source_path: str, lang: str,
                        data: bytes | None = None) -> WordDocument:
    try:
        document = docx.Document(io.BytesIO(data) if data is not None else source_path)
    except Exception as exc:  # python-docx raises several unrelated types for a damaged package
        raise InputError(source_path, f"无法读取 Word 文件：{exc}") from exc
    paragraphs = numbered_paragraphs(document)
    if not paragraphs:
        paragraphs = [document.add_paragraph()]
    runs_of = RunMap(document)
    text = runs_of.text if doc_result.text == runs_of.text else ""  # else: anchor by paragraph only
    runs_of.split(_cuts(text, doc_result.findings))
    for f in doc_result.findings:
        span = _exact(text, f)
        covered = runs_of.covering(*span) if span else None
        if covered:
            runs = [Run(r, paragraphs[0]) for r in covered]
        else:
            index = (f.location.paragraph or f.location.line or 1) - 1
            runs = _paragraph_runs(paragraphs[index] if 0 <= index < len(paragraphs) else paragraphs[0])
        _add_comment(document, runs, f, lang)
    return document


def _line_of_finding(doc_result: DocumentResult, f: Finding, text: str, is_pdf: bool) -> int:
    """0-based line of `text` to anchor on: by line for plain text, by evidence for pdf."""
    if is_pdf and f.evidence:
        found = text.find(f.evidence)
        if found < 0:
            found = text.find(f.evidence.split("\n", 1)[0])
        if found >= 0:
            return position(text, found)[0] - 1
    if not is_pdf and f.location.line:
        return f.location.line - 1
    start, _ = clamp_span(text, f.span)
    return position(text, start, line_starts(text))[0] - 1


def _render_text_file(doc_result: DocumentResult, source_path: str, lang: str) -> WordDocument:
    text = doc_result.text
    if text is None:
        raise InputError(source_path, "没有可用的原文，无法生成批注文件")
    rendered = render_text(text, doc_result.title, _cuts(text, doc_result.findings))
    line_runs = list(rendered.line_runs.values())
    is_pdf = doc_result.media_type == "application/pdf" or source_path.lower().endswith(".pdf")
    for f in doc_result.findings:
        span = _exact(text, f)
        runs = rendered.runs_covering(*span) if span else []
        if not runs:
            index = _line_of_finding(doc_result, f, text, is_pdf)
            runs = _nearest_runs(line_runs, index if 0 <= index < len(line_runs) else 0, rendered)
        _add_comment(rendered.document, runs, f, lang)
    return rendered.document


def _nearest_runs(line_runs: list[list[Run]], index: int, rendered) -> list[Run]:
    """The runs of line `index`, or of the nearest line above (then below) that has text."""
    for i in [*range(index, -1, -1), *range(index + 1, len(line_runs))]:
        if any(run.text.strip() for run in line_runs[i]):
            return line_runs[i]
    return [rendered.document.paragraphs[0].add_run("")]


def _annotated(doc_result: DocumentResult, source_path: str, lang: str,
               data: bytes | None = None) -> WordDocument:
    is_word = doc_result.media_type == DOCX_MEDIA_TYPE or source_path.lower().endswith(".docx")
    if is_word:
        return _annotate_word_file(doc_result, source_path, lang, data)
    return _render_text_file(doc_result, source_path, lang)


def annotated_bytes(doc_result: DocumentResult, name: str, data: bytes, *, lang: str = "zh") -> bytes:
    """The annotated copy of a document held in memory (`data`, named `name`), never touching disk."""
    buffer = io.BytesIO()
    _annotated(doc_result, name, lang, data).save(buffer)
    return buffer.getvalue()


def annotate_docx(doc_result: DocumentResult, source_path: str, out_dir: str, *, lang: str = "zh") -> str:
    """Write `<stem>.lawgov-check.docx` into `out_dir` and return its path; the source is only read."""
    target = output_path(source_path, out_dir)
    if target.resolve() == Path(source_path).resolve():
        raise InputError(source_path, "批注文件不能覆盖原文件")
    document = _annotated(doc_result, source_path, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return str(target)
