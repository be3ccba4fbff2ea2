"""Turn command-line paths, directories and glob patterns into the list of files to check.

Globs are expanded here rather than by the shell, so `'**/*.docx'` works the same when quoted and
on shells that do not expand `**`. Directory walks skip hidden entries (`.git`, `.venv`) and
Word's lock files (`~$报告.docx`), which sit beside documents a reviewer has open.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .globs import matches_any

INPUT_SUFFIXES = (".txt", ".docx", ".pdf")
STDIN = "-"
_GLOB_MAGIC = ("*", "?", "[")


@dataclass
class Inputs:
    files: list[str] = field(default_factory=list)  # may hold patterns that matched nothing
    unmatched: set[str] = field(default_factory=set)  # those patterns: each is an input error
    empty_dirs: set[str] = field(default_factory=set)  # directories holding no checkable file


def _is_document(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith("~$")


def _hidden_below(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def walk_directory(directory: Path) -> list[str]:
    """Documents below `directory`, recursively, in a stable (sorted) order."""
    found = [p for p in directory.rglob("*")
             if p.is_file() and _is_document(p) and not _hidden_below(p, directory)]
    return sorted(str(p) for p in found)


def _expand_glob(pattern: str) -> list[str]:
    hits = glob.glob(pattern, recursive=True)
    files: list[str] = []
    for hit in sorted(hits):
        path = Path(hit)
        if path.is_dir():
            files += walk_directory(path)
        elif path.is_file() and _is_document(path):
            files.append(hit)
    return files


def expand_inputs(paths: Sequence[str | Path], *, exclude: Sequence[str] = (),
                  exclude_base: str | Path = ".") -> Inputs:
    """Files in argument order (each directory or glob sorted), without duplicates or excluded ones.

    A named file is kept whatever its suffix; a missing file stays in the list so that it is
    reported with the other results; a glob that matches nothing is an error.
    """
    result = Inputs()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.normcase(os.path.abspath(path))
        if key in seen:
            return
        if path != STDIN and exclude and matches_any(list(exclude), path, exclude_base):
            return
        seen.add(key)
        result.files.append(path)

    for raw in paths:
        arg = str(raw)
        path = Path(arg)
        if arg == STDIN:
            add(arg)
        elif path.is_dir():
            found = list(walk_directory(path))
            if not found and arg not in result.empty_dirs:
                # An empty folder is almost always a misconfigured path: never a silent pass.
                result.empty_dirs.add(arg)
                result.files.append(arg)
            for f in found:
                add(f)
        elif not path.exists() and any(ch in arg for ch in _GLOB_MAGIC):
            expanded = _expand_glob(arg)
            if not expanded and arg not in result.unmatched:
                result.unmatched.add(arg)
                result.files.append(arg)
            for f in expanded:
                add(f)
        else:
            add(arg)
    return result
