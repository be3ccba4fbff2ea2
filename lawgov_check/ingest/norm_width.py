"""Width and space folding: full-width ASCII → ASCII, odd spaces → " ", invisible characters out.

Chinese punctuation with its own meaning (、。“”‘’《》〔〕【】〈〉「」—…·) is left alone, so format
rules can still tell 〔〕 from [] and “” from "". The original characters stay reachable through
the offset map.
"""

from __future__ import annotations

import re

from .norm_cjk import CJK_IDEOGRAPHS
from .norm_mapped import MappedText


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # ！…～ → !…~
    # Half-width CJK punctuation becomes the ordinary full forms.
    table.update({ord(a): b for a, b in zip("｡｢｣､･", "。「」、·")})
    # Full-width currency and signs.
    table.update({ord(a): b for a, b in zip("￠￡￢￣￤￥￦", "¢£¬¯¦¥₩")})
    spaces = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    # Characters that str.splitlines() would treat as line breaks; as spaces, lines stay 1:1.
    line_break_lookalikes = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    table.update({ord(ch): " " for ch in spaces + line_break_lookalikes})
    return table


def _char_class(codes: list[int]) -> str:
    """A regex character class of the code points, consecutive ones as ranges (compiles faster)."""
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


FOLD_TABLE = _fold_table()
# Every fold is one character for one, so the text is rewritten in place and the map is kept;
# one character at a time with a dict lookup is about twice as fast as translating runs.
_FOLD_CHARS = {chr(code): folded for code, folded in FOLD_TABLE.items()}
assert all(len(folded) == 1 for folded in _FOLD_CHARS.values())
_FOLDABLE_CHAR = re.compile(_char_class(sorted(FOLD_TABLE)))

# Zero-width and other invisible format characters: removed.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+")

# A lone space slipped into running Chinese text, removed so words and numbers match:
#   法 治 政 府 → 法治政府, 通 知 → 通知 (a one-character word on at least one side);
#   2020 年 → 2020年, 第 3 条 → 第3条 (between a digit and a CJK character);
#   2020- 02- 28 08: 46 → 2020-02-28 08:46 (after "-", ":" or "/" between digits).
# Kept: a space between two longer words (中共某市委 某市人民政府, 办公室 背景色), a space before a
# label (08:46 访问次数:), and two or more spaces, tabs and U+3000, which are layout.
_SP = "[ \u00a0\u2000-\u200a\u202f\u205f]"
_HAN = f"[{CJK_IDEOGRAPHS}]"
_DIGIT = "[0-9\uff10-\uff19]"
_NOT_BEFORE_LABEL = "(?![^\\s:：]{1,8}[:：])"
_LONE_SPACE_IN_TEXT = re.compile(
    _SP + "(?:"
    rf"(?<={_HAN}{_SP})(?={_HAN})(?:(?<!{_HAN}{_HAN}{_SP})|(?={_HAN}(?!{_HAN})))"  # 法 治
    rf"|(?<={_HAN}{_SP})(?={_DIGIT})"  # 第 3
    rf"|(?<={_DIGIT}{_SP})(?={_HAN})"  # 2020 年
    rf"|(?<={_DIGIT}[-:/\uff0d\uff1a\uff0f]{_SP})(?={_DIGIT})"  # 2020- 02
    f"){_NOT_BEFORE_LABEL}"
)


def remove_invisible(mapped: MappedText) -> MappedText:
    return mapped.delete(m.span() for m in _INVISIBLE.finditer(mapped.text))


def remove_lone_spaces(mapped: MappedText) -> MappedText:
    return mapped.delete(m.span() for m in _LONE_SPACE_IN_TEXT.finditer(mapped.text))


def fold_widths_and_spaces(mapped: MappedText) -> MappedText:
    folded = _FOLDABLE_CHAR.sub(lambda m: _FOLD_CHARS[m.group()], mapped.text)
    return mapped if folded == mapped.text else MappedText(folded, mapped.origin)

