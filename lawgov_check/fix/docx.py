"""Fix a Word file: each edit replaces characters inside the w:t elements (runs) it falls in, so
the runs keep their formatting. A fix touching anything else (automatic numbering, a tab, a table
row) is not made."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ..ingest.docx import block_pieces, open_document
from ..model import Edit, InputError

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class _Piece:
    start: int  # offset in the extracted text
    text: str
    element: Any  # the w:t element, when the piece is one


class DocxFile:
    """A .docx as checked: `text` is the text the reader extracted, mapped to its w:t elements."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.document, body, numbering = open_document(path, data)
        self.pieces: list[_Piece] = []
        offset = 0
        for index, block in enumerate(block_pieces(body, numbering)):
            if index:
                self.pieces.append(_Piece(offset, "\n", None))
                offset += 1
            for text, _run, _offset, element in block:
                self.pieces.append(_Piece(offset, text, element))
                offset += len(text)
        self.text = "".join(p.text for p in self.pieces)

    def _covered(self, edit: Edit) -> list[_Piece]:
        """The w:t pieces an edit falls in; empty when it touches anything else."""
        runs = [p for p in self.pieces if p.element is not None]
        if edit.start == edit.end:  # an insertion goes into the w:t it follows, or the one it starts
            return [p for p in runs if p.start < edit.start <= p.start + len(p.text)][:1] \
                or [p for p in runs if p.start == edit.start][:1]
        covered = [p for p in self.pieces if p.text and p.start < edit.end and edit.start < p.start + len(p.text)]
        return covered if all(p.element is not None for p in covered) else []

    def can_edit(self, edit: Edit) -> bool:
        return bool(self._covered(edit))

    def render(self, edits: list[Edit]) -> bytes:
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):  # later first: offsets hold
            covered = self._covered(edit)
            for piece in covered:
                lo = max(edit.start, piece.start) - piece.start
                hi = min(edit.end, piece.start + len(piece.text)) - piece.start
                inserted = edit.text if piece is covered[0] else ""
                piece.text = piece.text[:lo] + inserted + piece.text[hi:]
                piece.element.text = piece.text
                if piece.text != piece.text.strip():  # Word drops outer spaces unless told not to
                    piece.element.set(_XML_SPACE, "preserve")
        out = io.BytesIO()
        try:
            self.document.save(out)
        except Exception as exc:  # python-docx on a document it could read: a line, never a traceback
            raise InputError(self.path, f"无法保存修正后的 Word 文档 ({type(exc).__name__})") from None
        return out.getvalue()
