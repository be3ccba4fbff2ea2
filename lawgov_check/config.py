"""Project configuration: `lawgov-check.toml`, or `[tool.lawgov-check]` in `pyproject.toml`.

The file is found by walking up from the checked path. It is validated by
`schemas/config.schema.json`, then its rule codes and ruleset ids are checked against the rule
catalogue: an unknown key or code is an error naming the file and the key, never ignored.

Precedence, lowest first: built-in defaults, the top level of the file, each `[overrides."glob"]`
matching the document (in file order), command-line options. `ignore` accumulates over the
layers, `severity` merges per code, every other key replaces.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .globs import matches_any
from .resources import schema_path
from .waivers import Waiver

if TYPE_CHECKING:
    from .api import CheckOptions
    from .rules.loader import Catalogue

CONFIG_FILE = "lawgov-check.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "lawgov-check")


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` holds one `file: key: cause` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    """One layer of check settings; None (or empty) means "not set here"."""

    jurisdiction: str | None = None
    doc_type: str | None = None
    rulesets: tuple[str, ...] | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str | None = None

    def then(self, later: "Settings") -> "Settings":
        """These settings with `later` laid on top."""
        return Settings(
            jurisdiction=later.jurisdiction or self.jurisdiction,
            doc_type=later.doc_type or self.doc_type,
            rulesets=later.rulesets if later.rulesets is not None else self.rulesets,
            select=later.select if later.select is not None else self.select,
            ignore=tuple(dict.fromkeys(self.ignore + later.ignore)),
            severity={**self.severity, **later.severity},
            fail_on=later.fail_on or self.fail_on,
        )

    def apply(self, options: "CheckOptions") -> "CheckOptions":
        changes: dict[str, Any] = {"ignore": tuple(dict.fromkeys(tuple(options.ignore) + self.ignore)),
                                   "severity": {**options.severity, **self.severity}}
        for name in ("jurisdiction", "doc_type", "rulesets", "select", "fail_on"):
            value = getattr(self, name)
            if value is not None:
                changes[name] = value
        return dataclasses.replace(options, **changes)

    @staticmethod
    def from_table(table: Mapping[str, Any]) -> "Settings":
        def codes(key: str) -> tuple[str, ...] | None:
            return tuple(v.upper() for v in table[key]) if key in table else None

        return Settings(jurisdiction=table.get("jurisdiction"), doc_type=table.get("doc-type"),
                        rulesets=codes("rulesets"), select=codes("select"),
                        ignore=codes("ignore") or (), severity=dict(table.get("severity", {})),
                        fail_on=table.get("fail-on"))


@dataclass
class Config:
    path: Path | None = None  # the file it was read from (None: no file)
    base: Path = Path(".")  # directory that globs and ruleset-files are relative to
    settings: Settings = field(default_factory=Settings)
    overrides: list[tuple[str, Settings]] = field(default_factory=list)
    lang: str | None = None
    exclude: tuple[str, ...] = ()
    ruleset_files: tuple[str, ...] = ()
    timeout: float | None = None
    limits: dict[str, int] = field(default_factory=dict)  # max_bytes, max_pages, max_inflated
    waivers: list[Waiver] = field(default_factory=list)
    docs_url: str | None = None  # the rule reference SARIF links to
    command_line: Settings = field(default_factory=Settings)  # applied after the file's layers
    server: dict[str, Any] = field(default_factory=dict)  # the [server] table, for `serve`

    def settings_for(self, path: str) -> Settings:
        settings = self.settings
        if path != "-":
            for pattern, override in self.overrides:
                if matches_any((pattern,), path, self.base):
                    settings = settings.then(override)
        return settings.then(self.command_line)

    def options_for(self, path: str, options: "CheckOptions") -> "CheckOptions":
        return self.settings_for(path).apply(options)

    def excludes(self, path: str) -> bool:
        return bool(self.exclude) and path != "-" and matches_any(self.exclude, path, self.base)


# ---------------------------------------------------------------- finding and reading the file

def find_config(start: str | Path) -> Path | None:
    """The nearest `lawgov-check.toml`, or `pyproject.toml` with a [tool.lawgov-check] table.

    The search goes up from `start` but stops at the root of the repository (a folder holding
    `.git`) or at the home directory, whichever comes first: a file planted in `/tmp` or `/` must
    not decide what a run checks.
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    home = _home()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _table(pyproject, _read_toml(pyproject)) is not None:
            return pyproject
        if (directory / ".git").exists() or directory == home:
            return None
    return None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, OSError, KeyError):
        return None


