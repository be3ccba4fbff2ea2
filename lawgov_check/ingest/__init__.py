"""Ingest: turn a file into a Source. (Temporary stub: UTF-8 text only.)"""

from __future__ import annotations

from pathlib import Path

from ..model import InputError, Source


def load(path: str, **limits: int) -> Source:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, str(exc)) from None
    return Source.from_plain_text(path, text.replace("\r\n", "\n"), encoding="utf-8")
