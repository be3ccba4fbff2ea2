"""Document numbers (发文字号), orders (令第N号) and registration numbers, well-formed or not."""

from __future__ import annotations

import re

from .types import Fact, FactContext

_CJK = r"\u4e00-\u9fff"
_OPEN = "〔[(（【［﹝〖"
_CLOSE = "〕])）】］﹞〗"
_SP = r"[ \u3000]{0,2}"

# The year-and-serial part; the organ prefix before it is found by scanning back (see _prefix_before).
BRACKETED_RE = re.compile(
    rf"(?P<open>[{re.escape(_OPEN)}]){_SP}(?P<year>\d{{4}}|\d{{2}})"
    rf"{_SP}(?P<close>[{re.escape(_CLOSE)}]){_SP}(?P<di>第)?{_SP}(?P<serial>\d{{1,6}})(?!\d)"
    rf"(?:{_SP}(?P<hao>号))?"
)
# The year first, then the organ code ending in 字, then the serial: (78)交公路字412号, (87)财税字第12号 —
# a form used before the 〔年份〕 one was standard.
YEAR_FIRST_RE = re.compile(
    rf"(?P<open>[{re.escape(_OPEN)}]){_SP}(?P<year>\d{{4}}|\d{{2}}){_SP}(?P<close>[{re.escape(_CLOSE)}]){_SP}"
    rf"(?P<prefix>[{_CJK}]{{1,10}}字){_SP}(?P<di>第)?{_SP}(?P<serial>\d{{1,6}}){_SP}(?P<hao>号)"
)
ORDER_RE = re.compile(rf"令{_SP}(?P<di>第)?{_SP}(?P<serial>\d{{1,6}}){_SP}号")
MAX_PREFIX = 12
ALNUM_RE = re.compile(
    r"(?P<prefix>[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]{1,9}\d{0,4})[ \u3000]?[—–\-－]{1,2}[ \u3000]?(?P<year>\d{4})"
    r"[ \u3000]?[—–\-－]{1,2}[ \u3000]?(?P<serial>\d{1,6})(?![\d])"
)
# Words that end the running text before an organ's abbreviation: `根据国办发〔…〕` → `国办发`.
_LEAD_WORDS = re.compile(
    r"(?:根据|依据|按照|依照|参照|对照|贯彻|落实|执行|印发|转发|关于|文件|精神|通知|规定|要求|"
    r"下发|出台|详见|参见|号|以|的|和|及|与|或|见|在|即|是|了|为|由|经)"
)
_STANDARD_BRACKETS = "〔〕"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _prefix_before(text: str, pos: int, allow_space: bool = True) -> int:
    """Start of the run of at most MAX_PREFIX CJK characters ending at `pos` (spaces before `pos`
    skipped); returns `pos` itself when there is none."""
    end = pos
    if allow_space:
        while end > 0 and pos - end < 2 and text[end - 1] in " \u3000":
            end -= 1
    start = end
    while start > 0 and end - start < MAX_PREFIX and _is_cjk(text[start - 1]):
        if start >= 2 and text[start - 2].isdigit():
            break  # 日 of “9月1日” or 年 of “2025年”: a unit after a number never starts an organ's name
        start -= 1
    return start if start < end else pos


def _trim_prefix(prefix: str) -> tuple[str, int]:
    """The organ abbreviation at the end of a CJK run, and how many leading characters were cut."""
    cut = 0
    for m in _LEAD_WORDS.finditer(prefix):
        cut = m.end()
    return prefix[cut:], cut


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 50 else 1900
    return year


def extract_doc_numbers(text: str, context: FactContext) -> list[Fact]:
    return context.memo("doc_numbers", text, lambda: _extract(text, context))


