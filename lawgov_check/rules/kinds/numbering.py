"""`numbering`: the sequence of body headings (一、 → （一） → 1. → （1）).

    check:
      kind: numbering
      problems: [gap, repeat, out_of_order]     # and/or deviant_marker, mixed_style,
                                                #        level_skip, lower_first
      styles: {param: heading_styles}           # allowed marker styles per level
      level_of: task_clauses                    # only the level of this fact family's headings
                                                # (its first fact's attrs.level; none: no hits)

Sub-headings may restart at 1 under every parent or continue across parents ((一)…(三十二)
running through 一、二、三); both are accepted, as long as the count goes on by one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Iterator

from ...model import Heading
from ..context import CheckContext
from ..hits import Hit

DEFAULT_STYLES = {1: ["cn_dun"], 2: ["cn_paren"], 3: ["arabic_dot"], 4: ["arabic_paren"]}
PROBLEMS = ("gap", "repeat", "out_of_order", "deviant_marker", "mixed_style", "level_skip", "lower_first")


def _sequence_problems(headings: list[Heading]) -> Iterator[tuple[Heading, str, dict[str, Any]]]:
    parents: dict[int, Heading | None] = {}      # the current parent of each level
    last_under_parent: dict[tuple[int, int], int] = {}  # (id(parent), level) -> last number
    last_at_level: dict[int, int] = {}           # last number at each level, across parents
    for h in headings:
        parent = None
        for candidate_level in sorted((lvl for lvl in parents if lvl < h.level), reverse=True):
            parent = parents[candidate_level]
            break
        key = (id(parent), h.level)
        previous = last_under_parent.get(key)
        if previous is None:
            continued = last_at_level.get(h.level)
            if h.number != 1 and (continued is None or h.number != continued + 1):
                if continued is not None and h.number == continued:
                    yield h, "repeat", {"expected": f"1 或 {continued + 1}"}
                elif continued is not None and h.number > continued + 1:
                    yield h, "gap", {"expected": f"1 或 {continued + 1}"}
                else:
                    yield h, "gap", {"expected": 1}
        elif h.number == previous:
            yield h, "repeat", {"expected": previous + 1}
        elif h.number < previous:
            yield h, "out_of_order", {"expected": previous + 1}
        elif h.number > previous + 1:
            yield h, "gap", {"expected": previous + 1}
        last_under_parent[key] = h.number
        last_at_level[h.level] = h.number
        parents[h.level] = h
        for deeper in [lvl for lvl in parents if lvl > h.level]:
            del parents[deeper]


def _hierarchy_problems(headings: list[Heading]) -> Iterator[tuple[Heading, str, dict[str, Any]]]:
    """A skipped level is reported once per parent: at the first of the siblings that skip it."""
    open_headings: list[Heading] = []
    skips_reported: set[tuple[int, int]] = set()  # (id(parent), level)
    orphans: list[Heading] = []  # headings seen before any higher level
    orphan_min_level = 0  # the lowest level among `orphans` (kept so each step is O(1))
    reported_orphans = False
    for h in headings:
        while open_headings and open_headings[-1].level >= h.level:
            open_headings.pop()
        if open_headings:
            parent = open_headings[-1]
            run = (id(parent), h.level)
            if parent.level < h.level - 1 and run not in skips_reported:
                skips_reported.add(run)
                yield h, "level_skip", {"parent_level": parent.level, "expected": h.level - 1}
        elif orphans and h.level < orphan_min_level and not reported_orphans:
            reported_orphans = True
            first = orphans[0]
            yield first, "lower_first", {"higher": h.marker}
        else:
            orphan_min_level = min(orphan_min_level, h.level) if orphans else h.level
            orphans.append(h)
        open_headings.append(h)


def _style_problems(headings: list[Heading], styles: dict[int, list[str]],
                    wanted: set[str]) -> Iterator[tuple[Heading, str, dict[str, Any]]]:
    first_style: dict[int, str] = {}
    for h in headings:
        allowed = styles.get(h.level)
        deviant = bool(allowed) and h.style not in allowed
        if deviant and "deviant_marker" in wanted:
            yield h, "deviant_marker", {"allowed": "、".join(allowed or [])}
        first = first_style.setdefault(h.level, h.style)
        if h.style != first and not deviant and "mixed_style" in wanted:
            yield h, "mixed_style", {"first_style": first}


def numbering_problems(headings: Iterable[Heading], wanted: Iterable[str],
                       styles: dict[int, list[str]] | None = None) -> list[tuple[Heading, str, dict[str, Any]]]:
    """All problems of the wanted kinds, in document order."""
    headings = list(headings)
    wanted = set(wanted)
    found: list[tuple[Heading, str, dict[str, Any]]] = []
    if wanted & {"gap", "repeat", "out_of_order"}:
        found += [p for p in _sequence_problems(headings) if p[1] in wanted]
    if wanted & {"level_skip", "lower_first"}:
        found += [p for p in _hierarchy_problems(headings) if p[1] in wanted]
    if wanted & {"deviant_marker", "mixed_style"}:
        found += list(_style_problems(headings, styles or DEFAULT_STYLES, wanted))
    return sorted(found, key=lambda p: (p[0].start, p[1]))


def _headings(check: dict[str, Any], ctx: CheckContext) -> tuple[list[Heading], int | None]:
    """The headings judged, and the one level reported (None: every level)."""
    if "level_of" not in check:
        return ctx.doc.headings, None
    first = next(iter(ctx.fact_family(check["level_of"])), None)
    if first is None:
        return [], None
    level = first.attrs["level"]
    return [h for h in ctx.doc.headings if h.level <= level], level


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    raw_styles = ctx.value(check.get("styles")) or DEFAULT_STYLES
    styles = {int(k): list(v) for k, v in raw_styles.items()}
    levels = Counter(h.level for h in ctx.doc.headings)
    headings, only = _headings(check, ctx)
    for h, problem, values in numbering_problems(headings, check.get("problems", PROBLEMS), styles):
        if only is not None and h.level != only:
            continue
        end = h.start + len(h.marker) if h.marker else h.end
        # The problem is the message variant (gap → `gap`, out_of_order → `out-of-order`).
        yield Hit(h.start, max(end, h.start + 1), variant=problem.replace("_", "-"), values={
            "marker": h.marker, "number": h.number, "level": h.level, "count_at_level": levels[h.level],
            **{k: v for k, v in values.items()}})
