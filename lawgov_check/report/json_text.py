"""`json.dumps(value, ensure_ascii=False, indent=2, default=str)`, byte for byte, but faster.

With `indent`, the standard library falls back to its pure-Python encoder (a generator per
nesting level). This writes the same text with one recursive function and the C string escaper.
`level` starts the output at that indentation depth, for parts of a larger document.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C escaper when available
from typing import Any

INDENT = "  "
_INFINITY = float("inf")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _write(value: Any, indent: str, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = indent + INDENT
        separator = "[\n" + inner
        for item in value:
            parts.append(separator)
            separator = ",\n" + inner
            _write(item, inner, parts)
        parts.append("\n" + indent + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = indent + INDENT
        separator = "{\n" + inner
        for key, item in value.items():
            parts.append(separator + encode_basestring(_key(key)) + ": ")
            separator = ",\n" + inner
            _write(item, inner, parts)
        parts.append("\n" + indent + "}")
    else:
        _write(str(value), indent, parts)  # default=str


def dumps(value: Any, level: int = 0) -> str:
    parts: list[str] = []
    _write(value, INDENT * level, parts)
    return "".join(parts)
