"""Word documents: reading order, tables, automatic numbering, locations."""

from __future__ import annotations

import io

import docx
import pytest

from lawgov_check.ingest import load
from lawgov_check.model import DOCX_MEDIA_TYPE


@pytest.fixture
def source(fixtures_dir):
    return load(str(fixtures_dir / "sample_annual_report.docx"))


@pytest.fixture
def lines(source) -> list[str]:
    return source.text.split("\n")


def test_media_type(source):
    assert source.media_type == DOCX_MEDIA_TYPE
    assert source.encoding is None


def test_automatic_numbering_markers_are_visible(lines):
    level1 = [line for line in lines if line[:2] in ("一、", "二、", "三、", "四、")]
    assert [line[:2] for line in level1] == ["一、", "二、", "三、", "四、"]
    assert "三、党政主要负责人履行推进法治建设第一责任人职责情况" in lines
    level2 = [line for line in lines if line.startswith("（")]
    assert [line[:3] for line in level2] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]


def test_sub_level_restarts_under_a_new_top_level():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="977">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="977"><w:abstractNumId w:val="977"/></w:num>'))
    for level, text in [(0, "甲"), (1, "乙"), (1, "丙"), (0, "丁"), (1, "戊")]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="977"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = load("numbered.docx", data=buffer.getvalue()).text
    assert text.split("\n") == ["一、甲", "（1）乙", "（2）丙", "二、丁", "（1）戊"]


def test_table_rows_in_reading_order_with_merged_cells_once(lines):
    start = lines.index("2021年行政复议案件办理情况")
    assert lines[start + 1: start + 6] == [
        "办理结果 | 件数 | 占比", "维持 | 30 | 66.7%", "撤销 | 5 | 11.1%", "终止 | 10 | 22.2%", "合计 | 45 | 100%",
    ]
    # the table sits between the paragraph it illustrates and the next heading
    assert "行政复议案件45件" in lines[start - 1]
    assert lines[start + 6].startswith("二、存在的不足和原因")


def test_text_matches_the_plain_text_original(fixtures_dir, lines):
    original = (fixtures_dir / "sample_annual_report.txt").read_text(encoding="utf-8")
    table = {"2021年行政复议案件办理情况"} | {line for line in lines if " | " in line}
    assert [line for line in lines if line not in table] == [line for line in original.split("\n") if line]


def test_locations_are_paragraph_indexes(source, lines):
    for index in (1, 5, len(lines)):
        offset = sum(len(line) + 1 for line in lines[: index - 1])
        location = source.locate(offset + 1)
        assert location.paragraph == index
        assert location.line == index
        assert location.column == 2
        assert location.page is None


def test_empty_paragraphs_are_kept_and_counted():
    document = docx.Document()
    for text in ("标题", "", "正文"):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    source = load("gaps.docx", data=buffer.getvalue())
    assert source.text == "标题\n\n正文"
    assert source.locate(source.text.index("正文")).paragraph == 3


def test_soft_line_break_stays_in_its_paragraph():
    document = docx.Document()
    document.add_paragraph("第一段")
    paragraph = document.add_paragraph("上半行")
    paragraph.add_run().add_break()
    paragraph.add_run("下半行")
    buffer = io.BytesIO()
    document.save(buffer)
    source = load("breaks.docx", data=buffer.getvalue())
    assert source.text == "第一段\n上半行\n下半行"
    location = source.locate(source.text.index("下半行"))
    assert (location.paragraph, location.line) == (2, 2)
