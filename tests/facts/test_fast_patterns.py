"""Fact patterns rewritten to start with what they must match find exactly what the originals found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.facts import doc_numbers, numbers

_SP = r"[ \u3000]{0,2}"
ORIGINALS = [
    (numbers.COUNT_RE, re.compile(rf"(?<![\d.第])(?P<n>\d+(?:\.\d+)?){_SP}(?P<u>{numbers._UNITS})(?!月|工作日|百分点|小时)")),
    (numbers.TOTAL_MARKER_RE, re.compile(r"共计|合计|总计|累计|总共|共有|(?<!公)共(?![同享建治识性产青存赢商])")),
    (numbers.RATE_RE, re.compile(numbers.RATE_RE.pattern.removeprefix("(?=[率达])"))),
    (doc_numbers.ALNUM_RE, re.compile(doc_numbers.ALNUM_RE.pattern.replace(
        "(?P<prefix>[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]{1,9}", "(?<![A-Za-z0-9])(?P<prefix>[A-Z]{2,10}"))),
]
ALPHABET = "0123456789０١.第共计合总累有公同件项人次率为达到%％ 　ABGSHFXaz—-－年其中"


def same(text: str) -> None:
    for fast, original in ORIGINALS:
        assert fast.pattern != original.pattern
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in original.finditer(text)], (fast.pattern, text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_random_texts(text):
    same(text)


def test_examples():
    for text in ["共办理34件，其中维持18件", "公共服务共有3项", "第3件", "1.5件", "12.5万元", "纠错率为17.6%",
                 "达到95%以上", "HFGS—2017—9", "aHFGS—2017—9", "XXGS-2021-001", "共同推进"]:
        same(text)
