"""Rebuilding paragraphs from the lines a PDF text extractor returns.

A PDF has no paragraphs, only positioned lines. A line is joined to the next one when it is "full"
(about as wide as the page's ordinary lines), does not end a sentence, and the next line does not
start a heading or list item. Titles, signatures and dates are short lines and stay on their own.

Page chrome is dropped first: page numbers (“— 2 —”, “第 2 页 共 3 页”) and running headers or
footers (a line repeated at the top or foot of the pages), so a paragraph or a list of units that
runs over a page break becomes one paragraph again.

When the extractor also gives where each line starts, first-line indentation decides instead of
punctuation: in a document whose paragraphs are indented, an indented line starts a paragraph and
a line at the margin after a full line continues it, even after a full stop.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

from wcwidth import wcswidth

_CJK_PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…"
_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…"
# One space the extractor put between two CJK characters, or between CJK and a digit. Wider gaps
# (two or more spaces, e.g. between two issuing organs in a signature) are kept.
_SPURIOUS_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \t\u00a0](?=[{_CJK}0-9])|(?<=[0-9])[ \t\u00a0](?=[{_CJK}])"
    rf"|(?<=[{_CJK_PUNCTUATION}])[ \t\u00a0](?=\S)|(?<=\S)[ \t\u00a0](?=[{_CJK_PUNCTUATION}])"
)
# Digits drawn one by one come out letter-spaced: “2 0 2 1”.
_LETTER_SPACED_DIGITS = re.compile(r"(?<!\S)\d(?: \d){2,}(?!\S)")
_DASHED_PAGE_NUMBER = re.compile(r"^[-—–－―~～]+\s*\d{1,4}\s*[-—–－―~～]+$")
_PAGE_NUMBER_AT_EDGE = re.compile(
    r"^(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r"|[-—–－―~～]\s*\d{1,4}|\d{1,4}\s*[-—–－―~～])$"
)
EDGE_LINES = 2  # lines at the top and at the foot of a page where chrome can stand
RUNNING_LINE_MAX = 60
RUNNING_SHARE = 0.6  # of the pages with text
_CLOSERS = "”’」』）)】》〕\"'"
_SENTENCE_ENDS = "。！？；：!?;:…"
_CN_NUMBER = "一二三四五六七八九十百零〇"
_BLOCK_START = re.compile(
    rf"^(?:[{_CN_NUMBER}]+[、．.]"
    rf"|[（(][{_CN_NUMBER}]+[）)]"
    r"|\d{1,3}[、．.](?!\d)"
    r"|[（(]\d{1,3}[）)]"
    r"|[①-⑳⑴-⒇]"
    rf"|第[{_CN_NUMBER}\d]+[条章节编部分款]"
    r"|附件"
    r"|[•●▪■◆·]\s*)"
)
_DATE_KEY = re.compile(r"^#年#月#日$")
_UNIT_LIST = re.compile(r"(?:牵头|责任|配合|参与|主办|协办|实施)单位\s*[:：]")
_DOCUMENT_KIND_END = re.compile(
    r"(?:报告|通知|意见|方案|办法|决定|规定|细则|公告|通告|批复|请示|函|纲要|规划|纪要|说明|规则|决议|要点|计划)"
    r"[)）》]?$"
)
TITLE_PART_MAX = 40
FULL_LINE_RATIO = 0.85
FEW_LINES = 5


@dataclass(frozen=True)
class PdfLine:
    page: int  # 1-based
    # 1-based line on its page, in the text block: page numbers, running headers and footers, and
    # empty extracted lines are not counted (GB/T 9704 counts lines inside the 版心 the same way).
    line: int
    text: str  # cleaned: stripped, spurious CJK spaces removed
    indented: bool | None = None  # starts right of the page's left margin; None if unknown


@dataclass(frozen=True)
class LineStart:
    x: float  # horizontal position where the line's first text is drawn, in points
    font_size: float


def clean_line(raw: str) -> str:
    line = _LETTER_SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), raw.strip())
    return _SPURIOUS_SPACE.sub("", line)


def page_lines(page: int, text: str, starts: dict[int, LineStart] | None = None) -> list[PdfLine]:
    """The non-empty, non-page-number lines of one page's extracted text, numbered as extracted
    (`body_lines` renumbers them once running headers and footers are known).

    `starts` maps 1-based line numbers to where they start on the page, when known.
    """
    numbered = [(number, clean_line(raw)) for number, raw in enumerate(text.split("\n"), start=1)]
    numbered = [(number, line) for number, line in numbered if line]
    edges = _edge_indexes(len(numbered))
    kept = [(number, line) for index, (number, line) in enumerate(numbered)
            if not (_DASHED_PAGE_NUMBER.match(line) or (index in edges and _PAGE_NUMBER_AT_EDGE.match(line)))]
    indents = _indentation({n: starts[n] for n, _ in kept if n in starts} if starts else {})
    return [PdfLine(page, number, line, indents.get(number)) for number, line in kept]


def _edge_indexes(count: int) -> set[int]:
    return set(range(min(EDGE_LINES, count))) | set(range(max(0, count - EDGE_LINES), count))


def body_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """The pages without their running headers and footers, each line numbered within its page.

    The top of the first page is left alone: what stands there (版头, issuer, title) is the
    document's own, even when later pages repeat it as a running header.
    """
    running = _running_lines(pages)
    result = []
    for index, page in enumerate(pages):
        kept = [line for position, line in enumerate(page)
                if not (_edge_key(page, position) in running and (index or position >= EDGE_LINES))]
        result.append([replace(line, line=number) for number, line in enumerate(kept, start=1)])
    return result


def _edge_key(page: list[PdfLine], position: int) -> tuple[str, str] | None:
    """Which edge (top or foot) a line stands at, and its text with numbers blanked out, so that
    “第 2 页” and “第 3 页”, or two issue numbers of a gazette, compare equal."""
    if position < EDGE_LINES:
        edge = "top"
    elif position >= len(page) - EDGE_LINES:
        edge = "foot"
    else:
        return None
    text = page[position].text
    if len(text) > RUNNING_LINE_MAX or ends_sentence(text):
        return None
    key = re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
    return None if _DATE_KEY.match(key) else (edge, key)


def _running_lines(pages: list[list[PdfLine]]) -> set[tuple[str, str]]:
    """Lines standing at the same edge of at least two pages and of most pages (a signature or a
    date that ends two documents bound in one PDF is not chrome)."""
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        counts.update({key for position in range(len(page)) if (key := _edge_key(page, position))})
    needed = max(2, math.ceil(RUNNING_SHARE * sum(1 for page in pages if page)))
    return {key for key, count in counts.items() if count >= needed}


def _indentation(starts: dict[int, LineStart]) -> dict[int, bool]:
    """Which lines start right of the left margin (the most common start position)."""
    if len(starts) < FEW_LINES:
        return {}
    margin = statistics.mode(round(start.x) for start in starts.values())
    return {number: start.x - margin > 0.8 * max(start.font_size, 6.0) for number, start in starts.items()}


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line))


def display_width(line: str) -> int:
    width = wcswidth(line)
    return width if width >= 0 else len(line)


def typical_widths(pages: list[list[PdfLine]]) -> list[float]:
    """For each page, the width of an ordinary full line of body text."""
    all_widths = [display_width(line.text) for page in pages for line in page]
    fallback = _typical(all_widths)
    result = []
    for page in pages:
        widths = [display_width(line.text) for line in page]
        long_lines = [w for w in widths if widths and w >= 0.5 * max(widths)]
        result.append(_typical(widths) if len(long_lines) >= FEW_LINES else fallback)
    return result


def _typical(widths: list[int]) -> float:
    if not widths:
        return 0.0
    longest = max(widths)
    return statistics.median(w for w in widths if w >= 0.5 * longest)


def join_paragraphs(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Group consecutive lines (across pages too) into paragraphs."""
    typical = typical_widths(pages)
    flat = [(line, typical[index]) for index, page in enumerate(pages) for line in page]
    use_indents = uses_first_line_indent([line for line, _ in flat])
    paragraphs: list[list[PdfLine]] = []
    title_continuation = 0
    for index, (line, width) in enumerate(flat):
        if paragraphs and _continues_previous(flat, index, title_continuation, use_indents, paragraphs[-1]):
            paragraphs[-1].append(line)
            title_continuation = max(0, title_continuation - 1)
            continue
        paragraphs.append([line])
        title_continuation = _title_continuation(flat, index)
    return paragraphs


