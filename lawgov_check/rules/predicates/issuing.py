"""Who issues a document and how it is numbered: the 发文字号 and the issuing organ, both read from
the document's identity (`doc.doc_number`, `doc.issuer`), never re-derived here."""

from __future__ import annotations

from typing import Any, Iterator

from ...facts.doc_numbers import find_doc_numbers
from ..context import CheckContext
from ..hits import Hit
from ..kinds._common import title_span
from . import predicate


@predicate("nd.doc-number")
def doc_number(ctx: CheckContext) -> Iterator[Hit]:
    """The document has no 发文字号 (variant `missing`), or one without organ code, year, serial and
    号 (variant `incomplete`, the number quoted as `number`)."""
    doc = ctx.doc
    number = (doc.doc_number or "").strip()
    if not number:
        yield Hit(*title_span(doc), variant="missing")
    elif not find_doc_numbers(number, ("doc_number",)):
        node = next((n for n in ctx.nodes() if n.kind == "doc_number"), None)
        span = (node.start, node.end) if node else title_span(doc)
        yield Hit(*span, {"number": number}, variant="incomplete")


def _organ_spans(ctx: CheckContext) -> Iterator[tuple[int, int, str]]:
    """Each organ of the issuer, located in the signature, else the title, else anywhere."""
    places = [n for n in ctx.nodes() if n.kind == "signature_organ"] or \
        [n for n in ctx.nodes() if n.kind == "title"][:1]
    for name in (ctx.doc.issuer or "").split():
        where = next(((n.start, n.end) for n in places if name in ctx.doc.text[n.start:n.end]), (0, len(ctx.doc.text)))
        offset = ctx.doc.text.find(name, *where)
        if offset >= 0:
            yield offset, offset + len(name), name


@predicate("nd.internal-division")
def internal_division(ctx: CheckContext, divisions: Any, not_divisions: Any) -> Iterator[Hit]:
    """The issuer is an internal division of a department: its name ends in one of `divisions`
    (a pattern with the groups `organ` and `division`) and not in one of `not_divisions`."""
    for start, end, name in _organ_spans(ctx):
        if ctx.phrase_pattern(not_divisions).search(name):
            continue
        found = ctx.phrase_pattern(divisions).search(name)
        if found and found.group("division"):
            yield Hit(start, end, {"organ": name, "division": found.group("division")})
