"""The closed set of check kinds. Each module has `run(check, ctx) -> Iterable[Hit]` and may have
`validate(check) -> list[tuple[str, str]]` (field, problem) for load-time checks."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

KIND_NAMES = ("presence", "absence", "pattern", "fact", "period", "deadline", "order",
              "numbering", "consistency", "procedure", "predicate")


def kind_module(name: str) -> ModuleType:
    if name not in KIND_NAMES:
        raise KeyError(f"未知的检查类型 {name}")
    return import_module(f"{__name__}.{name}")
