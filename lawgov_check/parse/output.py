"""What `lawgov-check parse` prints: the classification and the tree, as text or JSON."""

from __future__ import annotations

from typing import Any

from ..model import Document, Node

_SHOWN_TEXT = 60


def render_facts(doc: Document) -> str:
    """The facts stage as text: one line per fact, by family, with its line and value."""
    lines = ["事实 (facts):"]
    for family, facts in doc.facts.to_dict().items():
        lines.append(f"  {family} ({len(facts)})")
        for fact in facts:
            value = fact["value"]
            shown = "" if value == fact["text"] else f" → {value}"
            extra = " ".join(f"{k}={v}" for k, v in fact["attrs"].items() if v not in (None, "", [], {}))
            lines.append(f"    第{doc.locate(fact['start']).line}行 “{_one_line(fact['text'])}”{shown}"
                         + (f"  [{extra}]" if extra else ""))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "…"


def render_json(doc: Document, *, with_tree: bool = True, with_facts: bool = False) -> dict[str, Any]:
    source = doc.source
    result: dict[str, Any] = {
        "path": source.path,
        "media_type": source.media_type,
        "encoding": source.encoding,
        "doc_type": doc.doc_type,
        "subtype": doc.subtype,
        "year": doc.year,
        "title": doc.identity.title.shown,
        "doc_number": doc.identity.doc_number.shown,
        "issuer": doc.issuer,
        "date": doc.date.isoformat() if doc.date else None,
        "jurisdiction": doc.jurisdiction.to_dict(),
        "metadata": doc.metadata,
        "outline": [
            {"level": h.level, "marker": h.marker, "text": h.text, "line": h.line, "path": h.path,
             **_page_or_paragraph(doc, h.start)}
            for h in doc.headings
        ],
        "warnings": doc.warnings + doc.identity.notes,
        "identity": doc.identity.to_dict(),
    }
    if with_tree:
        result["tree"] = doc.root.to_dict()
    if with_facts:
        result["facts"] = doc.facts.to_dict()
    return result


def _page_or_paragraph(doc: Document, offset: int) -> dict[str, int]:
    location = doc.locate(offset)
    extra = {}
    if location.page is not None:
        extra["page"] = location.page
    if location.paragraph is not None:
        extra["paragraph"] = location.paragraph
    return extra


def render_tree(doc: Document, *, evidence: bool = True) -> str:
    j = doc.jurisdiction
    place = " / ".join(j.names()) or "—"
    lines = [
        f"文件: {doc.source.path}  ({doc.source.media_type}" + (f", {doc.source.encoding}" if doc.source.encoding else "") + ")",
        f"类型: {doc.doc_type}" + (f" / {doc.subtype}" if doc.subtype else "")
        + f" ({doc.identity.doc_type.confidence:.0%})   年度: {doc.year or '—'}   日期: {doc.date.isoformat() if doc.date else '—'}",
        f"标题: {doc.identity.title.shown or '—'}",
        f"文号: {doc.identity.doc_number.shown or '—'}   发文机关: {doc.issuer or '—'}   地区: {place}",
    ]
    for warning in doc.warnings + doc.identity.notes:
        lines.append(f"警告: {warning}")
    if evidence:
        lines.append("依据 (evidence):")
        for name, decision in vars(doc.identity).items():
            if hasattr(decision, "evidence"):
                for e in decision.evidence:
                    where = f" 第{e.line}行" if e.line else ""
                    lines.append(f"  {name:<10} {e.source}{where}: {e.cue}" + (f" “{e.text}”" if e.text else ""))
    lines.append("")
    for child in doc.root.children:
        _tree_lines(doc, child, 0, lines)
    return "\n".join(lines)


def _tree_lines(doc: Document, node: Node, depth: int, out: list[str]) -> None:
    location = doc.locate(node.start)
    line = f"{location.page}:{location.line}" if location.page is not None else location.line
    text = node.text if len(node.text) <= _SHOWN_TEXT else node.text[:_SHOWN_TEXT] + "…"
    label = node.kind
    if node.kind == "heading":
        label = f"heading L{node.attrs['level']}"
    out.append(f"{'  ' * depth}{label:<16} {line:>5}  {text}")
    for child in node.children:
        if child.kind == "metadata_field":
            out.append(f"{'  ' * (depth + 1)}{'field':<16} {'':>5}  {child.attrs['key']}: {child.attrs['value']}")
        elif child.kind == "paragraph" and node.kind == "heading":
            continue
        else:
            _tree_lines(doc, child, depth + 1, out)
