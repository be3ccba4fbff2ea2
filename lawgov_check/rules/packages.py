"""Rulesets installed as Python packages, found through the `lawgov_check.rulesets` entry points.

A package declares, in its pyproject.toml,

    [project.entry-points."lawgov_check.rulesets"]
    hainan = "lawgov_check_hainan:rulesets"

where `rulesets` is a function taking no argument and returning the paths of its ruleset YAML
files. A package that cannot be imported, whose function fails or returns something else, is a
one-line problem naming the package; its files are then validated like any user's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

GROUP = "lawgov_check.rulesets"


@dataclass(frozen=True)
class PackagedRuleset:
    path: Path
    package: str  # distribution name
    version: str  # distribution version
    entry_point: str

    @property
    def label(self) -> str:
        return f"{self.package} {self.version}"


def _label(ep: EntryPoint) -> tuple[str, str]:
    dist = ep.dist
    if dist is None:
        return ep.module, "?"
    return dist.metadata["Name"] or ep.module, dist.version or "?"


def _paths(ep: EntryPoint) -> list[Path]:
    provider = ep.load()
    if not callable(provider):
        raise TypeError(f"{ep.value} 不是函数 (not a function returning ruleset paths)")
    found = provider()
    if isinstance(found, (str, Path)):
        found = [found]
    paths = [Path(str(p)) for p in found]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"规则集文件不存在 (missing): {', '.join(missing)}")
    if not paths:
        raise ValueError("未提供任何规则集文件 (no ruleset files)")
    return paths


def packaged_rulesets() -> tuple[list[PackagedRuleset], list[str]]:
    """The ruleset files of every installed package, and one line per package that failed."""
    found: list[PackagedRuleset] = []
    problems: list[str] = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        package, version = _label(ep)
        try:
            paths = _paths(ep)
        except Exception as exc:  # a third party's code: any failure is a line, never a traceback
            detail = " ".join(str(exc).split()) or type(exc).__name__
            problems.append(f"规则集包 {package} {version}（入口 {ep.name} = {ep.value}）: 无法加载: "
                            f"{type(exc).__name__}: {detail}")
            continue
        found += [PackagedRuleset(p, package, version, ep.name) for p in paths]
    return found, problems
