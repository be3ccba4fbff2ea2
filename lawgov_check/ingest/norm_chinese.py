"""Traditional → simplified Chinese with OpenCC, keeping the offset map."""

from __future__ import annotations

import re
from functools import cache
from typing import Callable

import opencc

from .norm_mapped import Edit, MappedText

Converter = Callable[[str], str]

_SURROGATES = re.compile(r"([\ud800-\udfff]+)")


@cache
def _opencc() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def opencc_t2s(text: str) -> str:
    """OpenCC t2s; lone surrogates (which cannot cross into OpenCC) are passed through as they are."""
    try:
        return _opencc().convert(text)
    except UnicodeEncodeError:
        return "".join(part if i % 2 else _opencc().convert(part)
                       for i, part in enumerate(_SURROGATES.split(text)))


def to_simplified(mapped: MappedText, convert: Converter = opencc_t2s) -> MappedText:
    """Convert the whole text in one call; fall back line by line only where lengths differ."""
    text = mapped.text
    converted = convert(text)
    if converted == text:
        return mapped
    lines = text.split("\n")
    converted_lines = converted.split("\n")
    if len(converted_lines) != len(lines):
        converted_lines = [convert(line) for line in lines]
    if len(converted) == len(text) and all(
            len(a) == len(b) for a, b in zip(lines, converted_lines)):
        return MappedText(converted, mapped.origin)

    edits: list[Edit] = []
    start = 0
    for line, new_line in zip(lines, converted_lines):
        if new_line != line:
            if len(new_line) == len(line) and "\n" not in new_line:
                edits.append((start, start + len(line), new_line))
            else:
                edits.extend(_char_by_char(line, start, convert))
        start += len(line) + 1
    return mapped.apply(edits)


def _char_by_char(line: str, start: int, convert: Converter) -> list[Edit]:
    """Convert each character on its own (phrases changed the length of this line)."""
    pieces = convert("\n".join(line)).split("\n")
    if len(pieces) != len(line):
        pieces = [convert(char) for char in line]
    edits = []
    for k, (char, piece) in enumerate(zip(line, pieces)):
        if piece != char and piece and "\n" not in piece:
            edits.append((start + k, start + k + 1, piece))
    return edits
