"""`check --fix`: write a corrected copy of a .txt or .docx with the findings' mechanical fixes.

Only fixes the rules marked unambiguous are applied; of two fixes whose edits overlap the first
(in document order) wins and the other is counted as skipped. The original stays untouched unless
`in_place`.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path
from typing import Callable

from ..model import DOCX_MEDIA_TYPE, DocumentResult, Edit, Finding, FixedCopy, InputError

FIXED_INFIX = ".fixed"
FIXABLE_MEDIA = ("text/plain", DOCX_MEDIA_TYPE)


def fixed_name(path: str) -> Path:
    """`报告.txt` → `报告.fixed.txt`, beside the original."""
    p = Path(path)
    return p.with_name(p.stem + FIXED_INFIX + p.suffix)


def select_edits(findings: list[Finding], can_edit: Callable[[Edit], bool] = lambda e: True
                 ) -> tuple[list[Edit], int, int]:
    """The edits to make (sorted, non-overlapping), and how many fixes were applied and skipped.

    A fix is made whole or not at all: skipped when one of its edits overlaps an edit already
    chosen or cannot be made in the file (`can_edit`)."""
    chosen: list[Edit] = []
    applied = skipped = 0
    fixes = sorted((f.fix for f in findings if f.fix is not None), key=lambda fix: fix.edits[0].start)
    for fix in fixes:
        new = [e for e in fix.edits if e not in chosen]  # the same edit from two rules is one edit
        if any(_overlap(e, c) for e in new for c in chosen) or not all(can_edit(e) for e in new):
            skipped += 1
            continue
        chosen += new
        applied += 1
    return sorted(chosen, key=lambda e: (e.start, e.end)), applied, skipped


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # an insertion collides only where the other edits
        return b.start <= a.start <= b.end if a.start == a.end else a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, at = [], 0
    for e in edits:
        out += [text[at:e.start], e.text]
        at = e.end
    return "".join(out) + text[at:]


def unified_diff(before: str, after: str, path: str, target: str) -> str:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), path, target, n=0, lineterm="")
    return "\n".join(lines)


def _evidence_matches(text: str, findings: list[Finding]) -> bool:
    """The file still holds what was checked (it may have changed since)."""
    return all(text[f.span[0]:f.span[1]] == f.evidence for f in findings if f.fix is not None)


def write_fixed(result: DocumentResult, path: str, *, in_place: bool = False) -> FixedCopy | None:
    """Write the corrected copy of a checked file; None when no finding has a fix.

    Raises InputError (with `path: cause`) when the file cannot be fixed safely, OSError when the
    copy cannot be written.
    """
    if not any(f.fix for f in result.findings):
        return None
    if result.media_type not in FIXABLE_MEDIA:
        raise InputError(path, "只能修正 .txt 和 .docx 文件 (only .txt and .docx can be fixed)")
    target = Path(path) if in_place else fixed_name(path)
    data = Path(path).read_bytes()
    if result.media_type == DOCX_MEDIA_TYPE:
        from .docx import DocxFile as FileKind
    else:
        from .txt import TextFile as FileKind
    file = FileKind(path, data)
    if not _evidence_matches(file.text, result.findings):
        raise InputError(path, "文件在检查后已改动，未写出修正副本 (file changed since it was checked)")
    edits, applied, skipped = select_edits(result.findings, file.can_edit)
    if applied:
        _write_whole(target, file.render(edits))
    return FixedCopy(str(target) if applied else "", applied, skipped,
                     unified_diff(file.text, apply_edits(file.text, edits), path, str(target)))


def _write_whole(target: Path, content: bytes) -> None:
    """Write to a temporary file beside the target, then move it into place whole."""
    handle, scratch = tempfile.mkstemp(prefix=".lawgov-check-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(content)
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
