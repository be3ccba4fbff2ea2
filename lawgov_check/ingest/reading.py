"""Reading the raw bytes of one input: a file, standard input, or bytes handed in by a caller."""

from __future__ import annotations

import os
import stat
import sys

from ..model import InputError
from .limits import Limits, describe_size

STDIN_PATH = "-"


def read_input(path: str, data: bytes | None, limits: Limits) -> bytes:
    """The bytes of `path` (or of stdin for "-", or `data` when given), within `limits.max_bytes`."""
    if data is not None:
        _check_size(path, len(data), limits)
        return bytes(data)
    if path == STDIN_PATH:
        return _read_stream(path, sys.stdin.buffer, limits)
    return _read_file(path, limits)


def _read_file(path: str, limits: Limits) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在 (file not found)") from None
    except PermissionError:
        raise InputError(path, "没有访问权限 (permission denied)") from None
    except NotADirectoryError:
        raise InputError(path, "路径无效：上级不是目录 (not a directory in path)") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"无法访问文件 (cannot access file: {_os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "这是目录，不是文件 (is a directory)")
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or device could block forever or never end.
        raise InputError(path, "不是普通文件（管道、设备或套接字） (not a regular file)")
    _check_size(path, info.st_size, limits)
    try:
        with open(path, "rb") as stream:
            return _read_stream(path, stream, limits)
    except PermissionError:
        raise InputError(path, "没有读取权限 (permission denied)") from None
    except IsADirectoryError:
        raise InputError(path, "这是目录，不是文件 (is a directory)") from None
    except OSError as exc:
        raise InputError(path, f"读取失败 (read error: {_os_reason(exc)})") from None


READ_CHUNK = 1024 * 1024


def _read_stream(path: str, stream, limits: Limits) -> bytes:
    # Read one byte past the limit so that a file growing while we read is still caught. Read in
    # chunks: `read(max_bytes + 1)` would reserve the whole limit up front for a tiny file.
    chunks: list[bytes] = []
    size = 0
    while size <= limits.max_bytes:
        chunk = stream.read(min(READ_CHUNK, limits.max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    _check_size(path, size, limits)
    return b"".join(chunks)


def _check_size(path: str, size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise InputError(
            path,
            f"文件过大：超过上限 {describe_size(limits.max_bytes)} "
            f"(file too large: {describe_size(size)} > {describe_size(limits.max_bytes)})",
        )


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or exc.__class__.__name__
