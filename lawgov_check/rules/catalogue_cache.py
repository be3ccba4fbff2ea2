"""The bundled rule catalogue, kept in the user cache as the rulesets' data, so that a cold process
rebuilds it without parsing YAML or asking every installed distribution for entry points.

The cache file is JSON (never a pickle) and is treated as hostile input: it is read only when it
is ours and private (`user_cache.read_private`), must carry the key it is filed under, and every
doubt — bad JSON, a missing field, a ruleset the loader cannot build — means loading the YAML
again. The key covers everything the catalogue is made of: the tool's version, the bytes of every
file in the rulesets folder (rulesets, jurisdiction parameters, schema), this package's modules
(size and time: a changed loader builds differently) and the distributions on the import path
by name and time (installing, upgrading or removing one, and so a ruleset package, changes them). A catalogue with rulesets from installed packages is never cached: their files live
elsewhere. The bundled jurisdiction files are kept the same way, as their validated data: a cold
process then neither parses their YAML nor validates them again (their patterns compiled, their
examples matched). Before a catalogue is written, the one rebuilt from the data must equal the
loaded one, rulesets and jurisdictions alike.
Without a cache directory (read-only home, `LAWGOV_CHECK_CACHE_DIR=""`) nothing changes but time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from .. import __version__
from ..resources import data_dir
from ..user_cache import private_file, read_private, write_private
from ..jurisdictions.cached import rebuild_jurisdictions
from .loader import Catalogue, UnsafeYaml, _build, load_catalogue, load_yaml_limited
from .schema import jsonable

MAX_BYTES = 16 << 20
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _files_digest(root: Path, suffixes: tuple[str, ...], *, contents: bool) -> str:
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith(suffixes):
                continue
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode("utf-8", "surrogatepass") + b"\0")
            if contents:
                with open(path, "rb") as fh:
                    digest.update(fh.read())
            else:
                info = os.stat(path)
                digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
            digest.update(b"\0")
    return digest.hexdigest()


def _import_path_signature() -> str:
    """The distributions on the import path (where entry points, and so ruleset packages, come
    from): each entry's *.dist-info / *.egg-info names with their modification times."""
    parts = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted((item.name, item.stat().st_mtime_ns) for item in found
                               if item.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # not a folder (a zip file, a missing entry): by its own time
            try:
                names = [("", os.stat(entry).st_mtime_ns)]
            except OSError:
                names = []
        parts.append(f"{entry}:{names}")
    return "\n".join(parts)


def catalogue_key() -> str:
    material = "\0".join([
        __version__, sys.version,
        _files_digest(data_dir("rulesets"), (".yml", ".yaml", ".json"), contents=True),
        _files_digest(_PACKAGE_DIR, (".py",), contents=False),
        _import_path_signature(),
    ])
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _entries(catalogue: Catalogue) -> list[dict[str, Any]] | None:
    """Each ruleset's path and data, in catalogue order; None when one is not a bundled file."""
    entries = []
    for ruleset in catalogue.rulesets:
        if ruleset.origin != "bundled":
            return None
        path = Path(ruleset.path)
        data = jsonable(load_yaml_limited(path.read_text(encoding="utf-8"), known_good=True))
        entries.append({"path": ruleset.path, "data": data})
    return entries


def _jurisdiction_entries(catalogue: Catalogue) -> list[dict[str, Any]] | None:
    """Each jurisdiction file's path and data, by name; None when one is not a bundled file."""
    entries = []
    for item in catalogue.jurisdictions.files.values():
        if item.origin != "bundled":
            return None
        data = jsonable(load_yaml_limited(Path(item.path).read_text(encoding="utf-8"), known_good=True))
        entries.append({"path": item.path, "data": data})
    return entries


def _rebuild(payload: Any, key: str) -> Catalogue | None:
    """The catalogue from cached JSON, or None at the least doubt."""
    if not isinstance(payload, dict) or payload.get("key") != key:
        return None
    entries, places = payload.get("rulesets"), payload.get("jurisdictions")
    if not isinstance(entries, list) or not isinstance(places, list):
        return None
    try:
        rulesets = [_build(entry["data"], Path(entry["path"])) for entry in entries]
        jurisdictions = rebuild_jurisdictions(places)
    except Exception:  # anything the loader cannot build: load the YAML instead
        return None
    return None if jurisdictions is None else Catalogue(rulesets, jurisdictions)


def _read(path: Path) -> Any:
    def load(fh: Any) -> Any:
        data = fh.read(MAX_BYTES + 1)
        return None if len(data) > MAX_BYTES else json.loads(data)

    return read_private(path, load)


def _store(path: Path, key: str, catalogue: Catalogue) -> None:
    try:
        entries = _entries(catalogue)
        if entries is None:
            return
        places = _jurisdiction_entries(catalogue)
        if places is None:
            return
        payload = json.loads(json.dumps({"key": key, "rulesets": entries, "jurisdictions": places},
                                        ensure_ascii=False))
    except (OSError, ValueError, TypeError, RecursionError, UnicodeError, UnsafeYaml):
        return
    rebuilt = _rebuild(payload, key)
    if (rebuilt is None or rebuilt.rulesets != catalogue.rulesets
            or rebuilt.jurisdictions.files != catalogue.jurisdictions.files):
        return  # the data does not rebuild the same catalogue: do not keep it
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_BYTES:
        return
    write_private(path, lambda fh: fh.write(body))
    for old in path.parent.glob("catalogue-*.json"):  # one catalogue is kept, not one per change
        if old.name != path.name:
            try:
                old.unlink()
            except OSError:
                pass


def bundled_catalogue() -> Catalogue:
    """`load_catalogue()` — from the user cache when it holds this exact catalogue. Raises RulesetError."""
    if private_file("catalogue") is None:  # no cache directory: nothing to key
        return load_catalogue()
    try:
        key = catalogue_key()
    except OSError:
        return load_catalogue()
    path = private_file(f"catalogue-{key}.json")
    if path is not None:
        cached = _rebuild(_read(path), key)
        if cached is not None:
            return cached
    catalogue = load_catalogue()
    if path is not None:
        _store(path, key, catalogue)
    return catalogue
