"""What the order publishing a government rule (规章) states, and when the rule takes effect.

A rule reaches us in two shapes: the publishing order (某市人民政府令 / 第N号 / 《…》已经…通过，现予
公布，自…起施行 / 市长 某某 / date) followed by the rule, or the rule alone with a note
((2025年9月1日某市人民政府令第2号公布 自…起施行)). Each family holds only what the shape shows.

- `order_items`: where the text holds an order, one fact per item 《规章制定程序条例》第三十条 lists,
  in its order — `value` the item's code (organ, serial, name, passed, effective, signer,
  published), the span the order's sentence, `attrs.present` whether the order states it.
- `entry_into_force`: the first 自…起施行 clause that names a date (or 自公布之日起); `value` that
  date, `attrs.published` the publication date (a note's 公布 date, else the document's date) and
  `attrs.days` the days between them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..lazyre import lazy
from ..model import Document
from .dates import DATE_RE, parse_date
from .types import Fact

# 现予公布, 现予发布, 予以公布, 现公布: the words that publish (identify reads them too)
PUBLISHED_NOW = r"(?:现予|予以|现)(?:公布|发布)"
# The order's sentence: on its line, or — starting on the rule's 《name》 — wrapped over lines
# (《某办法》已经…市政 / 府常务会议通过，现予公布), as law databases and PDFs print it.
_ORDER_SENTENCE = re.compile(rf"《[^《》\n]{{1,80}}》(?:[^。\n]|\n(?![ \t\u3000]*\n)){{0,300}}?{PUBLISHED_NOW}[^。\n]{{0,300}}"
                             rf"|[^。\n]{{0,300}}{PUBLISHED_NOW}[^。\n]{{0,300}}")
_IN_FORCE_NOW = re.compile(r"(?:公布|发布)施行")  # 现予发布施行: in force on publication
_RULE_BODY = re.compile(r"^[ \t\u3000]*第[一1][章条]", re.M)
_EFFECTIVE = re.compile(r"自(?P<when>[^。；;，,\n]{0,24}?)起(?:施行|实施|生效)")
_ON_PUBLICATION = re.compile(r"公布之日|发布之日|印发之日")
_PASSED = re.compile(r"通过|决定|审议")
_SERIAL = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*号")
_ORGAN = lazy(r"[\u4e00-\u9fff]{2,30}令")
_SIGNER = lazy(r"(?:^|\n)[ \t\u3000]*(?:代理|代)?[\u4e00-\u9fff]{0,3}(?:长|主席|主任)[ \t\u3000:：]*"
                     r"[\u4e00-\u9fff·]{2,5}[ \t\u3000]*(?=\n|$)")
_PUBLISHED_NOTE = lazy(r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。\n()（）]{0,40}?公布")
ITEMS = ("organ", "serial", "name", "passed", "effective", "signer", "published")


def _has_date(text: str) -> list[re.Match[str]]:
    return [m for m in DATE_RE.finditer(text) if parse_date(m.group(0))]


def extract_order_items(doc: Document) -> list[Fact]:
    text = doc.text
    sentence = _ORDER_SENTENCE.search(text)
    if sentence is None:
        return []
    body = _RULE_BODY.search(text, sentence.end())
    if body is not None and body.start() < sentence.start():
        return []  # the sentence is inside the rule, not an order before it
    end = body.start() if body else len(text)
    block, words = text[:end], sentence.group(0)
    passed_at = _PASSED.search(words)
    present = {
        "organ": bool(doc.issuer) or bool(_ORGAN.search(block)),
        "serial": bool(_SERIAL.search(block)),
        "name": "《" in words or bool(doc.title),
        "passed": passed_at is not None and any(m.start() < passed_at.start() for m in _has_date(words)),
        "effective": bool(_EFFECTIVE.search(block)) or bool(_IN_FORCE_NOW.search(words)),
        "signer": bool(_SIGNER.search(block)),
        "published": bool(_has_date(text[sentence.end():end])),
    }
    return [Fact("order_item", sentence.start(), sentence.end(), words, item,
                 {"present": present[item], "item_code": item}) for item in ITEMS]


def extract_entry_into_force(doc: Document) -> list[Fact]:
    text = doc.text
    note = _PUBLISHED_NOTE.search(text)
    published: dt.date | None = parse_date(note.group("date")) if note else doc.date
    if published is None:
        return []
    for m in _EFFECTIVE.finditer(text):
        when = m.group("when")
        effective = published if _ON_PUBLICATION.search(when) else parse_date(when)
        if effective is not None:
            return [Fact("entry_into_force", m.start(), m.end(), m.group(0), effective,
                         {"published": published.isoformat(), "days": (effective - published).days})]
    return []
