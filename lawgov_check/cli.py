"""Command line: a thin layer over `lawgov_check.api`.

Exit codes: 0 nothing at or above the fail threshold, 1 findings at or above it, 2 usage, input
or rule errors (the other files are still checked and reported). Heavy modules are imported inside
the commands so that `--version` and `--help` start fast.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, Optional

import typer
import typer.core

from . import __version__

try:  # typer ≥ 0.2x: parameters are coerced through pydantic TypeAdapters
    from typer._coercion import RuntimeParam as _RuntimeParam, build_runtime_param as _build_runtime_param
except ImportError:  # older typer coerces with click types, which cost nothing to set up
    _RuntimeParam = None


if _RuntimeParam is not None:
    @dataclass(frozen=True)
    class _PlainTextParam(_RuntimeParam):  # type: ignore[misc, valid-type]
        """Coerces text values itself and builds typer's own coercion only for anything else.

        typer builds a pydantic TypeAdapter for every parameter of the command, also for options
        left unset, which imports pydantic (~50 ms of a 0.3 s check). Command-line values of
        `str` and `list[str]` parameters are already strings, which is what the adapter returns.
        """

        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation is str and isinstance(value, str):
                return value
            if (self.annotation == list[str] and isinstance(value, (list, tuple))
                    and all(isinstance(v, str) for v in value)):
                return list(value)
            number = self._plain_number(value)
            if number is not None:
                return number
            # Anything else, and every invalid value (for typer's own message), goes to typer.
            return _build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

        def _plain_number(self, value: Any) -> int | float | None:
            """Plain decimal digits for an int or float option, within its min and max."""
            if self.annotation not in (int, float) or not isinstance(value, str):
                return None
            whole, dot, fraction = value.partition(".")
            digits = whole.isascii() and whole.isdigit() and (not dot or (fraction.isascii() and fraction.isdigit()))
            if not digits or (dot and self.annotation is int):
                return None
            number = self.annotation(value)
            low, high = self.parameter_info.min, self.parameter_info.max
            if getattr(self.parameter_info, "clamp", False) or (low is not None and number < low) \
                    or (high is not None and number > high):
                return None
            return number


def _plain_text_params(command: Any, ctx: Any) -> None:
    if _RuntimeParam is None:
        return
    for param in command.get_params(ctx):  # with the --help option typer adds
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", False) is None:
            param._runtime_param = _PlainTextParam(parameter_info=descriptor.parameter_info,
                                                   annotation=descriptor.annotation, descriptor=descriptor)


class _Command(typer.core.TyperCommand):
    """A typer command whose text parameters skip typer's pydantic set-up (see `_PlainTextParam`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_text_params(self, ctx)
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .cli_help import format_help

        format_help(self, ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from .cli_help import format_usage

        format_usage(self, ctx, formatter)


class _Group(typer.core.TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_text_params(self, ctx)
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .cli_help import format_help

        format_help(self, ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from .cli_help import format_usage

        format_usage(self, ctx, formatter)


app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="lawgov-check：法治政府建设相关文件的规则检查工具。")
rules_app = typer.Typer(cls=_Group, no_args_is_help=True, help="列出或查看规则。")
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
LANGS = ("zh", "en")


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str]:
    """Repeatable options that also accept comma-separated lists: --select GF01,GF02."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lawgov-check {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="显示版本并退出。")) -> None:
    """lawgov-check：法治政府建设相关文件的规则检查工具。"""


def _formats() -> tuple[str, ...]:
    try:
        from .report import FORMATS
    except ImportError:
        return ("text", "json")
    return FORMATS


SIZE_UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
DEFAULT_TIMEOUT = 60.0
TEXT_FORMATS = ("text", "html")  # reporters that show the original text
PROGRESS_MIN_FILES = 5


def _size(option: str, value: str | None) -> int | None:
    """`--max-bytes 50M`: a positive integer with an optional K/M/G suffix."""
    if value is None:
        return None
    text = value.strip().upper().removesuffix("B")
    unit = text[-1:] if text[-1:] in SIZE_UNITS and text[-1:] else ""
    number = text[: len(text) - len(unit)]
    if not number.isdigit() or int(number) <= 0:
        raise _fail(f"{option}: 无效的大小 {value}（如 200、512K、50M）")
    return int(number) * SIZE_UNITS[unit]


def _docs_url(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"https?://\S+", value):
        raise _fail(f"--docs-url: 不是 http(s) 地址：{value}")
    return value


@app.command(cls=_Command)
def check(
    paths: list[str] = typer.Argument(..., help="文件、目录或通配符（如 'docs/**/*.docx'；目录递归查找 .txt/.docx/.pdf；- 为标准输入）。"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、sarif、junit、github、html。"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="达到该严重程度即以 1 退出：error（默认）、warning、info、never。"),
    lang: Optional[str] = typer.Option(None, "--lang", help="消息语言：zh（默认）或 en。"),
    doc_type: Optional[str] = typer.Option(None, "--doc-type", help="指定文档类型（覆盖自动识别）。"),
    jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", help="指定所属辖区，如 浙江省。"),
    ruleset: Optional[list[str]] = typer.Option(None, "--ruleset", help="只使用这些规则集（可重复）。"),
    select: Optional[list[str]] = typer.Option(None, "--select", help="只检查这些规则代码或前缀（可重复）。"),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="不检查这些规则代码或前缀（可重复，与配置文件中的合并）。"),
    meta: Optional[str] = typer.Option(None, "--meta", help="工作流程元数据清单（YAML 或 JSON）。"),
    ruleset_file: Optional[list[str]] = typer.Option(None, "--ruleset-file", help="额外的规则集文件（可重复）。"),
    jurisdiction_file: Optional[list[str]] = typer.Option(None, "--jurisdiction-file", help="额外的辖区参数文件（可重复；与内置文件同名的辖区以此为准）。"),
    config_file: Optional[str] = typer.Option(None, "--config", help="配置文件（默认从被检查的路径向上查找 lawgov-check.toml 或 pyproject.toml）。"),
    no_config: bool = typer.Option(False, "--no-config", help="不读取任何配置文件。"),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", help="跳过匹配的文件或目录（通配符，可重复）。"),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="只报告该基线（以前的 JSON 结果）中没有的问题。"),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="把本次结果写为基线文件。"),
    annotate: Optional[str] = typer.Option(None, "--annotate", help="在该目录写出带批注的 Word 副本（原文件不变）。"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="并行进程数（默认为 CPU 核数；1 为单进程）。"),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0, help="每个文件的处理时限（秒，默认 60；0 为不限）。"),
    max_bytes: Optional[str] = typer.Option(None, "--max-bytes", help="单个文件的最大大小（如 50M）。"),
    max_pages: Optional[int] = typer.Option(None, "--max-pages", min=1, help="PDF 的最大页数。"),
    max_inflated: Optional[str] = typer.Option(None, "--max-inflated", help="Word 文件解压后的最大大小（如 200M）。"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="显示进度条（默认：标准错误为终端且文件较多时）。"),
    docs_url: Optional[str] = typer.Option(None, "--docs-url", help="SARIF 报告中规则说明（docs/rules.md）的地址。"),
    fix: bool = typer.Option(False, "--fix", help="把可确定的格式修正（〔〕、日期写法、序号虚位、半角标点）写入修正副本 *.fixed.txt / *.fixed.docx，原文件不变。"),
    in_place: bool = typer.Option(False, "--in-place", help="与 --fix 同用：直接修改原文件。"),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="遍历目录时跟随指向目录之外的符号链接。"),
) -> None:
    """检查文件，输出发现的问题。"""
    from .api import FAIL_ON, CheckOptions, check_paths
    from .batch import default_jobs
    from .config import Config, Settings
    from .inputs import expand_inputs
    from .model import DOC_TYPES

    if fmt not in _formats():
        raise _fail(f"--format: 未知的输出格式 {fmt}（可选：{'、'.join(_formats())}）")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise _fail(f"--fail-on: 无效的取值 {fail_on}（可选：{'、'.join(FAIL_ON)}）")
    if lang is not None and lang not in LANGS:
        raise _fail(f"--lang: 无效的取值 {lang}（可选：zh、en）")
    if doc_type and doc_type not in DOC_TYPES:
        raise _fail(f"--doc-type: 未知的文档类型 {doc_type}（可选：{'、'.join(DOC_TYPES)}）")
    if config_file and no_config:
        raise _fail("--config 与 --no-config 不能同时使用")
    if in_place and not fix:
        raise _fail("--in-place 只能与 --fix 同用")
    _check_timeout(timeout)
    _check_globs(_split(exclude))
    config = Config() if no_config else _load_config(config_file, paths)
    if config.path is not None:
        typer.echo(f"使用配置文件 {config.path}", err=True)
    config.command_line = Settings(
        jurisdiction=jurisdiction, doc_type=doc_type,
        rulesets=tuple(r.upper() for r in _split(ruleset)) or None,
        select=tuple(s.upper() for s in _split(select)) or None,
        ignore=tuple(s.upper() for s in _split(ignore)), fail_on=fail_on)
    lang = lang or config.lang or "zh"
    options = CheckOptions(meta=meta, lang=lang, keep_text=fmt in TEXT_FORMATS,
                           ruleset_files=[*_split(ruleset_file), *config.ruleset_files],
                           jurisdiction_files=[*config.jurisdiction_files, *_split(jurisdiction_file)],
                           max_bytes=_size("--max-bytes", max_bytes), max_pages=max_pages,
                           max_inflated=_size("--max-inflated", max_inflated))
    _preflight(options, config)
    known = _load_baseline(baseline)
    annotate_dir = _annotate_dir(annotate)
    files = [f for f in expand_inputs(paths, exclude=_split(exclude), follow_symlinks=follow_symlinks).files
             if not config.excludes(f)]
    if not files:
        raise _fail("所有输入都被排除，没有要检查的文件（见 --exclude 和配置文件的 exclude）")
    limit = timeout if timeout is not None else config.timeout if config.timeout is not None else DEFAULT_TIMEOUT
    display = _Display(len(files), enabled=progress)
    known_by_path: dict[int, list[Any]] = {}

    def on_file(done: int, total: int, outcome: Any) -> None:
        for error in outcome.result.errors:
            path = outcome.result.path
            display.error(error if error.startswith(path) else f"{path}: {error}")
        if outcome.annotate_error:
            display.error(outcome.annotate_error)
            display.annotate_failures += 1
        if outcome.known:
            known_by_path[done - 1] = outcome.known
        display.advance(done, outcome.result.path)

    color = fmt == "text" and output is None and sys.stdout.isatty()
    fail_on_for = lambda doc: config.settings_for(doc.path).fail_on or "error"  # noqa: E731
    try:  # Ctrl-C: the old report is kept and the workers are already gone
        with _ReportOutput(output, files, hold_stdout=display.show and sys.stdout.isatty()) as out:
            report = _Report(fmt, out, color=color, lang=lang, fail_on=fail_on_for,
                             keep_for_baseline=write_baseline is not None,
                             docs_url=_docs_url(docs_url) or config.docs_url)
            with display:
                run = check_paths(files, options=options, config=config, jobs=jobs or default_jobs(),
                                  timeout=limit or None, annotate_dir=annotate_dir, baseline=known,
                                  progress=on_file, stream=report,
                                  fix=("in-place" if in_place else "copy") if fix else None)
            if write_baseline:
                _write_baseline(run, report.kept or [], known_by_path, write_baseline)
            hidden = sum(len(v) for v in known_by_path.values())
            if hidden:
                typer.echo(f"基线 {baseline} 中已有的 {hidden} 条问题未列出", err=True)
            report.finish(run)
            if fmt == "text":
                from .waivers import waiver_lines

                lines = waiver_lines(run, lang)
                if lines:
                    out.write("\n" + "\n".join(lines) + "\n")
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None
    code = EXIT_ERROR if display.annotate_failures else report.exit_code()
    # Recording a baseline accepts today's findings: that run succeeded unless input failed.
    raise typer.Exit(EXIT_OK if write_baseline and code == EXIT_FINDINGS else code)


class _Report:
    """Writes the report as each document is finished, and keeps only what the exit code (and a
    baseline to write) needs, so a batch's memory does not grow with its number of documents."""

    def __init__(self, fmt: str, out: Any, *, color: bool, lang: str, fail_on: Any,
                 keep_for_baseline: bool, docs_url: str | None = None) -> None:
        from .report import open_stream

        self.stream = open_stream(fmt, out, color=color, lang=lang, fail_on=fail_on, docs_url=docs_url)
        self.out = out
        self.fmt = fmt
        self.fail_on = fail_on
        self.has_errors = self.failing = self.has_lines = False
        self.kept: list[Any] | None = [] if keep_for_baseline else None

    def begin(self, run: Any) -> None:
        self.stream.begin(run)

    def add(self, doc: Any) -> None:
        from .api import document_fails

        self.has_errors = self.has_errors or bool(doc.errors)
        self.failing = self.failing or document_fails(doc, self.fail_on(doc))
        self.has_lines = self.has_lines or bool(doc.errors or doc.findings)
        if self.kept is not None:
            import dataclasses

            self.kept.append(dataclasses.replace(doc, text=None))
        self.stream.add(doc)

    def finish(self, run: Any) -> None:
        self.stream.finish(run)
        if self.fmt == "github" and not self.has_lines:
            self.out.write("\n")  # an empty report is still one line, as it always was

    def exit_code(self) -> int:
        return EXIT_ERROR if self.has_errors else EXIT_FINDINGS if self.failing else EXIT_OK


class _Echo:
    """Standard output through typer's echo, as a file for the report streams."""

    def write(self, text: str) -> None:
        if text:
            typer.echo(text, nl=False)

    def flush(self) -> None:
        pass


class _ReportOutput:
    """Where the report goes: standard output, or the `--output` file.

    The file is written under a temporary name beside it and renamed over it only when the run
    finishes, so an interrupted or failed run leaves the previous report whole (and a report
    file that is also one of the inputs is read as it was before the run). An output that is
    not a regular file (`/dev/null`, a pipe) is written directly. The report to standard output
    is parked (in a temporary file past a small size) and written at the end when a progress
    bar shares the terminal with it.
    """

    def __init__(self, output: str | None, files: list[str], *, hold_stdout: bool) -> None:
        self.output = output
        self.files = files
        self.hold_stdout = hold_stdout
        self.file: Any = None
        self.held: Any = None
        self.temp: str | None = None

    def __enter__(self) -> Any:
        from .report.spool import Spool

        if self.output is None:
            if self.hold_stdout:
                self.held = Spool()
                return self.held
            return _Echo()
        try:
            self.file = self._open()
        except OSError as exc:
            raise self._failure(exc) from None
        return self.file

    def _open(self) -> Any:
        import os
        import stat
        import tempfile

        assert self.output is not None
        try:
            special = not stat.S_ISREG(os.stat(self.output).st_mode)
        except FileNotFoundError:
            special = False
        if special:
            return open(self.output, "w", encoding="utf-8")
        folder = os.path.dirname(os.path.abspath(self.output))
        fd, self.temp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(self.output) + ".",
                                         suffix=".tmp")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temp, 0o666 & ~umask)  # the mode a plain open() would have given
        return open(fd, "w", encoding="utf-8")

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        import os

        try:
            if self.held is not None and kind is None:
                self.held.copy_to(_Echo())
            if self.file is not None:
                self.file.close()
            if self.temp is not None and kind is None:
                os.replace(self.temp, self.output)
                self.temp = None
        except OSError as error:
            if self.output is None:
                raise
            raise self._failure(error) from None
        finally:
            if self.temp is not None:
                try:
                    os.unlink(self.temp)
                except OSError:
                    pass
        if isinstance(exc, OSError) and self.output is not None:
            raise self._failure(exc) from None
        return False

    def _failure(self, exc: OSError) -> typer.Exit:
        return _fail(f"{self.output}: 无法写入: {exc.strerror or exc}")


