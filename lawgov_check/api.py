"""The public Python API: check documents against the rulesets. The CLI is a thin layer over it.

    from lawgov_check.api import CheckOptions, check_paths
    run = check_paths(["report.docx", "notices/"], options=CheckOptions(jurisdiction="浙江省"),
                      jobs=4, timeout=60)

Bad input never raises: it becomes a one-line entry in `DocumentResult.errors`.
"""

from __future__ import annotations

import os

import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from . import __version__
from .inputs import ANNOTATED_SUFFIX, INPUT_SUFFIXES, STDIN, expand_inputs
from .model import (SEVERITY_RANK, Document, DocumentResult, Finding, InputError, Jurisdiction,
                    RunResult, Source)
from .rules.loader import Catalogue, RulesetError, load_catalogue

if TYPE_CHECKING:
    from .baseline import Baseline
    from .config import Config
    from .report import ReportStream

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
    jurisdiction_files: Sequence[str] = ()  # extra jurisdiction files (same name replaces a bundled one)
    regex_timeout: float = 2.0           # seconds per regular-expression search
    keep_text: bool = False              # keep the original text in the result (text, html reports)
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code → severity to report
    max_bytes: int | None = None         # per-file limits (None: the ingest defaults)
    max_pages: int | None = None
    max_inflated: int | None = None
    _manifest: dict[str, Any] | None = field(default=None, repr=False)


_catalogue_cache: dict[tuple, Catalogue] = {}


def load_rules(options: CheckOptions | None = None) -> Catalogue:
    """The rule catalogue: bundled rulesets plus `options.ruleset_files`, bundled jurisdiction
    files plus `options.jurisdiction_files`. Raises RulesetError."""
    files = tuple(str(p) for p in (options.ruleset_files if options else ()))
    places = tuple(str(p) for p in (options.jurisdiction_files if options else ()))
    key = tuple((f, Path(f).stat().st_mtime if Path(f).exists() else 0) for f in files + ("",) + places)
    if key not in _catalogue_cache:
        if files or places:
            _catalogue_cache[key] = load_catalogue(files, jurisdiction_files=places)
        else:
            from .rules.catalogue_cache import bundled_catalogue

            _catalogue_cache[key] = bundled_catalogue()
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
    subtype = doc.subtype if doc_type == doc.doc_type else None
    return Subject(doc_type=doc_type, jurisdictions=names, date=doc.date, year=doc.year, subtype=subtype)


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
                         year=doc.year, title=doc.identity.title.shown, date=doc.date,
                         warnings=list(dict.fromkeys([*source.warnings, *doc.norm.warnings, *doc.warnings])),
                         text=source.text if options.keep_text else None)
    try:
        manifest = _manifest(options)
    except InputError as exc:
        result.errors.append(str(exc))
        return result
    subject = _subject(doc, options, manifest)
    if subject.doc_type != doc.doc_type:
        doc.identity.with_type(subject.doc_type)  # the stated type is the one every rule reads
    result.warnings += doc.identity.notes
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
    result.findings = [_with_severity(f, options.severity) for f in evaluation.findings]
    result.errors += evaluation.errors
    result.rulesets_applied = evaluation.applied
    result.rulesets_skipped = evaluation.skipped
    return result


def _with_severity(finding: Finding, overrides: Mapping[str, str]) -> Finding:
    wanted = overrides.get(finding.code)
    return dataclasses.replace(finding, severity=wanted) if wanted else finding


def _limits(options: CheckOptions) -> dict[str, int]:
    return {name: value for name in ("max_bytes", "max_pages", "max_inflated")
            if (value := getattr(options, name)) is not None}


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


def _expansion_error(path: str, inputs: Any) -> str | None:
    if path in inputs.unmatched:
        return "没有匹配的文件"
    if path in inputs.empty_dirs:
        return "目录中没有可检查的文件（.txt、.docx、.pdf）"
    return None


def check_path(path: str | Path, *, options: CheckOptions | None = None,
               timeout: float | None = None) -> DocumentResult:
    """Read, parse and judge one file (`-` is standard input).

    With `timeout` (seconds) the work runs in a worker process that is killed when the time is
    up (a hang inside C code cannot be interrupted otherwise); the result then holds the error.
    Never raises: every problem is an entry in `errors`.
    """
    return _guarded("_check_path_now", (str(path), options or CheckOptions()), str(path), timeout)


