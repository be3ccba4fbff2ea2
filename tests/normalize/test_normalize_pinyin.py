"""Step 1: pinyin annotations glued to characters by web converters are removed."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.norm_pinyin import is_pinyin_annotation
from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def norm(text: str):
    return normalize(Source.from_plain_text("test.txt", text))


@pytest.mark.parametrize("source, expected", [
    ("關(guān)于做好2023年度法治政府建設工作的通知", "关于做好2023年度法治政府建设工作的通知"),
    ("市政府辦公室印發(fā)了實(shí)施方案", "市政府办公室印发了实施方案"),
    ("重(zhòng)大行政決(jué)策程序", "重大行政决策程序"),
    ("規（guī）範性文件", "规范性文件"),
    ("行政复(fu4)议", "行政复议"),
    ("绿(lǜ)色发展", "绿色发展"),
    ("嗯(ǹg)", "嗯"),
])
def test_pinyin_annotations_are_removed(source: str, expected: str) -> None:
    assert norm(source).text == expected


@pytest.mark.parametrize("text", [
    "推广政府和社会资本合作(PPP)模式",
    "《法治政府建设实施纲要(2016-2020年)》",
    "本办法所称规范性文件(以下简称文件)",
    "采用(a)类标准",  # no tone: not an annotation
    "附件(an)",
    "接入政务网(www)平台",
    "按照(shang)级要求",  # letters without a tone mark or digit
    "方案(Guān)",  # capitalised
    "编号(x1)",  # not a pinyin syllable
    "(guān)于",  # nothing before it to annotate
])
def test_parenthesised_latin_text_is_kept(text: str) -> None:
    assert norm(text).text == text


def test_removed_annotation_maps_back_to_the_original() -> None:
    result = norm("關(guān)于印發(fā)方案")
    assert result.text == "关于印发方案"
    assert result.original(0, 2) == "關(guān)于"
    assert result.original(1, 2) == "于"
    assert result.original(2, 4) == "印發"
    assert result.original(3, 5) == "發(fā)方"


@pytest.mark.parametrize("letters, digit, expected", [
    ("guān", "", True), ("zhuàng", "", True), ("lüè", "", True), ("lv", "4", True),
    ("guan", "", False), ("ppp", "", False), ("xyz", "3", False), ("hé", "", True),
])
def test_pinyin_syllable_shape(letters: str, digit: str, expected: bool) -> None:
    assert is_pinyin_annotation(letters, digit) is expected