def start_directory(paths: Iterable[str]) -> Path:
    """Where to start looking for the config: the common directory of the checked paths."""
    dirs = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".")
            for p in paths if p != "-"]
    if not dirs:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(dirs))
    except ValueError:  # paths on different drives
        return Path(dirs[0])


def _read_toml(path: Path) -> dict[str, Any]:
    from .auxfiles import AuxFileError, parse_toml, read_text

    try:
        return parse_toml(read_text(path))
    except AuxFileError as exc:
        message = str(exc)
        prefix = "" if message.startswith("TOML") else "无法读取配置文件: "
        raise ConfigError([f"{path}: {prefix}{message}"]) from None


def _table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name != PYPROJECT:
        return data
    table: Any = data
    for key in PYPROJECT_TABLE:
        if not isinstance(table, dict) or key not in table:
            return None
        table = table[key]
    return table


@cache
def config_schema() -> dict[str, Any]:
    return json.loads(schema_path("config.schema.json").read_text(encoding="utf-8"))


def _key_path(prefix: str, parts: Iterable[Any]) -> str:
    out = prefix
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = str(part)
            simple = text.replace("-", "").replace("_", "").isalnum() and text.isascii()
            out += ("." if out else "") + (text if simple else json.dumps(text, ensure_ascii=False))
    return out or "(根)"


