"""Command line: a thin layer over `lawgov_check.api`.

Exit codes: 0 nothing at or above the fail threshold, 1 findings at or above it, 2 usage, input
or rule errors (the other files are still checked and reported). Heavy modules are imported inside
the commands so that `--version` and `--help` start fast.
"""

from __future__ import annotations

import sys
from typing import Any, Optional

import typer

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="lawgov-check：法治政府建设相关文件的规则检查工具。")
rules_app = typer.Typer(no_args_is_help=True, help="列出或查看规则。")
app.add_typer(rules_app, name="rules")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
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


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            raise _fail(f"{output}: 无法写入: {exc.strerror or exc}") from None
    else:
        typer.echo(text.rstrip("\n"))


def _render(fmt: str, run: Any, *, color: bool) -> str:
    from .report import render

    return render(fmt, run, color=color, lang=run.lang)


def _formats() -> tuple[str, ...]:
    try:
        from .report import FORMATS
    except ImportError:
        return ("text", "json")
    return FORMATS


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="文件或目录（目录递归查找 .txt/.docx/.pdf；- 为标准输入）。"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、sarif、junit、github、html。"),
    fail_on: str = typer.Option("error", "--fail-on", help="达到该严重程度即以 1 退出：error、warning、info、never。"),
    lang: str = typer.Option("zh", "--lang", help="消息语言：zh 或 en。"),
    doc_type: Optional[str] = typer.Option(None, "--doc-type", help="指定文档类型（覆盖自动识别）。"),
    jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", help="指定所属辖区，如 浙江省。"),
    ruleset: Optional[list[str]] = typer.Option(None, "--ruleset", help="只使用这些规则集（可重复）。"),
    select: Optional[list[str]] = typer.Option(None, "--select", help="只检查这些规则代码或前缀（可重复）。"),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="不检查这些规则代码或前缀（可重复）。"),
    meta: Optional[str] = typer.Option(None, "--meta", help="工作流程元数据清单（YAML 或 JSON）。"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    ruleset_file: Optional[list[str]] = typer.Option(None, "--ruleset-file", help="额外的规则集文件（可重复）。"),
) -> None:
    """检查文件，输出发现的问题。"""
    from .model import DOC_TYPES

    from .api import FAIL_ON, CheckOptions, check_paths, exit_code

    if fmt not in _formats():
        raise _fail(f"--format: 未知的输出格式 {fmt}（可选：{'、'.join(_formats())}）")
    if fail_on not in FAIL_ON:
        raise _fail(f"--fail-on: 无效的取值 {fail_on}（可选：{'、'.join(FAIL_ON)}）")
    if lang not in LANGS:
        raise _fail(f"--lang: 无效的取值 {lang}（可选：zh、en）")
    if doc_type and doc_type not in DOC_TYPES:
        raise _fail(f"--doc-type: 未知的文档类型 {doc_type}（可选：{'、'.join(DOC_TYPES)}）")
    options = CheckOptions(doc_type=doc_type, jurisdiction=jurisdiction, rulesets=_split(ruleset),
                           select=_split(select), ignore=_split(ignore), meta=meta, lang=lang,
                           fail_on=fail_on, ruleset_files=_split(ruleset_file), keep_text=fmt == "html")
    _preflight(options)
    run = check_paths(paths, options=options)
    for doc in run.documents:
        for error in doc.errors:
            typer.echo(error if error.startswith(doc.path) else f"{doc.path}: {error}", err=True)
    color = fmt == "text" and output is None and sys.stdout.isatty()
    _write(_render(fmt, run, color=color), output)
    raise typer.Exit(exit_code(run, fail_on))


def _preflight(options: Any) -> None:
    """Problems that concern the whole run (bad rulesets, bad manifest, unknown ruleset ids)."""
    from .api import load_rules
    from .manifest import load_manifest
    from .model import InputError
    from .rules.loader import RulesetError

    try:
        catalogue = load_rules(options)
    except RulesetError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR) from None
    unknown = [r for r in options.rulesets if catalogue.ruleset(r) is None]
    if unknown:
        known = "、".join(rs.id for rs in catalogue.rulesets)
        raise _fail(f"--ruleset: 未知的规则集 {'、'.join(unknown)}（可选：{known}）")
    if options.meta is not None:
        try:
            options._manifest = load_manifest(options.meta)
        except InputError as exc:
            raise _fail(str(exc)) from None


@app.command()
def parse(file: str = typer.Argument(..., help="要解析的文件（- 为标准输入）。"),
          fmt: str = typer.Option("tree", "--format", "-f", help="tree 或 json。")) -> None:
    """显示文件的解析结果（结构树或 JSON）。"""
    import json

    from .model import InputError
    from .pipeline import load_document

    if fmt not in ("tree", "json"):
        raise _fail(f"--format: 无效的取值 {fmt}（可选：tree、json）")
    try:
        doc = load_document(file)
    except InputError as exc:
        raise _fail(str(exc)) from None
    from .parse.output import render_json, render_tree

    if fmt == "tree":
        typer.echo(render_tree(doc).rstrip("\n"))
    else:
        typer.echo(json.dumps(render_json(doc), ensure_ascii=False, indent=2, default=str))


def _catalogue() -> Any:
    from .api import load_rules
    from .rules.loader import RulesetError

    try:
        return load_rules()
    except RulesetError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(EXIT_ERROR) from None


@rules_app.command("list")
def rules_list(fmt: str = typer.Option("table", "--format", "-f", help="table 或 json。"),
               lang: str = typer.Option("zh", "--lang", help="zh 或 en。")) -> None:
    """列出全部规则：代码、严重程度、名称、依据、适用范围。"""
    import json

    from .rules.cli_tables import rule_rows, table

    catalogue = _catalogue()
    rows = rule_rows(catalogue, lang)
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "table":
        typer.echo(table(rows, ["code", "severity", "status", "name", "basis", "applies_to"]))
    else:
        raise _fail(f"--format: 无效的取值 {fmt}（可选：table、json）")


@rules_app.command("show")
def rules_show(code: str = typer.Argument(..., help="规则代码，如 GF01。"),
               lang: str = typer.Option("zh", "--lang", help="zh 或 en。")) -> None:
    """显示一条规则：摘要、依据、适用范围和示例。"""
    from .rules.cli_tables import describe_rule

    catalogue = _catalogue()
    found = catalogue.rule(code)
    if found is None:
        raise _fail(f"{code}: 未知的规则代码")
    typer.echo(describe_rule(*found, lang=lang))


@app.command()
def validate(files: list[str] = typer.Argument(..., help="要校验的规则集文件。")) -> None:
    """校验规则集文件：有效时退出码 0，否则每个问题输出一行并以 2 退出。"""
    from .rules.loader import RulesetError, load_ruleset

    failed = False
    for file in files:
        try:
            ruleset = load_ruleset(file)
        except RulesetError as exc:
            failed = True
            for problem in exc.problems:
                typer.echo(problem, err=True)
            continue
        typer.echo(f"{file}: 有效（规则集 {ruleset.id} {ruleset.version}，{len(ruleset.rules)} 条规则）")
    raise typer.Exit(EXIT_ERROR if failed else EXIT_OK)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
