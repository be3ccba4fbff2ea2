"""The public Python API: check documents against the rulesets. The CLI is a thin layer over it.

    from lawgov_check.api import CheckOptions, check_paths
    run = check_paths(["report.docx"], options=CheckOptions(jurisdiction="浙江省"))

Bad input never raises: it becomes a one-line entry in `DocumentResult.errors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .model import (SEVERITY_RANK, Document, DocumentResult, InputError, Jurisdiction, RunResult,
                    Source)
from .rules.loader import Catalogue, RulesetError, load_catalogue

INPUT_SUFFIXES = (".txt", ".docx", ".pdf")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class CheckOptions:
    doc_type: str | None = None          # override the detected document type
    jurisdiction: str | None = None      # override the detected jurisdiction (e.g. 浙江省)
    rulesets: Sequence[str] = ()         # only these rulesets, applied whatever the document
    select: Sequence[str] = ()           # only rule codes with these prefixes
    ignore: Sequence[str] = ()           # never rule codes with these prefixes
    meta: str | Path | dict[str, Any] | None = None  # workflow manifest: file or mapping
    lang: str = "zh"
    fail_on: str = "error"
    ruleset_files: Sequence[str] = ()    # extra ruleset files (same id replaces a bundled one)
    regex_timeout: float = 2.0           # seconds per regular-expression search
    keep_text: bool = False              # keep the original text in the result (html, docx reports)
    _manifest: dict[str, Any] | None = field(default=None, repr=False)


_catalogue_cache: dict[tuple, Catalogue] = {}


def load_rules(options: CheckOptions | None = None) -> Catalogue:
    """The rule catalogue: bundled rulesets plus `options.ruleset_files`. Raises RulesetError."""
    files = tuple(str(p) for p in (options.ruleset_files if options else ()))
    key = tuple((f, Path(f).stat().st_mtime if Path(f).exists() else 0) for f in files)
    if key not in _catalogue_cache:
        _catalogue_cache[key] = load_catalogue(files)
    return _catalogue_cache[key]


def _manifest(options: CheckOptions) -> dict[str, Any] | None:
    if options.meta is None:
        return None
    if options._manifest is None:
        from .manifest import load_manifest

        options._manifest = load_manifest(options.meta)
    return options._manifest


def _subject(doc: Document, options: CheckOptions, manifest: dict[str, Any] | None):
    from .rules.selection import Subject

    doc_type = options.doc_type or (manifest or {}).get("doc_type") or doc.doc_type
    place = options.jurisdiction or (manifest or {}).get("jurisdiction")
    names = (place,) if place else tuple(doc.jurisdiction.names())
    return Subject(doc_type=doc_type, jurisdictions=names, date=doc.date, year=doc.year)


def _selection(options: CheckOptions):
    from .rules.selection import Selection

    return Selection(rulesets=tuple(r.upper() for r in options.rulesets),
                     select=tuple(s.upper() for s in options.select),
                     ignore=tuple(s.upper() for s in options.ignore))


def _result_for(path: str, **kwargs: Any) -> DocumentResult:
    return DocumentResult(path=path, **kwargs)


def check_document(doc: Document, *, options: CheckOptions | None = None,
                   catalogue: Catalogue | None = None) -> DocumentResult:
    """Judge a parsed document. Manifest and ruleset problems become `errors`."""
    from .rules.engine import evaluate

    options = options or CheckOptions()
    source = doc.source
    result = _result_for(source.path, media_type=source.media_type, encoding=source.encoding,
                         year=doc.year, title=doc.title, date=doc.date,
                         warnings=list(source.warnings) + list(doc.norm.warnings) + list(doc.warnings),
                         text=source.text if options.keep_text else None)
    try:
        manifest = _manifest(options)
    except InputError as exc:
        result.errors.append(str(exc))
        return result
    subject = _subject(doc, options, manifest)
    result.doc_type = subject.doc_type
    result.jurisdiction = (Jurisdiction(province=options.jurisdiction) if options.jurisdiction
                           else doc.jurisdiction)
    try:
        catalogue = catalogue or load_rules(options)
    except RulesetError as exc:
        result.errors += exc.problems
        return result
    evaluation = evaluate(doc, catalogue, subject, _selection(options), manifest=manifest,
                          lang=options.lang, regex_timeout=options.regex_timeout)
    result.findings = evaluation.findings
    result.errors += evaluation.errors
    result.rulesets_applied = evaluation.applied
    result.rulesets_skipped = evaluation.skipped
    return result


def _check_source(load: Any, path: str, options: CheckOptions) -> DocumentResult:
    from .pipeline import document_from_source

    try:
        source: Source = load()
        doc = document_from_source(source)
    except InputError as exc:
        return _result_for(path, errors=[str(exc)])
    except Exception as exc:  # a parser bug on one file must not stop a run
        return _result_for(path, errors=[f"{path}: 无法处理: {type(exc).__name__}: {exc}"])
    return check_document(doc, options=options)


def check_path(path: str | Path, *, options: CheckOptions | None = None) -> DocumentResult:
    """Read, parse and judge one file (`-` is standard input)."""
    from .ingest import load

    path = str(path)
    return _check_source(lambda: load(path), path, options or CheckOptions())


def check_bytes(data: bytes, name: str, *, options: CheckOptions | None = None) -> DocumentResult:
    """Judge the bytes of a file; `name` (with its suffix) names it in the result."""
    from .ingest import load

    return _check_source(lambda: load(name, data=data), name, options or CheckOptions())


def check_text(text: str, *, options: CheckOptions | None = None, name: str = "<text>") -> DocumentResult:
    return _check_source(lambda: Source.from_plain_text(name, text), name, options or CheckOptions())


def expand_paths(paths: Sequence[str | Path]) -> list[str]:
    """Files in the given order; directories walked recursively for .txt/.docx/.pdf, sorted."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            out += sorted(str(f) for f in path.rglob("*")
                          if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
        else:
            out.append(str(p))
    return out


def check_paths(paths: Sequence[str | Path], *, options: CheckOptions | None = None) -> RunResult:
    """Judge every file; one bad file never stops the others. Results keep the input order."""
    options = options or CheckOptions()
    documents = []
    for path in expand_paths(paths):
        if path != "-" and not Path(path).exists():
            documents.append(_result_for(path, errors=[f"{path}: 文件不存在"]))
            continue
        documents.append(check_path(path, options=options))
    try:
        rules = [info for info in load_rules(options).rule_infos()
                 if _selected(info.code, options)]
    except RulesetError:
        rules = []
    return RunResult(documents=documents, rules=rules, tool_version=__version__, lang=options.lang)


def _selected(code: str, options: CheckOptions) -> bool:
    from .rules.selection import code_selected

    selection = _selection(options)
    if selection.rulesets and code[:2] not in selection.rulesets:
        return False
    return code_selected(code, selection)


def exit_code(run: RunResult, fail_on: str = "error") -> int:
    """0 nothing at or above the threshold, 1 findings at or above it, 2 input or rule errors."""
    if any(doc.errors for doc in run.documents):
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for doc in run.documents for f in doc.findings)
    return 1 if failing else 0
