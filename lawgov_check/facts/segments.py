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
        times, so the last few texts' are kept (they are never changed after they are found)."""
        return _boundaries_of(text)

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


@lru_cache(maxsize=8)
def _boundaries_of(text: str) -> Boundaries:
    return Boundaries(
        len(text),
        [m.start() for m in _SENTENCE_RE.finditer(text)],
        [m.start() for m in _CLAUSE_RE.finditer(text)],
    )


def boundaries(text: str, context: FactContext) -> Boundaries:
    return Boundaries.of(text)
