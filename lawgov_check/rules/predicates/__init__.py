"""Named Python predicates for what the check kinds cannot express.

A predicate is `fn(ctx: CheckContext, **args) -> Iterable[Hit]`, registered by name:

    @predicate("gf.mixed-punctuation-width")
    def mixed_width(ctx, full_width_share=0.8): ...

A ruleset uses it as `check: {kind: predicate, name: gf.mixed-punctuation-width, args: {...}}`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..hits import Hit

PredicateFn = Callable[..., Iterable[Hit]]
PREDICATES: dict[str, PredicateFn] = {}


def predicate(name: str) -> Callable[[PredicateFn], PredicateFn]:
    def register(fn: PredicateFn) -> PredicateFn:
        if name in PREDICATES and PREDICATES[name] is not fn:
            raise ValueError(f"predicate {name} registered twice")
        PREDICATES[name] = fn
        return fn

    return register


# Modules of this package that failed to import: name -> one-line cause.
LOAD_ERRORS: dict[str, str] = {}


def _load_builtin() -> None:
    """Import every module of this package; importing registers its predicates."""
    import importlib
    import pkgutil

    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        try:
            importlib.import_module(f"{__name__}.{module}")
        except Exception as exc:  # one broken module must not hide the others' predicates
            LOAD_ERRORS[module] = f"{type(exc).__name__}: {exc}"


_load_builtin()

__all__ = ["PREDICATES", "LOAD_ERRORS", "predicate"]
