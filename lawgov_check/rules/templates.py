"""Fill a rule's message template with the values of a hit.

Templates come from ruleset YAML, which a user may supply, so they are not `str.format`
templates: `{evidence.__class__.__mro__}` would walk attributes and `{evidence:>100000000}` would
make 100 MB per finding. Only `{name}` is replaced, with an optional format from a short safe list
(`{share:.1f}`, `{total:,}`); `{{` and `}}` are literal braces. Anything else is left as written.
"""

from __future__ import annotations

import re
from typing import Any

MAX_QUOTED = 60
SAFE_SPECS = frozenset({"d", ",", ",d", ".0f", ".1f", ".2f", ".3f", ".0%", ".1%", ".2%"})

_FIELD = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]{0,63})(?::([^{}]{0,8}))?\}")


def shorten(text: str, limit: int = MAX_QUOTED) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fill(template: str, values: dict[str, Any]) -> str:
    """`{name}` placeholders are replaced; unknown ones are left as written; never raises."""

    def replace(match: re.Match[str]) -> str:
        whole = match.group()
        if whole in ("{{", "}}"):
            return whole[0]
        name, spec = match.group(1), match.group(2)
        if name not in values:
            return whole
        value = values[name]
        if value is None:
            return ""
        if spec is not None and spec in SAFE_SPECS and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            try:
                return format(value, spec)
            except (ValueError, TypeError, OverflowError):
                pass
        return str(value)

    return _FIELD.sub(replace, template)
