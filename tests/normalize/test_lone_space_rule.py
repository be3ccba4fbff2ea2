"""Lone spaces are chosen per candidate exactly as the single expression they replace chose them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check.ingest.norm_cjk import CJK_IDEOGRAPHS
from lawgov_check.ingest.norm_mapped import MappedText
from lawgov_check.ingest.norm_width import remove_lone_spaces

# The expression the per-candidate rule replaced (it compiled slowly), kept as the reference.
_SP = "[ \u00a0\u2000-\u200a\u202f\u205f]"
_HAN = f"[{CJK_IDEOGRAPHS}]"
_DIGIT = "[0-9\uff10-\uff19]"
REFERENCE = re.compile(
    _SP + "(?:"
    rf"(?<={_HAN}{_SP})(?={_HAN})(?:(?<!{_HAN}{_HAN}{_SP})|(?={_HAN}(?!{_HAN})))"
    rf"|(?<={_HAN}{_SP})(?={_DIGIT})"
    rf"|(?<={_DIGIT}{_SP})(?={_HAN})"
    rf"|(?<={_DIGIT}[-:/\uff0d\uff1a\uff0f]{_SP})(?={_DIGIT})"
    ")(?![^\\s:：]{1,8}[:：])"
)
ALPHABET = "法治政府通知第条年月〇\U00020000\uf900a1０9-:/－：／：, \u00a0\u2003\u3000\t\n访问次数"


def same_as_reference(text: str) -> None:
    expected = [m.start() for m in REFERENCE.finditer(text)]
    kept = remove_lone_spaces(MappedText.identity(text))
    removed = sorted(set(range(len(text))) - set(kept.origin[:-1]))
    assert removed == expected, text


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_random_texts(text):
    same_as_reference(text)


def test_examples():
    for text in ["法 治 政 府", "中共某市委 某市人民政府", "第 3 条", "2020 年", "2020- 02- 28 08: 46",
                 "08:46 访问次数:", " 法", "法 ", "法 治:", "a b", "1 2", "法\u00a0治", "法  治"]:
        same_as_reference(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_any_text(text):
    same_as_reference(text)
