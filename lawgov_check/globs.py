"""Path patterns for --exclude, per-path config overrides and waivers.

The rules follow .gitignore, which document repositories already know:
- `*` and `?` never cross a `/`; `**` spans any number of directories (`reports/**/*.docx`).
- A pattern without `/` matches a file or directory name at any depth (`*.pdf`, `drafts`).
- A pattern with `/` is anchored at the base directory (the config file's directory, or the
  current directory for command-line options).
- A pattern that matches a directory matches every file below it.
Paths are compared with `/` separators on every system.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


class GlobError(ValueError):
    """A pattern that cannot be used (a character class such as `[z-a]`)."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "lit", "one" (?), "class" ([…]), "star" (*), "any" (**), "dirs" (**/)
    value: Any = None


class _Glob:
    """A compiled pattern, matched by walking all positions in the pattern at once (a set of
    states per character), so any pattern runs in O(len(pattern) × len(path)): a regular
    expression with many `[^/]*` in a row backtracks exponentially on a path that almost matches.
    """

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens

    def _closure(self, states: set[tuple[int, bool]]) -> set[tuple[int, bool]]:
        out = set(states)
        stack = list(states)
        while stack:
            index, inside = stack.pop()
            if index < len(self.tokens) and not inside and self.tokens[index].kind in ("star", "any", "dirs"):
                nxt = (index + 1, False)
                if nxt not in out:
                    out.add(nxt)
                    stack.append(nxt)
        return out

    def match(self, text: str) -> bool:
        """Whether the whole of `text` matches."""
        states = self._closure({(0, False)})
        for ch in text:
            moved: set[tuple[int, bool]] = set()
            for index, inside in states:
                if index >= len(self.tokens):
                    continue
                token = self.tokens[index]
                kind = token.kind
                if kind == "lit":
                    if ch == token.value:
                        moved.add((index + 1, False))
                elif kind == "one":
                    if ch != "/":
                        moved.add((index + 1, False))
                elif kind == "class":
                    if ch != "/" and token.value.match(ch):
                        moved.add((index + 1, False))
                elif kind == "star":
                    if ch != "/":
                        moved.add((index, False))
                elif kind == "any":
                    moved.add((index, False))
                else:  # "dirs": (?:[^/]*/)* — inside a folder name until its "/"
                    moved.add((index, ch != "/"))
            if not moved:
                return False
            states = self._closure(moved)
        return (len(self.tokens), False) in states


@cache
def _compile(pattern: str) -> _Glob:
    tokens: list[_Token] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if pattern.startswith("**/", i):
            tokens.append(_Token("dirs"))
            i += 3
        elif pattern.startswith("**", i):
            tokens.append(_Token("any"))
            i += 2
            while i < n and pattern[i] == "*":  # *** is **
                i += 1
        elif ch == "*":
            tokens.append(_Token("star"))
            i += 1
        elif ch == "?":
            tokens.append(_Token("one"))
            i += 1
        elif ch == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            try:
                char_class = re.compile("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            except re.error as exc:
                raise GlobError(f"无效的通配符 {pattern}：{exc}") from None
            tokens.append(_Token("class", char_class))
            i = end + 1
        else:
            tokens.append(_Token("lit", ch))
            i += 1
    # Repeated stars mean what one does; collapsing them keeps the state sets small.
    merged: list[_Token] = []
    for token in tokens:
        if merged and token.kind == "star" and merged[-1].kind in ("star", "any"):
            continue
        merged.append(token)
    return _Glob(merged)


def check_pattern(pattern: str) -> None:
    """Raise GlobError if `pattern` cannot be used."""
    _compile(pattern.replace("\\", "/").removeprefix("./").rstrip("/").lstrip("/"))


def relative_posix(path: str | Path, base: str | Path) -> str:
    """`path` relative to `base` with `/` separators; absolute if it lies outside `base`."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(base))
    except ValueError:  # another drive on Windows
        rel = absolute
    if rel == ".." or rel.startswith(".." + os.sep):
        rel = absolute
    return rel.replace(os.sep, "/")


def matches(pattern: str, rel_path: str) -> bool:
    """Whether `rel_path` (relative, `/`-separated) or one of its parent directories matches."""
    pattern = pattern.replace("\\", "/").removeprefix("./").rstrip("/")
    if not pattern:
        return False
    anchored = "/" in pattern
    if anchored:
        pattern = pattern.lstrip("/")
    regex = _compile(pattern)
    parts = rel_path.strip("/").split("/")
    for end in range(len(parts), 0, -1):
        if anchored:
            if regex.match("/".join(parts[:end])):
                return True
        elif regex.match(parts[end - 1]):
            return True
    return False


def matches_any(patterns: tuple[str, ...] | list[str], path: str | Path, base: str | Path) -> bool:
    rel = relative_posix(path, base)
    return any(matches(p, rel) for p in patterns)
