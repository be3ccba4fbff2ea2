"""Heading markers: split a heading line into marker and text; the marker's number and style."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..facts.numerals import cn2an_smart

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_MARKERS = {
    "heading1": re.compile(r"\s*(?P<num>[一二三四五六七八九十百零〇两]{1,4})(?P<sep>、|[.,])"),
    "heading2": re.compile(r"\s*\(\s*(?P<num>[一二三四五六七八九十百零〇两]{1,5})\s*\)"),
    "heading3": re.compile(r"\s*(?P<num>[0-9]{1,3})(?P<sep>、|\.)"),
    "heading4": re.compile(r"\s*(?:\(\s*(?P<num>[0-9]{1,3})\s*\)|(?P<circled>[" + CIRCLED + "]))"),
    "chapter": re.compile(r"\s*第(?P<num>[一二三四五六七八九十百零〇两0-9]{1,5})章"),
    "section": re.compile(r"\s*第(?P<num>[一二三四五六七八九十百零〇两0-9]{1,5})节"),
    "article": re.compile(r"\s*第(?P<num>[一二三四五六七八九十百零〇两0-9]{1,6})条"),
}

LEVELS = {"heading1": 1, "heading2": 2, "heading3": 3, "heading4": 4}

# A run-in heading ends at the first full stop: "(一)指导思想。以马克思列宁主义…"
_RUN_IN_END = re.compile(r"[。!?;]")


@dataclass(frozen=True, slots=True)
class Marker:
    length: int  # characters of the marker (with leading spaces) in the line
    number: int
    style: str


# Style of a marker by its kind and separator ("" when it has none), with the kind's default.
_STYLES: dict[str, tuple[dict[str, str], str]] = {
    "heading1": ({"、": "cn_dun", ".": "cn_dot", ",": "cn_comma"}, "cn_dun"),
    "heading2": ({}, "cn_paren"),
    "heading3": ({"、": "arabic_dun", ".": "arabic_dot"}, "arabic_dot"),
    "heading4": ({}, "arabic_paren"),
    "chapter": ({}, "chapter"),
    "section": ({}, "section"),
    "article": ({}, "article"),
}


@lru_cache(maxsize=1024)
def numeral_value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    try:
        return int(cn2an_smart(numeral.replace("两", "二").replace("〇", "零")))
    except (ValueError, KeyError, TypeError):
        return 0


def split_marker(kind: str, line: str) -> Marker | None:
    match = _MARKERS[kind].match(line)
    if not match:
        return None
    groups = match.groupdict()
    if groups.get("circled"):
        return Marker(match.end(), CIRCLED.index(groups["circled"]) + 1, "circled")
    number = numeral_value(groups["num"])
    by_separator, default = _STYLES[kind]
    style = by_separator.get(groups.get("sep") or "", default)
    return Marker(match.end(), number, style)


def heading_title(rest: str) -> tuple[str, bool]:
    """The heading's own title and whether body text runs on after it on the same line."""
    stripped = rest.strip()
    match = _RUN_IN_END.search(stripped)
    if match and match.end() < len(stripped):
        return stripped[: match.start()], True
    return stripped.rstrip("。"), False
