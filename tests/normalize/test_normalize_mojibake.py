"""Step 5: replacement characters and "?" standing in for lost characters are reported."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.norm_mojibake import count_suspicious_question_marks
from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def norm(text: str):
    return normalize(Source.from_plain_text("test.txt", text))


def test_replacement_characters_are_counted_and_kept() -> None:
    text = "全年共受理行政复议申请\ufffd\ufffd件,办结率\ufffd%。"
    result = norm(text)
    assert result.text == text
    assert result.warnings == ["发现 3 处替换字符（U+FFFD），原文可能编码有误"]


@pytest.mark.parametrize("text, count", [
    ("关?于印发实施方案的通知", 1),
    ("市司法局??区政府办公室", 1),
    ("依法?,F行政,严格??规范执法", 2),
    ("全面推进?政务公开?工作", 2),
    ("该决策是否经过合法性审查?是否集体讨论?", 0),
    ("如何确保制度落实?各地要建立台账。", 0),
    ("请问办理时限是多少?", 0),
    ("访问 http://www.example.gov.cn/index.jsp?id=12 查看", 0),
    ("What is this?", 0),
    ("没有问号的句子。", 0),
])
def test_suspicious_question_marks(text: str, count: int) -> None:
    assert count_suspicious_question_marks(text) == count


def test_question_mark_warning_is_one_chinese_line() -> None:
    result = norm("关?于印发实施方案的通知\n市司法局??区政府办公室")
    assert result.warnings == ["发现 2 处疑似乱码“?”"]
    assert "?" in result.text


def test_full_width_question_marks_in_real_questions_raise_nothing() -> None:
    assert norm("是否符合法定程序？如何加强监督？").warnings == []