def uses_first_line_indent(lines: list[PdfLine]) -> bool:
    """Most lines that follow a sentence end, where positions are known, are indented."""
    after_stop = [line.indented for previous, line in zip(lines, lines[1:])
                  if ends_sentence(previous.text) and line.indented is not None]
    return len(after_stop) >= FEW_LINES and sum(after_stop) >= 0.6 * len(after_stop)


def _continues_previous(flat: list[tuple[PdfLine, float]], index: int, title_continuation: int,
                        use_indents: bool, paragraph: list[PdfLine]) -> bool:
    previous, previous_typical = flat[index - 1]
    line = flat[index][0]
    if starts_block(line.text):
        return False
    if title_continuation:  # title lines are centred, so their indentation means nothing
        return not ends_sentence(previous.text)
    if line.indented:
        return False
    if not use_indents or line.indented is None or previous.indented is None:
        if ends_sentence(previous.text) and not _wraps_unit_list(paragraph):
            return False
    return display_width(previous.text) >= FULL_LINE_RATIO * previous_typical


def _wraps_unit_list(paragraph: list[PdfLine]) -> bool:
    """A list of units (牵头单位：…；责任单位：…) broken after one of its own separators."""
    return paragraph[-1].text[-1] in "；;：:" and any(_UNIT_LIST.search(line.text) for line in paragraph)


def _title_continuation(flat: list[tuple[PdfLine, float]], index: int) -> int:
    """How many following lines finish a title that starts here (“XX关于…” … “…的报告”)."""
    first = flat[index][0].text
    if "关于" not in first or ends_sentence(first) or _DOCUMENT_KIND_END.search(first):
        return 0
    for ahead in (1, 2):
        if index + ahead >= len(flat):
            return 0
        text = flat[index + ahead][0].text
        if len(text) > TITLE_PART_MAX or starts_block(text):
            return 0
        if _DOCUMENT_KIND_END.search(text):
            return ahead
        if ends_sentence(text):
            return 0
    return 0


def joiner(left: str, right: str) -> str:
    """What goes between two joined lines: nothing for Chinese, a space between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return " " if not (left[-1].isdigit() and right[0].isdigit()) else ""
    return ""
