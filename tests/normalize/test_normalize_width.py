"""Steps 3 and 4: full-width ASCII → ASCII, spaces unified, invisible characters removed."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.normalize import fold_for_matching, normalize
from lawgov_check.model import Source


def norm(text: str):
    return normalize(Source.from_plain_text("test.txt", text))


@pytest.mark.parametrize("source, expected", [
    ("（一）加强组织领导。", "(一)加强组织领导。"),
    ("发布日期：２０２１年３月１日；", "发布日期:2021年3月1日;"),
    ("是否符合要求？请于５个工作日内反馈！", "是否符合要求?请于5个工作日内反馈!"),
    ("ＰＰＰ项目共１２个，占比３．５％", "PPP项目共12个,占比3.5%"),
    ("浙政办发［2020］12号", "浙政办发[2020]12号"),
    ("｢最多跑一次｣改革､数字化转型｡", "「最多跑一次」改革、数字化转型。"),
])
def test_full_width_ascii_becomes_ascii(source: str, expected: str) -> None:
    assert norm(source).text == expected


def test_chinese_punctuation_with_its_own_meaning_is_kept() -> None:
    text = "根据《某省行政规范性文件管理办法》（某政发〔2019〕5号）、“放管服”改革要求——现通知如下……【重要】〈附〉「注」‘单’·"
    result = norm(text)
    for char in "、。“”‘’《》〔〕【】〈〉「」—…·":
        assert result.text.count(char) == text.count(char), char
    assert "〔2019〕" in result.text


@pytest.mark.parametrize("source, expected", [
    ("依法\u00a0行政", "依法 行政"),
    ("序号\t事项\t时限", "序号 事项 时限"),
    ("中共某市委\u3000\u3000某市人民政府", "中共某市委  某市人民政府"),
    ("依法\u200b行政\ufeff", "依法行政"),
    ("司法\u2060局", "司法局"),
    ("合法性\u2003审查", "合法性 审查"),
])
def test_spaces_and_invisible_characters(source: str, expected: str) -> None:
    assert norm(source).text == expected


@pytest.mark.parametrize("source, expected", [
    ("2020 年全市共办理行政复议案件 35 件", "2020年全市共办理行政复议案件35件"),
    ("法 治 政 府 建 设", "法治政府建设"),
    ("通 知", "通知"),
    ("第 三 条", "第三条"),
    ("发布日期: 2020- 02- 28 08: 46", "发布日期: 2020-02-28 08:46"),
    ("成文日期: 2021/ 03/ 01", "成文日期: 2021/03/01"),
])
def test_lone_spaces_inside_chinese_text_are_removed(source: str, expected: str) -> None:
    assert norm(source).text == expected


@pytest.mark.parametrize("text", [
    "中共某县委 某县人民政府",  # two organs of a joint signature
    "中共某县委  某县人民政府",
    "发布日期: 2020-02-28 08:46 访问次数: 12",  # a space before a label
    "区政府办公室 体裁分类: 通知",
    "Public Private Partnership 模式",
    "| 发布机构: | 县司法局 |",
    "2020-02-28 08:46",
    "1. 2021年工作计划",
])
def test_meaningful_spaces_are_kept(text: str) -> None:
    assert norm(text).text == text


def test_folded_characters_map_back_to_the_original() -> None:
    source = "（一）依法\u3000行政，共２０件。"
    result = norm(source)
    assert result.text == "(一)依法 行政,共20件。"
    assert result.original(0, 3) == "（一）"
    start = result.text.index("20")
    assert result.original(start, start + 2) == "２０"
    assert result.original(5, 6) == "\u3000"


def test_removed_spaces_stay_inside_the_original_span() -> None:
    source = "2020 年"
    result = norm(source)
    assert result.text == "2020年"
    assert result.original(0, 5) == source
    assert result.original(4, 5) == "年"


@pytest.mark.parametrize("keyword, expected", [
    ("（一）", "(一)"),
    ("關於", "关于"),
    ("行政規範性文件", "行政规范性文件"),
    ("２０２０ 年", "2020年"),
    ("合法性\u3000审查", "合法性 审查"),
    ("〔2019〕", "〔2019〕"),
])
def test_fold_for_matching(keyword: str, expected: str) -> None:
    assert fold_for_matching(keyword) == expected


def test_fold_for_matching_agrees_with_normalize() -> None:
    text = "各縣（市、區）應於２０２１年３月底前報送，逾期未報的予以通報。"
    assert fold_for_matching(text) == norm(text).text
