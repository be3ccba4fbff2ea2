"""Predicates for official-document format (GB/T 9704-2012) that the check kinds cannot express."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Iterator

from ...ingest.norm_mapped import identity_offsets
from ..context import CheckContext, Segment
from ..fixers import date_zh, numeric_date
from ..hits import Hit
from . import predicate

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = (r"(?P<year>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<month>[一二三四五六七八九十]{1,3})\s*月"
            r"\s*(?P<day>[一二三四五六七八九十]{1,3})\s*日")


def _cn_small_number(text: str) -> int | None:
    """一 … 三十一 (month and day numbers)."""
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return value


def _signature_dates(ctx: CheckContext, fallback_line: str) -> list[Segment]:
    """The signature-date nodes, or (before the parser finds them) lines that are only a date."""
    segments = ctx.scope("node:signature_date")
    if segments:
        return segments
    whole = ctx.scope("document")[0]
    return [Segment(s, e) for s, e, _ in ctx.finditer(fallback_line, whole)]


@predicate("gf.chinese-numeral-date")
def chinese_numeral_date(ctx: CheckContext, since: str = "2012-07-01") -> Iterator[Hit]:
    """成文日期 written in Chinese numerals (二〇一七年四月二十四日) on a document dated on or after `since`."""
    since_date = dt.date.fromisoformat(since)
    for seg in _signature_dates(ctx, rf"^[ \t]*{_CN_DATE}[ \t]*$"):
        for start, end, groups in ctx.finditer(_CN_DATE, seg):
            year = int("".join(str(_CN_DIGITS[c]) for c in groups["year"]))
            month, day = _cn_small_number(groups["month"]), _cn_small_number(groups["day"])
            try:
                date = dt.date(year, month or 0, day or 0)
            except ValueError:
                continue
            if date >= since_date:
                yield Hit(start, end, {"date": date.isoformat()})


_NUMERIC_DATE_FORMS = (
    r"\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}"       # 2021.3.5 / 2021-03-05 / 2021/3/5
    r"|\d{4}\s*年\s*0\d\s*月\s*\d{1,2}\s*日"                # 2021年03月5日
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*0\d\s*日"                # 2021年3月05日
    r"|(?<!\d)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"     # 21年3月5日
)


@predicate("gf.signature-date-form")
def signature_date_form(ctx: CheckContext) -> Iterator[Hit]:
    """A zero-padded, abbreviated or non-CJK date in the signature (成文日期) of the body."""
    line = rf"^[ \t]*(?:{_NUMERIC_DATE_FORMS})[ \t]*$"
    for seg in _signature_dates(ctx, line):
        for start, end, _ in ctx.finditer(_NUMERIC_DATE_FORMS, seg):
            yield Hit(start, end, {"suggested": _rewritten(ctx, ctx.doc.norm.original(start, end))})


def _rewritten(ctx: CheckContext, written: str) -> str:
    """The date as written, in the standard form; for a two-digit year (21年3月5日) the document's
    own date when it agrees on month and day, else 20YY."""
    date = numeric_date(written)
    if date is not None:
        return date_zh(date)
    short = re.match(r"\s*(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", written)
    known = ctx.doc.date
    if short and known and (known.year % 100, known.month, known.day) == tuple(int(g) for g in short.groups()):
        return date_zh(known)
    if short:
        return f"20{short[1]}年{int(short[2])}月{int(short[3])}日"
    return written


_FULL = "，：；（）"
_HALF = ",:;()"
_FULL_MARKS = re.compile(f"[{_FULL}]")
_HALF_MARKS = re.compile(f"[{re.escape(_HALF)}]")
_IDENTITY_SPAN = 1 << 20


def _kept(origin, start: int, end: int, i: int) -> bool:
    """Whether a normalized character of start..end comes from source offset i (the map never decreases)."""
    j = bisect.bisect_left(origin, i, start, end)
    return j < end and origin[j] == i


def _all_kept(origin, start: int, end: int, s: int, e: int) -> bool:
    """Whether start..end maps one to one onto the source s..e (no character dropped or added)."""
    if end - start != e - s or e > _IDENTITY_SPAN:  # a longer one is asked mark by mark (no big copy)
        return False
    try:
        with memoryview(origin) as view, memoryview(identity_offsets(e)) as identity:
            return view[start:end] == identity[s:e]
    except TypeError:  # a map that is not an array of offsets: ask character by character
        return False


def is_chinese_half_mark(source: str, i: int) -> bool:
    """Whether the half-width mark at i punctuates Chinese text (not 1,000 / 08:46 / a(b))."""
    ch = source[i]
    before = source[i - 1] if i > 0 else " "
    after = source[i + 1] if i + 1 < len(source) else " "
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return False
    return not (ch in "()" and (before.isascii() and before.isalnum() or after.isascii() and after.isalnum())
                and not ("\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"))


@predicate("gf.mixed-punctuation-width")
def mixed_punctuation_width(ctx: CheckContext, full_width_share: float = 0.8,
                            min_marks: int = 10) -> Iterator[Hit]:
    """Half-width , : ; ( ) in a body that otherwise uses the full-width forms.

    Judged on the original characters (the normalized text folds widths). Marks between ASCII
    letters or digits (1,000 / 08:46 / a(b)) are not punctuation of Chinese text and are not counted,
    nor are characters the normalizer dropped as a converter's artefacts (the parentheses of 關(guān)于).
    """
    source = ctx.doc.source.text
    origin = ctx.doc.norm.origin
    found: list[int] = []
    full = 0
    for seg in ctx.scope("body"):
        s, e = ctx.doc.norm.source_span(seg.start, seg.end)
        if _all_kept(origin, seg.start, seg.end, s, e):
            full += len(_FULL_MARKS.findall(source, s, e))
            marks = (m.start() for m in _HALF_MARKS.finditer(source, s, e))
        else:
            full += sum(1 for m in _FULL_MARKS.finditer(source, s, e) if _kept(origin, seg.start, seg.end, m.start()))
            marks = (m.start() for m in _HALF_MARKS.finditer(source, s, e)
                     if _kept(origin, seg.start, seg.end, m.start()))
        found += [i for i in marks if is_chinese_half_mark(source, i)]
    total = full + len(found)
    if not found or total < min_marks or full / total < full_width_share:
        return
    share = f"{full / total:.0%}"
    for i in found:
        start = ctx.norm_offset(i)
        yield Hit(start, max(start + 1, ctx.norm_offset(i + 1)), {"mark": source[i], "share": share})


_ATTACHMENT_LINE = r"^[ \t]*附件[ \t]*[:：][^\n]*$"
_ITEM = r"^[ \t]*(?P<marker>\d+[.．、]|\(\d+\)|（\d+）|[一二三四五六七八九十]+、)?[ \t]*(?P<name>[^\n]*?)[ \t]*$"


@predicate("gf.attachment-note")
def attachment_note(ctx: CheckContext) -> Iterator[Hit]:
    """附件说明: 「附件：」 + name; several numbered 1. 2.; no punctuation after a name."""
    segments = ctx.scope("node:attachment_note")
    if not segments:
        whole = ctx.scope("document")[0]
        segments = [Segment(s, e) for s, e, _ in ctx.finditer(_ATTACHMENT_LINE, whole)]
    text = ctx.doc.text
    for seg in segments:
        # The note, plus indented or numbered continuation lines (further attachment names).
        end = seg.end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            line = text[end + 1: nxt if nxt != -1 else len(text)]
            if not ctx.search(r"^[ \t]*\d+[.、]\S", line) or len(line) > 80:
                break
            end = nxt if nxt != -1 else len(text)
        note = text[seg.start:end]
        first_line_offset = note.find(":") if ":" in note.split("\n")[0] else note.find("：")
        body_start = seg.start + first_line_offset + 1 if first_line_offset >= 0 else seg.start
        lines, pos = [], body_start
        for line in text[body_start:end].split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        items = [(p, line) for p, line in lines if line.strip()]
        for p, line in items:
            m = ctx.search(_ITEM, line)
            if not m:
                continue
            marker, name = m.group("marker") or "", m.group("name")
            name_start = p + m.start("name")
            if marker and not ctx.search(r"^\d+\.$", marker):
                yield Hit(p + m.start("marker"), p + m.end("marker"), {"problem": "序号应为“1.”形式",
                                                                       "problem_en": "number it as “1.”"})
            if name and name[-1] in "。.;；,，、:：!！":
                yield Hit(name_start, name_start + len(name), {"problem": "附件名称后不加标点符号",
                                                              "problem_en": "no punctuation after the name"})
        if len(items) > 1 and any(not ctx.search(r"^[ \t]*\d+\s*[.．、]", line) for _, line in items):
            yield Hit(seg.start, end, {"problem": "多个附件应标注序号",
                                       "problem_en": "several attachments must be numbered"})


# ---- 发文字号: the document's own number and the numbers it cites ---------------------------------

_COMPATIBLE_BRACKETS = ("〔〕", "﹝﹞")  # ﹝﹞ is the compatibility form of 〔〕 (the same after NFKC)
_NOT_A_DOC_NUMBER = ("登", "备")  # registration and filing numbers (某规备〔2020〕4号) end their prefix so
_ORDER = ("令", "令第")  # an order's number keeps its 第 (某市人民政府令〔2020〕第3号)


def _number_problem(fact, problem: str) -> bool:
    attrs = fact.attrs
    if attrs.get("kind") != "doc_number" or fact.value["prefix"].endswith(_NOT_A_DOC_NUMBER):
        return False
    if problem == "brackets":
        return attrs.get("bracket_original") not in _COMPATIBLE_BRACKETS
    if problem == "year_digits":
        return attrs.get("year_digits") == 2
    if fact.value["prefix"].endswith(_ORDER):
        return False
    return bool(attrs.get("has_di") or attrs.get("zero_padded"))


def _dated_since(ctx: CheckContext, since: dt.date) -> bool:
    date = ctx.doc.date
    return date is not None and date >= since


@predicate("gf.doc-number-form")
def doc_number_form(ctx: CheckContext, problem: str, since: str = "2012-07-01") -> Iterator[Hit]:
    """A 发文字号 written against GB/T 9704-2012 (`problem`: brackets, year_digits or serial): the
    document's own number always, the numbers it cites in its body when it is dated on or after
    `since`. The brackets are judged as the page wrote them (the normalized text folds 【】 and （）)."""
    own = ctx.scope("node:doc_number")
    cited_too = _dated_since(ctx, dt.date.fromisoformat(since))
    for fact in ctx.fact_family("doc_numbers"):
        is_own = any(seg.start <= fact.start < seg.end or fact.start <= seg.start < fact.end for seg in own) \
            or (not own and _alone_on_line(ctx.doc.text, fact.start, fact.end))
        if (is_own or cited_too) and _number_problem(fact, problem):
            yield Hit(fact.start, fact.end, {"cited": "" if is_own else "引用的",
                                             "cited_en": "" if is_own else "cited "})


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()
