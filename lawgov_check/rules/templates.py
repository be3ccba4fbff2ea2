"""Fill a rule's message template with the values of a hit."""

from __future__ import annotations

import string
from typing import Any

MAX_QUOTED = 60


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def shorten(text: str, limit: int = MAX_QUOTED) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fill(template: str, values: dict[str, Any]) -> str:
    """`{name}` placeholders are replaced; unknown ones are left as written; never raises."""
    safe = _Values({k: ("" if v is None else v) for k, v in values.items()})
    try:
        return string.Formatter().vformat(template, (), safe)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template
