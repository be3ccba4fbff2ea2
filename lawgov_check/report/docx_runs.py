"""Runs of an existing Word file behind each character of its extracted text, and cutting a run in
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
# Where each character of the text came from: (run element, offset in the run's text) or None.
Origin = tuple[etree._Element, int] | None


def text_origins(document: WordDocument) -> tuple[str, list[Origin]]:
    """The text the docx reader extracts from `document`, and the origin of each character."""
    texts: list[str] = []
    origins: list[Origin] = []
    for i, pieces in enumerate(document_pieces(document)):
        if i:
            texts.append("\n")
            origins.append(None)
        for text, run, offset in pieces:
            texts.append(text)
            origins += [None] * len(text) if run is None else [(run, offset + k) for k in range(len(text))]
    return "".join(texts), origins


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


def _run_length(run: etree._Element) -> int:
    return sum(len(text) for _, text in run_texts(run))


def split_runs(origins: list[Origin], cuts: Iterable[int]) -> list[Origin]:
    """Cut runs at each text offset in `cuts` that falls inside a run; return the origins anew,
    pointing at the parts."""
    points: dict[etree._Element, set[int]] = defaultdict(set)
    for cut in cuts:
        if 0 < cut < len(origins) and origins[cut] is not None and origins[cut - 1] is not None:
            run, offset = origins[cut]
            if origins[cut - 1][0] is run and offset > 0:
                points[run].add(offset)
    parts: dict[etree._Element, tuple[list[int], list[etree._Element]]] = {}
    for run, offsets in points.items():
        bounds = [0, *sorted(offsets), _run_length(run)]
        pieces = [run] + [copy.deepcopy(run) for _ in bounds[2:]]
        for i, piece in enumerate(pieces):
            _keep(piece, bounds[i], bounds[i + 1], last=i == len(pieces) - 1)
        for previous, piece in zip(pieces, pieces[1:]):
            previous.addnext(piece)
        parts[run] = (bounds, pieces)
    if not parts:
        return origins
    updated: list[Origin] = []
    for origin in origins:
        if origin is None or origin[0] not in parts:
            updated.append(origin)
            continue
        run, offset = origin
        bounds, pieces = parts[run]
        i = min(bisect.bisect_right(bounds, offset), len(pieces)) - 1
        updated.append((pieces[i], offset - bounds[i]))
    return updated