class _Display:
    """Progress bar and per-file messages on stderr; a bar only for long runs on a terminal.

    The bar refreshes when a file finishes rather than from a timer, so no thread runs while the
    batch forks its worker processes.
    """

    def __init__(self, total: int, *, enabled: bool | None) -> None:
        self.show = enabled if enabled is not None else total >= PROGRESS_MIN_FILES and sys.stderr.isatty()
        self.total = total
        self.annotate_failures = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Display":
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=Console(stderr=True),
                                      transient=True, auto_refresh=False)
            self._progress.start()
            self._task = self._progress.add_task("检查中", total=self.total)
            self._progress.refresh()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, done: int, path: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, description=_short(path))
            self._progress.refresh()

    def error(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, emoji=False)
        else:
            typer.echo(line, err=True)


def _short(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]


MAX_TIMEOUT = 604800.0  # a week: beyond it a time limit is a mistake (and overflows timers)


def _check_timeout(timeout: float | None) -> None:
    import math

    if timeout is not None and (not math.isfinite(timeout) or not 0 <= timeout <= MAX_TIMEOUT):
        raise _fail(f"--timeout: 无效的取值 {timeout}（0 到 {MAX_TIMEOUT:g} 秒，0 为不限）")


def _check_globs(patterns: list[str]) -> None:
    from .globs import GlobError, check_pattern

    for pattern in patterns:
        try:
            check_pattern(pattern)
        except GlobError as exc:
            raise _fail(f"--exclude: {exc}") from None


