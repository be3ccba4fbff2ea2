"""Step 2: traditional → simplified with OpenCC, keeping the offset map."""

from __future__ import annotations

from lawgov_check.ingest.norm_chinese import to_simplified
from lawgov_check.ingest.norm_mapped import MappedText
from lawgov_check.ingest.normalize import normalize
from lawgov_check.model import Source


def norm(text: str):
    return normalize(Source.from_plain_text("test.txt", text))


def test_traditional_document_with_pinyin_artefacts_becomes_clean_simplified_text() -> None:
    source = (
        "關(guān)于印發(fā)《XX市行政規範性文件管理辦法》的通知\n"
        "各縣（市、區）人民政府，市政府各部門：\n"
        "《XX市行政規範性文件管理辦法》已經市政府常務會議審議通過，現印發(fā)給你們，請認真貫徹執行。\n"
    )
    expected = (
        "关于印发《XX市行政规范性文件管理办法》的通知\n"
        "各县(市、区)人民政府,市政府各部门:\n"
        "《XX市行政规范性文件管理办法》已经市政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n"
    )
    result = norm(source)
    assert result.text == expected
    assert result.text.count("\n") == source.count("\n")
    assert result.original(0, 4) == "關(guān)于印發"


def test_simplified_text_is_left_as_it_is() -> None:
    text = "著力推进依法行政，乾坤朗朗。后续工作由市司法局负责。"
    assert norm(text).text == text.replace("，", ",")


def test_mixed_lines_keep_one_to_one_offsets() -> None:
    source = "一、總體要求\n二、工作任務\n三、保障措施"
    result = norm(source)
    assert result.text == "一、总体要求\n二、工作任务\n三、保障措施"
    assert result.origin == list(range(len(source) + 1))


def _phrase_converter(text: str) -> str:
    """Stands in for an OpenCC phrase rule that changes length: 臺灣地區 → 台湾 (4 → 2)."""
    return text.replace("臺灣地區", "台湾").replace("臺", "台").replace("灣", "湾").replace("區", "区")


def _char_growing_converter(text: str) -> str:
    """A conversion that turns one character into two."""
    return text.replace("甲", "乙丙")


def test_length_changing_phrase_falls_back_to_character_conversion_for_that_line() -> None:
    source = "第一行不變\n來自臺灣地區的申請\n臺灣區"
    mapped = to_simplified(MappedText.identity(source), convert=_phrase_converter)
    lines = mapped.text.split("\n")
    assert lines[0] == "第一行不變"
    assert lines[1] == "來自台湾地区的申請"  # character by character: same length, 1:1
    assert lines[2] == "台湾区"  # the line kept its length: converted as a whole
    assert mapped.origin == list(range(len(source) + 1))


def test_character_growing_conversion_maps_extra_characters_to_their_source() -> None:
    source = "甲方\n乙方"
    mapped = to_simplified(MappedText.identity(source), convert=_char_growing_converter)
    assert mapped.text == "乙丙方\n乙方"
    assert mapped.origin == [0, 0, 1, 2, 3, 4, 5]


def test_lone_surrogates_do_not_break_conversion() -> None:
    result = norm("關\ud800於")
    assert result.text == "关\ud800于"
