"""Normalize a Source for matching. (Temporary stub: identity.)"""

from __future__ import annotations

from ..model import NormalizedText, Source


def normalize(source: Source) -> NormalizedText:
    return NormalizedText(source, source.text, list(range(len(source.text) + 1)))
