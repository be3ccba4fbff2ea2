"""A per-user cache directory for data that is slow to compute and cheap to reload.

$LAWGOV_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/lawgov-check, else ~/.cache/lawgov-check. Set
LAWGOV_CHECK_CACHE_DIR to an empty string to turn caching off. Everything stored here can be
rebuilt: a missing, unwritable or stale cache only costs time.

The cache may hold pickles, and unpickling runs code, so a cache someone else could write is never
used: the directory must be ours and closed to everyone else (0700; a directory of ours that is
open to others is closed first), and each file is opened without following links and checked on
the open descriptor (ours, writable by no one else) before it is read. Where the owner cannot be
checked (no POSIX user ids) there is no cache.
"""

from __future__ import annotations

import os
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import IO, Callable

_OTHERS = stat.S_IRWXG | stat.S_IRWXO


@cache
def user_cache_dir() -> Path | None:
    """The cache directory (created, private to the user), or None when there is none to use."""
    configured = os.environ.get("LAWGOV_CHECK_CACHE_DIR")
    if configured is not None:
        if not configured:
            return None
        directory = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = Path(base) / "lawgov-check"
    if not hasattr(os, "geteuid"):
        return None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return directory if _private_directory(directory) else None


def _private_directory(directory: Path) -> bool:
    """True when `directory` is a real directory of ours that no one else can write or list."""
    try:
        info = os.lstat(directory)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            return False
        if info.st_mode & _OTHERS:
            os.chmod(directory, 0o700)
    except OSError:
        return False
    return os.access(directory, os.W_OK | os.X_OK)


def private_file(name: str) -> Path | None:
    """The path of a file directly in the private cache directory, or None when there is none."""
    directory = user_cache_dir()
    return None if directory is None else directory / name


def read_private(path: Path, load: Callable[[IO[bytes]], object]) -> object | None:
    """`load(file)` on a cache file that is ours and writable by no one else; None otherwise.

    The checks are made on the open descriptor, so the file cannot be swapped after the check.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid()
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return None
        try:
            return load(fh)
        except Exception:  # a damaged cache file is rebuilt
            return None


def write_private(path: Path, save: Callable[[IO[bytes]], None]) -> None:
    """Write a cache file (0600) whole: to a temporary file in the same folder, then renamed."""
    import tempfile  # only when writing: reading stays cheap for `--help` from the cache

    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            save(fh)
        os.replace(temp, path)
    except Exception:  # a cache that cannot be written only costs time
        try:
            os.unlink(temp)
        except OSError:
            pass
