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


def _words_hold(op: str, value: Any, words: Any, ctx: CheckContext) -> bool:
    """`contains_any`/`contains_none` (a phrase of a vocabulary or list anywhere in the text),
    `ends_with_any`/`ends_with_none` (the text ends with one of its phrases)."""
    text = "" if value is None else str(value)
    if op.startswith("ends_with"):
        found = any(text.endswith(fold_keyword(w)) or text.endswith(w) for w in words)
    else:
        found = ctx.phrase_pattern(words).search(text) is not None
    return found if op.endswith("_any") else not found


_WORD_OPS = ("contains_any", "contains_none", "ends_with_any", "ends_with_none")


def condition_holds(value: Any, condition: dict[str, Any], ctx: CheckContext) -> bool:
    """All operators of a `where` condition hold for the value."""
    for op, raw in condition.items():
        expected = ctx.value(raw)
        if op in _WORD_OPS:
            if not _words_hold(op, value, expected, ctx):
                return False
            continue
        if op == "not_matches":
            if value is not None and ctx.search(str(expected), str(value)):
                return False
            continue
        if op == "exists":
            if (value is not None) != bool(expected):
                return False
            continue
        if value is None:
            if op in ("ne", "not_in"):  # nothing is neither equal to nor in anything
                continue
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


def lookup(ctx: CheckContext, ref: str) -> Any:
    """A document-level value: `document.*`, `metadata.*`, `manifest.*` (as `ctx.resolve`),
    `identity.NAME` (the decided value of an identity field, e.g. `identity.truncated`) or
    `facts.FAMILY.PATH` (a path on the family's first fact; None when the family is empty)."""
    head, _, rest = ref.partition(".")
    if head == "identity":
        decision = getattr(ctx.doc.identity, rest, None)
        return getattr(decision, "value", decision)
    if head == "facts":
        family, _, path = rest.partition(".")
        first = next(iter(ctx.fact_family(family)), None)
        return get_path(first, path) if path else first
    return ctx.resolve(ref)


def when_holds(when: dict[str, dict[str, Any]] | None, ctx: CheckContext) -> bool:
    """Every `when` condition holds for the document-level value it names (see `lookup`)."""
    return all(condition_holds(lookup(ctx, ref), cond, ctx) for ref, cond in (when or {}).items())


def reads(check: dict[str, Any]) -> list[str]:
    """What a check reads, for `rules show`: fact families, document fields and references."""
    found: list[str] = [f"facts.{check[key]}" for key in ("family", "level_of") if check.get(key)]
    for key in ("date", "reference", "when", "values", "scopes"):
        found += [r for r in _refs_in(check.get(key)) if r not in found]
    return found


def _refs_in(obj: Any) -> list[str]:
    heads = ("document.", "metadata.", "manifest.", "identity.", "facts.", "node:")
    if isinstance(obj, str):
        return [obj] if obj.startswith(heads) else []
    if isinstance(obj, dict):
        return [r for k, v in obj.items() for r in _refs_in(k) + _refs_in(v)]
    if isinstance(obj, list):
        return [r for v in obj for r in _refs_in(v)]
    return []


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


def title_span(doc: Any) -> tuple[int, int]:
    """The span of the document's title node, or (0, 0): where a finding about the whole document
    points."""
    node = next((n for n in doc.root.walk() if n.kind == "title"), None)
    return (node.start, node.end) if node else (0, 0)
