"""Reading the small files around a check: config (TOML), manifest (YAML/JSON), baseline (JSON),
rulesets and jurisdiction files (YAML).

Every one is a regular file of bounded size (a FIFO, a device or /dev/zero would hang or fill the
memory), valid UTF-8, and parsed with limits: YAML with the rules loader's nesting and alias
limits, JSON and TOML without NaN, infinities or nesting deep enough to exhaust the stack. Each
problem is an `AuxFileError` whose message is one line (the caller adds the file name).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_AUX_BYTES = 8 * 1024 * 1024  # far above any real config, manifest, ruleset or baseline
MAX_BASELINE_BYTES = 256 * 1024 * 1024  # a baseline of a large corpus is a big JSON result
MAX_NESTING = 100


class AuxFileError(Exception):
    """A one-line reason why an auxiliary file cannot be used."""


def read_bytes(path: str | Path, max_bytes: int = MAX_AUX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; AuxFileError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO with no writer must not block
    except OSError as exc:
        raise AuxFileError(f"无法读取: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise AuxFileError("不是普通文件（管道、设备、目录或套接字） (not a regular file)")
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > max_bytes:
            raise AuxFileError(f"文件过大（{info.st_size} 字节，上限 {max_bytes}） (file too large)")
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise AuxFileError(f"无法读取: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise AuxFileError(f"文件过大（超过 {max_bytes} 字节） (file too large)")
    return data


def read_text(path: str | Path, max_bytes: int = MAX_AUX_BYTES) -> str:
    """A regular, size-capped file decoded as UTF-8 (a BOM is allowed)."""
    data = read_bytes(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AuxFileError(f"不是 UTF-8 编码的文本 (not UTF-8: byte {exc.start})") from None


def _refuse_constant(name: str) -> Any:
    raise AuxFileError(f"不允许的数值 {name} (NaN and infinities are not allowed)")


def parse_json(text: str) -> Any:
    """JSON without NaN/Infinity and nested at most MAX_NESTING deep."""
    if _bracket_depth(text, "[{", "]}") > MAX_NESTING:
        raise AuxFileError(f"JSON 嵌套超过 {MAX_NESTING} 层，拒绝处理 (nested too deeply)")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except AuxFileError:
        raise
    except (ValueError, RecursionError) as exc:
        raise AuxFileError(f"不是有效的 JSON: {_first_line(exc)}") from None


def parse_toml(text: str) -> dict[str, Any]:
    """TOML nested at most MAX_NESTING deep; NaN and infinities refused wherever they stand."""
    import tomllib

    if _bracket_depth(text, "[{", "]}") > MAX_NESTING:
        raise AuxFileError(f"TOML 嵌套超过 {MAX_NESTING} 层，拒绝处理 (nested too deeply)")
    try:
        return tomllib.loads(text, parse_float=_finite_float)
    except AuxFileError:
        raise
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        raise AuxFileError(f"TOML 语法错误: {_first_line(exc)}") from None


def _finite_float(text: str) -> float:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        _refuse_constant(text)
    return value


def parse_yaml(text: str) -> Any:
    """YAML with the rulesets' limits (nesting, alias expansion and cycles)."""
    from .rules.loader import UnsafeYaml, load_yaml_limited

    try:
        return load_yaml_limited(text)
    except UnsafeYaml as exc:
        raise AuxFileError(str(exc)) from None


def _bracket_depth(text: str, opening: str, closing: str) -> int:
    """The deepest bracket nesting (strings are not skipped: an overestimate is only stricter
    for texts that put brackets in strings hundreds deep, which real files never do)."""
    depth = deepest = 0
    for ch in re.sub(f"[^{re.escape(opening + closing)}]+", "", text):
        if ch in opening:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in closing:
            depth -= 1
    return deepest


def _first_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return " ".join(text.splitlines()[0].split()) if text.strip() else type(exc).__name__
