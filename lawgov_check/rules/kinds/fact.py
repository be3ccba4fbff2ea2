r"""`fact`: judge the extracted facts of one family.

    check:
      kind: fact
      family: doc_numbers          # a field of Facts: dates, doc_numbers, report_parts, ...
      where:                       # conditions on each fact (all must hold)
        attrs.kind: {eq: doc_number}
        value.year: {lt: 2000}
        section_text: {contains_none: {vocab: causes}}   # the text of the fact's attrs.section
      where_any:                   # and at least one of these (each a `where`)
        - {attrs.has_di: {eq: true}}
        - {attrs.zero_padded: {eq: true}}
      scope: node:signature_date   # only facts that start inside the scope ...
      scopes:                      # ... or per scope a message variant, first match wins
        - {scope: node:doc_number, variant: own}
        - {scope: body, variant: cited, when: {document.date: {ge: "2012-07-01"}}}
      when:                        # conditions on the document (see _common.lookup); else no hit
        identity.truncated: {ne: true}
      report: each                 # each matching fact is a hit; `absent`: one hit when none matches
      variant: too-late            # the message variant of every hit (unless a scope gives one)
      variant_from: attrs.problem  # or: the variant is the fact's value at this path (None: default)
      values: {min_days: {param: effective_min_days}, year: document.year}   # more template values

A hit carries the fact's `text`, `value` and scalar attributes as template values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ...facts.types import KIND_BY_FIELD
from ..context import CheckContext, Segment
from ..hits import Hit
from ._common import condition_holds, get_path, lookup, reads, when_holds  # noqa: F401  (reads: rules show)


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    if check.get("family") not in KIND_BY_FIELD:
        problems.append(("check.family", f"未知的事实类别 {check.get('family')}"))
    if "scope" in check and "scopes" in check:
        problems.append(("check.scopes", "scope 与 scopes 只能二选一"))
    if check.get("report") == "absent" and "scopes" in check:
        problems.append(("check.report", "report: absent 不能与 scopes 同用"))
    return problems


def _field(fact: Any, path: str, ctx: CheckContext) -> Any:
    if path == "section_text":
        span = get_path(fact, "attrs.section")
        return ctx.doc.text[span[0]:span[1]] if span else None
    return get_path(fact, path)


def _holds(fact: Any, where: dict[str, Any] | None, ctx: CheckContext) -> bool:
    return all(condition_holds(_field(fact, path, ctx), cond, ctx) for path, cond in (where or {}).items())


def _matches(fact: Any, check: dict[str, Any], ctx: CheckContext) -> bool:
    alternatives = check.get("where_any")
    return _holds(fact, check.get("where"), ctx) and (
        not alternatives or any(_holds(fact, where, ctx) for where in alternatives))


def _inside(fact: Any, segments: list[Segment]) -> bool:
    return any(seg.start <= fact.start < seg.end or fact.start <= seg.start < fact.end for seg in segments)


def _variant(fact: Any, check: dict[str, Any], ctx: CheckContext) -> tuple[bool, str | None]:
    """Whether the fact is in scope, and the variant its scope gives."""
    if "scope" in check:
        return _inside(fact, ctx.scope(check["scope"])), check.get("variant")
    for entry in check.get("scopes") or []:
        if _inside(fact, ctx.scope(entry["scope"])) and when_holds(entry.get("when"), ctx):
            return True, entry.get("variant", check.get("variant"))
    return "scopes" not in check, check.get("variant")


def _anchor(ctx: CheckContext) -> tuple[int, int]:
    """Where a missing fact is reported: the title, else the first heading, else the start."""
    title = ctx.scope("title")
    if title:
        return title[0].start, title[0].end
    headings = ctx.doc.headings
    return (headings[0].start, headings[0].start) if headings else (0, 0)


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    if not when_holds(check.get("when"), ctx):
        return
    facts = [f for f in ctx.fact_family(check["family"]) if _matches(f, check, ctx)]
    if check.get("report") == "absent":
        if not any(_variant(f, check, ctx)[0] for f in facts):
            yield Hit(*_anchor(ctx), {}, variant=check.get("variant"))
        return
    for fact in facts:
        in_scope, variant = _variant(fact, check, ctx)
        if not in_scope:
            continue
        if "variant_from" in check:
            variant = get_path(fact, check["variant_from"])
        value = get_path(fact, "value")
        values = {"text": get_path(fact, "text"), "value": value.isoformat() if isinstance(value, dt.date) else value}
        attrs = get_path(fact, "attrs")
        if isinstance(attrs, dict):
            values.update({k: v for k, v in attrs.items() if isinstance(v, (str, int, float))})
        values.update(_extra_values(check, ctx))
        yield Hit(get_path(fact, "start"), get_path(fact, "end"), values, variant=variant)


def _extra_values(check: dict[str, Any], ctx: CheckContext) -> dict[str, Any]:
    """`values`: a parameter (`{param: NAME}`) or a document-level value (see _common.lookup)."""
    return {name: lookup(ctx, spec) if isinstance(spec, str) else ctx.value(spec)
            for name, spec in (check.get("values") or {}).items()}
