"""Citations of documents by title: `《title》(number)`, `《title》`, and `number《title》`."""

from __future__ import annotations

import re

from .doc_numbers import extract_doc_numbers
from .types import Fact, FactContext

_QUOTES = re.compile(r"[《》\n]")
_OPEN_PAREN = re.compile(r"[ \u3000]{0,2}[(（][ \u3000]{0,2}")
_CLOSE_PAREN = re.compile(r"[ \u3000]{0,2}[)）]")
MAX_TITLE = 200


def _titles(text: str) -> list[tuple[int, int, list[str]]]:
    """Outermost 《…》 spans (start, end, inner titles), nesting-aware; a newline resets."""
    out: list[tuple[int, int, list[str]]] = []
    stack: list[int] = []
    inner: list[str] = []
    for m in _QUOTES.finditer(text):
        ch, pos = m.group(0), m.start()
        if ch == "\n":
            stack.clear()
            inner = []
        elif ch == "《":
            if stack and pos - stack[0] > MAX_TITLE:
                stack.clear()
                inner = []
            stack.append(pos)
        elif stack:
            open_pos = stack.pop()
            if stack:
                inner.append(text[open_pos + 1:pos])
            else:
                if pos - open_pos - 1 <= MAX_TITLE and pos > open_pos + 1:
                    out.append((open_pos, pos + 1, inner))
                inner = []
    return out


def extract_citations(text: str, context: FactContext, doc_numbers: list[Fact] | None = None) -> list[Fact]:
    if doc_numbers is None:
        doc_numbers = extract_doc_numbers(text, context)
    by_start = {f.start: f for f in doc_numbers}
    by_end = {f.end: f for f in doc_numbers}
    out: list[Fact] = []
    for open_pos, close_end, inner in _titles(text):
        title = text[open_pos + 1:close_end - 1]
        start, end = open_pos, close_end
        number: Fact | None = None
        number_first = False
        paren = _OPEN_PAREN.match(text, close_end)
        if paren and paren.end() in by_start:
            candidate = by_start[paren.end()]
            closing = _CLOSE_PAREN.match(text, candidate.end)
            if closing:
                number, end = candidate, closing.end()
        if number is None:
            gap_start = open_pos
            while gap_start > 0 and text[gap_start - 1] in " \u3000":
                gap_start -= 1
            if gap_start in by_end and open_pos - gap_start <= 2:
                number, number_first = by_end[gap_start], True
                start = number.start
        attrs = {"inner_titles": inner, "number_span": number.span if number else None,
                 "number_kind": number.attrs.get("kind") if number else None}
        out.append(Fact("citation", start, end, text[start:end],
                        {"title": title, "number": number.value["raw"] if number else None,
                         "number_first": number_first}, attrs))
    return out
