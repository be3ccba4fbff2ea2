"""Text that every writer can carry: no lone surrogates, and no raw control characters on a terminal.

A Python string may hold surrogate code points that no UTF-8 writer accepts: a PDF ToUnicode map
to <D800>, a JSON or YAML `\\ud800` escape, or a file name that is not valid UTF-8 (which Python
carries as U+DC80…U+DCFF). Document text gets U+FFFD in their place (same length, so every offset
stays true) and a warning; names are escaped losslessly so that the file can still be found.
"""

from __future__ import annotations

import re
from typing import Any

from .lazyre import lazy

_SURROGATE = lazy("[\ud800-\udfff]")
# C0 controls but tab and newline, DEL, and C1 controls: shown escaped in reports meant for a terminal.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NAME_ESCAPE = lazy("[\\\\\x00-\x1f\x7f-\x9f\ud800-\udfff]")

REPLACEMENT = "\ufffd"


def is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def repair_surrogates(text: str) -> tuple[str, int]:
    """`text` with every surrogate code point replaced by U+FFFD, and how many there were."""
    if is_encodable(text):
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


def surrogate_warning(count: int) -> str:
    return f"文本中有 {count} 个无效的 Unicode 代理项，已替换为 “�” ({count} lone surrogates replaced)"


def _escape_name_char(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch == "\\":
        return "\\\\"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(name: str) -> str:
    """A file name as shown in reports: unchanged when it is printable UTF-8; otherwise bytes that
    were not UTF-8 as \\xNN, other surrogates as \\uXXXX, control characters as \\xNN and the
    backslash doubled, so the original can be recovered."""
    if is_encodable(name) and not _TERMINAL_CONTROL.search(name):
        return name
    return _NAME_ESCAPE.sub(_escape_name_char, name)


def terminal_safe(text: str) -> str:
    """Raw control characters (ESC, BEL, C1…) shown as \\xNN, so a report cannot drive a terminal."""
    return _TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def clean(text: str) -> str:
    """Surrogates replaced (for strings that reach a writer from rulesets, manifests or names)."""
    return text if is_encodable(text) else _SURROGATE.sub(REPLACEMENT, text)


def clean_strings(value: Any) -> Any:
    """`value` with `clean` applied to every string inside lists, tuples and dicts."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_strings(v) for v in value)
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}
    return value
