"""Width and space folding: full-width ASCII → ASCII, odd spaces → " ", invisible characters out.

Chinese punctuation with its own meaning (、。“”‘’《》〔〕【】〈〉「」—…·) is left alone, so format
rules can still tell 〔〕 from [] and “” from "". The original characters stay reachable through
the offset map.
"""

from __future__ import annotations

import re

from .norm_cjk import is_cjk
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
_DIGITS = frozenset("0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")
_DIGIT_JOINERS = frozenset("-:/\uff0d\uff1a\uff0f")
# Every lone space that may be removed stands between two non-spaces; which ones are removed is
# decided per candidate (`_removable`). One expression for all of it repeated the ideograph class
# eight times, which took longer to compile (about 15 ms) than to run on most documents.
_SPACE_BETWEEN = re.compile(rf"(?<=\S){_SP}(?=\S)")
_BEFORE_LABEL = re.compile("[^\\s:：]{1,8}[:：]")


def _removable(text: str, p: int) -> bool:
    """Whether the space at p (between two non-spaces) is a lone space slipped into running text."""
    before, after = text[p - 1], text[p + 1]
    if is_cjk(before):
        if is_cjk(after):  # 法 治: unless both sides are words of two or more characters
            lone = p < 2 or not is_cjk(text[p - 2]) or p + 2 >= len(text) or not is_cjk(text[p + 2])
        else:  # 第 3
            lone = after in _DIGITS
    elif before in _DIGITS:  # 2020 年
        lone = is_cjk(after)
    else:  # 2020- 02
        lone = before in _DIGIT_JOINERS and p >= 2 and text[p - 2] in _DIGITS and after in _DIGITS
    return lone and _BEFORE_LABEL.match(text, p + 1) is None


def remove_invisible(mapped: MappedText) -> MappedText:
    return mapped.delete(m.span() for m in _INVISIBLE.finditer(mapped.text))


def remove_lone_spaces(mapped: MappedText) -> MappedText:
    text = mapped.text
    return mapped.delete(m.span() for m in _SPACE_BETWEEN.finditer(text) if _removable(text, m.start()))


def fold_widths_and_spaces(mapped: MappedText) -> MappedText:
    folded = _FOLDABLE_CHAR.sub(lambda m: _FOLD_CHARS[m.group()], mapped.text)
    return mapped if folded == mapped.text else MappedText(folded, mapped.origin)

