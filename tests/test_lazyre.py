"""Lazily compiled patterns behave as the compiled ones and compile once, on first use."""

from __future__ import annotations

import re

import pytest

from lawgov_check import lazyre, textsafe
from lawgov_check.facts import publishing_order, tasks
from lawgov_check.identify import header, jurisdiction, title, vocabulary
from lawgov_check.ingest import markup, norm_pinyin
from lawgov_check.lazyre import lazy

TEXTS = ["[ 索引号 ]1150/2021-00118 [ 发文字号 ] 某县人民政府", "某县关于印发某办法的通知发文机关", "市长 张三\n",
         "2024年1月2日公布", "市司法局、市财政局，", "", "? ?x? 是否?", "<p>某某</P><br/>", "重庆（chong2）市人民政府令",
         "a\ud800b\\c\x07", "主题(一级)"]


@pytest.mark.parametrize("pattern", [r"[\[【](?P<key>索引号|文号)[\]】]", r"(?m)^\s*第(\d+)条", r"(a)|(b)", r"\?+"])
def test_every_method_answers_as_the_compiled_pattern(pattern):
    compiled, deferred = re.compile(pattern), lazy(pattern)
    for text in TEXTS + ["第1条\n 第22条 [文号] ab??"]:
        assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert deferred.findall(text) == compiled.findall(text)
        assert deferred.sub("-", text) == compiled.sub("-", text)
        assert deferred.subn("-", text) == compiled.subn("-", text)
        assert deferred.split(text) == compiled.split(text)
        for name in ("search", "match", "fullmatch"):
            mine, theirs = getattr(deferred, name)(text), getattr(compiled, name)(text)
            assert (mine and mine.span()) == (theirs and theirs.span())
    assert (deferred.pattern, deferred.flags, deferred.groups, deferred.groupindex) == \
           (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)


def test_compiled_once_on_first_use(monkeypatch):
    import types

    calls = []
    monkeypatch.setattr(lazyre, "re", types.SimpleNamespace(compile=lambda *a: calls.append(a) or re.compile(*a)))
    deferred = lazy(r"\d+", re.ASCII)
    assert calls == []
    assert deferred.search("ab12").group() == "12"
    assert deferred.findall("1 2") == ["1", "2"] and deferred.pattern == r"\d+"
    assert calls == [(r"\d+", re.ASCII)]


def test_a_bad_pattern_fails_on_first_use():
    deferred = lazy("(")
    with pytest.raises(re.error):
        deferred.search("x")


@pytest.mark.parametrize("deferred", [vocabulary.BRACKETED_LABEL, vocabulary.TRAILING_LABEL, header._GRID_LABEL,
                                      jurisdiction._LOWER_LEVEL, publishing_order._SIGNER,
                                      publishing_order._PUBLISHED_NOTE, publishing_order._ORGAN, tasks._UNIT_LIST,
                                      header._GRID_KEY, markup._TAG, title._RUN_IN_TITLE, norm_pinyin._CANDIDATE,
                                      textsafe._SURROGATE, textsafe._NAME_ESCAPE])
def test_the_deferred_patterns_of_the_package_compile(deferred):
    source = deferred._source  # type: ignore[attr-defined]
    compiled = re.compile(*source)
    for text in TEXTS:
        assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in compiled.finditer(text)]
