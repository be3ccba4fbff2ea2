"""Helpers shared by the check kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import regex

from ..context import CheckContext, Segment, fold_keyword


def regex_problems(field: str, pattern: Any) -> list[tuple[str, str]]:
    if not isinstance(pattern, str):
        return []
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return [(field, f"正则表达式无效: {exc}")]
    return []


def keyword_pattern(keywords: Iterable[str]) -> str:
    """One regex matching any of the keywords (folded like the document text)."""
    folded = sorted({fold_keyword(k) for k in keywords}, key=len, reverse=True)
    return "|".join(regex.escape(k) for k in folded if k)


def keywords(check: dict[str, Any], ctx: CheckContext) -> list[str]:
    """A check's `keywords`: a list, or `{vocab: NAME}` naming a vocabulary of its ruleset."""
    return list(ctx.value(check.get("keywords", [])))


def matcher(check: dict[str, Any], ctx: CheckContext) -> str:
    """The regex a presence/absence check looks for: its `regex`, or any of its `keywords` (a
    vocabulary's patterns included)."""
    if "regex" in check:
        return check["regex"]
    words = ctx.value(check.get("keywords", []))
    patterns = [f"(?:{p})" for p in getattr(words, "patterns", ())]
    return "|".join(filter(None, [keyword_pattern(words), *patterns]))


def occurrences(ctx: CheckContext, pattern: str, segments: list[Segment], check: dict[str, Any]):
    original = check.get("text") == "original"
    ignore_case = bool(check.get("ignore_case"))
    unless = check.get("unless")
    for seg in segments:
        for start, end, groups in ctx.finditer(pattern, seg, original=original, ignore_case=ignore_case):
            if unless and ctx.search(unless, ctx.doc.norm.original(start, end) if original
                                     else ctx.doc.text[start:end]):
                continue
            yield start, end, groups


def get_path(obj: Any, path: str) -> Any:
    """`value.amount`, `attrs.unit`, `text` on a fact (object or dict)."""
    for part in path.split("."):
        if obj is None:
            return None
        if isinstance(obj, dict):
            obj = obj.get(part)
        else:
            obj = getattr(obj, part, None)
    return obj


def _comparable(a: Any, b: Any) -> tuple[Any, Any]:
    if isinstance(a, dt.date) and isinstance(b, str):
        b = dt.date.fromisoformat(b)
    return a, b


def condition_holds(value: Any, condition: dict[str, Any], ctx: CheckContext) -> bool:
    """All operators of a `where` condition hold for the value."""
    for op, raw in condition.items():
        expected = ctx.value(raw)
        if op == "exists":
            if (value is not None) != bool(expected):
                return False
            continue
        if value is None:
            return False
        if op == "eq" and value != expected:
            return False
        if op == "ne" and value == expected:
            return False
        if op == "in" and value not in expected:
            return False
        if op == "not_in" and value in expected:
            return False
        if op in ("lt", "gt", "le", "ge"):
            a, b = _comparable(value, expected)
            try:
                ok = {"lt": a < b, "gt": a > b, "le": a <= b, "ge": a >= b}[op]
            except TypeError:
                return False
            if not ok:
                return False
        if op == "matches" and not ctx.search(str(expected), str(value)):
            return False
    return True


def where_holds(obj: Any, where: dict[str, dict[str, Any]] | None, ctx: CheckContext) -> bool:
    return all(condition_holds(get_path(obj, path), cond, ctx) for path, cond in (where or {}).items())


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
