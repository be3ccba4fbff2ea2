"""Word automatic numbering (numbering.xml) rendered as the marker text a reader sees: 一、 （二） 3.

Word stores list markers as definitions, not text. Without this, every 一、/（一） heading made with
automatic numbering would be invisible to the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
W_VAL = f"{{{W_NS}}}val"

_PLACEHOLDER = re.compile(r"%([1-9])")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_DIGITS = "〇一二三四五六七八九"
# Word's own bound on a start value is 0…32767. A marker longer than MAX_MARKER is cut (Word's
# "AAAA…" letters grow with the counter), and so is a level text (real ones are like "%1.%2.").
MAX_START = 32767
MAX_MARKER = 64
MAX_LEVEL_TEXT = MAX_MARKER
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


class GeneratedTextLimit(Exception):
    """The markers generated for a document exceed the budget they were given."""

    def __init__(self, generated: int) -> None:
        super().__init__(generated)
        self.generated = generated


@dataclass(frozen=True)
class Level:
    start: int = 1
    num_format: str = "decimal"
    text: str = ""
    restart_after: int | None = None  # w:lvlRestart; None means "after any higher level"
    legal: bool = False  # w:isLgl: show every level as decimal
    style_id: str | None = None  # w:pStyle linking a paragraph style to this level


@dataclass
class ListDefinition:
    """One w:num: the levels of its abstractNum with this instance's start overrides applied."""

    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)


