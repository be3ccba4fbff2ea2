"""Deciding which reader an input needs: by content first, then by file extension."""

from __future__ import annotations

import io
import os
from typing import Literal

from ..model import InputError
from .txt import guess_bomless_utf16, looks_binary

Format = Literal["txt", "docx", "pdf"]

PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # the PDF spec tolerates junk before the header
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, .wps, .xls
RTF_MAGIC = b"{\\rtf"
DOCX_MAIN_PART = "word/document.xml"
WORD_EXTENSIONS = {".docx", ".docm", ".dotx"}


def sniff_format(path: str, data: bytes) -> Format:
    extension = os.path.splitext(path)[1].lower()
    if data.startswith(ZIP_MAGIC):
        return _zip_format(path, data, extension)
    if _pdf_header(data, extension):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        raise InputError(path, "不支持旧版 Word/WPS 二进制格式，请另存为 .docx (legacy .doc/.wps not supported)")
    if data.startswith(RTF_MAGIC):
        raise InputError(path, "不支持 RTF 格式，请另存为 .docx 或 .txt (RTF not supported)")
    if extension in WORD_EXTENSIONS:
        raise InputError(path, f"不是有效的 Word 文档{_what_it_really_is(data)}")
    if extension == ".pdf":
        raise InputError(path, f"不是有效的 PDF 文件{_what_it_really_is(data)}")
    return "txt"


def _pdf_header(data: bytes, extension: str) -> bool:
    """`%PDF-` at the start; or within the first KB (the PDF spec tolerates junk before it) of a
    .pdf, or after bytes that are not text — a text file that mentions "%PDF-1.7" stays text."""
    at = data.find(PDF_MAGIC, 0, PDF_HEADER_WINDOW)
    if at < 0:
        return False
    if at == 0 or extension == ".pdf":
        return True
    if extension in WORD_EXTENSIONS or extension == ".txt":
        return False
    try:
        data[:at].decode("utf-8")
    except UnicodeDecodeError:
        return True
    return looks_binary(data[:at])


def _zip_format(path: str, data: bytes, extension: str) -> Format:
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        if extension in WORD_EXTENSIONS:
            raise InputError(path, "Word 文档已损坏或不完整 (corrupt or truncated docx)") from None
        raise InputError(path, "ZIP 压缩包已损坏，且不支持压缩包输入 (corrupt zip archive)") from None
    if DOCX_MAIN_PART in names:
        return "docx"
    if extension in WORD_EXTENSIONS:
        raise InputError(path, "不是有效的 Word 文档：缺少 word/document.xml (not a Word document)")
    raise InputError(path, "不支持的文件格式：ZIP 压缩包 (unsupported format: zip archive)")


def _what_it_really_is(data: bytes) -> str:
    if not data.strip():
        return "（文件为空） (file is empty)"
    if guess_bomless_utf16(data) or not looks_binary(data):
        return " (实为纯文本) (plain text, not a document of this type)"
    return "（文件已损坏或格式不符） (corrupt or wrong format)"
