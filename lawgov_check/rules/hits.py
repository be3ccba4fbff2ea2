"""What a check kind returns: where the problem is and the values its message needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hit:
    """A span of the normalized text (`start`/`end`) and named values for the message template.

    `variant`, when given, names which of the rule's `messages` words the finding (a problem
    variant such as `missing` or `too-short`); values whose key ends in `_code` are codes the
    ruleset's `labels` put into words (`part_code: plans` fills `{part}`).

    `basis`, when given, names (by 文号 or title) which of the rule's bases this hit rests on, for
    a rule whose basis depends on what the text concerns; the finding then cites only those.
    """

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    basis: tuple[str, ...] = ()
    variant: str | None = None


class RuleTimeout(Exception):
    """A regular expression of a rule ran longer than the allowed time."""