def format_number(value: int, num_format: str) -> str:
    """A counter value in one of Word's number formats (ST_NumberFormat); never raises.

    Values outside what a format can show (negative, zero, beyond 16 digits for Chinese
    counting) are shown as decimal digits, as Word does.
    """
    if value < 0 or value >= 10 ** 16:
        return str(value)
    if num_format in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                      "taiwaneseCountingThousand", "chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese_counting(value, num_format)
    if num_format in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(value))
    if num_format == "ideographTraditional":
        return _HEAVENLY_STEMS[(value - 1) % 10]
    if num_format == "ideographZodiac":
        return _EARTHLY_BRANCHES[(value - 1) % 12]
    if num_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return _CIRCLED[value - 1]
    if num_format == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(value))
    if num_format == "decimalZero":
        return f"{value:02d}"
    if num_format in ("upperLetter", "lowerLetter"):
        if value < 1:
            return str(value)
        letter = chr(ord("A") + (value - 1) % 26) * min((value - 1) // 26 + 1, MAX_MARKER)
        return letter if num_format == "upperLetter" else letter.lower()
    if num_format in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if num_format == "upperRoman" else roman.lower()
    if num_format == "none":
        return ""
    return str(value)


def _chinese_counting(value: int, num_format: str) -> str:
    import cn2an  # imported lazily: it is slow to import and only numbered .docx need it

    mode = "up" if num_format in ("chineseLegalSimplified", "ideographLegalTraditional") else "low"
    try:
        return cn2an.an2cn(value, mode)
    except Exception:  # cn2an refuses what it cannot spell; Word shows digits then
        return str(value)


def _roman(value: int) -> str:
    parts = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


class Numbering:
    """Tracks list counters through a document and renders each numbered paragraph's marker."""

    def __init__(self, numbering_xml: etree._Element | None, styles_xml: etree._Element | None,
                 budget: int | None = None) -> None:
        """`budget`: the most marker text (in UTF-8 bytes) to generate before GeneratedTextLimit."""
        self.budget = budget
        self.generated = 0
        self._abstract = _read_abstract_nums(numbering_xml)
        self._nums = _read_nums(numbering_xml)
        self._styles = _read_styles(styles_xml)
        self._lists: dict[str, ListDefinition] = {}

    def marker_for(self, paragraph: etree._Element) -> str:
        """The marker of a w:p (advancing the counters), or "" if it is not numbered."""
        resolved = self._numbering_of(paragraph)
        if resolved is None:
            return ""
        num_id, ilvl = resolved
        definition = self._list(num_id)
        if definition is None or ilvl not in definition.levels:
            return ""
        marker = self._advance(definition, ilvl)[:MAX_MARKER]
        self.generated += len(marker.encode("utf-8"))
        if self.budget is not None and self.generated > self.budget:
            raise GeneratedTextLimit(self.generated)
        return marker

    def _numbering_of(self, paragraph: etree._Element) -> tuple[str, int] | None:
        num_pr = paragraph.find("w:pPr/w:numPr", NS)
        style_id = _val(paragraph.find("w:pPr/w:pStyle", NS))
        num_id = _val(num_pr.find("w:numId", NS)) if num_pr is not None else None
        ilvl = _int(_val(num_pr.find("w:ilvl", NS))) if num_pr is not None else None
        if num_id is None and style_id:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self._level_linked_to_style(num_id, style_id) or 0
        return num_id, ilvl

    def _style_numbering(self, style_id: str) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            num_id, ilvl, based_on = style
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def _level_linked_to_style(self, num_id: str, style_id: str | None) -> int | None:
        definition = self._list(num_id)
        if definition is None or not style_id:
            return None
        for ilvl, level in definition.levels.items():
            if level.style_id == style_id:
                return ilvl
        return None

    def _list(self, num_id: str) -> ListDefinition | None:
        if num_id not in self._lists:
            entry = self._nums.get(num_id)
            if entry is None:
                return None
            abstract_id, overrides = entry
            levels = dict(self._abstract.get(abstract_id, {}))
            for ilvl, start in overrides.items():
                if ilvl in levels:
                    level = levels[ilvl]
                    levels[ilvl] = Level(start, level.num_format, level.text, level.restart_after,
                                         level.legal, level.style_id)
            self._lists[num_id] = ListDefinition(levels)
        return self._lists[num_id]

    @staticmethod
    def _advance(definition: ListDefinition, ilvl: int) -> str:
        levels, counters = definition.levels, definition.counters
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper, level in levels.items():
            if deeper > ilvl and deeper in counters:
                restart = level.restart_after
                if restart is None or (restart != 0 and ilvl < restart):
                    del counters[deeper]
        level = levels[ilvl]
        if level.num_format == "bullet":
            return "• "

        rendered: dict[int, str] = {}  # a placeholder repeated in the level text is formatted once
        parts: list[str] = []
        length = 0
        for piece in _level_text_pieces(level.text):
            if isinstance(piece, int):
                if piece not in rendered:
                    shown = levels.get(piece, Level())
                    value = counters.get(piece, shown.start)
                    rendered[piece] = format_number(value, "decimal" if level.legal else shown.num_format)
                piece = rendered[piece]
            parts.append(piece)
            length += len(piece)
            if length >= MAX_MARKER:  # the rest would be cut anyway
                break
        return "".join(parts)


@lru_cache(maxsize=256)
def _level_text_pieces(text: str) -> tuple[str | int, ...]:
    """`%1.%2.` → (0, ".", 1, "."): literal text and 0-based level indexes of the placeholders."""
    pieces: list[str | int] = []
    at = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > at:
            pieces.append(text[at:match.start()])
        pieces.append(int(match.group(1)) - 1)
        at = match.end()
    if at < len(text):
        pieces.append(text[at:])
    return tuple(pieces)


def _read_abstract_nums(root: etree._Element | None) -> dict[str, dict[int, Level]]:
    result: dict[str, dict[int, Level]] = {}
    if root is None:
        return result
    for abstract in root.findall("w:abstractNum", NS):
        levels = {}
        for lvl in abstract.findall("w:lvl", NS):
            ilvl = _int(lvl.get(f"{{{W_NS}}}ilvl"))
            if ilvl is not None:
                levels[ilvl] = _read_level(lvl)
        result[abstract.get(f"{{{W_NS}}}abstractNumId", "")] = levels
    return result


def _read_level(lvl: etree._Element) -> Level:
    start = _int(_val(lvl.find("w:start", NS)))
    return Level(
        start=1 if start is None else _bounded_start(start),
        num_format=_val(lvl.find("w:numFmt", NS)) or "decimal",
        text=(_val(lvl.find("w:lvlText", NS)) or "")[:MAX_LEVEL_TEXT],
        restart_after=_int(_val(lvl.find("w:lvlRestart", NS))),
        legal=lvl.find("w:isLgl", NS) is not None and _val(lvl.find("w:isLgl", NS)) not in ("0", "false"),
        style_id=_val(lvl.find("w:pStyle", NS)),
    )


def _read_nums(root: etree._Element | None) -> dict[str, tuple[str, dict[int, int]]]:
    result: dict[str, tuple[str, dict[int, int]]] = {}
    if root is None:
        return result
    for num in root.findall("w:num", NS):
        overrides = {}
        for override in num.findall("w:lvlOverride", NS):
            ilvl = _int(override.get(f"{{{W_NS}}}ilvl"))
            start = _int(_val(override.find("w:startOverride", NS)))
            if ilvl is not None and start is not None:
                overrides[ilvl] = _bounded_start(start)
        abstract_id = _val(num.find("w:abstractNumId", NS)) or ""
        result[num.get(f"{{{W_NS}}}numId", "")] = (abstract_id, overrides)
    return result


def _read_styles(root: etree._Element | None) -> dict[str, tuple[str | None, int | None, str | None]]:
    """styleId → (numId, ilvl, basedOn) for paragraph styles."""
    result: dict[str, tuple[str | None, int | None, str | None]] = {}
    if root is None:
        return result
    # Clark-notation tags: the same lookups as "w:style" with NS, without mapping prefixes per call.
    w = f"{{{W_NS}}}"
    for style in root.iterchildren(f"{w}style"):
        num_pr = style.find(f"{w}pPr/{w}numPr")
        num_id = _val(num_pr.find(f"{w}numId")) if num_pr is not None else None
        ilvl = _int(_val(num_pr.find(f"{w}ilvl"))) if num_pr is not None else None
        based_on = _val(style.find(f"{w}basedOn"))
        result[style.get(f"{w}styleId", "")] = (num_id, ilvl, based_on)
    return result


def _bounded_start(value: int) -> int:
    return min(max(value, 0), MAX_START)


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(W_VAL)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
