"""Ingest: turn a file (txt, docx or pdf) into a Source with a map back to original positions."""

from __future__ import annotations

from ..model import Source
from .limits import DEFAULT_LIMITS, Limits
from .reading import STDIN_PATH, read_input
from .sniff import sniff_format

__all__ = ["load", "Limits", "DEFAULT_LIMITS", "STDIN_PATH"]


def load(
    path: str,
    *,
    data: bytes | None = None,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    max_pages: int = DEFAULT_LIMITS.max_pages,
    max_inflated: int = DEFAULT_LIMITS.max_inflated,
    **_ignored: object,
) -> Source:
    """Read one input into a Source. Raises InputError (path and a one-line cause) if it cannot.

    `path` "-" reads standard input; with `data`, those bytes are read and `path` only names them.
    """
    limits = Limits(max_bytes=max_bytes, max_pages=max_pages, max_inflated=max_inflated)
    raw = read_input(path, data, limits)
    kind = sniff_format(path, raw)
    if kind == "pdf":
        from .pdf import load_pdf

        return load_pdf(path, raw, limits)
    if kind == "docx":
        from .docx import load_docx

        return load_docx(path, raw, limits)
    from .txt import load_text

    return load_text(path, raw)
