"""Page shapes seen on a second round of real pages: column tags, category prefixes, grids, raw
markup, legacy numbers, body-only report years, over-broad cue words (texts our own)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


INTERPRETATION_BODY = "一、起草背景\n按照上级要求，某县总结了全年工作。\n二、主要内容\n报告共分三个部分。\n"


@pytest.mark.parametrize("tag", ["【政策解读】", "【文字解读】", "【图解】", "[转载]", "〖专题〗"])
def test_column_tag_before_the_title_is_chrome(tag):
    title = "关于《某县人民政府关于某县2022年度法治政府建设情况的报告》的政策解读"
    d = doc(f"{tag}{title}\n\n发布时间：2023-02-10 09:30\n\n{INTERPRETATION_BODY}")
    assert d.title == title
    assert d.doc_type == "drafting_explanation"
    assert d.issuer is None or "【" not in d.issuer and "《" not in d.issuer


def test_column_tag_before_a_guillemet_title():
    title = "《某市某区人民政府关于2021年法治政府建设情况的报告》文件解读"
    d = doc(f"【文字解读】{title}\n\n{INTERPRETATION_BODY}")
    assert d.title == title
    assert d.issuer is None  # the organ named inside 《》 issued the report, not this explanation


def test_bracketed_words_inside_a_title_stay():
    d = doc("关于印发【某市】营商环境优化方案的通知\n某政发〔2022〕3号\n各区人民政府：\n现印发给你们，请认真贯彻执行。\n")
    assert d.title == "关于印发【某市】营商环境优化方案的通知"
