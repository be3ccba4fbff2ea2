"""Resource limits for reading one input."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds that keep a hostile or accidental input from exhausting memory or time."""

    max_bytes: int = 100 * MB  # size of the file as stored
    max_pages: int = 2000  # pages of a PDF
    max_inflated: int = 200 * MB  # total uncompressed size of a .docx package
    max_compression_ratio: int = 1000  # one .docx member inflating more than this is a zip bomb


DEFAULT_LIMITS = Limits()

# No paragraph of a document comes near this (about 500 pages of Chinese); a line this long is
# data or a joined dump, and parsing it would cost seconds and gigabytes per 10 MB.
MAX_LINE_CHARS = 1_000_000


def describe_size(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"
