"""Chinese numerals to integers (via cn2an), cached.

cn2an takes about 70 ms to import, so it is imported only for a numeral outside the common forms
一 … 九十九 (heading markers, 第X条, 三十日), whose values are known here directly.
"""

from __future__ import annotations

from functools import lru_cache


def _small_numerals() -> dict[str, int]:
    digits = "一二三四五六七八九"
    table = {"十": 10, "一十": 10}
    for unit, digit in enumerate(digits, 1):
        table[digit] = unit
        table["十" + digit] = table["一十" + digit] = 10 + unit
    for tens, tens_digit in enumerate(digits[1:], 2):
        table[tens_digit + "十"] = tens * 10
        for unit, digit in enumerate(digits, 1):
            table[tens_digit + "十" + digit] = tens * 10 + unit
    return table


_SMALL_NUMERALS = _small_numerals()


def cn2an_smart(numeral: str) -> int | float:
    """cn2an's "smart" conversion; raises what cn2an raises."""
    value = _SMALL_NUMERALS.get(numeral)
    if value is not None:
        return value
    import cn2an

    return cn2an.cn2an(numeral, "smart")

CN_DIGITS = "〇零○一二三四五六七八九十廿卅两俩百千"
_ZERO_LIKE = "〇○零Oo０0"
_YEAR_DIGITS = {**{c: 0 for c in _ZERO_LIKE}, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}


@lru_cache(maxsize=4096)
def cn_to_int(numeral: str) -> int | None:
    """`二十四` → 24, `廿四` → 24, `两` → 2, `7` → 7; None when it is not a whole number."""
    s = numeral.strip().replace("俩", "两").replace("卅", "三十").replace("廿", "二十")
    if not s:
        return None
    if s.isdigit():
        return int(s)
    try:
        value = cn2an_smart(s)
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if float(value) != int(value):
        return None
    return int(value)


def cn_year_to_int(numeral: str) -> int | None:
    """`二〇一七` (digit by digit, also with O/○/零 for zero) → 2017."""
    value = 0
    for ch in numeral:
        digit = _YEAR_DIGITS.get(ch)
        if digit is None:
            return None
        value = value * 10 + digit
    return value