def _extract(text: str, context: FactContext) -> list[Fact]:
    found: list[Fact] = []
    for m in BRACKETED_RE.finditer(text):
        run_start = _prefix_before(text, m.start())
        prefix, cut = _trim_prefix(text[run_start:m.start()].rstrip(" \u3000"))
        if not prefix:
            continue
        year_digits = m.group("year")
        year = _full_year(year_digits)
        if not 1949 <= year <= 2100:
            continue
        serial_raw = m.group("serial")
        has_hao = m.group("hao") is not None
        bracket = m.group("open") + m.group("close")
        if not has_hao and (len(year_digits) == 2 or (bracket != _STANDARD_BRACKETS and len(serial_raw) < 3)):
            continue  # too weak without 号: `报告(2019)5个…`
        start, end = run_start + cut, m.end()
        open_pos, close_pos = m.start("open"), m.start("close")
        bracket_original = (context.original_text(open_pos, open_pos + 1, m.group("open"))
                            + context.original_text(close_pos, close_pos + 1, m.group("close")))
        raw = text[start:end]
        found.append(Fact("doc_number", start, end, raw,
                          {"prefix": prefix, "year": year, "serial": int(serial_raw), "raw": raw},
                          {"kind": "doc_number" if has_hao else "registration",
                           "bracket": bracket, "bracket_original": bracket_original,
                           "standard_bracket": bracket_original == _STANDARD_BRACKETS,
                           "year_digits": len(year_digits),
                           "zero_padded": len(serial_raw) > 1 and serial_raw.startswith("0"),
                           "has_di": m.group("di") is not None, "has_hao": has_hao}))
    for m in YEAR_FIRST_RE.finditer(text):
        year = _full_year(m.group("year"))
        if not 1949 <= year <= 2100:
            continue
        found.append(_year_first(m, year, context))
    for m in ORDER_RE.finditer(text):
        run_start = _prefix_before(text, m.start(), allow_space=False)
        prefix, cut = _trim_prefix(text[run_start:m.start()])
        start, end = run_start + cut, m.end()
        serial_raw = m.group("serial")
        raw = text[start:end]
        found.append(Fact("doc_number", start, end, raw,
                          {"prefix": prefix + "令", "year": None, "serial": int(serial_raw), "raw": raw},
                          {"kind": "order", "bracket": None, "bracket_original": None,
                           "standard_bracket": None, "year_digits": None,
                           "zero_padded": len(serial_raw) > 1 and serial_raw.startswith("0"),
                           "has_di": m.group("di") is not None, "has_hao": True}))
    for m in ALNUM_RE.finditer(text):
        year = int(m.group("year"))
        if not 1949 <= year <= 2100:
            continue
        serial_raw = m.group("serial")
        raw = m.group(0)
        found.append(Fact("doc_number", m.start(), m.end(), raw,
                          {"prefix": m.group("prefix"), "year": year, "serial": int(serial_raw), "raw": raw},
                          {"kind": "registration", "bracket": None, "bracket_original": None,
                           "standard_bracket": None, "year_digits": 4,
                           "zero_padded": len(serial_raw) > 1 and serial_raw.startswith("0"),
                           "has_di": False, "has_hao": False}))
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Fact] = []
    for fact in found:
        if out and fact.start < out[-1].end:
            continue  # overlapping readings: keep the first, longest
        out.append(fact)
    return out


def _year_first(m: re.Match[str], year: int, context: FactContext) -> Fact:
    open_pos, close_pos = m.start("open"), m.start("close")
    bracket_original = (context.original_text(open_pos, open_pos + 1, m.group("open"))
                        + context.original_text(close_pos, close_pos + 1, m.group("close")))
    serial_raw = m.group("serial")
    raw = m.group(0)
    return Fact("doc_number", m.start(), m.end(), raw,
                {"prefix": m.group("prefix"), "year": year, "serial": int(serial_raw), "raw": raw},
                {"kind": "doc_number", "bracket": m.group("open") + m.group("close"),
                 "bracket_original": bracket_original, "standard_bracket": bracket_original == _STANDARD_BRACKETS,
                 "year_digits": len(m.group("year")),
                 "zero_padded": len(serial_raw) > 1 and serial_raw.startswith("0"),
                 "has_di": m.group("di") is not None, "has_hao": True, "year_first": True})


def find_doc_numbers(text: str, kinds: tuple[str, ...] = ("doc_number", "order")) -> list[Fact]:
    """The numbers of these kinds in a short piece of text (a title, a header line, a field's value),
    read as `extract_doc_numbers` reads them in a whole document."""
    return [f for f in _extract(text, FactContext()) if f.attrs["kind"] in kinds]


def is_normative_number(fact: Fact) -> bool:
    """A normative document's 发文字号 carries 规 in its organ code: 浙政办规〔2022〕3号, 江交规〔2022〕2号."""
    return fact.attrs["kind"] in ("doc_number", "registration") and fact.value["prefix"].endswith("规")