def check_bytes(data: bytes, name: str, *, options: CheckOptions | None = None,
                timeout: float | None = None) -> DocumentResult:
    """Judge the bytes of a file; `name` (with its suffix) names it in the result. See `check_path`."""
    return _guarded("_check_bytes_now", (data, str(name), options or CheckOptions()), str(name), timeout)


def check_text(text: str, *, options: CheckOptions | None = None, name: str = "<text>",
               timeout: float | None = None) -> DocumentResult:
    """Judge a text as if it were a .txt file. See `check_path`."""
    return _guarded("_check_text_now", (text, str(name), options or CheckOptions()), str(name), timeout)


def _check_path_now(path: str, options: CheckOptions) -> DocumentResult:
    from .ingest import load

    if path != STDIN and not os.path.lexists(path):
        return _result_for(path, errors=[f"{path}: 文件不存在"])
    return _check_source(lambda: load(path, **_limits(options)), path, options)


def _check_bytes_now(data: bytes, name: str, options: CheckOptions) -> DocumentResult:
    from .ingest import load

    return _check_source(lambda: load(name, data=data, **_limits(options)), name, options)


def _check_text_now(text: str, name: str, options: CheckOptions) -> DocumentResult:
    from .ingest import valid_text

    return _check_source(lambda: valid_text(Source.from_plain_text(name, text)), name, options)


def _guarded(func: str, args: tuple, name: str, timeout: float | None) -> DocumentResult:
    """The function of this module named `func` on `args`, in a worker process when there is a
    time limit (the name, not the function, travels to the worker); never raises."""
    import math

    if timeout is not None and (not isinstance(timeout, (int, float)) or isinstance(timeout, bool)
                                or not math.isfinite(timeout) or timeout <= 0):
        return _presentable(_result_for(name, errors=[f"{name}: 无效的处理时限 {timeout!r} (invalid timeout)"]), name)
    if timeout is None:
        value: Any = _call_guarded((func, args))
    else:
        from .batch import ordered_map

        (value,) = ordered_map(_call_guarded, [(func, args)], jobs=1, timeout=timeout)
    result = value if isinstance(value, DocumentResult) else _failed(name, value).result
    return _presentable(result, name)


def _call_guarded(call: tuple[str, tuple]) -> DocumentResult:
    func, args = call
    name = str(args[0] if func == "_check_path_now" else args[1])
    try:
        return globals()[func](*args)
    except Exception as exc:  # never raise: whatever escaped becomes this document's error
        return _result_for(name, errors=[f"{name}: 无法处理: {type(exc).__name__}: {exc}"])


def _presentable(result: DocumentResult, name: str) -> DocumentResult:
    """Every string of the result writable as UTF-8: the name shown escaped when it is not
    printable UTF-8 (see `textsafe.display_name`), any surrogate elsewhere replaced."""
    from .textsafe import clean, clean_strings, display_name, is_encodable

    shown = display_name(name)
    if shown != name:
        result.path = shown
        result.errors = [e.replace(name, shown) for e in result.errors]
    result.errors = [" ".join(clean(e).split()) for e in result.errors]  # one line each
    result.warnings = clean_strings(result.warnings)
    for attr in ("title", "text", "encoding", "doc_type"):
        value = getattr(result, attr)
        if isinstance(value, str) and not is_encodable(value):
            setattr(result, attr, clean(value))
    result.findings = [f if _encodable_finding(f) else _clean_finding(f) for f in result.findings]
    return result


def _encodable_finding(finding: Finding) -> bool:
    from .textsafe import is_encodable

    return all(is_encodable(getattr(finding, a)) for a in ("message", "suggestion", "evidence", "heading_path", "name"))


def _clean_finding(finding: Finding) -> Finding:
    from .textsafe import clean

    return dataclasses.replace(finding, **{a: clean(getattr(finding, a))
                                           for a in ("message", "suggestion", "evidence", "heading_path", "name")})


def expand_paths(paths: Sequence[str | Path], *, exclude: Sequence[str] = ()) -> list[str]:
    """Files in the given order: directories walked and globs expanded (each sorted)."""
    return expand_inputs(paths, exclude=exclude).files


# ---------------------------------------------------------------- batches

