"""Mechanical corrections a rule may name (`fix:` in its YAML): the replacement of its evidence.

A fixer receives the original characters of the finding (and the text around them) and returns
the corrected characters, or None when the correction is not unambiguous — then the finding
carries no fix and `check --fix` leaves the text alone. The engine turns the replacement into
minimal edits, so two fixes of one 发文字号 (brackets and serial) do not collide.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..facts.dates import date_zh, numeric_date  # noqa: F401  (the date primitives live with the facts)
from ..lazyre import lazy
from ..model import Edit, Fix


@dataclass(frozen=True)
class FixInput:
    source: str  # the whole original text
    start: int  # the finding's span in it
    end: int
    values: dict[str, Any]  # the hit's values

    @property
    def evidence(self) -> str:
        return self.source[self.start:self.end]


Fixer = Callable[[FixInput], "str | None"]
FIXERS: dict[str, Fixer] = {}


def fixer(name: str) -> Callable[[Fixer], Fixer]:
    def register(func: Fixer) -> Fixer:
        FIXERS[name] = func
        return func
    return register


@fixer("date-form")
def _date_form(fix: FixInput) -> str | None:
    date = numeric_date(fix.evidence)
    return date_zh(date) if date else None


@fixer("chinese-numeral-date")
def _chinese_numeral_date(fix: FixInput) -> str | None:
    iso = fix.values.get("date") or fix.values.get("value")  # a predicate's or a date fact's
    if not isinstance(iso, str) or not fix.evidence.strip().endswith("日"):
        return None
    return date_zh(dt.date.fromisoformat(iso))


_NUMBER_BRACKETS = lazy(r"^(?P<head>.*?)[\[(【（]\s*(?P<year>\d{2,4})\s*[\])】）](?P<tail>.*)$", re.DOTALL)


@fixer("doc-number-brackets")
def _doc_number_brackets(fix: FixInput) -> str | None:
    m = _NUMBER_BRACKETS.match(fix.evidence)
    return f"{m['head']}〔{m['year']}〕{m['tail']}" if m else None


_SERIAL = lazy(r"(?P<bracket>[〔〕\[\]()【】（）])\s*(?:第\s*)?(?P<serial>\d+)\s*号(?P<tail>\s*)$")


@fixer("doc-number-serial")
def _doc_number_serial(fix: FixInput) -> str | None:
    m = _SERIAL.search(fix.evidence)
    if m is None or not m["serial"].strip("0"):  # 0号: no number to keep
        return None
    serial = str(int(m["serial"]))
    return fix.evidence[:m.start()] + f"{m['bracket']}{serial}号{m['tail']}"


_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


@fixer("punctuation-width")
def _punctuation_width(fix: FixInput) -> str | None:
    mark = fix.evidence
    if mark not in _FULL_WIDTH:
        return None
    if mark in "()" and not _has_partner(fix.source, fix.start, mark):
        return None  # a lone parenthesis: which of a pair it belongs to is a guess
    return _FULL_WIDTH[mark]


def _has_partner(source: str, at: int, mark: str) -> bool:
    """A bracket closing (or opening) this one on the same line, with no other opening between."""
    line_start = source.rfind("\n", 0, at) + 1
    line_end = source.find("\n", at)
    line_end = len(source) if line_end < 0 else line_end
    if mark == "(":
        for ch in source[at + 1:line_end]:
            if ch in "(（":
                return False
            if ch in ")）":
                return True
        return False
    for ch in reversed(source[line_start:at]):
        if ch in ")）":
            return False
        if ch in "(（":
            return True
    return False


def minimal_edits(start: int, old: str, new: str) -> tuple[Edit, ...]:
    """The edits turning `old` (at `start`) into `new`: one per changed stretch."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return tuple(Edit(start + i1, start + i2, new[j1:j2])
                 for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def fix_for(kind: str, source: str, span: tuple[int, int], values: dict[str, Any]) -> Fix | None:
    """The fix of a finding, or None when the fixer declines or changes nothing."""
    start, end = span
    if end <= start:
        return None
    replacement = FIXERS[kind](FixInput(source, start, end, values))
    if replacement is None or replacement == source[start:end]:
        return None
    return Fix(kind, minimal_edits(start, source[start:end], replacement))
