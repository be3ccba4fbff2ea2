"""The literal test before a search: it may only skip searches that would find nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
import regex
import yaml
from hypothesis import given, settings, strategies as st

from lawgov_check.rules.literals import may_match, required_literals

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pattern, expected", [
    ("规范性文件", ("规范性文件",)),
    ("重大行政决策|重大决策", ("重大",)),  # the parser takes the common prefix out first
    ("政府规章|立法项目", ("政府规章", "立法项目")),
    (r"《[^《》\n]{0,60}提纲[^《》\n]{0,20}》|[^。\n]{0,30}报告提纲", ("提纲",)),  # 报告提纲 holds 提纲
    (r"《[^《》\n]{0,60}提纲》|[^。\n]{0,30}报告提纲", ("报告提纲", "提纲》")),
    (r"(?:第[一二三]条)+说明", ("说明",)),  # the longer run wins
    (r"令第?$", ("令",)),
    (r"(?P<hit>通知)", ("通知",)),
])
def test_literals_every_match_needs(pattern: str, expected: tuple[str, ...]) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"\S",
    r"(?:规章)?(?:办法)?",          # nothing required
    r"[:：]\s*",                    # a class of two, not a literal
    r"规章|\d+",                    # one alternative needs no literal
    r"(?<=公布)\d+",                # a look-behind only: its text lies outside the match
    r"(?=通知)",
    r"(?i)notice",                  # case folded: the text may differ from the literal
    r"通知{e<=1}",                  # regex's fuzzy matching, which re would read as literal braces
    r"[[:alpha:]]+法",              # a POSIX class, read differently by re
    r"\p{Han}+法",                  # syntax re does not know
    r"甲|乙|丙|丁|戊",              # too many literals to be worth testing
    r"(",                           # invalid
])
def test_no_literals_when_unsure(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_ignore_case_has_no_literals() -> None:
    assert required_literals("通知", ignore_case=True) is None


def test_may_match_looks_only_inside_the_searched_part() -> None:
    literals = ("提纲",)
    text = "报告提纲如下"
    assert may_match(literals, text)
    assert not may_match(literals, text, 3)
    assert not may_match(literals, text, 0, 3)
    assert may_match(literals, text, 2, 4)
    assert may_match(None, "")
    assert may_match(literals, text, -2)  # negative positions are left to the engine


def _ruleset_patterns() -> list[str]:
    found: list[str] = []

    def walk(data: Any) -> Iterator[str]:
        if isinstance(data, dict):
            for key, value in data.items():
                if key in ("regex", "unless"):
                    yield from [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
                else:
                    yield from walk(value)
        elif isinstance(data, list):
            for value in data:
                yield from walk(value)

    for path in sorted((REPO / "rulesets").rglob("*.yml")):
        found.extend(walk(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted(set(found))


PATTERNS = [p for p in _ruleset_patterns() if required_literals(p) is not None]


def test_most_ruleset_patterns_have_literals() -> None:
    assert len(PATTERNS) >= 15


def _alphabet(pattern: str) -> str:
    """Characters the pattern names, so that random texts often match it."""
    return "".join(sorted({c for c in pattern if not c.isascii() or c.isalnum()} | set(" \n，。《》〔〕:：0123456789")))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_skipped_search_would_have_found_nothing(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(PATTERNS))
    pieces = st.one_of(st.sampled_from(required_literals(pattern) or ("",)),
                       st.text(alphabet=_alphabet(pattern), max_size=12))
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    compiled = regex.compile(pattern, regex.MULTILINE)
    if compiled.search(text) is not None:
        assert may_match(required_literals(pattern), text)


def test_fixtures_find_what_they_found_without_the_test() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "fixtures").rglob("*.txt"))]
    assert texts
    for pattern in PATTERNS:
        compiled = regex.compile(pattern, regex.MULTILINE)
        literals = required_literals(pattern)
        for text in texts:
            if not may_match(literals, text):
                assert compiled.search(text) is None, pattern
