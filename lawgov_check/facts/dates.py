"""Dates (`2020-02-28`, `2020年2月28日`, `二〇一七年四月廿四日`, `6月5日`) and bare year mentions."""

from __future__ import annotations

import datetime as dt
import re

from .numerals import cn_to_int, cn_year_to_int
from .segments import boundaries
from .types import Fact, FactContext

MIN_YEAR, MAX_YEAR = 1900, 2100

_SP = r"[ \u3000]{0,2}"
_CN_YEAR = "〇○零Oo０0一二三四五六七八九"  # 二00五年: ASCII zeros among Chinese digits
_CN_MD = "一二三四五六七八九十"
_CN_DAY = _CN_MD + "廿卅"
_CN_ALL = _CN_YEAR + "十廿卅"

# The leading lookahead lets the engine skip most positions without trying each alternative.
DATE_RE = re.compile(
    rf"(?=[\d{_CN_YEAR}十])(?:" + "|".join([
        rf"(?<![\d.])(?P<iso_y>\d{{4}}){_SP}-{_SP}(?P<iso_m>\d{{1,2}}){_SP}-{_SP}(?P<iso_d>\d{{1,2}})(?!\d)",
        r"(?<![\d./])(?P<sl_y>\d{4})/(?P<sl_m>\d{1,2})/(?P<sl_d>\d{1,2})(?![\d/])",
        r"(?<![\d.])(?P<dot_y>\d{4})\.(?P<dot_m>\d{1,2})\.(?P<dot_d>\d{1,2})(?!\d|\.\d)",
        rf"(?<!\d)(?:(?P<y>\d{{4}}){_SP}年{_SP})?(?P<m>\d{{1,2}}){_SP}月{_SP}(?P<d>\d{{1,2}}){_SP}日",
        rf"(?<!\d)(?P<my>\d{{4}}){_SP}年{_SP}(?P<mm>\d{{1,2}}){_SP}月",
        rf"(?<!\d)(?P<yy>\d{{4}}){_SP}年",
        rf"(?<![{_CN_ALL}])(?P<cy>[{_CN_YEAR}]{{4}}){_SP}年"
        rf"(?:{_SP}(?P<cm>[{_CN_MD}]{{1,3}}){_SP}月(?:{_SP}(?P<cd>[{_CN_DAY}]{{1,4}}){_SP}日)?)?",
        rf"(?<![{_CN_ALL}年])(?P<cm2>[{_CN_MD}]{{1,3}})月(?P<cd2>[{_CN_DAY}]{{1,4}})日",
    ]) + ")"
)


def _plausible_year(year: int | None) -> bool:
    return year is not None and MIN_YEAR <= year <= MAX_YEAR


def _make_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _zero_padded(*parts: str | None) -> bool:
    return any(p is not None and len(p) > 1 and p.startswith("0") for p in parts)


def extract_dates_and_years(text: str, context: FactContext) -> tuple[list[Fact], list[Fact]]:
    """All date facts and year-mention facts, in text order."""
    return context.memo("dates", text, lambda: _extract(text, context))


def extract_dates(text: str, context: FactContext) -> list[Fact]:
    return extract_dates_and_years(text, context)[0]


def extract_years(text: str, context: FactContext) -> list[Fact]:
    return extract_dates_and_years(text, context)[1]


def _extract(text: str, context: FactContext) -> tuple[list[Fact], list[Fact]]:
    bounds = boundaries(text, context)
    dates: list[Fact] = []
    years: list[Fact] = []
    sentence_end = -1
    sentence_year: int | None = None  # the last explicit year seen in the current sentence

    for m in DATE_RE.finditer(text):
        start, end = m.span()
        if start > sentence_end:
            sentence_end = bounds.sentence(start)[1]
            sentence_year = None
        g = m.groupdict()
        raw = m.group(0)
        spaced = any(c in raw for c in " \u3000")

        if g["yy"] is not None or (g["cy"] is not None and g["cm"] is None):
            year = int(g["yy"]) if g["yy"] is not None else cn_year_to_int(g["cy"])
            if _plausible_year(year):
                numerals = "arabic" if g["yy"] is not None else "chinese"
                years.append(Fact("year", start, end, raw, year, {"numerals": numerals}))
                sentence_year = year
            continue

        attrs: dict[str, object] = {"precision": "day", "spaced": spaced}
        year: int | None
        month: int | None
        day: int | None
        if g["iso_y"] is not None or g["sl_y"] is not None or g["dot_y"] is not None:
            style, prefix = ("iso", "iso") if g["iso_y"] else (("slash", "sl") if g["sl_y"] else ("dot", "dot"))
            ys, ms, ds = g[f"{prefix}_y"], g[f"{prefix}_m"], g[f"{prefix}_d"]
            year, month, day = int(ys), int(ms), int(ds)
            if not _plausible_year(year) or not (1 <= month <= 12 and 1 <= day <= 31):
                continue  # version numbers, codes: not shaped like a date at all
            attrs.update(style=style, numerals="arabic", zero_padded=_zero_padded(ms, ds))
        elif g["m"] is not None:
            ys, ms, ds = g["y"], g["m"], g["d"]
            year = int(ys) if ys is not None else None
            month, day = int(ms), int(ds)
            attrs.update(style="cjk", numerals="arabic", zero_padded=_zero_padded(ms, ds))
        elif g["my"] is not None:
            ys, ms = g["my"], g["mm"]
            year, month, day = int(ys), int(ms), 1
            attrs.update(style="cjk", numerals="arabic", precision="month", zero_padded=_zero_padded(ms))
        else:
            cy = g["cy"]
            year = cn_year_to_int(cy) if cy is not None else None
            month = cn_to_int(g["cm"] or g["cm2"] or "")
            day_raw = g["cd"] if cy is not None else g["cd2"]
            if day_raw is None:
                day = 1
                attrs["precision"] = "month"
            else:
                day = cn_to_int(day_raw)
            attrs.update(style="chinese_numerals", numerals="chinese", zero_padded=False)
            if month is None or day is None:
                continue

        if year is not None:
            if not _plausible_year(year):
                continue
            sentence_year = year
            attrs["year_inferred"] = False
        else:
            attrs["year_inferred"] = True
            if sentence_year is not None:
                year, attrs["year_source"] = sentence_year, "sentence"
            elif context.default_year is not None:
                year, attrs["year_source"] = context.default_year, "document"
            else:
                attrs["year_source"] = None

        value = _make_date(year, month, day)
        if value is None and year is not None:
            attrs["invalid"] = True
        attrs["month"], attrs["day"] = month, day
        dates.append(Fact("date", start, end, raw, value, attrs))
    return dates, years


