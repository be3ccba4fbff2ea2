"""Waivers: accepted findings, declared in the config file with a reason.

Documents cannot carry comment directives, so a waiver names the documents (path glob), the rule
code, the reason, and optionally a text the finding's evidence must contain. Every waived finding
is listed in the result (`RunResult.waivers_applied`); a waiver that waived nothing in the run is
listed in `RunResult.waivers_unused`, so stale waivers get noticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .globs import matches_any
from .model import DocumentResult, Finding, RunResult


def _squash(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Waiver:
    paths: tuple[str, ...]
    code: str
    reason: str
    match: str | None = None
    origin: str = ""  # where it is declared: `lawgov-check.toml: waivers[2]`
    base: str = "."  # the directory its globs are relative to

    def covers_path(self, path: str) -> bool:
        return path != "-" and matches_any(self.paths, path, self.base)

    def covers(self, finding: Finding) -> bool:
        return finding.code == self.code and (
            self.match is None or _squash(self.match) in _squash(finding.evidence))

    def describe(self) -> dict[str, Any]:
        return {"waiver": self.origin, "path": list(self.paths), "code": self.code,
                "reason": self.reason, "match": self.match}


@dataclass
class WaiverBook:
    """Applies waivers document by document and remembers which ones were used."""

    waivers: list[Waiver]
    applied: list[dict[str, Any]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)
    _path_matched: set[int] = field(default_factory=set)

    def apply(self, doc: DocumentResult) -> None:
        """Remove the waived findings from `doc` and record each one."""
        relevant = [(i, w) for i, w in enumerate(self.waivers) if w.covers_path(doc.path)]
        if not relevant:
            return
        self._path_matched.update(i for i, _ in relevant)
        kept = []
        for finding in doc.findings:
            hit = next(((i, w) for i, w in relevant if w.covers(finding)), None)
            if hit is None:
                kept.append(finding)
                continue
            i, waiver = hit
            self._used.add(i)
            self.applied.append({**waiver.describe(), "document": doc.path,
                                 "line": finding.location.line, "evidence": finding.evidence[:200],
                                 "fingerprint": finding.fingerprint})
        doc.findings = kept

    def unused(self) -> list[dict[str, Any]]:
        out = []
        for i, waiver in enumerate(self.waivers):
            if i in self._used:
                continue
            why = ("匹配的文件中没有相应的问题" if i in self._path_matched
                   else "本次检查的文件都不在其路径范围内")
            out.append({**waiver.describe(), "why": why})
        return out

    def finish(self, run: RunResult) -> None:
        run.waivers_applied = list(self.applied)
        run.waivers_unused = self.unused()


def waiver_lines(run: RunResult, lang: str = "zh") -> list[str]:
    """Plain lines listing applied and unused waivers (for the text report)."""
    zh = lang != "en"
    lines = []
    if run.waivers_applied:
        lines.append(f"{'已豁免' if zh else 'Waivers applied'} ({len(run.waivers_applied)})")
        for w in run.waivers_applied:
            why = f"理由：{w['reason']}" if zh else f"reason: {w['reason']}"
            lines.append(f"  {w['document']}:{w['line']}  {w['code']}  {why}  [{w['waiver']}]")
    if run.waivers_unused:
        lines.append(f"{'未使用的豁免' if zh else 'Unused waivers'} ({len(run.waivers_unused)})")
        for w in run.waivers_unused:
            lines.append(f"  {w['waiver']}  {w['code']} {', '.join(w['path'])}  {w['why']}")
    return lines

