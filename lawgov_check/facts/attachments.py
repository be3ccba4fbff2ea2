"""The attachment note (附件说明): `附件：` and the names of the attachments, one per line.

One fact per listed attachment: the span its line (marker and name), `value` its name,
`attrs.marker` the number as written (None without one), `attrs.marker_standard` whether it is
written `1.`, `attrs.marker_span` and `attrs.name_span`, `attrs.name_punctuated` whether the name
ends in punctuation, `attrs.note` the span of the whole note and `attrs.note_items` /
`attrs.note_numbered` how many attachments the note lists and whether each is numbered.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..model import Document
from .types import Fact

_NOTE_LINE = re.compile(r"^[ \t]*附件[ \t]*[:：][^\n]*$", re.M)
_CONTINUATION = re.compile(r"^[ \t]*\d+[.、]\S")
_ITEM = lazy(r"^[ \t]*(?P<marker>\d+[.．、]|\(\d+\)|（\d+）|[一二三四五六七八九十]+、)?[ \t]*(?P<name>[^\n]*?)[ \t]*$")
_NUMBERED = re.compile(r"^[ \t]*\d+\s*[.．、]")
_STANDARD_MARKER = re.compile(r"^\d+\.$")
_END_PUNCTUATION = "。.;；,，、:：!！"
_MAX_CONTINUATION = 80


def _notes(doc: Document) -> list[tuple[int, int]]:
    """Each note's first line, from the parser's nodes or (without them) lines starting 附件："""
    nodes = [(n.start, n.end) for n in doc.root.walk() if n.kind == "attachment_note"]
    return nodes or [m.span() for m in _NOTE_LINE.finditer(doc.text)]


def _extend(text: str, end: int) -> int:
    """The note goes on over indented or numbered lines naming further attachments."""
    while end < len(text):
        nxt = text.find("\n", end + 1)
        line = text[end + 1: nxt if nxt != -1 else len(text)]
        if not _CONTINUATION.match(line) or len(line) > _MAX_CONTINUATION:
            break
        end = nxt if nxt != -1 else len(text)
    return end


def _items(text: str, start: int, end: int) -> list[tuple[int, str]]:
    first_line = text[start:end].split("\n")[0]
    colon = text.find(":", start, end) if ":" in first_line else text.find("：", start, end)
    pos = colon + 1 if colon >= 0 else start
    lines = []
    for line in text[pos:end].split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    return lines


def extract_attachment_items(doc: Document) -> list[Fact]:
    text, out, covered = doc.text, [], -1
    for start, first_end in _notes(doc):
        if start < covered:
            continue  # a line the note before already took in
        end = covered = _extend(text, first_end)
        lines = _items(text, start, end)
        numbered = all(_NUMBERED.match(line) for _, line in lines)
        for pos, line in lines:
            m = _ITEM.match(line)
            if m is None:
                continue
            marker, name = m.group("marker"), m.group("name")
            out.append(Fact("attachment_item", pos, pos + len(line), line, name, {
                "marker": marker, "marker_standard": bool(marker and _STANDARD_MARKER.match(marker)),
                "marker_span": (pos + m.start("marker"), pos + m.end("marker")) if marker else None,
                "name_span": (pos + m.start("name"), pos + m.end("name")),
                "name_punctuated": bool(name) and name[-1] in _END_PUNCTUATION,
                "note": (start, end), "note_items": len(lines), "note_numbered": numbered}))
    return out
