"""The numerals known without cn2an give exactly what cn2an gives."""

from __future__ import annotations

import cn2an
import pytest

from lawgov_check.facts import numerals
from lawgov_check.facts.numerals import cn2an_smart, cn_to_int


def test_every_table_entry_matches_cn2an():
    assert len(numerals._SMALL_NUMERALS) == 109  # 一…九, 十…十九 (also 一十…), 二十…九十九
    for numeral, value in numerals._SMALL_NUMERALS.items():
        assert cn2an.cn2an(numeral, "smart") == value, numeral


@pytest.mark.parametrize("numeral", ["一百", "两", "〇", "一千零一", "三百二十五", "廿"])
def test_other_numerals_go_to_cn2an(numeral):
    assert cn2an_smart(numeral) == cn2an.cn2an(numeral, "smart")


def test_cn_to_int_uses_the_same_values():
    assert cn_to_int("二十四") == 24
    assert cn_to_int("十") == 10
    assert cn_to_int("一百零八") == 108
