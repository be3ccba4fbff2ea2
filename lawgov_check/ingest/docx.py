"""Word .docx: body paragraphs and table rows in reading order, with automatic numbering made visible.

Each paragraph or table row is one block; blocks are numbered 1, 2, 3… in reading order and that
number is both the `paragraph` and the `line` of its location. A soft line break inside a paragraph
starts a new text line that still belongs to the same block.
"""

from __future__ import annotations

import io
from typing import Iterator

from lxml import etree

from ..model import DOCX_MEDIA_TYPE, InputError, Segment, Source
from .docx_numbering import NS as W_ONLY
from .docx_numbering import W_NS, GeneratedTextLimit, Numbering
from .limits import Limits
from .zip_guard import check_docx_package, numbering_too_large

NS = {**W_ONLY, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
CELL_SEPARATOR = " | "
RELATIONSHIP_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

_P = f"{{{W_NS}}}p"
_TBL = f"{{{W_NS}}}tbl"
_SDT = f"{{{W_NS}}}sdt"
# Runs whose text is not part of the document as displayed: deleted revisions, text boxes
# (anchored shapes float outside the reading order) and the fallback copy of alternate content.
_VISIBLE_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)"
    " and not(ancestor::mc:Fallback)]",
    namespaces=NS,
)
_ROWS = etree.XPath("w:tr | w:sdt/w:sdtContent/w:tr", namespaces=NS)
_CELLS = etree.XPath("w:tc | w:sdt/w:sdtContent/w:tc", namespaces=NS)
_RUN_TEXT: dict[str, str | None] = {
    f"{{{W_NS}}}t": None,  # its own text
    f"{{{W_NS}}}tab": "\t",
    f"{{{W_NS}}}ptab": "\t",
    f"{{{W_NS}}}cr": "\n",
    f"{{{W_NS}}}noBreakHyphen": "-",
}
_BR = f"{{{W_NS}}}br"


def load_docx(path: str, data: bytes, limits: Limits) -> Source:
    inflated = check_docx_package(path, data, limits)
    body, numbering = _open(path, data)
    numbering.budget = max(0, limits.max_inflated - inflated)  # generated markers count as inflated
    try:
        blocks = list(_blocks(body, numbering))
    except GeneratedTextLimit as exc:
        raise numbering_too_large(path, exc.generated, limits) from None
    text_parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for index, block in enumerate(blocks, start=1):
        for line in block.split("\n"):
            segments.append(Segment(start=offset, line=index, column=1, paragraph=index))
            text_parts.append(line)
            offset += len(line) + 1
    text = "\n".join(text_parts)
    if not text.strip():
        raise InputError(path, "文件为空：Word 文档中没有文字 (document has no text)")
    return Source(path, DOCX_MEDIA_TYPE, text, segments, encoding=None)


def _open(path: str, data: bytes) -> tuple[etree._Element, Numbering]:
    _, body, numbering = open_document(path, data)
    return body, numbering


def open_document(path: str, data: bytes) -> tuple[object, etree._Element, Numbering]:
    """The python-docx Document, its body and its numbering; InputError when unreadable."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _numbering(document)
        dtd_part = _part_with_dtd(document)
    except PackageNotFoundError:
        raise InputError(path, "Word 文档已损坏或不完整 (corrupt or truncated docx)") from None
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"Word 文档的 XML 格式错误 (malformed XML: {_one_line(exc.msg)})") from None
    except ValueError as exc:
        if "content type" in str(exc):
            raise InputError(path, "不是有效的 Word 文档：内容类型不符（可能是含宏文档或模板） (not a Word document)") from None
        raise InputError(path, f"Word 文档已损坏 (corrupt docx: {_one_line(str(exc))})") from None
    except Exception as exc:  # a third-party parser on untrusted input: any failure means "unreadable"
        raise InputError(path, f"Word 文档无法读取 (unreadable docx: {exc.__class__.__name__})") from None
    if dtd_part:
        # The parser neither expands entities nor fetches anything; refuse such a package all the same.
        raise InputError(path, f"Word 文档的 {dtd_part} 含有 DTD/实体声明，拒绝处理 (DTD or entity declaration not allowed)")
    return document, body, numbering


def _numbering(document) -> Numbering:
    return Numbering(_related_element(document.part, RELATIONSHIP_NUMBERING), document.styles.element)


def document_pieces(document) -> Iterator[list["Piece"]]:
    """The blocks of an opened python-docx document as `load_docx` reads them, as pieces."""
    return block_pieces(document.element.body, _numbering(document))


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _part_with_dtd(document) -> str | None:
    """The name of an XML part that declares a DTD, whatever the part is called or encoded in."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        info = element.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:
            return str(part.partname).lstrip("/")
    return None


