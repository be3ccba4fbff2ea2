"""Normalize a Source for matching, keeping a map from every character back to the source.

Steps, in order (each keeps `origin` non-decreasing and every "\\n" in place):
1. pinyin annotations glued on by web converters are removed: 關(guān)于 → 關于;
2. traditional → simplified (OpenCC t2s);
3. full-width ASCII → ASCII (（一）→ (一), ：→ :, ０-９ → 0-9); Chinese punctuation with its own
   meaning (、。“”‘’《》〔〕【】〈〉「」—…·) is kept;
4. odd spaces (NBSP, U+2000–U+200A, U+3000, tabs…) → " ", invisible characters (U+200B–U+200D,
   U+2060, U+FEFF…) removed, and a lone space inside Chinese text removed: next to a one-character
   word between CJK characters (法 治 政 府 → 法治政府, 通 知 → 通知), between CJK and a digit
   (2020 年 → 2020年) and after "-", ":" or "/" between digits (2020- 02- 28 08: 46 →
   2020-02-28 08:46). Kept: spaces between longer words (joint signatures), before a label
   (08:46 访问次数:), around Latin words and "|", and runs of two or more (layout);
5. U+FFFD and "?" standing in for lost characters are counted into `warnings` (not removed);
6. web-page furniture is located as `chrome_spans` (not removed).
"""

from __future__ import annotations

from functools import lru_cache

from ..model import NormalizedText, Source
from .norm_chinese import to_simplified
from .norm_chrome import find_chrome_spans
from .norm_mapped import MappedText
from .norm_mojibake import encoding_warnings
from .norm_pinyin import remove_pinyin_annotations
from .norm_width import fold_widths_and_spaces, remove_invisible, remove_lone_spaces


def normalize(source: Source) -> NormalizedText:
    mapped = remove_pinyin_annotations(MappedText.identity(source.text))
    mapped = _fold_characters(mapped)
    return NormalizedText(
        source=source,
        text=mapped.text,
        origin=mapped.origin,
        chrome_spans=find_chrome_spans(mapped.text),
        warnings=encoding_warnings(mapped.text),
    )


def _fold_characters(mapped: MappedText) -> MappedText:
    mapped = to_simplified(mapped)
    mapped = remove_invisible(mapped)
    mapped = remove_lone_spaces(mapped)
    return fold_widths_and_spaces(mapped)


@lru_cache(maxsize=4096)
def fold_for_matching(text: str) -> str:
    """The normalizer's character folding (t2s, widths, spaces) for a short string, e.g. a keyword.

    Fold literal text before escaping it into a regex: "（一）" folds to "(一)".
    """
    return _fold_characters(MappedText.identity(text)).text
