"""What a check kind returns: where the problem is and the values its message needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hit:
    """A span of the normalized text (`start`/`end`) and named values for the message template."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)


class RuleTimeout(Exception):
    """A regular expression of a rule ran longer than the allowed time."""
