"""Sentence and clause boundaries, found once per text and looked up by bisection."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .types import FactContext

SENTENCE_END = "。;；!！?？\n"
CLAUSE_END = SENTENCE_END + ",，"
_SENTENCE_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")


@dataclass
class Boundaries:
    """Positions of sentence and clause terminators in a text."""

    text_length: int
    sentence_ends: list[int]
    clause_ends: list[int]

    @staticmethod
    def of(text: str) -> "Boundaries":
        """The boundaries of `text`. The facts and the rules ask for the same document's several
        times, so those of the last two long texts are kept (never changed once found); a short
        text (a title, a sentence) is scanned again, which costs less than keeping it."""
        return _scan(text) if len(text) < _KEPT_FROM else _scan_kept(text)

    @staticmethod
    def _span(ends: list[int], length: int, offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(ends, offset)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] if i < len(ends) else length
        return start, end

    def sentence(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `offset`; the terminator is not included."""
        return self._span(self.sentence_ends, self.text_length, offset)

    def clause(self, offset: int) -> tuple[int, int]:
        return self._span(self.clause_ends, self.text_length, offset)


_KEPT_FROM = 1000  # characters


def _scan(text: str) -> Boundaries:
    return Boundaries(
        len(text),
        [m.start() for m in _SENTENCE_RE.finditer(text)],
        [m.start() for m in _CLAUSE_RE.finditer(text)],
    )


_scan_kept = lru_cache(maxsize=2)(_scan)


def boundaries(text: str, context: FactContext) -> Boundaries:
    return Boundaries.of(text)
