"""A Word rendering of a plain-text or PDF document: one paragraph per line, laid out as GB/T 9704
asks, with runs cut wherever a comment must begin or end so that comments cover exact spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt
from docx.text.run import Run

from .common import xml_safe
from .docx_layout import HEADING_1, HEADING_2, Face, apply_gb9704, set_fonts

# Heading markers of the first two levels as written (full or half width): 一、 and （一）.
_HEADINGS = (
    ("Heading 1", HEADING_1, re.compile(r"[一二三四五六七八九十百零〇两]{1,4}、")),
    ("Heading 2", HEADING_2, re.compile(r"[（(][一二三四五六七八九十百零〇两]{1,5}[）)]")),
)
# A run-in heading ends at its first full stop: "（一）指导思想。以……" keeps the rest in body type.
_RUN_IN_END = re.compile(r"[。！？；!?;]")
_TITLE_LINES = 3  # a title may be wrapped over this many lines
_TITLE_SEARCH = 12  # … among the first lines of the text


@dataclass
class RenderedText:
    """The Word document and, for every run made, the span of the text it shows."""

    document: WordDocument
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    line_runs: dict[int, list[Run]] = field(default_factory=dict)  # line start → its runs

    def runs_covering(self, start: int, end: int) -> list[Run]:
        """The runs holding characters of [start, end), in order."""
        first = bisect.bisect_right(self.starts, start) - 1
        found = []
        for i in range(max(first, 0), len(self.runs)):
            if self.starts[i] >= end:
                break
            if self.ends[i] > start:
                found.append(self.runs[i])
        return found


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def title_lines(lines: list[str], title: str | None) -> range:
    """The lines (1–3 consecutive ones near the top) that make up the title, or an empty range."""
    wanted = _compact(title or "")
    if not wanted:
        return range(0)
    for first in range(min(_TITLE_SEARCH, len(lines))):
        joined = ""
        for last in range(first, min(first + _TITLE_LINES, len(lines))):
            joined += _compact(lines[last])
            if joined == wanted:
                return range(first, last + 1)
            if not wanted.startswith(joined):
                break
    return range(0)


def _heading(line: str) -> tuple[str, Face, int] | None:
    """(style, face, end of the heading within the line) for a first- or second-level heading."""
    stripped = line.lstrip()
    for style, face, marker in _HEADINGS:
        if marker.match(stripped):
            stop = _RUN_IN_END.search(line)
            end = stop.end() if stop and stop.end() < len(line.rstrip()) else len(line)
            return style, face, end
    return None


def render_text(text: str, title: str | None, cuts: set[int]) -> RenderedText:
    """Each line of `text` that is not blank as a paragraph; runs are cut at every offset in `cuts`."""
    document = docx.Document()
    apply_gb9704(document)
    rendered = RenderedText(document)
    lines = text.split("\n")
    title_range = title_lines(lines, title)
    addressee_seen = False  # the first line after the title may be the addressee line
    ordered_cuts = sorted(cuts)
    offset = 0
    for index, raw in enumerate(lines):
        line = raw[:-1] if raw.endswith("\r") else raw
        if not line.strip():  # the type area has no blank lines; spacing is the layout's
            rendered.line_runs[offset] = []
            offset += len(raw) + 1
            continue
        paragraph = document.add_paragraph()
        heading = None if index in title_range else _heading(line)
        if index in title_range:
            paragraph.style = document.styles["Title"]
        elif heading and heading[2] >= len(line):
            paragraph.style = document.styles[heading[0]]
        addressee = bool(title_range) and index > title_range[-1] and not addressee_seen \
            and line.rstrip().endswith(("：", ":"))
        addressee_seen = addressee_seen or (bool(title_range) and index > title_range[-1])
        if line[:1].isspace() or addressee:  # the text brings its own indent; 主送机关 is flush left
            paragraph.paragraph_format.first_line_indent = Pt(0)
        inside = ordered_cuts[bisect.bisect_right(ordered_cuts, offset):bisect.bisect_left(ordered_cuts, offset + len(line))]
        points = sorted({0, len(line)} | {c - offset for c in inside}
                        | ({heading[2]} if heading and 0 < heading[2] < len(line) else set()))
        runs = []
        for lo, hi in zip(points, points[1:]):
            run = paragraph.add_run(xml_safe(line[lo:hi]))
            if heading and hi <= heading[2] < len(line):  # the heading part of a run-in heading
                set_fonts(run._r.get_or_add_rPr(), heading[1])
            rendered.starts.append(offset + lo)
            rendered.ends.append(offset + hi)
            rendered.runs.append(run)
            runs.append(run)
        rendered.line_runs[offset] = runs
        offset += len(raw) + 1
    return rendered
