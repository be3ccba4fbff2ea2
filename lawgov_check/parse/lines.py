"""The document's lines, each with the kind the Lark grammar gives it, and its span.

The grammar (grammar/document.lark) is the one description of line kinds. Every line is one token
of Lark's basic lexer, so running the LALR parser over them adds nothing but time: the lines are
read with the lexer's own combined expression (the grammar's terminals in Lark's priority order,
compiled once), which yields the same tokens as Lark. That classifier is derived from the Lark
object and checked for the one-token-per-line shape; when the shape does not hold, or the scan
meets anything Lark's lexer would not produce, the text goes through Lark itself. The tests
compare both on many texts (tests/parse/test_line_classifier.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from ..resources import data_dir
from ..user_cache import private_file, read_private, write_private

if TYPE_CHECKING:
    from lark import Lark


@dataclass(slots=True)
class Line:
    kind: str  # grammar rule name: paragraph, heading1, metadata_line, …, or "chrome" / "blank"
    start: int  # offsets in the normalized text
    end: int
    text: str


@dataclass(frozen=True)
class LineClassifier:
    """The lexer's combined expression and, per terminal, the kind of line it makes (None: no line)."""

    pattern: re.Pattern[str]
    kinds: dict[str, str | None]

    def lines(self, text: str) -> list[Line] | None:
        """The lines, or None when the tokens would not be Lark's (a gap or an unknown token)."""
        kinds = self.kinds
        out: list[Line] = []
        append = out.append
        pos = 0
        for m in self.pattern.finditer(text):
            start, end = m.span()
            if start != pos:
                return None  # Lark's lexer stops with an error where nothing matches
            pos = end
            kind = kinds.get(m.lastgroup, "")
            if kind:
                append(Line(kind, start, end, m.group()))
            elif kind == "":
                return None
        return out if pos == len(text) else None


def _grammar() -> str:
    return (data_dir("grammar") / "document.lark").read_text(encoding="utf-8")


def _lark_marker() -> str:
    """Lark's version, read without importing Lark (its `__init__.py` names it)."""
    spec = find_spec("lark")
    try:
        with open(spec.origin, "rb") as fh:  # type: ignore[union-attr, arg-type]
            return hashlib.sha256(fh.read()).hexdigest()
    except (OSError, TypeError, AttributeError):
        return "unknown"


@cache
def _parser() -> "Lark":
    """The compiled grammar. Its LALR tables are kept in the user cache directory, so a cold
    process loads them (about 2 ms) instead of analysing the grammar again (about 25 ms). The
    file is a pickle, so it is read only when it is ours and no one else can write it (see
    `user_cache.read_private`); it is named by the hash of the grammar and the Lark version."""
    import lark
    from lark import Lark

    grammar = _grammar()
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


def derive_classifier(parser: "Lark") -> tuple[str, dict[str, str | None]] | None:
    """The combined expression and the kind per terminal, when every line is one token.

    The expression is built as Lark's `Scanner` builds it, from the basic lexer's terminals in the
    order the lexer tries them. Kinds: a terminal that a rule `name: TERMINAL` wraps makes a line
    of that kind; a filtered terminal (`_NL`, `_BLANK`) makes none. Any other shape: None.
    """
    lexer = getattr(getattr(parser, "parser", None), "lexer", None)
    terminals = getattr(lexer, "terminals", None)
    if parser.options.lexer != "basic" or parser.options.regex or not terminals:
        return None
    lexer.scanner  # builds the lexer's callbacks: with any (keyword-like terminals) it is not one regex
    if lexer.callback or lexer.ignore_types or parser.lexer_conf.g_regex_flags or parser.options.keep_all_tokens:
        return None
    wrapping: dict[str, str] = {}
    for rule in parser.rules:
        symbols = [s.name for s in rule.expansion]
        for name in symbols:
            if name.isupper() and not name.startswith("_"):
                if len(symbols) != 1 or rule.origin.name.startswith("_") or name in wrapping:
                    return None  # a kept token elsewhere than alone in a named rule
                wrapping[name] = rule.origin.name
    kinds: dict[str, str | None] = {}
    for terminal in terminals:
        if terminal.name.startswith("_"):
            kinds[terminal.name] = None
        elif terminal.name in wrapping:
            kinds[terminal.name] = wrapping[terminal.name]
        else:
            return None
    pattern = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
    return pattern, kinds


def _from_cache(data: Any, key: str) -> LineClassifier | None:
    """A classifier from cached JSON — hostile input: any doubt and it is rebuilt."""
    if not (isinstance(data, dict) and data.get("key") == key and isinstance(data.get("pattern"), str)
            and isinstance(data.get("kinds"), dict)):
        return None
    kinds = data["kinds"]
    if not all(isinstance(k, str) and (v is None or isinstance(v, str) and v) for k, v in kinds.items()):
        return None
    try:
        pattern = re.compile(data["pattern"])
    except (re.error, RecursionError, OverflowError):
        return None
    return LineClassifier(pattern, kinds) if set(pattern.groupindex) == set(kinds) else None


@cache
def classifier() -> LineClassifier | None:
    """The derived classifier, from the user cache (no Lark import) or from the Lark object."""
    key = hashlib.sha256(f"{_lark_marker()}\0{_grammar()}".encode("utf-8")).hexdigest()[:24]
    cache_file = private_file(f"lines-{key}.json")
    if cache_file is not None:
        cached = _from_cache(read_private(cache_file, lambda fh: json.loads(fh.read(1 << 20))), key)
        if cached is not None:
            return cached
    derived = derive_classifier(_parser())
    if derived is None:
        return None
    pattern, kinds = derived
    if cache_file is not None:
        body = json.dumps({"key": key, "pattern": pattern, "kinds": kinds}, ensure_ascii=False).encode("utf-8")
        write_private(cache_file, lambda fh: fh.write(body))
    return LineClassifier(re.compile(pattern), kinds)


def lark_lines(text: str) -> list[Line]:
    """Every non-blank line of `text` with the kind the grammar gives it, by Lark's parser."""
    tree = _parser().parse(text)
    lines = []
    for child in tree.children:
        token = child.children[0]
        lines.append(Line(child.data, token.start_pos, token.end_pos, str(token)))
    return lines


def grammar_lines(text: str) -> list[Line]:
    """Every non-blank line of `text` with the kind the grammar gives it, in order."""
    fast = classifier()
    lines = fast.lines(text) if fast is not None else None
    return lines if lines is not None else lark_lines(text)


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
