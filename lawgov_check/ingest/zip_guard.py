"""Checks on a .docx package before any XML parser sees it: zip bombs and DTD declarations."""

from __future__ import annotations

import io
import zipfile
import zlib

from ..model import InputError
from .limits import Limits, describe_size

CHUNK = 1024 * 1024
# A member this large that compresses this well is repetition, not a document.
RATIO_CHECK_MIN_SIZE = 1024 * 1024


def check_docx_package(path: str, data: bytes, limits: Limits) -> int:
    """The inflated size of the package; InputError if it exceeds the limits or declares a DTD."""
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
    return inflated


def _stream_member(path: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, inflated: int,
                   limits: Limits) -> int:
    is_xml = member.filename.endswith((".xml", ".rels"))
    scanner = _DeclarationScanner() if is_xml else None
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                inflated += len(chunk)
                if inflated > limits.max_inflated:
                    raise _too_large(path, inflated, limits)
                if scanner is not None:
                    scanner.feed(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        raise InputError(path, f"Word 文档已损坏：无法解压 {member.filename} (corrupt docx member)") from None
    if scanner is not None and scanner.found:
        raise InputError(path, f"Word 文档的 {member.filename} 含有 DTD/实体声明，拒绝处理 (DTD or entity declaration not allowed)")
    return inflated


class _DeclarationScanner:
    """Looks for `<!DOCTYPE` / `<!ENTITY` anywhere in a streamed XML part, not only in a window
    at its start: a long comment before the declaration must not hide it. (Such text inside a
    comment or CDATA section is refused too; Word never writes it.) Dropping NULs turns a UTF-16
    or UTF-32 part into its ASCII spelling; a short tail is kept across chunk boundaries."""

    _TAIL = 16

    def __init__(self) -> None:
        self.found = False
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        if self.found:
            return
        window = self._tail + chunk.replace(b"\0", b"")
        self.found = b"<!DOCTYPE" in window or b"<!ENTITY" in window
        self._tail = window[-self._TAIL:]


def _too_large(path: str, size: int, limits: Limits) -> InputError:
    return InputError(
        path,
        f"Word 文档解压后超过 {describe_size(limits.max_inflated)}，疑似压缩炸弹 "
        f"(inflated size {describe_size(size)} exceeds the limit; zip bomb suspected)",
    )


def numbering_too_large(path: str, generated: int, limits: Limits) -> InputError:
    """The automatic numbering would generate more text than the inflation limit leaves."""
    return InputError(
        path,
        f"Word 文档的自动编号生成的文字连同解压内容超过 {describe_size(limits.max_inflated)}，疑似编号炸弹 "
        f"(automatic numbering generates {describe_size(generated)}; with the package this exceeds the limit)",
    )

