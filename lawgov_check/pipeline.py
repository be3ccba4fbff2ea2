"""The one-way pipeline: path or text → Source → NormalizedText → Document."""

from __future__ import annotations

from .ingest import load
from .ingest.normalize import normalize
from .model import Document, Source
from .parse import parse


def document_from_source(source: Source) -> Document:
    return parse(normalize(source))


def load_document(path: str, **limits: int) -> Document:
    """Read, normalize and parse one file (`-` reads stdin). Raises InputError."""
    return document_from_source(load(path, **limits))


def document_from_text(text: str, path: str = "<text>") -> Document:
    return document_from_source(Source.from_plain_text(path, text))