def _load_config(config_file: str | None, paths: list[str]) -> Any:
    from .config import Config, ConfigError, find_config, load_config, start_directory

    try:
        found = config_file or find_config(start_directory(paths))
        return load_config(found) if found else Config()
    except ConfigError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _load_baseline(path: str | None) -> Any:
    if path is None:
        return None
    from .baseline import load_baseline
    from .model import InputError

    try:
        return load_baseline(path)
    except InputError as exc:
        raise _fail(str(exc)) from None


def _annotate_dir(path: str | None) -> str | None:
    if path is None:
        return None
    from pathlib import Path

    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(f"{path}: 无法创建批注目录: {exc.strerror or exc}") from None
    return path


def _write_baseline(run: Any, documents: list[Any], known_by_path: dict[int, list[Any]], path: str) -> None:
    """The baseline holds every current finding, also those the old baseline hid."""
    import dataclasses

    from .baseline import write_baseline
    from .model import Finding, InputError

    documents = [dataclasses.replace(doc, findings=sorted(doc.findings + known_by_path.get(i, []),
                                                          key=Finding.sort_key), text=None)
                 for i, doc in enumerate(documents)]
    try:
        write_baseline(dataclasses.replace(run, documents=documents), path)
    except InputError as exc:
        raise _fail(str(exc)) from None


