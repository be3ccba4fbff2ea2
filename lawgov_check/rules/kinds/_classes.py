"""Subject classes: what a period (or a document) concerns decides which bound applies.

A check lists its classes strictest first; each may carry `words` (a vocabulary looked for in the
places `classify_by` names, in order), `fallback_words` (looked for in the title and the start of
the opening when no class's words were found), `flag` (a manifest boolean, else `title` words:
e.g. market-related, which outranks the classes listed after it) and its own `min`/`max`/`unit`/
`basis`. `title_words` are looked for in the title only. A class with none of words, title_words,
fallback_words or flag is the default.

    classes:
      - {class: major_decision, words: {vocab: major_decision_subjects}, min: {param: major_decision_comment_min_days}}
      - {class: market, flag: {manifest: market_related, title: {vocab: market_subjects}}, min: 30}
      - {class: normative, words: {vocab: normative_subjects}, min: 7, unit: working_days}
"""

from __future__ import annotations

from typing import Any

from ..context import CheckContext

_OPENING_CHARS = 600
_FALLBACK_OPENING_CHARS = 200


def opening(ctx: CheckContext, chars: int = _OPENING_CHARS) -> str:
    """The first paragraphs and headings of the document, up to `chars` characters."""
    parts: list[str] = []
    for node in ctx.nodes():
        if node.kind in ("paragraph", "heading"):
            parts.append(node.text)
            if sum(map(len, parts)) >= chars:
                break
    return "".join(parts)[:chars]


def _found(ctx: CheckContext, words: Any, text: str) -> bool:
    return words is not None and bool(ctx.phrase_pattern(ctx.value(words)).search(text))


def _flagged(ctx: CheckContext, flag: dict[str, Any]) -> bool:
    value = (ctx.manifest or {}).get(flag.get("manifest", ""))
    if isinstance(value, bool):
        return value
    return _found(ctx, flag.get("title"), ctx.doc.title or "")


def classify(ctx: CheckContext, classes: list[dict[str, Any]], places: list[tuple[str, str]]) -> dict[str, Any] | None:
    """The class that governs, given the (name, text) of `places` in order; `title_words` are
    looked for in the title only."""
    found = None
    for name, text in places:
        found = next((c for c in classes if _found(ctx, c.get("words"), text)
                      or (name == "title" and _found(ctx, c.get("title_words"), text))), None)
        if found:
            break
    if found is None:
        start = (ctx.doc.title or "") + opening(ctx, _FALLBACK_OPENING_CHARS)
        found = next((c for c in classes if _found(ctx, c.get("fallback_words"), start)), None)
    rank = classes.index(found) if found else len(classes)
    flagged = next((c for c in classes[:rank] if "flag" in c and _flagged(ctx, c["flag"])), None)
    if flagged:
        return flagged
    if found:
        return found
    return next((c for c in classes if not DEFAULT_EXCLUDES & set(c)), None)


DEFAULT_EXCLUDES = {"words", "title_words", "fallback_words", "flag"}  # a class with none is the default


def document_places(ctx: CheckContext, names: list[str]) -> list[tuple[str, str]]:
    return [(name, ctx.doc.title or "" if name == "title" else opening(ctx)) for name in names]
