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
from functools import cache
from pathlib import Path


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("".join(out) + r"\Z")


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