def parse_date(text: str) -> dt.date | None:
    """The first full date (year, month and day) written in `text`, in any form DATE_RE reads."""
    dates, _ = _extract(text, FactContext())
    return next((d.value for d in dates if d.value is not None and not d.attrs.get("year_inferred")
                 and d.attrs.get("precision") == "day"), None)


_COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?![\d.\-/])")
# 2018年03月27: a field's date that lost its final 日 (the whole value, nothing after it).
_DATE_WITHOUT_DAY_MARK = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*$")


def field_date(text: str) -> dt.date | None:
    """The date a metadata field holds: any form `parse_date` reads, digits only (20240315), which
    only a field's value is read as (in running text eight digits are a number), or a date that lost
    its final 日 (2018年03月27)."""
    date = parse_date(text)
    if date is not None:
        return date
    m = _COMPACT_DATE.match(text) or _DATE_WITHOUT_DAY_MARK.match(text)
    if m is None:
        return None
    return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# 2023年315 / 2019610: a signature date whose 月 and 日 (or all three marks) the page lost.
_RUN_TOGETHER_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*(\d{2,4})\s*日?\s*$")


def run_together_date(text: str) -> dt.date | None:
    """The date of a signature line whose month and day were run together (2023年315 → 2023-03-15),
    when exactly one split of the digits is a valid date (2019111 could be 1-11 or 11-1: None)."""
    m = _RUN_TOGETHER_DATE.match(text)
    if m is None:
        return None
    year, rest = int(m.group(1)), m.group(2)
    dates = {d for k in (1, 2) if 0 < len(rest) - k <= 2
             if (d := _make_date(year, int(rest[:k]), int(rest[k:]))) is not None}
    return dates.pop() if len(dates) == 1 else None


def stated_years(text: str) -> list[int]:
    """Years written in `text` (2021年, 2022年度, 二〇二一年), not counting the years of ranges
    (2021—2025年) or of full dates."""
    _, years = _extract(_YEAR_RANGE.sub(" ", text), FactContext())
    return [y.value for y in years]


_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~至到]+\s*(?:19|20)?\d{2}\s*年?")


_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]+\s*((?:19|20)\d{2})")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_and_spans(text: str) -> tuple[set[int], list[tuple[int, int]]]:
    """The four-digit years a short text (a title, a heading) names on their own, and the spans of
    years it names (2021—2025, 2021至2022年)."""
    spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(text)]
    return {int(y) for y in _BARE_YEAR.findall(_YEAR_SPAN.sub("", text))}, spans


def date_zh(date: dt.date) -> str:
    """The GB/T 9704 form of a 成文日期: 2021年3月5日."""
    return f"{date.year}年{date.month}月{date.day}日"


_NUMERIC_DATE = re.compile(r"^\s*(\d{4})\s*(?:[.\-/．－／]\s*(\d{1,2})\s*[.\-/．－／]\s*(\d{1,2})"
                           r"|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)\s*$")


def numeric_date(text: str) -> dt.date | None:
    """The date of 2021-03-05, 2021.3.5, 2021/3/5 or 2021年03月05日; None for anything else
    (a two-digit year, an impossible date)."""
    m = _NUMERIC_DATE.match(text)
    if m is None:
        return None
    month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    try:
        return dt.date(int(m.group(1)), int(month), int(day))
    except ValueError:
        return None
