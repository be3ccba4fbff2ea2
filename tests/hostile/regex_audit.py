"""Every regular expression of the checker on adversarial lines built from its own characters.

    python tests/hostile/regex_audit.py [--size 51200] [--progress FILE]

Patterns: the grammar's terminals (and the whole lexer), every compiled pattern held at module
level in lawgov_check (also inside tuples, lists and dicts), and every `regex` of the bundled
rulesets. For each, 50 KB lines are built from the characters the pattern names (literals, class
members, the shorthand classes), one character repeated, all of them in turn, pairs, and each
followed by a character that makes the match fail at the very end — the inputs that make nested
or overlapping quantifiers backtrack. The script prints each pattern before running it (to
--progress), so a caller that kills it after a time limit knows which pattern hung.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import random
import re
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import regex

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import lawgov_check  # noqa: E402

SHORTHAND = {r"\s": " \t\u3000\n", r"\d": "0123456789", r"\w": "a_0汉", r"\p{Han}": "汉字法", r"\S": "x",
             r"\D": "x", r"\W": "-", ".": "x.", r"\p{L}": "a汉"}
CLOSERS = "\x00!\n"


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "lawgov_check").rglob("*.py"))


def anchored_only(name: str, sources: str) -> bool:
    """True when the code only ever calls `.match`/`.fullmatch` on the pattern named `name` (also
    through a subscript, `_MARKERS[kind].match`): such a pattern is tried at one position, and
    the audit does the same. Any other use (search, finditer, sub…) is audited as a search."""
    methods = set(re.findall(rf"\b{re.escape(name)}(?:\[[^\]]*\])?\.(\w+)\(", sources))
    return bool(methods) and methods <= {"match", "fullmatch"}


def module_patterns() -> Iterator[tuple[str, Any, bool]]:
    sources = _sources()
    for info in pkgutil.walk_packages(lawgov_check.__path__, "lawgov_check."):
        try:
            module = importlib.import_module(info.name)
        except Exception:  # an optional dependency missing: that module has nothing to audit
            continue
        for name, value in vars(module).items():
            for i, item in enumerate(_patterns_in(value)):
                yield f"{info.name}.{name}[{i}]", item, anchored_only(name, sources)


def _patterns_in(value: Any, depth: int = 0) -> Iterator[Any]:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield value
    elif depth < 2 and isinstance(value, (list, tuple)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def grammar_patterns() -> Iterator[tuple[str, Any, bool]]:
    """The terminals, tried where a line starts (the lexer matches there, never searches)."""
    from lawgov_check.parse.lines import _parser

    for terminal in _parser().terminals:
        yield f"grammar.{terminal.name}", re.compile(terminal.pattern.to_regexp()), True


def ruleset_patterns() -> Iterator[tuple[str, Any, bool]]:
    import yaml

    for path in sorted((REPO / "rulesets").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, source in _regex_values(data, path.name):
            yield where, regex.compile(source, regex.MULTILINE), False


def _regex_values(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("regex", "unless") and isinstance(value, str):
                yield f"{where}.{key}", value
            else:
                yield from _regex_values(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _regex_values(value, f"{where}[{i}]")


def own_characters(source: str) -> str:
    """The characters a pattern names: literals, class members (ranges by their ends) and shorthands."""
    chars: dict[str, None] = {}
    for shorthand, members in SHORTHAND.items():
        if shorthand in source:
            chars.update(dict.fromkeys(members))
    try:
        parsed = sre_parse.parse(source.replace(r"\p{Han}", "汉").replace(r"\p{L}", "a"))
        _literals(parsed, chars)
    except Exception:  # a `regex`-only construct: fall back to the pattern's own text
        chars.update(dict.fromkeys(ch for ch in source if ch not in "\\()[]{}?*+|^$"))
    return "".join(chars) or "x"


_CATEGORIES = {"CATEGORY_SPACE": " \t\u3000", "CATEGORY_DIGIT": "0", "CATEGORY_WORD": "a汉",
               "CATEGORY_NOT_SPACE": "x", "CATEGORY_NOT_DIGIT": "x", "CATEGORY_NOT_WORD": "-"}


def _literals(parsed: Any, chars: dict[str, None]) -> None:
    for op, arg in parsed:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            chars[chr(arg)] = None
        elif name == "RANGE":
            chars[chr(arg[0])] = chars[chr(arg[1])] = None
        elif name == "CATEGORY":
            chars.update(dict.fromkeys(_CATEGORIES.get(str(arg), "")))
        elif name == "IN":
            _literals(arg, chars)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _literals(arg[2], chars)
        elif name == "SUBPATTERN":
            _literals(arg[-1], chars)
        elif name == "BRANCH":
            for branch in arg[1]:
                _literals(branch, chars)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _literals(arg[1], chars)
        elif name == "ATOMIC_GROUP":
            _literals(arg, chars)


def adversarial_lines(chars: str, size: int, seed: int = 0) -> Iterator[str]:
    """Lines of `size` characters: each unit (one character, all of them, neighbouring pairs,
    short random runs) repeated, ending in a character that makes a match fail at the very end;
    and the pairs again after a prefix of one character four times (`----`), which gets past a
    pattern's fixed opening into its repeated part (`---|\t|\t|\t…` for a table rule)."""
    rng = random.Random(seed)
    picked = list(chars[:12])
    pairs = [a + b for a, b in zip(picked, picked[1:])][:4]
    pairs += [b + a for a, b in zip(picked, picked[1:])][:4]
    units = picked + ["".join(picked)] + pairs
    units += ["".join(rng.choice(picked) for _ in range(rng.randint(3, 9))) for _ in range(4)]
    for i, unit in enumerate(units):
        yield _pumped("", unit, size) + CLOSERS[i % len(CLOSERS)]
    for unit in pairs:
        for c in picked[:4]:
            yield _pumped(c * 4, unit, size) + "\x00"


def _pumped(prefix: str, unit: str, size: int) -> str:
    return prefix + (unit * (size // max(1, len(unit)) + 1))[:size - len(prefix)]


def audit(size: int, progress: Path | None) -> int:
    sources = [*grammar_patterns(), *module_patterns(), *ruleset_patterns()]
    log = progress.open("w", encoding="utf-8") if progress else None
    count = 0
    for where, pattern, anchored in sources:
        if log:
            log.write(f"{time.perf_counter():.2f} {where}\n")
            log.flush()
        run = pattern.match if anchored else pattern.search
        for line in adversarial_lines(own_characters(pattern.pattern if isinstance(pattern.pattern, str)
                                                      else pattern.pattern.decode("latin-1")), size):
            subject: Any = line if isinstance(pattern.pattern, str) else line.encode("utf-8")
            run(subject)
            count += 1
    if log:
        log.write("grammar lexer\n")
        log.flush()
    from lawgov_check.parse.lines import _parser, grammar_lines

    grammar_chars = "".join(dict.fromkeys("".join(own_characters(t.pattern.to_regexp()) for t in _parser().terminals)))
    for line in adversarial_lines(grammar_chars.replace("\n", ""), size):
        grammar_lines(line.replace("\n", ""))
        count += 1
    print(f"{len(sources)} patterns, {count} searches on {size}-character lines")
    return len(sources)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=50 * 1024)
    parser.add_argument("--progress", type=Path)
    args = parser.parse_args(argv)
    audit(args.size, args.progress)
    return 0


if __name__ == "__main__":
    sys.exit(main())
