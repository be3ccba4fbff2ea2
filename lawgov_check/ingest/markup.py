"""Plain-text files that are plainly HTML fragments: a page's body saved with its markup
(<p>…</p><p style="text-align: right;">某省人民政府</p>, <br/>, &nbsp;).

The markup is taken out and each block element becomes a line, so the document's lines, its
signature and its cues are seen as a reader sees them. The text keeps a map back to the file:
every kept character is a segment at its own line and column, so a finding still points at the
file as it is.
"""

from __future__ import annotations

import html
import re

from ..lazyre import lazy
from ..model import Segment, Source

MEDIA_TYPE = "text/html"
# How many tags of HTML's own vocabulary make a text "plainly HTML" (one <br> quoted in a document does not).
MIN_TAGS = 3
_NAMES = ("p|br|div|span|strong|b|i|em|u|font|td|tr|th|table|tbody|thead|li|ul|ol|h[1-6]|a|img|section|"
          "article|center|sup|sub|hr|html|head|body|title|meta|link|script|style|o:p")
_TAG = lazy(rf"<(?P<close>/?)(?P<name>{_NAMES})(?![\w:-])[^<>]{{0,2000}}>", re.IGNORECASE)
# Elements that end a line of text where they open or close.
_BLOCK = frozenset("p br div tr li h1 h2 h3 h4 h5 h6 table tbody thead ul ol section article center hr "
                   "html head body title".split())
_DROPPED = ("script", "style")  # elements whose content is no text
_CLOSING = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _DROPPED}
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,10}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


def is_markup(text: str) -> bool:
    """The text is HTML fragments: several tags of HTML's vocabulary, one of them a block element."""
    tags = 0
    block = False
    for match in _TAG.finditer(text):
        tags += 1
        block = block or match["name"].lower() in _BLOCK
        if tags >= MIN_TAGS and block:
            return True
    return False


def _events(text: str):
    """(start, end, replacement) for every piece of markup, in text order: a tag, a comment, an
    entity, or a script or style element with its content."""
    pattern = re.compile(rf"{_TAG.pattern}|{_ENTITY.pattern}|{re.escape(_COMMENT_OPEN)}", re.IGNORECASE)
    pos = 0
    while True:
        match = pattern.search(text, pos)
        if match is None:
            return
        start, end = match.span()
        if match.group() == _COMMENT_OPEN:
            close = text.find(_COMMENT_CLOSE, end)
            end = len(text) if close < 0 else close + len(_COMMENT_CLOSE)
            yield start, end, ""
        elif match.group().startswith("&"):
            yield start, end, html.unescape(match.group()).replace("\xa0", " ")
        else:
            name = match["name"].lower()
            if name in _DROPPED and not match["close"]:
                closing = _CLOSING[name].search(text, end)
                stop = text.find(">", closing.end()) if closing else -1
                end = len(text) if stop < 0 else stop + 1
            yield start, end, "\n" if name in _BLOCK else ""
        pos = end


def strip_markup(source: Source) -> Source:
    """The source without its markup, each character mapped to its line and column in the file."""
    text = source.text
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    out: list[str] = []
    segments: list[Segment] = []
    length = 0
    line_index = 0

    def where(offset: int) -> tuple[int, int]:
        nonlocal line_index
        while line_index + 1 < len(line_starts) and line_starts[line_index + 1] <= offset:
            line_index += 1
        return line_index + 1, offset - line_starts[line_index] + 1

    def emit(piece: str, origin: int) -> None:
        """Add `piece`, read at `origin` in the file; a segment starts with it and after each of its breaks."""
        nonlocal length
        if not piece:
            return
        line, column = where(origin)
        segments.append(Segment(start=length, line=line, column=column))
        k = piece.find("\n")
        while 0 <= k < len(piece) - 1:
            next_line, next_column = where(origin + k + 1)
            segments.append(Segment(start=length + k + 1, line=next_line, column=next_column))
            k = piece.find("\n", k + 1)
        out.append(piece)
        length += len(piece)

    pos = 0
    for start, end, replacement in _events(text):
        emit(text[pos:start], pos)
        if replacement == "\n":
            if out and not out[-1].endswith("\n"):
                emit("\n", start)
        else:
            emit(replacement, start)
        pos = end
    emit(text[pos:], pos)
    stripped = "".join(out)
    return Source(source.path, MEDIA_TYPE, stripped, segments or [Segment(0, 1)], source.encoding,
                  list(source.warnings) + [
                      "文本含 HTML 标记，已去除标记后检查 (the text is HTML markup: checked without the tags)"])

