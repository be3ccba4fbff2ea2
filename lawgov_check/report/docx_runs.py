"""Runs of an existing Word file behind the characters of its extracted text, and cutting a run in
two at a character while both halves keep its formatting."""

from __future__ import annotations

import bisect
import copy
from collections import defaultdict
from typing import Iterable

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from ..ingest.docx import document_pieces, run_texts

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _keep(run: etree._Element, lo: int, hi: int, last: bool) -> None:
    """Trim `run` to the characters [lo, hi) of its text; zero-width children stay with the part
    they stand in (the last part keeps those at the very end)."""
    position = 0
    for item, text in list(run_texts(run)):
        if item.tag == qn("w:rPr"):
            continue
        if not text:
            if not (lo <= position < hi or (last and position == hi)):
                run.remove(item)
            continue
        a, b = max(lo, position), min(hi, position + len(text))
        if a >= b:
            run.remove(item)
        elif item.tag == qn("w:t"):
            item.text = text[a - position: b - position]
            item.set(XML_SPACE, "preserve")
        position += len(text)


class RunMap:
    """The text the docx reader extracts from a document, and for each stretch of it the run it
    came from. Kept per piece (a run's text, tab or break), not per character."""

    def __init__(self, document: WordDocument) -> None:
        texts: list[str] = []
        self.starts: list[int] = []  # text offset of each piece that a run holds
        self.runs: list[etree._Element] = []
        self.offsets: list[int] = []  # … and where in its run the piece begins
        self.lengths: list[int] = []
        position = 0
        for i, pieces in enumerate(document_pieces(document)):
            if i:
                texts.append("\n")
                position += 1
            for text, run, offset, _ in pieces:
                if run is not None and text:
                    self.starts.append(position)
                    self.runs.append(run)
                    self.offsets.append(offset)
                    self.lengths.append(len(text))
                texts.append(text)
                position += len(text)
        self.text = "".join(texts)
        # a run cut in parts: its part boundaries (offsets in the original run) and the parts
        self.parts: dict[etree._Element, tuple[list[int], list[etree._Element]]] = {}

    def _origin(self, position: int) -> tuple[etree._Element, int] | None:
        """The original run and offset in it of the character at `position`, if a run holds it."""
        i = bisect.bisect_right(self.starts, position) - 1
        if i < 0 or position >= self.starts[i] + self.lengths[i]:
            return None
        return self.runs[i], self.offsets[i] + position - self.starts[i]

    def _part(self, origin: tuple[etree._Element, int]) -> etree._Element:
        run, offset = origin
        if run not in self.parts:
            return run
        bounds, parts = self.parts[run]
        return parts[min(bisect.bisect_right(bounds, offset), len(parts)) - 1]

    def split(self, cuts: Iterable[int]) -> None:
        """Cut runs at each text offset in `cuts` that falls inside a run (once, before anchoring)."""
        points: dict[etree._Element, set[int]] = defaultdict(set)
        for cut in cuts:
            here, before = self._origin(cut), self._origin(cut - 1) if cut > 0 else None
            if here and before and here[0] is before[0] and here[1] > 0:
                points[here[0]].add(here[1])
        for run, offsets in points.items():
            bounds = [0, *sorted(offsets), sum(len(text) for _, text in run_texts(run))]
            parts = [run] + [copy.deepcopy(run) for _ in bounds[2:]]
            for i, part in enumerate(parts):
                _keep(part, bounds[i], bounds[i + 1], last=i == len(parts) - 1)
            for previous, part in zip(parts, parts[1:]):
                previous.addnext(part)
            self.parts[run] = (bounds[:-1], parts)

    def covering(self, start: int, end: int) -> tuple[etree._Element, etree._Element] | None:
        """The first and the last run (part) holding characters of [start, end)."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        found = []
        while i < len(self.starts) and self.starts[i] < end:
            lo, hi = max(start, self.starts[i]), min(end, self.starts[i] + self.lengths[i])
            if lo < hi:
                found.append((self._origin(lo), self._origin(hi - 1)))
            i += 1
        if not found:
            return None
        return self._part(found[0][0]), self._part(found[-1][1])
