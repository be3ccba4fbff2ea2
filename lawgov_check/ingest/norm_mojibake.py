"""Signs of a broken encoding: U+FFFD replacement characters and "?" standing in for characters.

They are counted and reported, never removed: the text around them is still the evidence.
"""

from __future__ import annotations

import re

from .norm_cjk import is_cjk

MESSAGES = {
    "zh": {
        "replacement": "发现 {count} 处替换字符（U+FFFD），原文可能编码有误",
        "question_marks": "发现 {count} 处疑似乱码“?”",
    },
    "en": {
        "replacement": "found {count} replacement characters (U+FFFD); the file may have been decoded wrongly",
        "question_marks": "found {count} suspicious \"?\" that look like lost characters",
    },
}

# A run of "?" possibly mixed with a little ASCII debris ("??", "?,F", "?x?"), plus its trailing debris.
_QUESTION_CLUSTER = re.compile(r"\?(?:[!->@-~]{0,2}\?)*[!->@-~]{0,2}")
_LETTER = re.compile(r"[A-Za-z]")
# Words that make a clause a real question, so its "?" is a question mark (是否…? 如何…? …吗?).
_QUESTION_WORD = re.compile(r"[吗呢么哪怎何谁几吧否]|多少|难道|是不是|有没有")
_CLAUSE_END = re.compile(r"[。！？!?;；\n]")
_CONTEXT = 2  # characters looked at on each side of a cluster for Chinese text
_CLAUSE_REACH = 60


def count_suspicious_question_marks(text: str) -> int:
    count = 0
    for match in _QUESTION_CLUSTER.finditer(text):
        start, end = match.span()
        if not _in_chinese_text(text, start, end):
            continue
        cluster = match.group()
        if cluster.count("?") >= 2 or _LETTER.search(cluster):
            count += 1
        elif end < len(text) and is_cjk(text[end]) and not _ends_a_question(text, start):
            count += 1
    return count


def _in_chinese_text(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - _CONTEXT):start] + text[end:end + _CONTEXT]
    return any(is_cjk(ch) for ch in around)


def _ends_a_question(text: str, question_mark: int) -> bool:
    window = text[max(0, question_mark - _CLAUSE_REACH):question_mark]
    ends = list(_CLAUSE_END.finditer(window))
    clause = window[ends[-1].end():] if ends else window
    return _QUESTION_WORD.search(clause) is not None


def encoding_warnings(text: str, lang: str = "zh") -> list[str]:
    messages = MESSAGES.get(lang, MESSAGES["zh"])
    warnings = []
    replacements = text.count("\ufffd")
    if replacements:
        warnings.append(messages["replacement"].format(count=replacements))
    question_marks = count_suspicious_question_marks(text) if "?" in text else 0
    if question_marks:
        warnings.append(messages["question_marks"].format(count=question_marks))
    return warnings
