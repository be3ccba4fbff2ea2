"""Validate a ruleset against rulesets/ruleset.schema.json; one line per problem."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from ..resources import data_dir


@cache
def ruleset_schema() -> dict[str, Any]:
    return json.loads((data_dir("rulesets") / "ruleset.schema.json").read_text(encoding="utf-8"))


def jsonable(value: Any) -> Any:
    """YAML turns 2019-04-15 into a date; the schema (and JSON) wants ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def _where(path: list[Any], data: dict[str, Any]) -> tuple[str, str]:
    """(rule code or "-", dotted field) of a path inside a ruleset."""
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rules = data.get("rules") or []
        rule = rules[path[1]] if path[1] < len(rules) else {}
        code = rule.get("code") if isinstance(rule, dict) else None
        rest = path[2:]
        label = code or f"rules[{path[1]}]"
    else:
        label, rest = "-", path
    field = ""
    for part in rest:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return label, field or "(root)"


def schema_problems(data: Any) -> list[tuple[str, str, str]]:
    """(rule code, field, problem) for every schema violation."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    if not isinstance(data, dict):
        return [("-", "(root)", "规则集必须是一个映射（YAML 对象）")]
    validator = Draft202012Validator(ruleset_schema())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        if error.context:
            error = best_match(error.context)
        code, field = _where(list(error.absolute_path), data)
        problems.append((code, field, error.message))
    return problems
