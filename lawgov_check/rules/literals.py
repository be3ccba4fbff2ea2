"""The literal text a regular expression cannot match without: a cheap test before a search.

Most patterns of the rulesets need a word or two (提纲, 重大决策, 联系电话) that most documents do
not contain, yet the `regex` engine tries the pattern at every position of the text before it
gives up, which for a pattern starting with a repeated class (`[^。\\n]{0,30}报告提纲`) costs a
millisecond per document. `str.find` tells in microseconds that the word is absent.

`required_literals(pattern)` reads the pattern with the standard library's parser (its syntax is
the one the `regex` module shares with `re`) and returns a few literals of which every match holds
at least one, or None when it cannot tell: the pattern is written in syntax only `regex` knows,
ignores case, or has no such literal. `may_match` is False only when none of them occurs in the
searched part of the text, where the search could not succeed either; otherwise the search runs
as before, so the matches are always the engine's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the standard library's parser for `re` (private, so anything unexpected means "cannot tell")
    from re import _constants as sre, _parser as sre_parser
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parser = None

# Syntax that `regex` reads differently from `re` without `re` rejecting it: fuzzy matching
# (`{e<=1}`; `re` would read the braces as literal text) and POSIX classes (`[[:alpha:]]`).
_REGEX_ONLY_SYNTAX = re.compile(r"\{(?!\d*(?:,\d*)?\})|\[:\^?\w+:\]")

# More literals than this and testing them all costs about what the search does.
MAX_LITERALS = 4

Literals = tuple[str, ...]


@lru_cache(maxsize=2048)
def required_literals(pattern: str, ignore_case: bool = False) -> Literals | None:
    """Literals of which every match of `pattern` contains at least one, or None."""
    if ignore_case or sre_parser is None or _REGEX_ONLY_SYNTAX.search(pattern):
        return None
    try:
        parsed = sre_parser.parse(pattern)
        if parsed.state.flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
            return None
        found = _of_sequence(list(parsed))
    except Exception:  # re's syntax error, or a parser that changed shape: no test
        return None
    return found or None


def may_match(literals: Literals | None, text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """False when a pattern needing one of `literals` cannot match in text[pos:endpos]."""
    if literals is None or pos < 0 or (endpos is not None and endpos < 0):
        return True  # (negative positions count from the end: left to the engine)
    end = len(text) if endpos is None else endpos
    return any(text.find(literal, pos, end) >= 0 for literal in literals)


def _of_sequence(items: list) -> Literals | None:
    """The best requirement among the items of a sequence: a run of literal characters, or what
    a group, alternation or repetition of at least once inside it requires."""
    candidates: list[Literals] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        inner = _of_item(op, av)
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(("".join(run),))
    affordable = [found for found in candidates if len(found) <= MAX_LITERALS]
    return max(affordable, key=_selectivity, default=None)


def _of_item(op, av) -> Literals | None:
    if op is sre.SUBPATTERN:  # (group, flags added, flags removed, pattern)
        return None if av[1] & sre.SRE_FLAG_IGNORECASE else _of_sequence(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):  # (min, max, pattern)
        return _of_sequence(list(av[2])) if av[0] >= 1 else None
    if op is sre.BRANCH:  # every alternative must require something
        alternatives = [_of_sequence(list(branch)) for branch in av[1]]
        if not all(alternatives):
            return None
        return _shortest_cover({literal for found in alternatives for literal in found})
    return None  # classes, anchors, look-arounds, back-references: nothing required


def _shortest_cover(literals: set[str]) -> Literals:
    """The literals without those holding another one (a text with 报告提纲 has 提纲), sorted."""
    return tuple(sorted(x for x in literals if not any(y != x and y in x for y in literals)))


def _selectivity(literals: Literals) -> tuple[int, int]:
    """Longer literals first (rarer in a text), then fewer of them (fewer tests)."""
    return min(map(len, literals)), -len(literals)
