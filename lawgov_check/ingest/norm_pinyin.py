"""Pinyin annotations glued to characters by web converters: 關(guān)于 → 關于."""

from __future__ import annotations

import re

from ..lazyre import lazy
from .norm_cjk import CJK_IDEOGRAPHS, is_cjk
from .norm_mapped import MappedText

_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONE_FREE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")

# "(" or "（" right after a CJK character, 1–6 pinyin letters, an optional tone digit, ")" or "）".
_CANDIDATE = lazy(
    rf"[(（](?<=[{CJK_IDEOGRAPHS}][(（])([a-zü{_TONED_VOWELS}]{{1,6}})([1-5]?)[)）]"
)

# The shape of a Mandarin syllable (initial + final, toneless); loose but rejects most Latin text.
_SYLLABLE = lazy(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou"
    r"|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üe|üan|ün|v|ve|n|ng|m)"
)


def is_pinyin_annotation(letters: str, tone_digit: str) -> bool:
    """A syllable that carries a tone mark, or a trailing tone digit, and has a pinyin shape."""
    has_tone = bool(tone_digit) or any(ch in _TONED_VOWELS or ch == "ü" for ch in letters)
    return has_tone and _SYLLABLE.fullmatch(letters.translate(_TONE_FREE)) is not None


# Some converters drop the tone marks (公(gong)开): a toneless syllable is taken for an annotation
# only on a page that carries several of them, each between two characters.
TONELESS_MIN = 3


def remove_pinyin_annotations(mapped: MappedText) -> MappedText:
    text = mapped.text
    toned, toneless = [], []
    for m in _CANDIDATE.finditer(text):
        if is_pinyin_annotation(m.group(1), m.group(2)):
            toned.append(m.span())
        elif _SYLLABLE.fullmatch(m.group(1)) and m.end() < len(text) and (
                text[m.end()] in "(（" or is_cjk(text[m.end()])):
            toneless.append(m.span())
    spans = sorted(toned + (toneless if len(toneless) >= TONELESS_MIN else []))
    return mapped.delete(spans)

