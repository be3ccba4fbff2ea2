"""Parse normalized text into a Document: grammar → tree → classification."""

from __future__ import annotations

import re

from ..model import Document, NormalizedText
from .builder import TreeBuilder
from .classify import (body_opening, classify_type, document_date, issuer_of, jurisdiction_of,
                       report_year)
from .lines import grammar_lines, mark_chrome


_NUMBER_IN_TITLE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,16}[〔\[(【][0-9]{2,4}[〕\])】]第?[0-9]{1,5}号")


def _number_in_title(title: str) -> str | None:
    """Scraped pages often keep the 发文字号 only in the title: 关于…的通知(浙政办发〔2020〕5号)."""
    match = _NUMBER_IN_TITLE.search(title)
    return match.group(0) if match else None


def parse(norm: NormalizedText) -> Document:
    lines = grammar_lines(norm.text)
    mark_chrome(lines, norm.chrome_spans)
    builder = TreeBuilder(norm, lines)
    root = builder.build()

    title_node = next((n for n in root.children if n.kind == "title" and not n.attrs.get("embedded")), None)
    title = title_node.text if title_node else ""
    number_node = next((n for n in root.walk() if n.kind == "doc_number"), None)
    opening = body_opening(root)
    metadata = builder.metadata
    doc_type = classify_type(title, metadata, builder.headings, norm.text, opening)
    date = document_date(root, metadata)
    if doc_type == "annual_report":
        year = report_year(title, builder.headings, opening, date)
    else:
        year = date.year if date else None
    issuer = issuer_of(root, metadata, title)
    doc_number = number_node.text if number_node else (
        metadata.get("文号") or metadata.get("发文字号") or _number_in_title(title))
    return Document(
        norm=norm,
        root=root,
        doc_type=doc_type,
        year=year,
        date=date,
        title=title or None,
        doc_number=doc_number or None,
        issuer=issuer,
        jurisdiction=jurisdiction_of(metadata, issuer, title, opening, norm.text),
        metadata=metadata,
        headings=builder.headings,
        warnings=list(norm.source.warnings) + list(norm.warnings),
    )
