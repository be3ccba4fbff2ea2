"""What a jurisdiction file says: its place in the hierarchy, its sources, its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEVELS = ("province", "city", "county")
CERTAINTIES = ("verified", "observed", "unverified")


@dataclass(frozen=True)
class Source:
    """Where a parameter was read: a regulation's article, or published documents of the place."""

    id: str
    title: str
    certainty: str
    number: str | None = None
    article: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None

    def cite(self) -> str:
        return f"《{self.title}》" + (f"（{self.number}）" if self.number else "") + (self.article or "")

    def to_dict(self) -> dict[str, Any]:
        keys = ("id", "title", "number", "article", "date", "url", "certainty")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


@dataclass(frozen=True)
class Setting:
    """One parameter as a jurisdiction file sets it."""

    ruleset: str
    name: str
    value: Any
    source: Source
    examples: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class JurisdictionFile:
    name: str
    level: str
    within: str | None
    path: str
    sources: dict[str, Source]
    settings: dict[str, dict[str, Setting]]  # ruleset id → parameter name → setting
    origin: str = "bundled"  # bundled, or file (--jurisdiction-file / jurisdiction-files)
    note: str | None = None

    def all_settings(self) -> list[Setting]:
        return [s for by_name in self.settings.values() for s in by_name.values()]

    def certainty(self) -> str | None:
        """The weakest certainty among the parameters this file sets (None: it sets none)."""
        found = {s.source.certainty for s in self.all_settings()}
        return next((c for c in reversed(CERTAINTIES) if c in found), None)


@dataclass(frozen=True)
class Parameter:
    """A parameter in force: its value and who set it (`setting` None: the ruleset's default)."""

    name: str
    value: Any
    set_by: str | None = None  # the jurisdiction whose file set it
    path: str | None = None
    setting: Setting | None = None

    @property
    def certainty(self) -> str | None:
        return self.setting.source.certainty if self.setting else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "value": self.value, "set_by": self.set_by or "national"}
        if self.setting is not None:
            out["file"] = self.path
            out["source"] = self.setting.source.to_dict()
        return out


@dataclass(frozen=True)
class Resolved:
    """A ruleset's parameters for one place, national defaults overlaid by each file of its chain."""

    chain: tuple[str, ...]  # jurisdiction names, province first
    parameters: dict[str, Parameter] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        return {name: p.value for name, p in self.parameters.items()}

    def from_files(self) -> list[Parameter]:
        return [p for p in self.parameters.values() if p.setting is not None]

    def unverified(self, names: Any) -> bool:
        """True when any of `names` was set by a file on a source that is not verified."""
        return any((p := self.parameters.get(n)) is not None and p.setting is not None
                   and p.certainty != "verified" for n in names)
