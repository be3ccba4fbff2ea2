"""`absence`: text that must not appear in a scope; every occurrence is a hit.

    check:
      kind: absence
      scope: body
      keywords: [主题词]             # or `regex:`
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import matcher, occurrences, regex_problems


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    return regex_problems("check.regex", check.get("regex")) + regex_problems("check.unless", check.get("unless"))


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    segments = ctx.scope(check.get("scope", "document"))
    for start, end, groups in occurrences(ctx, matcher(check, ctx), segments, check):
        yield Hit(start, end, groups)
