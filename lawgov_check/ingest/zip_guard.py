"""Checks on a .docx package before any XML parser sees it: zip bombs and DTD declarations."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..model import InputError
from .limits import Limits, describe_size

CHUNK = 1024 * 1024
# A member this large that compresses this well is repetition, not a document.
RATIO_CHECK_MIN_SIZE = 1024 * 1024
PROLOG_WINDOW = 64 * 1024
_ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")


def check_docx_package(path: str, data: bytes, limits: Limits) -> None:
    """Raise InputError if the package would inflate beyond the limits or declares a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        raise InputError(path, "Word 文档已损坏或不完整 (corrupt or truncated docx)") from None
    declared = sum(member.file_size for member in members)
    if declared > limits.max_inflated:
        raise _too_large(path, declared, limits)
    inflated = 0
    for member in members:
        if member.file_size > RATIO_CHECK_MIN_SIZE and (
            member.compress_size == 0 or member.file_size / member.compress_size > limits.max_compression_ratio
        ):
            raise InputError(path, f"Word 文档中的 {member.filename} 压缩比异常，疑似压缩炸弹 (zip bomb suspected)")
        inflated = _stream_member(path, archive, member, inflated, limits)


def _stream_member(path: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, inflated: int,
                   limits: Limits) -> int:
    is_xml = member.filename.endswith((".xml", ".rels"))
    prolog = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                inflated += len(chunk)
                if inflated > limits.max_inflated:
                    raise _too_large(path, inflated, limits)
                if is_xml and len(prolog) < PROLOG_WINDOW:
                    prolog += chunk[: PROLOG_WINDOW - len(prolog)]
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        raise InputError(path, f"Word 文档已损坏：无法解压 {member.filename} (corrupt docx member)") from None
    if is_xml and _declares_dtd(prolog):
        raise InputError(path, f"Word 文档的 {member.filename} 含有 DTD/实体声明，拒绝处理 (DTD or entity declaration not allowed)")
    return inflated


def _declares_dtd(prolog: bytes) -> bool:
    # Dropping NULs turns a UTF-16 or UTF-32 prolog into its ASCII spelling.
    prolog = prolog.replace(b"\0", b"")
    root = _ROOT_ELEMENT.search(prolog)
    head = prolog if root is None else prolog[: root.start()]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _too_large(path: str, size: int, limits: Limits) -> InputError:
    return InputError(
        path,
        f"Word 文档解压后超过 {describe_size(limits.max_inflated)}，疑似压缩炸弹 "
        f"(inflated size {describe_size(size)} exceeds the limit; zip bomb suspected)",
    )

