"""Fix a plain-text file: edits made on the original characters, line endings and encoding kept."""

from __future__ import annotations

import codecs
import re

from ..ingest.txt import decode_text, unify_line_endings
from ..model import Edit, InputError

_BREAK = re.compile(r"\r\n|\r")


class TextFile:
    """A .txt as checked: `text` has its line endings unified, as the findings' offsets assume."""

    def __init__(self, path: str, data: bytes) -> None:
        decoded = decode_text(path, data)
        if "\ufffd" in decoded.text:  # undecodable bytes were replaced: writing back would lose them
            raise InputError(path, "编码无法无损还原，未写出修正副本 (encoding not recoverable without loss)")
        self.path = path
        self.raw = decoded.text
        self.encoding = decoded.encoding
        self.bom = b""
        if self.encoding in ("utf-16", "utf-32"):  # keep the byte order the file had
            for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                               (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
                if data.startswith(bom):
                    self.bom, self.encoding = bom, codec
                    break
        self.text = unify_line_endings(self.raw)

    def can_edit(self, edit: Edit) -> bool:
        return True

    def render(self, edits: list[Edit]) -> bytes:
        at = _raw_offsets(self.raw)
        out, last = [], 0
        for e in edits:
            out += [self.raw[last:at[e.start]], e.text]
            last = at[e.end]
        fixed = "".join(out) + self.raw[last:]
        try:
            return self.bom + fixed.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            raise InputError(self.path, f"修正后的文字无法用原编码 {self.encoding} 保存 (cannot encode)") from None


def _raw_offsets(raw: str) -> list[int]:
    """For each offset of the unified text (and its end), the offset in the raw text."""
    offsets: list[int] = []
    last = 0
    for m in _BREAK.finditer(raw):
        offsets += range(last, m.start())
        offsets.append(m.start())  # the one "\n" the break became
        last = m.end()
    offsets += range(last, len(raw) + 1)
    return offsets
