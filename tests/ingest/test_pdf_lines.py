"""The line-joining rules on their own."""

from __future__ import annotations

import pytest

from lawgov_check.ingest.pdf_lines import (PdfLine, body_lines, clean_line, ends_sentence, join_paragraphs, page_lines,
                                           starts_block)

FULL = "全面梳理县级行政许可事项编制公布行政许可事项清单共列入"  # 27 characters


def texts(paragraphs):
    return ["".join(line.text for line in paragraph) for paragraph in paragraphs]


@pytest.mark.parametrize(("raw", "clean"), [
    ("2020 年", "2020年"), ("法 治 政 府", "法治政府"), ("第 3 条", "第3条"), ("Rule of Law", "Rule of Law"),
    ("2 0 2 1 年", "2021年"), ("  前后空白  ", "前后空白"), ("某某委   某某政府", "某某委   某某政府"),
])
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


@pytest.mark.parametrize("line", ["一、总体要求", "（二）工作目标", "(3)备案", "1.适用范围", "2、职责", "第十二条 本办法",
                                  "第三章 附则", "附件：名单"])
def test_block_starts(line):
    assert starts_block(line)


@pytest.mark.parametrize("line", ["1.2万件", "2021年", "一是深化改革", "法治政府"])
def test_not_block_starts(line):
    assert not starts_block(line)


@pytest.mark.parametrize(("line", "ends"), [("报告如下：", True), ("予以整改。”", True), ("乡镇（街道）", False),
                                            ("存量文件", False)])
def test_sentence_ends(line, ends):
    assert ends_sentence(line) is ends


def test_page_number_lines_are_dropped():
    text = "第 1 页\n标题\n正文\n— 3 —\n-4-\n5"
    assert [line.text for line in page_lines(1, text)] == ["标题", "正文"]


def test_only_edge_lines_can_be_bare_page_numbers():
    lines = page_lines(1, "甲\n乙\n丙\n30\n丁\n戊\n己")
    assert "30" in [line.text for line in lines]


def test_full_lines_join_short_lines_do_not():
    page = [PdfLine(1, n, text) for n, text in enumerate(
        [FULL, FULL, "到位。", FULL, FULL + "，", "后续", "签发机关", "2022年3月15日"], start=1)]
    assert texts(join_paragraphs([page])) == [
        FULL * 2 + "到位。", FULL + FULL + "，" + "后续", "签发机关", "2022年3月15日",
    ]


def test_heading_never_absorbs_the_following_body():
    page = [PdfLine(1, n, text) for n, text in enumerate([FULL, FULL, "（一）主要做法", FULL, "完毕。"], start=1)]
    assert texts(join_paragraphs([page])) == [FULL * 2, "（一）主要做法", FULL + "完毕。"]


def test_indentation_beats_punctuation_when_known():
    # Paragraphs start indented; a full line ending in 。 followed by a line at the margin continues.
    rows = [(FULL, True), (FULL + "。", False), ("续写完毕。", False), (FULL, True), ("完。", False),
            (FULL, True), ("完。", False), (FULL, True), ("完。", False), (FULL, True), ("完。", False),
            (FULL, True), ("完。", False)]
    page = [PdfLine(1, n, text, indented) for n, (text, indented) in enumerate(rows, start=1)]
    assert texts(join_paragraphs([page]))[0] == FULL + FULL + "。" + "续写完毕。"


def test_title_split_over_two_lines_is_joined():
    page = [PdfLine(1, n, text) for n, text in enumerate(
        ["某某县人民政府关于2021年度法治政府", "建设情况的报告", FULL, "完。"], start=1)]
    assert texts(join_paragraphs([page]))[0] == "某某县人民政府关于2021年度法治政府建设情况的报告"


def test_paragraph_continues_across_pages():
    first = [PdfLine(1, n, FULL) for n in range(1, 7)]
    second = [PdfLine(2, 1, "完。"), PdfLine(2, 2, "二、下一部分")]
    paragraphs = join_paragraphs([first, second])
    assert texts(paragraphs) == [FULL * 6 + "完。", "二、下一部分"]
    assert [(line.page, line.line) for line in paragraphs[0]][-2:] == [(1, 6), (2, 1)]


@pytest.mark.parametrize("number", ["— 2 —", "-2-", "第 2 页 共 3 页", "第2页，共3页", "第2页/共3页", "共3页 第2页",
                                    "2/3", "Page 2 of 3", "2"])
def test_page_number_forms_at_the_foot_are_dropped(number):
    assert [line.text for line in page_lines(1, f"甲\n乙\n丙\n丁\n{number}")] == ["甲", "乙", "丙", "丁"]


def _pages(*pages: list[str]) -> list[list[PdfLine]]:
    return [[PdfLine(number, n, text) for n, text in enumerate(page, start=1)]
            for number, page in enumerate(pages, start=1)]


def test_running_header_is_dropped_and_lines_are_numbered_without_it():
    header = "某某县人民政府公报"
    pages = body_lines(_pages([header, "某某县人民政府关于印发某某办法的通知", FULL],
                              [header, FULL, "完。"], [header, "二、下一部分", "完。"]))
    assert [[line.text for line in page] for page in pages] == [
        [header, "某某县人民政府关于印发某某办法的通知", FULL], [FULL, "完。"], ["二、下一部分", "完。"]]
    assert [(line.page, line.line) for line in pages[1]] == [(2, 1), (2, 2)]


def test_running_footer_with_a_number_is_dropped():
    pages = body_lines(_pages([FULL, FULL, "某某县司法局印发 2022年第3期"], [FULL, "完。", "某某县司法局印发 2022年第4期"],
                              [FULL, "完。", "某某县司法局印发 2022年第5期"]))
    assert all("印发" not in line.text for page in pages for line in page)


def test_signatures_ending_two_documents_in_one_pdf_are_kept():
    first = ["甲" + FULL, "完。", "某某县人民政府", "2022年3月1日"]
    second = ["乙" + FULL, "完。", "某某县人民政府", "2022年5月1日"]
    pages = body_lines(_pages(["丙" + FULL, FULL], first, ["丁" + FULL, FULL], second))
    assert [line.text for line in pages[1]] == first and [line.text for line in pages[3]] == second


def test_unit_list_wrapped_after_a_separator_at_a_page_break_is_one_paragraph():
    units = "牵头单位：县司法局；责任单位：各县（市、区）人民政府、县发展改革局、县财政局；"
    pages = body_lines(_pages([FULL] * 4 + [FULL[:-1] + "。", units], ["配合单位：县审计局", "二、下一部分"]))
    assert texts(join_paragraphs(pages))[-2:] == [units + "配合单位：县审计局", "二、下一部分"]


def test_full_line_before_a_heading_on_the_next_page_is_not_joined():
    pages = body_lines(_pages([FULL] * 6, ["三、下一部分", FULL, "完。"]))
    assert texts(join_paragraphs(pages))[:2] == [FULL * 6, "三、下一部分"]


def test_centred_heading_on_the_next_page_is_not_joined_when_indentation_is_known():
    first = [PdfLine(1, n, FULL, n == 1) for n in range(1, 7)]
    second = [PdfLine(2, 1, "某某县重点任务分工方案", True), PdfLine(2, 2, FULL, True), PdfLine(2, 3, "完。", False)]
    assert texts(join_paragraphs([first, second]))[:2] == [FULL * 6, "某某县重点任务分工方案"]