def _preflight(options: Any, config: Any) -> None:
    """Problems that concern the whole run (bad rulesets, config codes, manifest, ruleset ids)."""
    from .api import load_rules
    from .config import catalogue_problems
    from .manifest import load_manifest
    from .model import InputError
    from .rules.loader import RulesetError
    from .rules.names import unknown_names

    try:
        catalogue = load_rules(options)
    except RulesetError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR) from None
    given = config.command_line
    for option, problem in unknown_names(catalogue, rulesets=given.rulesets or (), select=given.select or (),
                                         ignore=given.ignore or (), jurisdiction=given.jurisdiction):
        raise _fail(f"--{option}: {problem}（`lawgov-check rules list` 列出全部规则 / shows every rule）"
                    if option in ("select", "ignore") else f"--{option}: {problem}")
    problems = catalogue_problems(config, catalogue)
    if problems:
        for problem in problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR)
    if options.meta is not None:
        try:
            options._manifest = load_manifest(options.meta)
        except InputError as exc:
            raise _fail(str(exc)) from None


@app.command(cls=_Command)
def parse(file: str = typer.Argument(..., help="要解析的文件（- 为标准输入）。"),
          fmt: str = typer.Option("tree", "--format", "-f", help="tree 或 json。"),
          facts: bool = typer.Option(False, "--facts", help="同时列出规则读取的事实（日期、期限、文号、引用、合计、程序等）。")) -> None:
    """显示文件的解析结果（结构树或 JSON）；--facts 列出事实。"""
    import json

    from .model import InputError
    from .pipeline import load_document

    if fmt not in ("tree", "json"):
        raise _fail(f"--format: 无效的取值 {fmt}（可选：tree、json）")
    try:
        doc = load_document(file)
    except InputError as exc:
        raise _fail(str(exc)) from None
    from .parse.output import render_facts, render_json, render_tree

    if fmt == "tree":
        typer.echo(render_tree(doc).rstrip("\n"))
        if facts:
            typer.echo("\n" + render_facts(doc))
    else:
        typer.echo(json.dumps(render_json(doc, with_facts=facts), ensure_ascii=False, indent=2, default=str))


