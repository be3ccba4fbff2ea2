"""`period`: a span of time for a subject is compared with a minimum and/or maximum.

The subject is a manifest object with `start`/`end` (`manifest: comment_period`), two references
(`from:`/`to:`), or facts of a family (`fact: durations` with `where`; `comment_periods`,
`validity_periods`, `date_ranges`); a list of subjects is tried in order and the first that yields
a period is judged (`first: true` on a fact subject keeps only its first fact).

    check:
      kind: period
      subject: [{manifest: comment_period}, {fact: comment_periods}]
      unit: working_days            # calendar_days | working_days | months | years, or {param: …}
      min: {param: comment_period_min_working_days}
      max: 15
      classes: [...]                # optional, see _classes.py: the bounds depend on what it concerns
      class: rule                   # with classes: judge only documents of this class
      classify_by: [title, opening] # or [sentence, previous_sentence]: each period by its own words
      missing: true                 # report the `missing` variant when no period is stated
      count_from: publication       # judge the time left after a late publication (see below)

A written length (7天) in another unit than the bound is converted (facts/calendar.convert).
Variants: `too-short`/`too-long` (dates: values start, end, calendar, working), `stated-too-short`/
`stated-too-long` (a written length: `converted` when its unit differs), `missing`, and with
`count_from: publication`, `short-from-publication`: the page was published after the stated start
and the time left (published…end) is below the minimum while the stated period is not.
"""

from __future__ import annotations

from typing import Any, Iterator

from ...facts import calendar
from ...facts.segments import Boundaries
from ..context import CheckContext
from ..hits import Hit
from ._classes import DEFAULT_EXCLUDES, classify, document_places
from ._common import as_date, get_path, title_span, where_holds


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    """What the schema cannot say: `class` names one of `classes`, and only a class without words
    is a default (at most one)."""
    classes = check.get("classes") or []
    names = [c.get("class") for c in classes]
    problems = []
    if "class" in check and check["class"] not in names:
        problems.append(("check.class", f"{check['class']} 不在 classes 中（{'、'.join(map(str, names))}）"))
    if len(set(names)) != len(names):
        problems.append(("check.classes", "类别名称重复"))
    defaults = [c for c in classes if not DEFAULT_EXCLUDES & set(c)]
    if len(defaults) > 1:
        problems.append(("check.classes", "只能有一个默认类别（没有 words、fallback_words 或 flag）"))
    return problems


def reads(check: dict[str, Any]) -> dict[str, list[str]]:
    subjects = check["subject"] if isinstance(check["subject"], list) else [check["subject"]]
    return {"facts": [s["fact"] for s in subjects if "fact" in s],
            "manifest": [s["manifest"] for s in subjects if "manifest" in s],
            "fields": ["title"] if check.get("classes") else []}


def _dated(start: Any, end: Any, at: tuple[int, int]) -> dict[str, Any] | None:
    start, end = as_date(start), as_date(end)
    return {"start": start, "end": end, "span": at} if start and end else None


def _periods(subject: dict[str, Any], ctx: CheckContext) -> list[dict[str, Any]]:
    """Periods as {start, end} dates or {amount, unit} lengths, each with its span."""
    if "manifest" in subject:
        obj = ctx.resolve(f"manifest.{subject['manifest']}")
        found = _dated(obj.get("start"), obj.get("end"), (0, 0)) if isinstance(obj, dict) else None
        return [found] if found else []
    if "from" in subject:
        found = _dated(ctx.resolve(subject["from"]), ctx.resolve(subject["to"]), (0, 0))
        return [found] if found else []
    out = []
    for fact in ctx.fact_family(subject["fact"]):
        if not where_holds(fact, subject.get("where"), ctx):
            continue
        value = get_path(fact, "value")
        if isinstance(value, tuple) and len(value) == 2:
            value = {"start": value[0], "end": value[1]}
        if isinstance(value, dict):
            found = _dated(value.get("start"), value.get("end"), fact.span)
            if found:
                out.append({**found, "fact": fact})
        elif value is not None and hasattr(value, "amount"):
            out.append({"amount": value.amount, "unit": calendar.DURATION_UNITS[value.unit], "span": fact.span})
        if out and subject.get("first"):
            break
    return out


def _subject_periods(check: dict[str, Any], ctx: CheckContext) -> list[dict[str, Any]]:
    subjects = check["subject"] if isinstance(check["subject"], list) else [check["subject"]]
    for subject in subjects:
        found = _periods(subject, ctx)
        if found:
            return found
    return []


