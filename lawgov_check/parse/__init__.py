"""Parse normalized text into a Document. (Temporary stub: one paragraph node per line.)"""

from __future__ import annotations

from ..model import Document, Node, NormalizedText


def parse(norm: NormalizedText) -> Document:
    root = Node("document", 0, len(norm.text), "")
    start = 0
    for line in norm.text.split("\n"):
        if line.strip():
            root.children.append(Node("paragraph", start, start + len(line), line))
        start += len(line) + 1
    return Document(norm=norm, root=root)
