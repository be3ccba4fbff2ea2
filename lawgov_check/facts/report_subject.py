"""Who an annual report is about: the organ its title names, else its signature, else its opening.

The web page's publisher (发布机构, the identity's `issuer`) is not this organ: departments publish
their government's report, and a government office publishes the county's. One fact at most:
`value` the organ as written, `attrs.organ` the organ without a trailing parenthesis (县司法局（县行政复议局）
→ 县司法局), `attrs.source` where it was read (title, signature, opening).
"""

from __future__ import annotations

import re
from typing import Any

import regex

from ..model import Document
from .types import Fact

_IN_TITLE = regex.compile(r"^(?:关于)?(?P<e>[\p{Han}()（）]{2,30}?)(?:关于|(?:19|20)\d{2}\s*年|法治政府|依法行政)")
_IN_OPENING = regex.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]?\s*(?:我|全)?"
                            r"(?P<e>[\p{Han}]{2,20}?(?:人民政府|局|委员会|厅|办公室|县|区|市|州|旗))")
_TRAILING_PAREN = re.compile(r"[(（][^()（）]*[)）]$")


def _fact(doc: Document, node: Any, name: str, source: str) -> Fact:
    """The organ's fact, spanning where the node's text writes it (else the whole node: a title
    split over lines is joined in the node's text)."""
    start = doc.text.find(name, node.start, node.end)
    start, end = (start, start + len(name)) if start >= 0 else (node.start, node.end)
    return Fact("report_subject", start, end, doc.text[start:end], name,
                {"organ": _TRAILING_PAREN.sub("", name.strip()), "source": source})


def extract_report_subject(doc: Document) -> list[Fact]:
    title = next((n for n in doc.root.walk() if n.kind == "title" and not n.attrs.get("embedded")), None)
    if title is not None:
        match = _IN_TITLE.match(title.text.strip())
        return [_fact(doc, title, match.group("e"), "title")] if match else []
    for node in doc.root.walk():
        if node.kind == "signature_organ" and node.text.strip():
            return [_fact(doc, node, node.text.strip(), "signature")]
    for node in doc.root.walk():
        if node.kind == "paragraph":
            match = _IN_OPENING.match(node.text)
            return [_fact(doc, node, match.group("e"), "opening")] if match else []
    return []
