"""Baselines: report only the findings that an earlier result did not have.

A baseline is a JSON result (`--format json` or `--write-baseline`). A finding is "known" when the
baseline has a finding with the same fingerprint for the same document. The engine computes the
fingerprint from the rule code, the evidence text, the heading path, the document type and the
ordinal among identical findings, and never from line numbers, so text inserted above a finding
does not make it new.

Documents are matched by path, compared after normalising separators and making paths under the
current directory relative: run the baseline and later checks from the same directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .model import DocumentResult, Finding, InputError, RunResult


def path_key(path: str) -> str:
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.getcwd())
    except ValueError:
        rel = absolute
    chosen = absolute if rel.startswith("..") else rel
    return os.path.normpath(chosen).replace(os.sep, "/")


@dataclass
class Baseline:
    path: str
    known: dict[str, set[str]] = field(default_factory=dict)  # path key → fingerprints

    def new_findings(self, doc: DocumentResult) -> tuple[list[Finding], list[Finding]]:
        """(new, known) findings of one document."""
        known = self.known.get(path_key(doc.path), set())
        fresh = [f for f in doc.findings if f.fingerprint not in known]
        old = [f for f in doc.findings if f.fingerprint in known]
        return fresh, old


def load_baseline(path: str | Path) -> Baseline:
    """Read a JSON result as a baseline. Raises InputError naming the file and the cause."""
    name = str(path)
    from .auxfiles import MAX_BASELINE_BYTES, AuxFileError, parse_json, read_text

    try:
        data = parse_json(read_text(path, MAX_BASELINE_BYTES))
    except AuxFileError as exc:
        raise InputError(name, f"基线文件无法读取: {exc}") from None
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list):
        raise InputError(name, "不是 lawgov-check 的 JSON 结果（缺少 documents 列表）")
    baseline = Baseline(name)
    for i, doc in enumerate(documents):
        findings = doc.get("findings") if isinstance(doc, dict) else None
        if not isinstance(doc, dict) or not isinstance(doc.get("path"), str) or not isinstance(findings, list):
            raise InputError(name, f"documents[{i}]: 缺少 path 或 findings")
        prints = baseline.known.setdefault(path_key(doc["path"]), set())
        for j, f in enumerate(findings):
            if not isinstance(f, dict) or not isinstance(f.get("fingerprint"), str) or not f["fingerprint"]:
                raise InputError(name, f"documents[{i}].findings[{j}]: 缺少 fingerprint")
            prints.add(f["fingerprint"])
    return baseline


def write_baseline(run: RunResult, path: str | Path) -> None:
    """Write `run` as a JSON result. Raises InputError when the file cannot be written."""
    from .report import render

    try:
        Path(path).write_text(render("json", run), encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"无法写入基线文件: {exc.strerror or exc}") from None