def _places(ctx: CheckContext, names: list[str], span: tuple[int, int]) -> list[tuple[str, str]]:
    if "sentence" not in names:
        return document_places(ctx, names)
    bounds = Boundaries.of(ctx.doc.text)
    s_start, s_end = bounds.sentence(span[0])
    places = [("sentence", ctx.doc.text[s_start:s_end])]
    if "previous_sentence" in names and s_start > 0:
        p_start, _ = bounds.sentence(s_start - 1)
        if "\n" not in ctx.doc.text[p_start:s_start]:
            places.append(("previous_sentence", ctx.doc.text[p_start:s_start]))
    return places


def _bounds(check: dict[str, Any], ctx: CheckContext, cls: dict[str, Any] | None) -> tuple[Any, Any, str]:
    source = cls if cls is not None and ({"min", "max"} & set(cls)) else check
    unit = ctx.value((cls or {}).get("unit", check.get("unit", "calendar_days")))
    return ctx.value(source.get("min")), ctx.value(source.get("max")), unit


def _judge(period: dict[str, Any], minimum: Any, maximum: Any, unit: str,
           check: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    if "amount" in period:
        length, exact = calendar.convert(period["amount"], period["unit"], unit)
        values: dict[str, Any] = {"length": period["amount"], "stated_unit_code": period["unit"]}
        if not exact:
            values["converted"] = _shown(length)
        prefix = "stated-" if exact else "converted-"
    else:
        start, end = period["start"], period["end"]
        length = calendar.count(start, end, unit, inclusive=check.get("inclusive", True))
        values = {"start": start.isoformat(), "end": end.isoformat(), "length": _shown(length),
                  "calendar": calendar.count(start, end, "calendar_days"),
                  "working": calendar.count(start, end, "working_days")}
        prefix = ""
    if minimum is not None and length < minimum:
        return prefix + "too-short", {**values, "bound": minimum}
    if maximum is not None and length > maximum:
        return prefix + "too-long", {**values, "bound": maximum}
    return None


def _shown(number: float) -> float | int:
    return int(round(number)) if abs(number - round(number)) < 0.05 else round(number, 1)


def _from_publication(period: dict[str, Any], minimum: Any, unit: str, ctx: CheckContext) -> dict[str, Any] | None:
    fact = period.get("fact")
    attrs = getattr(fact, "attrs", None) or {"start_stated": True}  # a manifest's period states its start
    published = as_date(ctx.resolve("manifest.publication_date")) or attrs.get("published")
    start, end = period["start"], period["end"]
    if minimum is None or not attrs.get("start_stated") or not published or not start < published <= end:
        return None
    if calendar.count(start, end, unit) < minimum or calendar.count(published, end, unit) >= minimum:
        return None
    return {"start": start.isoformat(), "end": end.isoformat(), "published": published.isoformat(),
            "calendar": calendar.count(published, end, "calendar_days"),
            "working": calendar.count(published, end, "working_days"), "bound": minimum}


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    classes, names = check.get("classes"), check.get("classify_by", ["title", "opening"])
    per_period = "sentence" in names
    cls = classify(ctx, classes, _places(ctx, names, (0, 0))) if classes and not per_period else None
    if classes and not per_period and (cls is None or cls["class"] != check.get("class", cls["class"])):
        return
    periods = _subject_periods(check, ctx)
    if not periods:
        if ctx.value(check.get("missing", False)):
            yield Hit(*title_span(ctx.doc), variant="missing")
        return
    for period in periods:
        if per_period:
            cls = classify(ctx, classes, _places(ctx, names, period["span"]))
            if cls is None or cls["class"] != check.get("class", cls["class"]):
                continue
        minimum, maximum, unit = _bounds(check, ctx, cls)
        if check.get("count_from") == "publication":
            judged = ("short-from-publication", _from_publication(period, minimum, unit, ctx)) \
                if "start" in period else None
        else:
            judged = _judge(period, minimum, maximum, unit, check)
        if not judged or judged[1] is None:
            continue
        variant, values = judged
        extra = {"unit_code": unit, "min": minimum, "max": maximum}
        if cls is not None:
            extra["class_code"] = cls["class"]
        span = period["span"] if period["span"] != (0, 0) else title_span(ctx.doc)
        basis = (cls["basis"],) if cls and cls.get("basis") else ()
        yield Hit(*span, {**values, **extra}, basis=basis, variant=variant)
