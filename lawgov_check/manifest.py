"""The workflow manifest (`--meta FILE`): procedure facts a document cannot hold.

YAML or JSON, validated by `lawgov_check/schemas/manifest.schema.json`. Dates are ISO strings;
rules read them as `manifest.legality_review.end` and the like.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from .model import InputError
from .resources import schema_path


@cache
def manifest_schema() -> dict[str, Any]:
    return json.loads(schema_path("manifest.schema.json").read_text(encoding="utf-8"))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def manifest_problems(data: Any) -> list[str]:
    """One line `field: problem` per violation (empty when valid)."""
    from jsonschema import Draft202012Validator

    if not isinstance(data, dict):
        return ["(root): 元数据清单必须是一个对象"]
    problems = []
    for error in Draft202012Validator(manifest_schema()).iter_errors(data):
        where = ".".join(str(p) for p in error.absolute_path) or "(root)"
        problems.append(f"{where}: {error.message}")
    for section in ("comment_period", "legality_review", "collective_deliberation", "filing"):
        for key in ("start", "end", "date"):
            value = (data.get(section) or {}).get(key) if isinstance(data.get(section), dict) else None
            if isinstance(value, str):
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    problems.append(f"{section}.{key}: 不是有效日期 {value!r}")
    for section in ("comment_period", "legality_review"):
        part = data.get(section)
        if isinstance(part, dict) and isinstance(part.get("start"), str) and isinstance(part.get("end"), str) \
                and part["start"] > part["end"]:
            problems.append(f"{section}: 结束日期 {part['end']} 早于开始日期 {part['start']}")
    return sorted(set(problems))


def validate_manifest(data: Any, name: str = "<meta>") -> dict[str, Any]:
    data = _jsonable(data)
    problems = manifest_problems(data)
    if problems:
        raise InputError(name, "元数据清单无效: " + "; ".join(problems))
    return data


def load_manifest(source: str | Path | dict[str, Any]) -> dict[str, Any]:
    """Read and validate a manifest file (or a mapping). Raises InputError naming the file."""
    if isinstance(source, dict):
        return validate_manifest(source)
    from .auxfiles import AuxFileError, parse_json, parse_yaml, read_text

    path = Path(source)
    try:
        raw = read_text(path)
        data = parse_json(raw) if path.suffix.lower() == ".json" else parse_yaml(raw)
    except AuxFileError as exc:
        raise InputError(str(path), f"元数据清单无法读取: {exc}") from None
    return validate_manifest(data, str(path))
