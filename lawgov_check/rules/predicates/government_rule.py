"""Predicates for government rules (规章) under 《规章制定程序条例》 (ruleset GR).

A rule reaches us in two shapes: the publishing order (某市人民政府令 / 第N号 / 《…》已经…通过，现予
公布，自…起施行 / 市长 某某 / date) followed by the rule, or the rule alone with a note
((2025年9月1日某市人民政府令第2号公布 自…起施行)). Each check judges only what its shape shows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from ...facts.dates import DATE_RE, parse_date
from ..context import CheckContext
from ..hits import Hit
from . import predicate

_ORDER_SENTENCE = re.compile(r"[^。\n]{0,300}(?:现予公布|予以公布|现予发布|现公布)[^。\n]{0,300}")
_RULE_BODY = re.compile(r"^[ \t\u3000]*第[一1][章条]", re.M)
_EFFECTIVE = re.compile(r"自(?P<when>[^。；;，,\n]{0,24}?)起(?:施行|实施|生效)")
_PASSED = re.compile(r"通过|决定|审议")
_SERIAL = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*号")
_ORGAN = re.compile(r"[\u4e00-\u9fff]{2,30}令")
_SIGNER = re.compile(r"(?:^|\n)[ \t\u3000]*(?:代理|代)?[\u4e00-\u9fff]{0,3}(?:长|主席|主任)[ \t\u3000:：]*"
                     r"[\u4e00-\u9fff·]{2,5}[ \t\u3000]*(?=\n|$)")
_PUBLISHED_NOTE = re.compile(r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。\n()（）]{0,40}?公布")
_EXCEPTION = re.compile(r"国家安全|外汇汇率|货币政策|不立即施行将有碍|有碍规章(?:的)?施行")

ITEMS = {  # 第三十条, in its order
    "organ": ("制定机关", "the enacting organ"),
    "serial": ("序号", "the order's serial number"),
    "name": ("规章名称", "the rule's name"),
    "passed": ("通过日期", "the date it was passed"),
    "effective": ("施行日期", "the date it takes effect"),
    "signer": ("署名", "the signature of the head"),
    "published": ("公布日期", "the date of publication"),
}


def _order_block(text: str) -> tuple[re.Match[str], int] | None:
    """The order's sentence and where the order ends (the rule's first chapter or article)."""
    sentence = _ORDER_SENTENCE.search(text)
    if sentence is None:
        return None
    body = _RULE_BODY.search(text, sentence.end())
    if body is not None and body.start() < sentence.start():
        return None  # the sentence is inside the rule, not an order before it
    return sentence, body.start() if body else len(text)


def _dates_in(text: str) -> list[re.Match[str]]:
    return [m for m in DATE_RE.finditer(text) if parse_date(m.group(0))]


@predicate("gr.order-items")
def order_items(ctx: CheckContext) -> Iterator[Hit]:
    """The publishing order lacks items that 第三十条 lists (judged only where the text holds the order)."""
    text = ctx.doc.text
    found = _order_block(text)
    if found is None:
        return
    sentence, end = found
    block = text[:end]
    words = sentence.group(0)
    passed_at = _PASSED.search(words)
    present = {
        "organ": bool(ctx.doc.issuer) or bool(_ORGAN.search(block)),
        "serial": bool(_SERIAL.search(block)),
        "name": "《" in words or bool(ctx.doc.title),
        "passed": passed_at is not None and any(m.start() < passed_at.start() for m in _dates_in(words)),
        "effective": bool(_EFFECTIVE.search(block)),
        "signer": bool(_SIGNER.search(block)),
        "published": bool(_dates_in(text[sentence.end():end])),
    }
    missing = [key for key in ITEMS if not present[key]]
    if missing:
        yield Hit(sentence.start(), sentence.end(), {"missing": "、".join(ITEMS[k][0] for k in missing),
                                                     "missing_en": ", ".join(ITEMS[k][1] for k in missing)})


def _publication_date(ctx: CheckContext) -> dt.date | None:
    note = _PUBLISHED_NOTE.search(ctx.doc.text)
    if note is not None:
        return parse_date(note.group("date"))
    return ctx.doc.date


@predicate("gr.effective-too-soon")
def effective_too_soon(ctx: CheckContext, min_days: int = 30) -> Iterator[Hit]:
    """The rule takes effect less than `min_days` after publication and states none of the exceptions."""
    text = ctx.doc.text
    published = _publication_date(ctx)
    if published is None or _EXCEPTION.search(text):
        return
    for m in _EFFECTIVE.finditer(text):
        when = m.group("when")
        effective = published if re.search(r"公布之日|发布之日|印发之日", when) else parse_date(when)
        if effective is None:
            continue
        days = (effective - published).days
        if 0 <= days < min_days:
            yield Hit(m.start(), m.end(), {"published": published.isoformat(), "effective": effective.isoformat(),
                                           "days": days, "min_days": min_days})
        return