@dataclass
class FileOutcome:
    """What checking one file of a batch produced."""

    result: DocumentResult
    annotated: str | None = None         # path of the annotated Word copy
    annotate_error: str | None = None    # `path: cause` when the copy could not be written
    known: list[Finding] = field(default_factory=list)  # findings hidden because the baseline has them


@dataclass(frozen=True)
class _Task:
    path: str
    options: CheckOptions
    data: bytes | None = None
    annotate_to: str | None = None  # path of the annotated copy to write
    lang: str = "zh"
    error: str | None = None  # known before reading (a pattern that matched nothing)
    annotate_refused: str | None = None  # why no annotated copy may be written (it would overwrite an input)


def _process(task: _Task) -> FileOutcome:
    """Check one file (and write its annotated copy): runs in a worker process."""
    from .textsafe import display_name

    if task.error:
        return FileOutcome(_presentable(_result_for(task.path, errors=[f"{task.path}: {task.error}"]), task.path))
    needs_text = task.options.keep_text or task.annotate_to is not None
    options = dataclasses.replace(task.options, keep_text=needs_text)
    if task.data is not None:
        result = check_bytes(task.data, task.path, options=options)
    else:
        result = check_path(task.path, options=options)
    outcome = FileOutcome(result)
    if task.annotate_refused and result.media_type is not None:
        outcome.annotate_error = f"{display_name(task.path)}: {task.annotate_refused}"
    elif task.annotate_to is not None and result.media_type is not None:
        try:
            outcome.annotated = _annotate(result, task.path, Path(task.annotate_to), task.lang, task.data)
        except InputError as exc:
            outcome.annotate_error = str(exc)
        except OSError as exc:
            outcome.annotate_error = f"{display_name(task.path)}: 无法写入批注文件: {exc.strerror or exc}"
    if not task.options.keep_text:
        result.text = None
    return outcome


def annotated_name(path: str) -> str:
    """`报告.docx` → `报告.lawgov-check.docx`; `报告.pdf` → `报告.pdf.lawgov-check.docx`.

    Keeping the suffix of a txt or pdf keeps `报告.txt` and `报告.pdf` from sharing one copy.
    """
    if path == STDIN:
        return "stdin" + ANNOTATED_SUFFIX
    name = Path(path).name
    return (Path(path).stem if name.lower().endswith(".docx") else name) + ANNOTATED_SUFFIX


def annotation_targets(files: Sequence[str], out_dir: str | Path) -> dict[str, Path]:
    """Where each file's annotated copy goes: the input folders mirrored below `out_dir`.

    Two inputs never share a copy: when a name is taken (`X.docx` and `X.DOCX`, or two names a
    case-insensitive disk holds as one), the later file's copy keeps its whole name.
    """
    real = [f for f in files if f != STDIN]
    root = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in real]) if real else "."
    targets: dict[str, Path] = {}
    taken: set[str] = set()
    for f in files:
        folder = Path(out_dir) / ("." if f == STDIN else os.path.relpath(os.path.dirname(os.path.abspath(f)), root))
        target = folder / annotated_name(f)
        if os.path.normcase(str(target)).lower() in taken:
            target = folder / (Path(f).name + ANNOTATED_SUFFIX)
        taken.add(os.path.normcase(str(target)).lower())
        targets[f] = target
    return targets


def _overwrites_input(target: Path, inputs: set[str]) -> bool:
    return os.path.normcase(os.path.realpath(target)) in inputs


