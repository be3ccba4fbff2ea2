"""`predicate`: a named Python function from `lawgov_check.rules.predicates`.

    check:
      kind: predicate
      name: gf.mixed-punctuation-width
      args: {full_width_share: 0.8}
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    from ..predicates import LOAD_ERRORS, PREDICATES

    if check.get("name") not in PREDICATES:
        broken = "".join(f"；模块 {m} 无法导入: {e}" for m, e in sorted(LOAD_ERRORS.items()))
        return [("check.name", f"未注册的谓词 {check.get('name')}{broken}")]
    return []


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    from ..predicates import PREDICATES

    args = {k: ctx.value(v) for k, v in (check.get("args") or {}).items()}
    yield from PREDICATES[check["name"]](ctx, **args)
