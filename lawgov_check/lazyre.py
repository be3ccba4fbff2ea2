"""Regular expressions compiled when first used, for module-level patterns most documents never
need: compiling one of the long label alternations costs a few milliseconds of every cold start.

`lazy(pattern)` stands for `re.compile(pattern)`: the first attribute looked up compiles it and
puts the compiled pattern's methods on the object, so later calls cost what a compiled pattern's
do. It is not an `re.Pattern`: use its methods (`PATTERN.search(text)`), not `re.search(PATTERN, …)`.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for names not yet on the object
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(*self._source)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done on first use."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