def _annotate(result: DocumentResult, path: str, target: Path, lang: str, data: bytes | None = None) -> str:
    """Write the annotated copy to a private folder first, then move it into place whole.

    Standard input (`data`) is first saved in that folder, so that a .docx read from it is
    annotated as a copy of itself."""
    import shutil
    import tempfile

    from .model import DOCX_MEDIA_TYPE
    from .report import annotate_docx

    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix=".lawgov-check-", dir=target.parent)
    try:
        if data is not None:
            suffix = ".docx" if result.media_type == DOCX_MEDIA_TYPE else ".txt"
            path = os.path.join(scratch, "stdin" + suffix)
            Path(path).write_bytes(data)
        written = annotate_docx(result, path, scratch, lang=lang)
        os.replace(written, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return str(target)


def _failed(path: str, failure: Any) -> FileOutcome:
    if failure.kind == "timeout":
        cause = f"处理超时（{failure.detail} 秒）"
    elif failure.kind == "crashed":
        cause = f"处理进程意外退出（{failure.detail}）"
    else:
        cause = f"无法处理: {failure.detail}"
    return FileOutcome(_result_for(path, errors=[f"{path}: {cause}"]))


def _warm_up(options: CheckOptions, files: Sequence[str], *, annotate: bool) -> None:
    """Load what the workers will need once here, so forked workers start with it."""
    import importlib

    from .pipeline import document_from_text

    suffixes = {Path(f).suffix.lower() for f in files}
    modules = [name for suffix, name in ((".docx", ".ingest.docx"), (".pdf", ".ingest.pdf"))
               if suffix in suffixes] + ([".report.docx_annotate"] if annotate else [])
    try:
        catalogue = load_rules(options)
        document_from_text("")
        for name in modules:
            importlib.import_module(name, __package__)
        if len(files) > 1:
            _warm_rules(options, catalogue)
    except Exception:  # the workers report the problem per file
        pass


# A short document of every common shape: checking it as each document type compiles the rules'
# patterns, imports their predicates and the numeral and calendar libraries once, before forking.
_WARM_TEXT = ("关于印发某某管理办法的通知\n某政发〔2024〕1号\n各单位：\n一、总则\n（一）目标\n1.内容\n（1）细则\n"
              "第一章 总则\n第一条 为了规范管理，根据《某某条例》（国发〔2020〕5号），制定本办法。\n"
              "第一百零一条 本办法自2024年1月1日起施行，有效期5年。征求意见时间为2024年1月2日至2024年2月1日，共30日。\n"
              "2023年共办理案件120件，其中行政复议50件、行政诉讼70件，占比41.7%。\n附件：1.名单\n某某人民政府\n2024年1月1日\n")


def _warm_rules(options: CheckOptions, catalogue: Catalogue) -> None:
    import datetime

    from .facts.calendar import is_workday
    from .model import DOC_TYPES
    from .pipeline import document_from_text

    is_workday(datetime.date(2024, 1, 2))  # imports the holiday calendar
    for doc_type in DOC_TYPES:  # a fresh document each time: checking it states its type
        check_document(document_from_text(_WARM_TEXT, "<warm-up>"),
                       options=dataclasses.replace(options, doc_type=doc_type), catalogue=catalogue)


def check_paths(paths: Sequence[str | Path], *, options: CheckOptions | None = None,
                config: "Config | None" = None, exclude: Sequence[str] = (), jobs: int = 1,
                timeout: float | None = None, annotate_dir: str | Path | None = None,
                baseline: "Baseline | None" = None,
                progress: Callable[[int, int, FileOutcome], None] | None = None,
                stream: "ReportStream | None" = None, fix: str | None = None,
                follow_symlinks: bool = False) -> RunResult:
    """Judge every file; one bad file never stops the others. Results keep the input order.

    `paths` may hold files, directories (walked for .txt/.docx/.pdf) and glob patterns.
    `config` adds per-path settings, excludes, limits and waivers; `jobs` > 1 checks files in that
    many processes; `timeout` (seconds per file) turns a hanging file into an input error;
    `annotate_dir` receives an annotated Word copy of each document; with `baseline` only findings
    it does not have are reported. `fix` ("copy" or "in-place") writes the unambiguous fixes of
    the reported findings to a corrected copy (`报告.fixed.txt`) or into the file itself.
    `progress(done, total, outcome)` is called in input order as each file is finished.

    With `stream` (see `lawgov_check.report.open_stream`), `stream.begin(run)` is called before the
    first file and `stream.add(result)` as each file is finished, in input order, and the results
    are not kept: the returned run has no documents, so memory does not grow with their number.
    The caller finishes the stream with the returned run (which carries the waivers).
    Walks and globs leave out symbolic links pointing outside them unless `follow_symlinks`.
    """
    from .batch import ordered_map
    from .waivers import WaiverBook

    options = options or CheckOptions()
    if config is not None:
        options = _with_config_limits(options, config)
        timeout = timeout if timeout is not None else config.timeout
    inputs = expand_inputs(paths, exclude=exclude, follow_symlinks=follow_symlinks)
    files = [f for f in inputs.files if config is None or not config.excludes(f)]
    stdin = _read_stdin(options) if STDIN in files else None
    targets = annotation_targets(files, annotate_dir) if annotate_dir is not None else {}
    inputs_real = {os.path.normcase(os.path.realpath(f)) for f in files if f != STDIN}
    tasks = [_Task(path, config.options_for(path, options) if config else options,
                   stdin if path == STDIN else None,
                   str(targets[path]) if path in targets else None, options.lang,
                   _expansion_error(path, inputs),
                   f"批注文件 {targets[path]} 是被检查的文件之一，不覆盖 (the annotated copy would overwrite an input)"
                   if path in targets and _overwrites_input(targets[path], inputs_real) else None)
             for path in files]
    if jobs > 1 or timeout:
        _warm_up(options, files, annotate=annotate_dir is not None)
    book = WaiverBook(list(config.waivers) if config else [])
    run = RunResult(documents=[], rules=_rule_infos(options, config), tool_version=__version__,
                    lang=options.lang)
    if stream is not None:
        stream.begin(run)
    for done, (task, value) in enumerate(zip(tasks, ordered_map(_process, tasks, jobs=jobs,
                                                                timeout=timeout)), start=1):
        if not isinstance(value, FileOutcome):
            value = _failed(task.path, value)
            _presentable(value.result, task.path)
        outcome = value
        book.apply(outcome.result)
        if baseline is not None:
            outcome.result.findings, outcome.known = baseline.new_findings(outcome.result)
        if fix is not None:
            _fix(outcome.result, task.path, in_place=fix == "in-place")
        if stream is not None:
            stream.add(outcome.result)
        else:
            run.documents.append(outcome.result)
        if progress is not None:
            progress(done, len(tasks), outcome)
    book.finish(run)
    return run


def _fix(result: DocumentResult, path: str, *, in_place: bool) -> None:
    """Write the corrected copy of one checked file; a failure is an error of that file."""
    from .fix import FIXABLE_MEDIA, write_fixed

    if result.errors or not any(f.fix for f in result.findings):
        return
    if path == STDIN or result.media_type not in FIXABLE_MEDIA:
        result.warnings.append("只修正 .txt 和 .docx 文件，未写出修正副本 (only .txt and .docx files are fixed)")
        return
    try:
        result.fixed = write_fixed(result, path, in_place=in_place)
    except InputError as exc:
        result.errors.append(str(exc))
    except OSError as exc:
        result.errors.append(f"{path}: 无法写入修正副本: {exc.strerror or exc}")


def _read_stdin(options: CheckOptions) -> bytes:
    """Standard input, read here once (workers do not share it); one byte over the limit is enough."""
    from .ingest.limits import DEFAULT_LIMITS

    return sys.stdin.buffer.read((options.max_bytes or DEFAULT_LIMITS.max_bytes) + 1)


def _with_config_limits(options: CheckOptions, config: "Config") -> CheckOptions:
    changes = {name: value for name, value in config.limits.items() if getattr(options, name) is None}
    return dataclasses.replace(options, **changes) if changes else options


def _rule_infos(options: CheckOptions, config: "Config | None") -> list[Any]:
    severity = dict(config.settings.then(config.command_line).severity) if config else {}
    severity.update(options.severity)
    try:
        infos = [info for info in load_rules(options).rule_infos() if _selected(info.code, options)]
    except RulesetError:
        return []
    return [dataclasses.replace(i, severity=severity[i.code]) if i.code in severity else i for i in infos]


def _selected(code: str, options: CheckOptions) -> bool:
    from .rules.selection import code_selected

    selection = _selection(options)
    if selection.rulesets and code[:2] not in selection.rulesets:
        return False
    return code_selected(code, selection)


def exit_code(run: RunResult, fail_on: str | Callable[[DocumentResult], str] = "error") -> int:
    """0 nothing at or above the threshold, 1 findings at or above it, 2 input or rule errors.

    `fail_on` is a severity (or never), or a function giving it per document (per-path config).
    """
    if any(doc.errors for doc in run.documents):
        return 2
    return 1 if any(document_fails(doc, fail_on(doc) if callable(fail_on) else fail_on)
                    for doc in run.documents) else 0


def document_fails(doc: DocumentResult, threshold: str) -> bool:
    """True when the document has a finding at or above `threshold` (a severity, or never)."""
    if threshold == "never":
        return False
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in doc.findings)