def _related_element(part, relationship_type: str) -> etree._Element | None:
    try:
        return part.part_related_by(relationship_type).element
    except (KeyError, AttributeError):
        return None


# A piece of a block's text and where it came from: the `w:r` element and the offset of the
# piece's first character within that run's text (None for text no run holds: numbering markers
# and the separators put between table cells), and the `w:t` element whose own text the piece is
# (what `check --fix` may edit; None for tabs, breaks, markers and table cells).
Piece = tuple[str, "etree._Element | None", int, "etree._Element | None"]


def _blocks(container: etree._Element, numbering: Numbering) -> Iterator[str]:
    """The text of each paragraph and table row under a body (or content control), in order."""
    for pieces in block_pieces(container, numbering):
        yield "".join(piece[0] for piece in pieces)


def block_pieces(container: etree._Element, numbering: Numbering) -> Iterator[list[Piece]]:
    """Each paragraph and table row under a body (or content control), in order, as pieces."""
    for child in container:
        if child.tag == _P:
            yield paragraph_pieces(child, numbering)
        elif child.tag == _TBL:
            yield from _table_rows(child, numbering)
        elif child.tag == _SDT:
            content = child.find("w:sdtContent", NS)
            if content is not None:
                yield from block_pieces(content, numbering)


def run_texts(run: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Each child of a run with the text it shows ("" for properties, fields, drawings …)."""
    for item in run:
        if item.tag in _RUN_TEXT:
            yield item, _RUN_TEXT[item.tag] or item.text or ""
        elif item.tag == _BR and item.get(f"{{{W_NS}}}type", "textWrapping") == "textWrapping":
            yield item, "\n"
        else:
            yield item, ""


def visible_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The runs of a paragraph whose text is shown in reading order."""
    return _VISIBLE_RUNS(paragraph)


def paragraph_pieces(paragraph: etree._Element, numbering: Numbering) -> list[Piece]:
    pieces: list[Piece] = [(numbering.marker_for(paragraph), None, 0, None)]
    for run in visible_runs(paragraph):
        offset = 0
        for item, text in run_texts(run):
            if text:
                own = item.tag in _RUN_TEXT and _RUN_TEXT[item.tag] is None
                pieces.append((text, run, offset, item if own else None))
                offset += len(text)
    return pieces


def paragraph_text(paragraph: etree._Element, numbering: Numbering) -> str:
    return "".join(piece[0] for piece in paragraph_pieces(paragraph, numbering))


def _table_rows(table: etree._Element, numbering: Numbering) -> Iterator[list[Piece]]:
    for row in _ROWS(table):
        cells = []
        for cell in _CELLS(row):
            if _continues_merge(cell):
                continue  # the merged cell's text was already given in the row where it starts
            cells.append(_cell_pieces(cell, numbering))
        yield _join(CELL_SEPARATOR, cells) if any(_text(c).strip() for c in cells) else []


def _continues_merge(cell: etree._Element) -> bool:
    for tag in ("w:tcPr/w:vMerge", "w:tcPr/w:hMerge"):
        merge = cell.find(tag, NS)
        if merge is not None and merge.get(f"{{{W_NS}}}val", "continue") == "continue":
            return True
    return False


def _cell_pieces(cell: etree._Element, numbering: Numbering) -> list[Piece]:
    blocks = [_strip(block) for block in block_pieces(cell, numbering)]
    joined = _join(" ", [b for b in blocks if b])
    return [(text.replace("\n", " "), run, offset, None) for text, run, offset, _ in joined]


def _text(pieces: list[Piece]) -> str:
    return "".join(piece[0] for piece in pieces)


def _join(separator: str, parts: list[list[Piece]]) -> list[Piece]:
    joined: list[Piece] = []
    for i, part in enumerate(parts):
        if i:
            joined.append((separator, None, 0, None))
        joined += part
    return joined


def _strip(pieces: list[Piece]) -> list[Piece]:
    """The pieces without the leading and trailing whitespace of their joined text."""
    text = _text(pieces)
    lead, keep = len(text) - len(text.lstrip()), len(text.strip())
    out: list[Piece] = []
    position = 0
    for piece_text, run, offset, _ in pieces:
        lo, hi = max(lead, position), min(lead + keep, position + len(piece_text))
        if lo < hi:
            out.append((piece_text[lo - position: hi - position], run, offset + lo - position, None))
        position += len(piece_text)
    return out
