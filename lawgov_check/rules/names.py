"""Names a user gives (ruleset ids, rule codes or prefixes, a jurisdiction) checked against the
catalogue, each unknown one with the nearest valid value: the command line, the configuration
file and the HTTP service say the same thing."""

from __future__ import annotations

from typing import Iterable

from .loader import Catalogue, nearest


def unknown_names(catalogue: Catalogue, *, rulesets: Iterable[str] = (), select: Iterable[str] = (),
                  ignore: Iterable[str] = (), jurisdiction: str | None = None) -> list[tuple[str, str]]:
    """(option, problem) for every name the catalogue does not know."""
    from ..identify.jurisdiction import unknown_jurisdiction

    ids = [rs.id for rs in catalogue.rulesets]
    codes = [rule.code for _, rule in catalogue.rules()]
    problems = [("ruleset", f"未知的规则集 {r}{nearest(r, ids)}（可选：{'、'.join(ids)}）")
                for r in rulesets if r.upper() not in ids]
    for option, given in (("select", select), ("ignore", ignore)):
        problems += [(option, f"未知的规则代码或前缀 {c}{nearest(c.upper(), codes)}")
                     for c in given if not any(code.startswith(c.upper()) for code in codes)]
    if jurisdiction and (problem := unknown_jurisdiction(jurisdiction, catalogue.jurisdiction_parameters)):
        problems.append(("jurisdiction", problem))
    return problems
