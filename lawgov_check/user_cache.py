"""A per-user cache directory for data that is slow to compute and cheap to reload.

$LAWGOV_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/lawgov-check, else ~/.cache/lawgov-check. Set
LAWGOV_CHECK_CACHE_DIR to an empty string to turn caching off. Everything stored here can be
rebuilt: a missing, unwritable or stale cache only costs time.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


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
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK | os.X_OK):
        return None
    return directory