def _catalogue(jurisdiction_files: list[str] | None = None) -> Any:
    from .api import CheckOptions, load_rules
    from .rules.loader import RulesetError

    try:
        return load_rules(CheckOptions(jurisdiction_files=jurisdiction_files or ()))
    except RulesetError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR) from None


@rules_app.command("list", cls=_Command)
def rules_list(fmt: str = typer.Option("table", "--format", "-f", help="table（按终端宽度换行）或 json。"),
               lang: str = typer.Option("zh", "--lang", help="zh 或 en。"),
               jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", help="与 --format json 同用：每条规则另列该辖区施行的参数及其来源。")) -> None:
    """列出全部规则：按规则集分组，含来源、版本、依据和适用范围。"""
    import json

    from .cli_help import width
    from .rules.cli_tables import listing, rule_rows

    catalogue = _catalogue()
    if jurisdiction is not None and not catalogue.jurisdictions.chain([jurisdiction]):
        raise _fail(_unknown_jurisdiction(catalogue, jurisdiction))
    if fmt == "json":
        rows = rule_rows(catalogue, lang)
        if jurisdiction is not None:
            from .jurisdictions.views import rule_parameters

            for row, (ruleset, rule) in zip(rows, catalogue.rules()):
                row["parameters"] = rule_parameters(catalogue, ruleset, rule, jurisdiction)
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "table":
        typer.echo(listing(catalogue, width(), lang))
    else:
        raise _fail(f"--format: 无效的取值 {fmt}（可选：table、json）")


@rules_app.command("show", cls=_Command)
def rules_show(code: str = typer.Argument(..., help="规则代码，如 GF01。"),
               lang: str = typer.Option("zh", "--lang", help="zh 或 en。"),
               jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", help="显示该辖区施行的参数及其来源，如 湖南省。"),
               jurisdiction_file: Optional[list[str]] = typer.Option(None, "--jurisdiction-file", help="额外的辖区参数文件（可重复）。")) -> None:
    """显示一条规则：摘要、依据、适用范围和示例；指定辖区时另列该辖区施行的参数。"""
    from .rules.cli_tables import describe_rule

    catalogue = _catalogue(_split(jurisdiction_file))
    found = catalogue.rule(code)
    if found is None:
        raise _fail(f"{code}: 未知的规则代码")
    from .jurisdictions.views import in_force, setters

    lines = setters(catalogue, *found, lang)
    if jurisdiction is not None:
        lines = in_force(catalogue, *found, jurisdiction, lang) or []
        if not lines:
            raise _fail(_unknown_jurisdiction(catalogue, jurisdiction))
    typer.echo(describe_rule(*found, lang=lang, catalogue=catalogue) + "".join("\n" + line for line in [""] * bool(lines) + lines))


def _unknown_jurisdiction(catalogue: Any, name: str) -> str:
    from .rules.loader import nearest

    return f"--jurisdiction: 没有辖区 {name} 的参数文件{nearest(name, catalogue.jurisdictions.names())}"


@app.command(cls=_Command)
def jurisdictions(fmt: str = typer.Option("table", "--format", "-f", help="table 或 json。"),
                  lang: str = typer.Option("zh", "--lang", help="zh 或 en。"),
                  jurisdiction_file: Optional[list[str]] = typer.Option(None, "--jurisdiction-file", help="额外的辖区参数文件（可重复）。")) -> None:
    """列出辖区参数文件：名称、级别、所属辖区、所设参数及其确定程度。"""
    import json

    from .jurisdictions.views import rows, table

    if fmt not in ("table", "json"):
        raise _fail(f"--format: 无效的取值 {fmt}（可选：table、json）")
    if lang not in LANGS:
        raise _fail(f"--lang: 无效的取值 {lang}（可选：zh、en）")
    catalogue = _catalogue(_split(jurisdiction_file))
    if fmt == "json":
        typer.echo(json.dumps(rows(catalogue.jurisdictions), ensure_ascii=False, indent=2))
    else:
        typer.echo(table(catalogue.jurisdictions, lang))


@app.command(cls=_Command)
def validate(files: list[str] = typer.Argument(..., help="要校验的规则集文件或辖区参数文件。")) -> None:
    """校验规则集文件或辖区参数文件：有效时退出码 0，否则每个问题输出一行并以 2 退出。"""
    from .jurisdictions.loader import is_jurisdiction_file
    from .rules.loader import RulesetError, load_ruleset

    failed = False
    for file in files:
        try:
            if is_jurisdiction_file(file):
                typer.echo(_validate_jurisdiction_file(file))
                continue
            ruleset = load_ruleset(file)
        except RulesetError as exc:
            failed = True
            for problem in exc.problems:
                typer.echo(problem, err=True)
            continue
        typer.echo(f"{file}: 有效（规则集 {ruleset.id} {ruleset.version}，{len(ruleset.rules)} 条规则）")
    raise typer.Exit(EXIT_ERROR if failed else EXIT_OK)


def _validate_jurisdiction_file(file: str) -> str:
    """The line saying a jurisdiction file is valid (against the bundled rulesets and files);
    RulesetError otherwise."""
    from .jurisdictions import load_jurisdiction_files

    catalogue = _catalogue()
    found = load_jurisdiction_files({rs.id: rs.parameters for rs in catalogue.rulesets}, [file])
    item = next(f for f in found.values() if f.path == file)
    return f"{file}: 有效（辖区 {item.name}，{item.level}，{len(item.all_settings())} 个参数）"


@app.command(cls=_Command)
def serve(
    host: Optional[str] = typer.Option(None, "--host", help="监听地址（默认 127.0.0.1）。"),
    port: Optional[int] = typer.Option(None, "--port", min=0, max=65535, help="端口（默认 8000）。"),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="检查文档的工作进程数（默认为 CPU 核数）。"),
    api_keys_file: Optional[str] = typer.Option(None, "--api-keys-file", help="API 密钥文件（每行一个）；也可用环境变量 LAWGOV_CHECK_API_KEYS。"),
    allow_remote: Optional[bool] = typer.Option(None, "--allow-remote-without-keys", help="允许无密钥时在非回环地址监听。"),
    config_file: Optional[str] = typer.Option(None, "--config", help="配置文件（默认从当前目录向上查找）。"),
    no_config: bool = typer.Option(False, "--no-config", help="不读取任何配置文件。"),
) -> None:
    """启动 HTTP 服务与审阅页面（需要安装服务端可选组件 server）。"""
    try:
        from .server.main import run
    except ImportError as exc:
        from .server import INSTALL_HINT, missing_extra

        if not missing_extra(exc):
            raise
        raise _fail(INSTALL_HINT) from None
    raise typer.Exit(run(config_file=config_file, no_config=no_config, host=host, port=port, workers=workers,
                         api_keys_file=api_keys_file, allow_remote_without_keys=allow_remote))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
