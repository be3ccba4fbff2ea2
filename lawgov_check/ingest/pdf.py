"""PDF: the text layer of each page, with wrapped lines joined back into paragraphs.

Page numbers and running headers and footers are dropped, and paragraphs are joined across page
breaks too. Every original PDF line becomes one segment (page and line on that page), so a joined
paragraph still locates each of its characters to the page and line it came from.
"""

from __future__ import annotations

import io
import logging
from contextlib import contextmanager
from typing import Iterator

from ..model import InputError, Segment, Source
from .limits import Limits
from .pdf_lines import LineStart, PdfLine, body_lines, join_paragraphs, joiner, page_lines

PDF_MEDIA_TYPE = "application/pdf"
MAX_REPORTED_PARSER_WARNINGS = 3


# Tighter than pypdf's defaults: a real page has tens of thousands of content tokens, not millions,
# and parsing runs at roughly 100,000 tokens a second.
PARSER_LIMITS = {
    "stream_parsing_work_maximum_count": 400_000,
    "zlib_maximum_output_length": 32 * 1024 * 1024,
    # The same bound for every other decoder a content stream may name (a RunLength bomb
    # otherwise decodes 64 MB of spaces and is reported as a scan).
    "run_length_maximum_output_length": 32 * 1024 * 1024,
    "lzw_maximum_output_length": 32 * 1024 * 1024,
    "array_based_stream_maximum_output_length": 32 * 1024 * 1024,
}


def load_pdf(path: str, data: bytes, limits: Limits) -> Source:
    from pypdf import apply_configuration

    warnings: list[str] = []
    with _collect_pypdf_warnings() as parser_warnings, apply_configuration(**PARSER_LIMITS):
        reader = _open(path, data, warnings)
        page_count = _page_count(path, reader)
        if page_count > limits.max_pages:
            raise InputError(path, f"PDF 页数过多：{page_count} 页，上限 {limits.max_pages} 页 "
                                   f"(too many pages: {page_count} > {limits.max_pages})")
        pages = [_extract_page(reader, number, warnings) for number in range(1, page_count + 1)]
    if not any(pages):
        failed = [w for w in warnings if "无法提取文字" in w]
        if failed and all("LimitReachedError" in w for w in failed):
            raise InputError(path, "PDF 页面内容无法解析：超过解析上限（解压后过大、操作符或字符映射过长），疑似恶意文件 "
                                   "(page content exceeds the decompression or parsing limits)")
        if failed:
            raise InputError(path, f"PDF 页面内容无法解析，没有读到文字（{failed[0]}）"
                                   f" (page content could not be parsed)")
        raise InputError(path, "PDF 没有文本层（可能是扫描件） (no text layer: scanned document?)")
    blank = [str(number) for number, lines in enumerate(pages, start=1) if not lines]
    if blank:
        warnings.append(f"PDF 第 {', '.join(blank)} 页没有文本层，已跳过 (pages without text skipped)")
    if parser_warnings:
        shown = "; ".join(parser_warnings[:MAX_REPORTED_PARSER_WARNINGS])
        warnings.append(f"PDF 结构不规范，已尽量读取 (PDF structure problems: {shown})")
    source = _build_source(path, join_paragraphs(body_lines(pages)))
    source.warnings.extend(warnings)
    return source


def _open(path: str, data: bytes, warnings: list[str]):
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception:  # pypdf on untrusted input: any failure means "unreadable"
        raise InputError(path, "PDF 文件已损坏或不完整 (corrupt or truncated PDF)") from None
    if not reader.is_encrypted:
        return reader
    # Many published PDFs are encrypted only to restrict printing or copying: the user password
    # is empty and the text is readable.
    try:
        result = reader.decrypt("")
    except DependencyError:
        raise InputError(path, "PDF 已加密（AES），读取需要安装 cryptography 库 "
                               "(AES-encrypted PDF: install the 'cryptography' package)") from None
    except Exception:
        raise InputError(path, "PDF 已加密，无法解密 (encrypted PDF: cannot decrypt)") from None
    if result == PasswordType.NOT_DECRYPTED:
        raise InputError(path, "PDF 已加密，需要密码才能打开 (encrypted PDF: password required)")
    warnings.append("PDF 带有加密（打开密码为空），已解密读取 (encrypted with an empty password)")
    return reader


def _page_count(path: str, reader) -> int:
    try:
        return len(reader.pages)
    except Exception:
        raise InputError(path, "PDF 文件已损坏或不完整：无法读取页面 (corrupt or truncated PDF)") from None


def _extract_page(reader, number: int, warnings: list[str]) -> list[PdfLine]:
    fragments: list[tuple[str, LineStart | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font, font_size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        scale = abs(tm[0] * cm[0]) or 1.0
        fragments.append((text, LineStart(x, font_size * scale) if text.strip() else None))

    try:
        text = reader.pages[number - 1].extract_text(visitor_text=visit) or ""
    except Exception as exc:
        warnings.append(f"PDF 第 {number} 页无法提取文字 (page {number}: {exc.__class__.__name__})")
        return []
    return page_lines(number, text, _line_starts(text, fragments))


def _line_starts(text: str, fragments: list[tuple[str, LineStart | None]]) -> dict[int, LineStart]:
    """Where each line of `text` starts, from the positioned fragments it was assembled from."""
    if "".join(fragment for fragment, _ in fragments) != text:
        return {}  # the extractor rearranged its output; positions cannot be matched to lines
    starts: dict[int, LineStart] = {}
    line = 1
    for fragment, start in fragments:
        pieces = fragment.split("\n")
        if start is not None and line not in starts and pieces[0].strip():
            starts[line] = start
        line += len(pieces) - 1
    return starts


def _build_source(path: str, paragraphs: list[list[PdfLine]]) -> Source:
    parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        if index:
            parts.append("\n")
            offset += 1
        previous = ""
        for line in paragraph:
            glue = joiner(previous, line.text) if previous else ""
            parts.append(glue)
            offset += len(glue)
            segments.append(Segment(start=offset, line=line.line, column=1, page=line.page))
            parts.append(line.text)
            offset += len(line.text)
            previous = line.text
    return Source(path, PDF_MEDIA_TYPE, "".join(parts), segments, encoding=None)


class _ListHandler(logging.Handler):
    def __init__(self, records: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@contextmanager
def _collect_pypdf_warnings() -> Iterator[list[str]]:
    """pypdf logs repairs it makes; keep them as Source warnings instead of stray stderr lines."""
    logger = logging.getLogger("pypdf")
    records: list[str] = []
    handler = _ListHandler(records)
    previous_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous_propagate
