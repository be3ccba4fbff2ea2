"""The 成文日期 as the signature writes it, and its standard form (GB/T 9704-2012: 2021年3月5日).

One fact per date in the signature (the parser's signature-date nodes; without them, lines that
hold only a date in a numeric form): `value` the date where the form says it, `attrs.standard`
whether it is written 2021年3月5日 (full year, no padding), `attrs.suggested` that form — for a
two-digit year (21年3月5日) the document's own date when it agrees on month and day, else 20YY.
"""

from __future__ import annotations

import re

from ..model import Document
from .dates import date_zh, numeric_date, parse_date
from .types import Fact

_NONSTANDARD = (
    r"\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}"       # 2021.3.5 / 2021-03-05 / 2021/3/5
    r"|\d{4}\s*年\s*0\d\s*月\s*\d{1,2}\s*日"                # 2021年03月5日
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*0\d\s*日"                # 2021年3月05日
    r"|(?<!\d)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"     # 21年3月5日
)
_FORMS = re.compile(rf"(?P<other>{_NONSTANDARD})|(?P<standard>\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)")
_DATE_LINE = re.compile(rf"^[ \t]*(?:{_NONSTANDARD})[ \t]*$", re.M)
_SHORT = re.compile(r"\s*(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _suggested(doc: Document, written: str) -> str:
    date = numeric_date(written)
    if date is not None:
        return date_zh(date)
    short, known = _SHORT.match(written), doc.date
    if short and known and (known.year % 100, known.month, known.day) == tuple(int(g) for g in short.groups()):
        return date_zh(known)
    if short:
        return f"20{short[1]}年{int(short[2])}月{int(short[3])}日"
    return written


def extract_signature_dates(doc: Document) -> list[Fact]:
    segments = [(n.start, n.end) for n in doc.root.walk() if n.kind == "signature_date"]
    out = []
    for start, end in segments or [m.span() for m in _DATE_LINE.finditer(doc.text)]:
        for m in _FORMS.finditer(doc.text, start, end):
            written = doc.norm.original(m.start(), m.end())
            standard = m.group("standard") is not None
            suggested = written.strip() if standard else _suggested(doc, written)
            out.append(Fact("signature_date", m.start(), m.end(), m.group(0), parse_date(suggested),
                            {"standard": standard, "suggested": suggested}))
    return out
