"""Run the Lark grammar and return the document's lines, each with its kind and span."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

import lark
from lark import Lark

from ..resources import data_dir
from ..user_cache import private_file, read_private, write_private


@dataclass(slots=True)
class Line:
    kind: str  # grammar rule name: paragraph, heading1, metadata_line, …, or "chrome" / "blank"
    start: int  # offsets in the normalized text
    end: int
    text: str


@cache
def _parser() -> Lark:
    """The compiled grammar. Its LALR tables are kept in the user cache directory, so a cold
    process loads them (about 2 ms) instead of analysing the grammar again (about 25 ms). The
    file is a pickle, so it is read only when it is ours and no one else can write it (see
    `user_cache.read_private`); it is named by the hash of the grammar and the Lark version."""
    grammar = (data_dir("grammar") / "document.lark").read_text(encoding="utf-8")
    key = hashlib.sha256(f"{lark.__version__}\0{grammar}".encode("utf-8")).hexdigest()[:24]
    cache_file = private_file(f"grammar-{key}.pickle")
    if cache_file is not None:
        loaded = read_private(cache_file, Lark.load)
        if isinstance(loaded, Lark):
            return loaded
    parser = Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False)
    if cache_file is not None:
        write_private(cache_file, parser.save)
    return parser


def grammar_lines(text: str) -> list[Line]:
    """Every non-blank line of `text` with the kind the grammar gives it, in order."""
    tree = _parser().parse(text)
    lines = []
    for child in tree.children:
        token = child.children[0]
        lines.append(Line(child.data, token.start_pos, token.end_pos, str(token)))
    return lines


def mark_chrome(lines: list[Line], chrome_spans: list[tuple[int, int]]) -> None:
    """Relabel as chrome the lines that are mostly web-page furniture (per the normalizer)."""
    if not chrome_spans:
        return
    spans = sorted(chrome_spans)
    i = 0
    for line in lines:
        while i < len(spans) and spans[i][1] <= line.start:
            i += 1
        covered = 0
        j = i
        while j < len(spans) and spans[j][0] < line.end:
            covered += min(spans[j][1], line.end) - max(spans[j][0], line.start)
            j += 1
        content = len(line.text.strip())
        if content and covered * 10 >= content * 6 and line.kind in ("paragraph", "colon_line", "date_line"):
            line.kind = "chrome"