def _schema_message(error: Any) -> tuple[list[Any], str]:
    """Where (key path parts) and what, in Chinese, for one jsonschema error."""
    where = list(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        hint = f"（可用的键：{'、'.join(known)}）" if known else ""
        return where + extra[:1], f"未知的配置项{hint}"
    if kind == "enum":
        return where, f"无效的取值 {error.instance!r}（可选：{'、'.join(map(str, error.validator_value))}）"
    if kind == "type":
        return where, f"类型应为 {error.validator_value}，实际是 {type(error.instance).__name__}"
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return where, f"缺少必填项 {'、'.join(missing)}"
    if kind == "pattern" and error.validator_value.startswith("^[A-Z]{2}[0-9]{2}"):
        return where, f"不是规则代码 {error.instance!r}（应为两个大写字母加两位数字，如 GF05）"
    if kind in ("pattern", "minLength") and isinstance(error.instance, str) and not error.instance.strip():
        return where, "不能为空"
    return where, error.message


def schema_problems(data: Any, file: Path, prefix: str = "") -> list[str]:
    from jsonschema import Draft202012Validator

    if not isinstance(data, dict):
        return [f"{file}: {prefix or '(根)'}: 应为一个表"]
    problems = []
    validator = Draft202012Validator(config_schema())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator == "propertyNames" and error.context:
            key = error.context[0].instance
            _, message = _schema_message(error.context[0])
            where = list(error.absolute_path) + [key]
        else:
            where, message = _schema_message(error)
        problems.append(f"{file}: {_key_path(prefix, where)}: {message}")
    return list(dict.fromkeys(problems))


def load_config(path: str | Path) -> Config:
    """Read and validate the schema of one config file. Raises ConfigError."""
    file = Path(path)
    data = _read_toml(file)
    table = _table(file, data)
    prefix = ".".join(PYPROJECT_TABLE) if file.name == PYPROJECT else ""
    if table is None:
        raise ConfigError([f"{file}: 没有 [{'.'.join(PYPROJECT_TABLE)}] 配置表"])
    problems = schema_problems(table, file, prefix) or _glob_problems(table, file, prefix)
    if problems:
        raise ConfigError(problems)
    base = file.resolve().parent
    waivers = []
    for i, w in enumerate(table.get("waivers", [])):
        paths = (w["path"],) if isinstance(w["path"], str) else tuple(w["path"])
        waivers.append(Waiver(paths=paths, code=w["code"], reason=w["reason"].strip(), match=w.get("match"),
                              origin=f"{file}: {_key_path(prefix, ['waivers', i])}", base=str(base)))
    limits = {key.replace("-", "_"): table[key] for key in ("max-bytes", "max-pages", "max-inflated")
              if key in table}
    return Config(
        path=file, base=base, settings=Settings.from_table(table),
        overrides=[(glob, Settings.from_table(t)) for glob, t in table.get("overrides", {}).items()],
        lang=table.get("lang"), exclude=tuple(table.get("exclude", ())),
        ruleset_files=tuple(str(base / f) for f in table.get("ruleset-files", ())),
        timeout=table.get("timeout"), limits=limits, waivers=waivers, docs_url=table.get("docs-url"),
        server=dict(table.get("server", {})))


def _glob_problems(table: Mapping[str, Any], file: Path, prefix: str) -> list[str]:
    """Globs that cannot be used (`[z-a]`), one line each, found before the run starts."""
    from .globs import GlobError, check_pattern

    found: list[tuple[list[Any], str]] = [(["exclude", i], g) for i, g in enumerate(table.get("exclude", ()))]
    found += [(["overrides", g], g) for g in table.get("overrides", {})]
    for i, waiver in enumerate(table.get("waivers", ())):
        paths = [waiver["path"]] if isinstance(waiver["path"], str) else waiver["path"]
        found += [(["waivers", i, "path"], g) for g in paths]
    problems = []
    for where, glob in found:
        try:
            check_pattern(glob)
        except GlobError as exc:
            problems.append(f"{file}: {_key_path(prefix, where)}: {exc}")
    return problems


# ---------------------------------------------------------------- codes against the catalogue

def _settings_with_keys(config: Config) -> Iterable[tuple[list[Any], Settings]]:
    yield [], config.settings
    for glob, settings in config.overrides:
        yield ["overrides", glob], settings


def catalogue_problems(config: Config, catalogue: "Catalogue") -> list[str]:
    """Unknown ruleset ids, rule codes and jurisdictions, one `file: key: cause` line each."""
    from .rules.loader import nearest
    from .rules.names import unknown_names

    if config.path is None:
        return []
    prefix = ".".join(PYPROJECT_TABLE) if config.path.name == PYPROJECT else ""
    codes = {rule.code for _, rule in catalogue.rules()}
    problems: list[str] = []

    def report(parts: list[Any], message: str) -> None:
        problems.append(f"{config.path}: {_key_path(prefix, parts)}: {message}")

    for where, settings in _settings_with_keys(config):
        for key, values in (("rulesets", settings.rulesets), ("select", settings.select), ("ignore", settings.ignore)):
            for i, value in enumerate(values or ()):
                for _, problem in unknown_names(catalogue, **{key: [value]}):
                    report(where + [key, i], problem)
        for code in settings.severity:
            if code not in codes:
                report(where + ["severity", code], f"未知的规则代码 {code}{nearest(code, codes)}")
        for _, problem in unknown_names(catalogue, jurisdiction=settings.jurisdiction):
            report(where + ["jurisdiction"], problem)
    for i, waiver in enumerate(config.waivers):
        if waiver.code not in codes:
            report(["waivers", i, "code"], f"未知的规则代码 {waiver.code}{nearest(waiver.code, codes)}")
    return problems
