"""Ingest: turn a file (txt, docx or pdf) into a Source with a map back to original positions."""

from __future__ import annotations

from ..model import InputError, Source
from ..textsafe import repair_surrogates, surrogate_warning
from .limits import DEFAULT_LIMITS, MAX_LINE_CHARS, Limits
from .reading import STDIN_PATH, read_input
from .sniff import sniff_format

__all__ = ["load", "valid_text", "Limits", "DEFAULT_LIMITS", "STDIN_PATH"]


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

        source = load_pdf(path, raw, limits)
    elif kind == "docx":
        from .docx import load_docx

        source = load_docx(path, raw, limits)
    else:
        from .txt import load_text

        source = load_text(path, raw)
    return valid_text(source)


def valid_text(source: Source) -> Source:
    """The source with lone surrogates (from a PDF ToUnicode map, say) replaced, and a warning;
    InputError for a line longer than MAX_LINE_CHARS."""
    longest = _longest_line(source.text)
    if longest > MAX_LINE_CHARS:
        raise InputError(source.path, f"有一行长达 {longest} 个字符（上限 {MAX_LINE_CHARS}），不像是文档 "
                                      f"(a line of {longest} characters; not a document)")
    source.text, count = repair_surrogates(source.text)
    if count:
        source.warnings.append(surrogate_warning(count))
    return source


def _longest_line(text: str) -> int:
    if len(text) <= MAX_LINE_CHARS:
        return len(text)
    longest = start = 0
    while True:
        end = text.find("\n", start)
        longest = max(longest, (len(text) if end < 0 else end) - start)
        if end < 0:
            return longest
        start = end + 1
