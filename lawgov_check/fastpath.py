"""The `lawgov-check` entry point: `--version` and help pages without importing the command line.

Importing typer and the commands takes longer than printing a version or a help page should. The
version is known here; a help page, once rendered by the real command line, is kept in the user
cache and printed from there while nothing it depends on has changed. The cache file is read as
hostile input: it must be ours and private (`user_cache.read_private`), name the same key, be
UTF-8 text of bounded size without control characters; anything else is rendered again. With no
cache directory (or `LAWGOV_CHECK_CACHE_DIR=""`) every help page is rendered by typer as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.util import find_spec

from . import __version__

MAX_HELP = 1 << 16
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _help_request(args: list[str]) -> bool:
    """`--help`, or up to two command names then `--help` (`check --help`, `rules list --help`)."""
    if not args or args[-1] != "--help" or len(args) > 3:
        return False
    return all(word.isascii() and word.isalpha() for word in args[:-1])


def _columns() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _sources_signature() -> str:
    """What a help page depends on: this package's modules and typer's, by path, size and time."""
    parts = [__version__, sys.version]
    roots = [_PACKAGE_DIR]
    spec = find_spec("typer")
    if spec is not None and spec.submodule_search_locations:
        roots += list(spec.submodule_search_locations)
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


def _help_key(args: list[str]) -> str:
    prog = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    material = "\0".join([*args, prog, str(_columns()), _sources_signature()])
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _valid_help(data: bytes, key: str) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    head, _, body = text.partition("\n")
    if head != key or not body or any(ch < " " and ch not in "\n\t" or ch == "\x7f" for ch in body):
        return None
    return body


def _cached_help(key: str) -> str | None:
    from .user_cache import private_file, read_private

    path = private_file(f"help-{key}.txt")
    if path is None:
        return None
    text = read_private(path, lambda fh: _valid_help(fh.read(MAX_HELP + 1), key))
    return text if isinstance(text, str) and len(text) <= MAX_HELP else None


def _store_help(key: str, text: str) -> None:
    from .user_cache import private_file, write_private

    path = private_file(f"help-{key}.txt")
    if path is not None and text and _valid_help(f"{key}\n{text}".encode("utf-8"), key) is not None:
        data = f"{key}\n{text}".encode("utf-8")
        if len(data) <= MAX_HELP:
            write_private(path, lambda fh: fh.write(data))


def _render_help(key: str) -> None:
    """Run the real command line, keeping what it prints for the next time."""
    import io

    from .cli import main as cli_main

    captured, real = io.StringIO(), sys.stdout
    code: object = 0
    sys.stdout = captured
    try:
        cli_main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdout = real
    text = captured.getvalue()
    real.write(text)
    if code in (0, None):
        _store_help(key, text)
    sys.exit(code)


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        sys.stdout.write(f"lawgov-check {__version__}\n")
        sys.exit(0)
    if _help_request(args):
        key = _help_key(args)
        text = _cached_help(key)
        if text is not None:
            sys.stdout.write(text)
            sys.exit(0)
        _render_help(key)
        return
    from .cli import main as cli_main

    cli_main()
