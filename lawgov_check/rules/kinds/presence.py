"""`presence`: some text must appear in a scope.

    check:
      kind: presence
      scope: title                  # see docs/rulesets.md for scopes
      keywords: [通知, 报告]         # any of them; or `regex:`
      groups: [[成效, 举措], [不足, 问题]]   # optional: one keyword of every group
      if_scope_missing: pass        # pass (default) or fail when the scope is absent
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import keyword_pattern, keywords, matcher, occurrences, regex_problems


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    return regex_problems("check.regex", check.get("regex"))


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    segments = ctx.scope(check.get("scope", "document"))
    if not segments:
        if check.get("if_scope_missing", "pass") == "fail":
            yield Hit(0, 0, {"missing": check.get("scope", "document")})
        return
    anchor = segments[0].start
    if "groups" in check:
        for group in check["groups"]:
            if not any(True for _ in occurrences(ctx, keyword_pattern(group), segments, check)):
                yield Hit(anchor, anchor, {"missing": "、".join(group)})
        return
    if not any(True for _ in occurrences(ctx, matcher(check, ctx), segments, check)):
        yield Hit(anchor, anchor, {"missing": "、".join(keywords(check, ctx)) or check.get("regex", "")})
