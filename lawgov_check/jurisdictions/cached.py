"""Bundled jurisdiction files rebuilt from the catalogue cache's data (see rules/catalogue_cache.py).

The data was validated when the cache was written, and the cache file is read only when it is
ours, private and filed under the key of these exact files; what is checked again here is only
what would otherwise fail later, during a check, instead of now: the shape of each entry, a level
we know, a hierarchy without holes, one file per name. Any doubt is None: the YAML is read again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .loader import _build, _hierarchy_problems
from .model import LEVELS, JurisdictionFile
from .resolve import Jurisdictions


def _entry(entry: Any) -> JurisdictionFile | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        return None
    data = entry.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("jurisdiction"), str):
        return None
    if data.get("level") not in LEVELS or not isinstance(data.get("within"), (str, type(None))):
        return None
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict) or not all(isinstance(v, dict) for v in parameters.values()):
        return None
    return _build(data, Path(entry["path"]), "bundled")


def rebuild_jurisdictions(entries: list[Any]) -> Jurisdictions | None:
    """The jurisdictions of cached entries ({path, data}); None at the least doubt. Raises
    whatever building a malformed entry raises (the caller treats any exception as a doubt)."""
    files: dict[str, JurisdictionFile] = {}
    for entry in entries:
        item = _entry(entry)
        if item is None or item.name in files:
            return None
        files[item.name] = item
    if _hierarchy_problems(files):
        return None
    return Jurisdictions(files)
