"""Read and validate jurisdiction files: the JSON schema (rulesets/jurisdiction.schema.json), then
what the schema cannot say — ruleset ids and parameter names against the rulesets, value types
against the defaults, regular expressions, source ids, examples against their pattern, `within`.

Every problem is one line, `FILE: PATH: problem`, collected in a `RulesetError` like a ruleset's.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..resources import data_dir
from ..rules.loader import RulesetError, UnsafeYaml, load_yaml_limited, nearest
from ..rules.schema import jsonable
from .model import LEVELS, JurisdictionFile, Setting, Source

# Parameters whose value is a regular expression (compiled at load time, examples matched).
PATTERN_SUFFIX = "_pattern"


@cache
def jurisdiction_schema() -> dict[str, Any]:
    return json.loads((data_dir("rulesets") / "jurisdiction.schema.json").read_text(encoding="utf-8"))


def bundled_paths() -> list[Path]:
    directory = data_dir("rulesets") / "jurisdictions"
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yml", ".yaml")) if directory.is_dir() else []


def is_jurisdiction_file(path: str | Path) -> bool:
    """Whether a YAML file is a jurisdiction file (a top-level `jurisdiction:` key) rather than a
    ruleset; an unreadable file is not (the ruleset loader then says why)."""
    from ..auxfiles import AuxFileError, read_text

    try:
        return re.search(r"^jurisdiction\s*:", read_text(path), re.MULTILINE) is not None
    except AuxFileError:
        return False


def _where(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def _schema_problems(data: Any) -> list[tuple[str, str]]:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    if not isinstance(data, dict):
        return [("(root)", "辖区文件必须是一个映射（YAML 对象）")]
    problems = []
    for error in sorted(Draft202012Validator(jurisdiction_schema()).iter_errors(data),
                        key=lambda e: list(map(str, e.absolute_path))):
        if error.context:
            error = best_match(error.context)
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            known = "、".join(sorted(error.schema.get("properties", {})))
            problems.append((_where(where + extra[:1]), f"未知的键（可用的键：{known}）"))
            continue
        problems.append((_where(where), error.message))
    return problems


def _type_problem(value: Any, default: Any) -> str | None:
    """Why `value` cannot stand for a parameter whose default is `default`, or None."""
    if default is None:
        return None
    if isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "布尔值 true/false"
    elif isinstance(default, int):
        ok, wanted = isinstance(value, int) and not isinstance(value, bool), "整数"
    elif isinstance(default, float):
        ok, wanted = isinstance(value, (int, float)) and not isinstance(value, bool), "数值"
    elif isinstance(default, str):
        ok, wanted = isinstance(value, str), "字符串"
    else:
        return None
    return None if ok else f"类型应为{wanted}（与规则集的默认值 {default!r} 相同），实际是 {value!r}"


def _pattern_problems(value: str, examples: list[dict[str, Any]], where: list[Any]) -> list[tuple[str, str]]:
    import regex

    try:
        compiled = regex.compile(value)
    except (regex.error, OverflowError, RecursionError) as exc:
        return [(_where(where + ["value"]), f"不是有效的正则表达式: {exc}")]
    problems = []
    for i, example in enumerate(examples):
        try:
            if not compiled.search(example["number"], timeout=1.0):
                problems.append((_where(where + ["examples", i, "number"]),
                                 f"示例编号“{example['number']}”与 value 的格式不符"))
        except TimeoutError:
            return [(_where(where + ["value"]), "正则表达式匹配示例编号超过 1 秒，拒绝使用 (pattern too slow)")]
    return problems


def _semantic_problems(data: dict[str, Any], rulesets: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    sources = data.get("sources") or {}
    level, within = data["level"], data.get("within")
    if level == "province" and within:
        problems.append(("within", "省级辖区不属于其他辖区，within 应为 null"))
    if level != "province" and not within:
        problems.append(("within", f"{level} 级辖区应写明所属辖区（within）"))
    for ruleset_id, by_name in (data.get("parameters") or {}).items():
        if ruleset_id not in rulesets:
            problems.append((_where(["parameters", ruleset_id]), f"未知的规则集 {ruleset_id}{nearest(ruleset_id, rulesets)}"))
            continue
        declared = rulesets[ruleset_id]
        for name, setting in by_name.items():
            where = ["parameters", ruleset_id, name]
            if name not in declared:
                problems.append((_where(where), f"规则集 {ruleset_id} 没有参数 {name}{nearest(name, declared)}"))
                continue
            problem = _type_problem(setting["value"], declared[name])
            if problem:
                problems.append((_where(where + ["value"]), problem))
            elif name.endswith(PATTERN_SUFFIX) and setting["value"]:
                problems += _pattern_problems(setting["value"], setting.get("examples") or [], where)
            if setting["source"] not in sources:
                problems.append((_where(where + ["source"]),
                                 f"未定义的来源 {setting['source']}{nearest(setting['source'], sources)}"))
    return problems


def _build(data: dict[str, Any], path: Path, origin: str) -> JurisdictionFile:
    sources = {key: Source(id=key, **value) for key, value in (data.get("sources") or {}).items()}
    settings = {ruleset_id: {name: Setting(ruleset_id, name, raw["value"], sources[raw["source"]],
                                           tuple(raw.get("examples") or ()))
                             for name, raw in by_name.items()}
                for ruleset_id, by_name in (data.get("parameters") or {}).items()}
    return JurisdictionFile(name=data["jurisdiction"], level=data["level"], within=data.get("within"),
                            path=str(path), sources=sources, settings=settings, origin=origin,
                            note=data.get("note"))


def load_jurisdiction_file(path: str | Path, rulesets: Mapping[str, Mapping[str, Any]], *,
                           origin: str = "file") -> JurisdictionFile:
    """One file read, validated against the schema and `rulesets` (id → declared parameters)
    and built. Raises RulesetError with one line per problem."""
    from ..auxfiles import AuxFileError, read_text

    from ..rules.loader import _remembered_schema_problems, _validation_marker

    path = Path(path)
    try:
        text = read_text(path)
        # a text that passed the schema before skips it (and jsonschema's import): see _validation_marker
        marker = _validation_marker(text, "jurisdiction.schema.json")
        known_good = marker is not None and marker.exists()
        data = jsonable(load_yaml_limited(text, known_good=known_good))
    except (AuxFileError, UnsafeYaml) as exc:
        raise RulesetError([f"{path}: {exc}"]) from None
    problems = [] if known_good else _remembered_schema_problems(data, marker, _schema_problems)
    problems = problems or _semantic_problems(data, rulesets)
    if problems:
        raise RulesetError([f"{path}: {where}: {problem}" for where, problem in problems])
    return _build(data, path, origin)


def _hierarchy_problems(files: Mapping[str, JurisdictionFile]) -> list[str]:
    problems = []
    for item in files.values():
        if item.within is None:
            continue
        parent = files.get(item.within)
        if parent is None:
            problems.append(f"{item.path}: within: 没有名为 {item.within} 的辖区文件{nearest(item.within, files)}")
        elif LEVELS.index(parent.level) >= LEVELS.index(item.level):
            problems.append(f"{item.path}: within: {item.within} 是 {parent.level} 级，"
                            f"不能包含 {item.level} 级的 {item.name}")
    return problems


def load_jurisdiction_files(rulesets: Mapping[str, Mapping[str, Any]], user_files: Iterable[str | Path] = (), *,
                            bundled: bool = True) -> dict[str, JurisdictionFile]:
    """Bundled files, then the user's (a user's file replaces the bundled file of its name);
    every problem of every file in one RulesetError."""
    found: dict[str, JurisdictionFile] = {}
    problems: list[str] = []
    for origin, paths in (("bundled", bundled_paths() if bundled else []), ("file", list(user_files))):
        for path in paths:
            try:
                item = load_jurisdiction_file(path, rulesets, origin=origin)
            except RulesetError as exc:
                problems += exc.problems
                continue
            if item.name in found and found[item.name].origin == origin:
                problems.append(f"{path}: jurisdiction: 辖区 {item.name} 已由 {found[item.name].path} 定义")
                continue
            found[item.name] = item
    problems += _hierarchy_problems(found)
    if problems:
        raise RulesetError(problems)
    return found
