"""Documents for the facts tests (kept out of conftest.py so the name cannot clash)."""

from __future__ import annotations

import datetime as dt

from lawgov_check.model import Document, NormalizedText, Source
from lawgov_check.parse import parse
from lawgov_check.pipeline import document_from_text


def make_document(text: str, *, year: int | None = None, date: dt.date | None = None) -> Document:
    doc = document_from_text(text)
    doc.identity.state(year=year, date=date)
    return doc


def folded_document(original: str) -> Document:
    """A document whose normalized text folds full-width ( ) : , ; to half-width, as the
    normalizer does, keeping a one-to-one offset map back to the original."""
    table = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "［": "[", "］": "]"})
    source = Source.from_plain_text("<folded>", original)
    norm = NormalizedText(source, original.translate(table), list(range(len(original) + 1)))
    doc = parse(norm)
    doc.identity.state(year=None, date=None)
    return doc
