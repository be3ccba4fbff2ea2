r"""`pattern`: every match of a regular expression in a scope is a hit.

    check:
      kind: pattern
      scope: node:doc_number
      regex: '(?P<open>[\[(（【])\d{4}[\])）】]'
      text: original               # match the original characters (default: normalized)
      unless: '令'                  # optional: drop matches whose text matches this
      fallback:                     # optional: used when the scope is absent from the document
        scope: document
        regex: '^...$'
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import occurrences, regex_problems


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    problems = regex_problems("check.regex", check.get("regex")) + regex_problems("check.unless", check.get("unless"))
    fallback = check.get("fallback") or {}
    problems += regex_problems("check.fallback.regex", fallback.get("regex"))
    return problems


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    segments = ctx.scope(check.get("scope", "document"))
    if not segments and check.get("fallback"):
        check = {**check, **check["fallback"]}
        segments = ctx.scope(check.get("scope", "document"))
    for start, end, groups in occurrences(ctx, check["regex"], segments, check):
        yield Hit(start, end, groups)
