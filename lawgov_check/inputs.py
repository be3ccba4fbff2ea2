"""Turn command-line paths, directories and glob patterns into the list of files to check.

Globs are expanded here rather than by the shell, so `'**/*.docx'` works the same when quoted and
on shells that do not expand `**`. Directory walks skip hidden entries (`.git`, `.venv`) and
Word's lock files (`~$报告.docx`), which sit beside documents a reviewer has open, and annotated
copies (`报告.lawgov-check.docx`) an earlier run wrote there.
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


ANNOTATED_SUFFIX = ".lawgov-check.docx"  # our own annotated copies: never documents to check in a walk


def _is_document(path: Path) -> bool:
    return (path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith("~$")
            and not path.name.lower().endswith(ANNOTATED_SUFFIX))


def _inside(path: str, root: str) -> bool:
    """Whether `path`, with every link resolved, lies in the folder `root` (also resolved)."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def walk_directory(directory: Path, *, follow_symlinks: bool = False) -> list[str]:
    """Documents below `directory`, recursively, in a stable (sorted) order.

    A symbolic link whose target lies outside `directory` (a file, or a folder) is left out
    unless `follow_symlinks`: checking a folder must not quote `/etc/passwd` from a planted link.
    """
    root = os.path.realpath(directory)
    found: list[str] = []
    seen_dirs: set[str] = set()
    for folder, dirs, files in os.walk(directory, followlinks=follow_symlinks):
        real_folder = os.path.realpath(folder)
        if real_folder in seen_dirs:  # a link cycle, when following links
            dirs[:] = []
            continue
        seen_dirs.add(real_folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and (follow_symlinks or not os.path.islink(os.path.join(folder, d))
                        or _inside(os.path.join(folder, d), root))]
        for name in files:
            path = os.path.join(folder, name)
            if name.startswith(".") or not _is_document(Path(path)) or not os.path.isfile(path):
                continue
            if os.path.islink(path) and not follow_symlinks and not _inside(path, root):
                continue
            found.append(path)
    return sorted(found)


def _expand_glob(pattern: str, follow_symlinks: bool = False) -> list[str]:
    hits = glob.glob(pattern, recursive=True)
    base = os.path.realpath(_fixed_prefix(pattern))
    files: list[str] = []
    for hit in sorted(hits):
        path = Path(hit)
        if os.path.islink(hit) and not follow_symlinks and not _inside(hit, base):
            continue
        if path.is_dir():
            files += walk_directory(path, follow_symlinks=follow_symlinks)
        elif path.is_file() and _is_document(path):
            files.append(hit)
    return files


def _fixed_prefix(pattern: str) -> str:
    """The folder a glob starts from: its leading parts without wildcards."""
    parts = []
    for part in Path(pattern).parts:
        if any(ch in part for ch in _GLOB_MAGIC):
            break
        parts.append(part)
    if parts and len(parts) == len(Path(pattern).parts):
        parts.pop()
    return os.path.join(*parts) if parts else "."


def expand_inputs(paths: Sequence[str | Path], *, exclude: Sequence[str] = (),
                  exclude_base: str | Path = ".", follow_symlinks: bool = False) -> Inputs:
    """Files in argument order (each directory or glob sorted), without duplicates or excluded ones.

    A named file is kept whatever its suffix (and followed if it is a link); a missing file stays
    in the list so that it is reported with the other results; a glob that matches nothing is an
    error. Walks and globs leave out links that point outside them unless `follow_symlinks`.
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
            found = list(walk_directory(path, follow_symlinks=follow_symlinks))
            if not found and arg not in result.empty_dirs:
                # An empty folder is almost always a misconfigured path: never a silent pass.
                result.empty_dirs.add(arg)
                result.files.append(arg)
            for f in found:
                add(f)
        elif not path.exists() and any(ch in arg for ch in _GLOB_MAGIC):
            expanded = _expand_glob(arg, follow_symlinks)
            if not expanded and arg not in result.unmatched:
                result.unmatched.add(arg)
                result.files.append(arg)
            for f in expanded:
                add(f)
        else:
            add(arg)
    return result
