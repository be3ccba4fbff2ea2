"""The derived line classifier gives exactly the lines Lark's parser gives (the grammar stays the one
description of line kinds), and its user-cache file is treated as hostile input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_check import user_cache
from lawgov_check.parse import lines as line_module
from lawgov_check.parse.lines import Line, classifier, derive_classifier, grammar_lines, lark_lines

# Characters the terminals look at, plus plain text, so that random lines hit every kind and the
# borders between them (a heading that is a date, a colon line that is metadata, …).
ALPHABET = ("一二三四五六七八九十百零〇两第章节条件款项附抄送印发年月日令号规此本联系人电话索引号发布机构成文日期"
            "0123456789 \t\n:.,、()（）〔〕[]【】|-—–/?Oo①②⑳ABGSXaz。的政府办通知")
LINES = [
    "索引号: 001/2024-00012", "| 发布机构: | 县司法局 |", "|---|---|", "  | --- | --- |",
    "市委发〔2017〕23号", "(浙政办发[2020]5号)", "第713号", "中华人民共和国国务院令 第713号",
    "HFGS—2017—9", "杨管规〔2012〕001号", "第一章 总则", "第二节 审批", "第十二条 本办法自发布之日起施行。",
    "第三条件", "一、总体要求", "一. 偏差", "一,偏差", "（一）工作目标", "(二)主要任务", "1. 第一项", "1、偏差",
    "1.5万元", "（1）细则", "①其一", "附件：1. 名单", "附 件", "附件2", "（此件公开发布）", "（联系人：张三）",
    "抄送：市委办公室", "某某办公室 2024年3月1日印发", "2024年3月1日", "二〇二四年三月一日", "2024-03-01",
    "?2024年3月1日?", "各区县人民政府:", "现将有关事项通知如下:", "普通段落。", "   ", "\t", "",
]


def same_lines(text: str) -> None:
    fast = classifier().lines(text)
    assert fast is not None, text
    assert [(l.kind, l.start, l.end, l.text) for l in fast] == \
        [(l.kind, l.start, l.end, l.text) for l in lark_lines(text)], text


def test_the_classifier_is_derived_and_used():
    assert classifier() is not None
    assert derive_classifier(line_module._parser()) is not None
    text = "一、总则\n\n第一条 目的\n"
    assert grammar_lines(text) == [Line("heading1", 0, 4, "一、总则"), Line("article", 6, 12, "第一条 目的")]


def test_every_sample_line_alone_and_together():
    for line in LINES:
        same_lines(line)
        same_lines(line + "\n")
    same_lines("\n".join(LINES))
    same_lines("\n\n".join(LINES) + "\n")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(alphabet=ALPHABET, max_size=40)), max_size=12))
def test_random_texts(parts):
    same_lines("\n".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text(text):
    same_lines(text)


def test_fixture_documents(fixtures_dir):
    for path in sorted(fixtures_dir.glob("*.txt")):
        from lawgov_check.ingest import load
        from lawgov_check.ingest.normalize import normalize

        same_lines(normalize(load(str(path))).text)


def test_real_documents(corpus_dir):
    from lawgov_check.ingest import load
    from lawgov_check.ingest.normalize import normalize

    paths = sorted(corpus_dir.rglob("*.txt"))
    assert paths
    for path in paths:
        same_lines(normalize(load(str(path))).text)


def test_a_gap_falls_back_to_lark():
    only_headings = line_module.LineClassifier(classifier().pattern, {"HEADING1": "heading1"})
    assert only_headings.lines("一、总则\n") is None  # _NL is no kind it knows: not its answer


@pytest.mark.parametrize("content", [
    b"not json", b"[]", b'{"pattern": 1, "kinds": {}}', b'{"pattern": "(", "kinds": {}}',
    b'{"pattern": "(?P<PARA>x)", "kinds": {"PARA": "paragraph", "OTHER": "x"}}',
    b'{"pattern": "(?P<PARA>x)", "kinds": {"PARA": ""}}',
    json.dumps({"pattern": "(?P<PARA>.+)", "kinds": {"PARA": 5}}).encode(),
    b'{"key": "stale", "pattern": "(?P<PARA>x)", "kinds": {"PARA": "paragraph"}}',
])
def test_a_bad_cache_file_is_rebuilt(tmp_path, monkeypatch, content):
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(tmp_path / "c"))
    user_cache.user_cache_dir.cache_clear()
    classifier.cache_clear()
    try:
        classifier()
        (cached,) = (tmp_path / "c").glob("lines-*.json")
        assert cached.stat().st_mode & 0o077 == 0
        cached.write_bytes(content)
        classifier.cache_clear()
        assert grammar_lines("一、总则\n(一)目标")[1].kind == "heading2"
        assert json.loads(cached.read_bytes())["kinds"]["HEADING2"] == "heading2"  # rewritten
    finally:
        user_cache.user_cache_dir.cache_clear()
        classifier.cache_clear()


def test_no_cache_directory(monkeypatch):
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", "")
    user_cache.user_cache_dir.cache_clear()
    classifier.cache_clear()
    try:
        assert grammar_lines("第一章 总则")[0].kind == "chapter"
    finally:
        user_cache.user_cache_dir.cache_clear()
        classifier.cache_clear()
