"""`predicate`: a named Python function from `lawgov_check.rules.predicates`.

    check:
      kind: predicate
      name: gf.mixed-punctuation-width
      args: {full_width_share: 0.8}
"""

from __future__ import annotations

import inspect
from typing import Any, Iterator

from ..context import CheckContext
from ..hits import Hit


def validate(check: dict[str, Any]) -> list[tuple[str, str]]:
    from ..loader import nearest
    from ..predicates import LOAD_ERRORS, PREDICATES

    if check.get("name") not in PREDICATES:
        broken = "".join(f"；模块 {m} 无法导入: {e}" for m, e in sorted(LOAD_ERRORS.items()))
        return [("check.name", f"未注册的谓词 {check.get('name')}{nearest(check.get('name'), PREDICATES)}{broken}")]
    return argument_problems(PREDICATES[check["name"]], check.get("args") or {})


_TYPES: dict[Any, tuple[type, ...]] = {
    bool: (bool,), int: (int,), float: (int, float), str: (str,), list: (list,), tuple: (list,), dict: (dict,),
}


def argument_problems(fn: Any, args: dict[str, Any]) -> list[tuple[str, str]]:
    """The predicate's declared arguments (its signature) against those the YAML gives: unknown
    names, missing required ones, and literal values of the wrong type. A `{param: …}` or
    `{vocab: …}` reference is checked by the loader instead."""
    from ..loader import nearest

    parameters = list(inspect.signature(fn).parameters.values())[1:]  # after ctx
    declared = {p.name: p for p in parameters if p.kind is not p.VAR_KEYWORD}
    problems = []
    for name, value in args.items():
        if name not in declared:
            problems.append((f"check.args.{name}", f"谓词 {fn.__name__} 没有参数 {name}{nearest(name, declared)}"))
            continue
        expected = _TYPES.get(_annotation(declared[name]))
        is_reference = isinstance(value, dict) and len(value) == 1 and set(value) <= {"param", "vocab"}
        if expected and not is_reference and value is not None and (
                not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected)):
            problems.append((f"check.args.{name}", f"应为 {expected[0].__name__}，实为 {type(value).__name__}"))
    for name, param in declared.items():
        if param.default is param.empty and name not in args:
            problems.append(("check.args", f"谓词 {fn.__name__} 缺少参数 {name}"))
    return problems


def _annotation(param: inspect.Parameter) -> Any:
    """The plain type of an annotation written as a string (`from __future__ import annotations`)."""
    annotation = param.annotation
    if isinstance(annotation, str):
        head = annotation.split("|")[0].split("[")[0].strip()
        return {"bool": bool, "int": int, "float": float, "str": str, "list": list, "tuple": tuple,
                "dict": dict}.get(head)
    return annotation if annotation in _TYPES else None


def run(check: dict[str, Any], ctx: CheckContext) -> Iterator[Hit]:
    from ..predicates import PREDICATES

    args = {k: ctx.value(v) for k, v in (check.get("args") or {}).items()}
    yield from PREDICATES[check["name"]](ctx, **args)
