"""Parse normalized text into a Document: grammar → header scan → tree → identity."""

from __future__ import annotations

from ..identify import identify, scan_header
from ..model import Document, Node, NormalizedText
from .builder import TreeBuilder
from .lines import grammar_lines, mark_chrome


def parse(norm: NormalizedText, *, doc_type: str | None = None) -> Document:
    """`doc_type` is the type a user stated; the recognised one is used otherwise."""
    lines = grammar_lines(norm.text)
    mark_chrome(lines, norm.chrome_spans)
    plan = scan_header(norm, lines)
    builder = TreeBuilder(norm, lines, plan)
    root = builder.build()
    identity = identify(norm, plan, root, builder.headings, builder.metadata,
                        [line.text for line in lines], [norm.locate(line.start).line for line in lines])
    if doc_type:
        identity.with_type(doc_type)
    _settle_title_nodes(root, identity.title_candidate)
    return Document(
        norm=norm,
        root=root,
        identity=identity,
        metadata=builder.metadata,
        headings=builder.headings,
        warnings=list(norm.source.warnings) + list(norm.warnings),
    )


def _settle_title_nodes(root: Node, chosen: int | None) -> None:
    """Of the header's title candidates, the chosen one stays the title; a repeat of it (the page's
    heading above the document's own) is page furniture; anything else is a plain paragraph."""
    title = next((n for n in root.children if n.attrs.get("candidate") == chosen), None) if chosen is not None else None
    for node in root.children:
        if node.kind != "title" or "candidate" not in node.attrs or node is title:
            continue
        repeat = title is not None and (node.text in title.text or title.text in node.text)
        node.kind = "chrome" if repeat else "paragraph"
        node.attrs = {"header": "repeated_title" if repeat else "title_line"}
    if title is not None:
        title.attrs.pop("candidate", None)
