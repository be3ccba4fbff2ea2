"""`consistency`: numbers of a document that must agree with each other.

    check:
      kind: consistency
      relation: parts_exceed_total     # the listed parts add up to more than their stated total
      # relation: complete_parts_short # parts said to be complete (分别/全部…) fall short of the total
      # relation: partial_parts_short  # an itemised breakdown not said to be complete (nor ending in 等) falls short
      # relation: rate_mismatch        # a stated rate differs from its counts beyond rounding
      tolerance: 0                     # extra slack (units for totals, percentage points for rates)

Reads the `totals` and `rates` fact families. A breakdown whose first parts already reach the
total exactly, followed by more parts, is taken as a second breakdown of another kind (合同1488件,
其中履行完毕1186件、履行中301件、中止1件, 经审查1352件) and not flagged.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit
from ._common import get_path

_EPSILON = 1e-9


def _number(x: float) -> str:
    return f"{x:g}"


def _parts_text(parts: list[Any], unit: str) -> str:
    return "+".join(f"{_number(value)}" for _, value, _ in parts)


def _prefix_reaches_total(parts: list[Any], total: float) -> bool:
    running = 0.0
    for _, value, _ in parts[:-1]:
        running += value
        if abs(running - total) < _EPSILON:
            return True
    return False


def _per_unit(parts: list[Any]) -> bool:
    """An item counted per unit (各镇代表各1名, 每村1名) stands for several: the sum is not the list's."""
    return any("各" in label or "每" in label for label, _, _ in parts)


def _totals(check: dict[str, Any], ctx: CheckContext, tolerance: float) -> Iterator[Hit]:
    relation = check["relation"]
    for fact in ctx.fact_family("totals"):
        value = get_path(fact, "value") or {}
        total, parts, unit = value.get("total"), value.get("parts") or [], value.get("unit", "")
        if total is None or not parts:
            continue
        parts_sum = sum(p[1] for p in parts)
        values = {"total": _number(total), "unit": unit, "parts_sum": _number(parts_sum),
                  "parts": _parts_text(parts, unit), "count": len(parts)}
        start, end = get_path(fact, "start"), get_path(fact, "end")
        if relation == "parts_exceed_total":
            if parts_sum > total + tolerance + _EPSILON and not _prefix_reaches_total(parts, total):
                yield Hit(start, end, values)
        elif relation in ("complete_parts_short", "partial_parts_short"):
            wanted = relation == "complete_parts_short"
            if bool(value.get("complete")) == wanted and len(parts) >= 2 \
                    and parts_sum < total - tolerance - _EPSILON and not get_path(fact, "attrs.nested_breakdown") \
                    and not get_path(fact, "attrs.open_ended") and not _per_unit(parts):
                yield Hit(start, end, values)


def rate_is_consistent(percent: float, decimals: int, qualifier: str | None, numerator: float,
                       denominator: float, tolerance: float = 0.0) -> bool:
    """Whether a stated percentage can come from numerator/denominator by rounding or truncation."""
    computed = numerator / denominator * 100
    unit = 10 ** -decimals
    low, high = percent - unit / 2 - tolerance, percent + unit + tolerance  # rounding or truncation
    if qualifier == "以上":
        return computed >= low - _EPSILON
    if qualifier == "以下":
        return computed <= percent + unit / 2 + tolerance + _EPSILON
    return low - _EPSILON <= computed < high - _EPSILON or abs(computed - percent) <= unit / 2 + tolerance


def _rates(ctx: CheckContext, tolerance: float) -> Iterator[Hit]:
    for fact in ctx.fact_family("rates"):
        value = get_path(fact, "value") or {}
        numerator, denominator = get_path(fact, "attrs.numerator"), get_path(fact, "attrs.denominator")
        if numerator is None or not denominator or value.get("percent") is None:
            continue
        percent, decimals = value["percent"], value.get("decimals", 0)
        if rate_is_consistent(percent, decimals, value.get("qualifier"), numerator, denominator, tolerance):
            continue
        computed = numerator / denominator * 100
        yield Hit(get_path(fact, "start"), get_path(fact, "end"), {
            "name": value.get("name") or "", "percent": _number(percent),
            "numerator": _number(numerator), "denominator": _number(denominator),
            "computed": f"{computed:.{max(decimals, 1)}f}"})


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    tolerance = float(ctx.value(check.get("tolerance", 0)) or 0)
    if check["relation"] == "rate_mismatch":
        yield from _rates(ctx, tolerance)
    else:
        yield from _totals(check, ctx, tolerance)
